"""Text clean-up: emoji, unrepairable mojibake and Markdown leftovers never reach a title."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ftfy.badness import is_bad

MAX_TITLE = 200
MAX_TEXT = 2000

_DROP_CATEGORIES = frozenset({"So", "Sk", "Co", "Cn", "Cs", "Cc", "Cf", "Mn", "Me"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_LEAD_JUNK = re.compile(r"^[^\w$€£¥(\"'“‘\[]+")
_TRAIL_JUNK = re.compile(r"[\s:;,\-–—*_#|]+$")
_CLEAN_START = re.compile(r"[\w$€£¥(\"'“‘\[]")
"""A first character _LEAD_JUNK would keep."""
_TRAIL_JUNK_CHARS = frozenset(":;,-–—*_#|")
"""With whitespace, the last characters _TRAIL_JUNK would drop."""
_EDGE_PUNCT = re.compile(r"^[\s*_#>|:\-–—]+")
_EDGE_CHARS = frozenset("*_#>|:-–—")
"""With whitespace, the first characters _EDGE_PUNCT would drop."""


def _drop_symbols(text: str) -> str:
    if text.isascii():
        return text
    return _NON_ASCII.sub(_kept_symbol, text)


def _kept_symbol(m: re.Match[str]) -> str:
    """A non-ASCII character stays unless it is a symbol, mark, control or unassigned."""
    ch = m.group()
    return "" if unicodedata.category(ch) in _DROP_CATEGORIES else ch


def _drop_bad_tokens(text: str) -> str:
    if text.isascii():
        return text
    return " ".join(token for token in text.split(" ") if token.isascii() or not is_bad(token))


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Plain prose: no emoji, no mojibake tokens, single spaces, bounded length."""
    text = text[: limit * 2]
    if text.isascii():  # nothing to drop; only tabs and runs of spaces to squeeze
        if "  " in text or "\t" in text:
            text = _SPACES.sub(" ", text)
    else:
        text = _SPACES.sub(" ", _drop_bad_tokens(_drop_symbols(text)))
    return text.strip()[:limit].rstrip()


def clean_title(text: str) -> str:
    """A title: clean_text, then no leading symbols/markup and no trailing colon."""
    text = clean_text(text.replace("\n", " "), MAX_TITLE * 2)
    if text and not _CLEAN_START.match(text):
        text = _LEAD_JUNK.sub("", text)
    if text[-1:] in _TRAIL_JUNK_CHARS or text[-1:].isspace():
        text = _TRAIL_JUNK.sub("", text)
    if text.endswith(".") and not text.endswith(".."):
        text = _TRAIL_JUNK.sub("", text[:-1])
    text = without_initials(text)
    if len(text) > MAX_TITLE:
        cut = text.rfind(" ", 0, MAX_TITLE)
        text = text[: cut if cut > MAX_TITLE // 2 else MAX_TITLE].rstrip(" ,;:") + "…"
    return text


def without_initials(text: str) -> str:
    """ "Cut over by Mar 20 [MR]" -> "Cut over by Mar 20": an owner's initials are no words."""
    if text.endswith("]") and (initials := _TRAIL_INITIALS.search(text)):
        return text[: initials.start()]
    return text


def strip_markup(text: str) -> str:
    """Leading list/quote markers and stray emphasis left in plain text."""
    if text[:1] in _EDGE_CHARS or text[:1].isspace():
        text = _EDGE_PUNCT.sub("", text)
    return text.replace("**", "").strip()


_TRAIL_INITIALS = re.compile(r"\s+\[[A-Z]{2,3}\]$")
_PAREN = re.compile(r"\(([^()]{1,400})\)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")


def parentheticals(text: str) -> list[str]:
    """The contents of each ``(...)`` group (not nested), in order."""
    return [m.group(1).strip() for m in _PAREN.finditer(text[:MAX_TEXT])]


def without_parentheticals(text: str, keep: set[str] | None = None) -> str:
    """``text`` minus the parenthetical groups not in ``keep``."""
    keep = keep or set()

    def drop(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1).strip() in keep else ""

    return _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", _PAREN.sub(drop, text))).strip()


_FOLD_TRAPS = re.compile("[\u0130\u0131\u017f]")
"""The only characters on which `str.lower` and IGNORECASE matching disagree (İ, ı, ſ)."""


def lowers_faithfully(text: str) -> bool:
    """Whether a lower-case pattern on ``text.lower()`` matches exactly where the same
    pattern with IGNORECASE matches on ``text`` (same length, same case folding)."""
    return text.isascii() or not _FOLD_TRAPS.search(text)


def contains_any(text: str, words: Iterable[str]) -> bool:
    """Whether any of ``words`` occurs in ``text``: for a few words, faster than a pattern."""
    for word in words:  # noqa: SIM110 (a plain loop: about twice as fast as any() over a generator)
        if word in text:
            return True
    return False


_Trie = dict[str, "_Trie"]


def literal_union(words: Iterable[str]) -> str:
    """A pattern that finds where any of ``words`` occurs, factored as a trie ("on hold|ongoing"
    -> "on(?: hold|going)") so a search tries one branch per distinct first character. For
    finding, not extracting: where several words match at one place, the match may differ."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)
