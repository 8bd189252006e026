"""The prose of recommendations: what to build, why now, and how the targets shape it."""

from __future__ import annotations

import re
from functools import lru_cache

from roadsec.analysis import Constraint
from roadsec.knowledge import Catalog, ConstraintRule
from roadsec.model.timeline import period_label
from roadsec.plan.candidates import Candidate

RIDES = "Rides: "
BUILD = "Build: "
SHAPED = "Shaped by the target "
NEXT = "Next, once these are in place: "
ALREADY = "Already in the roadmap and not repeated here: "
FIRST_STEP = "First step: "
OWNER = "Owner: "
LEADS = (RIDES, BUILD, SHAPED, NEXT, ALREADY, FIRST_STEP, OWNER)
"""How each part of a recommendation's detail begins after its opening reason; reports lay the
parts out separately."""
_RIDDEN = 4  # changes a detail names

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
        changes: dict[str, None] = {}  # the first four distinct changes, in order
        for w in candidate.windows:
            changes[f"{w.item.title} ({period_label(w.start)})"] = None
            if len(changes) == _RIDDEN:
                break
        parts.append(RIDES + "; ".join(changes) + ".")
    parts.append(BUILD + control_list(catalog, tuple(candidate.controls)) + ".")
    for control_id, rule, constraint in hits:
        parts.append(
            f'{SHAPED}"{constraint.metric.raw}": {catalog.controls[control_id].title}'
            f" — {first_sentence(rule.shape)}"
        )
    if candidate.later:
        later = ", ".join(catalog.controls[c].title for c in candidate.later)
        parts.append(f"{NEXT}{later}.")
    if already:
        parts.append(ALREADY + "; ".join(already) + ".")
    if candidate.first_step:
        parts.append(f"{FIRST_STEP}{candidate.first_step}")
    if candidate.owner:
        parts.append(f"{OWNER}{candidate.owner}.")
    return " ".join(parts)
