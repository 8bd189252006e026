"""What `analyze` finds in a roadmap: the typed input of `plan`."""

from __future__ import annotations

from dataclasses import dataclass

from roadsec.model.roadmap import Item, Metric, Roadmap, SourceRef


@dataclass(frozen=True, slots=True)
class Window:
    """An item that changes the system, opening a window for specific controls."""

    change_type: str
    item: Item
    start: str | None  # the quarter the change starts in
    evidence: str  # the words that matched


@dataclass(frozen=True, slots=True)
class SecurityWork:
    """Security work the roadmap already plans, and the controls it delivers."""

    item: Item
    controls: tuple[str, ...]
    start: str | None


@dataclass(frozen=True, slots=True)
class Constraint:
    """A roadmap target that shapes controls."""

    rule: str
    kind: str
    item: Item
    metric: Metric

    @property
    def source(self) -> SourceRef:
        line = self.metric.line or self.item.sources[0].line
        return SourceRef(document=self.item.sources[0].document, line=line)


@dataclass(frozen=True, slots=True)
class Gap:
    """Security work the roadmap leaves open."""

    rule: str
    kind: str  # stalled | ownerless | late | baseline
    title: str
    detail: str
    period: str | None
    owner_needed: bool
    sources: tuple[SourceRef, ...]
    controls: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    first_step: str | None = None
    suggested_owner: str | None = None
    technologies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Findings:
    roadmap: Roadmap
    windows: tuple[Window, ...]
    security_work: tuple[SecurityWork, ...]
    constraints: tuple[Constraint, ...]
    gaps: tuple[Gap, ...]
    quarters: tuple[str, ...]  # the roadmap's timeline, in order
    catalog_version: str
