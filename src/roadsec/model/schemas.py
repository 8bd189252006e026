"""JSON Schemas of the published contracts, generated from the models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from roadsec.model.plan import PLAN_SCHEMA, Plan
from roadsec.model.roadmap import ROADMAP_SCHEMA, Roadmap

CONTRACTS: dict[str, tuple[str, type[BaseModel]]] = {
    "roadmap": (ROADMAP_SCHEMA, Roadmap),
    "plan": (PLAN_SCHEMA, Plan),
}
"""Contract name -> (schema id as written in the JSON, the model that produces it)."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(name: str) -> str:
    """``roadsec.plan/1`` -> ``roadsec.plan-1.schema.json``: the file published in ``schemas/``."""
    return CONTRACTS[name][0].replace("/", "-") + ".schema.json"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the contract ``name`` ("roadmap" or "plan")."""
    contract, model = CONTRACTS[name]
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": DIALECT,
        "$id": schema_file_name(name),
        "title": contract,
        **{key: value for key, value in body.items() if key != "title"},
    }
