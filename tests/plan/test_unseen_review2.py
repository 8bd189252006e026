"""Plans for four roadmaps a reviewer wrote to break roadsec (a retail replatform by fiscal
horizons, a medical-device memo sent as plain-text mail, a bank's three-year strategy with a
scorecard table, a startup's team OKRs with a status legend and a look-back section): how
they are read, and what the plans must and must not say."""

from __future__ import annotations

import roadsec
import roadsec.api
from roadsec.model.plan import Plan
from roadsec.model.roadmap import Item, ItemKind, Roadmap, Status
from tests.conftest import ROOT

UNSEEN = ROOT / "tests" / "data" / "unseen"


def parsed(name: str) -> Roadmap:
    return roadsec.api.parse([UNSEEN / name])


def planned(name: str) -> Plan:
    return roadsec.analyze([UNSEEN / name])


def item_at(roadmap: Roadmap, line: int) -> Item:
    return next(i for i in roadmap.items if i.sources[0].line == line)


def avoid_lines(plan: Plan) -> dict[str, set[int]]:
    return {a.id: {s.line for s in a.sources} for a in plan.avoid}


def test_team_okrs_with_a_look_back_section_stay_in_their_quarter() -> None:
    roadmap = parsed("devtools-okrs.md")
    cutover = item_at(roadmap, 21)
    assert cutover.title == "Cutover read path for 100% of traffic by Mar 20"
    assert (cutover.period, cutover.owner) == ("2027-Q1", "MR")
    assert item_at(roadmap, 15).status is Status.IN_PROGRESS  # the legend: ✅ on track
    isolation = item_at(roadmap, 75)
    assert isolation.status is Status.CANCELLED
    assert isolation.status_reason == "dropped to make room for GKE migration"
    assert not [i for i in roadmap.items if i.sources[0].line >= 95]  # the retro looks back
    assert planned("devtools-okrs.md").quarters[0] == "2027-Q1"


def test_a_three_year_plan_starts_where_it_starts_and_reads_its_scorecard() -> None:
    roadmap = parsed("bank-3year-plan.md")
    restore = item_at(roadmap, 102)
    assert restore.kind is ItemKind.METRIC and restore.title == "Mean time to restore (P1)"
    assert [(m.baseline, m.target, m.unit) for m in restore.metrics] == [(5.0, 3.0, "hours")]
    plan = planned("bank-3year-plan.md")
    assert plan.quarters[0] == "2027-Q1"  # "sold to a partner in 2026", out of scope, dates nothing
    avoid = avoid_lines(plan)
    assert avoid["manual-security-gates"] == {100}  # deployments per week, 2 -> 10
    assert "duplicate-security-stack" not in avoid  # cost-to-income is no infrastructure cost


def test_a_fiscal_roadmap_keeps_its_year_and_its_targets_shape_the_avoid_list() -> None:
    roadmap = parsed("retail-replatform.md")
    assert not [i for i in roadmap.items if i.title.startswith("Depends on")]
    assert item_at(roadmap, 91).period == "2027-Q4"  # "4x FY26 peak" is the past
    plan = planned("retail-replatform.md")
    assert plan.quarters[0] == "2027-Q1"
    avoid = avoid_lines(plan)
    assert avoid["inline-inspection-on-hot-path"] == {20}  # checkout p95 2.8 s -> 1.2 s
    assert avoid["big-bang-enforcement"] == {22}  # uptime 99.7% -> 99.95%
    assert avoid["manual-security-gates"] == {23}  # deploys per day 0.4 -> 10+


def test_a_memo_sent_as_mail_is_titled_by_its_subject_and_its_risks_are_read() -> None:
    roadmap = parsed("medtech-devices.txt")
    assert roadmap.documents[0].title == "Connected Care platform - engineering plan for 2027"
    assert item_at(roadmap, 43).status is Status.PLANNED  # "pushed to devices" is no deferral
    latency = item_at(roadmap, 101)
    assert [(m.target, m.unit) for m in latency.metrics] == [(2.0, "s")]
    assert not [i for i in roadmap.items if "OPEN QUESTIONS" in i.title]
    plan = planned("medtech-devices.txt")
    phi = next(g for g in plan.gaps if g.kind == "risk" and "Patient identifiers" in g.title)
    assert {s.line for s in phi.sources} == {124, 125}  # the risk and its wrapped line
    risks = next(c for c in plan.considerations if c.title.startswith("Act on the risks"))
    assert 126 in {s.line for s in risks.sources}  # one person on the critical path
    assert "needs an owner and a recorded decision" in risks.text


def test_program_increments_are_dated_by_their_headings_and_calendar() -> None:
    roadmap = parsed("logistics-pi-plan.md")
    assert item_at(roadmap, 37).period == "2027-Q1"  # under "## PI 27.1 (Jan 6 – Mar 28)"
    assert item_at(roadmap, 64).period == "2027-Q3"
    assert not [i for i in roadmap.items if i.title.startswith("Jan 6")]  # the PI calendar
    segmentation = item_at(roadmap, 81)
    assert segmentation.status is Status.UNSCHEDULED  # "Needs OT vendor; not planned"
    acls = item_at(roadmap, 69)
    assert (acls.status, acls.owner) == (Status.UNSCHEDULED, None)  # "No team has capacity"
    plan = planned("logistics-pi-plan.md")
    late = {g.title.split(" (")[0]: g.period for g in plan.gaps if g.kind == "late"}
    assert late["Too late: Secrets management for Kafka clients and mobile backend"] == "2027-Q1"
    # the secrets work slipped from PI 27.1 to PI 27.3: one late gap, not also a stalled one
    assert not [g for g in plan.gaps if g.title.startswith("Stalled: Secrets management")]
    # rate limiting, planned in PI 27.2 and listed again in PI 27.4 as unassigned, is late for
    # the API it protects (2027-Q1): one gap that cites both lines and the API, owner needed;
    # it opens no window of its own
    limits = [g for g in plan.gaps if "Partner API rate limiting" in g.title]
    assert [(g.kind, [s.line for s in g.sources][:3]) for g in limits] == [("late", [80, 56, 37])]
    assert limits[0].owner_needed and "already unscheduled" in limits[0].detail
    assert not {56, 80} & {w.sources[0].line for w in plan.windows}


def test_placeholder_leads_and_dates_mean_nobody_and_no_date() -> None:
    roadmap = parsed("university-it-strategy.md")
    testing = item_at(roadmap, 35)  # "| Prompt-injection ... | Lead: TBD | TBD |"
    assert (testing.owner, testing.period, testing.status) == (None, None, Status.UNSCHEDULED)
    assert item_at(roadmap, 68).owner is None  # "Lead: TBD"
    plan = planned("university-it-strategy.md")
    assert not [r for r in plan.recommendations if "captive portal" in r.title]


def test_dropped_isolation_of_customer_code_is_a_gap_with_its_control() -> None:
    plan = planned("devtools-okrs.md")
    gap = next(g for g in plan.gaps if g.title.startswith("Stalled: Runner isolation"))
    recs = [r for r in plan.recommendations if r.id in gap.recommendations]
    assert recs and "untrusted-code-isolation" in recs[0].controls


def test_the_plan_weighs_its_effort_against_the_security_people_named() -> None:
    capacity = next(
        c for c in planned("medtech-devices.txt").considerations if c.title == "Capacity and effort"
    )
    assert "no dedicated security people" in capacity.text and 30 in {
        s.line for s in capacity.sources
    }
    assert "5.1" not in capacity.text  # the paragraph number of "5.1 Headcount ..." is no headcount
    owners = {g.suggested_owner for g in planned("medtech-devices.txt").gaps}
    assert "the security lead" not in owners  # the memo says there is none
    assert "the head of engineering, until a security lead is hired" in owners
    university = next(
        c for c in planned("university-it-strategy.md").considerations
        if c.title == "Capacity and effort"
    )  # fmt: skip
    assert "names 3 security people, about 36 person-weeks a quarter" in university.text


def test_topic_prefixed_lines_open_their_windows() -> None:
    plan = planned("bank-3year-plan.md")
    windows = {(w.change_type, w.sources[0].line) for w in plan.windows}
    assert ("mobile-app", 54) in windows  # "Mobile: beta of <codename> to 5,000 staff ..."
    assert ("ml-pipeline", 55) in windows  # "Fraud: ... train the first real-time scoring model"
    assert item_at(parsed("bank-3year-plan.md"), 55).status is Status.PLANNED  # owner TBC only
