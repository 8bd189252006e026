"""Heading roles and item field labels, kept as data in lexicon/sections.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import ValidationError

from roadsec.errors import CatalogError
from roadsec.parse.lexicon_models import FieldName as Field
from roadsec.parse.lexicon_models import Role, SectionsFile
from roadsec.parse.text import lowers_faithfully

NON_ITEM_ROLES: frozenset[str] = frozenset({"capacity", "other"})


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[Role, re.Pattern[str]], ...]
    fields: tuple[tuple[Field, re.Pattern[str]], ...]

    any_role: re.Pattern[str]
    """Every role pattern at once: most headings name no role, and one search rules them out."""
    any_field: re.Pattern[str]
    """Every field pattern as group ``f<i>``: a full match tries the alternatives in order, so
    the first field that matches wins."""

    lower_roles: tuple[tuple[Role, re.Pattern[str]], ...] | None
    """The role patterns without IGNORECASE, for lower-cased text (None when a pattern could
    depend on case)."""
    lower_any_role: re.Pattern[str] | None

    def role_of(self, heading: str) -> Role | None:
        """The role a heading gives its section ("Key Results" -> key_result)."""
        roles, any_role = self.roles, self.any_role
        if self.lower_roles is not None and self.lower_any_role and lowers_faithfully(heading):
            roles, any_role, heading = self.lower_roles, self.lower_any_role, heading.lower()
        if not any_role.search(heading):
            return None
        for role, pattern in roles:
            if pattern.search(heading):
                return role
        return None

    def field_of(self, label: str) -> Field | None:
        """The item field a bold label names ("Success Metrics" -> metrics)."""
        m = self.any_field.fullmatch(label.strip().rstrip(":").strip().lower())
        if m is None:
            return None
        return next(
            field for i, (field, _) in enumerate(self.fields) if m.group(f"f{i}") is not None
        )


def _case_free(pattern: str) -> bool:
    """Whether ``pattern`` matches lower-cased text without IGNORECASE as it matches the text
    with it: ASCII, no upper-case letter, no escape but \\b \\s \\d \\w, no group extension
    but (?:...)."""
    plain = re.sub(r"\\[bsdw]", "", pattern)
    return (
        plain.isascii()
        and plain == plain.lower()
        and "\\" not in plain
        and re.search(r"\(\?(?!:)", plain) is None
    )


def _compile(patterns: tuple[str, ...], *, whole: bool) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(body if not whole else f"(?:{body})", re.IGNORECASE)


@cache
def load_vocabulary() -> Vocabulary:
    """The bundled vocabulary, validated; a broken file is a CatalogError."""
    text = resources.files("roadsec.parse").joinpath("lexicon/sections.yaml").read_text("utf-8")
    try:
        data = SectionsFile.model_validate(yaml.safe_load(text))
        roles = tuple((rule.role, _compile(rule.patterns, whole=False)) for rule in data.roles)
        fields = tuple((name, _compile(pats, whole=True)) for name, pats in data.fields.items())
        any_role = "|".join(f"(?:{pattern.pattern})" for _, pattern in roles)
        any_field = "|".join(
            f"(?P<f{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(fields)
        )
        case_free = all(_case_free(pattern.pattern) for _, pattern in roles)
        return Vocabulary(
            roles,
            fields,
            re.compile(any_role or "(?!)", re.IGNORECASE),
            re.compile(any_field or "(?!)", re.IGNORECASE),
            tuple((role, re.compile(p.pattern)) for role, p in roles) if case_free else None,
            re.compile(any_role or "(?!)") if case_free else None,
        )
    except (yaml.YAMLError, ValidationError, re.error) as exc:
        raise CatalogError(f"section vocabulary is invalid: {exc}", "fix sections.yaml") from exc
