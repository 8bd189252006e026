"""The Python API: the pipeline as functions, from paths to a plan."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from roadsec.analysis import analyze_roadmap
from roadsec.ingest import read_path
from roadsec.knowledge import Catalog, load_catalog
from roadsec.merge import merge
from roadsec.model.document import Document
from roadsec.model.plan import Plan
from roadsec.model.roadmap import Roadmap
from roadsec.parse import parse_documents
from roadsec.plan import make_plan
from roadsec.plan.quotes import with_quotes


def parse(paths: Iterable[str | Path]) -> Roadmap:
    """Read roadmap files into one merged Roadmap (raises InputError on bad input)."""
    return merge(parse_documents([read_path(p) for p in paths]))


def plan_documents(
    documents: list[Document], organization: str | None = None, catalog: Catalog | None = None
) -> Plan:
    """Parse, merge, analyze and plan already-read documents."""
    catalog = catalog or load_catalog()
    roadmap = merge(parse_documents(documents), organization)
    return with_quotes(make_plan(analyze_roadmap(roadmap, catalog), catalog), documents)


def analyze(paths: Iterable[str | Path], organization: str | None = None) -> Plan:
    """The whole pipeline: roadmap files in, security investment plan out."""
    return plan_documents([read_path(p) for p in paths], organization)
