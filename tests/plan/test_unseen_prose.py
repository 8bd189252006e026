"""Roadmaps written as prose or as an outline: a strategy memo whose dated sections are
paragraphs, and a fiscal-year roadmap of numbered items ("2.1 **Title**") with field lines."""

from __future__ import annotations

import roadsec.api
from roadsec.model.roadmap import Item, Roadmap, Status
from roadsec.report import render
from tests.conftest import ROOT
from tests.plan.test_unseen_review import risk_gap
from tests.plan.test_unseen_shapes import plan_of, rec

UNSEEN = ROOT / "tests" / "data" / "unseen"


def read(name: str) -> Roadmap:
    return roadsec.api.parse([UNSEEN / f"{name}.md"])


def at(roadmap: Roadmap, line: int) -> Item:
    return next(i for i in roadmap.items if i.sources[0].line == line)


def test_each_paragraph_of_a_dated_section_is_one_piece_of_work() -> None:
    memo = read("prose-strategy-memo")
    cutover = at(memo, 20)
    assert cutover.period == "2027-Q2" and cutover.owner == "Dana Whitlock"
    assert cutover.status is Status.PLANNED  # "unplanned EHR downtime" states no status
    portal = at(memo, 40)
    assert portal.title.startswith("Launch the new patient portal")
    assert portal.period == "2027-Q3" and portal.owner == "Marcus Oyelaran"
    mfa = at(memo, 45)
    assert mfa.title == "Patient-portal MFA rollout" and mfa.status is Status.DEFERRED
    assert at(memo, 67).title == "A security operations centre"
    assert at(memo, 73).status is Status.UNSCHEDULED  # "None of this is budgeted yet"
    # the introduction and the closing request are no work; a sentence is no heading
    assert not any(i.sources[0].line < 20 or i.sources[0].line > 88 for i in memo.items)


def test_a_risks_paragraph_states_one_risk_per_sentence_on_its_own_line() -> None:
    memo = read("prose-strategy-memo")
    risks = [i for i in memo.items if i.kind.value == "risk"]
    assert [r.sources[0].line for r in risks] == [79, 81, 81, 83, 85]
    assert risks[0].title.startswith("Ransomware during or shortly after the EHR cutover")
    assert risks[2].title.startswith("The patient portal, launched without multi-factor")
    assert all(r.period is None for r in risks)


def test_the_prose_memo_plan_restarts_deferred_security_and_acts_on_its_risks() -> None:
    plan = plan_of("prose-strategy-memo")
    stalled = {g.title for g in plan.gaps if g.kind == "stalled"}
    assert {
        "Stalled: Patient-portal MFA rollout",
        "Stalled: A security operations centre",
    } <= stalled
    assert "backup-dr-security" in risk_gap(plan, "Ransomware").controls
    assert "customer-account-protection" in risk_gap(plan, "without multi-factor").controls
    assert "vendor-risk-management" in risk_gap(plan, "single vendor").controls
    markdown = render(plan, "md")
    assert "| — | — | — | 0 pw |" not in markdown  # no quarter row that says nothing


def test_outline_items_take_their_fields_and_fiscal_quarters_become_calendar_quarters() -> None:
    outline = read("fiscal-outline-items")
    network = at(outline, 16)
    assert network.title == "Plant network refresh"
    assert network.owner == "Plant Engineering (J. Novak)"
    assert network.status is Status.IN_PROGRESS
    assert network.period == "2027-Q1"  # "Q2 FY27", the fiscal year starting 1 October 2026
    assert any(m.name.startswith("line network availability") for m in network.metrics)
    segmentation = at(outline, 57)
    assert segmentation.status is Status.DEFERRED and segmentation.owner is None
    assert not any(i.title.startswith("4.") for i in outline.items)


def test_the_outline_plan_restarts_ot_segmentation_and_sets_terms_for_the_hosted_erp() -> None:
    plan = plan_of("fiscal-outline-items")
    # segmentation deferred to Q1 FY28 while the plant network changes now: pulled forward
    segmentation = rec(plan, "ot-network-segmentation")
    assert segmentation.title.startswith("Pull “Segmentation") and segmentation.period == "2027-Q1"
    assert {57, 16} <= {s.line for s in segmentation.sources}
    late = next(g for g in plan.gaps if g.title.startswith("Too late: Segmentation"))
    assert late.recommendations == (segmentation.id,) and late.owner_needed
    vendor = [r for r in plan.recommendations if "vendor-risk-management" in r.controls]
    erp = next(r for r in vendor if "ERP migration" in r.title)
    assert erp.period == "2027-Q2"
    # the vendor that has not answered the questionnaire is reviewed now, not with the ERP
    assert any(r.kind == "mitigate" and r.period == "2027-Q1" for r in vendor)
    assert plan.quarters[0] == "2027-Q1"  # not 2025, the year of a competitor's incident
