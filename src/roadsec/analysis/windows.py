"""Windows (items that change the system) and the security work already planned."""

from __future__ import annotations

from roadsec.analysis.findings import SecurityWork, Window
from roadsec.analysis.matching import Reading
from roadsec.analysis.tables import change_controls
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import STALLED, Item, ItemKind, Status
from roadsec.model.timeline import order_key, start_quarter

_NOT_WORK = frozenset({ItemKind.METRIC, ItemKind.RISK})


def find_windows(
    catalog: Catalog, items: tuple[Item, ...], texts: dict[str, Reading]
) -> list[Window]:
    """Every scheduled, live item that signals a change type opens a window; work already done
    is context (its controls are a retrofit, which baselines and gaps cover), not a window."""
    windows: list[Window] = []
    themes = False
    parents = frozenset(item.parent for item in items if item.parent)
    for item in items:
        if item.kind in _NOT_WORK or item.status in STALLED or item.status is Status.DONE:
            continue  # an undated item still changes the system: its window is "unscheduled"
        reading = texts[item.id]
        found = reading.change_types
        if found:
            start = start_quarter(item.period)
            target = item.only_measures  # "p99 latency under 300ms" measures, changes nothing
            for change_type, words in found.items():
                if target and not catalog.change_types[change_type].entry.opened_by_targets:
                    continue
                if change_type in reading.protects:
                    continue  # security work for that change, not the change itself
                windows.append(Window(change_type, item, start, words))
            themes = themes or _summarizes(item, parents)
    if not themes:
        return windows
    concrete: dict[str, tuple[int, int, int]] = {}
    for w in windows:
        if not _summarizes(w.item, parents):
            when = order_key(w.start)
            concrete[w.change_type] = min(concrete.get(w.change_type, when), when)
    own = {(w.item.parent, w.change_type) for w in windows if w.item.parent}
    # A theme, an undated objective or an objective with key results only summarizes: it opens
    # a window when no concrete item of its kind does, or (an objective of one quarter or half
    # whose key results make that change) when it starts before all of them.
    return [
        w
        for w in windows
        if not _summarizes(w.item, parents)
        or w.change_type not in concrete
        or (
            _dated_objective(w.item)
            and (w.item.id, w.change_type) in own
            and order_key(w.start) < concrete[w.change_type]
        )
    ]


def _dated_objective(item: Item) -> bool:
    return item.kind is not ItemKind.THEME and item.period is not None and "-" in item.period


def _summarizes(item: Item, parents: frozenset[str]) -> bool:
    return item.kind is ItemKind.THEME or (
        item.kind in (ItemKind.OBJECTIVE, ItemKind.GOAL)
        and (item.period is None or item.id in parents)
    )


def find_security_work(
    catalog: Catalog,
    items: tuple[Item, ...],
    windows: list[Window],
    texts: dict[str, Reading],
) -> list[SecurityWork]:
    """Items that already plan a control (whatever their status).

    An item that is itself a change delivers the controls its own change calls for only when
    it says it is about security: "Enterprise SSO integration" is the identity change, not its
    hardening; "an incident response plan for security incidents" is the playbook itself.
    """
    controls_of = change_controls(catalog)
    own: dict[str, set[str]] = {}
    for window in windows:
        own.setdefault(window.item.id, set()).update(controls_of[window.change_type])
    work: list[SecurityWork] = []
    nothing: set[str] = set()
    for item in items:
        if item.kind in _NOT_WORK:
            continue
        reading = texts[item.id]
        if not reading.controls:
            continue
        mine = nothing if reading.itself else own.get(item.id, nothing)
        controls = [c for c in reading.controls if c not in mine]
        if controls:
            work.append(SecurityWork(item, tuple(controls), start_quarter(item.period)))
    return work
