"""CommonMark + GFM tables (pyromark) -> a small block tree with original line numbers."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyromark

MAX_DEPTH = 48
"""Blocks nested deeper than this are attached to their deepest kept ancestor."""

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_STRIKETHROUGH
)
_CONTAINERS = {
    "Heading": "heading",
    "Paragraph": "paragraph",
    "List": "list",
    "Item": "item",
    "Table": "table",
    "TableHead": "row",
    "TableRow": "row",
    "TableCell": "cell",
    "BlockQuote": "quote",
    "CodeBlock": "code",
    "HtmlBlock": "html",
}
_INLINE_TEXT_HOSTS = frozenset({"heading", "paragraph", "item", "cell"})
LINE_BREAK = "\n"
"""Stands in the inline text where the source had ``<br>`` (KPI cells split on it)."""
PARAGRAPH_BREAK = "\x00"
"""Separates the source lines of a paragraph's text (ingest refuses NUL, so it is free)."""


@dataclass(slots=True)
class Block:
    """One block of the document; ``line`` and ``end_line`` are 1-based, inclusive."""

    kind: str
    line: int
    end_line: int
    level: int = 0
    text: str = ""
    lead_strong: str | None = None
    ordered: bool = False
    checked: bool | None = None
    children: list[Block] = field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """Every block below this one, depth first, without recursion."""
        stack = list(reversed(self.children))
        while stack:
            block = stack.pop()
            yield block
            stack.extend(reversed(block.children))


class _LineIndex:
    def __init__(self, text: str) -> None:
        data = text.encode("utf-8")
        starts = [0]
        find = data.find
        pos = find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self._starts = starts

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


def _name(tag: Any) -> tuple[str, Any]:
    if isinstance(tag, str):
        return tag, None
    key = next(iter(tag))
    return key, tag[key]


class _TreeBuilder:
    def __init__(self, text: str) -> None:
        self.lines = _LineIndex(text)
        self.root = Block("root", 1, 1)
        self.stack: list[Block] = [self.root]
        self.skipped = 0  # containers not pushed because of MAX_DEPTH
        self.strong_depth = 0
        self.strong_at_start = False
        self.strong_text: list[str] = []

    def host(self) -> Block | None:
        for block in reversed(self.stack):
            if block.kind in _INLINE_TEXT_HOSTS:
                return block
            if block.kind in ("code", "html"):
                return None
        return None

    def start(self, tag: Any, start: int, end: int) -> None:
        name, value = _name(tag)
        kind = _CONTAINERS.get(name)
        if kind is None:
            if name == "Strong":
                host = self.host()
                if self.strong_depth == 0 and host is not None and not host.text.strip():
                    self.strong_at_start = True
                    self.strong_text = []
                self.strong_depth += 1
            return
        if len(self.stack) >= MAX_DEPTH:
            self.skipped += 1
            return
        block = Block(kind, self.lines.line(start), self.lines.line(max(start, end - 1)))
        if kind == "heading":
            block.level = int(str(value["level"])[1:])
        elif kind == "list":
            block.ordered = value is not None
        self.stack[-1].children.append(block)
        self.stack.append(block)

    def end(self, tag: Any) -> None:
        name, _ = _name(tag)
        if name not in _CONTAINERS:
            if name == "Strong":
                self.strong_depth = max(0, self.strong_depth - 1)
                if self.strong_depth == 0 and self.strong_at_start:
                    host = self.host()
                    if host is not None and host.lead_strong is None:
                        host.lead_strong = "".join(self.strong_text).strip()
                    self.strong_at_start = False
            return
        if self.skipped:
            self.skipped -= 1
            return
        if len(self.stack) > 1:
            self.stack.pop()

    def line_break(self) -> None:
        """A paragraph keeps its lines (plain-text roadmaps put one item per line); elsewhere
        a line break is a space."""
        host = self.host()
        self.inline(PARAGRAPH_BREAK if host is not None and host.kind == "paragraph" else " ")

    def inline(self, text: str) -> None:
        host = self.host()
        if host is None:
            return
        if host.kind == "item" and host.children and host.children[-1].kind != "paragraph":
            return  # text after a nested list belongs to nothing we read
        host.text += text
        if self.strong_at_start:
            self.strong_text.append(text)


def parse_blocks(text: str) -> Block:
    """Parse Markdown into a block tree; never raises on any text."""
    builder = _TreeBuilder(text)
    events: Iterator[tuple[Any, Any]] = pyromark.events_with_range(text, options=_OPTIONS)
    for event, span in events:
        if isinstance(event, str):
            if event in ("SoftBreak", "HardBreak"):
                builder.line_break()
            continue
        key = next(iter(event))
        value = event[key]
        if key == "Start":
            builder.start(value, span["start"], span["end"])
        elif key == "End":
            builder.end(value)
        elif key in ("Text", "Code"):
            builder.inline(value)
        elif key == "InlineHtml" and value.lower().replace(" ", "") in ("<br>", "<br/>"):
            builder.inline(LINE_BREAK)
        elif key == "TaskListMarker":
            for block in reversed(builder.stack):
                if block.kind == "item":
                    block.checked = bool(value)
                    break
    _fold_item_paragraphs(builder.root)
    return builder.root


def _fold_item_paragraphs(root: Block) -> None:
    """A loose list item's first paragraph is its own text, as in a tight list."""
    for block in root.walk():
        if block.kind == "item" and not block.text.strip() and block.children:
            first = block.children[0]
            if first.kind == "paragraph":
                block.text = first.text.replace(PARAGRAPH_BREAK, " ")
                block.lead_strong = first.lead_strong
                del block.children[0]
