"""The prose of recommendations: what to build, why now, and how the targets shape it."""

from __future__ import annotations

import re
from functools import lru_cache

from roadsec.analysis import Constraint
from roadsec.knowledge import Catalog, ConstraintRule
from roadsec.plan.candidates import Candidate

_FIRST_SENTENCE = re.compile(
    r"^(.+?(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?])(?:\s+(?=[A-Z(\"“])|$)", re.DOTALL
)


@lru_cache(maxsize=1024)
def first_sentence(text: str) -> str:
    m = _FIRST_SENTENCE.match(" ".join(text.split()))
    return m.group(1) if m else " ".join(text.split())


@lru_cache(maxsize=4096)
def control_list(catalog: Catalog, controls: tuple[str, ...]) -> str:
    """Each control's title and first sentence (per catalog)."""
    return "; ".join(
        f"{catalog.controls[c].title} ({first_sentence(catalog.controls[c].what)})"
        for c in controls
    )


def detail(
    catalog: Catalog,
    candidate: Candidate,
    hits: list[tuple[str, ConstraintRule, Constraint]],
    already: list[str],
) -> str:
    parts = list(candidate.reasons)
    if candidate.windows:
        changes = list(dict.fromkeys(f"{w.item.title} ({w.start})" for w in candidate.windows))
        parts.append("Rides: " + "; ".join(changes[:4]) + ".")
    parts.append("Build: " + control_list(catalog, tuple(candidate.controls)) + ".")
    for control_id, rule, constraint in hits:
        parts.append(
            f'Shaped by the target "{constraint.metric.raw}": {catalog.controls[control_id].title}'
            f" — {first_sentence(rule.shape)}"
        )
    if candidate.later:
        later = ", ".join(catalog.controls[c].title for c in candidate.later)
        parts.append(f"Next, once these are in place: {later}.")
    if already:
        parts.append("Already in the roadmap and not repeated here: " + "; ".join(already) + ".")
    if candidate.first_step:
        parts.append(f"First step: {candidate.first_step}")
    if candidate.owner:
        parts.append(f"Owner: {candidate.owner}.")
    return " ".join(parts)
