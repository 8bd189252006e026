"""Security work named after the change it protects ("Pod security admission on the AKS
cluster") is late when it lands after that change; targets that only measure what exists open
no window; a plain-text plan with topic lines under half-year lines keeps its items."""

from __future__ import annotations

from pathlib import Path

import pytest

import roadsec
from roadsec.analysis.matching import read
from roadsec.knowledge import load_catalog
from roadsec.model.roadmap import Item, ItemKind, Metric, SourceRef, Status
from tests.plan.test_unseen_review import plan_of_file


def test_a_plain_text_topic_under_a_half_year_line_keeps_its_items_and_period() -> None:
    plan = plan_of_file("platform-halves.txt")
    by_line = {item.sources[0].line: item for item in plan.items}
    assert by_line[16].title == "Replace Jenkins with GitLab CI for all 22 repositories"
    assert by_line[16].period == "2027-H1" and by_line[16].owner == "Priya"
    assert by_line[21].period == "2027-H1"  # under CONTAINER PLATFORM, under FIRST HALF 2027
    assert by_line[28].period == "2027-H2" and by_line[32].period == "2027-Q4"
    assert by_line[37].title == "Terraform for the Azure subscriptions"  # "(done)" is status
    assert by_line[37].status is Status.DONE
    # RISKS after NOT DOING IN 2027 is a section of its own, not more declined work
    assert by_line[47].kind is ItemKind.RISK and by_line[47].status is Status.UNKNOWN
    assert by_line[7].kind is ItemKind.METRIC  # "WHAT WE ARE MEASURED ON"
    assert 13 not in by_line and 25 not in by_line  # "FIRST HALF 2027" only dates what follows


def test_hardening_named_after_the_platform_it_protects_is_late_for_that_platform() -> None:
    plan = plan_of_file("platform-halves.txt")
    late = {g.title: g for g in plan.gaps if g.kind == "late"}
    assert list(late) == [
        "Too late: Pod security admission in enforce mode on the AKS cluster (2027-Q4)"
    ]
    gap = next(iter(late.values()))
    assert gap.period == "2027-Q1" and {s.line for s in gap.sources} == {32, 21}
    pulled = next(r for r in plan.recommendations if r.id in gap.recommendations)
    assert pulled.period == "2027-Q1" and "k8s-admission-policy" in pulled.controls
    # the WAF protects a website no item changes: planned work, not late
    assert not any("Web application firewall" in g.title for g in plan.gaps)


def test_measures_and_internal_dashboards_open_no_window() -> None:
    plan = plan_of_file("platform-halves.txt")
    changed = {w.title for w in plan.windows}
    assert "99.9% availability of the booking website" not in changed
    assert "Reporting dashboards for the finance team" not in changed
    assert not any("web-app-security-baseline" in r.controls for r in plan.recommendations)
    assert {"kubernetes-migration", "ci-cd-automation", "data-platform"} <= {
        w.change_type for w in plan.windows
    }


@pytest.mark.parametrize(
    ("text", "protects"),
    [
        ("Pod security admission in enforce mode on the AKS cluster", {"kubernetes-migration"}),
        ("Enterprise SSO integration", set()),  # the identity change itself
        ("Migrate to EKS with default-deny network policies", set()),  # the change leads
        ("Partner API rate limiting and abuse detection", {"partner-integrations"}),  # a modifier
        ("Mobile app certificate pinning", {"mobile-app"}),
        ("SSO (SAML/OIDC) for enterprise tenants", set()),
    ],
)
def test_a_reading_knows_which_change_its_security_work_is_for(
    text: str, protects: set[str]
) -> None:
    assert set(read(load_catalog(), text).protects) == protects


def _goal(title: str, kind: ItemKind = ItemKind.OBJECTIVE) -> Item:
    metric = Metric(name=title, target=1.0, raw=title)
    return Item(id="x", kind=kind, title=title, text=title, period=None, status=Status.PLANNED,
                metrics=(metric,), sources=(SourceRef(document="r.md", line=1),))  # fmt: skip


@pytest.mark.parametrize(
    ("title", "measures"),
    [
        ("99.95% availability of the customer-facing app", True),
        ("Change failure rate below 10%", True),
        ("Matchmaking time p90 under 45s in all regions", True),
        ("API response time reduced from 300ms to under 180ms", True),
        ("New GKE region asia-southeast1 with < 60 ms RTT for 90% of players", False),
        ("150 enterprise tenants on SSO by end of Q2", False),
        ("Uptime monitoring for all services", False),
    ],
)
def test_a_goal_led_by_a_measure_only_measures(title: str, measures: bool) -> None:
    assert _goal(title).only_measures is measures
    assert _goal(title, ItemKind.INITIATIVE).only_measures is False  # work, whatever it says


PAYMENTS_TABLE = """\
# Payments platform roadmap 2026

## Targets
- Authorisation API: p99 < 250 ms end to end
- Checkout availability 99.95%

## Initiatives

| Initiative | Quarter | Owner | Status |
| --- | --- | --- | --- |
| Merchant REST API v3 with self-serve onboarding | Q1 2026 | Dana | In progress |
| API gateway rate limiting + mTLS for v3 | Q3 2026 | TBD | Planned |
| Tabletop exercise on the new ledger | Q4 2026 | CISO | Planned |
| Ledger migration to a new database | Q2 2026 | Ledger team | Planned |
"""


def test_security_work_for_a_named_change_is_late_once_and_targets_need_no_owner(
    tmp_path: Path,
) -> None:
    path = tmp_path / "payments.md"
    path.write_text(PAYMENTS_TABLE, "utf-8")
    plan = roadsec.analyze([path])
    titles = [g.title for g in plan.gaps]
    late = next(g for g in plan.gaps if g.title.startswith("Too late: API gateway rate limiting"))
    assert late.period == "2026-Q1" and {s.line for s in late.sources} == {12, 11}
    assert late.owner_needed  # one gap says both: too late, and nobody owns it
    assert not any(t.startswith("No owner: API gateway") for t in titles)
    assert not any("Authorisation API" in t for t in titles)  # a target is no ownerless work
    assert not any("Tabletop" in t for t in titles)  # an exercise on what exists is not late


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("- Security gets 10% of engineering capacity, as agreed with the board", "budget_share", 10),
        ("- 15% of each sprint goes to security", "budget_share", 15),
        ("A budget of $38M, of which $2.1M (about 5.5%) is ring-fenced for security.",
         "budget_amount", 2_100_000),
    ],
)  # fmt: skip
def test_a_security_budget_said_in_passing_is_capacity_not_work(
    tmp_path: Path, line: str, kind: str, value: float
) -> None:
    path = tmp_path / "r.md"
    path.write_text(f"# Plan 2026\n\n## Q1 2026\n- Migrate billing to Kubernetes\n\n{line}\n")
    plan = roadsec.analyze([path])
    assert [(c.kind, c.value, c.sources[0].line) for c in plan.capacity] == [(kind, value, 6)]
    assert [i.title for i in plan.items] == ["Migrate billing to Kubernetes"]
    capacity = next(c for c in plan.considerations if c.title == "Capacity and effort")
    assert "states no security budget" not in capacity.text


def test_a_security_target_with_a_percentage_is_no_budget(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("# Plan 2026\n\n## Q1 2026\n- Cut security alert noise by 30% of the budget\n")
    assert roadsec.analyze([path]).capacity == ()
