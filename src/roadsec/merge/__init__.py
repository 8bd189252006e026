"""Stage 3: [Roadmap] -> Roadmap. Documents of one organization become one view.

Items keep their ids and sources (ids are unique per document already), except that work
carried over from one period to a later one becomes one item (``repeated``); technologies
named in several documents become one entry with the sources of all; the organization is the
one the documents name most often, unless the caller says otherwise.
"""

from __future__ import annotations

from collections import Counter

from roadsec.merge.repeated import merge_repeated
from roadsec.model.roadmap import ROADMAP_SCHEMA, Roadmap, SourceRef, Technology

MAX_TECH_SOURCES = 12


def merge(roadmaps: list[Roadmap], organization: str | None = None) -> Roadmap:
    """One roadmap from several; ``organization`` overrides what the documents name."""
    if not roadmaps:
        return Roadmap(organization=organization, documents=(), items=(), technologies=())
    named = Counter(d.organization for r in roadmaps for d in r.documents if d.organization)
    detected = min(named, key=lambda name: (-named[name], name)) if named else None
    items = merge_repeated([i for r in roadmaps for i in r.items])
    if (
        len(roadmaps) == 1
        and len(items) == len(roadmaps[0].items)
        and _already_merged(roadmaps[0], organization or detected)
    ):
        return roadmaps[0]  # merging would rebuild the same roadmap
    return Roadmap(
        organization=organization or detected,
        documents=tuple(d for r in roadmaps for d in r.documents),
        items=items,
        technologies=_merged_technologies(roadmaps),
        capacity=tuple(c for r in roadmaps for c in r.capacity),
    )


def _already_merged(roadmap: Roadmap, organization: str | None) -> bool:
    """One roadmap is its own merge when it names the same organization and its technologies
    are distinct, each with at most MAX_TECH_SOURCES distinct sources."""
    if roadmap.organization != organization or roadmap.schema_ != ROADMAP_SCHEMA:
        return False
    names = {tech.name for tech in roadmap.technologies}
    return len(names) == len(roadmap.technologies) and all(
        len(tech.sources) <= MAX_TECH_SOURCES
        and len({(s.document, s.line) for s in tech.sources}) == len(tech.sources)
        for tech in roadmap.technologies
    )


def _merged_technologies(roadmaps: list[Roadmap]) -> tuple[Technology, ...]:
    order: list[str] = []
    categories: dict[str, str] = {}
    sources: dict[str, list[SourceRef]] = {}
    for roadmap in roadmaps:
        for tech in roadmap.technologies:
            if tech.name not in sources:
                order.append(tech.name)
                categories[tech.name] = tech.category
                sources[tech.name] = []
            refs = sources[tech.name]
            for ref in tech.sources:  # a loop, not extend(genexpr): each check sees the last add
                if ref not in refs:
                    refs.append(ref)
    return tuple(
        Technology(name=n, category=categories[n], sources=tuple(sources[n][:MAX_TECH_SOURCES]))
        for n in order
    )
