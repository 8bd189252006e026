"""Many patterns matched at once behind a literal prefilter: one word scan per text tells which
patterns can possibly match it, and only those are tried, only where they can start."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import reduce
from itertools import compress
from operator import or_
from types import MappingProxyType
from typing import Any, TypeVar

from roadsec.match.prefilter import fold, prefixes

_WORD = re.compile(r"\w+")
# ASCII text splits into its words without a regex: every non-word byte reads as a space.
_ASCII_SPACES = bytes(c if c < 128 and re.match(r"\w", chr(c)) else 32 for c in range(256))
_MAX_MEMO = 50_000
# Texts matched together are joined by a separator that reads as a word of its own.
_SEPARATOR = "\x00"
_SEPARATOR_BYTES = _SEPARATOR.encode("ascii")
_JOIN = f" {_SEPARATOR} "
_ASCII_WORDS_AND_SEPARATOR = bytes(
    c if c == ord(_SEPARATOR) else space for c, space in enumerate(_ASCII_SPACES)
)


class Matcher:
    """Patterns behind a literal prefilter. Each pattern gets a bit; a word and the word after
    it map (through their folded keys, see ``prefilter.key``) to the bits of the patterns that
    may start there, so a text's candidates are the union over its words, one dictionary probe
    per word."""

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
        heads = [key.partition(" ") for key in self.index]
        self.lengths = tuple(sorted({len(first) for first, space, _ in heads if not space}))
        self.second = tuple(sorted({len(second) for _, _, second in heads if second}))
        self.memo = _Memo(self)  # (word, next word) -> bits: a pure function of the patterns

    def bits(self, word: str | bytes, following: str | bytes) -> int:
        """Bits of the patterns that may start at ``word`` when ``following`` comes next (the
        separator of ``matches_many`` is no word and ends a text like the end of the text)."""
        index, first = self.index, fold(_text(word))
        if first == _SEPARATOR:
            return 0
        bits = index.get(first + " ", 0)
        for length in self.lengths:
            bits |= index.get(first[:length], 0)
        if self.second and following:
            second = fold(_text(following))
            if second != _SEPARATOR:
                for length in self.second:
                    bits |= index.get(f"{first} {second[:length]}", 0)
        return bits

    def matches(self, text: str) -> dict[int, str]:
        """Bit -> matched words, for every pattern that matches ``text``, in bit order."""
        lower = text.lower()
        if lower.isascii():  # bytes split at a table lookup per character
            raw = lower.encode("ascii")
            return self._found(text, raw, self._triggers(raw.translate(_ASCII_SPACES).split()))
        return self._found(text, lower, self._triggers(_WORD.findall(lower)))

    def matches_many(self, texts: list[str]) -> list[dict[int, str]]:
        """``matches`` of each text. The ASCII texts are split into words and looked up in one
        pass, joined by a separator; only the texts with a candidate pattern are then visited."""
        batch = [index for index, text in enumerate(texts) if text.isascii()]
        joined = _JOIN.join([texts[index] for index in batch])
        if joined.count(_SEPARATOR) != len(batch) - 1:  # a text holds the separator itself
            batch = []
        found: list[dict[int, str]] = [{} for _ in texts]
        for index in set(range(len(texts))).difference(batch):
            found[index] = self.matches(texts[index])
        if not batch:
            return found
        words = joined.lower().encode("ascii").translate(_ASCII_WORDS_AND_SEPARATOR).split()
        following = words[1:]
        following.append(_SEPARATOR_BYTES)  # the last word of the last text has none
        bits = list(map(self.memo.__getitem__, zip(words, following, strict=False)))
        ends = []  # word position of each separator, then of the end
        position = -1
        for _ in range(len(batch) - 1):
            position = words.index(_SEPARATOR_BYTES, position + 1)
            ends.append(position)
        ends.append(len(words))
        triggers: dict[int, dict[bytes, int]] = {}  # batch position -> word -> bits
        for hot in compress(range(len(bits)), bits):
            of = triggers.setdefault(bisect_right(ends, hot), {})
            of[words[hot]] = of.get(words[hot], 0) | bits[hot]
        every = range(len(batch)) if self.always else triggers
        for at in every:
            text = texts[batch[at]]
            found[batch[at]] = self._found(
                text, text.lower().encode("ascii"), triggers.get(at, _NO_TRIGGERS)
            )
        return found

    def _triggers(self, words: list[W]) -> dict[W, int]:
        """Word -> the bits of the patterns that may start at one of its occurrences."""
        if not words:
            return {}
        following = words[1:]
        following.append(words[0][:0])  # the last word has none
        bits = list(map(self.memo.__getitem__, zip(words, following, strict=True)))
        triggers: dict[W, int] = {}
        for word, where in zip(compress(words, bits), filter(None, bits), strict=True):
            triggers[word] = triggers.get(word, 0) | where
        return triggers

    def _found(self, text: str, lower: W, triggers: Mapping[W, int]) -> dict[int, str]:
        """Bit -> matched words of the candidate patterns (``triggers``' bits and ``always``),
        each tried only where one of its trigger words occurs in ``lower``."""
        mask = reduce(or_, triggers.values(), self.always)
        found: dict[int, str] = {}
        if not mask:
            return found
        spots = _spots(lower, triggers) if len(lower) == len(text) else None
        patterns, always = self.patterns, self.always
        while mask:
            low = mask & -mask
            bit = low.bit_length() - 1
            mask ^= low
            pattern = patterns[bit]
            if low & always or spots is None:
                hit = pattern.search(text)
            else:
                hit = None
                for position, where in spots:
                    if where & low and (hit := pattern.match(text, position)):
                        break
            if hit:
                found[bit] = hit.group()
        return found


W = TypeVar("W", str, bytes)
_NO_TRIGGERS: Mapping[Any, int] = MappingProxyType({})


def _text(word: str | bytes) -> str:
    return word.decode("ascii") if isinstance(word, bytes) else word


class _Memo(dict[Any, int]):
    """Word pair (str or ASCII bytes) -> bits, filled on first sight and emptied when it grows
    past _MAX_MEMO."""

    def __init__(self, matcher: Matcher) -> None:
        super().__init__()
        self.matcher = matcher

    def __missing__(self, pair: tuple[Any, Any]) -> int:
        if len(self) >= _MAX_MEMO:
            self.clear()
        bits = self[pair] = self.matcher.bits(*pair)
        return bits


def _spots(lower: W, triggers: Mapping[W, int]) -> list[tuple[int, int]]:
    """(position, bits) wherever a trigger word occurs, in order (a pattern's leading word
    boundary rules out the occurrences inside a longer word)."""
    spots: list[tuple[int, int]] = []
    for word, where in triggers.items():
        position = lower.find(word)
        while position >= 0:
            spots.append((position, where))
            position = lower.find(word, position + 1)
    if len(triggers) > 1:
        spots.sort()
    return spots
