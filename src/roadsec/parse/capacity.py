"""Capacity sections: stated budget shares and headcount, read as what they are, not as work."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.model.roadmap import Capacity, SourceRef
from roadsec.parse.context import Context
from roadsec.parse.periods import heading_period
from roadsec.parse.text import clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder

_CAPACITY_NUMBER = re.compile(
    r"(\d+(?:\.\d+)?)\s*(%|engineers?|people|fte|headcount|devs?|developers?)", re.IGNORECASE
)


def capacity_entry(b: ItemBuilder, label: str | None, value: str, line: int, ctx: Context) -> None:
    """A budget share ("Security: 10%") or a headcount ("Q2: 35 engineers")."""
    number = _CAPACITY_NUMBER.search(value)
    if not number:
        return
    share = number.group(2) == "%"
    period = (heading_period(label, b.year) if label else None) or ctx.period
    b.capacity.append(
        Capacity(
            kind="budget_share" if share else "headcount",
            label=clean_title(label if share and label else ctx.heading),
            value=float(number.group(1)),
            unit="%" if share else "engineers",
            period=period.id if period and not (share and period.whole_year) else None,
            sources=(SourceRef(document=b.document, line=line),),
        )
    )
