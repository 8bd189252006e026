"""What `analyze` finds in a roadmap: the typed input of `plan`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from roadsec.model.roadmap import MAX_CITATIONS, Item, Metric, Roadmap, SourceRef


def distinct_sources(
    refs: Iterable[SourceRef], limit: int = MAX_CITATIONS
) -> tuple[SourceRef, ...]:
    """The first ``limit`` distinct references, in order (told apart by document and line,
    without model equality)."""
    seen: set[tuple[str, int]] = set()
    out: list[SourceRef] = []
    for ref in refs:
        key = (ref.document, ref.line)
        if key not in seen:
            seen.add(key)
            out.append(ref)
            if len(out) == limit:
                break
    return tuple(out)


class Window(NamedTuple):
    """An item that changes the system, opening a window for specific controls."""

    change_type: str
    item: Item
    start: str | None  # the quarter the change starts in
    evidence: str  # the words that matched


class SecurityWork(NamedTuple):
    """Security work the roadmap already plans, and the controls it delivers."""

    item: Item
    controls: tuple[str, ...]
    start: str | None


class Constraint(NamedTuple):
    """A roadmap target that shapes controls."""

    rule: str
    kind: str
    item: Item
    metric: Metric
    source: SourceRef  # the target's own line


class Gap(NamedTuple):
    """Security work the roadmap leaves open."""

    rule: str
    kind: str  # stalled | ownerless | late | risk | baseline
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
    declined: tuple[Item, ...] = ()  # security work a "Not doing" section turns down
    unassessed: tuple[Item, ...] = ()  # stated risks no control of the catalog reduces
