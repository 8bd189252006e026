"""Typed data shared by every pipeline stage."""

from roadsec.model.document import Document
from roadsec.model.roadmap import (
    Capacity,
    DocumentInfo,
    Effort,
    Item,
    ItemKind,
    Metric,
    Roadmap,
    SourceRef,
    Status,
    Technology,
)

__all__ = [
    "Capacity",
    "Document",
    "DocumentInfo",
    "Effort",
    "Item",
    "ItemKind",
    "Metric",
    "Roadmap",
    "SourceRef",
    "Status",
    "Technology",
]
