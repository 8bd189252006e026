"""Remarks after an item's name: "— postponed, awaiting budget", "— owner: Growth squad"."""

from __future__ import annotations

import re


def split_dash(text: str) -> tuple[str, str, str]:
    """(head, dash, remark) around the last spaced dash, or (text, "", "")."""
    for dash in (" — ", " – ", " - "):
        head, found, remark = text.rpartition(dash)
        if found and head.strip():
            return head, found, remark
    return text, "", ""


OWNER_REMARK = re.compile(
    r"\s*(?:(?:(?:no|without an?|needs an?) )?(?:owners?|owned by|led by|lead|dri|team|assigned to)\b"
    r"|@[\w.-]+\s*$|(?:nobody|no one) (?:assigned|owns))",
    re.IGNORECASE,
)
"""A dash remark that names who does the work ("Portal v2 — owner: Growth squad")."""

SCORE_REMARK = re.compile(r"\s*(?:score[ds]?|grade|confidence|progress)\b", re.IGNORECASE)
"""A dash remark that grades the work ("O2. Make matches fair — score 0.4")."""

HISTORY_WORDS = re.compile(
    r"\b(?:from|initially|originally|proposed|due to|owners?|owned|ownership|unowned)\b",
    re.IGNORECASE,
)
"""Words that make a parenthetical history or ownership, not part of a name."""

TIMING_REMARK = re.compile(r"\s*(?:after|once|when|before|until|as soon as)\b", re.IGNORECASE)
"""A dash remark that times the work against another ("DPIA — after the API is live")."""
