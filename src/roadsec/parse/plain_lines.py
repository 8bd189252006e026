"""Paragraph lines that act as headings or items: plain-text roadmaps, bold pseudo-headings,
"Objective 1: ..." and "KR 1.2: ..." lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadsec.model.roadmap import ItemKind
from roadsec.parse.blocks import PARAGRAPH_BREAK, Block
from roadsec.parse.capacity import capacity_entry, stated_security_capacity
from roadsec.parse.context import OUTLINE_NUMBER, numbered_or_prefixed
from roadsec.parse.draft import Draft
from roadsec.parse.metrics import metric_fields
from roadsec.parse.periods import without_period_words
from roadsec.parse.prose import describe, outline_item, prose_items
from roadsec.parse.remarks import OWNER_REMARK, SCORE_REMARK, split_dash
from roadsec.parse.status import section_status
from roadsec.parse.text import clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder

MAX_CAPACITY_LINES = 40
PSEUDO_HEADING_LEVEL = 7
"""A paragraph line that acts as a heading sits below every Markdown heading; one that names
no period ("GITOPS") sits one level lower still, inside the period line above it ("H1 2026")."""
_LABEL_VALUE = re.compile(r":\s*\S")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*+•])\s+(?=\S)")
_LEADING_PERIOD = re.compile(
    r"^(?:Q[1-4]|H[12]|FY|20\d\d|[A-Z][a-z]+ 20\d\d|now|next|later)\b", re.IGNORECASE
)


def paragraph_lines(b: ItemBuilder, block: Block, blocks: list[Block], index: int) -> None:
    """A paragraph line by line: in plain-text roadmaps a short line is a heading
    ("Q1 FY2026", "Backlog:"), "Objective 1: ..." or "KR 1.2: ..." is an item, and so is
    "2.1 Plant network refresh" with the lines under it; prose sections are read as prose."""
    lines = block.text.split(PARAGRAPH_BREAK)
    if b.stack[-1].role == "capacity":  # "Security tooling:   $0.25M", one entry per line
        for offset, text in enumerate(lines[:MAX_CAPACITY_LINES]):
            number = min(block.line + offset, block.end_line)
            capacity_entry(b, None, text.strip(), number, b.stack[-1])
        return
    for offset, text in enumerate(lines[:MAX_CAPACITY_LINES]):  # "... of which $2.1M is
        number = min(block.line + offset, block.end_line)  # ring-fenced for security"
        if text.strip() and stated_security_capacity(b, text, number, b.stack[-1]):
            break
    leads = [block.lead_strong] + [None] * (len(lines) - 1)
    special = [
        acts_as_heading(b, text, lead)
        or numbered_or_prefixed(text.strip())[1] is not None
        or OUTLINE_NUMBER.match(text.strip()) is not None
        or _LIST_MARKER.match(text) is not None
        for text, lead in zip(lines, leads, strict=True)
    ]
    if not any(special):
        if _properties(b, lines):  # "Status: In progress" / "Target: 2027-Q2" / "Lead: @maria"
            for offset, text in enumerate(lines):
                number = min(block.line + offset, block.end_line)
                b.paragraph(Block("paragraph", number, number, text=text.strip()), b.stack[-1])
            return
        if index in b.prose_paragraphs and prose_items(b, block, lines):
            return
        whole = Block("paragraph", block.line, block.end_line, text=" ".join(lines),
                      lead_strong=block.lead_strong)  # fmt: skip
        b.paragraph(whole, b.stack[-1])
        return
    current: Draft | None = None
    for offset, (text, lead) in enumerate(zip(lines, leads, strict=True)):
        number = min(block.line + offset, block.end_line)
        line = Block("paragraph", number, number, text=text.strip(), lead_strong=lead)
        if acts_as_heading(b, text, lead):
            line.kind, line.level = "heading", _pseudo_level(b, text)
            b.enter(line, blocks, index)
            current = None
        elif OUTLINE_NUMBER.match(text.strip()):
            current = outline_item(b, line, text, lead)
        elif (item := prefixed_item(b, line, text)) is not None:
            current = item  # "KR1.1 Epic upgrade … at all three sites" / "by end of Q2 …"
        elif (marker := _LIST_MARKER.match(text)) is not None:  # "\t1. Pilot cloud POS ..."
            entry = Block("item", number, number, text=text[marker.end() :].strip())
            b.list_item(entry, b.stack[-1])
            current = None
        elif current is not None:
            describe(b, current, line)
        else:
            b.paragraph(line, b.stack[-1])


_PROPERTY = re.compile(r"^\s*(?P<label>[A-Za-z][\w /-]{0,24}):\s+\S")


def _properties(b: ItemBuilder, lines: list[str]) -> bool:
    """A tracker's properties block under an item heading: one "Label: value" per line, most
    of them fields roadsec reads (status, target, lead, team, priority)."""
    if b.drafts.get(b.stack[-1].parent or "") is None or len(lines) < 2:
        return False
    labels = [m.group("label") for line in lines if (m := _PROPERTY.match(line))]
    if len(labels) < len([line for line in lines if line.strip()]):
        return False
    return sum(1 for label in labels if b.vocab.field_of(label)) * 2 > len(labels)


def acts_as_heading(b: ItemBuilder, text: str, lead_strong: str | None) -> bool:
    text = text.strip()
    words = text.rstrip(":").split()
    if not words or len(words) > 8 or _LABEL_VALUE.search(text) or text[-1:] in ".,;":
        return False  # a sentence ("... at the September 2027 meeting.") is no heading
    if _capital_title(text):
        return True  # "RISKS", "BUDGET AND PEOPLE": a plain-text section title
    if lead_strong and lead_strong.strip(" :*") == text.strip(" :*"):
        return True
    if text.endswith(":"):
        return True
    period = b.heading_period(text)
    return (
        period is not None
        and len(without_period_words(text).split()) <= 3
        and (_LEADING_PERIOD.match(text) is not None)
    )


def _pseudo_level(b: ItemBuilder, text: str) -> int:
    """A period line ("H1 2026") or a section of its own kind ("RISKS", "NOT DOING") is a
    top-level plain-text section; any other heading line ("GITOPS") is a topic inside it."""
    title = clean_title(text).rstrip(":")
    top = (
        b.heading_period(title) is not None
        or b.vocab.role_of(title) is not None
        or section_status(title) is not None
    )
    return PSEUDO_HEADING_LEVEL if top else PSEUDO_HEADING_LEVEL + 1


def prefixed_item(b: ItemBuilder, block: Block, text: str) -> Draft | None:
    """ "Objective 1: Modernize the platform", "KR 1.1: ...": one item per line, continued by
    the plain lines after it."""
    named, kind, name = numbered_or_prefixed(text.strip())
    ctx = b.stack[-1]
    if not named or kind is None or ctx.skips_items or (kind is ItemKind.THEME and ctx.theme):
        return None
    parent = b.last_objective if kind is ItemKind.KEY_RESULT else None
    item_ctx = ctx.under(parent.id, parent.kind) if parent else ctx
    title = name
    while True:  # "O1. Grow DAU — owner: Elena Park (GM) — score 0.6": the title is the work
        head, dash, remark = split_dash(title)
        if not dash or not (OWNER_REMARK.match(remark) or SCORE_REMARK.match(remark)):
            break
        title = head
    draft = b.new_draft(kind, clean_title(title) or clean_title(text), block.line, item_ctx)
    draft.parent = parent.id if parent else None
    draft.add_text(text)
    b.place(draft, text, ctx)
    draft.add_metrics(metric_fields(name), block.line)
    if kind in (ItemKind.OBJECTIVE, ItemKind.GOAL):
        b.last_objective = draft
    return draft


def caps_section(block: Block) -> Block | None:
    """ "1. RISKS" (a one-item list in capitals, often underlined): a plain-text section
    heading, returned as a heading block."""
    if len(block.children) != 1 or block.children[0].children:
        return None
    text = block.children[0].text.strip()
    if len(text.split()) > 8 or not _capital_title(text):
        return None
    return Block("heading", block.line, block.end_line, level=2, text=text)


def _capital_title(text: str) -> bool:
    """All capitals, with a word's worth of letters ("RISKS", not "Q3" or "—")."""
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 4
