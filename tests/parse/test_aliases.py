"""Period legends a document defines for itself."""

from __future__ import annotations

import pytest

from roadsec.parse.aliases import fiscal_year, period_aliases
from roadsec.parse.periods import FiscalYear


def test_legend_entries_become_aliases_of_one_quarter() -> None:
    text = "Releases: `PLAT 27.1` = Jan–Mar 2027, `PLAT 27.2` = Apr–Jun 2027; PI 3 = Q2 2026.\n"
    found = period_aliases(text, 2026)
    assert {name: (p.year, p.first, p.last) for name, p in found.items()} == {
        "plat 27.1": (2027, 1, 1),
        "plat 27.2": (2027, 2, 2),
        "pi 3": (2026, 2, 2),
    }


def test_a_calendar_table_defines_aliases() -> None:
    text = (
        "| PI | Dates | Iterations |\n|---|---|---|\n"
        "| PI 27.1 | Jan 6 – Mar 28 | I1–I5 |\n| PI 27.3 | Jul 7 – Sep 26 | I1–I5 |\n"
        "| Payments | 2027 | x |\n| Q4 2027 | Oct – Dec | x |\n"
    )
    found = period_aliases(text, 2027)
    assert {name: (p.year, p.first, p.last) for name, p in found.items()} == {
        "pi 27.1": (2027, 1, 1),
        "pi 27.3": (2027, 3, 3),
    }


def test_no_alias_without_a_digit_a_period_or_for_a_whole_year() -> None:
    text = "Owner = Platform team\nQ3 2026 = Q3 2026\nFY26 = 2026\nx = y + 1\n"
    assert period_aliases(text, 2026) == {}


def test_only_the_head_of_a_long_document_is_searched_for_a_legend() -> None:
    filler = ("a1 b2 " * 10 + "= no period here\n") * 2_000
    assert period_aliases(filler + "PI 9 = Q1 2027\n", 2026) == {}
    assert "pi 9" in period_aliases("PI 9 = Q1 2027\n" + filler, 2026)


@pytest.mark.parametrize(
    ("text", "fiscal"),
    [
        ("Fiscal year FY27 runs from 1 October 2026 to 30 September 2027.", FiscalYear(10, True)),
        ("Our financial year starts in April.", FiscalYear(4, True)),
        ("FY2026 begins on July 1, 2026.", FiscalYear(7, False)),
        ("Q1 FY27 is Oct–Dec 2026.", FiscalYear(10, True)),
        ("The fiscal year runs from January to December.", None),
        ("We plan by calendar quarter.", None),
    ],
)
def test_a_stated_fiscal_year(text: str, fiscal: FiscalYear | None) -> None:
    assert fiscal_year(text) == fiscal
