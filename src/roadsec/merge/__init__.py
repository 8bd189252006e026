"""Stage 3: [Roadmap] -> Roadmap. Documents of one organization become one view.

Items keep their ids and sources (ids are unique per document already); technologies named
in several documents become one entry with the sources of all; the organization is the one
the documents name most often, unless the caller says otherwise.
"""

from __future__ import annotations

from collections import Counter

from roadsec.model.roadmap import Roadmap, SourceRef, Technology

MAX_TECH_SOURCES = 12


def merge(roadmaps: list[Roadmap], organization: str | None = None) -> Roadmap:
    """One roadmap from several; ``organization`` overrides what the documents name."""
    if not roadmaps:
        return Roadmap(organization=organization, documents=(), items=(), technologies=())
    named = Counter(d.organization for r in roadmaps for d in r.documents if d.organization)
    detected = min(named, key=lambda name: (-named[name], name)) if named else None
    return Roadmap(
        organization=organization or detected,
        documents=tuple(d for r in roadmaps for d in r.documents),
        items=tuple(i for r in roadmaps for i in r.items),
        technologies=_merged_technologies(roadmaps),
        capacity=tuple(c for r in roadmaps for c in r.capacity),
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
            refs.extend(s for s in tech.sources if s not in refs)
    return tuple(
        Technology(name=n, category=categories[n], sources=tuple(sources[n][:MAX_TECH_SOURCES]))
        for n in order
    )
