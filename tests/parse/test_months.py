from __future__ import annotations

from roadsec.parse.months import main_year, month_of_fiscal_year, only_month
from roadsec.parse.periods import FiscalYear


def test_the_year_an_untitled_document_speaks_of_most() -> None:
    assert main_year("From Q2 2027 agents run; Q4 2027 region; click-ops in 2025") == 2027
    assert main_year("OKRs for 2027; other sites in 2028") == 2027  # a tie: the earlier year
    assert main_year("v2027 build 20275, 2025% growth") is None  # no years at all
    assert main_year("FY27 budget") == 2027


def test_a_month_of_a_fiscal_year_is_its_calendar_month() -> None:
    july = FiscalYear(start_month=7, named_by_end=True)  # FY27 = Jul 2026 – Jun 2027
    august = month_of_fiscal_year("Aug FY27", july)
    assert august is not None and (august[0].id, august[1]) == ("2026-Q3", "2026-08")
    found = month_of_fiscal_year("target Mar FY27", july)
    assert found is not None and (found[0].id, found[1]) == ("2027-Q1", "2027-03")
    assert month_of_fiscal_year("Sep FY28", None) is not None
    assert month_of_fiscal_year("FY28 budget", july) is None


def test_gantt_columns_are_only_months() -> None:
    assert only_month("Jan") and only_month("March 2027")
    assert not only_month("Jan release") and not only_month("Q1")
