"""Plans for roadmaps a reviewer wrote to break roadsec (an annual CTO plan, a monthly game
roadmap with checkboxes, a public-service Now/Next/Later page, a SaaS initiative table): what
the stated risks, declined work and incidental years must and must not do."""

from __future__ import annotations

import roadsec
import roadsec.api
from roadsec.model.plan import Plan, PlanGap
from roadsec.model.roadmap import Status
from tests.conftest import ROOT
from tests.plan.test_unseen_shapes import plan_of, rec


class _Risk:
    def __init__(self, plan: Plan, gap: PlanGap) -> None:
        self.gap = gap
        recs = [r for r in plan.recommendations if r.id in gap.recommendations]
        self.controls = {c for r in recs for c in r.controls}
        self.period = gap.period


def plan_of_file(name: str) -> Plan:
    return roadsec.analyze([ROOT / "tests" / "data" / "unseen" / name])


def risk_gap(plan: Plan, words: str) -> _Risk:
    """The stated-risk gap whose title holds ``words``, with the controls of its recommendation."""
    gap = next(g for g in plan.gaps if g.kind == "risk" and words in g.title)
    return _Risk(plan, gap)


def test_stated_risks_in_prose_become_gaps_with_the_controls_that_reduce_them() -> None:
    plan = plan_of("cto-annual-plan")
    assert "privileged-access-management" in risk_gap(plan, "redirect payouts").controls
    assert "data-access-governance" in risk_gap(plan, "raw carrier PII").controls
    assert "ci-pipeline-hardening" in risk_gap(plan, "Self-hosted runners").controls
    assert all(g.period == "2027-Q1" for g in plan.gaps if g.kind == "risk")


def test_a_known_problems_section_is_read_as_risks() -> None:
    plan = plan_of("game-monthly-checklist")
    assert "central-identity-sso-mfa" in risk_gap(plan, "share one admin login").controls
    assert "waf-ddos-edge" in risk_gap(plan, "bot farm").controls
    # a past observation ("in Q4 2026 had receipts we never validated") does not start the plan
    assert plan.quarters[0] == "2027-Q1"


def test_a_trailing_team_name_is_no_status_and_parked_work_is_stalled() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/game-monthly-checklist.md"])
    by_line = {i.sources[0].line: i for i in roadmap.items}
    assert by_line[28].status is not Status.DONE  # "... ($25k) — live-ops"
    assert by_line[54].status is Status.DEFERRED  # "2FA for player accounts — parked, ..."
    assert by_line[54].title == "Two-factor auth for player accounts"


def test_a_year_in_a_regulation_name_or_a_risk_does_not_date_the_plan() -> None:
    plan = plan_of("public-service-now-next")
    assert plan.quarters and not any(q.startswith("2018") for q in plan.quarters)
    pentest = next(g for g in plan.gaps if "Penetration test" in g.title)
    assert pentest.title.startswith("Stalled") and pentest.owner_needed  # "to be scheduled"
    assert "file-upload-security" in risk_gap(plan, "malware").controls
    assert "rbac-authorization-model" in risk_gap(plan, "broad access").controls


def test_declined_work_is_read_and_a_declined_feature_is_no_security_gap() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/now-next-headings.md"])
    declined = next(i for i in roadmap.items if i.title == "Blockchain audit trail")
    assert declined.status is Status.CANCELLED
    plan = plan_of("now-next-headings")
    assert not any("Blockchain" in g.title for g in plan.gaps)


def test_enterprise_sso_gets_customer_sso_and_key_results_are_no_ownerless_work() -> None:
    plan = plan_of("saas-initiative-table")
    sso = rec(plan, "customer-sso-hardening")
    assert "SSO (SAML/OIDC) for enterprise tenants" in sso.title
    assert not any(g.title.startswith("Too late") and "SSO" in g.detail for g in plan.gaps)
    assert not any(g.kind == "ownerless" and "deals" in g.title for g in plan.gaps)
    assert not any("headcount" in g.title for g in plan.gaps)  # a note, not work
    assert not any(r.title.startswith("Restart “Desktop app") for r in plan.recommendations)


def test_declined_security_work_is_named_once_and_not_reopened() -> None:
    plan = plan_of("cto-annual-plan")
    note = next(c for c in plan.considerations if c.title.startswith("Security work the roadmap"))
    assert "“Bug bounty programme”" in note.text and {s.line for s in note.sources} >= {87, 92}
    assert not any(g.kind == "stalled" and "Threat modelling" in g.title for g in plan.gaps)


def test_a_capacity_split_gives_security_its_share_in_person_weeks() -> None:
    plan = plan_of("cto-annual-plan")
    note = next(c for c in plan.considerations if c.title == "Capacity and effort")
    assert note.text.startswith("The roadmap gives security 10% of the budget.")
    assert "10% of 118 engineers is about 12 people, roughly 142 person-weeks" in note.text
    assert 16 in {s.line for s in note.sources}


def test_security_work_that_names_a_change_and_lands_after_it_is_late() -> None:
    saas = plan_of("saas-initiative-table")
    pentest = next(g for g in saas.gaps if g.kind == "late" and "Penetration test" in g.title)
    assert pentest.period == "2027-Q2" and {s.line for s in pentest.sources} >= {31, 13}
    service = plan_of("public-service-now-next")
    dpia = next(g for g in service.gaps if g.kind == "late" and "DPIA" in g.title)
    assert "goes live" in dpia.detail and "before go-live" in dpia.detail
    assert any(r.title.startswith("Do “DPIA refresh for the data-sharing API” before go-live")
               for r in service.recommendations)  # fmt: skip


def test_a_trailing_team_handle_is_the_owner() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/game-monthly-checklist.md"])
    linking = next(i for i in roadmap.items if i.title.startswith("Account linking"))
    assert linking.owner == "@accounts" and not linking.title.endswith("@accounts")


def test_payouts_and_payment_files_guard_money_movement_not_card_data() -> None:
    service = plan_of("public-service-now-next")
    batch = rec(service, "payment-integrity-controls")
    assert "batch payments file" in batch.title
    assert not any("payment-data-protection" in r.controls for r in service.recommendations)
    cto = plan_of("cto-annual-plan")
    assert "payment-integrity-controls" in risk_gap(cto, "redirect payouts").controls
    assert not any(r.title.startswith("Keep card data out of scope") for r in cto.recommendations)


def test_objective_headings_are_items_with_their_owner_lines() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/cto-annual-plan.md"])
    objective = next(i for i in roadmap.items if i.sources[0].line == 22)
    assert objective.kind.value == "objective"
    assert objective.title == "Carriers get paid within 24 hours"
    assert objective.owner == "Payments group (lead: Marek Zielinski)"
    payouts = next(i for i in roadmap.items if i.title.startswith("Launch instant payouts"))
    assert payouts.parent == objective.id and payouts.period == "2027-Q2"


def test_a_latency_target_is_a_constraint_not_a_change_to_secure() -> None:
    plan = plan_of("cto-annual-plan")
    assert not any("p99 API latency" in w.title for w in plan.windows)
    assert not any("p99 API latency" in r.title for r in plan.recommendations)
    assert "unscheduled" not in plan.quarters


def test_a_tab_indented_plain_text_roadmap_is_read_line_by_line() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/plain-text-indented.txt"])
    by_line = {i.sources[0].line: i for i in roadmap.items}
    assert by_line[35].period == "2027-Q1" and by_line[35].owner == "Store Systems"
    assert by_line[37].status is Status.DEFERRED  # "carried over from FY26, not started"
    assert by_line[65].status is Status.CANCELLED  # under "THINGS WE ARE NOT DOING THIS YEAR"
    assert by_line[74].kind.value == "risk"  # under "RISKS"
    assert not any(i.title.isupper() for i in roadmap.items)  # section titles are no work


def test_the_indented_plan_answers_its_risks_and_dates_the_mobile_app_by_its_beta() -> None:
    plan = plan_of_file("plain-text-indented.txt")
    assert "web-app-security-baseline" in risk_gap(plan, "Card skimming").controls
    assert "customer-account-protection" in risk_gap(plan, "Credential stuffing").controls
    assert rec(plan, "mobile-app-security").period == "2027-Q2"  # the beta, not "FY27 priorities"
    controls = [c for r in plan.recommendations for c in r.controls]
    assert len(controls) == len(set(controls))  # each control recommended once


def test_quarter_matrix_cells_are_items_of_their_quarter_under_the_workstream() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/quarter-matrix.md"])
    row = next(i for i in roadmap.items if i.title == "Recommendation ML")
    assert row.kind.value == "theme" and row.period is None
    assistant = next(i for i in roadmap.items if i.title.startswith("Foundation-model"))
    assert assistant.period == "2027-Q3" and assistant.parent == row.id
    vault = next(i for i in roadmap.items if i.title.startswith("Secrets move from env vars"))
    assert vault.period == "2027-Q2"
    plan = plan_of("quarter-matrix")
    assert rec(plan, "llm-application-guardrails").period == "2027-Q3"
    vault_rec = rec(plan, "secrets-management")  # the EKS move needs it a quarter earlier
    assert vault_rec.title == "Pull “Secrets move from env vars to Vault” forward into 2027-Q1"
    assert not any(r.title.endswith("“Streaming platform”") for r in plan.recommendations)
    assert not any("depends on" in r.title for r in plan.recommendations)  # a dependency note


def test_backlog_tags_give_owner_estimate_and_period_and_leave_the_title() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/nested-backlog-tags.md"])
    by_line = {i.sources[0].line: i for i in roadmap.items}
    epic = by_line[7]  # "- Epic: Self-serve carrier onboarding [Q1] (P1) @raj"
    assert (epic.title, epic.owner, epic.period) == (
        "Self-serve carrier onboarding",
        "@raj",
        "2027-Q1",
    )
    story = by_line[8]  # "  - Story: Upload MC/DOT authority and insurance certificate ~3w"
    assert story.period == "2027-Q1" and story.parent == epic.id
    assert story.effort is not None and (story.effort.value, story.effort.unit) == (3.0, "weeks")
    assert story.title == "Upload MC/DOT authority and insurance certificate"
    assert by_line[12].period == "2027-Q2"  # its own "[Q2]" wins over the epic's quarter
    assert by_line[15].status is Status.DEFERRED  # "— blocked on provider contract"


def test_a_past_year_named_as_an_event_dates_nothing() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/nested-backlog-tags.md"])
    plan = plan_of("nested-backlog-tags")
    assert all(not q.startswith("2026") for q in plan.quarters)
    assert roadmap.items and plan.quarters[0] == "2027-Q1"


def test_workforce_sso_customer_sso_and_customer_logins_get_their_own_controls() -> None:
    monthly = plan_of("monthly")
    assert "magic links" in rec(monthly, "customer-account-protection").title
    assert not any("central-identity-sso-mfa" in r.controls and "magic" in r.title
                   for r in monthly.recommendations)  # fmt: skip
    cto = plan_of("cto-annual-plan")
    workforce = rec(cto, "central-identity-sso-mfa")
    assert "SSO with Okta for every internal tool" in workforce.title
    assert not any("customer-sso-hardening" in r.controls and "OAuth client" in r.title
                   for r in cto.recommendations)  # fmt: skip
    saas = plan_of("saas-initiative-table")
    customer = rec(saas, "customer-sso-hardening")
    assert "enterprise tenants" in customer.title
    assert "central-identity-sso-mfa" not in customer.controls


def test_known_issues_of_a_release_train_become_risk_gaps_with_fitting_controls() -> None:
    plan = plan_of("release-train")
    assert "rbac-authorization-model" in risk_gap(plan, "default").controls
    assert "llm-application-guardrails" in risk_gap(plan, "verbatim").controls
    assert "vendor-risk-management" in risk_gap(plan, "BAA").controls
    assert "file-upload-security" in risk_gap(plan, "validate file type").controls


def test_a_security_teams_own_roadmap_reads_its_budget_and_field_sentences() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/security-team-roadmap.md"])
    tooling = next(c for c in roadmap.capacity if c.kind == "budget_amount")
    assert (tooling.label, tooling.value, tooling.unit) == ("Tooling budget", 1_150_000.0, "$")
    pam = next(i for i in roadmap.items if i.title.startswith("Privileged access management"))
    assert (
        pam.title == "Privileged access management (CyberArk or Teleport) for Linux servers and RDS"
    )
    assert pam.status is Status.UNSCHEDULED and pam.owner is None  # "Owner: TBD. Status: Proposed."
    plan = plan_of("security-team-roadmap")
    note = next(c for c in plan.considerations if c.title == "Capacity and effort")
    assert note.text.startswith("The roadmap budgets $1.15M for tooling.")
    assert not any(w.title == "SIEM migration" and w.change_type == "identity-change"
                   for w in plan.windows)  # fmt: skip


def test_a_security_risk_no_pattern_names_takes_the_lead_control_of_its_change() -> None:
    plan = plan_of("security-team-roadmap")
    assert "third-party-integration-security" in risk_gap(plan, "Third-party carriers").controls
    service = plan_of("fiscal-outline-items")  # "If the ERP cutover slips ... 2% a year"
    assert not any(g.kind == "risk" and "cutover slips" in g.title for g in service.gaps)


def test_plain_text_budget_lines_and_declined_training_are_read() -> None:
    roadmap = roadsec.api.parse([ROOT / "tests/data/unseen/plain-text-indented.txt"])
    amounts = {c.label: c.value for c in roadmap.capacity if c.kind == "budget_amount"}
    assert amounts["Security tooling"] == 250_000.0
    assert [c.value for c in roadmap.capacity if c.kind == "headcount"] == [47.0]
    plan = plan_of_file("plain-text-indented.txt")
    note = next(c for c in plan.considerations if c.title == "Security work the roadmap declines")
    assert "Security awareness training" in note.text
