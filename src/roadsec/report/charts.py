"""The report's charts as Vega-Lite specifications, rendered offline to SVG by vl-convert.

Three charts: a timeline (the roadmap's changes by quarter, with the security investments placed
in them and gaps marked), NIST CSF 2.0 coverage (functions by quarter) and effort per quarter
by priority. Each spec is plain data; ``render`` turns it into inline-safe SVG.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from markupsafe import Markup

from roadsec.model.roadmap import SourceRef
from roadsec.report.svg import inline_svg
from roadsec.report.view import Change, ReportView, quarter_of

Spec = dict[str, Any]
VEGA_LITE = "https://vega.github.io/schema/vega-lite/v5.json"
MAX_ROWS = 24
"""Roadmap changes drawn on the timeline; the rest are counted in its caption."""
MAX_IDS = 3
OTHER = "Other security work"
SHADE, INK, ALERT = "#d1e9ff", "#0b3d91", "#b42318"
PRIORITY_COLORS = {"high": "#b42318", "medium": "#dc6803", "low": "#98a2b3"}
CONFIG: Spec = {
    "font": "Helvetica, Arial, sans-serif",
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "domain": False, "ticks": False},
    "background": "white",
}


def _row_name(change: Change) -> str:
    return change.title if len(change.title) <= 48 else change.title[:47].rstrip() + "…"


def _ids(ids: list[str]) -> str:
    shown = " ".join(ids[:MAX_IDS])
    return shown + (f" +{len(ids) - MAX_IDS}" if len(ids) > MAX_IDS else "")


class Timeline:
    """Which changes the timeline draws and where each recommendation and gap lands on it."""

    def __init__(self, view: ReportView) -> None:
        self.quarters = [q.id for q in view.quarters]
        changes = [(q.id, c) for q in view.quarters for c in q.changes]
        by_line: dict[tuple[str, int], tuple[str, Change]] = {}
        for quarter, change in changes:
            by_line.setdefault((change.citation.document, change.citation.line), (quarter, change))
        plan = view.plan
        rec_hits = [(r, self._ridden(r.sources, by_line)) for r in plan.recommendations]
        gap_hits = [(g, self._ridden(g.sources, by_line)) for g in plan.gaps]
        ridden = {hit[1].item for _, hit in [*rec_hits, *gap_hits] if hit}
        shown = [qc for qc in changes if len(changes) <= MAX_ROWS or qc[1].item in ridden]
        self.hidden = len(changes) - len(shown[:MAX_ROWS])
        self.spans = [(_row_name(c), q) for q, c in shown[:MAX_ROWS]]
        rows = dict.fromkeys(row for row, _ in self.spans)
        self.recs: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.gaps: dict[tuple[str, str], list[str]] = defaultdict(list)
        for rec, hit in rec_hits:
            row = _row_name(hit[1]) if hit else OTHER
            self.recs[(row if row in rows else OTHER, quarter_of(rec.period))].append(rec.id)
        for gap, hit in gap_hits:
            row, quarter = (_row_name(hit[1]), hit[0]) if hit else (OTHER, quarter_of(gap.period))
            self.gaps[(row if row in rows else OTHER, quarter)].append(gap.id)
        if any(row == OTHER for row, _ in [*self.recs, *self.gaps]):
            rows[OTHER] = None
        self.rows = list(rows)

    @staticmethod
    def _ridden(
        refs: tuple[SourceRef, ...], by_line: dict[tuple[str, int], tuple[str, Change]]
    ) -> tuple[str, Change] | None:
        return next((by_line[k] for r in refs if (k := (r.document, r.line)) in by_line), None)

    def spec(self) -> Spec:
        rows, quarters = self.rows, self.quarters
        x = {"field": "quarter", "type": "ordinal", "sort": quarters, "scale": {"domain": quarters},
             "axis": {"orient": "top", "labelAngle": 0, "title": None, "labelFontWeight": "bold",
                      "labelPadding": 8}}  # fmt: skip
        y = {"field": "row", "type": "nominal", "sort": rows, "scale": {"domain": rows},
             "axis": {"title": None, "labelLimit": 300}}  # fmt: skip
        shaded = [{"row": r, "quarter": q} for r, q in self.spans if r in rows]
        layers: list[Spec] = [{"data": {"values": shaded}, "mark": {"type": "rect", "color": SHADE,
                               "cornerRadius": 3}, "encoding": {"x": x, "y": y}}]  # fmt: skip
        both = set(self.recs) & set(self.gaps)
        for cells, color, shift in ((self.recs, INK, -7), (self.gaps, ALERT, 7)):
            for shared in (False, True):
                values = [
                    {"row": r, "quarter": q, "label": ("▲ " if color == ALERT else "") + _ids(ids)}
                    for (r, q), ids in cells.items()
                    if ((r, q) in both) == shared
                ]
                if values:
                    mark = {"type": "text", "color": color, "fontWeight": "bold", "fontSize": 11,
                            "dy": shift if shared else 0}  # fmt: skip
                    layers.append({"data": {"values": values}, "mark": mark,
                                   "encoding": {"x": x, "y": y, "text": {"field": "label"}}})  # fmt: skip
        return {"$schema": VEGA_LITE, "width": 820,
                "height": {"step": 32}, "layer": layers, "config": CONFIG}  # fmt: skip


def coverage_spec(view: ReportView) -> Spec:
    """NIST CSF 2.0 functions by quarter, shaded by how many categories the plan touches."""
    quarters = [q.id for q in view.quarters]
    values = [
        {"function": f"{row.function} {row.title}", "quarter": q, "n": row.count(q)}
        for row in view.coverage
        for q in quarters
    ]
    top = max((row.count(q) for row in view.coverage for q in quarters), default=0) or 1
    functions = [f"{row.function} {row.title}" for row in view.coverage]
    x = {"field": "quarter", "type": "ordinal", "sort": quarters, "axis": {"orient": "top",
         "labelAngle": 0, "title": None, "labelFontWeight": "bold"}}  # fmt: skip
    y = {"field": "function", "type": "nominal", "sort": functions, "axis": {"title": None}}
    color = {"condition": {"test": "datum.n == 0", "value": "#f2f4f7"}, "field": "n",
             "type": "quantitative", "scale": {"scheme": "blues", "domain": [0, top]},
             "legend": None}  # fmt: skip
    text_color = {"condition": {"test": f"datum.n >= {top * 0.6}", "value": "white"},
                  "value": "#101828"}  # fmt: skip
    return {
        "$schema": VEGA_LITE, "width": max(300, 90 * len(quarters)), "height": {"step": 30},
        "data": {"values": values}, "encoding": {"x": x, "y": y},
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 2}, "encoding": {"color": color}},
            {"transform": [{"filter": "datum.n > 0"}], "mark": {"type": "text", "fontSize": 12},
             "encoding": {"text": {"field": "n"}, "color": text_color}},
        ],
        "config": CONFIG,
    }  # fmt: skip


def effort_spec(view: ReportView) -> Spec:
    """Person-weeks per quarter, stacked by priority."""
    quarters = [q.id for q in view.quarters]
    values = [
        {"quarter": q.id, "priority": r.priority, "weeks": r.effort.person_weeks}
        for q in view.quarters
        for r in q.recommendations
    ]
    return {
        "$schema": VEGA_LITE, "width": max(300, 90 * len(quarters)), "height": 180,
        "data": {"values": values}, "mark": {"type": "bar", "cornerRadiusEnd": 2},
        "encoding": {
            "x": {"field": "quarter", "type": "ordinal", "sort": quarters,
                  "scale": {"domain": quarters}, "axis": {"labelAngle": 0, "title": None}},
            "y": {"aggregate": "sum", "field": "weeks", "type": "quantitative",
                  "title": "person-weeks"},
            "color": {"field": "priority", "type": "nominal",
                      "scale": {"domain": list(PRIORITY_COLORS), "range": list(PRIORITY_COLORS.values())},
                      "legend": {"orient": "top", "title": None}},
            "order": {"field": "priority", "sort": "ascending"},
        },
        "config": CONFIG,
    }  # fmt: skip


def render(spec: Spec, prefix: str, label: str) -> Markup:
    """``spec`` as inline SVG; vl-convert runs offline and may fetch nothing."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    return inline_svg(svg, prefix, label)
