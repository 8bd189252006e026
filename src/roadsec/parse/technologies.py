"""Technologies named in the text, from a curated lexicon kept as data (lexicon/technologies.yaml)."""

from __future__ import annotations

import itertools
import re
from functools import cache
from importlib import resources

import yaml
from pydantic import ValidationError

from roadsec.errors import CatalogError
from roadsec.model.roadmap import Technology
from roadsec.parse.lexicon_models import LexiconEntry

MAX_SOURCES = 12


class Lexicon:
    """Compiled matchers over the entries; built once per process."""

    def __init__(self, entries: list[LexiconEntry]) -> None:
        self.entries = {entry.name: entry for entry in entries}
        if len(self.entries) != len(entries):
            raise CatalogError("technology lexicon has duplicate names", "give each entry one name")
        for entry in entries:
            missing = [name for name in entry.implies if name not in self.entries]
            if missing:
                raise CatalogError(
                    f"technology {entry.name!r} implies unknown {missing}", "add those entries"
                )
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._longest = 1
        self._first_words: set[str] = set()
        for entry in entries:
            for alias in entry.aliases:
                words = [w.rstrip(".") for w in _TOKEN.findall(alias)]
                key = (
                    _join(
                        alias,
                        [
                            (m.start(), m.end(), m.group().rstrip("."))
                            for m in _TOKEN.finditer(alias)
                        ],
                    )
                    or alias
                )
                table = self._exact if entry.case_sensitive else self._folded
                table.setdefault(key if entry.case_sensitive else key.lower(), entry.name)
                self._longest = max(self._longest, len(words))
                self._first_words.add(words[0].lower())

    def _lookup(self, phrase: str) -> str | None:
        return self._exact.get(phrase) or self._folded.get(phrase.lower())

    def names_in(self, line: str) -> list[str]:
        """Canonical names mentioned in ``line``, implied ones included, in text order.

        Words are looked up, longest phrase first ("Azure AD" before "Azure"), so the
        cost is a dictionary probe per word, not a pattern per alias.
        """
        if self._first_words.isdisjoint(_TRIMMED_TOKEN.findall(line.lower())):
            return []
        tokens = [(m.start(), m.end(), m.group().rstrip(".")) for m in _TOKEN.finditer(line)]
        found: list[str] = []
        index = 0
        while index < len(tokens):
            if tokens[index][2].lower() not in self._first_words:
                index += 1
                continue
            phrases = _phrases(line, tokens, index, self._longest)
            matched = 0
            for size in range(len(phrases), 0, -1):
                name = self._lookup(phrases[size - 1])
                if name and self._in_context(name, line):
                    for each in (name, *self.entries[name].implies):
                        if each not in found:
                            found.append(each)
                    matched = size
                    break
            index += matched or 1
        return found

    def _in_context(self, name: str, line: str) -> bool:
        needs = self.entries[name].requires_context
        return not needs or any(word in line for word in needs)


_TOKEN = re.compile(r"\.?\w[\w.#+-]*")
_TRIMMED_TOKEN = re.compile(r"\.?\w(?:[\w.#+-]*[\w#+-])?")
"""The tokens _TOKEN finds, without their trailing dots."""


def _separator(gap: str) -> str | None:
    """How a phrase joins two tokens across ``gap``: spaces or one slash, else not at all (a
    phrase never spans a comma or a bracket)."""
    if gap.strip(" ") == "/":
        return "/"
    if gap and not gap.strip(" "):
        return " "
    return None


def _join(line: str, tokens: list[tuple[int, int, str]]) -> str | None:
    """The phrase the tokens spell, or None when they cannot form one."""
    if not tokens:
        return None
    phrase = tokens[0][2]
    for (_, end, _), (start, _, text) in itertools.pairwise(tokens):
        separator = _separator(line[end:start])
        if separator is None:
            return None
        phrase += separator + text
    return phrase


def _phrases(line: str, tokens: list[tuple[int, int, str]], index: int, longest: int) -> list[str]:
    """The phrases of 1..``longest`` tokens starting at ``index``, shortest first."""
    phrases = [tokens[index][2]]
    for k in range(index + 1, min(index + longest, len(tokens))):
        separator = _separator(line[tokens[k - 1][1] : tokens[k][0]])
        if separator is None:
            break
        phrases.append(phrases[-1] + separator + tokens[k][2])
    return phrases


@cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon, validated; a broken file is a CatalogError."""
    text = resources.files("roadsec.parse").joinpath("lexicon/technologies.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text)
        entries = [LexiconEntry.model_validate(item) for item in raw]
    except (yaml.YAMLError, ValidationError, TypeError) as exc:
        raise CatalogError(
            f"technology lexicon is invalid: {exc}", "fix technologies.yaml"
        ) from exc
    return Lexicon(entries)


def find_technologies(document: str, lines: list[tuple[int, str]]) -> list[Technology]:
    """Technologies named on the given ``(line number, text)`` pairs, in first-seen order; one
    the document only ever moves away from is marked ``leaving``."""
    lexicon = load_lexicon()
    seen: dict[str, list[int]] = {}
    staying: set[str] = set()
    for number, text in lines:
        if text.isspace() or not text:
            continue
        names = lexicon.names_in(text[:4000])
        if names:
            staying.update(set(names) - _leaving(lexicon, text[:4000]))
        for name in names:
            numbers = seen.setdefault(name, [])
            if len(numbers) < MAX_SOURCES and (not numbers or numbers[-1] != number):
                numbers.append(number)
    return [
        Technology.model_validate(
            {
                "name": name,
                "category": lexicon.entries[name].category,
                "sources": [{"document": document, "line": n} for n in numbers],
                "leaving": name not in staying,
            }
        )
        for name, numbers in seen.items()
    ]


_OBJECT = (
    r"(?P<obj>(?:(?!\b(?:with|by|for|using|in favou?r of|to|into|onto|and|or)\b)[^,;.:()\n]){1,40})"
)
_LEAVES: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), needs_successor)
    for pattern, needs_successor in (
        # "get off Heroku", "replacing RabbitMQ", "decommission the Redshift cluster"
        (r"\b(?:get(?:ting)? off|(?:move[sd]?|moving|migrat\w*) (?:off|away from|out of)|retir(?:e|es|ed|ing)|"
         r"decommission\w*|sunset\w*|phas(?:e|es|ed|ing) out|replac(?:e|es|ed|ing)|exit(?:s|ed|ing)?|"
         r"deprecat\w*)\s+(?:the |our |all |legacy |old |remaining )*" + _OBJECT, False),
        # "migrate analytics from the Redshift cluster to Snowflake", "Postgres → CockroachDB":
        # a move to another technology, not a version upgrade ("Spring Boot 2.7 → 3.3")
        (r"\bfrom\s+(?:the |our |legacy |old |self-hosted )*" + _OBJECT + r"\s+(?:to|into|onto)\b", True),
        (r"(?P<obj>[\w .+-]{1,30}?)\s*(?:→|->|=>)", True),
        # "Apigee on GCP was rejected"
        (r"(?P<obj>[\w .+/-]{1,40}?)\s+(?:was|were|is|has been)\s+(?:rejected|ruled out|retired|"
         r"decommissioned|dropped|deprecated)\b", False),
    )
)  # fmt: skip
_VERSION = re.compile(r"v?\d", re.IGNORECASE)
_LEAVE_WORDS = ("off", "away", "out", "retir", "decommission", "sunset", "replac", "exit",
                "deprecat", "from", "→", "->", "=>", "rejected", "ruled out", "dropped")  # fmt: skip


def _leaving(lexicon: Lexicon, line: str) -> set[str]:
    """The technologies ``line`` moves away from."""
    lowered = line.lower()
    if not any(word in lowered for word in _LEAVE_WORDS):
        return set()
    found: set[str] = set()
    spans: list[tuple[int, int]] = []
    for pattern, needs_successor in _LEAVES:
        for m in pattern.finditer(line):
            left = set(lexicon.names_in(m.group("obj")))
            if not left:
                continue
            successor = line[m.end() : m.end() + 60].split()[:3]
            upgrade = not successor or _VERSION.match(successor[0]) is not None
            if needs_successor and (
                upgrade or not set(lexicon.names_in(" ".join(successor))) - left
            ):
                continue  # "Spring Boot 2.7 → 3.3": an upgrade, not a move
            found |= left
            spans.append(m.span("obj"))
    rest = line
    for begin, stop in spans:
        rest = rest[:begin] + " " * (stop - begin) + rest[stop:]
    found -= set(lexicon.names_in(rest))  # "Postgres 12 → Aurora PostgreSQL" leaves no PostgreSQL
    # leaving Redshift is not leaving AWS, which it implies
    return found - {implied for name in found for implied in lexicon.entries[name].implies}
