"""Status and its reason from roadmap wording: "(slipped from Q3 because of the budget freeze)"."""

from __future__ import annotations

import re

from roadsec.model.roadmap import Status
from roadsec.parse.remarks import MARKER
from roadsec.parse.text import (
    MAX_TEXT,
    clean_text,
    contains_any,
    literal_union,
    lowers_faithfully,
    without_initials,
)

_WHEN = r"(?:q[1-4]|h[12]|fy\s?\d*|20\d\d|next|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
"""A period a move or a "not before" names: "to Q3", "not before FY28", "to July"."""

# Most decisive first: an item "moved twice, currently unscheduled" is unscheduled.
_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE))
    for status, pattern in (
        (
            Status.CANCELLED,
            r"\b(?:cancel+ed|de-?scoped|abandoned|dropped from (?:the )?(?:roadmap|plan)|scrapped|"
            r"shelved|decided against|won[’']?t do|not doing)\b|\bdropped(?=\s*[,;)]|\s*$|"
            r" to make room| in favou?r of| from (?:q[1-4]|h[12]|this (?:quarter|half|year)))",
        ),
        (
            Status.UNSCHEDULED,
            r"\b(?:unscheduled|not (?:yet )?scheduled|no (?:target )?date(?: set)?|"
            r"unplanned(?! (?:\w+ )?(?:downtime|outages?|incidents?|work|maintenance|changes?|absences?))|"
            r"(?:not|none of (?:this|it|these) (?:is|are)) (?:yet )?(?:budgeted|funded)|unbudgeted|unfunded|"
            r"(?<!owner )(?<!lead )(?<!owner is )to be (?:scheduled|planned|confirmed|agreed|decided)|(?:date|timing|quarter|eta)[: ]+tb[dc]|"
            r"not (?:yet )?(?:planned|staffed|resourced)|unstaffed|(?:still )?unassigned|"
            r"no team (?:has (?:the )?capacity|assigned|yet)|"
            r"needs? (?:a |an owner and a )?decision|decision (?:needed|required|pending)|"
            r"(?:pending|awaiting) (?:a |the )?decision|undecided|open question|"
            r"under (?:evaluation|consideration|discussion)|being (?:explored|evaluated)|"
            r"(?:contract|business case|deal) (?:is )?not (?:yet )?(?:signed|approved|agreed)|"
            r"if (?:the )?(?:budget|capacity|time|headcount|funding) (?:allows|permits))\b|"
            r"(?:^|[(—–:;]\s*|\s-\s)(?:still )?(?:exploring|evaluating)\b",
        ),
        (
            Status.DEFERRED,
            r"\b(?:deferred|delayed|postponed|rescheduled|pushed (?:back|out)|slipped|"
            r"(?:moved|slid|bumped|punted|pushed) (?:out |back )?(?:from|to|into) (?:"
            + _WHEN
            + r"|later)|"
            r"not (?:before|until) "
            + _WHEN
            + r"|not (?:in|this) (?:20\d\d|fy\s?\d+|this (?:year|quarter|half)|year|quarter|half)"
            + r"|stalled|waiting (?:on|for) (?:budget|funding|approval|headcount|an? owner)|(?:budget|funding|headcount) (?:is )?not (?:yet )?(?:approved|agreed|requested)|awaiting|on hold|paused|parked|blocked(?! (?:list|ip|domains?|countries|senders?|users?|accounts?)\b)|de-?prioriti[sz]ed|carried (?:over|forward)|rolled over)\b",
        ),
        (
            Status.IN_PROGRESS,
            r"\b(?:in[- ]progress|underway|under way|ongoing|in flight|rolling out|wip)\b|\((?:in )?beta\)",
        ),
        (
            Status.DONE,
            r"\((?:done|completed?|shipped|delivered|live|launched)\)|✅|\bstatus:\s*(?:done|completed?|shipped)\b"
            r"|(?:→|->|—)\s*(?:shipped|done|delivered|launched|completed|live)(?![\w-])",
        ),
        (Status.PLANNED, r"\b(?:planned|scheduled|targeted|projected)\b"),
    )
)
_CURRENTLY = re.compile(r"\b(?:currently|now|still)\s+(\w[\w-]*(?:\s\w+)?)", re.IGNORECASE)

# Section headings that give their items a status.
_SECTION_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE))
    for status, pattern in (
        (
            Status.DEFERRED,
            r"\b(?:deferred|pending|postponed|on hold|delayed|parked|parking lot|not this (?:year|quarter|half))\b",
        ),
        (
            Status.UNSCHEDULED,
            r"\b(?:unscheduled|backlog|icebox|future considerations?|someday|not (?:yet )?scheduled|unplanned|"
            r"not planned|unfunded|unbudgeted|not (?:yet )?(?:funded|budgeted)|decisions? (?:needed|pending|required)|open (?:questions|decisions)|"
            r"under consideration|(?:ideas|proposals|options) (?:under|being|to)|exploring|wish ?list|"
            r"nice[- ]to[- ]haves?|if (?:budget|capacity|time) (?:allows|permits))\b|^assess$",
        ),
        (
            Status.CANCELLED,
            r"\b(?:cancel+ed|dropped|de-?scoped|not doing|won[’']?t do|will not do|out of scope|"
            r"not in scope|non-?goals|declined|rejected|not in (?:20\d\d|fy\s?\d+|this year|scope))\b|^hold$",
        ),
        (
            Status.DONE,
            r"\b(?:done|completed|shipped|delivered|achievements?|retired|decommissioned)\b",
        ),
        (Status.IN_PROGRESS, r"\b(?:in progress|ongoing|current work)\b"),
    )
)

_ANY_SECTION_RULE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for _, pattern in _SECTION_RULES), re.IGNORECASE
)
"""Every section rule at once: most headings state no status."""
_ANY_SECTION_RULE_LOWER = re.compile(_ANY_SECTION_RULE.pattern)
"""The same without IGNORECASE (its words are lower case), for lower-cased headings."""


def _reason(text: str, start: int, end: int) -> str:
    """The clause around a status word: the enclosing parenthetical or sentence part."""
    open_paren = text.rfind("(", 0, start + 1)
    close = text.find(")", open_paren) if open_paren != -1 else -1
    if close >= end - 1:
        return clean_text(text[open_paren + 1 : close].strip("() "))
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start), text.rfind(": ", 0, start))
    for dash in (" — ", " – ", " - "):
        at = text.rfind(dash, 0, start)
        if at != -1:
            left = max(left, at + 2)
    for marker in MARKER.finditer(text, 0, start):
        left = max(left, marker.end() - 2)
    right_candidates = [i for i in (text.find(";", end), text.find(". ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return without_initials(clean_text(text[left + 1 : right].strip(" .;")))


_STEMS: dict[Status, tuple[str, ...]] = {
    Status.CANCELLED: ("cancel", "scop", "abandon", "dropped", "scrapped", "shelved",
                       "decided against", "t do", "not doing"),
    Status.UNSCHEDULED: ("schedul", "no date", "no target", "unplanned", "to be ", "tbd", "tbc",
                          "budgeted", "funded", "decision", "decided", "open question", "under ",
                          "being ", "exploring", "evaluating", "not signed", "not approved",
                          "not agreed", "not yet", "allows", "permits", "not planned",
                          "staffed", "resourced", "unassigned", "no team"),
    Status.DEFERRED: ("defer", "delay", "postpon", "reschedul", "pushed", "slipped", "on hold",
                      "moved ", "slid ", "bumped ", "punted ", "not before", "not until",
                      "paused", "parked", "blocked", "prioriti", "carried", "rolled over", "waiting", "awaiting",
                      "not in ", "not this ", "stalled"),
    Status.IN_PROGRESS: ("progress", "underway", "under way", "ongoing", "in flight",
                         "rolling out", "wip", "beta"),
    Status.DONE: ("(done", "(complet", "(shipped", "(deliver", "(live", "(launch", "✅", "status",
                  "shipped", "done", "delivered", "launched", "completed", "live"),
    Status.PLANNED: ("planned", "scheduled", "targeted", "projected"),
}  # fmt: skip
"""Words each rule needs: a rule whose words are absent is not even tried."""
_CURRENT_WORDS = ("currently", "now", "still")
_ANY_STEM = re.compile(literal_union(stem for stems in _STEMS.values() for stem in stems))


def detect_status(text: str) -> tuple[Status | None, str | None]:
    """The status the wording states, with its reason, or ``(None, None)``.

    Rules are tried most decisive first; "currently X" overrides the history before it.
    """
    text = text[:MAX_TEXT]
    lowered = text.lower()
    if not _ANY_STEM.search(lowered):
        return None, None
    live = [(s, p) for s, p in _RULES if contains_any(lowered, _STEMS[s])]
    if not live:
        return None, None
    if contains_any(lowered, _CURRENT_WORDS):
        current = _CURRENTLY.search(text)
        if current:
            for status, pattern in live:
                if pattern.search(current.group(1)):
                    return status, _reason(text, current.start(), current.end())
    for status, pattern in live:
        m = pattern.search(text)
        if m:
            reason = _reason(text, m.start(), m.end())
            return status, reason if status is not Status.PLANNED else None
    return None, None


def section_status(heading: str) -> Status | None:
    """The status a section heading gives its items ("Parked items", "On hold")."""
    if lowers_faithfully(heading):
        if not _ANY_SECTION_RULE_LOWER.search(heading.lower()):
            return None
    elif not _ANY_SECTION_RULE.search(heading):
        return None
    for status, pattern in _SECTION_RULES:
        if pattern.search(heading):
            return status
    return None


def status_from_cell(cell: str) -> Status | None:
    """A status table cell ("Done", "In progress", "Blocked")."""
    value = cell.strip().lower()
    if not value:
        return None
    if value in ("done", "complete", "completed", "shipped", "delivered", "released", "live",
                 "resolved", "closed", "mitigated"):  # fmt: skip
        return Status.DONE  # a risk register's "Resolved" or "Mitigated": nothing left to do
    if value == "accepted":
        return Status.CANCELLED  # a risk accepted: a decision recorded, no work planned
    if value == "owned":
        return Status.PLANNED
    if value in (
        "planned",
        "scheduled",
        "not started",
        "to do",
        "todo",
        "committed",
        "open",
        "new",
    ):
        return Status.PLANNED
    if value in ("blocked", "on hold", "waiting", "stalled", "parked"):
        return Status.DEFERRED
    if value in ("backlog", "icebox", "ice box", "someday", "later", "unplanned", "proposed"):
        return Status.UNSCHEDULED
    if value in ("won't do", "won’t do", "wont do", "won't fix", "won’t fix", "wontfix",
                 "rejected", "declined", "obsolete", "dropped", "cancelled", "canceled"):  # fmt: skip
        return Status.CANCELLED
    status, _ = detect_status(value)
    return status
