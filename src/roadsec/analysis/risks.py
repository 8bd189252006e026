"""Stated risks: a security risk the roadmap names itself ("Terraform state contains secrets in
plain text") that no planned work mitigates is a gap, closed by the controls that reduce it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.analysis.findings import Gap, distinct_sources
from roadsec.analysis.matching import MAX_MATCH_TEXT, controls_recognized, item_text, read
from roadsec.analysis.tables import change_controls, first_steps, gap_rules
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import Item, ItemKind, Roadmap, Status

if TYPE_CHECKING:
    from roadsec.analysis.gaps import Owners

MAX_RISK_CONTROLS = 2


def controls_mitigating(catalog: Catalog, text: str) -> list[str]:
    """Controls that reduce the risk ``text`` states, the one named earliest in it first."""
    text = text[:MAX_MATCH_TEXT]
    found: list[tuple[int, str]] = []
    for control, pattern in catalog.risk_signals.items():
        m = pattern.search(text)
        if m:
            found.append((m.start(), control))
    return [control for _, control in sorted(found)]


def _implied(catalog: Catalog, text: str) -> tuple[str, ...]:
    """A security risk no pattern names ("the broker API opens binding to the internet"):
    the lead control of the change it speaks of."""
    reading = read(catalog, text)
    if not reading.security:
        return ()
    leads = change_controls(catalog)
    return tuple(leads[change_type][0] for change_type in reading.change_types)[:1]


def stated_risks(
    catalog: Catalog, roadmap: Roadmap, planned: set[str], first_quarter: str | None,
    owners: Owners,
) -> list[Gap]:  # fmt: skip
    """One gap per stated risk whose mitigating controls no item plans (``planned``: the
    controls items name) and the risk's own mitigation note does not name. A change that merely
    calls for the control does not count: the plan then builds it in early, for the risk."""
    rule = gap_rules(catalog).get("risk")
    if rule is None:
        return []
    steps = first_steps(catalog)
    gaps: list[Gap] = []
    for item in roadmap.items:
        if item.kind is not ItemKind.RISK or item.status in _SETTLED:
            continue
        text = item_text(item)
        controls = _risk_controls(catalog, text)
        if not controls or planned.intersection(controls):
            continue
        if set(controls).intersection(controls_recognized(catalog, text)):
            continue  # "Risk: secrets in CI variables. Mitigation: move them to Vault in Q2"
        owner = item.owner or owners.suggest(controls)
        titles = "; ".join(catalog.controls[c].title for c in controls)
        detail = rule.detail.format(item=item.title, controls=titles, period=first_quarter or
                                    "the first quarter of the plan", owner=owner)  # fmt: skip
        step = next((steps[c] for c in controls if c in steps), None)
        gaps.append(Gap(rule.id, "risk", f"Unmitigated risk: {item.title}", detail,
                        first_quarter, item.owner is None, distinct_sources(item.sources),
                        controls, (item,), step, owner))  # fmt: skip
    return gaps


def _risk_controls(catalog: Catalog, text: str) -> tuple[str, ...]:
    """The controls that reduce a stated risk: those its wording names, else the lead control
    of the change it speaks of."""
    return tuple(controls_mitigating(catalog, text)[:MAX_RISK_CONTROLS]) or _implied(catalog, text)


def unassessed_risks(catalog: Catalog, roadmap: Roadmap) -> tuple[Item, ...]:
    """Stated risks no control reduces ("Omar is on the critical path for the gateway and
    security"): still the organization's own words, for the plan to put in front of an owner."""
    unassessed = []
    for item in roadmap.items:
        if item.kind is not ItemKind.RISK or item.status in _SETTLED:
            continue
        text = item_text(item)
        if _DECIDED.search(text) or not read(catalog, text).security:
            continue  # "Mitigation: parallel running", or no security risk ("Market downturn")
        if not _risk_controls(catalog, text):
            unassessed.append(item)
    return tuple(unassessed)


_SETTLED = frozenset({Status.DONE, Status.CANCELLED})
"""A risk resolved, mitigated or accepted: the register records the decision already."""
_DECIDED = re.compile(
    r"\b(?:mitigat(?:ion|ed|es)|we accept|accepted|owned by|owner:|contingency|fallback)\b", re.I
)
