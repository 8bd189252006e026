"""The quoted text of every line a plan cites, so reports can show each citation in full."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import TypeAdapter

from roadsec.model.document import Document
from roadsec.model.plan import Plan, Quote

MAX_QUOTE = 400
"""Characters of a cited line kept in a quote; longer lines end in an ellipsis."""


def _cited_lines(plan: Plan) -> set[tuple[str, int]]:
    """(document, line) of every source reference of every statement the plan makes."""
    wanted: set[tuple[str, int]] = set()
    for group in (plan.recommendations, plan.gaps, plan.avoid, plan.considerations, plan.windows):
        for statement in group:
            wanted.update([(ref.document, ref.line) for ref in statement.sources])
    return wanted


def _clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


_QUOTES = TypeAdapter(tuple[Quote, ...])


def with_quotes(plan: Plan, documents: Iterable[Document]) -> Plan:
    """``plan`` with ``quotes`` holding the text of each line it cites, in document order."""
    by_path = {doc.path: doc.lines for doc in documents}
    order = {path: rank for rank, path in enumerate(by_path)}
    last = len(order)
    quotes = [
        {"document": path, "line": line, "text": _clip(by_path[path][line - 1])}
        for path, line in sorted(
            _cited_lines(plan), key=lambda key: (order.get(key[0], last), key[1])
        )
        if path in by_path and line <= len(by_path[path])
    ]
    return plan.model_copy(update={"quotes": _QUOTES.validate_python(quotes)})  # one validation
