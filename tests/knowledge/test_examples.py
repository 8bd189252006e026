"""Every catalog entry's own example phrases, run by one parametrized test per kind."""

from __future__ import annotations

import re

import pytest

from roadsec.analysis.matching import change_types_of, controls_recognized
from roadsec.knowledge import load_catalog
from roadsec.parse.status import detect_status

CATALOG = load_catalog()


def _cases() -> list[tuple[str, str, str, bool]]:
    cases: list[tuple[str, str, str, bool]] = []
    for key, compiled in CATALOG.change_types.items():
        for phrase in compiled.entry.examples.positive:
            cases.append(("change_type", key, phrase, True))
        for phrase in compiled.entry.examples.negative:
            cases.append(("change_type", key, phrase, False))
    for key, control in CATALOG.controls.items():
        if control.examples is None:
            continue
        for phrase in control.examples.positive:
            cases.append(("control", key, phrase, True))
        for phrase in control.examples.negative:
            cases.append(("control", key, phrase, False))
    for rule in CATALOG.constraints:
        for phrase in rule.examples.positive:
            cases.append(("constraint", rule.id, phrase, True))
        for phrase in rule.examples.negative:
            cases.append(("constraint", rule.id, phrase, False))
    for gap in CATALOG.gaps:
        if gap.examples is None or gap.kind not in ("stalled", "ownerless"):
            continue
        for phrase in gap.examples.positive:
            cases.append(("gap", gap.id, phrase, True))
        for phrase in gap.examples.negative:
            cases.append(("gap", gap.id, phrase, False))
    return cases


def _matches(kind: str, key: str, phrase: str) -> bool:
    if kind == "change_type":
        return key in change_types_of(CATALOG, phrase)
    if kind == "control":
        return key in controls_recognized(CATALOG, phrase)
    if kind == "constraint":
        name = CATALOG.constraint_names[key]
        excluded = CATALOG.constraint_excludes.get(key)
        return bool(name.search(phrase)) and not (excluded and excluded.search(phrase))
    rule = next(g for g in CATALOG.gaps if g.id == key)
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
    assert all(r.examples.positive and r.examples.negative for r in CATALOG.constraints)


def test_every_framework_id_resolves() -> None:
    for control in CATALOG.controls.values():
        for name, ids in control.frameworks.items():
            for framework_id in ids:
                assert framework_id in CATALOG.frameworks[name].entries, (control.id, framework_id)
