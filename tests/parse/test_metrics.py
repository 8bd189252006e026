from __future__ import annotations

import pytest

from roadsec.parse.metrics import extract_metrics

# text, metric context, (name, baseline, comparator, target, unit, direction, relative)
CASES = [
    ("API response time reduced from 300ms to under 180ms (September 2025).", False,
     ("API response time", 300.0, "<", 180.0, "ms", "decrease", False)),
    ("System uptime: 99.9% → 99.99%", True, ("System uptime", 99.9, ">=", 99.99, "%", "increase", False)),
    ("API response time: <200ms average", True, ("API response time", None, "<", 200.0, "ms", None, False)),
    ("Reduce system latency by 40%", False, ("system latency", None, None, 40.0, "%", "decrease", True)),
    ("Code coverage: >85%", True, ("Code coverage", None, ">", 85.0, "%", None, False)),
    ("Model Rollback Time < 15 mins", True, ("Model Rollback Time", None, "<", 15.0, "min", None, False)),
    ("< 100ms tenant switching", True, ("tenant switching", None, "<", 100.0, "ms", None, False)),
    ("Automated test coverage increased from 50% to 80% (June 2025).", False,
     ("Automated test coverage", 50.0, ">=", 80.0, "%", "increase", False)),
    ("Reduce software release cycle from monthly to three weeks.", False,
     ("software release cycle", 30.0, "<=", 21.0, "days", "decrease", False)),
    ("Deployment frequency: Daily", True, ("Deployment frequency", None, "<=", 1.0, "days", None, False)),
    ("Achieve annual uptime of 99.95% for all core customer services.", False,
     ("annual uptime", None, ">=", 99.95, "%", None, False)),
    ("4.5+ app store rating", True, ("app store rating", None, ">=", 4.5, None, None, False)),
    ("Revenue: $50M ARR", True, ("Revenue", None, None, 50_000_000.0, "$", None, False)),
    ("Expansion of automated tests to cover 80% of codebase by Q2 2025.", False,
     ("coverage of codebase", None, ">=", 80.0, "%", None, False)),
    ("Double current infrastructure capacity.", False,
     ("current infrastructure capacity", None, None, 2.0, "x", "increase", True)),
    ("Support 1000+ isolated tenants", False, ("isolated tenants", None, ">=", 1000.0, None, None, False)),
    # a measure named first, its value after
    ("Availability 99.95% for checkout (0.6)", False, ("Availability", None, None, 99.95, "%", None, False)),
    ("Cloud cost per order down 20% (0.5)", False,
     ("Cloud cost per order", None, None, 20.0, "%", "decrease", True)),
    ("Charger uptime 99.5%", False, ("Charger uptime", None, None, 99.5, "%", None, False)),
    ("Deploy to production 20 times a day (today: 4)", False,
     ("deployment frequency", None, ">=", 20.0, "/day", "increase", False)),
    ("KR1: deploy to production 10x per day per service", False,
     ("deployment frequency", None, ">=", 10.0, "/day", "increase", False)),
    ("Sub-100ms latency worldwide", False, ("latency worldwide", None, "<", 100.0, "ms", None, False)),
    ("Quarterly releases move to bi-weekly releases", False,
     ("release cadence", 91.0, "<=", 14.0, "days", "decrease", False)),
    ("Optimize database queries (50% faster)", False,
     ("Optimize database queries", None, None, 50.0, "%", "increase", True)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "context", "expected"), CASES)
def test_metric_extraction(text: str, context: bool, expected: tuple[object, ...]) -> None:
    metrics = extract_metrics(text, metric_context=context)
    assert metrics, text
    m = metrics[0]
    assert (m.name, m.baseline, m.comparator, m.target, m.unit, m.direction, m.relative) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Onboard 2 new senior engineers",
        "Upgrade to PostgreSQL 15",
        "Migrate legacy services to TypeScript",
        "Migrate 80% of services to EKS",
    ],
)
def test_no_metric_in_plain_work(text: str) -> None:
    assert extract_metrics(text) == []


def test_qualitative_kpi_kept_in_metric_context() -> None:
    (metric,) = extract_metrics(
        "Incident response plan is documented and tested", metric_context=True
    )
    assert metric.name == "Incident response plan is documented and tested"
    assert metric.target is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Release to production at least twice a week", 3.5),
        ("release every week", 7.0),
        ("deploy several times a day", 1.0),
        ("release every sprint", 14.0),
        ("ship a release every quarter", 91.0),
    ],
)
def test_release_cadence_phrasings(text: str, target: float) -> None:
    (metric,) = extract_metrics(text, metric_context=True)
    assert (metric.target, metric.unit, metric.comparator) == (target, "days", "<=")
