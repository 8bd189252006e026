"""Gaps: stalled or ownerless security work, security that lands after its change, and
stack baselines no item covers."""

from __future__ import annotations

import re
from collections import Counter

from roadsec.analysis.findings import Gap, SecurityWork, Window, distinct_sources
from roadsec.analysis.matching import (
    MAX_MATCH_TEXT,
    SECURITY_WORDS,
    Reading,
    change_types_of,
    item_text,
)
from roadsec.knowledge import Catalog, GapRule
from roadsec.model.roadmap import (
    STALLED,
    Item,
    ItemKind,
    Roadmap,
    SourceRef,
    Technology,
)
from roadsec.model.timeline import order_key, slot

_MAX_NEEDING = 8  # windows a late gap names at most
_NOT_WORK = frozenset({ItemKind.THEME, ItemKind.METRIC, ItemKind.RISK})
_DOMAIN_OWNERS = {
    "identity": "the identity/IAM owner in the platform team",
    "platform": "the platform (DevOps) lead",
    "pipeline": "the CI/CD owner in the platform team",
    "data": "the data platform lead",
    "ai": "the ML engineering lead",
    "application": "the engineering lead of the team that owns the affected services",
    "detection": "the SRE lead",
    "response": "the SRE lead",
    "recovery": "the SRE lead",
    "governance": "the security lead",
    "edge": "the platform (DevOps) lead",
}


def _rule(catalog: Catalog, kind: str) -> GapRule:
    return next(rule for rule in catalog.gaps if rule.kind == kind)


def _refs(*groups: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
    return distinct_sources(ref for group in groups for ref in group)


def is_security_item(item: Item, work: dict[str, SecurityWork], reading: Reading) -> bool:
    """Planned security work, or an item whose text speaks of security."""
    if item.id in work:
        return True
    text = item_text(item)
    if len(text) < MAX_MATCH_TEXT:
        return reading.security
    return SECURITY_WORDS.search(text) is not None


def suggest_owner(catalog: Catalog, controls: tuple[str, ...], roadmap: Roadmap) -> str:
    """An owner the roadmap already names for this kind of work, else a role."""
    owners = Counter(i.owner for i in roadmap.items if i.owner)
    security = [o for o in owners if re.search(r"\bsecurity\b", o, re.IGNORECASE)]
    if security:
        return security[0]
    domains = [catalog.controls[c].domain for c in controls if c in catalog.controls]
    return _DOMAIN_OWNERS.get(domains[0] if domains else "governance", "the security lead")


def stalled_and_ownerless(
    catalog: Catalog, roadmap: Roadmap, work: dict[str, SecurityWork], first_quarter: str | None,
    texts: dict[str, Reading],
) -> list[Gap]:  # fmt: skip
    stalled_rule, owner_rule = _rule(catalog, "stalled"), _rule(catalog, "ownerless")
    ownership = re.compile("|".join(owner_rule.reason_patterns), re.IGNORECASE)
    owners_are_named = sum(1 for i in roadmap.items if i.owner) >= max(3, len(roadmap.items) // 3)
    gaps: list[Gap] = []
    for item in roadmap.items:
        if item.kind in _NOT_WORK or not is_security_item(item, work, texts[item.id]):
            continue
        controls = (
            work[item.id].controls
            if item.id in work
            else _implied_controls(catalog, item, texts[item.id])
        )
        says_no_owner = bool(ownership.search(f"{item.status_reason or ''} {item.text}"))
        stalled = item.status in STALLED
        owner_needed = says_no_owner or (item.owner is None and (stalled or owners_are_named))
        owner = suggest_owner(catalog, controls, roadmap) if owner_needed else item.owner
        step = _first_step(catalog, controls)
        if stalled:
            reason = f" ({item.status_reason})" if item.status_reason else ""
            gaps.append(Gap(
                stalled_rule.id, "stalled", f"Stalled: {item.title}",
                stalled_rule.detail.format(item=item.title, status=item.status.value, reason=reason),
                first_quarter, owner_needed, _refs(item.sources), controls, (item,), step, owner,
            ))  # fmt: skip
        elif owner_needed:
            reason = (
                " (the roadmap names no owner)" if not says_no_owner else f" ({item.status_reason})"
            )
            gaps.append(Gap(
                owner_rule.id, "ownerless", f"No owner: {item.title}",
                owner_rule.detail.format(item=item.title, reason=reason, owner=owner),
                item.period, True, _refs(item.sources), controls, (item,), step, owner,
            ))  # fmt: skip
    return gaps


def _implied_controls(catalog: Catalog, item: Item, reading: Reading) -> tuple[str, ...]:
    """For security work no recognizer names: the lead control of the change it describes."""
    text = item_text(item)
    found = reading.change_types if len(text) <= MAX_MATCH_TEXT else change_types_of(catalog, text)
    for change_type in found:
        return catalog.change_types[change_type].entry.controls[:1]
    return ()


def _first_step(catalog: Catalog, controls: tuple[str, ...]) -> str | None:
    for control in controls:
        step = catalog.controls[control].first_step
        if step:
            return step
    return None


def late_security(
    catalog: Catalog, windows: list[Window], work: list[SecurityWork], roadmap: Roadmap
) -> list[Gap]:
    """Security work scheduled after a change that needs what it delivers."""
    rule = _rule(catalog, "late")
    # Security that is part of a change (SSO inside an identity project, OAuth inside a
    # marketplace) protects that change, on time; only standalone security work can be late.
    change_ids = {w.item.id for w in windows}
    # Windows by the controls their change calls for, earliest first: each planned piece of
    # security work then looks up only its own controls (no windows x work product).
    by_control: dict[str, list[Window]] = {}
    for window in sorted(windows, key=lambda w: (order_key(w.start), w.item.sources[0].line)):
        for control in catalog.change_types[window.change_type].entry.controls:
            by_control.setdefault(control, []).append(window)
    gaps: list[Gap] = []
    for planned in work:
        when = slot(planned.start)
        if when is None or planned.item.status in STALLED:
            continue
        if planned.item.id in change_ids or (planned.item.parent or "") in change_ids:
            continue
        needing: list[Window] = []
        for control in planned.controls:
            for window in by_control.get(control, ()):
                ws = slot(window.start)
                if ws is None or not ws < when:
                    break
                if all(window is not seen for seen in needing):
                    needing.append(window)
                if len(needing) >= _MAX_NEEDING:
                    break
        if not needing:
            continue
        needing.sort(
            key=lambda w: (order_key(w.start), w.item.sources[0].document, w.item.sources[0].line)
        )
        first = min(needing, key=lambda w: (order_key(w.start), w.item.sources[0].line))
        change_titles = list(dict.fromkeys(w.item.title for w in needing if w.start == first.start))
        controls = tuple(
            c for c in planned.controls
            if any(c in catalog.change_types[w.change_type].entry.controls for w in needing)
        )  # fmt: skip
        detail = rule.detail.format(
            security=planned.item.title, security_period=planned.start,
            change=" / ".join(change_titles[:3]), change_period=first.start,
        )  # fmt: skip
        refs = _refs(planned.item.sources, *(w.item.sources[:1] for w in needing[:4]))
        gaps.append(Gap(rule.id, "late", f"Too late: {planned.item.title} ({planned.start})",
                        detail, first.start, planned.item.owner is None, refs, controls,
                        (planned.item, *(w.item for w in needing[:4])), _first_step(catalog, controls),
                        planned.item.owner or suggest_owner(catalog, controls, roadmap)))  # fmt: skip
    return gaps


def uncovered_baselines(
    catalog: Catalog, technologies: tuple[Technology, ...], covered: set[str],
    first_quarter: str | None,
) -> list[Gap]:  # fmt: skip
    """Controls a detected stack needs that no window or planned work delivers."""
    rule = _rule(catalog, "baseline")
    gaps: list[Gap] = []
    claimed: set[str] = set()
    for baseline in catalog.baselines:
        techs = [t for t in technologies
                 if t.name in baseline.technologies or t.category in baseline.categories]  # fmt: skip
        missing = tuple(c for c in baseline.controls if c not in covered and c not in claimed)
        if not techs or not missing:
            continue
        claimed.update(missing)
        names = ", ".join(t.name for t in techs[:4])
        titles = "; ".join(catalog.controls[c].title for c in missing)
        detail = rule.detail.format(technologies=names, controls=titles) + " " + baseline.rationale
        refs = _refs(*(t.sources[:1] for t in techs))
        gaps.append(Gap(rule.id, "baseline", f"Baseline for {names}", detail, first_quarter,
                        False, refs, missing, (), _first_step(catalog, missing), None,
                        tuple(t.name for t in techs)))  # fmt: skip
    return gaps
