"""Gaps: stalled or ownerless security work, security that lands after its change, and
stack baselines no item covers."""

from __future__ import annotations

import re

from roadsec.analysis.findings import Gap, SecurityWork, Window, distinct_sources
from roadsec.analysis.matching import (
    MAX_MATCH_TEXT,
    SECURITY_WORDS,
    Reading,
    change_types_of,
    item_text,
)
from roadsec.analysis.tables import (
    baseline_stacks,
    change_controls,
    first_steps,
    gap_rules,
    ownership_pattern,
)
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import (
    STALLED,
    Item,
    ItemKind,
    Roadmap,
    SourceRef,
    Status,
    Technology,
)
from roadsec.model.timeline import Slot, order_key, slot

_MAX_NEEDING = 8  # windows a late gap names at most
_SECURITY_OWNER = re.compile(r"\bsecurity\b", re.IGNORECASE)
_NOT_WORK = frozenset({ItemKind.THEME, ItemKind.METRIC, ItemKind.RISK})
_SECURITY_LEAD = "the security lead"
_NO_SECURITY_LEAD = "the head of engineering, until a security lead is hired"
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
    "governance": _SECURITY_LEAD,
    "edge": "the platform (DevOps) lead",
}


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


class Owners:
    """Owners to suggest for one roadmap's work: an owner it already names for this kind of
    work, else a role."""

    def __init__(self, catalog: Catalog, roadmap: Roadmap) -> None:
        self.catalog = catalog
        self.items = roadmap.items
        self._security: tuple[str | None] | None = None
        # "We have no dedicated security engineer": no security lead to suggest
        self._nobody = any(c.kind == "security_staff" and c.value == 0 for c in roadmap.capacity)

    def suggest(self, controls: tuple[str, ...]) -> str:
        """The roadmap's first owner with "security" in the name, else the role for the
        domain of the first control."""
        if self._security is None:
            named = dict.fromkeys(i.owner for i in self.items if i.owner)
            self._security = (next((o for o in named if _SECURITY_OWNER.search(o)), None),)
        if self._security[0] is not None:
            return self._security[0]
        controls_by_id = self.catalog.controls
        domain = next((controls_by_id[c].domain for c in controls if c in controls_by_id), None)
        role = _DOMAIN_OWNERS.get(domain or "governance", _SECURITY_LEAD)
        return _NO_SECURITY_LEAD if role == _SECURITY_LEAD and self._nobody else role


def suggest_owner(catalog: Catalog, controls: tuple[str, ...], roadmap: Roadmap) -> str:
    """An owner the roadmap already names for this kind of work, else a role."""
    return Owners(catalog, roadmap).suggest(controls)


def stalled_and_ownerless(
    catalog: Catalog, roadmap: Roadmap, work: dict[str, SecurityWork], first_quarter: str | None,
    texts: dict[str, Reading], owners: Owners | None = None,
) -> list[Gap]:  # fmt: skip
    rules = gap_rules(catalog)
    stalled_rule, owner_rule = rules["stalled"], rules["ownerless"]
    ownership = ownership_pattern(catalog)
    owners = owners or Owners(catalog, roadmap)
    owners_are_named = sum(1 for i in roadmap.items if i.owner) >= max(3, len(roadmap.items) // 3)
    # Controls live work delivers: cancelled work another item replaces ("Won't Do, superseded
    # by the Secrets Manager ticket") leaves no gap; deferred work still does.
    live = {c for w in work.values() if w.item.status not in STALLED for c in w.controls}
    owned_parents = {i.parent for i in roadmap.items if i.parent and i.owner}
    gaps: list[Gap] = []
    for item in roadmap.items:
        if item.kind in _NOT_WORK:
            continue
        reading = texts[item.id]
        if not is_security_item(item, work, reading):
            continue
        controls = (
            work[item.id].controls if item.id in work else _implied_controls(catalog, item, reading)
        )
        says_no_owner = bool(ownership.search(f"{item.status_reason or ''} {item.text}"))
        stalled = item.status in STALLED
        if item.status is Status.CANCELLED and (
            item.status_from_section or (bool(controls) and live.issuperset(controls))
        ):
            continue  # declined on purpose ("Not doing this year"), or replaced by live work
        if item.is_a_target and not stalled and not says_no_owner:
            continue  # a key result is owned through its objective; a target is no work
        if item.status is Status.DONE:
            continue  # shipped work needs no owner now
        owner_needed = says_no_owner or (
            item.owner is None
            and (stalled or owners_are_named)
            and item.id not in owned_parents  # a workstream whose milestones have owners
        )
        owner = owners.suggest(controls) if owner_needed else item.owner
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
                f" ({item.status_reason})"
                if says_no_owner and item.status_reason
                else " (the roadmap says so itself)"
                if says_no_owner
                else " (the roadmap names no owner)"
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
        return change_controls(catalog)[change_type][:1]
    return ()


def _first_step(catalog: Catalog, controls: tuple[str, ...]) -> str | None:
    steps = first_steps(catalog)
    for control in controls:
        step = steps.get(control)
        if step:
            return step
    return None


def late_security(
    catalog: Catalog, windows: list[Window], work: list[SecurityWork], roadmap: Roadmap,
    owners: Owners | None = None,
) -> list[Gap]:  # fmt: skip
    """Security work scheduled after a change that needs what it delivers."""
    rule = gap_rules(catalog)["late"]
    controls_of = change_controls(catalog)
    owners = owners or Owners(catalog, roadmap)
    # Security that is part of a change (SSO inside an identity project, OAuth inside a
    # marketplace) protects that change, on time; only standalone security work can be late.
    change_ids = {w.item.id for w in windows}
    # Windows by the controls their change calls for, earliest first: each planned piece of
    # security work then looks up only its own controls (no windows x work product).
    by_control: dict[str, list[Window]] = {}
    for window in sorted(windows, key=lambda w: (order_key(w.start), w.item.sources[0].line)):
        for control in controls_of[window.change_type]:
            by_control.setdefault(control, []).append(window)
    gaps: list[Gap] = []
    words: dict[str, set[str]] = {}  # item id -> what its title is about, computed once
    for planned in work:
        when = slot(planned.start)
        # "deferred to H2", "Backlog, target 2027-H2": dated for later, so late and slipping
        deferred = planned.item.status in (Status.DEFERRED, Status.UNSCHEDULED)
        if when is None or (planned.item.status in STALLED and not deferred):
            continue
        if planned.item.kind is ItemKind.KEY_RESULT:
            continue  # a key result measures security work; the work itself can be late
        named = _named_changes(planned.item, windows, when, words)
        part_of_change = planned.item.id in change_ids or (planned.item.parent or "") in change_ids
        if part_of_change and not named:
            continue
        needing: list[Window] = []
        for control in () if part_of_change else planned.controls:
            for window in by_control.get(control, ()):
                ws = slot(window.start)
                if ws is None or not ws < when:
                    break
                if all(window is not seen for seen in needing):
                    needing.append(window)
                if len(needing) >= _MAX_NEEDING:
                    break
        for window in named:
            if all(window is not seen for seen in needing) and len(needing) < _MAX_NEEDING:
                needing.append(window)
        if not needing:
            continue
        needing.sort(
            key=lambda w: (order_key(w.start), w.item.sources[0].document, w.item.sources[0].line)
        )
        first = min(needing, key=lambda w: (order_key(w.start), w.item.sources[0].line))
        change_titles = list(dict.fromkeys(w.item.title for w in needing if w.start == first.start))
        controls = tuple(
            c for c in planned.controls
            if any(c in controls_of[w.change_type] for w in needing)
        ) or planned.controls  # fmt: skip
        template = rule.detail
        if first.start == planned.start and rule.detail_same_quarter:
            template = rule.detail_same_quarter  # "... — after the API is live"
        detail = template.format(
            security=planned.item.title, security_period=planned.start,
            change=" / ".join(change_titles[:3]), change_period=first.start,
        )  # fmt: skip
        if deferred:
            reason = (planned.item.status_reason or "").strip(" —–-")
            detail += f" It is already {planned.item.status.value}" + (
                f" ({reason})."
                if reason.strip(". ").lower() not in ("", planned.item.status.value)
                else "."
            )
        # the work's own first lines and each change it comes after: both halves of the reason
        refs = _refs(planned.item.sources[:2], *(w.item.sources[:1] for w in needing[:4]))
        gaps.append(Gap(rule.id, "late", f"Too late: {planned.item.title} ({planned.start})",
                        detail, first.start, planned.item.owner is None, refs, controls,
                        (planned.item, *(w.item for w in needing[:4])), _first_step(catalog, controls),
                        planned.item.owner or owners.suggest(controls)))  # fmt: skip
    return gaps


_WORD = re.compile(r"[a-z0-9]+")
_NOT_OBJECT = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "on",
        "in",
        "into",
        "to",
        "and",
        "or",
        "with",
        "by",
        "from",
        "at",
        "our",
        "new",
        "all",
        "every",
        "any",
        "its",
        "their",
        "this",
        "that",
        "after",
        "before",
        "once",
        "when",
        "is",
        "are",
        "be",
        "live",
        "goes",
        "go",
        "launch",
        "launches",
        "launched",
        "ships",
        "shipped",
        "release",
        "released",
        "security",
        "review",
        "reviews",
        "pen",
        "penetration",
        "test",
        "tests",
        "testing",
        "pentest",
        "audit",
        "assessment",
        "assessments",
        "threat",
        "model",
        "models",
        "modelling",
        "modeling",
        "scan",
        "scanning",
        "hardening",
        "dpia",
        "privacy",
        "impact",
        "health",
        "check",
        "checks",
        "refresh",
        "external",
        "internal",
        "independent",
        "annual",
        "quarterly",
        "maybe",
        "if",
        "time",
        "allows",
    ]
)
_AFTER_LIVE = re.compile(
    r"\b(?:after|once|when) (?:the |our )?(?:[\w-]+ ){0,4}?(?:is|are|goes|go|has gone|have gone) "
    r"(?:live|launched|released|shipped|in production)\b|\bafter (?:the )?(?:launch|go-live|release)\b",
    re.IGNORECASE,
)


_FOR_OBJECT = re.compile(r"\s(?:for|in front of|around)\s+(?!all\b|every\b)", re.IGNORECASE)


def _object_words(title: str) -> set[str]:
    """What a piece of security work is about: "Penetration test of API v2" -> {api, v2};
    "API gateway rate limiting + mTLS for v3" -> {v3}, the thing it is for."""
    title = title.lower()
    parts = _FOR_OBJECT.split(title.split(" (", 1)[0])
    if len(parts) > 1 and (words := _content_words(parts[-1])):
        return words
    return _content_words(title)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w not in _NOT_OBJECT}


def _named_changes(
    item: Item, windows: list[Window], when: Slot, words: dict[str, set[str]]
) -> list[Window]:
    """Changes the security work names ("Pen test of API v2" names "Public API v2") that go
    live before it: earlier in the plan, or in its own quarter when it says "after ... is
    live"."""
    wanted = _object_words(item.title)
    if not wanted:
        return []
    after_live = _AFTER_LIVE.search(item.text) is not None
    found: list[Window] = []
    for window in windows:
        start = slot(window.start)
        if start is None or not (start < when or (after_live and start == when)):
            continue
        if window.item.id in (item.id, item.parent):
            continue
        about = words.get(window.item.id)
        if about is None:
            about = words[window.item.id] = _object_words(window.item.title)
        shared = wanted & about
        if (len(shared) >= 2 or shared == wanted) and len(shared) * 2 >= len(wanted):
            found.append(window)
    return found


def uncovered_baselines(
    catalog: Catalog, technologies: tuple[Technology, ...], covered: set[str],
    first_quarter: str | None,
) -> list[Gap]:  # fmt: skip
    """Controls a detected stack needs that no window or planned work delivers."""
    rule = gap_rules(catalog)["baseline"]
    gaps: list[Gap] = []
    claimed: set[str] = set()
    stacks = baseline_stacks(catalog)
    for baseline, (known, categories) in zip(catalog.baselines, stacks, strict=True):
        techs = [
            t
            for t in technologies
            if (t.name in known or t.category in categories) and not t.leaving
        ]
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
