"""CommonMark + GFM tables (pyromark) -> a small block tree with original line numbers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
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
    indented: bool = False  # an indented code block: in a plain-text roadmap, often a list
    children: list[Block] = field(default_factory=list)


def _line_starts(text: str) -> list[int]:
    """Byte offset of each line's start (pyromark reports byte offsets)."""
    data = text.encode("utf-8")
    starts = [0]
    find = data.find
    pos = find(b"\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find(b"\n", pos + 1)
    return starts


class _TreeBuilder:
    """Turns start/end events into blocks; ``hosts[i]`` is the block that takes the inline
    text inside ``stack[i]`` (None inside code, HTML or outside any text block)."""

    __slots__ = ("hosts", "root", "skipped", "stack", "starts", "strong_at_start", "strong_depth",
                 "strong_text")  # fmt: skip

    def __init__(self, text: str) -> None:
        self.starts = _line_starts(text)
        self.root = Block("root", 1, 1)
        self.stack: list[Block] = [self.root]
        self.hosts: list[Block | None] = [None]
        self.skipped = 0  # containers not pushed because of MAX_DEPTH
        self.strong_depth = 0
        self.strong_at_start = False
        self.strong_text: list[str] = []

    def start(self, tag: Any, start: int, end: int) -> None:
        name = tag if type(tag) is str else next(iter(tag))
        kind = _CONTAINERS.get(name)
        if kind is None:
            if name == "Strong":
                host = self.hosts[-1]
                if self.strong_depth == 0 and host is not None and not host.text.strip():
                    self.strong_at_start = True
                    self.strong_text = []
                self.strong_depth += 1
            return
        if len(self.stack) >= MAX_DEPTH:
            self.skipped += 1
            return
        starts = self.starts
        block = Block(kind, bisect_right(starts, start), bisect_right(starts, max(start, end - 1)))
        if kind == "heading":
            block.level = int(str(tag[name]["level"])[1:])
        elif kind == "list":
            block.ordered = tag[name] is not None
        elif kind == "code":
            block.indented = tag[name] == "Indented"
        self.stack[-1].children.append(block)
        self.stack.append(block)
        if kind in _INLINE_TEXT_HOSTS:
            self.hosts.append(block)
        else:
            self.hosts.append(None if kind in ("code", "html") else self.hosts[-1])

    def end(self, tag: Any) -> None:
        name = tag if type(tag) is str else next(iter(tag))
        if name not in _CONTAINERS:
            if name == "Strong":
                self.strong_depth = max(0, self.strong_depth - 1)
                if self.strong_depth == 0 and self.strong_at_start:
                    host = self.hosts[-1]
                    if host is not None and host.lead_strong is None:
                        host.lead_strong = "".join(self.strong_text).strip()
                    self.strong_at_start = False
            return
        if self.skipped:
            self.skipped -= 1
            return
        if len(self.stack) > 1:
            block = self.stack.pop()
            self.hosts.pop()
            if block.kind == "item":
                _fold_first_paragraph(block)

    def inline(self, text: str) -> None:
        host = self.hosts[-1]
        if host is None:
            return
        if host.kind == "item" and host.children and host.children[-1].kind != "paragraph":
            return  # text after a nested list belongs to nothing we read
        host.text += text
        if self.strong_at_start:
            self.strong_text.append(text)

    def line_break(self) -> None:
        """A paragraph keeps its lines (plain-text roadmaps put one item per line); elsewhere
        a line break is a space."""
        host = self.hosts[-1]
        self.inline(PARAGRAPH_BREAK if host is not None and host.kind == "paragraph" else " ")

    def task_marker(self, checked: bool) -> None:
        for block in reversed(self.stack):
            if block.kind == "item":
                block.checked = checked
                return


_GLYPH_BULLET = re.compile(r"(?m)^([ \t]+)[o◦▪▫‣·](?=[ \t]+\S)")
"""An indented "o", "◦" or "▪" bullet: a sub-item as plain text and word processors write it."""


def parse_blocks(text: str, _depth: int = 0) -> Block:
    """Parse Markdown into a block tree; never raises on any text. An indented "code block"
    that holds list lines (a plain-text roadmap indented with tabs) is read as the Markdown it
    is, once dedented; indented glyph bullets ("  o Owner: Jussi K.") are nested list items."""
    if _depth == 0 and ("o " in text or "◦" in text or "▪" in text or "·" in text):
        text = _GLYPH_BULLET.sub(r"\1-", text)  # one character for one: columns stay
    root = _parse(text)
    if _depth < MAX_DEDENTS and any(b.kind == "code" and b.indented for b in root.children):
        lines = text.split("\n")
        children: list[Block] = []
        for block in root.children:
            source = lines[block.line - 1 : block.end_line] if block.kind == "code" else []
            if block.indented and _reads_as_text(source):
                inner = parse_blocks("\n".join(_dedent(line) for line in source), _depth + 1)
                children.extend(_shifted(b, block.line - 1) for b in inner.children)
            else:
                children.append(block)
        root.children = children
    return root


MAX_DEDENTS = 2
_LIST_LINE = re.compile(r"^(?:\t| {4})+\s*(?:\d{1,3}[.)]|[-*+•])\s+\S")
_PROSE_LINE = re.compile(r"^\s*[A-Za-z(][\w()'’,/&+-]*(?: +\S+){2,}")
_CODE_END = re.compile(r"[{};=\\]\s*$|^\s*[<#$>]")


def _reads_as_text(source: list[str]) -> bool:
    """Indented lines that are a list, or mostly prose ("Security tooling: $0.25M"), not code."""
    lines = [line for line in source if line.strip()]
    if any(_LIST_LINE.match(line) for line in lines):
        return True
    prose = sum(1 for line in lines if _PROSE_LINE.match(line) and not _CODE_END.search(line))
    return bool(lines) and prose * 2 >= len(lines) and prose >= 2


def _dedent(line: str) -> str:
    return (
        line[1:]
        if line.startswith("\t")
        else line[4:]
        if line.startswith("    ")
        else line.lstrip(" ")
    )


def _shifted(block: Block, offset: int) -> Block:
    block.line += offset
    block.end_line += offset
    for child in block.children:
        _shifted(child, offset)
    return block


def _parse(text: str) -> Block:
    builder = _TreeBuilder(text)
    start, end, inline = builder.start, builder.end, builder.inline
    events: Iterable[tuple[Any, Any]] = pyromark.events_with_range(text, options=_OPTIONS)
    for event, span in events:
        if type(event) is str:
            if event == "SoftBreak" or event == "HardBreak":
                builder.line_break()
            continue
        # One-key dicts: probing the common keys is cheaper than unpacking each event.
        if (value := event.get("Text")) is not None:
            inline(value)
        elif (value := event.get("Start")) is not None:
            start(value, span["start"], span["end"])
        elif (value := event.get("End")) is not None:
            end(value)
        elif (value := event.get("Code")) is not None:
            inline(value)
        elif (value := event.get("InlineHtml")) is not None:
            if value.lower().replace(" ", "") in ("<br>", "<br/>"):
                inline(LINE_BREAK)
        elif (value := event.get("TaskListMarker")) is not None:
            builder.task_marker(bool(value))
    return builder.root


def _fold_first_paragraph(item: Block) -> None:
    """A loose list item's first paragraph is its own text, as in a tight list."""
    if not item.text.strip() and item.children:
        first = item.children[0]
        if first.kind == "paragraph":
            item.text = first.text.replace(PARAGRAPH_BREAK, " ")
            item.lead_strong = first.lead_strong
            del item.children[0]
