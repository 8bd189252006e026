"""Stage 5: Findings -> Plan. Controls chosen, scheduled and prioritized; gaps, avoid list and
strategic considerations, every statement citing the roadmap lines behind it."""

from __future__ import annotations

from functools import cache, lru_cache

from pydantic import TypeAdapter

from roadsec.analysis import Constraint, Findings
from roadsec.analysis.tables import change_controls
from roadsec.knowledge import Catalog, ConstraintRule, load_catalog
from roadsec.model.plan import Plan, Recommendation
from roadsec.model.roadmap import STALLED, ItemKind
from roadsec.model.timeline import order_key
from roadsec.plan.avoid import avoid_list
from roadsec.plan.candidates import Candidate, absorb_risks, from_gaps, from_windows
from roadsec.plan.considerations import considerations
from roadsec.plan.scoring import (
    control_facts,
    first_per_rule,
    is_quick_win,
    penalties,
    score,
)
from roadsec.plan.wording import detail

__all__ = ["MAX_RECOMMENDATIONS", "make_plan"]

MAX_RECOMMENDATIONS = 30
_RECOMMENDATIONS = TypeAdapter(tuple[Recommendation, ...])


def _planned_controls(findings: Findings) -> dict[str, str | None]:
    """Control -> the earliest quarter live roadmap work delivers it."""
    planned: dict[str, str | None] = {}
    for work in findings.security_work:
        if work.item.status in STALLED:
            continue
        for control in work.controls:
            if control not in planned or order_key(work.start) < order_key(planned[control]):
                planned[control] = work.start
    return planned


@lru_cache(maxsize=4096)
def _frameworks(catalog: Catalog, controls: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Framework -> the ids the controls map to, in the framework's order (per catalog)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, framework in catalog.frameworks.items():
        order = framework.order
        ids = {i for c in controls for i in catalog.controls[c].frameworks.get(name, ())}  # type: ignore[call-overload]
        out[name] = tuple(sorted(ids, key=order.__getitem__))
    return out


def _sort_key(candidate: Candidate, total: float) -> tuple[int, int, float, int]:
    year, first, _ = order_key(candidate.period)
    return (year, first, -total, candidate.sources[0].line if candidate.sources else 0)


def make_plan(findings: Findings, catalog: Catalog | None = None) -> Plan:
    """The security investment plan for a roadmap's findings."""
    catalog = catalog or load_catalog()
    rules = _rules_by_id(catalog)
    fired: list[tuple[ConstraintRule, Constraint]] = [
        (rules[c.rule], c) for c in findings.constraints if c.rule in rules
    ]
    # When every target is roadmap-wide, every candidate is shaped by all of them.
    everywhere = (
        first_per_rule(fired) if all(c.item.kind in _GLOBAL_KINDS for _, c in fired) else None
    )
    planned = _planned_controls(findings)
    claimed: set[str] = set()
    candidates = from_gaps(catalog, findings, claimed)
    candidates = absorb_risks(
        candidates + from_windows(catalog, findings, claimed, planned, candidates)
    )
    live = _live_work(findings)
    targets = _targets(fired) if everywhere is None else []
    scored = []
    for candidate in candidates:
        if not candidate.controls or not candidate.sources:
            continue
        controls = tuple(candidate.controls)
        facts = control_facts(catalog, controls)
        effort = facts.first_step_effort if candidate.kind == "restart" else facts.effort
        shaping = everywhere if everywhere is not None else _shaping(targets, candidate)
        hits = penalties(catalog, controls, shaping)
        if hits:
            candidate.cite(constraint.source for _, _, constraint in hits)
        parts, priority = score(candidate, facts, hits, effort, findings.quarters)
        already = _already(catalog, live, candidate)
        scored.append((candidate, controls, facts, effort, hits, parts, priority, already))
    keep = sorted(scored, key=lambda s: -s[5]["total"])[:MAX_RECOMMENDATIONS]
    keep.sort(key=lambda s: _sort_key(s[0], s[5]["total"]))
    chosen: list[dict[str, object]] = []
    rec_of_gap: dict[int, str] = {}
    for index, (candidate, controls, facts, effort, hits, parts, priority, already) in enumerate(
        keep, start=1
    ):
        rec_id = f"R{index:02d}"
        for gap in candidate.gaps:
            rec_of_gap[id(gap)] = rec_id
        chosen.append(dict(
            id=rec_id, title=candidate.title, detail=detail(catalog, candidate, hits, already),
            period=candidate.period, priority=priority, score=parts,
            quick_win=is_quick_win(facts, effort), effort=effort,
            controls=controls, frameworks=_frameworks(catalog, controls),
            sources=tuple(candidate.sources), kind=candidate.kind,
            change_type=candidate.change_type, first_step=candidate.first_step, owner=candidate.owner,
        ))  # fmt: skip
    recommendations = _RECOMMENDATIONS.validate_python(chosen)  # one validation for them all
    gaps = [
        dict(id=f"G{index:02d}", title=gap.title, detail=gap.detail, period=gap.period,
             owner_needed=gap.owner_needed, sources=gap.sources, kind=gap.kind,
             first_step=gap.first_step, suggested_owner=gap.suggested_owner,
             recommendations=(rec_of_gap[id(gap)],) if id(gap) in rec_of_gap else ())
        for index, gap in enumerate(findings.gaps, start=1)
    ]  # fmt: skip
    windows = [
        dict(change_type=w.change_type, item=w.item.id, title=w.item.title,
             period=w.item.period, sources=w.item.sources[:1])
        for w in findings.windows
    ]  # fmt: skip
    roadmap = findings.roadmap
    return Plan.model_validate(
        {  # windows and gaps validated with the plan, in one pass
            "organization": roadmap.organization,
            "catalog_version": findings.catalog_version,
            "documents": roadmap.documents,
            "items": roadmap.items,
            "technologies": roadmap.technologies,
            "capacity": roadmap.capacity,
            "quarters": findings.quarters,
            "windows": windows,
            "recommendations": recommendations,
            "gaps": gaps,
            "avoid": tuple(avoid_list(catalog, findings)),
            "considerations": tuple(considerations(catalog, findings, list(recommendations))),
        }
    )


_GLOBAL_KINDS = frozenset(
    {ItemKind.METRIC, ItemKind.OBJECTIVE, ItemKind.KEY_RESULT, ItemKind.GOAL, ItemKind.THEME}
)


Target = tuple[ConstraintRule, Constraint, bool, str, str | None]
"""A fired target: its rule and constraint, whether it is roadmap-wide, its item and parent."""


def _targets(fired: list[tuple[ConstraintRule, Constraint]]) -> list[Target]:
    return [(rule, c, c.item.kind in _GLOBAL_KINDS, c.item.id, c.item.parent) for rule, c in fired]


def _shaping(
    targets: list[Target], candidate: Candidate
) -> list[tuple[ConstraintRule, Constraint]]:
    """The first target of each rule among those that shape a candidate (``first_per_rule``
    of them). A roadmap-wide target (a KPI, an objective, a key result) shapes every
    recommendation; a target stated on one initiative shapes only the recommendations that
    ride it (its item, a child of it, or its parent)."""
    items = [w.item for w in candidate.windows] + [i for g in candidate.gaps for i in g.items]
    ids = {item.id for item in items}
    parents = {item.parent for item in items}
    firsts: dict[str, tuple[ConstraintRule, Constraint]] = {}
    for rule, c, everywhere, item, parent in targets:
        if rule.id not in firsts and (
            everywhere or item in ids or item in parents or parent in ids
        ):
            firsts[rule.id] = (rule, c)
    return list(firsts.values())


def _live_work(findings: Findings) -> list[tuple[str, set[str]]]:
    """Live roadmap work as a recommendation names it, with the controls it delivers."""
    return [
        (f"{w.item.title} ({w.start or 'unscheduled'})", set(w.controls))
        for w in findings.security_work
        if w.item.status not in STALLED
    ]


def _already(catalog: Catalog, live: list[tuple[str, set[str]]], candidate: Candidate) -> list[str]:
    """Live roadmap work that delivers other controls this change needs."""
    if candidate.change_type is None:
        return []
    needed = change_controls(catalog)[candidate.change_type]
    return list(dict.fromkeys(
        label for label, controls in live if not controls.isdisjoint(needed)
    ))[:3]  # fmt: skip


@cache
def _rules_by_id(catalog: Catalog) -> dict[str, ConstraintRule]:
    return {rule.id: rule for rule in catalog.constraints}
