"""Remarks after an item's name: "— postponed, awaiting budget", "— owner: Growth squad"."""

from __future__ import annotations

import re

from roadsec.parse.periods import MONTHS

MARKER = re.compile(
    r" [\u2190-\u21ff\u23e9-\u23fa\u25a0-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]\ufe0f? "
)
"""A spaced status symbol that separates a remark like a dash: "… [AL] ⏭ carried over"."""


def split_dash(text: str) -> tuple[str, str, str]:
    """(head, dash, remark) around the last spaced dash or status symbol, or (text, "", "")."""
    for dash in (" — ", " – ", " - "):
        head, found, remark = text.rpartition(dash)
        if found and head.strip():
            return head, found, remark
    marker = max(MARKER.finditer(text), key=lambda m: m.start(), default=None)
    if marker is not None and text[: marker.start()].strip():
        return text[: marker.start()], marker.group(), text[marker.end() :]
    return text, "", ""


OWNER_REMARK = re.compile(
    r"\s*(?:(?:(?:no|without an?|needs an?) )?(?:owners?|owned by|led by|lead|dri|team|assigned to)\b"
    r"|@[\w.-]+\s*$|(?:nobody|no one) (?:assigned|owns))",
    re.IGNORECASE,
)
"""A dash remark that names who does the work ("Portal v2 — owner: Growth squad")."""

HEALTH_REMARK = re.compile(
    r"\s*(?:at[- ]risk|off[- ]track|on[- ]track|behind|ahead|green|amber|yellow|red)\s*[.!]?\s*$",
    re.IGNORECASE,
)
"""A dash remark that only rates the work's health ("KR1 … [MR] 🟡 at risk")."""

SCORE_REMARK = re.compile(r"\s*(?:score[ds]?|grade|confidence|progress)\b", re.IGNORECASE)
"""A dash remark that grades the work ("O2. Make matches fair — score 0.4")."""

HISTORY_WORDS = re.compile(
    r"\b(?:from|initially|originally|proposed|due to|owners?|owned|ownership|unowned)\b",
    re.IGNORECASE,
)
"""Words that make a parenthetical history or ownership, not part of a name."""

TIMING_REMARK = re.compile(r"\s*(?:after|once|when|before|until|as soon as)\b", re.IGNORECASE)
"""A dash remark that times the work against another ("DPIA — after the API is live")."""

TAGS = re.compile(
    r"\s*(?:\[(?:Q[1-4]|H[12]|FY\s?\d{2,4}|20\d\d|P[0-4]|now|next|later)[^\]]{0,20}\]"
    r"|\((?:P[0-4]|p[0-4])\)|(?<!\S)@[\w.-]{2,40}|(?<!\S)~\s?\d+(?:\.\d+)?\s?(?:w|wk|d|sp|pts?)\b"
    r"|(?<!\S)#[a-z][\w-]{1,30})(?=\s|$)",
    re.IGNORECASE,
)
"""Backlog tags after an item's name: period, priority, owner handle, estimate, label."""


TEAM_NAME = (
    r"(?i:(?!(?:red|blue|purple|one|two|three|a|the same|same|new|single|whole|every) "
    r"(?:team|squad))(?:the )?[a-z][\w&/'. -]{0,40}? (?:team|squad|guild|tribe|crew|chapter))"
)
"""The team that does the work, as a parenthetical names it: "back-end team", "Visits squad"
("red team" and "one team" are no team's name)."""
TEAM_REMARK = re.compile(TEAM_NAME)

DEADLINE_REMARK = re.compile(
    r"\s*(?:(?:by|in|due|until|eta:?|target:?)\s+)?(?:(?:the\s+)?end\s+of\s+|early\s+|mid-?|late\s+)?"
    r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s+[0-3]?\d)?"
    r"(?:\s*\((?:confidence\s*)?(?:0?\.\d+|1\.0)\))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
"""A dash remark that is only a deadline ("Alpha launch — by end of May (0.6)")."""
SCORE_PARENTHETICAL = re.compile(r"(?:confidence:?\s*)?(?:0?\.\d{1,2}|1\.0)")
"""A parenthetical confidence score ("(0.6)") on an OKR."""
STATUS_AFTER_COLON = re.compile(
    r":\s+(?:not|no|still|on hold|deferred|postponed|paused|parked|blocked|unscheduled|unstaffed|"
    r"unassigned|unfunded|unbudgeted|cancel+ed|dropped|de-?scoped|tb[dc]|awaiting|waiting|pending|"
    r"slipped|moved|pushed|carried|rolled)\b[^:]{0,60}$",
    re.IGNORECASE,
)
"""A status after the work's name: "Secrets management: not staffed"."""
