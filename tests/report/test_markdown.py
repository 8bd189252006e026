"""The Markdown report: every section, citations with their quoted lines, literal roadmap text."""

from __future__ import annotations

import re

from roadsec.model.plan import Plan
from roadsec.report import render


def test_sections_in_reading_order(sample_plans: dict[str, Plan]) -> None:
    text = render(sample_plans["scds-quarterly-roadmap"], "md")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["Executive summary", "Strategic considerations", "Plan by quarter",
                        "Recommendations", "Gaps", "Avoid", "Framework coverage"]  # fmt: skip


def test_executive_summary_says_what_changes_when(sample_plans: dict[str, Plan]) -> None:
    plan = sample_plans["scds-quarterly-roadmap"]
    summary = render(plan, "md").split("## Strategic considerations")[0]
    q1 = next(line for line in summary.splitlines() if line.startswith("| Q1 |"))
    assert "Kubernetes Deployment" in q1 and "Centralized Logging" in q1
    top = max((r for r in plan.recommendations if r.period == "Q1"), key=lambda r: r.score.total)
    assert top.id in q1
    for gap in plan.gaps:
        assert gap.id in summary
    for rec in plan.recommendations:
        assert (rec.id in summary) == (rec.quick_win or rec in _top3(plan, rec.period))
    for avoid in plan.avoid:
        assert avoid.title in summary


def _top3(plan: Plan, period: str | None) -> list[object]:
    same = [r for r in plan.recommendations if r.period == period]
    return sorted(same, key=lambda r: -r.score.total)[:3]


def test_recommendation_shows_score_frameworks_and_quoted_sources(
    sample_plans: dict[str, Plan],
) -> None:
    plan = sample_plans["scds-quarterly-roadmap"]
    text = render(plan, "md")
    rec = plan.recommendations[0]
    block = text.split(f"### {rec.id} ")[1].split("\n### ")[0]
    s = rec.score
    assert f"**Score {s.total:g}** = risk {s.risk:g} + window {s.window:g}" in block
    assert "First step:" in block and f"**Owner:** {rec.owner}" in block
    for framework_id in rec.frameworks["nist-csf-2.0"] + rec.frameworks["nist-ssdf-1.1"]:
        assert framework_id in block
    for control in rec.controls:
        assert f"(`{control}`)" in block
    quotes = {(q.document, q.line): q.text for q in plan.quotes}
    for ref in rec.sources:
        assert f"`{ref.document}:{ref.line}` `{quotes[(ref.document, ref.line)]}`" in block


def test_coverage_table_per_quarter(sample_plans: dict[str, Plan]) -> None:
    plan = sample_plans["scds-quarterly-roadmap"]
    coverage = render(plan, "md").split("## Framework coverage")[1]
    assert "| function | Q1 | Q2 | Q3 | Q4 |" in coverage
    protect = next(line for line in coverage.splitlines() if line.startswith("| PR Protect |"))
    q1_protect = {
        sub.rsplit("-", 1)[0]
        for r in plan.recommendations if r.period == "Q1"
        for sub in r.frameworks["nist-csf-2.0"] if sub.startswith("PR.")
    }  # fmt: skip
    assert protect.split(" | ")[1].split(", ") == sorted(
        q1_protect, key=["PR.AA", "PR.AT", "PR.DS", "PR.PS", "PR.IR"].index
    )


def test_hostile_text_is_literal(hostile_plan: Plan) -> None:
    text = render(hostile_plan, "md")
    prose = re.sub(r"(`+).*?\1", "", text)  # code spans are literal by definition
    raw_html = re.findall(r"(?<!\\)<(script|img|svg|iframe|a |style|body)", prose)
    assert raw_html == [], "roadmap HTML must be escaped outside code spans"
    assert "javascript:" not in text
    assert "\\<script\\>" in prose, "the roadmap's script tag is shown, escaped"
    assert "[ok](https://example.com/docs)" not in text and "ok (https://example.com/docs)" in text
