"""Strict schemas for every catalog entry: unknown fields, bad enums and bad patterns fail."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Level = Literal["none", "low", "medium", "high"]
Size = Literal["S", "M", "L"]
FrameworkName = Literal["nist-csf-2.0", "nist-ssdf-1.1"]
Domain = Literal[
    "platform", "pipeline", "identity", "application", "data", "ai", "detection", "response",
    "recovery", "governance", "edge",
]  # fmt: skip
Exposure = Literal["external", "internal"]
ConstraintKind = Literal["latency", "availability", "cadence", "cost", "detection", "capacity"]
GapKind = Literal["stalled", "ownerless", "late", "baseline", "risk"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compile_all(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad pattern {pattern!r}: {exc}") from exc
    return patterns


class Examples(_Strict):
    """Phrases the entry must match (positive) and must not match (negative)."""

    positive: tuple[str, ...] = Field(min_length=1)
    negative: tuple[str, ...] = Field(min_length=1)


class Effort(_Strict):
    size: Size
    person_weeks: float = Field(gt=0, le=52)


class Control(_Strict):
    """One security control: what to build, why, and what it costs the roadmap."""

    id: Id
    title: str = Field(min_length=5, max_length=100)
    domain: Domain
    what: str = Field(min_length=20)
    why: str = Field(min_length=20)
    frameworks: dict[FrameworkName, tuple[str, ...]]
    effort: Effort
    impact: int = Field(ge=1, le=5, description="risk reduction, 1 (low) to 5 (high)")
    latency_impact: Level = Field(description="added latency on the request path")
    inline: bool = Field(description="sits on the request path")
    blocking: bool = Field(description="can stop a release or a request when it fires")
    operational_overhead: Level
    prerequisites: tuple[Id, ...] = ()
    quick_win: bool = False
    foundation: bool = Field(False, description="other controls build on it; front-load it")
    recognized_by: tuple[str, ...] = Field(
        default=(), description="patterns meaning the roadmap already plans this control"
    )
    first_step: str | None = Field(None, description="an incremental first step, for gaps")
    examples: Examples | None = None
    mitigates: tuple[str, ...] = Field(
        default=(), description="patterns of a risk the roadmap states that this control mitigates"
    )
    risk_examples: Examples | None = Field(
        None, description="stated risks ``mitigates`` must match, and must not"
    )

    @field_validator("recognized_by", "mitigates")
    @classmethod
    def _recognizers_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _compile_all(value)

    @model_validator(mode="after")
    def _risks_have_examples(self) -> Control:
        if self.mitigates and self.risk_examples is None:
            raise ValueError("a control that mitigates stated risks carries risk_examples")
        return self

    @field_validator("frameworks")
    @classmethod
    def _some_mapping(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        if not any(value.values()):
            raise ValueError("map the control to at least one framework id")
        return value


class ChangeType(_Strict):
    """A kind of roadmap change that opens a window for specific controls."""

    id: Id
    title: str
    action: str = Field(description="recommendation title; {item} is the change's title")
    signals: tuple[str, ...] = Field(min_length=1)
    excludes: tuple[str, ...] = ()
    exposure: Exposure
    expansion: bool = Field(False, description="growth that foundations should precede")
    opened_by_targets: bool = Field(
        True,
        description="a goal or key result led by a measure ('99.95% availability of the app') "
        "opens a window of this kind; false for changes that build something new, which a "
        "target on what exists does not name",
    )
    timing: Literal["earliest", "busiest"] = Field(
        "earliest",
        description="schedule at the first window, or at the quarter with the most windows",
    )
    controls: tuple[Id, ...] = Field(min_length=1)
    rationale: str = Field(min_length=20, description="why this change is the moment")
    examples: Examples

    @field_validator("signals", "excludes")
    @classmethod
    def _signals_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _compile_all(value)


class AvoidTemplate(_Strict):
    id: Id
    title: str
    detail: str = Field(description="may use {target} (the target as written, with its item)")


class ConstraintRule(_Strict):
    """A roadmap target that shapes or rules out controls."""

    id: Id
    kind: ConstraintKind
    title: str
    metric_name: tuple[str, ...] = Field(min_length=1, description="patterns on the metric name")
    exclude_name: tuple[str, ...] = Field((), description="metric names that are not this target")
    units: tuple[str, ...] = ()
    penalize: dict[Literal["latency_impact", "operational_overhead"], tuple[Level, ...]] = {}
    penalize_blocking: bool = False
    domains: tuple[Domain, ...] = Field((), description="controls it applies to; empty = all")
    shape: str = Field(description="how controls are adapted under this target")
    avoid: tuple[AvoidTemplate, ...] = ()
    examples: Examples

    @field_validator("metric_name", "exclude_name")
    @classmethod
    def _names_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _compile_all(value)


class GapRule(_Strict):
    """A shape of security work the roadmap leaves open."""

    id: Id
    kind: GapKind
    title: str
    detail: str
    detail_same_quarter: str | None = Field(
        None, description="late work in the change's own quarter, after it goes live"
    )
    statuses: tuple[Literal["deferred", "unscheduled", "cancelled"], ...] = ()
    reason_patterns: tuple[str, ...] = ()
    examples: Examples | None = None

    @field_validator("reason_patterns")
    @classmethod
    def _reasons_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _compile_all(value)


class Baseline(_Strict):
    """Controls a detected technology clearly needs, whether or not an item mentions them."""

    id: Id
    technologies: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    controls: tuple[Id, ...] = Field(min_length=1)
    rationale: str = Field(min_length=20)
