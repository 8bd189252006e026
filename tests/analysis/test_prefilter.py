"""The literal prefilter never loses a match: the matchers agree with a plain search."""

from __future__ import annotations

import pytest

from roadsec.analysis.matching import change_type_matcher, item_text, recognizer_matcher
from roadsec.analysis.prefilter import prefixes
from roadsec.api import parse
from roadsec.knowledge import load_catalog
from tests.conftest import SAMPLES

CATALOG = load_catalog()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsecure (?:all )?apis?", {"sec"}),
        (r"\bios\b.*\bandroid\b|\bandroid\b.*\bios\b", {"and", "ios"}),
        (r"\b(?:ci/cd|cicd)\b", {"ci", "cic"}),
        (r"\bai assistant\b", {"ai"}),
        (r"\bQ[1-4]\b", {"q1", "q2", "q3", "q4"}),
        (r"(?<!k8s )\b(?:rbac|role-based)\b", {"rba", "rol"}),
        (r"\b\w+ data", None),  # starts with anything: no prefilter
        (r"data\b", None),  # may start inside a word: no prefilter
    ],
)
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    assert prefixes(pattern) == expected


def _texts() -> list[str]:
    texts = [p for c in CATALOG.change_types.values() for p in c.entry.examples.positive]
    texts += [p for c in CATALOG.controls.values() if c.examples for p in c.examples.positive]
    for sample in SAMPLES:
        texts += [item_text(item) for item in parse([sample]).items]
    texts += ["CI/CD for everyone", "k8s RBAC and role-based access", "AI-assistant for ops"]
    return texts


@pytest.mark.parametrize("which", ["change_types", "recognizers"])
def test_matcher_agrees_with_plain_search(which: str) -> None:
    matcher = (
        change_type_matcher(CATALOG) if which == "change_types" else recognizer_matcher(CATALOG)
    )
    for text in _texts():
        plain = {key for key, pattern in matcher.patterns.items() if pattern.search(text)}
        assert set(matcher.find(text)) == plain, text
