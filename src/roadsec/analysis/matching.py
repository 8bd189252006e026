"""Item texts matched against the whole catalog at once (see ``roadsec.match``): one word scan
per text tells which catalog patterns can possibly match it, and only those are tried."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from roadsec.knowledge import Catalog
from roadsec.match import Matcher
from roadsec.model.roadmap import Item

MAX_MATCH_TEXT = 1200
SECURITY_WORDS = re.compile(
    r"\b(?:secur\w*|access control|rbac|authenticat\w*|authori[sz]\w*|encrypt\w*|vulnerab\w*|"
    r"penetration|pen-?test\w*|compliance|audit\w*|privacy|pii|gdpr|dependency management|"
    r"zero[- ]trust|ddos|mfa|2fa|two-factor|sso|secrets?|permissions?|least privilege|governance|"
    r"threat\w*|incident response|hardening|firewall|waf|account takeover|bug bounty|"
    r"tokeni[sz]\w*)\b",
    re.IGNORECASE,
)
SECURITY_ITSELF = re.compile(r"\bsecur(?:e|ity|ing)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CatalogIndex:
    """One matcher over every pattern analysis tries on an item, with each family's bits."""

    matcher: Matcher
    change_types: range
    controls: range
    security: int
    itself: int


@cache
def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The catalog's matcher, built once per catalog."""
    entries = {key: c.signals for key, c in catalog.change_types.items()}
    changes = range(len(entries))
    entries.update(catalog.recognizers)
    controls = range(len(changes), len(entries))
    security, itself = len(entries), len(entries) + 1
    entries.update({" security": SECURITY_WORDS, " itself": SECURITY_ITSELF})
    return CatalogIndex(Matcher(entries), changes, controls, security, itself)


def item_text(item: Item) -> str:
    """What an item says, title first."""
    return item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"


class Reading(NamedTuple):
    """What one text says, as the catalog reads it."""

    change_types: Mapping[str, str]  # change type -> the words that signal it (excludes applied)
    controls: tuple[str, ...]  # controls it says are planned
    security: bool  # it speaks of security work
    itself: bool  # it is about security itself ("secure", "security")
    # change types it names only as what its security work is for: "Pod security admission on
    # the AKS cluster" protects the Kubernetes change, it does not make one
    protects: frozenset[str] = frozenset()


_NOTHING = Reading(MappingProxyType({}), (), security=False, itself=False)


def read(catalog: Catalog, text: str, excludes_on: str | None = None) -> Reading:
    """Match ``text`` (its first MAX_MATCH_TEXT characters) against the whole catalog; change
    type excludes are tried on ``excludes_on`` (by default the same text)."""
    index = catalog_index(catalog)
    text = text[:MAX_MATCH_TEXT]
    return _reading(catalog, index, index.matcher.matches(text), excludes_on or text, text)


def read_many(catalog: Catalog, texts: Iterable[str]) -> list[Reading]:
    """``read`` of each text, all matched in one pass."""
    index = catalog_index(catalog)
    cut = [text[:MAX_MATCH_TEXT] for text in texts]
    found = index.matcher.matches_many(cut)
    return [
        _reading(catalog, index, hits, text, text) for hits, text in zip(found, cut, strict=True)
    ]


def _reading(
    catalog: Catalog, index: CatalogIndex, found: dict[int, str], excludes_on: str, text: str
) -> Reading:
    """``text``'s matches as a Reading, change type excludes tried on ``excludes_on``."""
    if not found:
        return _NOTHING
    ids, changes, controls = index.matcher.ids, index.change_types, index.controls
    change_types = {}
    for bit, words in found.items():
        if bit in changes:
            key = ids[bit]
            excludes = catalog.change_types[key].excludes
            if excludes is None or not excludes.search(excludes_on):
                change_types[key] = words
    control_bits = [bit for bit in found if bit in controls]
    return Reading(
        change_types,
        tuple(ids[bit] for bit in control_bits),
        index.security in found,
        index.itself in found,
        _protected(text, [found[bit] for bit in control_bits], change_types)
        if control_bits and change_types
        else frozenset(),
    )


def _protected(
    text: str, control_hits: list[str], change_types: Mapping[str, str]
) -> frozenset[str]:
    """The change types whose words come after the text has named its security work (the
    control leads, the change is what it is applied to), or open the text as the control's
    modifier ("Partner API rate limiting", "Kubernetes network policies")."""
    spans = [(at, at + len(hit)) for hit in control_hits if (at := text.find(hit)) >= 0]
    if not spans:
        return frozenset()
    lead = min(spans)
    protected = set()
    for key, words in change_types.items():
        at = text.find(words)
        if at >= lead[1] or (
            0 <= at <= 4 and _MODIFIER.fullmatch(text, at + len(words), lead[0]) is not None
        ):
            protected.add(key)
    return frozenset(protected)


_MODIFIER = re.compile(r"\s+(?:[\w-]+\s+)?")
"""What may stand between a change named as a modifier and the control it modifies."""


def change_types_of(catalog: Catalog, text: str) -> dict[str, str]:
    """Change types ``text`` signals (excludes applied to all of it) -> evidence words."""
    return dict(read(catalog, text, text).change_types)


def controls_recognized(catalog: Catalog, text: str) -> list[str]:
    """Controls ``text`` says are already planned."""
    return list(read(catalog, text).controls)
