"""HTML: one self-contained page (inline CSS and SVG charts, no script, nothing fetched).

Jinja2 autoescapes every value; roadmap text goes through ``report.safety.html_text`` (escaped,
http/https links only). A Content-Security-Policy meta tag allows nothing but the page's own
stylesheet (by hash) and data: images, so even a missed escape could not run or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import metadata, resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from roadsec.model.plan import Plan
from roadsec.report import charts
from roadsec.report.safety import html_text
from roadsec.report.view import CSF, SSDF, build_view, detail_parts, number


@cache
def _stylesheet() -> str:
    return resources.files("roadsec.report").joinpath("templates/report.css").read_text("utf-8")


def content_security_policy(css: str) -> str:
    """A policy that allows only this stylesheet and inline images; no script, no fetch."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


@cache
def _version() -> str:
    try:
        return metadata.version("roadsec")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "dev"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("roadsec.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = html_text
    env.filters["num"] = number
    env.globals["detail_parts"] = detail_parts
    return env


class HtmlReporter:
    media_type = "text/html"

    def render(self, plan: Plan) -> str:
        view = build_view(plan)
        timeline = charts.Timeline(view)
        css = _stylesheet()
        figures = {
            "timeline": charts.render(
                timeline.spec(), "timeline",
                "Timeline: the roadmap's changes by quarter, security investments and gaps",
            ),
            "coverage": charts.render(
                charts.coverage_spec(view), "coverage",
                "NIST CSF 2.0 categories touched per function and quarter",
            ),
            "effort": charts.render(
                charts.effort_spec(view), "effort", "Effort per quarter by priority"
            ),
        }  # fmt: skip
        return _environment().get_template("report.html.j2").render(
            view=view, plan=plan, css=css, csp=content_security_policy(css), charts=figures,
            hidden_changes=timeline.hidden, csf=CSF, ssdf=SSDF, version=_version(),
        )  # fmt: skip
