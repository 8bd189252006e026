"""Constraints: the roadmap's own targets (latency, uptime, cadence, cost, detection)."""

from __future__ import annotations

from roadsec.analysis.findings import Constraint
from roadsec.knowledge import Catalog
from roadsec.model.roadmap import Item, SourceRef


def find_constraints(catalog: Catalog, items: tuple[Item, ...]) -> list[Constraint]:
    """Every metric whose name and unit fit a constraint rule, one finding per rule+metric."""
    found: list[Constraint] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        for metric in item.metrics:
            if metric.target is None:
                continue
            for rule in catalog.constraints:
                pattern = catalog.constraint_names.get(rule.id)
                if pattern is None or not pattern.search(metric.name):
                    continue
                excluded = catalog.constraint_excludes.get(rule.id)
                if excluded is not None and excluded.search(metric.name):
                    continue
                if rule.units and (metric.unit or "") not in rule.units:
                    continue
                key = (rule.id, metric.raw)
                if key not in seen:
                    seen.add(key)
                    line = metric.line or item.sources[0].line
                    source = SourceRef(document=item.sources[0].document, line=line)
                    found.append(Constraint(rule.id, rule.kind, item, metric, source))
    return found
