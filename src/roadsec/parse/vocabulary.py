"""Heading roles and item field labels, kept as data in lexicon/sections.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from roadsec.errors import CatalogError

Role = Literal[
    "key_result", "metric", "capacity", "other", "risk", "theme", "epic", "feature", "task",
    "initiative", "objective",
]  # fmt: skip
Field = Literal[
    "text", "children", "metrics", "key_results", "owner", "effort", "status", "period", "priority"
]
NON_ITEM_ROLES: frozenset[str] = frozenset({"capacity", "other"})


class _RoleRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    role: Role
    patterns: tuple[str, ...]


class _SectionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    roles: tuple[_RoleRule, ...]
    fields: dict[Field, tuple[str, ...]]


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[Role, re.Pattern[str]], ...]
    fields: tuple[tuple[Field, re.Pattern[str]], ...]

    def role_of(self, heading: str) -> Role | None:
        """The role a heading gives its section ("Key Results" -> key_result)."""
        for role, pattern in self.roles:
            if pattern.search(heading):
                return role
        return None

    def field_of(self, label: str) -> Field | None:
        """The item field a bold label names ("Success Metrics" -> metrics)."""
        label = label.strip().rstrip(":").strip().lower()
        for field, pattern in self.fields:
            if pattern.fullmatch(label):
                return field
        return None


def _compile(patterns: tuple[str, ...], *, whole: bool) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(body if not whole else f"(?:{body})", re.IGNORECASE)


@cache
def load_vocabulary() -> Vocabulary:
    """The bundled vocabulary, validated; a broken file is a CatalogError."""
    text = resources.files("roadsec.parse").joinpath("lexicon/sections.yaml").read_text("utf-8")
    try:
        data = _SectionsFile.model_validate(yaml.safe_load(text))
        roles = tuple((rule.role, _compile(rule.patterns, whole=False)) for rule in data.roles)
        fields = tuple((name, _compile(pats, whole=True)) for name, pats in data.fields.items())
    except (yaml.YAMLError, ValidationError, re.error) as exc:
        raise CatalogError(f"section vocabulary is invalid: {exc}", "fix sections.yaml") from exc
    return Vocabulary(roles, fields)
