"""CSV: one row per recommendation, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

from roadsec.model.plan import Plan
from roadsec.report import render
from roadsec.report.csv_report import COLUMNS
from roadsec.report.safety import csv_cell

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_recommendation(sample_plans: dict[str, Plan]) -> None:
    for name, plan in sample_plans.items():
        text = render(plan, "csv")
        assert text.startswith(",".join(COLUMNS) + "\r\n"), name
        table = rows(text)
        assert [r["id"] for r in table] == [r.id for r in plan.recommendations]
        for row, rec in zip(table, plan.recommendations, strict=True):
            assert row["quarter"] == (rec.period or "unscheduled")
            assert row["controls"].split("; ") == list(rec.controls)
            assert row["sources"].split("; ") == [f"{s.document}:{s.line}" for s in rec.sources]
            assert row["quick_win"] == ("yes" if rec.quick_win else "no")
            assert row["nist_csf_2_0"] == "; ".join(rec.frameworks["nist-csf-2.0"])


def test_hostile_cells_cannot_run_as_formulas(hostile_plan: Plan) -> None:
    table = rows(render(hostile_plan, "csv"))
    titles = [r["title"] for r in table]
    assert any("HYPERLINK" in t for t in titles), "the hostile roadmap should reach the CSV"
    for row in table:
        for column, value in row.items():
            assert not value.startswith(FORMULA), (column, value)
            assert "\n" not in value and "\r" not in value


def test_csv_cell() -> None:
    assert csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert (
        csv_cell("+1") == "'+1"
        and csv_cell("-2+3") == "'-2+3"
        and csv_cell("@SUM(A1)") == "'@SUM(A1)"
    )
    assert csv_cell("\t=1") == "'=1"
    assert csv_cell("＝1") == "'＝1"
    assert csv_cell("Harden the API") == "Harden the API"
    assert csv_cell("two\nlines") == "two lines"


def test_every_column_is_neutralized(hostile_plan: Plan) -> None:
    """Cells that would start with a formula character, in every text column, are neutralized."""
    first = hostile_plan.recommendations[0].model_copy(update={
        "title": '=HYPERLINK("http://evil.example","x")', "owner": "+cmd|' /C calc'!A0",
        "first_step": "@SUM(1+1)", "detail": "-2+3",
    })  # fmt: skip
    plan = hostile_plan.model_copy(update={"recommendations": (first,)})
    row = rows(render(plan, "csv"))[0]
    assert row["title"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["owner"] == "'+cmd|' /C calc'!A0"
    assert row["first_step"] == "'@SUM(1+1)" and row["detail"] == "'-2+3"
