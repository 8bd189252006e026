"""The plans for the bundled examples: invariants every plan keeps, and what a security
architect would say about each example (which recommendations, when, citing which lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import roadsec
from roadsec.model.plan import Plan
from tests.conftest import SAMPLES, example

BITSHIPPER = [example("bitshipper-engineering"), example("bitshipper-technology")]
PLANS = [[p] for p in SAMPLES] + [BITSHIPPER]


def plan_of(paths: list[Path]) -> Plan:
    return roadsec.analyze(
        [str(p.relative_to(Path.cwd())) if p.is_relative_to(Path.cwd()) else str(p) for p in paths]
    )


def lines_of(path: str) -> list[str]:
    return Path(path).read_text("utf-8").splitlines()


def by_title(plan: Plan, words: str) -> list[object]:
    return [r for r in plan.recommendations if words in r.title]


@pytest.mark.parametrize("paths", PLANS, ids=lambda ps: "+".join(p.stem[:20] for p in ps))
def test_every_statement_cites_real_lines(paths: list[Path]) -> None:
    plan = plan_of(paths)
    cache: dict[str, list[str]] = {}
    entries = [*plan.recommendations, *plan.gaps, *plan.avoid, *plan.considerations]
    assert entries
    for entry in entries:
        assert 1 <= len(entry.sources) <= 6, entry
        for ref in entry.sources:
            lines = cache.setdefault(ref.document, lines_of(ref.document))
            assert 1 <= ref.line <= len(lines)
            assert lines[ref.line - 1].strip(), (entry, ref)  # never a blank line


@pytest.mark.parametrize("paths", PLANS, ids=lambda ps: "+".join(p.stem[:20] for p in ps))
def test_plan_shape(paths: list[Path]) -> None:
    plan = plan_of(paths)
    recs = plan.recommendations
    assert len(recs) <= 30
    assert [r.id for r in recs] == [f"R{i:02d}" for i in range(1, len(recs) + 1)]
    assert len({r.title for r in recs}) == len(recs)
    controls = [c for r in recs for c in r.controls]
    assert len(controls) == len(set(controls)), "a control is recommended twice"
    assert 5 <= len(plan.considerations) <= 10
    for rec in recs:
        assert rec.frameworks["nist-csf-2.0"] or rec.frameworks["nist-ssdf-1.1"]
        parts = rec.score
        assert parts.total == pytest.approx(
            parts.risk + parts.window + parts.exposure + parts.gap + parts.constraint + parts.effort
        )
    for gap in plan.gaps:
        for rec_id in gap.recommendations:
            assert rec_id in {r.id for r in recs}


@pytest.mark.parametrize("paths", PLANS, ids=lambda ps: "+".join(p.stem[:20] for p in ps))
def test_two_runs_are_byte_identical(paths: list[Path]) -> None:
    first = json.dumps(plan_of(paths).to_dict(), sort_keys=False)
    second = json.dumps(plan_of(paths).to_dict(), sort_keys=False)
    assert first == second


def test_quarterly_table_roadmap() -> None:
    plan = plan_of([example("scds")])
    doc = plan.documents[0].path
    # API security lands in Q2 after the Q1 cluster and ML server: pulled forward, citing both.
    (pull,) = [r for r in plan.recommendations if r.kind == "pull-forward"]
    assert pull.period == "Q1" and "api-authn-authz" in pull.controls
    assert {s.line for s in pull.sources} >= {22, 11, 12}
    (late,) = [g for g in plan.gaps if g.kind == "late"]
    assert late.recommendations == (pull.id,) and late.period == "Q1"
    # Cluster guardrails ride the Q1 Kubernetes deployment; Helm hardening is a quick win there.
    (cluster,) = by_title(plan, "cluster guardrails")
    assert cluster.period == "Q1" and "k8s-network-policy" in cluster.controls
    assert 12 in {s.line for s in cluster.sources}
    assert any(r.quick_win and "helm-chart-hardening" in r.controls for r in plan.recommendations)
    # Centralized logging is the window for detections; the Q2 queue gets TLS and credentials.
    (logging,) = by_title(plan, "Centralized Logging")
    assert logging.period == "Q1" and "security-logging-detection" in logging.controls
    (queue,) = [r for r in plan.recommendations if "streaming-security" in r.controls]
    assert queue.period == "Q2" and 21 in {s.line for s in queue.sources}
    (ml,) = [r for r in plan.recommendations if "ml-pipeline-provenance" in r.controls]
    assert {11, 31} <= {s.line for s in ml.sources}
    (dr,) = [r for r in plan.recommendations if "backup-dr-security" in r.controls]
    assert dr.period == "Q4" and dr.sources[0].line == 42
    # Avoid: blocking controls in one go against "Service Availability > 99.9%" (line 12).
    big_bang = next(a for a in plan.avoid if a.id == "big-bang-enforcement")
    assert big_bang.sources[0].line == 12 and "99.9%" in big_bang.detail
    assert doc.endswith("scds-quarterly-roadmap.md")


def test_okr_roadmap_with_technology_overview() -> None:
    plan = plan_of(BITSHIPPER)
    assert plan.organization == "BitShipper AI"
    assert len(plan.documents) == 2
    # The two stalled access-control items restart together, with a first step and an owner.
    restart = next(r for r in plan.recommendations if "rbac-authorization-model" in r.controls)
    assert restart.kind == "restart" and restart.period == "2025-Q1"
    assert {87, 89} <= {s.line for s in restart.sources}
    assert restart.first_step and restart.owner
    stalled = {g.sources[0].line: g for g in plan.gaps if g.kind == "stalled"}
    assert set(stalled) >= {87, 88, 89}
    assert all(g.owner_needed for g in stalled.values())
    # The stack from the overview, the timeline from the roadmap.
    baseline = next(r for r in plan.recommendations if r.kind == "baseline" and "AWS" in r.title)
    assert baseline.sources[0].document.endswith("technology-overview-2025.md")
    cluster = next(r for r in plan.recommendations if "k8s-admission-policy" in r.controls)
    assert cluster.period == "2025-Q1" and 9 in {s.line for s in cluster.sources}
    latency = next(a for a in plan.avoid if a.id == "inline-inspection-on-hot-path")
    assert latency.sources[0].line == 59 and "180ms" in latency.detail
    integration = next(
        r for r in plan.recommendations if "third-party-integration-security" in r.controls
    )
    assert integration.period == "2025-Q3" and 53 in {s.line for s in integration.sources}


def test_team_roadmap() -> None:
    plan = plan_of([example("backend")])
    gateway = next(r for r in plan.recommendations if "api-authn-authz" in r.controls)
    assert gateway.period == "2025-Q1" and gateway.sources[0].line == 7
    onboarding = next(r for r in plan.recommendations if "secure-sdlc-training" in r.controls)
    assert onboarding.sources[0].line == 14
    eventing = next(r for r in plan.recommendations if "service-mesh-mtls" in r.controls)
    assert eventing.period == "2025-Q3" and eventing.sources[0].line == 47
    assert {a.id for a in plan.avoid} >= {"inline-inspection-on-hot-path", "big-bang-enforcement",
                                          "manual-security-gates"}  # fmt: skip


def test_product_roadmap() -> None:
    plan = plan_of([example("data-platform")])
    tenant = next(r for r in plan.recommendations if "tenant-isolation-controls" in r.controls)
    assert tenant.period == "2025-Q1" and tenant.sources[0].line == 25
    sso = next(r for r in plan.recommendations if "customer-sso-hardening" in r.controls)
    assert sso.period == "2025-Q2" and sso.sources[0].line == 102
    capacity = next(c for c in plan.considerations if c.title == "Capacity and effort")
    assert "10%" in capacity.text and 249 in {s.line for s in capacity.sources}
    late = {g.title: g for g in plan.gaps if g.kind == "late"}
    ddos = late["Too late: Enhanced DDoS protection (2025-Q3)"]
    assert ddos.sources[0].line == 181 and ddos.period == "2025-Q1"
    # Q2 data governance ("Automated PII detection") protects Q1's streaming data
    pii = late["Too late: Automated PII detection (2025-Q2)"]
    assert pii.period == "2025-Q1" and {s.line for s in pii.sources} >= {117}
    assert len(plan.recommendations) <= 30


def test_undated_roadmap_still_gets_build_in_recommendations(tmp_path: Path) -> None:
    path = tmp_path / "undated.md"
    path.write_text(
        "# Platform Roadmap\n\n## Initiatives\n- Migrate all services to Kubernetes\n"
        "- Centralized logging with OpenTelemetry\n\n## Goals\n- 99.95% availability\n"
    )
    plan = roadsec.analyze([path])
    cluster = next(r for r in plan.recommendations if "k8s-admission-policy" in r.controls)
    assert cluster.period is None and cluster.sources[0].line == 4
    assert any("security-logging-detection" in r.controls for r in plan.recommendations)
    assert any(a.id == "big-bang-enforcement" for a in plan.avoid)
