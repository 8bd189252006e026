"""Load and cross-check the whole catalog; any inconsistency is a loud CatalogError."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from roadsec.errors import CatalogError
from roadsec.knowledge.frameworks import Framework, load_frameworks
from roadsec.knowledge.schema import Baseline, ChangeType, ConstraintRule, Control, GapRule

M = TypeVar("M", bound=BaseModel)
CATALOG_VERSION_FILE = "VERSION"


@dataclass(frozen=True)
class CompiledChangeType:
    """A change type with its patterns compiled once."""

    entry: ChangeType
    signals: re.Pattern[str]
    excludes: re.Pattern[str] | None


@dataclass(frozen=True, eq=False)
class Catalog:
    """Everything analyze and plan know, validated."""

    version: str
    frameworks: dict[str, Framework]
    controls: dict[str, Control]
    change_types: dict[str, CompiledChangeType]
    constraints: tuple[ConstraintRule, ...]
    gaps: tuple[GapRule, ...]
    baselines: tuple[Baseline, ...]
    recognizers: dict[str, re.Pattern[str]] = field(default_factory=dict)
    constraint_names: dict[str, re.Pattern[str]] = field(default_factory=dict)
    constraint_excludes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    risk_signals: dict[str, re.Pattern[str]] = field(default_factory=dict)
    """Control id -> the stated risks it mitigates."""


def _any(patterns: Iterable[str]) -> re.Pattern[str] | None:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(joined, re.IGNORECASE) if joined else None


def _read_yaml(node: Traversable | Path, label: str) -> Any:
    try:
        return yaml.safe_load(node.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogError(f"{label}: not valid YAML: {exc}", "fix the file's syntax") from exc


def _validate(model: type[M], data: Any, label: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise CatalogError(
            f"{label}: {where}: {first['msg']}",
            f"see the {model.__name__} schema in roadsec/knowledge/schema.py",
        ) from exc


def _one_per_file(folder: Traversable | Path, model: type[M], kind: str) -> list[M]:
    entries: list[M] = []
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".yaml"):
            continue
        label = f"{kind}/{node.name}"
        entry = _validate(model, _read_yaml(node, label), label)
        entry_id = getattr(entry, "id", None)
        if f"{entry_id}.yaml" != node.name:
            raise CatalogError(
                f"{label}: id {entry_id!r} does not match the file name", "rename one"
            )
        entries.append(entry)
    return entries


def _list_file(node: Traversable | Path, model: type[M], label: str) -> list[M]:
    data = _read_yaml(node, label)
    if not isinstance(data, list):
        raise CatalogError(f"{label}: expected a list of entries", "start each entry with '- '")
    return [_validate(model, item, f"{label}[{index}]") for index, item in enumerate(data)]


def _unique(entries: Iterable[Any], kind: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise CatalogError(f"duplicate {kind} id {entry.id!r}", "give every entry its own id")
        seen.add(entry.id)


def _check_references(
    controls: dict[str, Control], frameworks: dict[str, Framework], change_types: list[ChangeType],
    baselines: list[Baseline],
) -> None:  # fmt: skip
    for control in controls.values():
        for name, ids in control.frameworks.items():
            unknown = [i for i in ids if i not in frameworks[name].entries]
            if unknown:
                raise CatalogError(
                    f"control {control.id!r}: {name} has no {', '.join(unknown)}",
                    f"use ids from roadsec/knowledge/frameworks/{name}.yaml",
                )
        for prerequisite in control.prerequisites:
            if prerequisite not in controls:
                raise CatalogError(
                    f"control {control.id!r}: unknown prerequisite {prerequisite!r}", "add it"
                )
    for owner, ids in [(f"change type {c.id!r}", c.controls) for c in change_types] + [
        (f"baseline {b.id!r}", b.controls) for b in baselines
    ]:
        unknown = [i for i in ids if i not in controls]
        if unknown:
            raise CatalogError(
                f"{owner}: unknown control(s) {', '.join(unknown)}", "add the control file"
            )


def build_catalog(root: Traversable | Path) -> Catalog:
    """Load and validate a catalog folder laid out like the bundled ``data/``."""
    frameworks = load_frameworks()
    control_list = _one_per_file(root / "controls", Control, "controls")
    change_list = _one_per_file(root / "change_types", ChangeType, "change_types")
    constraints = _list_file(root / "constraints.yaml", ConstraintRule, "constraints.yaml")
    gaps = _list_file(root / "gaps.yaml", GapRule, "gaps.yaml")
    baselines = _list_file(root / "baselines.yaml", Baseline, "baselines.yaml")
    for entries, kind in ((control_list, "control"), (change_list, "change type"),
                          (constraints, "constraint"), (gaps, "gap rule"), (baselines, "baseline")):  # fmt: skip
        _unique(entries, kind)
    controls = {c.id: c for c in control_list}
    _check_references(controls, frameworks, change_list, baselines)
    compiled = {
        c.id: CompiledChangeType(c, _any(c.signals) or re.compile("(?!)"), _any(c.excludes))
        for c in change_list
    }
    recognizers = {c.id: p for c in control_list if (p := _any(c.recognized_by)) is not None}
    risks = {c.id: p for c in control_list if (p := _any(c.mitigates)) is not None}
    names = {r.id: p for r in constraints if (p := _any(r.metric_name)) is not None}
    excludes = {r.id: p for r in constraints if (p := _any(r.exclude_name)) is not None}
    version_node = root / CATALOG_VERSION_FILE
    version = version_node.read_text("utf-8").strip() if version_node.is_file() else "unversioned"
    return Catalog(version, frameworks, controls, compiled, tuple(constraints), tuple(gaps),
                   tuple(baselines), recognizers, names, excludes, risks)  # fmt: skip


@cache
def load_catalog() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return build_catalog(resources.files("roadsec.knowledge") / "data")
