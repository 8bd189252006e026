"""The catalog's literal prefilters never lose a match: the matchers agree with a plain search."""

from __future__ import annotations

import pytest

from roadsec.analysis.constraints import _rules
from roadsec.analysis.matching import catalog_index, item_text, read, read_many
from roadsec.api import parse
from roadsec.knowledge import load_catalog
from roadsec.match import fold, substrings
from tests.conftest import SAMPLES

CATALOG = load_catalog()


def _texts() -> list[str]:
    texts = [p for c in CATALOG.change_types.values() for p in c.entry.examples.positive]
    texts += [p for c in CATALOG.controls.values() if c.examples for p in c.examples.positive]
    for sample in SAMPLES:
        texts += [item_text(item) for item in parse([sample]).items]
    texts += ["CI/CD for everyone", "k8s RBAC and role-based access", "AI-assistant for ops"]
    texts += ["Onboard 12 new engineers", "40 engineers (+10)", "İstanbul office: hiring", "SOC 2"]
    texts += ["data  lake", "Data-lake", "iOS, then Android", "pen-test and pentest", "p99 < 200ms"]
    return texts


def test_matcher_agrees_with_plain_search() -> None:
    matcher = catalog_index(CATALOG).matcher
    for text in _texts():
        entries = zip(matcher.ids, matcher.patterns, strict=True)
        plain = {key for key, pattern in entries if pattern.search(text)}
        assert {matcher.ids[bit] for bit in matcher.matches(text)} == plain, text


@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["", "  ", "SSO", "İstanbul SSO rollout", "x" * 1300 + " SSO"],
        ["SSO\x00 rollout", "SSO"],
    ],
)
def test_texts_read_together_read_as_each_alone(extra: list[str]) -> None:
    texts = _texts() + extra
    assert read_many(CATALOG, texts) == [read(CATALOG, text) for text in texts]


def test_constraint_screen_never_hides_a_match() -> None:
    names = [p for r in CATALOG.constraints for p in r.examples.positive + r.examples.negative]
    for sample in SAMPLES:
        names += [m.name for item in parse([sample]).items for m in item.metrics]
    names += ["P99 latency", "Time to recover (MTTR)", "2025 cloud spend", "SLA 99.9%"]
    for rule in CATALOG.constraints:
        pattern = CATALOG.constraint_names[rule.id]
        screen = substrings(pattern.pattern)
        assert screen is not None, rule.id
        for name in names:
            if pattern.search(name):
                assert any(part in fold(name) for part in screen), (rule.id, name)


def test_constraint_screens_of_every_unit_keep_every_fitting_rule() -> None:
    names = [p for r in CATALOG.constraints for p in r.examples.positive + r.examples.negative]
    for sample in SAMPLES:
        names += [m.name for item in parse([sample]).items for m in item.metrics]
    names += ["P99 latency", "Time to recover (MTTR)", "2025 cloud spend", "SLA 99.9%", "costs"]
    for screen in _rules(CATALOG).values():
        for name in names:
            bits = screen.candidates(name)
            for bit, (_, pattern, _) in enumerate(screen.rules):
                if pattern.search(name):
                    assert bits >> bit & 1, (name, pattern.pattern)
