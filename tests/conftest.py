"""Shared fixtures: the bundled examples live in the repo (examples/)."""

from __future__ import annotations

from pathlib import Path

import pytest

import roadsec
from roadsec.model.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLES = sorted(EXAMPLES.glob("*.md"))


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


def example(name: str) -> Path:
    """Path of a bundled example by file-name prefix."""
    matches = [p for p in SAMPLES if p.name.startswith(name)]
    assert len(matches) == 1, name
    return matches[0]


HOSTILE = ROOT / "tests" / "data" / "hostile-roadmap.md"


@pytest.fixture(scope="session")
def sample_plans() -> dict[str, Plan]:
    """The plan of every bundled example, and of the two documents of one organization merged."""
    plans = {path.stem: roadsec.analyze([path]) for path in SAMPLES}
    plans["bitshipper-merged"] = roadsec.analyze(sorted(EXAMPLES.glob("bitshipper-*.md")))
    return plans


@pytest.fixture(scope="session")
def hostile_plan() -> Plan:
    """The plan of a roadmap whose text tries markup, script, links and formula injection."""
    return roadsec.analyze([HOSTILE])
