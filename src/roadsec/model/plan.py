"""The plan model: what `plan` produces and the JSON contract roadsec.plan/1."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roadsec.model.roadmap import (
    MAX_CITATIONS,
    Capacity,
    DocumentInfo,
    Item,
    SourceRef,
    Technology,
)

PLAN_SCHEMA = "roadsec.plan/1"
Priority = Literal["high", "medium", "low"]


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class Score(_Frozen):
    """An explainable priority: every part is visible and ``total`` is their sum."""

    risk: float = Field(description="risk reduction of the controls (impact 1-5)")
    window: float = Field(description="built in during the change it protects")
    exposure: float = Field(description="customer- or internet-facing change")
    gap: float = Field(description="closes a gap the roadmap leaves open")
    constraint: float = Field(description="penalty where a roadmap target argues against it")
    effort: float = Field(description="penalty for larger effort")
    total: float


class PlanEffort(_Frozen):
    person_weeks: float
    size: Literal["S", "M", "L"]


class Recommendation(_Frozen):
    id: str
    title: str
    detail: str
    period: str | None
    priority: Priority
    score: Score
    quick_win: bool
    effort: PlanEffort
    controls: tuple[str, ...]
    frameworks: dict[str, tuple[str, ...]]
    sources: tuple[SourceRef, ...] = Field(min_length=1, max_length=MAX_CITATIONS)
    kind: Literal["build-in", "pull-forward", "restart", "mitigate", "baseline"]
    change_type: str | None = None
    first_step: str | None = None
    owner: str | None = None


class PlanGap(_Frozen):
    id: str
    title: str
    detail: str
    period: str | None
    owner_needed: bool
    sources: tuple[SourceRef, ...] = Field(min_length=1, max_length=MAX_CITATIONS)
    kind: Literal["stalled", "ownerless", "late", "risk", "baseline"]
    first_step: str | None = None
    suggested_owner: str | None = None
    recommendations: tuple[str, ...] = ()


class Avoid(_Frozen):
    id: str
    title: str
    detail: str
    sources: tuple[SourceRef, ...] = Field(min_length=1, max_length=MAX_CITATIONS)


class Consideration(_Frozen):
    title: str
    text: str
    recommendations: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = Field(min_length=1, max_length=MAX_CITATIONS)


class Quote(_Frozen):
    """A cited line as the roadmap says it (repaired text, surrounding whitespace trimmed)."""

    document: str
    line: int = Field(ge=1)
    text: str


class WindowRef(_Frozen):
    """A change the plan rides: which item, which change type, when."""

    change_type: str
    item: str
    title: str
    period: str | None
    sources: tuple[SourceRef, ...]


class Plan(_Frozen):
    """The security investment plan, with the roadmap it was read from."""

    schema_: str = Field(
        default=PLAN_SCHEMA, alias="schema", json_schema_extra={"const": PLAN_SCHEMA}
    )
    organization: str | None
    catalog_version: str
    documents: tuple[DocumentInfo, ...]
    items: tuple[Item, ...]
    technologies: tuple[Technology, ...]
    capacity: tuple[Capacity, ...] = ()
    quarters: tuple[str, ...] = ()
    windows: tuple[WindowRef, ...] = ()
    recommendations: tuple[Recommendation, ...]
    gaps: tuple[PlanGap, ...]
    avoid: tuple[Avoid, ...]
    considerations: tuple[Consideration, ...]
    quotes: tuple[Quote, ...] = Field(
        default=(), description="the text of every line the plan cites, in document order"
    )

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        json_schema_serialization_defaults_required=True,
    )

    def to_dict(self) -> dict[str, object]:
        """The JSON contract roadsec.plan/1 as plain data."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)
