"""Mutable item drafts the parser fills in, validated into model Items at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from roadsec.model.roadmap import MAX_CITATIONS, Effort, ItemKind, Status
from roadsec.parse.metrics import MetricFields
from roadsec.parse.periods import Period
from roadsec.parse.text import MAX_TEXT, clean_text

UNDATED_KINDS = frozenset({ItemKind.RISK, ItemKind.METRIC})
"""Kinds whose default status is unknown: a risk or a metric is not "planned"."""


@dataclass(slots=True)
class Draft:
    id: str
    kind: ItemKind
    title: str
    line: int
    text: str = ""
    period: Period | None = None
    due: str | None = None
    status: Status | None = None
    status_reason: str | None = None
    owner: str | None = None
    effort: Effort | None = None
    metrics: list[MetricFields] = field(default_factory=list)
    parent: str | None = None
    lines: list[int] = field(default_factory=list)
    section: str | None = None
    stated: bool = False  # the item's own words date it (not its section)

    def add_text(self, more: str) -> None:
        more = clean_text(more)
        if more and more not in self.text:
            self.text = f"{self.text} {more}".strip() if self.text else more
            self.text = self.text[:MAX_TEXT]

    def add_line(self, line: int) -> None:
        if line != self.line and line not in self.lines and len(self.lines) < MAX_CITATIONS - 1:
            self.lines.append(line)

    def add_metrics(self, metrics: list[MetricFields], line: int) -> None:
        for metric in metrics:
            if all(m["raw"] != metric["raw"] or m["name"] != metric["name"] for m in self.metrics):
                self.metrics.append(metric | {"line": line})
                self.add_line(line)

    def fields(self, document: str) -> dict[str, object]:
        """The Item's fields as plain data: the Roadmap validates all items in one call."""
        dated = self.period is not None and self.kind not in UNDATED_KINDS
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "text": self.text or self.title,
            "period": self.period.id if self.period else None,
            "status": self.status or (Status.PLANNED if dated else Status.UNKNOWN),
            "status_reason": self.status_reason,
            "owner": self.owner,
            "effort": self.effort,
            "due": self.due,
            "metrics": self.metrics,
            "parent": self.parent,
            "sources": [{"document": document, "line": n} for n in [self.line, *self.lines]],
            "section": self.section,
        }
