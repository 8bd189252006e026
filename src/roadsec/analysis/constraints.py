"""Constraints: the roadmap's own targets (latency, uptime, cadence, cost, detection)."""

from __future__ import annotations

import re
from functools import cache

from roadsec.analysis.findings import Constraint
from roadsec.analysis.prefilter import fold, substrings
from roadsec.knowledge import Catalog, ConstraintRule
from roadsec.model.roadmap import Item, SourceRef

Rule = tuple[ConstraintRule, re.Pattern[str], frozenset[str] | None, re.Pattern[str] | None]


@cache
def _rules(catalog: Catalog) -> dict[str | None, list[Rule]]:
    """Unit -> the rules a metric in it may fit (None: any unit no rule names), each with its name
    pattern, the strings one of which a fitting name contains (None: no prefilter) and its
    exclusions; built once per catalog."""
    rules: list[Rule] = []
    for rule in catalog.constraints:
        name = catalog.constraint_names.get(rule.id)
        if name is not None:
            found = substrings(name.pattern)
            screen = frozenset(found) if found is not None else None
            rules.append((rule, name, screen, catalog.constraint_excludes.get(rule.id)))
    units = {"", *(unit for rule in catalog.constraints for unit in rule.units)}
    by_unit: dict[str | None, list[Rule]] = {
        unit: [r for r in rules if not r[0].units or unit in r[0].units] for unit in sorted(units)
    }
    by_unit[None] = [r for r in rules if not r[0].units]
    return by_unit


def find_constraints(catalog: Catalog, items: tuple[Item, ...]) -> list[Constraint]:
    """Every metric whose name and unit fit a constraint rule, one finding per rule+metric."""
    by_unit = _rules(catalog)
    anything = by_unit[None]
    found: list[Constraint] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        for metric in item.metrics:
            if metric.target is None:
                continue
            folded = fold(metric.name)
            for rule, name, screen, excluded in by_unit.get(metric.unit or "", anything):
                if screen is not None and not any(map(folded.__contains__, screen)):
                    continue
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
