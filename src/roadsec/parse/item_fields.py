"""Bold labels inside an item ("**Goal**:", "**Features**:", "Owner: ...") fill its fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.model.roadmap import ItemKind, Status
from roadsec.parse.blocks import Block
from roadsec.parse.context import Context
from roadsec.parse.draft import Draft
from roadsec.parse.fields import effort_from_cell, effort_in_text, owner_from_cell
from roadsec.parse.lexicon_models import FieldName as Field
from roadsec.parse.metrics import metric_fields
from roadsec.parse.status import detect_status, status_from_cell
from roadsec.parse.text import clean_text, clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder


_RECORD_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_STATUS_LABEL = re.compile(r"^\s*status\s*:\s*", re.I)


def _after_owner(value: str) -> str:
    """The rest of a one-line record after its owner ("Marco · Status: 🟡 in progress")."""
    parts = _RECORD_SEPARATOR.split(value, maxsplit=1)
    return _STATUS_LABEL.sub("", parts[1]) if len(parts) > 1 else ""


def apply_field(
    b: ItemBuilder, draft: Draft, field: Field, label: str, value: str, block: Block, ctx: Context
) -> None:
    """Fill one field of ``draft`` from a labelled line and the bullets under it."""
    bullets = [e for c in block.children if c.kind == "list" for e in c.children]
    draft.add_line(block.line)
    if field == "metrics" and b.only_period(value):
        field = "period"  # "Target: 2027-Q2" in a tracker's properties: the item's date
    if field == "metrics":
        targets = [(part, block.line) for part in value.split(";")]  # "99.9% uptime; p95 < 1s"
        for text, line in targets + [(b.text, b.line) for b in bullets]:
            if text.strip():
                draft.add_metrics(metric_fields(text, metric_context=True), line)
    elif field in ("children", "key_results"):
        if value:
            draft.add_text(f"{clean_title(label)}: {value}")
        kind = ItemKind.KEY_RESULT if field == "key_results" else ItemKind.FEATURE
        for bullet in bullets:
            child = b.new_draft(kind, b.item_title(bullet, None, bullet.text),
                                   bullet.line, ctx.under(draft.id, draft.kind))  # fmt: skip
            child.add_text(bullet.text)
            b.place(child, bullet.text, ctx)
            child.period = child.period or draft.period
            child.add_metrics(metric_fields(bullet.text), bullet.line)
    elif field == "owner":
        if draft.owner is None or label.strip().lower() != "team":  # "Lead: @x" over "Team: Y"
            draft.owner = owner_from_cell(value) or draft.owner
        if (rest := _after_owner(value)) and draft.status in (None, Status.PLANNED):
            status = status_from_cell(rest) or detect_status(rest)[0]  # "X · Status: 🔴 stalled"
            if status is not None:
                draft.status, draft.status_reason = status, clean_text(rest)
    elif field == "priority":
        return  # ranks the work, says nothing about it
    elif field == "effort":
        draft.effort = effort_from_cell(value, None) or effort_in_text(value) or draft.effort
    elif field == "status":
        draft.status = status_from_cell(value) or draft.status
        draft.status_reason = clean_text(value) or draft.status_reason
    elif field == "depends":
        return  # "Depends on: product API": another item's work, not this one's
    elif field == "period":
        period, due = b.own_period(value)
        draft.period, draft.due = period or draft.period, due or draft.due
    else:
        if value:
            draft.add_metrics(metric_fields(value), block.line)
        parts = [value] + [b.text for b in bullets]
        draft.add_text(f"{clean_title(label)}: " + "; ".join(p for p in parts if p.strip()))
