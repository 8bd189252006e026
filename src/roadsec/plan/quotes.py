"""The quoted text of every line a plan cites, so reports can show each citation in full."""

from __future__ import annotations

from collections.abc import Iterable

from roadsec.model.document import Document
from roadsec.model.plan import Plan, Quote
from roadsec.model.roadmap import SourceRef

MAX_QUOTE = 400
"""Characters of a cited line kept in a quote; longer lines end in an ellipsis."""


def cited_refs(plan: Plan) -> Iterable[SourceRef]:
    """Every source reference of every statement the plan makes."""
    for group in (plan.recommendations, plan.gaps, plan.avoid, plan.considerations):
        for statement in group:
            yield from statement.sources
    for window in plan.windows:
        yield from window.sources


def _clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def with_quotes(plan: Plan, documents: Iterable[Document]) -> Plan:
    """``plan`` with ``quotes`` holding the text of each line it cites, in document order."""
    by_path = {doc.path: doc for doc in documents}
    order = {path: rank for rank, path in enumerate(by_path)}
    wanted = {(ref.document, ref.line) for ref in cited_refs(plan)}
    quotes = [
        Quote(document=path, line=line, text=_clip(by_path[path].lines[line - 1]))
        for path, line in sorted(wanted, key=lambda key: (order.get(key[0], len(order)), key[1]))
        if path in by_path and line <= len(by_path[path].lines)
    ]
    return plan.model_copy(update={"quotes": tuple(quotes)})
