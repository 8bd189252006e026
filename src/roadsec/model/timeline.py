"""Period ids as positions on a timeline: ordering, the quarter something starts, the one before.

Ids are those `parse` emits: ``2025-Q1``, ``2025-H2``, ``2025``, ``2025-Q3..Q4``, ``Q3``, and
the horizons of a Now / Next / Later roadmap: ``now``, ``next``, ``later``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_ID = re.compile(
    r"^(?:(?P<year>\d{4})(?:-(?:Q(?P<q1>[1-4])(?:\.\.Q(?P<q2>[1-4]))?|H(?P<h>[12])))?"
    r"|Q(?P<bq1>[1-4])(?:\.\.Q(?P<bq2>[1-4]))?|H(?P<bh>[12]))$"
)


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    """A span of quarters; ``year`` 0 when the roadmap never says which year."""

    year: int
    first: int
    last: int
    horizon: str = field(default="", compare=False)  # "now" | "next" | "later"

    @property
    def start(self) -> str:
        """The id of the quarter (or horizon) the span starts in."""
        if self.horizon:
            return self.horizon
        return f"{self.year}-Q{self.first}" if self.year else f"Q{self.first}"

    def quarter_before(self, floor: Slot | None = None) -> Slot:
        """The quarter before this span starts, never earlier than ``floor``'s start."""
        if self.horizon:
            earlier = {"now": "now", "next": "now", "later": "next"}[self.horizon]
            return _HORIZON_SLOTS[earlier]
        year, quarter = (self.year, self.first - 1) if self.first > 1 else (self.year - 1, 4)
        if not self.year and self.first == 1:
            year, quarter = 0, 1
        before = Slot(year, quarter, quarter)
        if floor is not None and before < Slot(floor.year, floor.first, floor.first):
            return Slot(floor.year, floor.first, floor.first)
        return before


_HORIZON_SLOTS = {
    "now": Slot(0, 1, 1, "now"),
    "next": Slot(0, 2, 2, "next"),
    "later": Slot(0, 3, 4, "later"),
}


@lru_cache(maxsize=512)
def slot(period: str | None) -> Slot | None:
    """The slot of a period id, or None for no period or an unknown id."""
    if not period:
        return None
    if period in _HORIZON_SLOTS:
        return _HORIZON_SLOTS[period]
    m = _ID.match(period)
    if not m:
        return None
    if m.group("year"):
        year = int(m.group("year"))
        if m.group("q1"):
            first = int(m.group("q1"))
            return Slot(year, first, int(m.group("q2") or first))
        if m.group("h"):
            first = 1 if m.group("h") == "1" else 3
            return Slot(year, first, first + 1)
        return Slot(year, 1, 4)
    if m.group("bq1"):
        first = int(m.group("bq1"))
        return Slot(0, first, int(m.group("bq2") or first))
    first = 1 if m.group("bh") == "1" else 3
    return Slot(0, first, first + 1)


def start_quarter(period: str | None) -> str | None:
    """``2025-Q3..Q4`` -> ``2025-Q3``; ``2025`` -> ``2025-Q1``; None stays None."""
    found = slot(period)
    return found.start if found else None


def quarters_of(periods: list[str | None]) -> list[str]:
    """The distinct start quarters of ``periods``, in time order."""
    slots = sorted({s for p in periods if (s := slot(p)) is not None})
    seen: list[str] = []
    for each in slots:
        if each.start not in seen:
            seen.append(each.start)
    return sorted(seen, key=lambda q: slot(q) or Slot(0, 0, 0))


def order_key(period: str | None) -> tuple[int, int, int]:
    """A sort key placing periods in time order and unknown or missing ones last."""
    found = slot(period)
    return (found.year, found.first, found.last) if found else (9999, 9, 9)


def period_label(period: str | None) -> str:
    """A period as prose names it: its id, or "unscheduled"."""
    return period or "unscheduled"
