"""Document title and the organization it names."""

from __future__ import annotations

import re

from roadsec.parse.blocks import PARAGRAPH_BREAK, Block
from roadsec.parse.text import clean_title

_SEPARATORS = re.compile(r"\s+[–—-]\s+|:\s+|\s+\|\s+")
_DOC_WORDS = re.compile(
    r"\b(?:roadmaps?|okrs?|plans?|overview|strategy|strategic|quarterly|annual|yearly|"
    r"technology|engineering|product|platform|team|teams|goals|objectives|vision|"
    r"architecture|infrastructure|data|backlog|priorities|draft|fictitious|confidential|"
    r"security|okr|plan|planning|overview|quarterly|strategy|"
    r"internal|h[12]|q[1-4]|fy\d*|20\d\d)\b",
    re.IGNORECASE,
)
_MAIL_HEADER = re.compile(r"(?:from|to|cc|date|sent|subject):\s", re.IGNORECASE)
_SUBJECT = re.compile(
    r"(?:^|[\n\x00])subject:[ \t]*(?:(?:re|fwd?|aw):[ \t]*)*([^\n\x00]+)", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"^(?P<org>.+?)['’]s\s")


def document_title(root: Block) -> str | None:
    """The first H1, else the first heading, else a short first line (plain text), cleaned."""
    headings = [b for b in root.children if b.kind == "heading"]
    for block in headings:
        if block.level == 1:
            return clean_title(block.text) or None
    if headings:
        return clean_title(headings[0].text) or None
    first = next((b for b in root.children if b.kind == "paragraph"), None)
    if first is not None and _MAIL_HEADER.match(first.text):  # a memo sent as mail
        subject = _SUBJECT.search(first.text)
        return clean_title(subject.group(1)) or None if subject else None
    if first is not None:
        line = first.text.split(PARAGRAPH_BREAK, 1)[0]
        if 0 < len(line.split()) <= 15:
            return clean_title(line) or None
    return None


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
    # "Acme Corp 2026 Roadmap", "Umbrella Corp Security & Platform OKRs": the capitalized
    # words before the first word that names the document.
    lead: list[str] = []
    words = title.split()
    for word in words:
        if not word[:1].isupper() or _DOC_WORDS.fullmatch(word.strip(",:")):
            break
        lead.append(word)
    if 1 <= len(lead) <= 4 and len(lead) < len(words):
        return " ".join(lead)
    return None
