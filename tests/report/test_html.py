"""The HTML report without a browser: self-contained, locked down, complete and inert."""

from __future__ import annotations

import base64
import hashlib
import re

from roadsec.model.plan import Plan
from roadsec.report import render
from tests.report.htmlscan import scan


def test_self_contained_and_locked_down(sample_plans: dict[str, Plan]) -> None:
    for name, plan in sample_plans.items():
        html = render(plan, "html")
        found = scan(html)
        assert found.live == [], name
        assert all(link.startswith("#") for link in found.links), (name, found.links[:5])
        csp = next(
            m["content"] for m in found.metas if m.get("http-equiv") == "Content-Security-Policy"
        )
        assert "default-src 'none'" in csp and "script-src" not in csp
        css = re.search(r"<style>(.*?)</style>", html, re.S)
        assert css is not None
        digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
        assert f"style-src 'sha256-{digest}'" in csp, "the CSP must allow exactly the page's CSS"
        assert found.tags.count("svg") == 3 and found.tags.count("style") == 1


def test_every_statement_and_citation_is_there(sample_plans: dict[str, Plan]) -> None:
    plan = sample_plans["scds-quarterly-roadmap"]
    html = render(plan, "html")
    for rec in plan.recommendations:
        assert f'id="{rec.id}"' in html
    for gap in plan.gaps:
        assert f'id="{gap.id}"' in html
    quotes = {(q.document, q.line): q.text for q in plan.quotes}
    for rec in plan.recommendations:
        for ref in rec.sources:
            assert f'<code title="{ref.document}:{ref.line}">' in html
            assert quotes[(ref.document, ref.line)].split("|")[1].strip().replace("*", "") in html


def test_deterministic(sample_plans: dict[str, Plan]) -> None:
    plan = sample_plans["data-platform-product-roadmap-2025"]
    assert render(plan, "html") == render(plan, "html")


def test_hostile_roadmap_text_is_escaped(hostile_plan: Plan) -> None:
    html = render(hostile_plan, "html")
    found = scan(html)
    assert found.live == [], "no element may carry an event handler, script or fetching attribute"
    lowered = html.lower()
    for live in ("<script", "<img", "<iframe", "<svg onload", "<body onload", '<a href="vbscript'):
        assert live not in lowered, live
    assert "javascript:" not in lowered, "a javascript: link must be dropped, keeping its label"
    assert "&lt;script&gt;alert(" in html
    assert '<a href="https://example.com/docs" rel="noopener noreferrer nofollow">ok</a>' in html
    assert "{{ 7*7 }} {% raw %}" in html, "template syntax in a roadmap is text, not template"
