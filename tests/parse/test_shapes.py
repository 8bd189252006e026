"""Shapes other organizations write: inventory tables, period-led list items, "KR2:" bullets,
owner remarks, "Constraints:" lines and filler headings."""

from __future__ import annotations

from roadsec.ingest import read_bytes
from roadsec.model.roadmap import ItemKind, Roadmap, Status
from roadsec.parse import parse_document


def parse(text: str) -> Roadmap:
    return parse_document(read_bytes(text.encode("utf-8"), "r.md"))


def titles(roadmap: Roadmap) -> list[str]:
    return [item.title for item in roadmap.items]


INVENTORY = """\
# Technology overview

| Layer | Technology | Notes |
|---|---|---|
| Cloud | Google Cloud (GKE) | single region |
| CI/CD | GitLab CI | 40 deploys/day |
| Identity | Okta | MFA optional |

## Platform
| Component | Tool |
|---|---|
| Queue | RabbitMQ (migrating to Kafka in Q3 2026) |
"""


def test_an_inventory_table_is_not_work_but_its_technologies_are_read() -> None:
    roadmap = parse(INVENTORY)
    assert titles(roadmap) == ["Queue"]  # only the row that dates a change
    assert roadmap.items[0].period == "2026-Q3"
    names = {t.name for t in roadmap.technologies}
    assert {"GitLab CI", "Okta", "Apache Kafka"} <= names


WORK_TABLE = """\
# Roadmap

## Platform
| Item | Quarter | Owner |
|---|---|---|
| SSO for admins | Q2 2026 | IAM team |
| Audit logging | | Platform |
"""


def test_a_table_with_a_period_column_is_work_even_outside_a_dated_section() -> None:
    roadmap = parse(WORK_TABLE)
    assert titles(roadmap) == ["SSO for admins", "Audit logging"]
    assert roadmap.items[0].owner == "IAM team"
    assert roadmap.items[0].period == "2026-Q2"


PERIOD_LED = """\
# Plans for 2026

## Plans for 2026
1. **Q1** — Terraform all infrastructure.
2. **Q3 2026** – Edge caching with a CDN.
- **Q4:** Centralized logging (postponed from 2025)
"""


def test_a_bold_period_leading_an_item_dates_it_and_is_not_its_title() -> None:
    roadmap = parse(PERIOD_LED)
    assert [(i.title, i.period) for i in roadmap.items] == [
        ("Terraform all infrastructure", "2026-Q1"),
        ("Edge caching with a CDN", "2026-Q3"),
        ("Centralized logging", "2026-Q4"),
    ]


def test_a_heading_of_filler_words_beside_its_period_is_no_theme() -> None:
    kinds = [item.kind for item in parse(PERIOD_LED).items]
    assert ItemKind.THEME not in kinds
    themed = parse("# Roadmap\n\n## Q2 2026: Service decoupling\n\n- Message queue\n")
    assert next((i.kind, i.title) for i in themed.items) == (ItemKind.THEME, "Service decoupling")


OKRS = """\
# Team OKRs 2026

## H1 2026
### Objective 1: Ship the partner API
- KR1: 20 partners integrated by end of Q2
- KR2: p95 latency of the public API under 200ms
- Risk: partner onboarding needs legal review
"""


def test_list_items_that_name_their_kind_get_it_and_lose_the_prefix() -> None:
    roadmap = parse(OKRS)
    items = {i.title: i for i in roadmap.items}
    objective = items["Ship the partner API"]
    kr = items["p95 latency of the public API under 200ms"]
    assert (kr.kind, kr.parent) == (ItemKind.KEY_RESULT, objective.id)
    assert (kr.metrics[0].name, kr.metrics[0].target, kr.metrics[0].unit) == (
        "p95 latency of the public API",
        200.0,
        "ms",
    )
    assert items["20 partners integrated by end of Q2"].kind is ItemKind.KEY_RESULT
    assert items["partner onboarding needs legal review"].kind is ItemKind.RISK


def test_an_owner_remark_after_a_dash_is_not_part_of_the_title() -> None:
    roadmap = parse("# R\n\n## Q3 2026\n* Customer portal v2 — owner: Growth squad\n"
                    "* Billing export - team: Payments\n* Blue - green deploys\n")  # fmt: skip
    assert [(i.title, i.owner) for i in roadmap.items] == [
        ("Customer portal v2", "Growth squad"),
        ("Billing export", None),
        ("Blue - green deploys", None),
    ]


CONSTRAINTS = """\
# Product roadmap 2026

## Q3 2026
- Mobile app beta

Constraints: release every day; security spend capped at 5% of engineering budget; 12 engineers.
"""


def test_a_constraints_line_gives_targets_and_capacity() -> None:
    roadmap = parse(CONSTRAINTS)
    cadence = next(i for i in roadmap.items if i.kind is ItemKind.METRIC)
    assert (cadence.title, cadence.metrics[0].name, cadence.metrics[0].target) == (
        "release every day",
        "release cadence",
        1.0,
    )
    assert cadence.status is Status.UNKNOWN
    share, people = roadmap.capacity
    assert (share.kind, share.value, "secur" in share.label.lower()) == ("budget_share", 5.0, True)
    assert (people.kind, people.value) == ("headcount", 12.0)
    assert all(c.sources[0].line == 6 for c in roadmap.capacity)


def test_a_label_that_names_no_target_section_stays_text() -> None:
    roadmap = parse("# R\n\n## Q3 2026\n### Portal\nContext: customers asked for 5% off.\n")
    assert not roadmap.capacity
    assert all(i.kind is not ItemKind.METRIC for i in roadmap.items)


GANTT = """\
# Engineering Roadmap FY2027

| Initiative | Q1 | Q2 | Q3 | Q4 | Owner |
|---|---|---|---|---|---|
| Open banking API for partners | ✔ | ✔ | | | API team |
| Customer support chatbot | | | | x | TBD |
| Not started yet | - | | | | Platform |

## Compliance
- PCI DSS re-certification — Q3
"""


def test_a_timeline_table_dates_each_row_by_the_columns_it_marks() -> None:
    roadmap = parse(GANTT)
    assert [(i.title, i.period, i.owner) for i in roadmap.items] == [
        ("Open banking API for partners", "2027-Q1..Q2", "API team"),
        ("Customer support chatbot", "2027-Q4", None),
        ("Not started yet", None, "Platform"),
        ("PCI DSS re-certification", "2027-Q3", None),
    ]
    assert "✔" not in roadmap.items[0].text


def test_a_fiscal_year_in_the_title_is_the_documents_year() -> None:
    assert parse("# Roadmap FY27\n\n## Q2\n- Launch the partner API\n").items[0].period == "2027-Q2"


MONTHLY = """\
# Growth team roadmap — first half of 2026

### January
* Email login links replace passwords
* [x] Upgrade the web framework
* [ ] Access reviews for production — carried over from Q4 2025, owner TBD

**Success metrics:** signup conversion +15%, API p95 < 250ms, zero downtime deploys.
"""


def test_the_document_title_dates_the_document_but_is_no_theme() -> None:
    roadmap = parse(MONTHLY)
    assert ItemKind.THEME not in {i.kind for i in roadmap.items}
    assert roadmap.items[0].period == "2026-Q1"


def test_a_checked_task_is_done_and_carried_over_work_is_deferred() -> None:
    items = {i.title: i for i in parse(MONTHLY).items}
    assert items["Upgrade the web framework"].status is Status.DONE
    carried = items["Access reviews for production"]
    assert carried.status is Status.DEFERRED
    assert carried.status_reason == "carried over from Q4 2025, owner TBD"
    assert items["Email login links replace passwords"].status is Status.PLANNED


def test_a_bold_metrics_label_outside_any_item_gives_the_documents_targets() -> None:
    metrics = [i for i in parse(MONTHLY).items if i.kind is ItemKind.METRIC]
    assert [m.title for m in metrics] == [
        "signup conversion +15%",
        "API p95 < 250ms",
        "zero downtime deploys",
    ]
    assert (metrics[1].metrics[0].target, metrics[1].metrics[0].unit) == (250.0, "ms")
    assert all(m.sources[0].line == 8 for m in metrics)
