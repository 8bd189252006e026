"""Markdown: the plan as a document to read, mail or paste into a wiki.

Every piece of roadmap text passes through ``report.safety``: escaped prose, quotes as code
spans, links only with an http or https target.
"""

from __future__ import annotations

from collections.abc import Iterable

from roadsec.model.plan import Plan, PlanGap, Recommendation
from roadsec.model.roadmap import SourceRef
from roadsec.report.safety import md_code, md_text
from roadsec.report.view import CSF, SSDF, Citation, ReportView, build_view, detail_parts, number

MAX_CHANGES = 4
"""Roadmap changes named per quarter in the executive summary; the rest are counted."""


def _ids(recs: Iterable[Recommendation | PlanGap]) -> str:
    return ", ".join(r.id for r in recs) or "none"


def _count(count: float, noun: str) -> str:
    """``3 gaps``, ``1 gap``, ``2.5 person-weeks``."""
    return f"{number(count)} {noun}" + ("" if count == 1 else "s")


def _pw(value: float) -> str:
    return _count(value, "person-week")


def _cell(text: str) -> str:
    """Text for a table cell: escaped (pipes included), one line."""
    return md_text(text) or " "


class MarkdownReporter:
    media_type = "text/markdown"

    def render(self, plan: Plan) -> str:
        view = build_view(plan)
        out = [
            f"# Security investment plan: {md_text(view.title)}",
            "",
            f"Read from {', '.join(md_code(d.path) for d in plan.documents)}; "
            f"knowledge catalog {plan.catalog_version}. "
            f"{_count(len(plan.recommendations), 'recommendation')}, "
            f"{_count(len(plan.gaps), 'gap')}, {_count(len(plan.avoid), 'thing')} to avoid, "
            f"about {_pw(view.total_effort)} in all.",
            "",
        ]
        for section in (
            self._summary, self._considerations, self._by_quarter, self._recommendations,
            self._gaps, self._avoid, self._coverage,
        ):  # fmt: skip
            out += section(view)
        return "\n".join(out).rstrip() + "\n"

    def _sources(self, view: ReportView, refs: tuple[SourceRef, ...]) -> list[str]:
        return [f"   - {md_code(c.label)} {self._quote(c)}".rstrip() for c in view.cite(refs)]

    @staticmethod
    def _quote(citation: Citation) -> str:
        return md_code(citation.text) if citation.text else ""

    def _summary(self, view: ReportView) -> list[str]:
        out = [
            "## Executive summary",
            "",
            "| quarter | what the roadmap changes | top security investments | gaps | effort |",
            "|---|---|---|---|---|",
        ]
        for q in view.quarters:
            names = [md_text(c.title) for c in q.changes[:MAX_CHANGES]]
            if len(q.changes) > MAX_CHANGES:
                names.append(f"and {len(q.changes) - MAX_CHANGES} more")
            top = "; ".join(f"{r.id} {md_text(r.title)}" for r in q.top) or "—"
            gaps = _ids(q.gaps) if q.gaps else "—"
            out.append(f"| {q.id} | {'; '.join(names) or '—'} | {top} | {gaps} | "
                       f"{number(q.effort)} pw |")  # fmt: skip
        out += ["", "**Quick wins:** " + (
            "; ".join(f"{r.id} {md_text(r.title)} ({r.period or 'unscheduled'})"
                      for r in view.quick_wins) or "none."
        )]  # fmt: skip
        plan = view.plan
        out += ["", "**Gaps:** " + ("; ".join(
            f"{g.id} {md_text(g.title)}" + (" (owner needed)" if g.owner_needed else "")
            for g in plan.gaps) or "none found.")]  # fmt: skip
        out += ["", "**Avoid:** " + ("; ".join(md_text(a.title) for a in plan.avoid)
                                     or "nothing in the roadmap's targets argues against the plan.")]  # fmt: skip
        return [*out, ""]

    def _considerations(self, view: ReportView) -> list[str]:
        out = ["## Strategic considerations", ""]
        for index, c in enumerate(view.plan.considerations, start=1):
            recs = f" ({', '.join(c.recommendations)})" if c.recommendations else ""
            out.append(f"{index}. **{md_text(c.title)}**{recs}. {md_text(c.text)}")
            out += self._sources(view, c.sources)
        return [*out, ""]

    def _by_quarter(self, view: ReportView) -> list[str]:
        out = ["## Plan by quarter", ""]
        for q in view.quarters:
            if not q.recommendations:
                continue
            out += [
                f"### {q.id} ({_pw(q.effort)})",
                "",
                "| id | priority | score | recommendation | effort | quick win |",
                "|---|---|---|---|---|---|",
            ]
            for r in q.recommendations:
                out.append(f"| {r.id} | {r.priority} | {number(r.score.total)} | {_cell(r.title)} | "
                           f"{number(r.effort.person_weeks)} pw ({r.effort.size}) | "
                           f"{'yes' if r.quick_win else ''} |")  # fmt: skip
            out.append("")
        return out

    def _recommendations(self, view: ReportView) -> list[str]:
        out = ["## Recommendations", ""]
        for r in view.plan.recommendations:
            s = r.score
            frameworks = [f"{name}: {', '.join(ids)}" for name, ids in r.frameworks.items() if ids]
            out += [
                f"### {r.id} {md_text(r.title)}",
                "",
                f"- **When:** {r.period or 'unscheduled'}; **priority:** {r.priority}; "
                f"**effort:** {_pw(r.effort.person_weeks)} ({r.effort.size})"
                + ("; **quick win**" if r.quick_win else ""),
                f"- **Score {number(s.total)}** = risk {number(s.risk)} + window {number(s.window)} + exposure "
                f"{number(s.exposure)} + gap {number(s.gap)} + constraint {number(s.constraint)} + effort {number(s.effort)}",
                "- **Controls:** "
                + "; ".join(f"{md_text(view.control_title(c))} ({md_code(c)})" for c in r.controls),
                f"- **Frameworks:** {'; '.join(frameworks) or 'none'}",
            ]
            why, parts = detail_parts(r.detail)
            out += ["- **Sources:**", *self._sources(view, r.sources), "", md_text(why), ""]
            out += [f"- **{lead}** {md_text(text)}" for lead, text in parts]
            out.append("")
        return out

    def _gaps(self, view: ReportView) -> list[str]:
        out = ["## Gaps", ""]
        for g in view.plan.gaps:
            extra = []
            if g.owner_needed:
                extra.append(
                    f"Owner needed (suggested: {md_text(g.suggested_owner or 'a named owner')})."
                )
            if g.first_step:
                extra.append(f"First step: {md_text(g.first_step)}")
            if g.recommendations:
                extra.append(f"See {', '.join(g.recommendations)}.")
            out.append(f"- **{g.id} {md_text(g.title)}** ({g.period or 'unscheduled'}). "
                       f"{md_text(g.detail)} {' '.join(extra)}".rstrip())  # fmt: skip
            out += self._sources(view, g.sources)
        if not view.plan.gaps:
            out.append("No gaps found.")
        return [*out, ""]

    def _avoid(self, view: ReportView) -> list[str]:
        out = ["## Avoid", ""]
        for a in view.plan.avoid:
            out.append(f"- **{md_text(a.title)}**. {md_text(a.detail)}")
            out += self._sources(view, a.sources)
        if not view.plan.avoid:
            out.append("Nothing in the roadmap's targets argues against the recommended controls.")
        return [*out, ""]

    def _coverage(self, view: ReportView) -> list[str]:
        quarters = [q.id for q in view.quarters]
        out = [
            "## Framework coverage",
            "",
            "NIST CSF 2.0 categories the plan's recommendations touch, per quarter.",
            "",
            "| function | " + " | ".join(quarters) + " |",
            "|---" * (len(quarters) + 1) + "|",
        ]
        for row in view.coverage:
            cells = [", ".join(row.categories.get(q, ())) or "—" for q in quarters]
            out.append(f"| {row.function} {row.title} | " + " | ".join(cells) + " |")
        ssdf = sorted({i for r in view.plan.recommendations for i in r.frameworks.get(SSDF, ())})
        csf = sorted({i for r in view.plan.recommendations for i in r.frameworks.get(CSF, ())})
        out += ["", f"In all: {len(csf)} CSF 2.0 subcategories and {len(ssdf)} SSDF 1.1 tasks "
                    f"({', '.join(ssdf) or 'none'})."]  # fmt: skip
        return [*out, ""]
