"""The reporter interface and the registry of formats."""

from __future__ import annotations

from typing import Protocol

from roadsec.errors import RoadsecError
from roadsec.model.plan import Plan


class Reporter(Protocol):
    """Turns a plan into text; every format implements just this."""

    media_type: str

    def render(self, plan: Plan) -> str: ...


def _registry() -> dict[str, Reporter]:
    from roadsec.report.json_report import JsonReporter
    from roadsec.report.markdown import MarkdownReporter

    return {"md": MarkdownReporter(), "json": JsonReporter()}


FORMATS: tuple[str, ...] = ("md", "json")


def render(plan: Plan, format: str) -> str:
    """The plan in ``format`` (one of FORMATS)."""
    reporters = _registry()
    if format not in reporters:
        raise RoadsecError(f"unknown report format {format!r}", f"use one of {', '.join(FORMATS)}")
    return reporters[format].render(plan)
