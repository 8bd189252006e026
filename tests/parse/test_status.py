from __future__ import annotations

import pytest

from roadsec.model.roadmap import Status
from roadsec.parse.status import detect_status, section_status, status_from_cell


@pytest.mark.parametrize(
    ("text", "status", "reason"),
    [
        (
            "Access Control (initially proposed Q1, rescheduled multiple times, currently unscheduled).",
            Status.UNSCHEDULED,
            "initially proposed Q1, rescheduled multiple times, currently unscheduled",
        ),
        (
            "Dependency Automation (delayed from Q2 due to resource constraints).",
            Status.DEFERRED,
            "delayed from Q2 due to resource constraints",
        ),
        (
            "RBAC rollout (postponed indefinitely due to lack of clear ownership).",
            Status.DEFERRED,
            "postponed indefinitely due to lack of clear ownership",
        ),
        (
            "Feature flags widely used; governance improvements identified but implementation delayed.",
            Status.DEFERRED,
            "governance improvements identified but implementation delayed",
        ),
        (
            "Kubernetes (Migration underway; completion targeted for Q1 2025)",
            Status.IN_PROGRESS,
            "Migration underway; completion targeted for Q1 2025",
        ),
        ("Payments revamp (cancelled)", Status.CANCELLED, "cancelled"),
        ("Search v2 (done)", Status.DONE, "done"),
        ("Audit logging planned for Q3", Status.PLANNED, None),
        ("Pen test — moved to July", Status.DEFERRED, "moved to July"),
        ("PCI re-assessment — pushed to FY28", Status.DEFERRED, "pushed to FY28"),
        ("Bot management (not before 2028)", Status.DEFERRED, "not before 2028"),
        ("KYC vendor (exploring options)", Status.UNSCHEDULED, "exploring options"),
        ("SSO for admins; needs a decision", Status.UNSCHEDULED, "needs a decision"),
        ("Fraud model v2 (if budget allows)", Status.UNSCHEDULED, "if budget allows"),
        ("Third-party KYC — contract not signed", Status.UNSCHEDULED, "contract not signed"),
        (
            "Image signing (dropped to make room for the cluster move)",
            Status.CANCELLED,
            "dropped to make room for the cluster move",
        ),
    ],
)
def test_status_and_reason(text: str, status: Status, reason: str | None) -> None:
    assert detect_status(text) == (status, reason)


@pytest.mark.parametrize(
    "text",
    [
        "Log Ingestion Delay < 1 min",
        "Reduce incident detection time",
        "Launch beta of the portal",
        "Tournament mode with a real prize pool — live-ops",
        "Keep unplanned EHR downtime under four hours per quarter",
        "Services moved to EKS in Q2",
        "Packages are pushed to devices through device twins",
        "Fraud: train the first scoring model. Owner to be confirmed.",
        "Moved from Heroku to GKE",
        "We dropped Heroku",
        "Data exploration UI for analysts",
        "Quarterly access reviews under review board oversight",
    ],
)
def test_no_status_from_ordinary_words(text: str) -> None:
    assert detect_status(text) == (None, None)


def test_section_and_cell_statuses() -> None:
    assert section_status("Deferred/Pending Initiatives") is Status.DEFERRED
    assert section_status("Backlog") is Status.UNSCHEDULED
    assert section_status("Q3 2025") is None
    assert section_status("Not doing this year") is Status.CANCELLED
    assert section_status("Out of scope for FY27") is Status.CANCELLED
    assert section_status("Parking lot (not planned)") is Status.DEFERRED
    assert section_status("Parked / not this year") is Status.DEFERRED
    assert section_status("Decisions needed") is Status.UNSCHEDULED
    assert section_status("Open questions") is Status.UNSCHEDULED
    assert detect_status("Pen test — to be scheduled, no owner yet")[0] is Status.UNSCHEDULED
    assert detect_status("2FA for player accounts — parked")[0] is Status.DEFERRED
    assert detect_status("Retire the data centre. None of this is budgeted yet.")[0] is (
        Status.UNSCHEDULED
    )
    assert status_from_cell("In progress") is Status.IN_PROGRESS
    assert status_from_cell("Done") is Status.DONE
    assert status_from_cell("") is None
    # a risk register's ROAM column
    assert status_from_cell("Resolved") is Status.DONE
    assert status_from_cell("Mitigated") is Status.DONE
    assert status_from_cell("Accepted") is Status.CANCELLED
    assert status_from_cell("Owned") is Status.PLANNED
