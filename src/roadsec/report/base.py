"""The reporter interface and the registry of formats."""

from __future__ import annotations

import importlib
from typing import Protocol

from roadsec.errors import RoadsecError
from roadsec.model.plan import Plan


class Reporter(Protocol):
    """Turns a plan into text; every format implements just this."""

    media_type: str

    def render(self, plan: Plan) -> str: ...


_MODULES: dict[str, tuple[str, str]] = {
    "md": ("roadsec.report.markdown", "MarkdownReporter"),
    "html": ("roadsec.report.html", "HtmlReporter"),
    "json": ("roadsec.report.json_report", "JsonReporter"),
    "csv": ("roadsec.report.csv_report", "CsvReporter"),
}
FORMATS: tuple[str, ...] = tuple(_MODULES)


def reporter(format: str) -> Reporter:
    """The reporter of ``format``; only its module is imported (HTML pulls in the charts)."""
    if format not in _MODULES:
        raise RoadsecError(f"unknown report format {format!r}", f"use one of {', '.join(FORMATS)}")
    module, name = _MODULES[format]
    made: Reporter = getattr(importlib.import_module(module), name)()
    return made


def render(plan: Plan, format: str) -> str:
    """The plan in ``format`` (one of FORMATS)."""
    return reporter(format).render(plan)
