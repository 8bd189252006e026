"""Owners and efforts stated in prose, labels or table cells."""

from __future__ import annotations

import re

from roadsec.model.roadmap import Effort
from roadsec.parse.remarks import TEAM_NAME
from roadsec.parse.text import MAX_TEXT, clean_text, contains_any, lowers_faithfully

_UNITS = {
    "person-week": "person-weeks", "person week": "person-weeks", "pw": "person-weeks",
    "person-month": "person-months", "person month": "person-months", "pm": "person-months",
    "person-day": "person-days", "person day": "person-days", "pd": "person-days",
    "engineer-week": "person-weeks", "engineer-month": "person-months", "man-week": "person-weeks",
    "man-month": "person-months", "week": "weeks", "wk": "weeks", "month": "months",
    "day": "days", "sprint": "sprints", "story point": "story points", "point": "story points",
    "sp": "story points", "fte": "FTE", "hour": "hours", "t-shirt": "t-shirt",
}  # fmt: skip
_UNIT_RE = (
    r"(?P<unit>person[- ]weeks?|person[- ]months?|person[- ]days?|engineer[- ]weeks?|"
    r"engineer[- ]months?|man[- ]weeks?|man[- ]months?|pw|pm|pd|weeks?|wks?|months?|days?|"
    r"sprints?|story points?|points?|sp|fte|hours?)"
)
_EFFORT_LABELLED = re.compile(
    r"\b(?:effort|estimate|estimated effort|size|sizing)\s*(?:\([^)]{0,40}\))?\s*[:=~-]?\s*~?"
    r"(?P<value>\d+(?:\.\d+)?)\s*" + _UNIT_RE + r"?\b",
    re.IGNORECASE,
)
_EFFORT_INLINE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>person[- ]weeks?|person[- ]months?|person[- ]days?|"
    r"engineer[- ]weeks?|engineer[- ]months?|story points?|sprints?|FTEs?)\b",
    re.IGNORECASE,
)
_UNIT = re.compile(_UNIT_RE, re.IGNORECASE)
_EFFORT_CELL = re.compile(
    r"~?\s*(\d+(?:\.\d+)?)\s*(?:-\s*\d+(?:\.\d+)?)?\s*" + _UNIT_RE + r"?\b", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
_LABEL_WORDS = ("effort", "estimate", "size", "sizing")
"""Lower case, one of them in every _EFFORT_LABELLED match."""
_INLINE_UNIT_WORDS = ("person", "engineer", "story", "sprint", "fte")
"""Lower case, one of them in every _EFFORT_INLINE match."""
_OWNER_STEMS = (
    "owne",
    "dri",
    "lead",
    "responsible",
    "accountable",
    "assigned",
    "led by",
    "pm:",
    "team)",
    "squad)",
    "guild)",
    "tribe)",
    "crew)",
    "chapter)",
    "em:",
    "]",
    "headed by",
    "run by",
    " under ",
)
_TSHIRT = re.compile(r"^(?:XXS|XS|S|M|L|XL|XXL)$")
_OWNER = re.compile(
    r"\b(?i:owner|owned by|dri|accountable|responsible|assigned to|lead(?:ing)?)\s*[:–—-]\s*"
    r"(?P<who>[A-Z@][\w.&/' -]{1,60}?)\s*(?:[;,.()\]]|\s[—–]\s|$)"
    r"|\b(?i:owned by)\s+(?P<who2>(?:the\s+)?[A-Z@][\w.&/' -]{1,60}?)\s*(?:[;,.()\]]|\s[—–]\s|$)"
    # "the clinical applications team, led by Dana Whitlock, owns ...": a person's name
    r"|\b(?i:led by|headed by|run by|(?:team|group|office|squad) under)\s+"
    r"(?P<who3>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
    # "Replace Jenkins with GitLab CI - owner Priya": a trailing remark without a colon
    r"|\s[-–—]\s+(?i:owner|lead|dri)\s+(?P<who4>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$"
    # "(PM: Dana Whitfield)": a product or engineering manager named as the item's lead
    r"|\b(?:PM|EM|TPM)\s*:\s*(?P<who5>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
    # "Document upload for evidence (back-end team)": the team that does it, at the end
    r"|\((?P<who7>" + TEAM_NAME + r")\)\s*\.?$"
    # "... by Mar 20 [MR] 🔴": the initials of whoever owns a key result, near its end
    r"|\[(?P<who6>(?!TBD|TBC|TBA|WIP|NEW|API|SLA|SLO)[A-Z]{2,3})\](?=[^\[\]\w]*(?:\w[^\[\]]{0,40})?$)",
)


def _unit(raw: str | None, default: str | None) -> str | None:
    if not raw:
        return default
    key = raw.lower().rstrip("s") if raw.lower() not in ("pw", "pm", "pd", "sp") else raw.lower()
    key = key.replace("  ", " ")
    return _UNITS.get(key, _UNITS.get(key.replace(" ", "-"), raw.lower()))


def unit_from_header(header: str) -> str | None:
    """The unit a column header names: "Effort Estimate (person-weeks)" -> person-weeks."""
    m = _UNIT.search(header)
    return _unit(m.group("unit"), None) if m else None


def effort_from_cell(cell: str, header_unit: str | None) -> Effort | None:
    """An effort table cell ("4", "3 weeks", "M")."""
    cell = clean_text(cell)
    if _TSHIRT.match(cell.upper()) and cell:
        return Effort(value=["XXS", "XS", "S", "M", "L", "XL", "XXL"].index(cell.upper()) + 1.0,
                      unit="t-shirt")  # fmt: skip
    m = _EFFORT_CELL.match(cell)
    if not m:
        return None
    unit = _unit(m.group("unit"), header_unit) or "units"
    return Effort(value=float(m.group(1)), unit=unit)


def effort_in_text(text: str) -> Effort | None:
    """An effort stated in prose ("Effort: 5 person-weeks", "(3 sprints)")."""
    text = text[:MAX_TEXT]
    if not _DIGIT.search(text):
        return None
    if "~" in text and (estimate := _ESTIMATE.search(text)):  # "~3w", a backlog estimate
        return Effort(
            value=float(estimate.group("value")),
            unit=_ESTIMATE_UNITS[estimate.group("unit").lower()],
        )
    labelled = inline = True
    if lowers_faithfully(text):  # each pattern needs one of its words
        lowered = text.lower()
        labelled = contains_any(lowered, _LABEL_WORDS)
        inline = contains_any(lowered, _INLINE_UNIT_WORDS)
    m = _EFFORT_LABELLED.search(text) if labelled else None
    if m is None and inline:
        m = _EFFORT_INLINE.search(text)
    if not m:
        return None
    unit = _unit(m.groupdict().get("unit"), None)
    if unit is None:
        return None
    return Effort(value=float(m.group("value")), unit=unit)


_HANDLE = re.compile(r"(?<!\S)(?P<who>@[\w-]{2,40}(?:\.[\w-]+)*)(?![\w@])")
"""A handle naming who does the work ("Account linking — @accounts", "Epic: X [Q1] @raj")."""
_ESTIMATE = re.compile(
    r"(?<!\S)~\s?(?P<value>\d+(?:\.\d+)?)\s?(?P<unit>w|wk|d|sp|pts?)\b", re.IGNORECASE
)
_ESTIMATE_UNITS = {"w": "weeks", "wk": "weeks", "d": "days", "sp": "story points",
                   "pt": "story points", "pts": "story points"}  # fmt: skip


def owner_in_text(text: str) -> str | None:
    """An owner stated in prose ("Owner: Platform Team", "owned by the SRE lead", "— @infra")."""
    if "@" in text:
        handle = _HANDLE.search(text[:MAX_TEXT])
        if handle:
            return handle.group("who")
    lowered = text[:MAX_TEXT].lower()
    if not contains_any(lowered, _OWNER_STEMS):
        return None
    m = _OWNER.search(text[:MAX_TEXT])
    if not m:
        return None
    who = clean_text(m.group(m.lastgroup or "who") or "").strip(
        " -"
    )  # the alternative that matched
    return owner_from_cell(who) if who else None  # "Owner: TBD" names nobody


_OWNER_LABEL = re.compile(r"^(?:owner|lead|dri|team|pm|em|assignee)\s*[:=]\s*", re.IGNORECASE)
_NOBODY = frozenset(("tbd", "tba", "tbc", "n/a", "na", "none", "unassigned", "?", "unknown",
                     "nobody", "no owner", "no one", "vacant", "open", "none yet", "not assigned",
                     "to be assigned", "to be confirmed", "(none)"))  # fmt: skip


_NEXT_FIELD = re.compile(r"\s+[·|•]\s+|\s*[·|•]?\s*\b(?:status|eta|due|target|priority):", re.I)
"""Where the next field of a one-line record begins ("Owner: X · Status: in progress")."""
_PLACEHOLDER = re.compile(
    r"^(?:\?+|(?:owner|lead|dri)?\s*(?:tb[dca]|unassigned|vacant|open)\b|\?+\s*\()", re.IGNORECASE
)


def owner_from_cell(cell: str) -> str | None:
    """An owner table cell; placeholders ("TBD", "-", "n/a") mean nobody."""
    who = _OWNER_LABEL.sub("", clean_text(cell)).strip(" -*—–")  # "Lead: TBD"
    who = _NEXT_FIELD.split(who, maxsplit=1)[0].strip()  # "Marco (backend) · Status: …"
    if not who or who.lower().strip(".") in _NOBODY or _PLACEHOLDER.match(who):
        return None  # "???", "Owner TBD", "??? (was Dmitri, he left)" name nobody
    return who
