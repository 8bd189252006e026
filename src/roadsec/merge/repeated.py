"""Work written down twice: a plan of increments lists carried-over work again in a later
increment ("Moved from PI 27.1"), and a roadmap lists work both in its quarter and in a "not
staffed" section. Such mentions are one item whose current state is its latest mention.

Repeats of planned work ("Quarterly access review" in Q1 and in Q3) are separate events and
stay separate: mentions merge only when one of them has stalled or says it was carried over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roadsec.model.roadmap import STALLED, Item, ItemKind, unique_sources
from roadsec.model.timeline import order_key

_WORK = frozenset({ItemKind.INITIATIVE, ItemKind.EPIC, ItemKind.FEATURE, ItemKind.TASK})
_CARRIED_OVER = re.compile(
    r"\b(?:moved|slipped|pushed|carried(?: over)?|rolled(?: over)?|continued) from\b"
    r"|\bcarr(?:y|ied)[- ]?over\b|\brolled over\b",
    re.IGNORECASE,
)
_NOT_WORDS = re.compile(r"[\W_]+")
_MIN_KEY = 12
"""Shorter titles ("Hiring", "Other") are too generic to be the same work."""


def merge_repeated(items: Sequence[Item]) -> tuple[Item, ...]:
    """The items with each carried-over piece of work once: its latest mention (by period,
    then by position) with the sources of all its mentions, in the latest one's place."""
    groups: dict[str, list[Item]] = {}
    parents = {item.parent for item in items if item.parent}
    for item in items:
        if item.kind in _WORK and item.id not in parents:
            key = _key(item.title)
            if len(key) >= _MIN_KEY:
                groups.setdefault(key, []).append(item)
    replaced: dict[str, Item | None] = {}
    for mentions in groups.values():
        if len(mentions) < 2 or not _carried_over(mentions):
            continue
        latest = max(enumerate(mentions), key=lambda pair: (_when(pair[1]), pair[0]))[1]
        others = [m for m in mentions if m is not latest]
        sources = unique_sources([*latest.sources, *(s for m in others for s in m.sources)])
        for other in others:
            replaced[other.id] = None
        replaced[latest.id] = latest.model_copy(update={"sources": sources})
    if not replaced:
        return tuple(items)
    kept = (replaced.get(item.id, item) for item in items)
    return tuple(item for item in kept if item is not None)


def _key(title: str) -> str:
    return _NOT_WORDS.sub(" ", title.casefold()).strip()


def _carried_over(mentions: list[Item]) -> bool:
    return any(m.status in STALLED or _CARRIED_OVER.search(m.text) for m in mentions)


def _when(item: Item) -> tuple[int, int, int, int]:
    """Dated mentions come after undated ones; later periods after earlier ones."""
    if item.period is None:
        return (0, 0, 0, 0)
    return (1, *order_key(item.period))
