"""Security a change defers in its own words: "Local data will be cached on device; encryption
of the local store is planned for a later release", "Analytics team; PII masking 'to follow'".
The change ships without it, so the control is late for that change."""

from __future__ import annotations

import re
from collections.abc import Iterable

from roadsec.analysis.findings import Gap, Window
from roadsec.analysis.matching import read
from roadsec.analysis.tables import first_steps, gap_rules
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import STALLED, Status

_DEFERS = re.compile(
    r"\b(?:(?:planned|scheduled|coming|deferred|pushed|moved|left) (?:for|to|until) (?:a |the )?"
    r"(?:later|next|future|follow-up|second|subsequent) (?:release|version|phase|iteration)"
    r"|(?:in|for) (?:a |the )?(?:later|future|follow-up) (?:release|version|phase)"
    r"|to follow|fast[- ]follow|post[- ]?launch|after (?:the )?(?:launch|go-?live|ga)\b"
    r"|not (?:in|part of) (?:v1|the mvp|the first (?:release|version)|phase 1))",
    re.IGNORECASE,
)
"""A deferral within a change's own description (never a whole item's status)."""
_TRAILING_VERB = re.compile(r"(?:\s+(?:is|are|will be|be|was|were|and|with))+\s*[\"'“”]*\s*$", re.I)
_CLAUSES = re.compile(r"(?<=[.;!?])\s+|\s+[—–]\s+|\s*[()]\s*|\s+\|\s+")
MAX_CLAUSE = 160


def deferred_within(catalog: Catalog, windows: Iterable[Window]) -> list[Gap]:
    """One late gap per change whose description defers a control it needs."""
    rule = gap_rules(catalog)["late"]
    steps = first_steps(catalog)
    gaps: list[Gap] = []
    seen: set[str] = set()
    for window in windows:
        item = window.item
        if item.id in seen or item.status in STALLED or item.status is Status.DONE:
            continue
        seen.add(item.id)
        for clause in _CLAUSES.split(item.text):
            if not _DEFERS.search(clause) or len(clause) > MAX_CLAUSE:
                continue
            controls = read(catalog, clause).controls
            if not controls:
                continue  # "billing export to follow": deferred, but not security
            rest = _DEFERS.sub("", clause).strip(" .;,:\"'“”")
            security = _TRAILING_VERB.sub("", rest).strip(" .;,:\"'“”")
            if len(security.split()) < 2:
                security = clause.strip(" .;\"'“”")
            detail = (rule.detail_same_quarter or rule.detail).format(
                security=security, security_period=window.start, change=item.title,
                change_period=window.start,
            )  # fmt: skip
            step = next((steps[c] for c in controls if c in steps), None)
            deferred = item.model_copy(update={"title": security, "status": Status.DEFERRED})
            gaps.append(Gap(rule.id, "late", f"Too late: {security}", detail, window.start,
                            False, item.sources[:2], tuple(controls), (deferred, item), step,
                            item.owner))  # fmt: skip
            break
    return gaps
