"""Every catalog entry's own example phrases, run by one parametrized test per kind."""

from __future__ import annotations

import re

import pytest

from roadsec.analysis.matching import change_types_of, controls_recognized
from roadsec.analysis.risks import controls_mitigating
from roadsec.knowledge import load_catalog
from roadsec.knowledge.schema import Examples
from roadsec.parse.status import detect_status

CATALOG = load_catalog()
_PHRASED_GAPS = ("stalled", "ownerless", "risk")  # the others are found by structure


def _cases() -> list[tuple[str, str, str, bool]]:
    entries: list[tuple[str, str, Examples | None]] = [
        *(("change_type", key, c.entry.examples) for key, c in CATALOG.change_types.items()),
        *(("control", key, c.examples) for key, c in CATALOG.controls.items()),
        *(("risk", key, c.risk_examples) for key, c in CATALOG.controls.items()),
        *(("constraint", rule.id, rule.examples) for rule in CATALOG.constraints),
        *(("gap", g.id, g.examples) for g in CATALOG.gaps if g.kind in _PHRASED_GAPS),
    ]
    return [
        (kind, key, phrase, expected)
        for kind, key, examples in entries
        if examples is not None
        for expected, phrases in ((True, examples.positive), (False, examples.negative))
        for phrase in phrases
    ]


def _matches(kind: str, key: str, phrase: str) -> bool:
    if kind == "change_type":
        return key in change_types_of(CATALOG, phrase)
    if kind == "control":
        return key in controls_recognized(CATALOG, phrase)
    if kind == "risk":
        return key in controls_mitigating(CATALOG, phrase)
    if kind == "constraint":
        name = CATALOG.constraint_names[key]
        excluded = CATALOG.constraint_excludes.get(key)
        return bool(name.search(phrase)) and not (excluded and excluded.search(phrase))
    rule = next(g for g in CATALOG.gaps if g.id == key)
    if rule.kind == "risk":
        return bool(controls_mitigating(CATALOG, phrase))
    if rule.kind == "stalled":
        status, _ = detect_status(phrase)
        return status is not None and status.value in rule.statuses
    return bool(re.search("|".join(rule.reason_patterns), phrase, re.IGNORECASE))


@pytest.mark.parametrize(("kind", "key", "phrase", "expected"), _cases(),
                         ids=lambda v: v if isinstance(v, str) else str(v))  # fmt: skip
def test_example_phrase(kind: str, key: str, phrase: str, expected: bool) -> None:
    assert _matches(kind, key, phrase) is expected, f"{kind} {key}: {phrase!r}"


def test_every_entry_carries_examples() -> None:
    assert all(
        c.entry.examples.positive and c.entry.examples.negative
        for c in CATALOG.change_types.values()
    )
    recognized = [c for c in CATALOG.controls.values() if c.recognized_by]
    assert all(c.examples is not None for c in recognized)
    assert all(c.risk_examples is not None for c in CATALOG.controls.values() if c.mitigates)
    assert all(r.examples.positive and r.examples.negative for r in CATALOG.constraints)


def test_every_framework_id_resolves() -> None:
    for control in CATALOG.controls.values():
        for name, ids in control.frameworks.items():
            for framework_id in ids:
                assert framework_id in CATALOG.frameworks[name].entries, (control.id, framework_id)
