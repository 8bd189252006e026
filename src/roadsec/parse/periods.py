"""Periods and due dates in roadmap prose: "Q3-Q4 2025", "H1", "by end of Q2 2025", "(March 2025)"."""

from __future__ import annotations

import re
from typing import NamedTuple

from roadsec.parse.text import MAX_TEXT, lowers_faithfully

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>20\d\d)"
# A year after a quarter or half: 2026, FY2026, FY26, FY'26, '26.
_QYEAR = r"(?:(?:fy\s*)?(?P<year>20\d\d)|(?:fy\s*'?|')(?P<yy>\d\d)(?!\d))"
_SEP = r"\s*(?:-|–|—|/|to|through|thru|and|&)\s*"


class Period(NamedTuple):
    """A span of quarters; ``half`` / ``whole_year`` keep the author's granularity (a named
    tuple: one is made per period found, it must be cheap to make)."""

    year: int | None
    first: int  # first quarter, 1..4
    last: int  # last quarter, 1..4
    half: bool = False
    whole_year: bool = False
    horizon: str | None = None  # "now", "next" or "later" on a relative roadmap
    fiscal: bool = False  # written in fiscal terms ("Q2 FY27"): the document's calendar decides

    @property
    def id(self) -> str:
        if self.horizon:
            return self.horizon
        prefix = f"{self.year}-" if self.year else ""
        if self.whole_year:
            return str(self.year) if self.year else "year"
        if self.half:
            return f"{prefix}H{1 if self.first == 1 else 2}"
        if self.first == self.last:
            return f"{prefix}Q{self.first}"
        return f"{prefix}Q{self.first}..Q{self.last}"

    def with_year(self, year: int | None) -> Period:
        if self.year or not year or self.horizon:
            return self
        return self._replace(year=year)

    def in_calendar(self, fiscal: FiscalYear | None) -> Period:
        """A fiscal period in calendar quarters, by the document's fiscal year. A span that
        crosses a calendar year keeps its first quarter (where the work starts)."""
        if not self.fiscal or fiscal is None or self.year is None or self.whole_year:
            return self
        start = (fiscal.start_month - 1) // 3  # calendar quarter the fiscal year opens in, 0..3
        base = self.year - 1 if fiscal.named_by_end and start else self.year
        first, last = start + self.first - 1, start + self.last - 1
        if first // 4 != last // 4:
            last = first
        half = self.half and last == first + 1 and first % 4 in (0, 2)
        return Period(base + first // 4, first % 4 + 1, last % 4 + 1, half=half)


class FiscalYear(NamedTuple):
    """A document's fiscal year: the month it starts and whether FY27 names the year it ends in
    (Oct 2026 - Sep 2027, the usual way) or the one it starts in."""

    start_month: int
    named_by_end: bool = True


# Written in lower case: find_periods runs them on lower-cased text.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "qspan",
        r"\bq(?P<q1>[1-4])" + _SEP + r"q(?P<q2>[1-4])(?:,?\s*" + _QYEAR + r")?\b",
    ),
    ("yq", r"\b" + _QYEAR + r"\s*[-/ ]?\s*q(?P<q1>[1-4])\b"),
    ("q", r"\bq(?P<q1>[1-4])(?:\s*[,/]?\s*" + _QYEAR + r")?\b"),
    (
        "qword",
        r"\b(?:quarter\s*(?P<n>[1-4])|(?P<ord>1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter)"
        r"(?:\s*(?:of\s*)?,?\s*" + _QYEAR + r")?\b",
    ),
    # "1H 2027" needs its year: a bare "1h" is an hour ("restore within 1h").
    (
        "h",
        r"\b(?:h(?P<h>[12])|(?P<h2>[12])h(?=\s*,?\s*['’]?(?:fy\s*)?\d\d))(?:\s*,?\s*"
        + _QYEAR
        + r")?\b",
    ),
    ("yh", r"\b" + _YEAR + r"\s*[-/ ]?\s*h(?P<h>[12])\b"),
    ("hwords", r"\b(?P<which>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+" + _YEAR + r")?"),
    # "Jan – Mar 2027", "Jan 6 – Mar 28": a span of months, the days of its ends aside
    (
        "mspan",
        r"\b" + MONTH + r"(?:\s[0-3]?\d)?" + _SEP + r"(?P<month2>[a-z]{3,9})\.?(?:\s[0-3]?\d\b)?"
        r"(?:,?\s+" + _YEAR + r")?\b",
    ),
    (
        "month",
        r"\b" + MONTH + r"(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?)?\s+" + _YEAR + r"\b",
    ),
    # "by end of May", "GA in March", "— June": a month a deadline names, in the text's year
    (
        "bmonth",
        r"(?:(?<=\bby )|(?<=\bin )|(?<=\bend of )|(?<=\bearly )|(?<=\bmid-)|(?<=\bmid )"
        r"|(?<=\blate )|(?<=\buntil )|(?<=\bbefore )|(?<=\bdue )|(?<=\beta )|(?<=: )|(?<=— )"
        r"|(?<=– ))" + MONTH + r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?\b)?(?![\w-])",
    ),
    ("season", r"\b(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+" + _YEAR + r"\b"),
    ("iso", r"\b" + _YEAR + r"-(?P<mm>[01]\d)(?:-(?P<dd>[0-3]\d))?\b"),
    ("yearend", r"\byear[\s-]end\b|\bend of (?:the )?year\b|\beoy\b"),
    ("fy", r"\bfy\s*'?(?:" + _YEAR + r"|(?P<yy>\d\d))(?!\d)"),
    ("year", r"(?<![\d.$€£])\b" + _YEAR + r"\b(?![.%]\d|%)"),
)
_ALTERNATIVES = "|".join(
    f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}_')})" for kind, pattern in _PATTERNS
)
# Every form starts with one of these characters: a cheap look-ahead skips the other words.
_COMBINED = re.compile(r"\b(?=[qfhjmasondtwye1-4'])(?:" + _ALTERNATIVES + ")")
"""Every period form in one pattern: the first alternative that matches at a position wins."""
_COMBINED_FOLDED = re.compile(_COMBINED.pattern, re.IGNORECASE)
"""The same on text that lower-casing would change in length or meaning."""


def _year_groups(kind: str, pattern: str) -> tuple[str | None, str | None]:
    names = re.compile(pattern).groupindex
    return (f"{kind}_year" if "year" in names else None, f"{kind}_yy" if "yy" in names else None)


_YEAR_GROUPS = {kind: _year_groups(kind, pattern) for kind, pattern in _PATTERNS}
"""Per form, the groups holding its year (20xx) and short year ('26), where it has them."""


_HISTORY = re.compile(
    r"\b(?:from|originally|initially|previously|proposed(?: for| in)?|was|were|since|prior to|vs\.?|"
    r"versus|compared (?:to|with)|than|relative to|against)\s*$"
    r"|\b(?:was|were|originally|initially|previously)\s+(?:planned|scheduled|due|targeted|committed|"
    r"promised)(?:\s+(?:for|in|by))?\s*$",
    re.IGNORECASE,
)


_ANCHORED = re.compile(r"\b(?:before|after|ahead of|prior to|once|when|since)\b", re.IGNORECASE)
"""Words that tie a bare month to another event, not to the item ("before … in April")."""
_NOT_IN = re.compile(r"\bnot (?:\w+ )?(?:in|this|before|until|during)\s*$", re.IGNORECASE)
"""A heading's period that its work is kept out of ("On hold / not in 2027")."""
_MOVED_TO = re.compile(
    r"\b(?:moved|pushed|slipped|slid|bumped|rescheduled|postponed|deferred|delayed)"
    r"(?: out| back)? (?:to|into|until)\s*$",
    re.IGNORECASE,
)
"""Words before the period work was moved to: it replaces the one stated first."""
_END_OF = re.compile(r"\bend of\s*(?:the\s*)?$", re.IGNORECASE)


def _quarter_end(period: Period) -> str | None:
    """ "by end of Q2 2025" -> 2025-06: the last month of a dated quarter or half."""
    if period.year is None or period.whole_year:
        return None
    return f"{period.year:04d}-{period.last * 3:02d}"


class Found(NamedTuple):
    period: Period
    due: str | None
    start: int
    end: int
    deadline: bool = False  # a bare month a deadline names ("by end of May"): not a section's


_SEASON_QUARTER = {"winter": 1, "spring": 2, "summer": 3, "autumn": 4, "fall": 4}


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def _match_to_found(kind: str, m: re.Match[str], context_year: int | None) -> Found | None:
    year_group, yy_group = _YEAR_GROUPS[kind]
    year_text = m.group(year_group) if year_group else None
    yy = m.group(yy_group) if yy_group else None
    year = int(year_text) if year_text else (2000 + int(yy) if yy else None)
    if kind == "qspan":
        q1, q2 = int(m.group("qspan_q1")), int(m.group("qspan_q2"))
        if q2 < q1:
            return None
        return Found(Period(year, q1, q2), None, m.start(), m.end())
    if kind in ("q", "yq"):
        quarter = int(m.group(f"{kind}_q1"))
        return Found(Period(year, quarter, quarter), None, m.start(), m.end())
    if kind == "qword":
        n = m.group("qword_n")
        quarter = int(n) if n else _ORDINALS[(m.group("qword_ord") or "").lower()]
        return Found(Period(year, quarter, quarter), None, m.start(), m.end())
    if kind in ("h", "yh"):
        half = m.group(f"{kind}_h") or (m.group("h_h2") if kind == "h" else None)
        first = 1 if half == "1" else 3
        return Found(Period(year, first, first + 1, half=True), None, m.start(), m.end())
    if kind == "hwords":
        first = 1 if m.group("hwords_which").lower() in ("first", "1st") else 3
        return Found(Period(year, first, first + 1, half=True), None, m.start(), m.end())
    if kind == "mspan":
        month1 = MONTHS[m.group("mspan_month").lower()]
        month2 = MONTHS.get(m.group("mspan_month2").lower())
        if month2 is None or month2 < month1:
            return None
        period = Period(year, quarter_of(month1), quarter_of(month2))
        return Found(period, None, m.start(), m.end())
    if kind == "bmonth":
        month = MONTHS[m.group("bmonth_month").lower()]
        period = Period(context_year, quarter_of(month), quarter_of(month))
        due = f"{context_year:04d}-{month:02d}" if context_year else None
        return Found(period, due, m.start(), m.end(), deadline=True)
    if kind == "month":
        month = MONTHS[m.group("month_month").lower()]
        day = m.group("month_day")
        due = f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return Found(Period(year, quarter_of(month), quarter_of(month)), due, m.start(), m.end())
    if kind == "season":  # northern-hemisphere seasons, each read as the quarter it mostly falls in
        quarter = _SEASON_QUARTER[m.group("season_season").lower()]
        return Found(Period(year, quarter, quarter), None, m.start(), m.end())
    if kind == "iso":
        month = int(m.group("iso_mm"))
        if not 1 <= month <= 12:
            return None
        dd = m.group("iso_dd")
        due = f"{year:04d}-{month:02d}" + (f"-{dd}" if dd else "")
        return Found(Period(year, quarter_of(month), quarter_of(month)), due, m.start(), m.end())
    if kind == "yearend":
        year_end = f"{context_year:04d}-12" if context_year else None
        return Found(Period(context_year, 4, 4), year_end, m.start(), m.end())
    return Found(Period(year, 1, 4, whole_year=True), None, m.start(), m.end())


_MAYBE_PERIOD = re.compile(
    r"q(?:[1-4]|uarter)|h(?:[12]|alf)|1h|2(?:h|0\d\d)|'\d\d|fy|year|eoy|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec"
)
"""A cheap necessary condition on lower-cased text: every period form has a quarter, half or
20xx token, or one of these words. Every alternative starts with a literal character, so a
search skips the other characters without trying the alternatives."""
_ORDINALS = {
    "1st": 1,
    "first": 1,
    "2nd": 2,
    "second": 2,
    "3rd": 3,
    "third": 3,
    "4th": 4,
    "fourth": 4,
}


def find_periods(text: str, context_year: int | None = None) -> list[Found]:
    """Every period stated in ``text``, most specific first per position, in text order."""
    text = text[:MAX_TEXT]
    lowered = text.lower()
    if not _MAYBE_PERIOD.search(lowered):
        return []
    # Lower-cased text with a case-sensitive pattern matches as IGNORECASE would, and faster,
    # unless the text holds one of the characters on which the two disagree.
    matches = (
        _COMBINED.finditer(lowered) if lowers_faithfully(text) else _COMBINED_FOLDED.finditer(text)
    )
    found: list[Found] = []
    for m in matches:
        hit = _match_to_found(m.lastgroup or "", m, context_year)
        if hit is not None and "fy" in m.group(0).lower():
            hit = hit._replace(period=hit.period._replace(fiscal=True))
        if hit is not None:
            found.append(hit)
    return found


def own_period(text: str, context_year: int | None) -> tuple[Period | None, str | None]:
    """The period and due date an item states for itself, ignoring where it came from.

    "slipped from Q3" or "originally planned for Q1" name history, not the item's period.
    """
    text = text[:MAX_TEXT]
    period: Period | None = None
    due: str | None = None
    stated = 0
    for hit in find_periods(text, context_year):
        before = text[max(0, hit.start - 32) : hit.start]
        if _HISTORY.search(before) or _NOT_IN.search(before):
            continue  # "slipped from Q3", "not in 2027": not the item's own period
        if text.startswith((" in a row", " running"), hit.end):  # "missed (2nd quarter in a row)"
            continue
        if hit.deadline and _ANCHORED.search(text[max(0, hit.start - 70) : hit.start]):
            continue  # "finish before the auditors sample changes in April": another's date
        if text[hit.start].isdigit() and not _dates_work(text, hit, context_year):
            continue
        if (
            period is not None
            and _MOVED_TO.search(text[max(0, hit.start - 24) : hit.start])
            and ". " not in text[stated : hit.start]
        ):
            return hit.period.with_year(context_year), hit.due  # "by March — moved to Q2"
        if period is None:
            stated = hit.end  # a move in the same sentence replaces this date
            period = hit.period.with_year(context_year)
            if (
                due is None
                and not hit.due
                and _END_OF.search(text[max(0, hit.start - 16) : hit.start])
            ):
                due = _quarter_end(period)
        if due is None and hit.due:
            due = hit.due
    return period, due


_NAMED_YEAR = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w-]{2,})\s+$")
_ATTRIBUTIVE = re.compile(r"\b(?:the|our|their|its|this|that|last)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!roadmap|plan|budget|goals?|okrs?|priorities|targets?)[a-z]{3,}")
_DATE_WORDS = frozenset(
    [
        "in",
        "by",
        "from",
        "for",
        "until",
        "till",
        "through",
        "during",
        "early",
        "late",
        "mid",
        "end",
        "before",
        "after",
        "since",
        "throughout",
        "beyond",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "roadmap",
        "plan",
        "plans",
        "calendar",
        "year",
        "goals",
        "okrs",
        "objectives",
        "priorities",
        "targets",
        "budget",
        "launch",
    ]
)


def _dates_work(text: str, hit: Found, context_year: int | None) -> bool:
    """Whether a bare year dates the item: not part of a name ("Accessibility Regulations 2018",
    "Exchange 2016") and not years before the roadmap's own time (a past incident)."""
    year = hit.period.year
    if context_year and year and year < context_year - 1:
        return False
    before = text[max(0, hit.start - 30) : hit.start]
    if _ATTRIBUTIVE.search(before) and _NOUN_AFTER.match(text, hit.start + 4):
        return False  # "found in the 2026 audit", "our 2025 risk register": a past event's name
    named = _NAMED_YEAR.search(before)
    return named is None or named.group("word").lower() in _DATE_WORDS


_HORIZONS: tuple[tuple[str, int, int, re.Pattern[str]], ...] = tuple(
    (name, first, last, re.compile(pattern, re.IGNORECASE))
    for name, first, last, pattern in (
        ("now", 1, 1, r"^(?:now|right now|current(?:ly)?|this quarter|near[- ]term|short[- ]term|in progress)\b"),
        ("next", 2, 2, r"^(?:next|up next|next quarter|mid[- ]term|medium[- ]term)\b"),
        ("later", 3, 4, r"^(?:later|future|long[- ]term|someday|beyond)\b"),
    )
)  # fmt: skip


# A match tries the alternatives in order: the first horizon that matches wins.
_ANY_HORIZON = re.compile(
    "|".join(f"(?P<{name}>{pattern.pattern})" for name, _, _, pattern in _HORIZONS), re.IGNORECASE
)
_HORIZON_QUARTERS = {name: (first, last) for name, first, last, _ in _HORIZONS}
_MONTH_HEADING = re.compile(r"^" + MONTH + r"(?![a-z])", re.IGNORECASE)


def heading_period(text: str, context_year: int | None) -> Period | None:
    """The period a heading introduces ("Q1 2025 (January - March)", "Q3-Q4 2025 Goals");
    on a Now / Next / Later roadmap, the horizon ("now", "next", "later")."""
    hits = [
        hit
        for hit in find_periods(text, context_year)
        if not hit.deadline and not _NOT_IN.search(text[max(0, hit.start - 16) : hit.start])
    ]
    if hits:
        return hits[0].period.with_year(context_year)
    horizon = _ANY_HORIZON.match(text)
    if horizon and horizon.lastgroup:
        first, last = _HORIZON_QUARTERS[horizon.lastgroup]
        return Period(None, first, last, horizon=horizon.lastgroup)
    month = _MONTH_HEADING.match(text)
    if month:  # "March" or "March – Sprint 4" as a heading: that month's quarter
        quarter = quarter_of(MONTHS[month.group("month").lower()])
        return Period(context_year, quarter, quarter)
    return None


def first_year(text: str) -> int | None:
    for hit in find_periods(text):
        if hit.period.year:
            return hit.period.year
    return None


_PERIOD_SEPARATORS = " :-–—|,"
_PERIOD_WORDS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (r"\([^)]*\)", r"\bQ[1-4](?:\s*[-–—/]\s*Q[1-4])?\b", r"\bH[12]\b", r"\b20\d\d\b",
                    r"\bFY\s*\d*\b", r"\b(?:first|second|1st|2nd) half(?: of)?\b")
)  # fmt: skip


_SEPARATOR_RUN = re.compile(r"\s*(?:[-–—|,:]\s+){2,}")
"""Separators left next to each other where period words were ("Horizon 1 — : x")."""


def _last_separator(run: re.Match[str]) -> str:
    separator = run.group(0).strip()[-1]
    return f"{separator} " if separator in ",:" else f" {separator} "


def without_period_words(title: str) -> str:
    """A heading without its period words ("Q1 2026: Platform" -> "Platform")."""
    stripped = title
    for pattern in _PERIOD_WORDS:
        stripped = pattern.sub(" ", stripped)
    stripped = _SEPARATOR_RUN.sub(_last_separator, " ".join(stripped.split()))  # "Horizon 1 — : x"
    return stripped.strip(_PERIOD_SEPARATORS)
