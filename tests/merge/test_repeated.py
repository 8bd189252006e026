"""Work carried over from one period to a later one is one item; repeated events are not."""

from __future__ import annotations

from roadsec.api import parse
from roadsec.merge.repeated import merge_repeated
from roadsec.model.roadmap import Item, ItemKind, SourceRef, Status


def item(n: int, title: str, period: str | None, status: Status, text: str = "") -> Item:
    return Item(
        id=f"d-{n:03}",
        kind=ItemKind.FEATURE,
        title=title,
        text=text or title,
        period=period,
        status=status,
        sources=(SourceRef(document="d.md", line=n),),
    )


def lines(found: Item) -> list[int]:
    return [s.line for s in found.sources]


def test_carried_over_work_is_its_latest_mention_with_every_source() -> None:
    items = merge_repeated([
        item(4, "Secrets vault for the queue clients", "2027-Q1", Status.UNSCHEDULED),
        item(9, "Partner portal", "2027-Q2", Status.PLANNED),
        item(12, "Secrets vault for the queue clients", "2027-Q3", Status.PLANNED),
    ])  # fmt: skip
    assert [i.id for i in items] == ["d-009", "d-012"]
    assert items[1].period == "2027-Q3" and items[1].status is Status.PLANNED
    assert lines(items[1]) == [12, 4]


def test_a_later_stalled_mention_is_the_current_state() -> None:
    items = merge_repeated([
        item(5, "Rate limits on the partner API", "2027-Q2", Status.PLANNED),
        item(20, "Rate limits on the partner API", "2027-Q4", Status.UNSCHEDULED),
    ])  # fmt: skip
    assert [(i.id, i.period, i.status) for i in items] == [("d-020", "2027-Q4", Status.UNSCHEDULED)]
    assert lines(items[0]) == [20, 5]


def test_moved_from_marks_a_carry_over_even_when_both_are_planned() -> None:
    items = merge_repeated([
        item(3, "Kafka ACLs between brokers", "2027-Q1", Status.PLANNED),
        item(8, "Kafka ACLs between brokers", "2027-Q2", Status.PLANNED, "Moved from PI 1"),
    ])  # fmt: skip
    assert [i.id for i in items] == ["d-008"]


def test_repeated_planned_events_and_short_titles_stay_apart() -> None:
    events = [
        item(3, "Quarterly access review", "2027-Q1", Status.PLANNED),
        item(8, "Quarterly access review", "2027-Q3", Status.PLANNED),
        item(9, "Hiring", "2027-Q1", Status.UNSCHEDULED),
        item(10, "Hiring", "2027-Q2", Status.PLANNED),
    ]
    assert [i.id for i in merge_repeated(events)] == ["d-003", "d-008", "d-009", "d-010"]


def test_a_dated_mention_wins_over_an_undated_one() -> None:
    items = merge_repeated([
        item(30, "Customer data export API", "2027-Q2", Status.PLANNED),
        item(41, "Customer data export API", None, Status.UNSCHEDULED),
    ])  # fmt: skip
    assert [(i.id, i.period) for i in items] == [("d-030", "2027-Q2")]


def test_a_plan_of_increments_reads_slipped_work_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pi.md"
    path.write_text(
        "# Program increments 2027\n\n"
        "## PI 1 (Q1 2027)\n\n"
        "- Kubernetes migration of the order services\n"
        "- Secrets management for the order services: not staffed\n\n"
        "## PI 3 (Q3 2027)\n\n"
        "- Secrets management for the order services (moved from PI 1)\n",
        encoding="utf-8",
    )
    secrets = [i for i in parse([path]).items if i.title.startswith("Secrets management")]
    assert [(i.period, i.status, lines(i)) for i in secrets] == [
        ("2027-Q3", Status.PLANNED, [10, 6])
    ]
