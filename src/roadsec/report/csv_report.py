"""CSV: one row per recommendation, ready for a spreadsheet or an issue-tracker import.

RFC 4180 (CRLF line ends, quoted where needed), a header row, one value per cell; lists are
joined with ``; ``. Cells that a spreadsheet would run as a formula are neutralized.
"""

from __future__ import annotations

import csv
import io

from roadsec.model.plan import Plan, Recommendation
from roadsec.report.safety import csv_cell
from roadsec.report.view import CSF, SSDF

COLUMNS = (
    "id", "quarter", "title", "priority", "score", "effort_person_weeks", "effort_size",
    "quick_win", "kind", "controls", "nist_csf_2_0", "nist_ssdf_1_1", "owner", "first_step",
    "sources", "detail",
)  # fmt: skip


def row(rec: Recommendation) -> list[str]:
    """The cells of one recommendation, in COLUMNS order."""
    values = [
        rec.id,
        rec.period or "unscheduled",
        rec.title,
        rec.priority,
        f"{rec.score.total:g}",
        f"{rec.effort.person_weeks:g}",
        rec.effort.size,
        "yes" if rec.quick_win else "no",
        rec.kind,
        "; ".join(rec.controls),
        "; ".join(rec.frameworks.get(CSF, ())),
        "; ".join(rec.frameworks.get(SSDF, ())),
        rec.owner or "",
        rec.first_step or "",
        "; ".join(f"{s.document}:{s.line}" for s in rec.sources),
        rec.detail,
    ]
    return [csv_cell(value) for value in values]


class CsvReporter:
    media_type = "text/csv"

    def render(self, plan: Plan) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(row(rec) for rec in plan.recommendations)
        return buffer.getvalue()
