"""Plans for six roadmaps reviewers wrote in a third round (a telehealth Confluence page, a
state agency's numbered plan, an EV-charging company's plain-text roadmap, a marketplace's
team OKRs with a ROAM risk register, and an AI startup's Linear export with its architecture
overview): how they are read, and what the plans must and must not say."""

from __future__ import annotations

import roadsec
import roadsec.api
from roadsec.model.plan import Plan
from roadsec.model.roadmap import Item, Roadmap, Status
from tests.conftest import ROOT

UNSEEN = ROOT / "tests" / "data" / "unseen"


def parsed(*names: str) -> Roadmap:
    return roadsec.api.parse([UNSEEN / name for name in names])


def planned(*names: str) -> Plan:
    return roadsec.analyze([UNSEEN / name for name in names])


def item_at(roadmap: Roadmap, line: int) -> Item:
    return next(i for i in roadmap.items if i.sources[0].line == line)


def cited(plan: Plan) -> set[int]:
    lines = set()
    for entry in (*plan.recommendations, *plan.gaps, *plan.avoid, *plan.considerations):
        lines.update(s.line for s in entry.sources)
    return lines


def test_okr_deadlines_by_month_and_the_risk_register_statuses() -> None:
    roadmap = parsed("marketplace-okrs.md")
    assert item_at(roadmap, 80).period == "2027-Q1"  # "Move CDN … — Feb (0.8)"
    assert item_at(roadmap, 35).period == "2027-Q2"  # "Seller KYC … by June"
    resolved, accepted, unowned = (
        item_at(roadmap, 119),
        item_at(roadmap, 115),
        item_at(roadmap, 120),
    )
    assert resolved.status is Status.DONE and accepted.status is Status.CANCELLED
    assert unowned.owner is None  # "| ??? |"
    availability = item_at(roadmap, 81)  # "Availability 99.95% for checkout (0.6)"
    assert [(m.name, m.target) for m in availability.metrics] == [("Availability", 99.95)]
    plan = planned("marketplace-okrs.md")
    assert 119 not in cited(plan)  # a resolved risk asks nobody for a decision
    assert 117 in cited(plan)  # an owned one with no mitigating work still does


def recommendations_citing(plan: Plan, line: int) -> list[tuple[str, ...]]:
    return [tuple(r.controls) for r in plan.recommendations if line in {s.line for s in r.sources}]


def test_controls_fit_the_change_and_its_audience() -> None:
    plan = planned("marketplace-okrs.md")
    passkeys = recommendations_citing(plan, 20)  # "Passkeys as a login option for buyers"
    assert passkeys and all("customer-sso-hardening" not in c for c in passkeys)
    assert any("customer-account-protection" in c for c in passkeys)
    cdn = recommendations_citing(plan, 80)  # "Move CDN from CloudFront to Fastly"
    assert any("waf-ddos-edge" in c for c in cdn)
    assert all("multi-region-security-parity" not in c for c in cdn)
    # the payout launch carries the payout-fraud risk's controls: one recommendation for both
    payouts = [r for r in plan.recommendations if r.sources[0].line == 43]
    assert len(payouts) == 1 and payouts[0].controls[0] == "payment-integrity-controls"
    assert 117 in {s.line for s in payouts[0].sources}
    fraud_gap = next(g for g in plan.gaps if g.title.startswith("Unmitigated risk: Payout fraud"))
    assert fraud_gap.recommendations == (payouts[0].id,)


def test_firmware_signing_and_a_broker_move_get_their_own_controls() -> None:
    plan = planned("ev-fleet-roadmap.txt")
    signing = recommendations_citing(plan, 36)  # "Firmware image signing - on hold …"
    assert signing and signing[0][0] == "edge-device-security"
    assert "image-signing-provenance" not in signing[0]  # container images are not firmware
    broker = recommendations_citing(plan, 51)  # "Move from self-managed RabbitMQ to Amazon MQ"
    assert broker and broker[0][0] == "streaming-security"
    assert all("service-mesh-mtls" not in c for c in broker)


def test_the_current_state_is_context_and_nothing_is_planned_in_the_past() -> None:
    roadmap = parsed("agency-digital-plan.md")
    assert not [i for i in roadmap.items if 17 <= i.sources[0].line <= 26]  # "Where we are today"
    plan = planned("agency-digital-plan.md")
    assert plan.quarters[0] == "2026-Q3"  # H1 FY2027, not the "calls in FY2025" of today
    pentest = [r for r in plan.recommendations if r.sources[0].line == 68]
    assert [r.controls for r in pentest] == [("vulnerability-management-pentest",)]
    assert not [r for r in plan.recommendations if r.sources[0].line == 64]  # who handles IR


def test_history_and_exclusions_date_nothing() -> None:
    roadmap = parsed("ev-fleet-roadmap.txt")
    signing = item_at(roadmap, 36)  # "… on hold …" / "Was planned for Q4 2026, slipped"
    assert signing.status is Status.DEFERRED and signing.period != "2026-Q4"
    not_this_year = [i for i in roadmap.items if 119 <= i.sources[0].line <= 122]
    assert not_this_year and all(i.period != "2027" for i in not_this_year)  # "NOT IN 2027"


def test_an_objective_with_key_results_opens_no_window_of_its_own() -> None:
    plan = planned("marketplace-okrs.md")
    assert not [r for r in plan.recommendations if r.sources[0].line == 63]


def test_a_linear_export_reads_owners_and_targets_and_done_work_needs_no_owner() -> None:
    roadmap = parsed("ai-startup-roadmap.md")
    agents = item_at(roadmap, 42)  # "### Autonomous agents …" / "Lead: @maria"
    assert (agents.owner, agents.period, agents.status) == ("@maria", "2027-Q2", Status.IN_PROGRESS)
    injection = item_at(roadmap, 98)  # "Status: Backlog" / "Target: 2027-H2 (deferred from Q2)"
    assert (injection.owner, injection.status) == ("@maria", Status.UNSCHEDULED)
    plan = planned("ai-startup-roadmap.md")
    assert not [g for g in plan.gaps if "SOC 2 Type I" in g.title]  # done in 2026
    assert all(
        not r.title.startswith("For “RAG") or "multi-region-security-parity" not in r.controls
        for r in plan.recommendations
    )  # "one index per region" is no region launch


def test_plain_text_sub_bullets_are_children_and_a_fleet_rollout_carries_the_stalled_signing() -> (
    None
):
    roadmap = parsed("ev-fleet-roadmap.txt")
    ota = item_at(roadmap, 32)  # "* OTA v2 rollout … - Mar 2027" / "  o Owner: Jussi K. (Firmware)"
    assert ota.title == "OTA v2 rollout to the full fleet"  # the date leaves the title
    assert ota.owner == "Jussi K. (Firmware)"
    assert item_at(roadmap, 33).parent == ota.id  # "  o Delta updates …"
    shell = item_at(roadmap, 41)  # "* Remote diagnostics …" / "  o Target: by end of May"
    assert shell.period == "2027-Q2"
    plan = planned("ev-fleet-roadmap.txt")
    rollout = next(r for r in plan.recommendations if r.sources[0].line == 32)
    assert rollout.controls[0] == "edge-device-security" and 36 in {s.line for s in rollout.sources}
    remote = next(r for r in plan.recommendations if r.sources[0].line == 41)
    assert "privileged-access-management" in remote.controls


def test_a_confluence_matrix_reads_its_targets_table_and_row_leads() -> None:
    roadmap = parsed("telehealth-confluence.md")
    join = item_at(roadmap, 36)  # "| Video visit join success rate | 96.8% | ≥ 99.0% | …"
    assert [(m.baseline, m.target) for m in join.metrics] == [(96.8, 99.0)]
    releases = item_at(roadmap, 40)  # "| Production releases / week (web + API) | 3 | 15 … |"
    assert [(m.baseline, m.target, m.unit) for m in releases.metrics] == [(3.0, 15.0, "/week")]
    cells = [i for i in roadmap.items if i.sources[0].line == 52 and i.kind != "theme"]
    assert cells and {i.owner for i in cells} == {"Ana Castillo"}  # "(Visits – Ana Castillo)"
    assert all(i.owner is None for i in roadmap.items if i.sources[0].line == 55)  # "Owner TBD"
    plan = planned("telehealth-confluence.md")
    avoid = {a.id: {s.line for s in a.sources} for a in plan.avoid}
    assert avoid["manual-security-gates"] == {40}  # the release target: no per-release sign-off
    assert avoid["inline-inspection-on-hot-path"] == {37}  # "API p95 latency … < 300 ms"


def test_security_deferred_past_the_change_it_protects_is_too_late() -> None:
    plan = planned("ai-startup-roadmap.md")
    late = next(g for g in plan.gaps if "Prompt-injection" in g.title)
    assert late.kind == "late" and late.title.startswith("Too late")
    assert {98, 42, 51} <= {s.line for s in late.sources}  # the defences, agents and RAG launch
    assert "RAG over customer documents" in late.detail and "in 2027-Q2" in late.detail
    assert not [g for g in plan.gaps if g.title.startswith("Stalled: Prompt-injection")]


def test_agents_that_call_customer_tools_get_bounded_tool_use() -> None:
    plan = planned("ai-startup-roadmap.md")
    agents = next(r for r in plan.recommendations if r.sources[0].line == 42)
    assert agents.title.startswith("Bound what the agents in “Autonomous agents")
    assert agents.controls[0] == "agent-tool-authorization" and agents.period == "2027-Q2"


def test_wrapped_plain_text_key_results_keep_their_dates_and_owners() -> None:
    roadmap = parsed("hospital-digital-okrs.txt")  # "OKRs for calendar year 2027", 2028 in passing
    upgrade = item_at(roadmap, 14)  # "KR1.1 Epic upgrade …" / "by end of Q2 …" / "Owner: …"
    assert upgrade.period == "2027-Q2" and upgrade.owner == "EHR Programme Lead (F. Mensah)"
    assert {s.line for s in upgrade.sources} >= {14, 15}
    assert item_at(roadmap, 21).owner is None  # "Owner: TBD (EHR team or Identity? …)"


def test_one_line_records_split_owner_from_status_and_milestones_own_their_workstream() -> None:
    studio = parsed("gaming-studio-now-next-later.md")
    accounts = item_at(studio, 11)  # "Owner: Marco (backend) · Status: 🟡 in progress, …"
    assert (accounts.owner, accounts.status) == ("Marco (backend)", Status.IN_PROGRESS)
    cheat = item_at(studio, 30)  # "Owner: ??? (was Dmitri, he left) · 🔴 stalled"
    assert (cheat.owner, cheat.status) == (None, Status.DEFERRED)
    plan = planned("insurer-it-plan.md")
    assert not [g for g in plan.gaps if g.title == "No owner: Policy Administration Replacement"]
    assert [g.title for g in plan.gaps if g.title.startswith("No owner: Vendor security")]


def test_a_tech_radar_schedules_nothing_in_the_past() -> None:
    radar = parsed("saas-platform-tech-radar.md")
    hold = [i for i in radar.items if 43 <= i.sources[0].line <= 48]
    assert hold and all(i.status is Status.CANCELLED for i in hold)  # "Hold": no new work with it
    retired = [i for i in radar.items if 51 <= i.sources[0].line <= 52]
    assert retired and all(i.status is Status.DONE for i in retired)  # "moved to Okta in 2026"
    plan = planned("saas-platform-quarterly-update.md", "saas-platform-tech-radar.md")
    assert plan.quarters[0] == "2027-Q1"
    assert all(not (r.period or "").startswith("2026") for r in plan.recommendations)


def test_the_security_people_a_roadmap_names_in_passing_are_capacity() -> None:
    hospital = parsed("hospital-digital-okrs.txt")  # "Security: 1.5 FTE, no SOC."
    assert [(c.kind, c.value) for c in hospital.capacity] == [("security_staff", 1.5)]
    studio = parsed(
        "gaming-studio-now-next-later.md"
    )  # "… 'whoever is on call' — no dedicated person"
    assert [(c.kind, c.value) for c in studio.capacity] == [("security_staff", 0.0)]


def test_security_a_change_defers_in_its_own_description_is_too_late_for_it() -> None:
    plan = planned("fintech-lending-roadmap.md")  # "… to Snowflake | … PII masking 'to follow'"
    masking = next(g for g in plan.gaps if g.title == "Too late: PII masking")
    assert masking.kind == "late" and masking.period == "2027-Q2"
    assert 'after "Data warehouse to Snowflake" goes live' in masking.detail
    rec = next(r for r in plan.recommendations if r.id in masking.recommendations)
    assert rec.title == "Do “PII masking” before go-live in 2027-Q2"
    update = planned("saas-platform-quarterly-update.md")  # "encryption of the local store
    local = next(g for g in update.gaps if "local store" in g.title)  # … for a later release"
    assert local.title == "Too late: encryption of the local store"
    recs = [r for r in update.recommendations if r.id in local.recommendations]
    assert recs and "mobile-app-security" in recs[0].controls
