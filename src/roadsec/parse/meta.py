"""Document title and the organization it names."""

from __future__ import annotations

import re

from roadsec.parse.blocks import Block
from roadsec.parse.text import clean_title

_SEPARATORS = re.compile(r"\s+[–—-]\s+|:\s+|\s+\|\s+")
_DOC_WORDS = re.compile(
    r"\b(?:roadmaps?|okrs?|plans?|overview|strategy|strategic|quarterly|annual|yearly|"
    r"technology|engineering|product|platform|team|teams|goals|objectives|vision|"
    r"architecture|infrastructure|data|backlog|priorities|draft|fictitious|confidential|"
    r"internal|h[12]|q[1-4]|fy\d*|20\d\d)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?P<org>.+?)['’]s\s")


def document_title(root: Block) -> str | None:
    """The first H1 (else the first heading), cleaned."""
    headings = [b for b in root.children if b.kind == "heading"]
    for block in headings:
        if block.level == 1:
            return clean_title(block.text) or None
    return clean_title(headings[0].text) or None if headings else None


def organization_from_title(title: str | None) -> str | None:
    """ "Acme Corp – 2026 Platform Roadmap" -> "Acme Corp"; generic titles -> None."""
    if not title:
        return None
    title = re.sub(r"\([^)]*\)", "", title).strip()
    possessive = _POSSESSIVE.match(title)
    if possessive and not _DOC_WORDS.search(possessive.group("org")):
        return possessive.group("org").strip()
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    if (
        len(parts) >= 2
        and not _DOC_WORDS.search(parts[0])
        and _DOC_WORDS.search(" ".join(parts[1:]))
    ):
        return parts[0]
    m = re.match(
        r"^(?P<org>(?:[A-Z][\w&.]*\s+){1,4}?)(?=20\d\d\b|\S*\s*(?:roadmap|okrs?)\b)", title
    )
    if m:
        words = m.group("org").strip()
        leading = _DOC_WORDS.sub("", words).strip()
        if leading and leading == words:
            return words
    return None
