"""The roadmap model: what `parse` produces and the JSON contract roadsec.roadmap/1."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ROADMAP_SCHEMA = "roadsec.roadmap/1"
MAX_CITATIONS = 6
"""Every item, recommendation, gap, avoid entry and consideration cites at most this many lines."""


_MEASURE_LED = re.compile(
    r"(?:[<>≤≥~]?\s*[\d.,]+\s*%?\s+|p\d\d\s+)?(?:[\w/-]+\s+){0,3}?"
    r"(?:availability|uptime|latency|response times?|error rates?|failure rates?|rate|"
    r"frequency|cadence|mtt[adrc]|mean time to \w+|time to \w+|times?|"
    r"conversion|churn|nps|csat|spend|costs?|bill)"
    r"(?=\s*(?:$|[:<>≤≥=(]|\d|(?:of|under|below|above|over|at|from|to|by|within|less|more|"
    r"p\d\d|down|up|across|in|per|for|reduced|improved|increased|cut|lowered|raised|kept|"
    r"maintained|held|stays?|remains?|is|are)\b))",
    re.IGNORECASE,
)
"""A title that leads with a measure ("Matchmaking time p90 under 45s", "Change failure rate
below 10%", "99.95% uptime across regions"), not with the work that moves it."""


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class SourceRef(_Frozen):
    """A 1-based line in the original file, as the user named it."""

    document: str
    line: int = Field(ge=1)


class ItemKind(StrEnum):
    THEME = "theme"
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"
    INITIATIVE = "initiative"
    EPIC = "epic"
    FEATURE = "feature"
    TASK = "task"
    METRIC = "metric"
    RISK = "risk"
    GOAL = "goal"


_TARGET_KINDS = frozenset({ItemKind.OBJECTIVE, ItemKind.GOAL, ItemKind.KEY_RESULT})


class Status(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DEFERRED = "deferred"
    UNSCHEDULED = "unscheduled"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


STALLED = frozenset({Status.DEFERRED, Status.UNSCHEDULED, Status.CANCELLED})
"""Statuses of work that is not going ahead as planned."""

LISTED_UNDER = "listed under"
"""How a status reason begins when the status comes from the item's section heading."""


Comparator = Literal["<", "<=", ">", ">=", "="]
Direction = Literal["increase", "decrease"]


class Metric(_Frozen):
    """A measurable target: "cut from 450ms to under 250ms" -> 300 -> <180 ms."""

    name: str
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    comparator: Comparator | None = None
    raw: str
    direction: Direction | None = None
    relative: bool = False
    line: int | None = None


class Effort(_Frozen):
    value: float
    unit: str


class Item(_Frozen):
    """One thing the roadmap says will (or will not) happen."""

    id: str
    kind: ItemKind
    title: str
    text: str
    period: str | None
    status: Status
    status_reason: str | None = None
    owner: str | None = None
    effort: Effort | None = None
    due: str | None = None
    metrics: tuple[Metric, ...] = ()
    parent: str | None = None
    sources: tuple[SourceRef, ...]
    section: str | None = None

    @property
    def status_from_section(self) -> bool:
        """The status comes from the section ("Not doing this year"), not the item's words."""
        return (self.status_reason or "").startswith(LISTED_UNDER)

    @property
    def _has_target(self) -> bool:
        return any(m.target is not None for m in self.metrics)

    @property
    def states_a_target(self) -> bool:
        """A key result that is a measured target ("p95 latency under 200ms"): it measures a
        change rather than naming one."""
        return self.kind is ItemKind.KEY_RESULT and self._has_target

    @property
    def is_a_target(self) -> bool:
        """A key result, or a goal that states a measured target ("Authorisation API: p99 <
        250ms"): owned through what it measures, never work of its own."""
        return self.kind is ItemKind.KEY_RESULT or (self.kind in _TARGET_KINDS and self._has_target)

    @property
    def only_measures(self) -> bool:
        """A goal or key result led by a measure of what exists ("99.95% availability of the
        customer-facing app", "p95 latency under 200ms"), not by a thing being built ("New GKE
        region with < 60 ms RTT")."""
        if self.kind not in _TARGET_KINDS or not self._has_target:
            return False
        return _MEASURE_LED.match(self.title) is not None


class Technology(_Frozen):
    name: str
    category: str
    sources: tuple[SourceRef, ...]
    leaving: bool = False  # every mention moves away from it ("get off Heroku", "X was rejected")


CapacityKind = Literal["budget_share", "headcount", "budget_amount", "security_staff"]


class Capacity(_Frozen):
    """A stated budget share, budget amount or headcount ("Security: 10%", "Security tooling:
    $0.25M", "Q2: 35 engineers")."""

    kind: CapacityKind
    label: str
    value: float
    unit: str
    period: str | None = None
    sources: tuple[SourceRef, ...]


class DocumentInfo(_Frozen):
    path: str
    title: str | None
    organization: str | None
    encoding: str = "utf-8"
    repaired_lines: tuple[int, ...] = ()


class Roadmap(_Frozen):
    """Everything read from one or more documents."""

    schema_: str = Field(
        default=ROADMAP_SCHEMA, alias="schema", json_schema_extra={"const": ROADMAP_SCHEMA}
    )
    organization: str | None = None
    documents: tuple[DocumentInfo, ...]
    items: tuple[Item, ...]
    technologies: tuple[Technology, ...]
    capacity: tuple[Capacity, ...] = ()

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        json_schema_serialization_defaults_required=True,
    )

    def to_dict(self) -> dict[str, object]:
        """The JSON contract roadsec.roadmap/1 as plain data."""
        return self.model_dump(mode="json", by_alias=True)


def unique_sources(refs: Iterable[SourceRef], limit: int = MAX_CITATIONS) -> tuple[SourceRef, ...]:
    """The first ``limit`` distinct references, in order."""
    out: list[SourceRef] = []
    for ref in refs:
        if ref not in out:
            out.append(ref)
            if len(out) == limit:
                break
    return tuple(out)
