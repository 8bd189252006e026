"""Lookups derived from the catalog that analysis and plan consult per item, built once per
catalog."""

from __future__ import annotations

import re
from functools import cache

from roadsec.knowledge import Catalog, GapRule


@cache
def change_controls(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Change type -> the controls it calls for, in the catalog's order."""
    return {key: change.entry.controls for key, change in catalog.change_types.items()}


@cache
def gap_rules(catalog: Catalog) -> dict[str, GapRule]:
    """Gap kind -> its first rule."""
    rules: dict[str, GapRule] = {}
    for rule in catalog.gaps:
        rules.setdefault(rule.kind, rule)
    return rules


@cache
def ownership_pattern(catalog: Catalog) -> re.Pattern[str]:
    """What a status or text says when work has no owner (the ownerless rule's patterns)."""
    return re.compile("|".join(gap_rules(catalog)["ownerless"].reason_patterns), re.IGNORECASE)


@cache
def first_steps(catalog: Catalog) -> dict[str, str]:
    """Control -> its first step, for the controls that have one."""
    return {key: c.first_step for key, c in catalog.controls.items() if c.first_step}


@cache
def baseline_stacks(catalog: Catalog) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each baseline's technologies and categories, as sets (in the catalog's order)."""
    return tuple((frozenset(b.technologies), frozenset(b.categories)) for b in catalog.baselines)
