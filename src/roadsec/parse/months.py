"""Months and years beyond the period forms: a Gantt chart's month columns, a month of a
fiscal year ("Aug FY27"), and the year an untitled document speaks of most."""

from __future__ import annotations

import re

from roadsec.parse.periods import MONTH, MONTHS, FiscalYear, Period, quarter_of

_ONLY_MONTH = re.compile(r"^\s*" + MONTH + r"(?:\s+(?:20\d\d|'\d\d))?\s*$", re.IGNORECASE)

_MONTH_OF_FY = re.compile(
    r"\b" + MONTH + r"\s+fy\s*'?(?:(?P<year>20\d\d)|(?P<yy>\d\d))\b", re.IGNORECASE
)


def month_of_fiscal_year(text: str, fiscal: FiscalYear | None) -> tuple[Period, str] | None:
    """ "Aug FY27": a month of a fiscal year, as its calendar quarter and month (FY27 starting
    in July 2026 puts August in 2026-Q3); without a stated fiscal year, FY27 is 2027."""
    m = _MONTH_OF_FY.search(text)
    if m is None:
        return None
    year = int(m.group("year")) if m.group("year") else 2000 + int(m.group("yy"))
    month = MONTHS[m.group("month").lower()]
    if fiscal is not None and fiscal.start_month > 1 and month >= fiscal.start_month:
        year -= 1 if fiscal.named_by_end else 0
    elif fiscal is not None and fiscal.start_month > 1 and not fiscal.named_by_end:
        year += 1
    quarter = quarter_of(month)
    return Period(year, quarter, quarter), f"{year:04d}-{month:02d}"


def only_month(text: str) -> bool:
    """A month and nothing else ("Jan", "March 2027"): a Gantt chart's column."""
    return _ONLY_MONTH.match(text) is not None


def main_year(text: str) -> int | None:
    """The year a document speaks of most ("from Q2 2027", "Q4 2027", "in 2027"), the earlier
    one on a tie ("… other sites in 2028"): the year of its undated quarters when its title
    names none."""
    counts: dict[int, int] = {}
    text = text[:MAX_DOCUMENT_SCAN]
    for m in _A_YEAR.finditer(text):
        start, end = m.span()
        if (start and (text[start - 1].isalnum() or text[start - 1] in ".$€£")) or (
            end < len(text) and (text[end].isdigit() or text[end] == "%")
        ):
            continue  # "v2027", "20275", "2025%": no year
        year = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
        counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda year: (counts[year], -year)) if counts else None


_A_YEAR = re.compile(r"(20\d\d)|[Ff][Yy]\s?'?(\d\d)")
"""A year as text names one: "2027", "Q2 2027", "FY27" (one cheap pass over a document)."""
MAX_DOCUMENT_SCAN = 200_000
"""Characters of a document ``main_year`` reads: enough for any roadmap, bounded for any input."""
