"""Period conventions a document defines for itself: aliases ("`PLAT 27.1` = Jan–Mar 2027",
"PI 3 = Q2 2026") that date the rows citing them, and a fiscal year ("FY27 runs from
1 October 2026") that turns "Q2 FY27" into calendar quarters."""

from __future__ import annotations

import re

from roadsec.parse.periods import MONTHS, FiscalYear, Period, heading_period

_SCAN_LIMIT = 20_000  # characters of the document searched for a legend
_MAX_ALIASES = 50
_REACH = 52  # characters before an "=" that can hold its alias
_ALIAS = re.compile(r"`?(?P<alias>[A-Za-z][\w.-]{0,15}(?: [\w.-]{1,15}){0,2})`?[ \t]*\Z")
_PERIOD = re.compile(r"[ \t]*`?(?P<period>[^,;`=\n]{2,30})")


def period_aliases(text: str, year: int | None) -> dict[str, Period]:
    """Lower-cased alias -> the period it stands for. An alias has a digit, is no period itself,
    and stands for exactly one readable period."""
    found: dict[str, Period] = {}
    head = text[:_SCAN_LIMIT]
    if "|" in head:
        _table_aliases(head, year, found)
    if "=" not in head:
        return found
    equals = head.find("=")
    while equals != -1:
        named = _ALIAS.search(head, max(0, equals - _REACH), equals)
        stands = _PERIOD.match(head, equals + 1)
        equals = head.find("=", equals + 1)
        if named is None or stands is None:
            continue
        alias = named.group("alias").strip()
        if not any(ch.isdigit() for ch in alias) or heading_period(alias, year) is not None:
            continue
        period = heading_period(stands.group("period").strip(" .)("), year)
        if period is not None and not period.whole_year:
            found.setdefault(alias.lower(), period)
            if len(found) >= _MAX_ALIASES:
                break
    return found


_ROW = re.compile(
    r"^\|[ \t]*`?(?P<alias>[^|`\n]{2,20}?)`?[ \t]*\|[ \t]*(?P<period>[^|\n]{2,40}?)[ \t]*\|",
    re.MULTILINE,
)


def _table_aliases(head: str, year: int | None, found: dict[str, Period]) -> None:
    """ "| PI 27.1 | Jan 6 – Mar 28 |": a calendar table whose first column names a period
    the document defines and whose second gives its dates."""
    for row in _ROW.finditer(head):
        alias = row.group("alias").strip()
        if not any(ch.isdigit() for ch in alias) or not _ALIAS.fullmatch(alias):
            continue
        if heading_period(alias, year) is not None:
            continue
        period = heading_period(row.group("period"), year)
        if period is not None and not period.whole_year:
            found.setdefault(alias.lower(), period)
            if len(found) >= _MAX_ALIASES:
                return


_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_FISCAL = re.compile(
    # "Fiscal year FY27 runs from 1 October 2026", "our financial year starts in April",
    r"\b(?:fiscal|financial) years?\s*(?:\(?\s*FY\s*'?(?P<fy>\d{2}|20\d\d)\s*\)?\s*)?"
    r"|\bFY\s*'?(?P<fy2>\d{2}|20\d\d)\s+",
    re.IGNORECASE,
)
_STARTS = re.compile(
    r"(?:runs|starts|begins|commences|is)\s+(?:from\s+|on\s+|in\s+)?(?:the\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>" + _MONTH_NAME + r")\b\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+(?P<year>20\d\d))?",
    re.IGNORECASE,
)
_FIRST_QUARTER = re.compile(
    r"\bQ1\s+FY\s*'?(?P<fy>\d{2}|20\d\d)\s*(?:is|=|covers|spans|runs|:)\s*"
    r"(?P<month>" + _MONTH_NAME + r")\b[^\n]{0,24}?(?P<year>20\d\d)?",
    re.IGNORECASE,
)


def fiscal_year(text: str) -> FiscalYear | None:
    """The fiscal year a document states, if it starts in a month other than January."""
    head = text[:_SCAN_LIMIT]
    lowered = head.lower()
    if "fiscal" not in lowered and "financial year" not in lowered and "fy" not in lowered:
        return None
    for m in _FISCAL.finditer(head):
        starts = _STARTS.match(head, m.end())
        if starts:
            return _fiscal(m.group("fy") or m.group("fy2"), starts.group("month"),
                           starts.group("year"))  # fmt: skip
    first = _FIRST_QUARTER.search(head)
    if first:
        return _fiscal(first.group("fy"), first.group("month"), first.group("year"))
    return None


def _fiscal(fy: str | None, month: str, year: str | None) -> FiscalYear | None:
    start = MONTHS[month.lower().rstrip(".")]
    if start == 1:
        return None
    if fy and year:  # "FY27 runs from October 2026": named by the year it ends in
        number = int(fy) + (2000 if len(fy) == 2 else 0)
        return FiscalYear(start, named_by_end=number > int(year))
    return FiscalYear(start)
