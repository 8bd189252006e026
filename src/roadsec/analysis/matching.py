"""Item texts matched against the whole catalog at once: one word scan per text tells which
catalog patterns can possibly match it, and only those are searched."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from roadsec.analysis.prefilter import PREFIX, fold, prefixes
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
SECURITY_ITSELF = re.compile(r"\bsecur(?:e|ity|ing)\b", re.IGNORECASE)
_HEAD = re.compile(rf"\b\w{{1,{PREFIX}}}")
_MAX_MEMO = 50_000


class Matcher:
    """Patterns behind a literal prefilter. Each pattern gets a bit; a word head (the first
    PREFIX characters of a word, folded) maps to the bits of the patterns that may start with
    it, so a text's candidates are the union over its word heads."""

    def __init__(self, entries: dict[str, re.Pattern[str]]) -> None:
        self.ids = tuple(entries)
        self.patterns = tuple(entries.values())
        self.index: dict[str, int] = {}
        self.always = 0
        for bit, pattern in enumerate(self.patterns):
            starts = prefixes(pattern.pattern)
            if starts is None:
                self.always |= 1 << bit
                continue
            for start in starts:
                self.index[start] = self.index.get(start, 0) | 1 << bit
        self.lengths = tuple(sorted({len(key) for key in self.index}))
        self.memo: dict[str, int] = {}  # word head -> bits (a pure function of the patterns)

    def _bits(self, head: str) -> int:
        index, bits, key = self.index, 0, fold(head)
        for length in self.lengths:
            bits |= index.get(key[:length], 0)
        if len(self.memo) >= _MAX_MEMO:
            self.memo.clear()
        self.memo[head] = bits
        return bits

    def scan(self, text: str) -> tuple[int, tuple[tuple[int, int], ...] | None]:
        """Bits of the patterns that may match ``text``, and (position, bits) of every word
        start some pattern may match at (None when lower-casing moved the positions)."""
        lower = text.lower()
        memo, mask, spots = self.memo, self.always, []
        for word in _HEAD.finditer(lower):
            head = word.group()
            bits = memo.get(head)
            if bits is None:
                bits = self._bits(head)
            if bits:
                mask |= bits
                spots.append((word.start(), bits))
        return mask, tuple(spots) if len(lower) == len(text) else None

    def find(
        self, text: str, mask: int, spots: tuple[tuple[int, int], ...] | None
    ) -> dict[str, str]:
        """Id -> matched words, for the patterns in ``mask`` that match, in entry order: each
        tried only at the word starts that may begin it (searched when it has no prefilter)."""
        found: dict[str, str] = {}
        patterns, ids, always = self.patterns, self.ids, self.always
        while mask:
            low = mask & -mask
            bit = low.bit_length() - 1
            mask ^= low
            pattern = patterns[bit]
            if spots is None or low & always:
                hit = pattern.search(text)
            else:
                hit = None
                for position, bits in spots:
                    if bits & low and (hit := pattern.match(text, position)):
                        break
            if hit:
                found[ids[bit]] = hit.group()
        return found


@dataclass(frozen=True)
class CatalogIndex:
    """One matcher over every pattern analysis tries on an item, with each family's bits."""

    matcher: Matcher
    change_types: int
    controls: int
    security: int
    itself: int


@cache
def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The catalog's matcher, built once per catalog."""
    entries = {key: c.signals for key, c in catalog.change_types.items()}
    changes = (1 << len(entries)) - 1
    entries.update(catalog.recognizers)
    controls = ((1 << len(entries)) - 1) ^ changes
    security, itself = 1 << len(entries), 1 << (len(entries) + 1)
    entries.update({" security": SECURITY_WORDS, " itself": SECURITY_ITSELF})
    return CatalogIndex(Matcher(entries), changes, controls, security, itself)


def item_text(item: Item) -> str:
    """What an item says, title first."""
    return item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"


@dataclass(frozen=True, slots=True)
class Scanned:
    """An item's text as every matcher reads it, and the patterns that may match it."""

    text: str
    mask: int
    spots: tuple[tuple[int, int], ...] | None


def scan(catalog: Catalog, text: str) -> Scanned:
    text = text[:MAX_MATCH_TEXT]
    return Scanned(text, *catalog_index(catalog).matcher.scan(text))


def _scanned(catalog: Catalog, text: str | Scanned) -> Scanned:
    return text if isinstance(text, Scanned) else scan(catalog, text)


def change_types_of(catalog: Catalog, text: str | Scanned) -> dict[str, str]:
    """Change types ``text`` signals (excludes applied) -> evidence words."""
    index, seen = catalog_index(catalog), _scanned(catalog, text)
    found = index.matcher.find(seen.text, seen.mask & index.change_types, seen.spots)
    full = text.text if isinstance(text, Scanned) else text
    return {
        key: words
        for key, words in found.items()
        if (excludes := catalog.change_types[key].excludes) is None or not excludes.search(full)
    }


def controls_recognized(catalog: Catalog, text: str | Scanned) -> list[str]:
    """Controls ``text`` says are already planned."""
    index, seen = catalog_index(catalog), _scanned(catalog, text)
    return list(index.matcher.find(seen.text, seen.mask & index.controls, seen.spots))


def says(catalog: Catalog, text: Scanned, family: int) -> bool:
    """Whether the one-pattern family ``family`` (security words, security itself) matches."""
    return bool(catalog_index(catalog).matcher.find(text.text, text.mask & family, text.spots))
