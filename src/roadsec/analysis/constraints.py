"""Constraints: the roadmap's own targets (latency, uptime, cadence, cost, detection)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from roadsec.analysis.findings import Constraint
from roadsec.knowledge import Catalog, ConstraintRule
from roadsec.match import fold, substrings
from roadsec.model.roadmap import Item, ItemKind, SourceRef

Rule = tuple[ConstraintRule, re.Pattern[str], re.Pattern[str] | None]  # rule, name, exclusions


@dataclass(frozen=True, slots=True)
class _Screen:
    """The rules a metric of one unit may fit, and one scan of its folded name that tells
    which of them can: ``finder`` finds, at every position, the longest string of any rule's
    screen (see ``prefilter.substrings``) that starts there; every other one starting there
    is a prefix of it, so ``masks`` maps each string to the bits of the rules whose screen
    holds it or a prefix of it."""

    rules: tuple[Rule, ...]
    finder: re.Pattern[str] | None
    masks: dict[str, int]
    unscreened: int  # bits of the rules with no screen: always tried

    def candidates(self, name: str) -> int:
        """Bits of the rules whose name pattern can match ``name``."""
        bits = self.unscreened
        if self.finder is not None:
            masks = self.masks
            for found in self.finder.findall(fold(name)):
                bits |= masks[found]
        return bits


def _screen(rules: list[tuple[Rule, frozenset[str] | None]]) -> _Screen:
    unscreened = 0
    strings: set[str] = set()
    for bit, (_, screen) in enumerate(rules):
        if screen is None:
            unscreened |= 1 << bit
        else:
            strings |= screen
    masks = {
        found: sum(
            1 << bit
            for bit, (_, screen) in enumerate(rules)
            if screen is not None and any(found.startswith(part) for part in screen)
        )
        for found in strings
    }
    longest_first = sorted(strings, key=lambda s: (-len(s), s))
    finder = (
        re.compile(f"(?=({'|'.join(map(re.escape, longest_first))}))") if longest_first else None
    )
    return _Screen(tuple(rule for rule, _ in rules), finder, masks, unscreened)


@cache
def _rules(catalog: Catalog) -> dict[str | None, _Screen]:
    """Unit -> the rules a metric in it may fit (None: any unit no rule names), with their
    screen; built once per catalog."""
    rules: list[tuple[Rule, frozenset[str] | None]] = []
    for rule in catalog.constraints:
        name = catalog.constraint_names.get(rule.id)
        if name is not None:
            found = substrings(name.pattern)
            screen = frozenset(found) if found is not None else None
            rules.append(((rule, name, catalog.constraint_excludes.get(rule.id)), screen))
    units = {"", *(unit for rule in catalog.constraints for unit in rule.units)}
    by_unit: dict[str | None, _Screen] = {
        unit: _screen([r for r in rules if not r[0][0].units or unit in r[0][0].units])
        for unit in sorted(units)
    }
    by_unit[None] = _screen([r for r in rules if not r[0][0].units])
    return by_unit


def find_constraints(catalog: Catalog, items: tuple[Item, ...]) -> list[Constraint]:
    """Every metric whose name and unit fit a constraint rule, one finding per rule+metric."""
    by_unit = _rules(catalog)
    anything = by_unit[None]
    found: list[Constraint] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        if item.kind is ItemKind.RISK:
            continue  # "the vendor's quarterly release cadence may clash …" fears, sets no target
        for metric in item.metrics:
            if metric.target is None:
                continue
            screen = by_unit.get(metric.unit or "", anything)
            bits = screen.candidates(metric.name)
            while bits:
                low = bits & -bits
                bits ^= low
                rule, name, excluded = screen.rules[low.bit_length() - 1]
                if not name.search(metric.name):
                    continue
                if excluded is not None and excluded.search(metric.name):
                    continue
                key = (rule.id, metric.raw)
                if key not in seen:
                    seen.add(key)
                    first = item.sources[0]
                    line = metric.line or first.line
                    source = (
                        first
                        if line == first.line
                        else SourceRef(document=first.document, line=line)
                    )
                    found.append(Constraint(rule.id, rule.kind, item, metric, source))
    return found
