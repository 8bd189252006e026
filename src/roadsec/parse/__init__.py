"""Stage 2: Document -> Roadmap (sections, periods, items, metrics, owners, technologies)."""

from __future__ import annotations

import re
from pathlib import PurePath

from roadsec.model.document import Document
from roadsec.model.roadmap import DocumentInfo, Roadmap
from roadsec.parse.aliases import fiscal_year, period_aliases
from roadsec.parse.blocks import Block, parse_blocks
from roadsec.parse.builder import ItemBuilder
from roadsec.parse.meta import document_title, organization_from_title
from roadsec.parse.months import main_year
from roadsec.parse.periods import first_year
from roadsec.parse.technologies import find_technologies

__all__ = ["parse_document", "parse_documents"]


def _slug(path: str) -> str:
    stem = PurePath(path).stem.lower() or "doc"
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:40] or "doc"


def parse_document(document: Document, slug: str | None = None) -> Roadmap:
    """Read one document into a Roadmap; never raises on any text."""
    root = parse_blocks(document.text)
    title = document_title(root)
    builder = _walked(document, root, title, slug or _slug(document.path), plan_sections=False)
    if builder.reads_as_plan():
        builder = _walked(document, root, title, builder.slug, plan_sections=True)
    technologies = find_technologies(document.path, list(enumerate(document.lines, start=1)))
    info = DocumentInfo(
        path=document.path,
        title=title,
        organization=organization_from_title(title),
        encoding=document.encoding,
        repaired_lines=document.repaired_lines,
    )
    return Roadmap.model_validate(
        {
            "organization": info.organization,
            "documents": (info,),
            "items": [draft.fields(document.path) for draft in builder.drafts.values()],
            "technologies": technologies,
            "capacity": builder.capacity,
        }
    )


def _walked(
    document: Document, root: Block, title: str | None, slug: str, *, plan_sections: bool
) -> ItemBuilder:
    builder = ItemBuilder(
        document.path, slug, first_year(title or "") or main_year(document.text), title
    )
    builder.aliases = period_aliases(document.text, builder.year)
    builder.fiscal = fiscal_year(document.text)
    builder.plan_sections = plan_sections
    builder.walk(root)
    return builder


def parse_documents(documents: list[Document]) -> list[Roadmap]:
    """Parse several documents; item ids stay unique by prefixing a per-document slug."""
    slugs: dict[str, int] = {}
    roadmaps = []
    for document in documents:
        base = _slug(document.path)
        slugs[base] = slugs.get(base, 0) + 1
        slug = base if slugs[base] == 1 else f"{base}-{slugs[base]}"
        roadmaps.append(parse_document(document, slug))
    return roadmaps
