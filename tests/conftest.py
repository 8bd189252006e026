"""Shared fixtures: the bundled examples live in the repo (examples/)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
