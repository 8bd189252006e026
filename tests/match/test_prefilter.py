"""The literal prefilter reads how a pattern's matches can start."""

from __future__ import annotations

import pytest

from roadsec.match import prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [  # "w": a word starting with w; "w ": the word w; "w x": the word w, then one starting x
        (r"\bsecure (?:all )?apis?", {"secure all", "secure api", "secure apis"}),
        (r"\bios\b.*\bandroid\b|\bandroid\b.*\bios\b", {"ios ", "ios androi", "android ", "android ios"}),
        (r"\b(?:ci/cd|cicd)\b", {"ci cd", "cicd "}),
        (r"\bai assistant\b", {"ai assist"}),
        (r"\bQ[1-4]\b", {"q0 "}),  # a run of digits folds to "0"
        (r"(?<!k8s )\b(?:rbac|role-based)\b", {"rbac ", "role based"}),
        (r"\b\d+ engineers|\bhire\b", {"0 engine", "hire "}),
        (r"\bencrypt\w* (?:at rest|in transit)", {"encryp", "encrypt at", "encrypt in"}),
        (r"\bdata\s+lake", {"data lake"}),  # repeated separators read as one
        (r"\b\w+ data", None),  # starts with anything: no prefilter
        (r"data\b", None),  # may start inside a word: no prefilter
    ],
)  # fmt: skip
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    assert prefixes(pattern) == expected
