"""An explainable score for each candidate: visible parts, summed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from roadsec.analysis import Constraint
from roadsec.knowledge import Catalog, ConstraintRule
from roadsec.model.plan import PlanEffort, Priority
from roadsec.plan.candidates import QUICK_WIN_WEEKS, Candidate

_SIZE_PENALTY = {"S": 0.0, "M": -0.5, "L": -1.0}
HIGH, MEDIUM = 7.0, 5.5


FIRST_STEP_WEEKS = 2.0


@lru_cache(maxsize=4096)
def effort_of(
    catalog: Catalog, controls: tuple[str, ...], *, first_step_only: bool = False
) -> PlanEffort:
    """Person-weeks of the controls; a restart asks only for its first increment (per catalog
    and control set: the result is frozen and shared)."""
    weeks = sum(
        min(catalog.controls[c].effort.person_weeks, FIRST_STEP_WEEKS) if first_step_only
        else catalog.controls[c].effort.person_weeks
        for c in controls
    )  # fmt: skip
    size = "S" if weeks <= 2 else "M" if weeks <= 6 else "L"
    return PlanEffort(person_weeks=round(weeks, 1), size=size)


def first_per_rule(
    constraints: list[tuple[ConstraintRule, Constraint]],
) -> list[tuple[ConstraintRule, Constraint]]:
    """The first constraint of each rule, in order: whether a rule argues against a control
    depends on the rule alone, so a control's first penalty is always among these."""
    firsts: dict[str, tuple[ConstraintRule, Constraint]] = {}
    for rule, constraint in constraints:
        firsts.setdefault(rule.id, (rule, constraint))
    return list(firsts.values())


def penalties(
    catalog: Catalog, controls: Iterable[str], firsts: list[tuple[ConstraintRule, Constraint]]
) -> list[tuple[str, ConstraintRule, Constraint]]:
    """(control, rule, constraint) for each control a roadmap target argues against, given the
    shaping targets' ``first_per_rule``."""
    if not firsts:
        return []
    against = _arguments(catalog)
    hits: list[tuple[str, ConstraintRule, Constraint]] = []
    for control_id in controls:
        for rule, constraint in firsts:
            if control_id in against[rule.id]:
                hits.append((control_id, rule, constraint))
                break
    return hits


@cache
def _arguments(catalog: Catalog) -> dict[str, frozenset[str]]:
    """Constraint rule -> the controls it penalizes or reshapes (per catalog)."""
    return {
        rule.id: frozenset(c for c in catalog.controls if _argues_against(catalog, rule.id, c))
        for rule in catalog.constraints
    }


def _argues_against(catalog: Catalog, rule_id: str, control_id: str) -> bool:
    """Whether a constraint rule penalizes or reshapes a control."""
    rule = next(r for r in catalog.constraints if r.id == rule_id)
    control = catalog.controls[control_id]
    if rule.domains and control.domain not in rule.domains:
        return False
    levels = rule.penalize
    latency = control.latency_impact in levels.get("latency_impact", ()) and control.inline
    overhead = control.operational_overhead in levels.get("operational_overhead", ())
    return bool(latency or overhead or (rule.penalize_blocking and control.blocking))


@dataclass(frozen=True, slots=True)
class ControlFacts:
    """What scoring asks of a set of controls, worked out once per catalog and control set."""

    risk: float  # the strongest control plus breadth
    foundation: bool  # one of them is a foundation
    quickish: bool  # all low-overhead (or quick wins), one a quick win
    effort: PlanEffort
    first_step_effort: PlanEffort  # a restart's: the first increment of each


@lru_cache(maxsize=4096)
def control_facts(catalog: Catalog, controls: tuple[str, ...]) -> ControlFacts:
    """The ControlFacts of ``controls`` (per catalog and control set: frozen and shared)."""
    chosen = [catalog.controls[c] for c in controls]
    risk = max(c.impact for c in chosen) + 0.25 * (len(chosen) - 1) if chosen else 0.0
    quickish = all(
        c.operational_overhead in ("none", "low") or c.quick_win for c in chosen
    ) and any(c.quick_win for c in chosen)
    return ControlFacts(
        risk,
        any(c.foundation for c in chosen),
        quickish,
        effort_of(catalog, controls),
        effort_of(catalog, controls, first_step_only=True),
    )


def score(
    candidate: Candidate,
    facts: ControlFacts,
    hits: list[tuple[str, ConstraintRule, Constraint]],
    effort: PlanEffort,
    quarters: tuple[str, ...],
) -> tuple[dict[str, float], Priority]:
    """The parts of a Score (validated later, with the recommendation) and the priority.

    risk: the strongest control plus breadth; window: built into the change (more for a
    foundation, more the sooner the window closes); exposure; gap; constraint: -1 for each
    control a target argues against (a target that only reshapes a control, such as staging a
    blocking control under an uptime goal, costs nothing); effort by size."""
    risk = facts.risk
    window = 0.0
    kind = candidate.kind
    if kind in ("build-in", "pull-forward"):
        window = 2.0 if kind == "build-in" else 1.5
        window += 0.5 if facts.foundation else 0.0
        position = (
            quarters.index(candidate.period) if candidate.period in quarters else len(quarters)
        )
        window += {0: 1.0, 1: 0.5}.get(position, 0.0)
    exposure = 1.5 if candidate.external else 0.0
    gap = _GAP_PART.get(kind, 0.0)
    constraint = max(-2.0, -1.0 * sum(1 for _, rule, _ in hits if rule.penalize))
    effort_part = _SIZE_PENALTY[effort.size]
    total = round(risk + window + exposure + gap + constraint + effort_part, 2)
    priority: Priority = "high" if total >= HIGH else "medium" if total >= MEDIUM else "low"
    parts = {"risk": risk, "window": window, "exposure": exposure, "gap": gap,
             "constraint": constraint, "effort": effort_part, "total": total}  # fmt: skip
    return parts, priority


_GAP_PART = {"pull-forward": 2.0, "restart": 2.5, "mitigate": 2.5, "baseline": 1.5}


def is_quick_win(facts: ControlFacts, effort: PlanEffort) -> bool:
    """Small, low-overhead, and immediately useful."""
    return effort.person_weeks <= QUICK_WIN_WEEKS and facts.quickish
