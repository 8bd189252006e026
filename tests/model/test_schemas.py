"""The published JSON Schemas: generated from the models, and true of real outputs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from roadsec.api import parse
from roadsec.cli.app import app
from roadsec.model.plan import Plan
from roadsec.model.schemas import CONTRACTS, json_schema, schema_file_name
from tests.conftest import ROOT, SAMPLES

PUBLISHED = ROOT / "schemas"


def published(name: str) -> dict[str, object]:
    return json.loads((PUBLISHED / schema_file_name(name)).read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = published(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_published_schema_is_the_generated_one(name: str) -> None:
    assert published(name) == json_schema(name), "run `make schemas` and commit schemas/"


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_schema_command_prints_the_published_schema(name: str) -> None:
    result = CliRunner().invoke(app, ["schema", name])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == published(name)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_example_roadmap_validates(path: Path) -> None:
    roadmap = json.loads(parse([path]).model_dump_json(by_alias=True))
    validator("roadmap").validate(roadmap)
    assert roadmap["items"], "an example with no items would make this test vacuous"


def test_every_example_plan_validates(sample_plans: dict[str, Plan]) -> None:
    check = validator("plan")
    for name, plan in sample_plans.items():
        data = json.loads(plan.to_json())
        errors = [e.message for e in check.iter_errors(data)]
        assert not errors, (name, errors[:3])
        assert data["recommendations"] and data["quotes"], name


def test_schema_rejects_what_the_contract_forbids(sample_plans: dict[str, Plan]) -> None:
    data = sample_plans["scds-quarterly-roadmap"].to_dict()
    check = validator("plan")
    broken = [
        {**data, "schema": "roadsec.plan/2"},
        {**data, "recommendations": [{**data["recommendations"][0], "priority": "urgent"}]},  # type: ignore[dict-item]
        {**data, "gaps": [{**data["gaps"][0], "sources": []}]},  # type: ignore[dict-item]
        {k: v for k, v in data.items() if k != "considerations"},
    ]
    for case in broken:
        assert not check.is_valid(case)
