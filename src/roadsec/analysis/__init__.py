"""Stage 4: Roadmap -> Findings (windows, constraints, gaps, security work already planned)."""

from __future__ import annotations

from roadsec.analysis.constraints import find_constraints
from roadsec.analysis.deferred import deferred_within
from roadsec.analysis.findings import (
    Constraint,
    Findings,
    Gap,
    SecurityWork,
    Window,
    distinct_sources,
)
from roadsec.analysis.gaps import (
    Owners,
    late_security,
    stalled_and_ownerless,
    uncovered_baselines,
)
from roadsec.analysis.matching import item_text, read_many
from roadsec.analysis.risks import stated_risks, unassessed_risks
from roadsec.analysis.tables import change_controls
from roadsec.analysis.windows import find_security_work, find_windows
from roadsec.knowledge import Catalog, load_catalog
from roadsec.model.roadmap import STALLED, ItemKind, Roadmap, Status
from roadsec.model.timeline import quarters_of

READ = frozenset(ItemKind) - {ItemKind.METRIC, ItemKind.RISK}  # items that can be work
_NO_TIMELINE = frozenset({Status.DONE, Status.CANCELLED})

__all__ = [
    "Constraint",
    "Findings",
    "Gap",
    "SecurityWork",
    "Window",
    "analyze_roadmap",
    "distinct_sources",
]


def analyze_roadmap(roadmap: Roadmap, catalog: Catalog | None = None) -> Findings:
    """What a security architect reads out of the roadmap, made explicit."""
    catalog = catalog or load_catalog()
    readable = [item for item in roadmap.items if item.kind in READ]
    texts = dict(
        zip([i.id for i in readable], read_many(catalog, map(item_text, readable)), strict=True)
    )
    windows = find_windows(catalog, roadmap.items, texts)
    work = find_security_work(catalog, roadmap.items, windows, texts)
    # The roadmap's own timeline: what is done, or out of scope, dates nothing ahead.
    quarters = tuple(quarters_of([i.period for i in readable if i.status not in _NO_TIMELINE]))
    first = quarters[0] if quarters else None
    by_item = {w.item.id: w for w in work}
    controls_of = change_controls(catalog)
    covered = {c for w in windows for c in controls_of[w.change_type]}
    covered |= {c for w in work for c in w.controls}
    owners = Owners(catalog, roadmap)
    # Controls some live item names, even one that is itself a change ("immutable backups" in a DR
    # project): what a stated risk can be mitigated by.
    live = {i.id for i in readable if i.status not in STALLED}
    planned = {c for item_id, reading in texts.items() if item_id in live for c in reading.controls}
    late = late_security(catalog, windows, work, roadmap, owners) + deferred_within(
        catalog, windows
    )
    # A late item with no owner is one gap, "Too late ... (owner needed)", not two; so is work
    # deferred to after the change it protects.
    late_ids = {g.items[0].id for g in late}
    gaps = [
        *late,
        *(
            g
            for g in stalled_and_ownerless(catalog, roadmap, by_item, first, texts, owners)
            if g.kind not in ("ownerless", "stalled") or g.items[0].id not in late_ids
        ),
        *stated_risks(catalog, roadmap, planned, first, owners),
        *uncovered_baselines(catalog, roadmap.technologies, covered, first),
    ]
    return Findings(
        roadmap=roadmap,
        windows=tuple(windows),
        security_work=tuple(work),
        constraints=tuple(find_constraints(catalog, roadmap.items)),
        gaps=tuple(gaps),
        quarters=quarters,
        catalog_version=catalog.version,
        unassessed=unassessed_risks(catalog, roadmap),
        declined=tuple(
            i
            for i in readable
            if i.status is Status.CANCELLED
            and i.status_from_section
            and (i.id in by_item or texts[i.id].itself)
        ),
    )
