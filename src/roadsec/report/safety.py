"""Roadmap text made inert for each output format.

Every string a roadmap supplies (titles, quotes, owners, metric text) reaches a report only
through these functions: HTML-escaped, Markdown-escaped, or neutralized for spreadsheets.
Links survive only with an http or https target; any other scheme is dropped, keeping the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from markupsafe import Markup, escape

SAFE_SCHEMES = ("http://", "https://")

# Bounded quantifiers and no nested repetition: linear on hostile input.
_LINK = re.compile(
    r"!?\[(?P<label>[^\[\]\n]{0,500})\]\(\s*<?(?P<url>(?:[^()\s<>]|\([^()\s<>]{0,200}\)){0,2000})>?"
    r"(?:\s+\"[^\"\n]{0,500}\")?\s*\)"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]{0,2000})>"
)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!]|&(?=#?\w+;))")
_SPACE = re.compile(r"\s+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


class Segment(NamedTuple):
    """A run of text, with the URL it links to when that URL is safe to follow."""

    text: str
    url: str | None = None


def safe_url(url: str) -> str | None:
    """``url`` when its scheme is http or https, else None."""
    return url if url.lower().startswith(SAFE_SCHEMES) else None


def split_links(text: str) -> Iterator[Segment]:
    """``text`` as plain runs and links; unsafe links become their label alone."""
    position = 0
    for match in _LINK.finditer(text):
        if match.start() > position:
            yield Segment(text[position : match.start()])
        url = match.group("url") if match.group("auto") is None else match.group("auto")
        label = match.group("label") if match.group("auto") is None else url
        target = safe_url(url or "")
        yield Segment(label if target or match.group("auto") is None else "", target)
        position = match.end()
    if position < len(text):
        yield Segment(text[position:])


def html_text(text: str) -> Markup:
    """Roadmap text as HTML: escaped, with http(s) links live and every other link dropped."""
    parts: list[str] = []
    for segment in split_links(text):
        label = escape(segment.text or segment.url or "")
        if segment.url:
            parts.append(
                f'<a href="{escape(segment.url)}" rel="noopener noreferrer nofollow">{label}</a>'
            )
        else:
            parts.append(str(label))
    return Markup("".join(parts))  # noqa: S704 - every part above is escaped


def md_escape(text: str) -> str:
    """Text as literal Markdown on one line: no markup, links, HTML or entities of its own."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def md_text(text: str) -> str:
    """Roadmap text as Markdown: escaped, with unsafe links reduced to their label."""
    parts = []
    for segment in split_links(" ".join(text.split())):
        if segment.url:
            url = "<" + segment.url.replace(">", "%3E") + ">"
            parts.append(
                url if segment.text == segment.url else f"{md_escape(segment.text)} ({url})"
            )
        else:
            parts.append(md_escape(segment.text))
    return "".join(parts)


def md_code(text: str) -> str:
    """Text as a Markdown code span (literal, never rendered), links reduced as in md_text."""
    plain = " ".join(
        "".join(
            s.text if not s.url or s.text == s.url else f"{s.text} ({s.url})"
            for s in split_links(text)
        ).split()
    )
    longest = max((len(run) for run in re.findall(r"`+", plain)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if plain.startswith("`") or plain.endswith("`") or not plain.strip() else ""
    return f"{fence}{pad}{plain}{pad}{fence}"


def csv_cell(value: str) -> str:
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection): one line, and a
    leading ``'`` before any of = + - @ tab or carriage return."""
    flat = " ".join(value.split())
    return "'" + flat if flat.startswith(_FORMULA_START) else flat
