"""Literal prefilters for catalog patterns, so that matching an item costs a few dictionary
probes plus the handful of patterns that can possibly match (the idea behind RE2 and
Hyperscan prefilters, done on Python's own regex parse tree)."""

from __future__ import annotations

import re
import re._parser as _sre  # type: ignore[import-not-found]  # the stdlib's own regex parser
from typing import Any

sre_parse: Any = _sre
ASSERT, ASSERT_NOT, AT, AT_BOUNDARY = (
    sre_parse.ASSERT,
    sre_parse.ASSERT_NOT,
    sre_parse.AT,
    sre_parse.AT_BOUNDARY,
)
BRANCH, IN, LITERAL, NEGATE, RANGE = (
    sre_parse.BRANCH,
    sre_parse.IN,
    sre_parse.LITERAL,
    sre_parse.NEGATE,
    sre_parse.RANGE,
)
MAX_REPEAT, MIN_REPEAT, MAXREPEAT = sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.MAXREPEAT
SUBPATTERN = sre_parse.SUBPATTERN
CATEGORY, CATEGORY_DIGIT = sre_parse.CATEGORY, sre_parse.CATEGORY_DIGIT
NOT_WORD = frozenset({sre_parse.CATEGORY_SPACE, sre_parse.CATEGORY_NOT_WORD})

PREFIX = 6  # characters of a word a key holds
SPAN = 16  # characters of a match expanded to find its first two words
MAX_PREFIXES = 400
_MAX_STEPS = 20_000


class _TooMany(Exception):
    pass


def fold(text: str) -> str:
    """Lower case with every run of decimal digits read as one "0": how keys and words compare
    (so that "\\d+ engineers" is found under one key, not a hundred)."""
    return _DIGITS.sub("0", text.lower())


_DIGITS = re.compile(r"\d+")  # str.isdecimal, as a pattern: Unicode category Nd
_ZEROS = re.compile("0+")


def _chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is LITERAL:
            out.add(fold(chr(av)))
        elif op is RANGE and av[1] - av[0] <= 40:
            out.update(fold(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is CATEGORY and av is CATEGORY_DIGIT:
            out.add("0")
        elif op is CATEGORY and av in NOT_WORD:
            out.add(" ")  # any separator reads as a space
        else:  # NEGATE, CATEGORY, large ranges: anything
            return None
    return out


def _run(body: list[Any]) -> str | None:
    """ " " when ``body`` is one separator character, "0" when one digit, else None."""
    if len(body) != 1:
        return None
    op, av = body[0]
    if op is CATEGORY:
        return " " if av in NOT_WORD else "0" if av is CATEGORY_DIGIT else None
    if op is LITERAL:
        chars: set[str] | None = {fold(chr(av))}
    elif op is IN and not any(o is NEGATE for o, _ in av):
        chars = _chars(list(av))
    else:
        return None
    if chars and not any(_is_word(ch) for ch in chars):
        return " "
    return "0" if chars == {"0"} else None


def _expand(items: list[Any], prefix: str, k: int, out: set[str], steps: list[int]) -> None:
    steps[0] += 1
    if steps[0] > _MAX_STEPS or len(out) > MAX_PREFIXES:
        raise _TooMany
    if len(prefix) >= k or not items:
        out.add(prefix[:k])
        return
    (op, av), rest = items[0], items[1:]
    if op is AT and av is AT_BOUNDARY and prefix and _is_word(prefix[-1]):
        _expand(rest, prefix + " ", k, out, steps)  # a word ends here
    elif op in (AT, ASSERT, ASSERT_NOT):
        _expand(rest, prefix, k, out, steps)
    elif op is LITERAL:
        _expand(rest, prefix + fold(chr(av)), k, out, steps)
    elif op is IN:
        chars = _chars(list(av)) if not any(o is NEGATE for o, _ in av) else None
        if chars is None:
            out.add(prefix)
            return
        for ch in sorted(chars):
            _expand(rest, prefix + ch, k, out, steps)
    elif op is CATEGORY and av is CATEGORY_DIGIT:
        _expand(rest, prefix + "0", k, out, steps)
    elif op is CATEGORY and av in NOT_WORD:
        _expand(rest, prefix + " ", k, out, steps)
    elif op is SUBPATTERN:
        _expand(list(av[-1]) + rest, prefix, k, out, steps)
    elif op is BRANCH:
        for alternative in av[1]:
            _expand(list(alternative) + rest, prefix, k, out, steps)
    elif op in (MAX_REPEAT, MIN_REPEAT) and (run := _run(list(av[2]))) is not None:
        if av[0] == 0:
            _expand(rest, prefix, k, out, steps)
        if av[1] != 0:  # separators (or digits) repeated read as one
            _expand(rest, prefix + run, k, out, steps)
    elif op in (MAX_REPEAT, MIN_REPEAT):
        low, high, body = av
        if low == 0:
            _expand(rest, prefix, k, out, steps)
        if high != 0:
            again = (
                []
                if high == 1
                else [(op, (max(low - 1, 0), high if high == MAXREPEAT else high - 1, body))]
            )
            _expand(list(body) + again + rest, prefix, k, out, steps)
    else:  # ANY, CATEGORY, NOT_LITERAL, GROUPREF...: the match may start with anything here
        out.add(prefix)


def _starts_at_word(items: list[Any]) -> bool:
    """Every match starts at a word boundary (so only word starts need checking)."""
    for op, av in items:
        if op in (ASSERT, ASSERT_NOT):
            continue
        if op is AT:
            return bool(av is AT_BOUNDARY)
        if op is SUBPATTERN:
            return _starts_at_word(list(av[-1]))
        if op is BRANCH:
            return all(_starts_at_word(list(alt)) for alt in av[1])
        return False
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_head(prefix: str) -> str:
    for index, ch in enumerate(prefix):
        if not _is_word(ch):
            return prefix[:index]
    return prefix


def key(expansion: str) -> str:
    """The key a match starting with ``expansion`` is found under: "w" (a word starting with
    w), "w " (the word w) or "w x" (the word w, then a word starting with x); "" when the match
    may start with anything."""
    expansion = _ZEROS.sub("0", expansion)
    first = _word_head(expansion)
    rest = expansion[len(first) :]
    if not first or not rest:
        return first[:PREFIX]
    skip = 0
    while skip < len(rest) and not _is_word(rest[skip]):
        skip += 1
    return f"{first} {_word_head(rest[skip:])[:PREFIX]}"


def _alternatives(items: list[Any]) -> list[list[Any]]:
    """The top-level alternatives of a pattern (through plain groups), each prefiltered on its
    own so that one loose alternative does not shorten the others' prefixes."""
    if len(items) == 1 and items[0][0] is BRANCH:
        return [alt for branch in items[0][1][1] for alt in _alternatives(list(branch))]
    if len(items) == 1 and items[0][0] is SUBPATTERN and not any(items[0][1][1:3]):
        return _alternatives(list(items[0][1][-1]))
    return [items]


def _parsed_alternatives(pattern: str) -> list[list[Any]] | None:
    """The pattern's top-level alternatives as parse trees (case-folded), or None if invalid."""
    try:
        return _alternatives(list(sre_parse.parse(pattern, re.IGNORECASE)))
    except re.error:
        return None


def prefixes(pattern: str) -> set[str] | None:
    """The keys (see ``key``) of every way a match can start, folded, or None when the pattern
    gives no usable prefilter."""
    alternatives = _parsed_alternatives(pattern)
    if alternatives is None:
        return None
    out: set[str] = set()
    for alternative in alternatives:
        heads = _prefixes(alternative)
        if heads is None:
            return None
        out |= heads
    return out


def substrings(pattern: str) -> set[str] | None:
    """Folded strings one of which every match contains (how it starts, up to its first
    separator), or None when the pattern gives no usable prefilter: for patterns that may
    match inside a word."""
    alternatives = _parsed_alternatives(pattern)
    if alternatives is None:
        return None
    out: set[str] = set()
    for alternative in alternatives:
        for k in range(SPAN, 0, -1):
            starts: set[str] = set()
            try:
                _expand(alternative, "", k, starts, [0])
            except (_TooMany, RecursionError):
                continue
            cut = {_ZEROS.sub("0", start).partition(" ")[0] for start in starts}
            if "" in cut:
                return None
            out |= cut
            break
        else:
            return None
    return out


def _prefixes(parsed: list[Any]) -> set[str] | None:
    if not _starts_at_word(parsed):
        return None
    for k in range(SPAN, 0, -1):
        out: set[str] = set()
        try:
            _expand(parsed, "", k, out, [0])
        except (_TooMany, RecursionError):
            continue
        keys = {key(p) for p in out}
        return None if "" in keys else keys
    return None
