"""Security a change defers in its own description is late for that change."""

from __future__ import annotations

from roadsec.analysis.deferred import deferred_within
from roadsec.analysis.findings import Window
from roadsec.knowledge import load_catalog
from roadsec.model.roadmap import Item, ItemKind, SourceRef, Status


def window(text: str, status: Status = Status.PLANNED) -> Window:
    item = Item(id="d-001", kind=ItemKind.FEATURE, title=text.split(";")[0], text=text,
                period="2027-Q2", status=status, sources=(SourceRef(document="d.md", line=4),))  # fmt: skip
    return Window("mobile-app", item, "2027-Q2", "offline")


def test_a_deferred_control_in_a_change_is_a_late_gap_and_other_deferrals_are_not() -> None:
    catalog = load_catalog()
    gaps = deferred_within(catalog, [window(
        "Mobile offline mode; encryption of the local store is planned for a later release"
    )])  # fmt: skip
    assert [(g.kind, g.title, g.controls) for g in gaps] == [
        ("late", "Too late: encryption of the local store", ("mobile-app-security",))
    ]
    assert not deferred_within(catalog, [window("Mobile offline mode; dark theme to follow")])
    assert not deferred_within(
        catalog,
        [window("Mobile offline mode; encryption of the local store to follow", Status.DEFERRED)],
    )  # the change itself is stalled: nothing ships without it yet
