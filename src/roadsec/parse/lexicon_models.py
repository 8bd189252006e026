"""The pydantic models of the lexicon files (technologies.yaml, sections.yaml).

Kept apart from the code that reads them, so that code can be compiled with mypyc, which
cannot compile a module that defines a pydantic model.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Category = Literal[
    "api", "api_gateway", "block_storage", "blockchain", "cache", "cdn", "ci_cd", "cloud",
    "compute", "container", "data_lake", "data_pipeline", "datastore", "dns", "feature_flags",
    "file_storage", "framework", "frontend", "iac", "identity", "identity_protocol", "language",
    "llm", "messaging", "ml_framework", "ml_platform", "mobile", "object_storage",
    "observability", "orchestration", "runtime", "saas_integration", "search", "secrets",
    "serverless", "service_mesh", "source_control", "streaming", "vector_store", "warehouse",
]  # fmt: skip

Role = Literal[
    "key_result", "metric", "capacity", "other", "risk", "theme", "epic", "feature", "task",
    "initiative", "objective",
]  # fmt: skip
FieldName = Literal[
    "text",
    "children",
    "metrics",
    "key_results",
    "owner",
    "effort",
    "status",
    "period",
    "priority",
    "depends",
]


class LexiconEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    category: Category
    aliases: tuple[str, ...] = Field(min_length=1)
    case_sensitive: bool = False
    implies: tuple[str, ...] = ()
    requires_context: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _aliases_not_blank(self) -> LexiconEntry:
        if any(not alias.strip() for alias in self.aliases):
            raise ValueError("blank alias")
        return self


class RoleRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    role: Role
    patterns: tuple[str, ...]


class SectionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    roles: tuple[RoleRule, ...]
    fields: dict[FieldName, tuple[str, ...]]
