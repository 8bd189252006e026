from __future__ import annotations

import pytest

from roadsec.parse.periods import FiscalYear, heading_period, own_period


@pytest.mark.parametrize(
    ("text", "year", "period_id"),
    [
        ("Q1 2025", None, "2025-Q1"),
        ("Q3-Q4 2025 Goals", None, "2025-Q3..Q4"),
        ("H1", 2025, "2025-H1"),
        ("H2 2026", None, "2026-H2"),
        ("Q1 2025 (January - March)", None, "2025-Q1"),
        ("Q1: Foundational MLOps", None, "Q1"),
        ("Strategic Themes for 2025", None, "2025"),
        ("Year-End Goals", 2025, "2025-Q4"),
        ("2026 Q2 plan", None, "2026-Q2"),
        ("Second half of 2025", None, "2025-H2"),
        ("Q1 FY26", None, "2026-Q1"),
        ("FY2026 Q2", None, "2026-Q2"),
        ("Q3 '26", None, "2026-Q3"),
        ("1H 2026", None, "2026-H1"),
        ("Q4/2025", None, "2025-Q4"),
        ("Now (this quarter)", None, "now"),
        ("Next up", None, "next"),
        ("Later", 2026, "later"),
        ("Q2 12 weeks", 2026, "2026-Q2"),
        ("Quarter 3", 2026, "2026-Q3"),
        ("Second Quarter 2025", None, "2025-Q2"),
        ("4th quarter of 2025", None, "2025-Q4"),
        ("March", 2026, "2026-Q1"),
        ("Sept – platform work", None, "Q3"),
        ("Spring 2027", None, "2027-Q2"),
        ("Summer of 2027", None, "2027-Q3"),
        ("Autumn 2026 launches", None, "2026-Q4"),
    ],
)
def test_heading_periods(text: str, year: int | None, period_id: str) -> None:
    period = heading_period(text, year)
    assert period is not None
    assert period.id == period_id


@pytest.mark.parametrize(
    ("text", "period_id", "due"),
    [
        ("Kubernetes migration completed (March 2025).", "2025-Q1", "2025-03"),
        ("planned by end of Q2 2025.", "2025-Q2", "2025-06"),
        ("projected for full implementation by Q3 2025.", "2025-Q3", None),
        ("implemented incrementally throughout 2025.", "2025", None),
        ("ship on 2025-11-03", "2025-Q4", "2025-11-03"),
        ("Year-End review", "2025-Q4", "2025-12"),
        # history is not the item's own period
        ("(delayed from Q2 due to resource constraints)", None, None),
        ("(initially proposed Q1, rescheduled multiple times, currently unscheduled)", None, None),
        # numbers that are not periods
        ("Upgrade to PostgreSQL 15", None, None),
        ("$50M ARR", None, None),
        ("Platform 2.0 Beta with 2025 users", "2025", None),
        # a year inside a name, or years before the roadmap's own time, dates nothing
        ("Comply with the Accessibility Regulations 2018", None, None),
        ("Retire Exchange 2016 mailboxes", None, None),
        ("An outage in 2021 took the site down", None, None),
        ("Hire three engineers in 2025", "2025", None),
        ("Fraud losses: cut 60% vs FY2024", None, None),
        # hours are not halves, and a count of quarters is no quarter
        ("Core batch window 6h, target 1h", None, None),
        ("Launch in 1H 2025", "2025-H1", None),
        ("Missed: runner isolation (2nd quarter in a row)", None, None),
        ("Runner isolation in the 2nd quarter", "2025-Q2", None),
        # a span of months whose ends carry days ("PI 27.1 (Jan 6 – Mar 28)")
        ("PI 25.2 (Apr 7 – Jun 27)", "2025-Q2", None),
        # a bare month a deadline names is in the roadmap's year; "May" alone is no month
        ("Alpha service launch - by end of May", "2025-Q2", "2025-05"),
        ("Cutover in March", "2025-Q1", "2025-03"),
        ("Dual-write live by Feb 14", "2025-Q1", "2025-02"),
        ("Bravo launch — June (0.6)", "2025-Q2", "2025-06"),
        ("Users may see the March release", None, None),
        ("Finish before the auditors sample production changes in April", None, None),
        # a later move replaces the date stated first
        ("Android alpha by end of March — moved to Q3", "2025-Q3", None),
    ],
)
def test_own_period_and_due(text: str, period_id: str | None, due: str | None) -> None:
    period, found_due = own_period(text, 2025)
    assert (period.id if period else None) == period_id
    assert found_due == due


@pytest.mark.parametrize(
    ("text", "start_month", "named_by_end", "period_id"),
    [
        ("Q1 FY27", 10, True, "2026-Q4"),
        ("Q2 FY27", 10, True, "2027-Q1"),
        ("Q4 FY2027", 10, True, "2027-Q3"),
        ("H2 FY27", 10, True, "2027-Q2..Q3"),
        ("Q1 FY27", 7, True, "2026-Q3"),
        ("Q1 FY2026", 4, False, "2026-Q2"),
        ("Q3 2027", 10, True, "2027-Q3"),  # a calendar quarter stays as written
    ],
)
def test_fiscal_quarters_in_calendar_quarters(
    text: str, start_month: int, named_by_end: bool, period_id: str
) -> None:
    period, _ = own_period(text, 2027)
    assert period is not None
    assert period.in_calendar(FiscalYear(start_month, named_by_end)).id == period_id
