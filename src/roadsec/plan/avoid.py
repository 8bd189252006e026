"""What to avoid: approaches that would hurt the roadmap's own targets or repeat a failure."""

from __future__ import annotations

from roadsec.analysis import Constraint, Findings, distinct_sources
from roadsec.knowledge import Catalog
from roadsec.model.plan import Avoid


def avoid_list(catalog: Catalog, findings: Findings) -> list[Avoid]:
    """One entry per fired rule template, citing the targets behind it; plus stalled work."""
    by_rule: dict[str, list[Constraint]] = {}
    for constraint in findings.constraints:
        by_rule.setdefault(constraint.rule, []).append(constraint)
    out: list[Avoid] = []
    for rule in catalog.constraints:
        fired = by_rule.get(rule.id)
        if not fired:
            continue
        lead = _strongest(fired)
        refs = distinct_sources(c.source for c in [lead, *fired])
        for template in rule.avoid:
            text = template.detail.format(target=quote_target(lead))
            out.append(Avoid(id=template.id, title=template.title, detail=" ".join(text.split()),
                             sources=tuple(refs[:3])))  # fmt: skip
    stalled = [g for g in findings.gaps if g.kind == "stalled"]
    if stalled:
        names = "; ".join(
            f'"{g.items[0].title}" ({g.items[0].status_reason or g.items[0].status.value})'
            for g in stalled[:4]
        )
        refs = distinct_sources(g.sources[0] for g in stalled)
        out.append(Avoid(
            id="big-bang-restart",
            title="Relaunching stalled security work as one big project",
            detail=(
                f"{names} already slipped. Rescheduling each as a whole repeats what stalled "
                "it; ship the first increment with a named owner and grow from there."
            ),
            sources=tuple(refs),
        ))  # fmt: skip
    return out


def quote_target(constraint: Constraint) -> str:
    """ "raw" (item), or just "raw" when the item's title says the same thing."""
    raw = constraint.metric.raw.rstrip(".")
    title = constraint.item.title
    return f'"{raw}"' if title in raw or raw in title else f'"{raw}" ({title})'


def _strongest(constraints: list[Constraint]) -> Constraint:
    """The most demanding target of a kind: a stated comparator and baseline beat a bare value."""
    return max(
        constraints,
        key=lambda c: (c.metric.baseline is not None, c.metric.comparator is not None,
                       -c.item.sources[0].line),
    )  # fmt: skip
