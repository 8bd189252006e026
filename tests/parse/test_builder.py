"""Structure: which blocks become which items, on small roadmaps of each shape."""

from __future__ import annotations

from roadsec.ingest import read_bytes
from roadsec.model.roadmap import Item, Roadmap, Status
from roadsec.parse import parse_document


def parse(text: str) -> Roadmap:
    return parse_document(read_bytes(text.encode("utf-8"), "r.md"))


def by_title(roadmap: Roadmap) -> dict[str, Item]:
    return {item.title: item for item in roadmap.items}


OKR = """\
# Acme Corp – 2026 Engineering OKRs

## Q1 2026

### Objectives
- **Harden the platform**
  - Move billing to Kubernetes.
- Cut p95 latency by 20%

### Key Results
- Billing on Kubernetes (February 2026).

## Parking lot
- **SSO for admins** (pushed back twice, no owner)
"""


def test_okr_shape() -> None:
    roadmap = parse(OKR)
    items = by_title(roadmap)
    assert roadmap.documents[0].organization == "Acme Corp"
    objective = items["Harden the platform"]
    assert (objective.kind, objective.period, objective.status) == (
        "objective",
        "2026-Q1",
        Status.PLANNED,
    )
    child = items["Move billing to Kubernetes"]
    assert (child.kind, child.parent, child.sources[0].line) == ("initiative", objective.id, 7)
    assert items["Cut p95 latency by 20%"].metrics[0].direction == "decrease"
    kr = items["Billing on Kubernetes"]
    assert (kr.kind, kr.due, kr.period) == ("key_result", "2026-02", "2026-Q1")
    parked = items["SSO for admins"]
    assert parked.status is Status.DEFERRED
    assert parked.status_reason == "pushed back twice, no owner"
    assert parked.period is None


TABLE = """\
# Roadmap

## Q2: Platform Hardening

| Initiative | Description | Effort (person-weeks) | Owner | Status | Success Metrics |
|---|---|---|---|---|---|
| **Edge cache** | Put a cache in front of the API. | 3 | Platform Lead | In progress | p95 < 120ms<br>- Hit rate > 90% |
| Audit log | Record admin actions. | 2 | TBD | Deferred | |
"""


def test_table_rows_are_items_mapped_by_header() -> None:
    items = by_title(parse(TABLE))
    cache = items["Edge cache"]
    assert (cache.kind, cache.period, cache.owner) == ("initiative", "Q2", "Platform Lead")
    assert cache.effort is not None and (cache.effort.value, cache.effort.unit) == (
        3.0,
        "person-weeks",
    )
    assert cache.status is Status.IN_PROGRESS
    assert [(m.name, m.comparator, m.target) for m in cache.metrics] == [
        ("p95", "<", 120.0),
        ("Hit rate", ">", 90.0),
    ]
    audit = items["Audit log"]
    assert audit.owner is None and audit.status is Status.DEFERRED
    assert items["Platform Hardening"].kind == "theme"  # the quarter's name is its theme


PRODUCT = """\
# Product Roadmap 2026

## Q3 2026 (July - September)

### Major Initiatives

#### 1. Partner API
- **Goal**: Let partners integrate
- **Owner**: API Team
- **Features**:
  - OAuth client credentials
  - Rate limiting
- **Success Metrics**:
  - 50 partners live
  - < 300ms p95 latency

## Budget Allocation
- **Engineering**: 70%
- **Security**: 8%

## Communication Plan
- **Weekly**: standups
"""


def test_numbered_initiative_with_fields_and_non_item_sections() -> None:
    roadmap = parse(PRODUCT)
    items = by_title(roadmap)
    api = items["Partner API"]
    assert (api.kind, api.period, api.owner) == ("initiative", "2026-Q3", "API Team")
    assert "Goal: Let partners integrate" in api.text
    assert [m.name for m in api.metrics] == ["partners live", "p95 latency"]
    features = [i for i in roadmap.items if i.parent == api.id]
    assert [(f.title, f.kind) for f in features] == [
        ("OAuth client credentials", "feature"),
        ("Rate limiting", "feature"),
    ]
    assert "standups" not in " ".join(items)  # communication plan is not work
    assert "Engineering" not in items
    assert [(c.kind, c.label, c.value) for c in roadmap.capacity] == [
        ("budget_share", "Engineering", 70.0),
        ("budget_share", "Security", 8.0),
    ]


OVERVIEW = """\
# Globex – Technology Overview

## Stack
- **Data:**
  - Warehouse: **Snowflake**
  - Streaming: **Kafka** (rollout underway; completion targeted for Q2 2026)
- **Improvements (planned Q4 2026):**
  - Rotate secrets automatically.
- Bot protection identified but implementation delayed.
"""


def test_overview_only_dated_or_stalled_lines_are_items() -> None:
    roadmap = parse(OVERVIEW)
    items = by_title(roadmap)
    assert set(items) == {
        "Streaming: Kafka",
        "Rotate secrets automatically",
        "Bot protection identified but implementation delayed",
    }
    assert items["Streaming: Kafka"].status is Status.IN_PROGRESS
    assert items["Streaming: Kafka"].period == "2026-Q2"
    assert items["Rotate secrets automatically"].period == "2026-Q4"
    assert items["Bot protection identified but implementation delayed"].status is Status.DEFERRED
    assert {t.name for t in roadmap.technologies} == {"Snowflake", "Apache Kafka"}


def test_mojibake_and_emoji_never_reach_titles() -> None:
    text = (
        "# \U0001f4cc Acme – Plan\n\n## ðŸ–¥ï¸ **Q1 2026** goals\n\n### <¯ Theme 1: Scale\n- Item\n"
    )
    roadmap = parse(text)
    titles = [i.title for i in roadmap.items] + [roadmap.documents[0].title or ""]
    assert titles[-1] == "Acme – Plan"
    for title in titles:
        assert not any(ch in title for ch in "ðŸ¥ï¸<¯\U0001f4cc")


def test_every_source_line_exists_and_holds_the_title_words() -> None:
    roadmap = parse(PRODUCT)
    lines = PRODUCT.split("\n")
    for item in roadmap.items:
        for source in item.sources:
            assert 1 <= source.line <= len(lines)
        first_word = item.title.split()[0]
        assert first_word in lines[item.sources[0].line - 1]


NOW_NEXT_LATER = """\
# Globex Payments — Product Roadmap (Now / Next / Later)

## Now (this quarter)
- Migrate checkout to Kubernetes

## Next
- Open a public REST API for partners

## Later
- AI assistant for merchant support

## Parked
- Role-based access for the admin console (no owner)
"""


def test_now_next_later_horizons_are_periods() -> None:
    roadmap = parse(NOW_NEXT_LATER)
    items = by_title(roadmap)
    assert roadmap.organization == "Globex Payments"
    assert items["Migrate checkout to Kubernetes"].period == "now"
    assert items["Open a public REST API for partners"].period == "next"
    assert items["AI assistant for merchant support"].period == "later"
    parked = items["Role-based access for the admin console"]
    assert parked.status is Status.DEFERRED and parked.period is None


PLAIN_TEXT_OKRS = """\
Umbrella Corp Security & Platform OKRs FY2026

Q1 FY2026
Objective 1: Modernize the platform
KR 1.1: 60% of services running on Kubernetes by end of Q1
KR 1.2: All deployments through the new CD pipeline

Q2 FY2026
Objective 2: Grow the partner ecosystem
KR 2.1: Launch partner API with 20 partners onboarded
"""


def test_plain_text_lines_are_headings_and_items() -> None:
    roadmap = parse(PLAIN_TEXT_OKRS)
    assert roadmap.documents[0].title == "Umbrella Corp Security & Platform OKRs FY2026"
    assert roadmap.organization == "Umbrella Corp"
    rows = [(i.kind, i.title, i.period, i.sources[0].line) for i in roadmap.items]
    assert rows == [
        ("objective", "Modernize the platform", "2026-Q1", 4),
        ("key_result", "60% of services running on Kubernetes by end of Q1", "2026-Q1", 5),
        ("key_result", "All deployments through the new CD pipeline", "2026-Q1", 6),
        ("objective", "Grow the partner ecosystem", "2026-Q2", 9),
        ("key_result", "Launch partner API with 20 partners onboarded", "2026-Q2", 10),
    ]
    objective = roadmap.items[0]
    assert [i.parent for i in roadmap.items[1:3]] == [objective.id, objective.id]
    assert roadmap.items[1].due == "2026-03"


def test_month_headings_and_metric_in_parentheses() -> None:
    roadmap = parse(
        "# Initech 2026 Plan\n\n## March 2026\n- Launch analytics dashboards (p95 < 300ms)\n"
    )
    (item,) = roadmap.items
    assert item.period == "2026-Q1"
    assert [(m.name, m.comparator, m.target, m.unit) for m in item.metrics] == [
        ("p95", "<", 300.0, "ms")
    ]


def test_dash_remark_and_unscheduled_section() -> None:
    roadmap = parse(
        "# Plan 2026\n\n## Q1\n- Ship it\n\n## Not scheduled\n"
        "- HSM migration for card keys — postponed, awaiting budget\n"
        "- Privileged access reviews (no owner)\n"
    )
    items = by_title(roadmap)
    hsm = items["HSM migration for card keys"]
    assert (hsm.status, hsm.status_reason) == (Status.DEFERRED, "postponed, awaiting budget")
    assert items["Privileged access reviews"].status is Status.UNSCHEDULED


def test_headings_with_prose_under_a_dated_section_are_items() -> None:
    roadmap = parse(
        "# Contoso Roadmap\n\n## 2026\n\n### Q1\n\n#### Checkout re-platform\n"
        "Move checkout to containers on AKS.\n\n#### Loyalty program launch\n"
        "Customer-facing loyalty portal.\n\n### Q2\n\n#### Warehouse analytics\nStream POS events.\n"
    )
    rows = [(i.title, i.period, i.text) for i in roadmap.items]
    assert rows == [
        ("Checkout re-platform", "2026-Q1", "Move checkout to containers on AKS."),
        ("Loyalty program launch", "2026-Q1", "Customer-facing loyalty portal."),
        ("Warehouse analytics", "2026-Q2", "Stream POS events."),
    ]


def test_table_target_quarter_and_blocked_status() -> None:
    roadmap = parse(
        "# Fabrikam – Epics for 2026\n\n| Epic | Target Quarter | Status | Team |\n|---|---|---|---|\n"
        "| Audit logging | Q3 2026 | Blocked | Platform |\n| SSO for partners | Q2 2026 | To Do | Identity |\n"
    )
    audit, sso = roadmap.items
    assert (audit.period, audit.status, audit.owner) == ("2026-Q3", Status.DEFERRED, "Platform")
    assert (sso.period, sso.status, audit.metrics) == ("2026-Q2", Status.PLANNED, ())


TEAM_OKRS = """\
# Q1 2027 OKRs

_Legend: ✅ on track · 🟡 at risk · 🔴 off track_

## Platform (lead: Jonah K.)

**O1. Get off the old PaaS.**
- KR1: Move all production services to GKE [JK] 🟡
- KR2: p95 API latency under 180 ms after the move [MR] ✅

## Data

**O1. Usage analytics.**
- KR1: Event pipeline into BigQuery, < 15 min fresh 🔴

## Q4 2026 retro (for context)

- Shipped: build cache beta, SSO for Enterprise.
- Missed: runner isolation (2nd quarter in a row).
"""


def test_a_look_back_section_does_not_undate_the_document() -> None:
    items = by_title(parse(TEAM_OKRS))
    move = items["Move all production services to GKE"]
    assert move.period == "2027-Q1"
    assert items["Event pipeline into BigQuery, < 15 min fresh"].period == "2027-Q1"
    assert not [title for title in items if "Shipped" in title or "Missed" in title]


def test_owners_from_team_leads_and_initials_and_the_status_legend() -> None:
    items = by_title(parse(TEAM_OKRS))
    assert items["Get off the old PaaS"].owner == "Jonah K"  # the team heading's lead
    assert items["Move all production services to GKE"].owner == "JK"  # its own initials
    assert items["Event pipeline into BigQuery, < 15 min fresh"].owner is None  # no lead named
    latency = items["p95 API latency under 180 ms after the move"]
    assert latency.status is Status.IN_PROGRESS  # the legend: ✅ means on track, not done
    assert parse("# Roadmap\n\n## Q1 2027\n\n- SSO for admins ✅\n").items[0].status is Status.DONE


def test_an_earlier_period_named_in_passing_keeps_the_section_date() -> None:
    items = by_title(parse(
        "# Plan\n\n## Q3 2027\n\n"
        "- Load test at 4x the 2026 Black Friday peak\n"
        "- Pen test pulled forward to Q1 2027\n"
    ))  # fmt: skip
    assert items["Load test at 4x the 2026 Black Friday peak"].period == "2027-Q3"
    assert items["Pen test pulled forward to Q1 2027"].period == "2027-Q1"


SCORECARD = """\
# Plan 2027

## Targets

| KPI | Baseline (2026) | Target 2027 | Target 2029 |
|---|---|---|---|
| Change failure rate | 18% | 12% | 8% |
| Mean time to restore (P1) | 5h | 3h | 1h |
| Deploys per day (storefront + services) | 0.4 | 10+ | 20 |
"""


def test_a_scorecard_table_gives_measures_from_baseline_to_target() -> None:
    items = by_title(parse(SCORECARD))
    failure = items["Change failure rate"]
    assert [(m.baseline, m.target, m.unit) for m in failure.metrics] == [(18.0, 12.0, "%")]
    restore = items["Mean time to restore (P1)"]
    assert [(m.baseline, m.target, m.unit) for m in restore.metrics] == [(5.0, 3.0, "hours")]
    assert restore.period != "2029-H1"  # "1h" is an hour, not a half-year
    deploys = items["Deploys per day (storefront + services)"].metrics[0]
    assert (deploys.name, deploys.target, deploys.unit) == (
        "Deploys per day (storefront + services)",
        10.0,
        "/day",
    )
    assert not [title for title in items if title in ("18%", "5h", "0.4")]


def test_the_security_people_a_roadmap_names_are_capacity() -> None:
    def staff(text: str) -> list[tuple[float, int]]:
        roadmap = parse(text)
        return [
            (c.value, c.sources[0].line) for c in roadmap.capacity if c.kind == "security_staff"
        ]

    assert staff(
        "# Plan\n\n## Q1 2027\n\n- Ship the portal\n\nWe have no dedicated security engineer.\n"
    ) == [(0.0, 7)]
    assert staff("# Plan\n\n## Team\n\nThe security office is 3 people for 40,000 users.\n") == [
        (3.0, 5)
    ]
    assert staff(
        "# Plan\n\n## Security (lead: Dana, part-time vCISO 2 days/week)\n\n- SOC 2\n"
    ) == [(0.4, 3)]
    assert staff("# Plan\n\n## Q1 2027\n\n- Security reviews by the platform team\n") == []


def test_a_trailing_team_parenthetical_is_the_owner_not_the_title() -> None:
    items = parse(
        "# Plan\n\n## Q2 2027\n\n- Document upload for evidence, stored in S3 (back-end team)\n"
        "- TLPT execution (red team) with the regulator\n"
    ).items
    upload, red = items
    assert (upload.title, upload.owner) == (
        "Document upload for evidence, stored in S3",
        "back-end team",
    )
    assert (red.title, red.owner) == ("TLPT execution (red team) with the regulator", None)


REMARKS = """\
# Platform plan 2027

## Q1 2027
- Secrets management for the order services: not staffed
- Payments: migrate the checkout to the new provider
- KR1: Dual-write for the orders tables live by Feb 14 [MR] 🟡 at risk
- KR4: Restore drill on the new database [AL] ⏭ carried over from Q4
"""


def test_status_and_health_remarks_leave_the_title() -> None:
    items = parse(REMARKS).items
    found = {i.sources[0].line: (i.title, i.status, i.status_reason, i.owner) for i in items}
    assert found[4] == (
        "Secrets management for the order services",
        Status.UNSCHEDULED,
        "not staffed",
        None,
    )
    assert found[5][0] == "Payments: migrate the checkout to the new provider"
    assert found[6][:2] == ("Dual-write for the orders tables live by Feb 14", Status.PLANNED)
    assert found[7] == (
        "Restore drill on the new database",
        Status.DEFERRED,
        "carried over from Q4",
        "AL",
    )


def test_a_year_plan_with_undated_sections_reads_their_lists() -> None:
    roadmap = parse(
        "# Acme 2027 roadmap\n\n## Growth\n- Partner API launch\n- Self-serve onboarding\n\n"
        "## Background\n- We have 40 engineers\n"
    )
    assert [(i.title, i.period) for i in roadmap.items] == [
        ("Partner API launch", "2027"),
        ("Self-serve onboarding", "2027"),
    ]


def test_a_list_of_mostly_dated_entries_is_work_with_its_deadlines_out_of_the_title() -> None:
    roadmap = parse(
        "# Acme 2027 roadmap\n\n## Platform\n"
        "- Alpha service launch - by end of May\n"
        "- Bravo service launch — March (0.6)\n"
        "- Charlie service launch\n"
        "- Delta cutover in March 2027\n\n"
        "| Risk | Status | Owner |\n|---|---|---|\n"
        "| Token abuse | Owned | ??? |\n| Outage | Resolved | Ann |\n"
    )
    found = {i.sources[0].line: (i.title, i.period, i.status, i.owner) for i in roadmap.items}
    assert found[4][:2] == ("Alpha service launch", "2027-Q2")
    assert found[5][:2] == ("Bravo service launch", "2027-Q1")
    assert found[6][:2] == ("Charlie service launch", "2027")
    assert found[11] == ("Token abuse", None, Status.PLANNED, None)  # "???" is nobody
    assert found[12][2:] == (Status.DONE, "Ann")


def test_a_trackers_properties_block_fills_the_items_fields() -> None:
    roadmap = parse(
        "# Acme 2027 roadmap\n\n## Q2 2027\n\n"
        "### Enterprise SSO and SCIM\nStatus: Planned\nTarget: 2027-Q3 (was Q2)\n"
        "Lead: @maria\nTeam: Platform\nPriority: P1\n\n"
        "Customers' IdPs sign users in; SCIM removes leavers.\n\n"
        "### Agent marketplace\nStatus: Backlog\nLead: TBD\nTeam: Agents\n"
    )
    found = {i.title: i for i in roadmap.items}
    sso = found["Enterprise SSO and SCIM"]
    assert (sso.period, sso.status, sso.owner) == ("2027-Q3", Status.PLANNED, "@maria")
    assert "SCIM removes leavers" in sso.text  # the description after the properties
    market = found["Agent marketplace"]
    assert (market.status, market.owner) == (Status.UNSCHEDULED, "Agents")


def test_gantt_months_fiscal_month_targets_and_placeholder_owners() -> None:
    roadmap = parse(
        "# Acme 2027 roadmap\n\nFiscal year runs 1 July – 30 June (FY27 = Jul 2026 – Jun 2027).\n\n"
        "| Initiative | Jan | Feb | Mar | Apr | May |\n|---|---|---|---|---|---|\n"
        "| Open-banking income checks | ■ | ■ | ■ | ■ | |\n\n"
        "| Milestone | Target | Owner | Status |\n|---|---|---|---|\n"
        "| Motor live on the new platform | Mar FY27 | L. Chen | Not started |\n"
        "| Vendor security review | TBC | Owner TBD | Not started |\n"
        "| Broker MFA | Sep FY28 | ??? (was Dmitri, he left) | Not started |\n"
    )
    found = {i.title: i for i in roadmap.items}
    assert found["Open-banking income checks"].period == "2027-Q1..Q2"  # ■ under Jan–Apr
    assert (
        found["Motor live on the new platform"].period,
        found["Motor live on the new platform"].owner,
    ) == ("2027-Q1", "L. Chen")  # March of FY27 is March 2027
    assert found["Broker MFA"].period == "2027-Q3"  # September of FY28 is September 2027
    assert found["Vendor security review"].owner is None and found["Broker MFA"].owner is None
