"""Status and its reason from roadmap wording: "(delayed from Q2 due to resource constraints)"."""

from __future__ import annotations

import re

from roadsec.model.roadmap import Status
from roadsec.parse.text import MAX_TEXT, clean_text

# Most decisive first: an item "rescheduled multiple times, currently unscheduled" is unscheduled.
_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE))
    for status, pattern in (
        (
            Status.CANCELLED,
            r"\b(?:cancel+ed|de-?scoped|abandoned|dropped from (?:the )?(?:roadmap|plan))\b",
        ),
        (
            Status.UNSCHEDULED,
            r"\b(?:unscheduled|not (?:yet )?scheduled|no (?:target )?date(?: set)?|unplanned)\b",
        ),
        (
            Status.DEFERRED,
            r"\b(?:deferred|delayed|postponed|rescheduled|pushed (?:back|out)|slipped|on hold|paused|de-?prioriti[sz]ed)\b",
        ),
        (
            Status.IN_PROGRESS,
            r"\b(?:in[- ]progress|underway|under way|ongoing|in flight|rolling out|wip)\b|\((?:in )?beta\)",
        ),
        (
            Status.DONE,
            r"\((?:done|completed?|shipped|delivered|live|launched)\)|✅|\bstatus:\s*(?:done|completed?|shipped)\b",
        ),
        (Status.PLANNED, r"\b(?:planned|scheduled|targeted|projected)\b"),
    )
)
_ANY_STATUS = re.compile(
    "|".join(f"(?P<s{rank}>{pattern.pattern})" for rank, (_, pattern) in enumerate(_RULES)),
    re.IGNORECASE,
)
"""All status rules in one pattern; the group name is the rule's rank."""
_CURRENTLY = re.compile(r"\b(?:currently|now|still)\s+(\w[\w-]*(?:\s\w+)?)", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r"[;()]|(?<=[a-z])\.\s|,\s(?=currently|now)")

# Section headings that give their items a status.
_SECTION_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE))
    for status, pattern in (
        (Status.DEFERRED, r"\b(?:deferred|pending|postponed|on hold|delayed|parked|parking lot)\b"),
        (
            Status.UNSCHEDULED,
            r"\b(?:unscheduled|backlog|icebox|future considerations?|someday|not yet scheduled)\b",
        ),
        (Status.CANCELLED, r"\b(?:cancel+ed|dropped|descoped)\b"),
        (Status.DONE, r"\b(?:done|completed|shipped|delivered|achievements?)\b"),
        (Status.IN_PROGRESS, r"\b(?:in progress|ongoing|current work)\b"),
    )
)


def _reason(text: str, start: int, end: int) -> str:
    """The clause around a status word: the enclosing parenthetical or sentence part."""
    open_paren = text.rfind("(", 0, start + 1)
    close = text.find(")", open_paren) if open_paren != -1 else -1
    if close >= end - 1:
        return clean_text(text[open_paren + 1 : close].strip("() "))
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    right_candidates = [i for i in (text.find(";", end), text.find(". ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return clean_text(text[left + 1 : right].strip(" .;"))


def detect_status(text: str) -> tuple[Status | None, str | None]:
    """The status the wording states, with its reason, or ``(None, None)``."""
    text = text[:MAX_TEXT]
    current = _CURRENTLY.search(text)
    if current:
        for status, pattern in _RULES:
            if pattern.search(current.group(1)):
                return status, _reason(text, current.start(), current.end())
    best: re.Match[str] | None = None
    for m in _ANY_STATUS.finditer(text):
        if best is None or int((m.lastgroup or "s9")[1:]) < int((best.lastgroup or "s9")[1:]):
            best = m
    if best is not None:
        status = _RULES[int((best.lastgroup or "s0")[1:])][0]
        reason = _reason(text, best.start(), best.end())
        return status, reason if status is not Status.PLANNED else None
    return None, None


def section_status(heading: str) -> Status | None:
    """The status a section heading gives its items ("Deferred/Pending Initiatives")."""
    for status, pattern in _SECTION_RULES:
        if pattern.search(heading):
            return status
    return None


def status_from_cell(cell: str) -> Status | None:
    """A status table cell ("Done", "In progress", "Blocked")."""
    value = cell.strip().lower()
    if not value:
        return None
    if value in ("done", "complete", "completed", "shipped", "delivered", "released", "live"):
        return Status.DONE
    if value in ("planned", "scheduled", "not started", "to do", "todo", "committed"):
        return Status.PLANNED
    status, _ = detect_status(value)
    return status
