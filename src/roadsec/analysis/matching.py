"""Fast matching of item text against every change type and control recognizer at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from roadsec.analysis.prefilter import prefixes
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import Item

MAX_MATCH_TEXT = 1200
SECURITY_WORDS = re.compile(
    r"\b(?:secur\w*|access control|rbac|authenticat\w*|authori[sz]\w*|encrypt\w*|vulnerab\w*|"
    r"penetration|pen-?test\w*|compliance|audit\w*|privacy|pii|gdpr|dependency management|"
    r"zero[- ]trust|ddos|mfa|sso|secrets?|permissions?|least privilege|governance|threat\w*|"
    r"incident response|hardening|firewall|waf)\b",
    re.IGNORECASE,
)


_WORD_HEAD = re.compile(r"\b\w{1,3}")
WordHeads = list[tuple[int, str]]


def word_heads(text: str) -> WordHeads:
    """(position, first three lower-case word characters) of every word in ``text``."""
    return [(m.start(), m.group()) for m in _WORD_HEAD.finditer(text[:MAX_MATCH_TEXT].lower())]


@dataclass(frozen=True)
class Matcher:
    """Catalog entries matched through a literal prefilter: an entry is tried only at the
    word starts that begin with one of its possible first letters (anchored there, not
    scanned), so an item costs a dictionary probe per word plus a few anchored matches."""

    patterns: dict[str, re.Pattern[str]]
    index: dict[str, tuple[str, ...]]  # prefix (1-3 characters) -> entries it may start
    always: tuple[str, ...]  # entries without a usable prefilter
    order: dict[str, int]
    heads: dict[str, tuple[str, ...]] = field(default_factory=dict)  # memo: word head -> entries

    def _entries(self, head: str) -> tuple[str, ...]:
        """Entries whose prefixes start ``head`` (memoized: a pure function of the catalog)."""
        index = self.index
        found = tuple(dict.fromkeys(
            e for key in {head[:1], head[:2], head} for e in index.get(key, ())
        ))  # fmt: skip
        self.heads[head] = found
        return found

    def find(self, text: str, heads: WordHeads | None = None) -> dict[str, str]:
        """Entry id -> the words that matched it, in catalog order; ``heads`` are the text's
        word heads when the caller already has them."""
        text = text[:MAX_MATCH_TEXT]
        memo = self.heads
        positions: dict[str, list[int]] = {}
        for start, head in heads if heads is not None else word_heads(text):
            entries = memo.get(head)
            if entries is None:
                entries = self._entries(head)
            for entry in entries:
                positions.setdefault(entry, []).append(start)
        found: dict[str, str] = {}
        for entry in self.always:
            hit = self.patterns[entry].search(text)
            if hit:
                found[entry] = hit.group()
        for entry, where in positions.items():
            match = self.patterns[entry].match
            for position in where:
                hit = match(text, position)
                if hit:
                    found[entry] = hit.group()
                    break
        return {key: found[key] for key in sorted(found, key=self.order.__getitem__)}


def _matcher(entries: dict[str, str]) -> Matcher:
    patterns = {key: re.compile(pattern, re.IGNORECASE) for key, pattern in entries.items()}
    index: dict[str, list[str]] = {}
    always: list[str] = []
    for key, pattern in entries.items():
        starts = prefixes(pattern)
        if starts is None:
            always.append(key)
            continue
        for start in starts:
            index.setdefault(start, []).append(key)
    return Matcher(
        patterns,
        {k: tuple(v) for k, v in index.items()},
        tuple(always),
        {key: n for n, key in enumerate(entries)},
    )


@cache
def change_type_matcher(catalog: Catalog) -> Matcher:
    return _matcher({key: "|".join(c.entry.signals) for key, c in catalog.change_types.items()})


@cache
def recognizer_matcher(catalog: Catalog) -> Matcher:
    return _matcher({key: p.pattern for key, p in catalog.recognizers.items()})


def item_text(item: Item) -> str:
    """What an item says, title first."""
    return item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"


def scan(item: Item) -> tuple[str, WordHeads]:
    """An item's text as every matcher reads it, with its word heads (computed once)."""
    text = item_text(item)[:MAX_MATCH_TEXT]
    return text, word_heads(text)


def change_types_of(catalog: Catalog, text: str, heads: WordHeads | None = None) -> dict[str, str]:
    """Change types ``text`` signals (excludes applied) -> evidence words."""
    found = change_type_matcher(catalog).find(text, heads)
    return {
        key: words
        for key, words in found.items()
        if (excludes := catalog.change_types[key].excludes) is None or not excludes.search(text)
    }


def controls_recognized(catalog: Catalog, text: str, heads: WordHeads | None = None) -> list[str]:
    """Controls ``text`` says are already planned."""
    return list(recognizer_matcher(catalog).find(text, heads))
