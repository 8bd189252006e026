"""Strategic considerations: the plan's reasoning in prose that names the roadmap's own
initiatives, quarters and numbers."""

from __future__ import annotations

import re
from collections import defaultdict

from roadsec.analysis import Findings, Gap, distinct_sources
from roadsec.knowledge import Catalog
from roadsec.model.plan import Consideration, Recommendation
from roadsec.model.roadmap import STALLED, SourceRef
from roadsec.model.timeline import order_key, period_label, slot
from roadsec.plan.candidates import in_sentence

MAX_CONSIDERATIONS = 10


def _names(values: list[str], limit: int = 4) -> str:
    values = list(dict.fromkeys(values))
    shown = values[:limit]
    text = ", ".join(shown[:-1]) + (" and " if len(shown) > 1 else "") + shown[-1] if shown else ""
    return text + (f" (and {len(values) - limit} more)" if len(values) > limit else "")


def considerations(
    catalog: Catalog, findings: Findings, recs: list[Recommendation]
) -> list[Consideration]:
    out: list[Consideration] = []
    by_kind: dict[str, list[Recommendation]] = defaultdict(list)
    for rec in recs:
        by_kind[rec.kind].append(rec)
    build = by_kind["build-in"]
    if build:
        main = [r for r in build if not r.title.startswith("Quick win")] or build
        ranked = sorted(main, key=lambda r: -r.score.total)[:4]
        changes = [
            f"{in_sentence(catalog.change_types[r.change_type].entry.title)} ({period_label(r.period)}, {r.id})"
            if r.change_type
            else f"{r.title} ({r.id})"
            for r in ranked
        ]
        out.append(Consideration(
            title="Build controls in while the system is changing",
            text=(f"The roadmap already pays for the most expensive part of security work, the change "
                  f"itself. {len(build)} recommendations ride a planned change instead of adding "
                  f"projects; the strongest are {_names(changes)}. Each is cheaper now than as a "
                  f"retrofit a year later, when the same services must be re-tested."),
            recommendations=tuple(r.id for r in ranked),
            sources=distinct_sources([s for r in ranked for s in r.sources[:2]]),
        ))  # fmt: skip
    out.extend(_front_load(catalog, findings, recs))
    out.extend(_targets(findings))
    stalled = [g for g in findings.gaps if g.kind in ("stalled", "ownerless")]
    if stalled:
        restart = by_kind["restart"]
        titles = [g.items[0].title for g in stalled]
        owners = [g for g in stalled if g.owner_needed]
        out.append(Consideration(
            title="Unblock the security work the roadmap keeps deferring",
            text=(f"{_names(titles)} {'is' if len(titles) == 1 else 'are'} deferred, unscheduled or "
                  f"without an owner. {'None of them has' if len(owners) == len(stalled) else 'Several lack'} "
                  f"a named owner, which is usually why such work slips. The plan proposes an "
                  f"incremental first step for each in the first quarter, owned by a named person, "
                  f"instead of waiting for a slot big enough for the whole initiative."),
            recommendations=tuple(r.id for r in restart),
            sources=distinct_sources([s for g in stalled for s in g.sources]),
        ))  # fmt: skip
    late = [g for g in findings.gaps if g.kind == "late"]
    if late:
        text = " ".join(_late_sentence(g) for g in late[:3])
        out.append(Consideration(
            title="Security that lands after the change it should protect",
            text=text + " Pull the protective part forward into the change's quarter; the rest can keep its date.",
            recommendations=tuple(r.id for r in by_kind["pull-forward"]),
            sources=distinct_sources([s for g in late for s in g.sources]),
        ))  # fmt: skip
    risks = _risks(findings, by_kind["mitigate"])
    if risks is not None:
        out.append(risks)
    baselines = [g for g in findings.gaps if g.kind == "baseline"]
    if baselines:
        techs = [t for g in baselines for t in g.technologies]
        out.append(Consideration(
            title="The stack needs baselines no initiative mentions",
            text=(f"The documents name {_names(techs, 6)}. Each comes with baseline expectations "
                  f"that do not belong to any single initiative, so no roadmap line will ever "
                  f"schedule them; the plan puts them in the first quarter as small, standing work."),
            recommendations=tuple(r.id for r in by_kind["baseline"]),
            sources=distinct_sources([s for g in baselines for s in g.sources]),
        ))  # fmt: skip
    quick = [r for r in recs if r.quick_win]
    if quick:
        out.append(Consideration(
            title="Quick wins to show progress early",
            text=(f"{_names([f'{r.id} {r.title}' for r in quick], 5)} are small, low-overhead "
                  f"steps that can land within a sprint or two and give leadership visible progress "
                  f"while the larger items are scheduled."),
            recommendations=tuple(r.id for r in quick),
            sources=distinct_sources([r.sources[0] for r in quick]),
        ))  # fmt: skip
    existing = [w for w in findings.security_work if w.item.status not in STALLED]
    if existing:
        out.append(Consideration(
            title="Security work already in the roadmap is counted, not duplicated",
            text=(f"The roadmap already plans {_names([w.item.title for w in existing], 5)}. "
                  f"The plan builds on these rather than proposing them again, and only asks to "
                  f"move them where a change needs them earlier."),
            sources=distinct_sources([w.item.sources[0] for w in existing]),
        ))  # fmt: skip
    declined = _declined(findings, recs)
    if declined is not None:
        out.append(declined)
    capacity = _capacity(findings, recs)
    if capacity is not None:
        out.append(capacity)
    return out[:MAX_CONSIDERATIONS]


def _late_sentence(gap: Gap) -> str:
    security, changes = gap.items[0], _names([i.title for i in gap.items[1:]], 3)
    when = slot(security.period)
    if when is not None and when.start == gap.period:
        return f"{security.title} is planned for after {changes} goes live in {gap.period}."
    planned = when.start if when is not None else period_label(security.period)
    return f"{security.title} is planned for {planned}, but {changes} already change the system in {gap.period}."


def _front_load(
    catalog: Catalog, findings: Findings, recs: list[Recommendation]
) -> list[Consideration]:
    expansions = sorted(
        (w for w in findings.windows if catalog.change_types[w.change_type].entry.expansion),
        key=lambda w: order_key(w.start),
    )
    if not expansions:
        return []
    named = [w for w in expansions if not w.item.states_a_target] or expansions
    concrete = [w for w in named if w.item.kind.value in _CHANGE_KINDS] or named
    changes = [f"{w.item.title} ({period_label(w.start)})" for w in concrete]
    grows_at: dict[str, str | None] = {}
    for window in expansions:
        grows_at.setdefault(window.change_type, window.start)
    moved = [r for r in recs if r.change_type in grows_at and r.kind == "build-in"]
    first = findings.quarters[0] if findings.quarters else None
    ahead, clamped, alongside = [], [], []
    for rec in moved:
        grows = grows_at[rec.change_type or ""]
        if _before(rec.period, grows):
            ahead.append(rec)
        elif grows == first and any(catalog.controls[c].foundation for c in rec.controls):
            clamped.append(rec)
        else:
            alongside.append(rec)
    parts = []
    if ahead:
        parts.append(f"{_ids(ahead)} {_is(ahead)} scheduled the quarter before the growth")
    if clamped:
        parts.append(f"{_ids(clamped)} {_is(clamped)} due at the start of "
                     f"{period_label(first)}, the roadmap's first quarter, as the growth starts "
                     f"then")  # fmt: skip
    if alongside:
        parts.append(f"{_ids(alongside)} {_is(alongside)} built in with the change itself")
    first_word = "come before it" if ahead or clamped else "travel with it"
    text = (f"Growth is planned: {_names(changes, 3)}. Growth multiplies whatever is in place, "
            f"good or bad, so the guardrails it depends on {first_word}")  # fmt: skip
    return [Consideration(
        title=(
            "Front-load foundations before the expansion quarters"
            if ahead or clamped
            else "Build guardrails into the expansion itself"
        ),
        text=text + (": " + "; ".join(parts) if parts else "") + ".",
        recommendations=tuple(r.id for r in moved),
        sources=distinct_sources([w.item.sources[0] for w in concrete]),
    )]  # fmt: skip


_CHANGE_KINDS = ("initiative", "epic", "key_result", "task")


def _ids(recs: list[Recommendation]) -> str:
    return _names([r.id for r in recs], 6)


def _is(recs: list[Recommendation]) -> str:
    return "is" if len(recs) == 1 else "are"


def _before(period: str | None, start: str | None) -> bool:
    if slot(period) is None or slot(start) is None:
        return False
    return order_key(period) < order_key(start)


_TARGET_WORDS = {
    "latency": "rules out heavy inline controls on the request path; protection goes to the edge, the gateway with bounded cost, or out of band",
    "availability": "means anything that can block traffic or deployments is rolled out in report-only mode first, one service at a time",
    "cadence": "means security checks run automatically in the pipeline and report before they block; no manual gate per release",
    "cost": "favours the platform's native controls and the existing logging stack over new standalone tools",
    "detection": "is a target security detections can share: same alert pipeline, same on-call, same clock",
}


def _targets(findings: Findings) -> list[Consideration]:
    if not findings.constraints:
        return []
    sentences: list[str] = []
    refs: list[SourceRef] = []
    seen: set[str] = set()
    for constraint in findings.constraints:
        if constraint.kind in seen or constraint.kind not in _TARGET_WORDS:
            continue
        seen.add(constraint.kind)
        raw = constraint.metric.raw.rstrip(".")
        where = "" if raw in constraint.item.title else f" ({constraint.item.title})"
        sentences.append(f'"{raw}"{where} {_TARGET_WORDS[constraint.kind]}.')
        refs.append(constraint.source)
    return [Consideration(
        title="The roadmap's own targets shape the controls",
        text=" ".join(sentences),
        sources=distinct_sources(refs),
    )]  # fmt: skip


def _declined(findings: Findings, recs: list[Recommendation]) -> Consideration | None:
    """Security work the roadmap declines on purpose ("Not doing this year"): respected, not
    reopened, but named as an accepted risk; recommendations on the same ground say so."""
    declined = findings.declined
    if not declined:
        return None
    work = {w.item.id: w.controls for w in findings.security_work}
    controls = {c for item in declined for c in work.get(item.id, ())}
    touching = [r for r in recs if controls.intersection(r.controls)]
    names = _names([f"“{item.title}”" for item in declined], 4)
    text = (f"The roadmap declines {names} on purpose. The "
            f"plan does not reopen {'it' if len(declined) == 1 else 'them'}: record each as an "
            f"accepted risk with an owner and a date to look again.")  # fmt: skip
    if touching:
        text += (f" {_ids(touching)} cover{'s' if len(touching) == 1 else ''} part of the same "
                 f"ground, scoped to the change {'it rides' if len(touching) == 1 else 'they ride'}"
                 f" rather than as the programme the roadmap turned down.")  # fmt: skip
    return Consideration(
        title="Security work the roadmap declines",
        text=text,
        recommendations=tuple(r.id for r in touching),
        sources=distinct_sources([item.sources[0] for item in declined]),
    )


_BUDGET_WORD = re.compile(r"\s*\bbudget\b", re.IGNORECASE)
_SECURITY_BUDGET = re.compile(r"\bsecur|\btooling\b|\bcyber", re.IGNORECASE)


def _money(value: float, unit: str) -> str:
    if value >= 1e6:
        return f"{unit}{value / 1e6:g}M"
    return f"{unit}{value / 1e3:g}k" if value >= 1e3 else f"{unit}{value:g}"


_WORKING_WEEKS = 12  # working weeks in a quarter, after holidays and leave


def _capacity(findings: Findings, recs: list[Recommendation]) -> Consideration | None:
    per_quarter: dict[str, float] = defaultdict(float)
    for rec in recs:
        per_quarter[rec.period or "unscheduled"] += rec.effort.person_weeks
    total = sum(per_quarter.values())
    spread = ", ".join(
        f"{q}: {w:g}" for q, w in sorted(per_quarter.items(), key=lambda kv: order_key(kv[0]))
    )
    security_share = [
        c
        for c in findings.roadmap.capacity
        if c.kind == "budget_share" and "secur" in c.label.lower()
    ]
    headcount = [c for c in findings.roadmap.capacity if c.kind == "headcount"]
    amounts = [
        c for c in findings.roadmap.capacity
        if c.kind == "budget_amount" and _SECURITY_BUDGET.search(c.label)
    ]  # fmt: skip
    if amounts and not security_share:
        stated = amounts[0]
        text = (
            f"The roadmap budgets {_money(stated.value, stated.unit)} for "
            f"{in_sentence(_BUDGET_WORD.sub('', stated.label).strip() or stated.label)}. "
            f"The plan asks for about {total:g} person-weeks ({spread}), mostly people's time "
            f"inside work already planned rather than new tools; fund the high-priority items first."
        )
        refs = [stated.sources[0]]
    elif security_share:
        stated = security_share[0]
        text = (
            f"The roadmap gives security {stated.value:g}% of the budget. The plan asks for about "
            f"{total:g} person-weeks ({spread}); fund the high-priority items first and let "
            f"the rest follow the budget."
        )
        refs = [stated.sources[0]]
        if headcount and per_quarter:
            people = stated.value / 100 * max(c.value for c in headcount)
            weeks = people * _WORKING_WEEKS
            busiest, need = max(per_quarter.items(), key=lambda kv: (kv[1], kv[0]))
            verdict = (
                "it fits, with room for the security team's own run work"
                if need <= weeks / 2
                else "it fits" if need <= weeks
                else "more than the share allows: move the medium-priority items of that quarter"
            )  # fmt: skip
            text += (f" Read as people, {stated.value:g}% of {max(c.value for c in headcount):g} "
                     f"engineers is about "
                     f"{people:.0f} people, roughly {weeks:.0f} person-weeks a quarter; the busiest "
                     f"quarter of the plan ({busiest}) asks for {need:g}: {verdict}.")  # fmt: skip
    else:
        text = (
            f"The roadmap states no security budget, so the plan states effort instead: about "
            f"{total:g} person-weeks in all ({spread}), most of it folded into work the teams "
            f"already plan."
        )
        refs = [r.sources[0] for r in recs[:2]] or [
            i.sources[0] for i in findings.roadmap.items[:1]
        ]
    staff = [c for c in findings.roadmap.capacity if c.kind == "security_staff"]
    if staff and per_quarter:
        text += " " + _staff_sentence(staff[0].value, per_quarter)
        refs.append(staff[0].sources[0])
    if headcount:
        text += (
            f" Headcount grows to {max(c.value for c in headcount):g} people over the year; "
            f"security onboarding and access automation scale with it."
        )
        refs.append(headcount[-1].sources[0])
    if not refs:
        return None  # nothing was read, so there is nothing to cite
    return Consideration(title="Capacity and effort", text=text,
                         recommendations=tuple(r.id for r in recs if r.priority == "high"),
                         sources=distinct_sources(refs))  # fmt: skip


def _staff_sentence(people: float, per_quarter: dict[str, float]) -> str:
    """What the security people the roadmap names can carry of the busiest quarter."""
    busiest, need = max(per_quarter.items(), key=lambda kv: (kv[1], kv[0]))
    if people == 0:
        return (
            f"The roadmap has no dedicated security people, so the {need:g} person-weeks of "
            f"{busiest} fall to the teams making the changes: name an owner in each of them, and "
            f"fund a security lead or a fractional CISO before that quarter."
        )
    weeks = people * _WORKING_WEEKS
    verdict = (
        "they can lead it beside their run work"
        if need <= weeks / 2
        else "it takes nearly all their time, so the teams making the changes build the controls "
        "in and the security people review them"
        if need <= weeks
        else "the teams making the changes must carry most of it, with the security people "
        "reviewing the high-priority items"
    )
    return (
        f"The roadmap names {people:g} security {'person' if people == 1 else 'people'}, about "
        f"{weeks:.0f} person-weeks a quarter; the busiest quarter ({busiest}) asks for {need:g}: "
        f"{verdict}."
    )


def _risks(findings: Findings, mitigations: list[Recommendation]) -> Consideration | None:
    """The risks the roadmap names: those a control reduces get a first step; the others
    ("one person covers the gateway and security") still need an owner's decision."""
    risks = [g for g in findings.gaps if g.kind == "risk"]
    unassessed = list(findings.unassessed[:3])
    if not risks and not unassessed:
        return None
    parts = []
    if risks:
        parts.append(
            f"The roadmap lists {_names([f'“{g.items[0].title}”' for g in risks], 3)} as "
            f"{'a risk' if len(risks) == 1 else 'risks'}, yet no item plans the work that would "
            f"reduce {'it' if len(risks) == 1 else 'them'}. A risk written down and then carried "
            f"for a year is the finding an auditor or an attacker reads first; "
            f"{_names([f'{r.id} ({period_label(r.period)})' for r in mitigations], 4) or 'the plan'} "
            f"{'takes' if len(mitigations) <= 1 else 'take'} the first step early, with a named owner."
        )
    if unassessed:
        parts.append(
            f"{'It also names' if risks else 'The roadmap names'} "
            f"{_names([f'“{i.title}”' for i in unassessed], 3)}, which no recommendation here "
            f"addresses and no item mitigates: each needs an owner and a recorded decision "
            f"(mitigate, accept until a stated date, or transfer) before the work it threatens "
            f"starts."
        )
    return Consideration(
        title="Act on the risks the roadmap already names",
        text=" ".join(parts),
        recommendations=tuple(r.id for r in mitigations),
        sources=distinct_sources(
            [s for g in risks for s in g.sources] + [i.sources[0] for i in unassessed]
        ),
    )
