"""Markdown: a plain, readable plan with every statement's citations."""

from __future__ import annotations

import re
from collections import defaultdict

from roadsec.model.plan import Plan, Recommendation
from roadsec.model.roadmap import SourceRef

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")


def esc(text: str) -> str:
    """Roadmap text as literal Markdown: no markup, links, HTML or entities of its own."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def cite(refs: tuple[SourceRef, ...]) -> str:
    return ", ".join(f"`{r.document}:{r.line}`" for r in refs)


class MarkdownReporter:
    media_type = "text/markdown"

    def render(self, plan: Plan) -> str:
        out: list[str] = []
        name = (
            plan.organization or (plan.documents[0].title if plan.documents else None) or "roadmap"
        )
        out.append(f"# Security investment plan: {esc(name)}\n")
        docs = ", ".join(f"`{d.path}`" for d in plan.documents)
        out.append(f"Read from {docs}; catalog {plan.catalog_version}. "
                   f"{len(plan.recommendations)} recommendations, {len(plan.gaps)} gaps, "
                   f"{len(plan.avoid)} things to avoid.\n")  # fmt: skip
        out += self._summary(plan)
        out.append("## Strategic considerations\n")
        for c in plan.considerations:
            recs = f" ({', '.join(c.recommendations)})" if c.recommendations else ""
            out.append(f"- **{esc(c.title)}**{recs}. {esc(c.text)} Sources: {cite(c.sources)}")
        out.append("")
        out += self._by_quarter(plan)
        out.append("## Recommendations\n")
        for rec in plan.recommendations:
            out += self._recommendation(rec)
        out.append("## Gaps\n")
        for gap in plan.gaps or ():
            owner = (
                f" Owner needed (suggested: {esc(gap.suggested_owner or 'a named owner')})."
                if gap.owner_needed
                else ""
            )
            recs = f" See {', '.join(gap.recommendations)}." if gap.recommendations else ""
            out.append(
                f"- **{gap.id} {esc(gap.title)}** ({gap.period or 'unscheduled'}). {esc(gap.detail)}{owner}{recs} Sources: {cite(gap.sources)}"
            )
        if not plan.gaps:
            out.append("No gaps found.")
        out.append("\n## Avoid\n")
        for avoid in plan.avoid:
            out.append(
                f"- **{esc(avoid.title)}**. {esc(avoid.detail)} Sources: {cite(avoid.sources)}"
            )
        if not plan.avoid:
            out.append("Nothing in the roadmap's targets argues against the recommended controls.")
        return "\n".join(out).rstrip() + "\n"

    def _summary(self, plan: Plan) -> list[str]:
        high = [r for r in plan.recommendations if r.priority == "high"]
        quick = [r for r in plan.recommendations if r.quick_win]
        lines = ["## Summary\n"]
        lines.append(
            f"- Changes the plan rides: {len({w.item for w in plan.windows})} roadmap items across {', '.join(plan.quarters) or 'no dated quarter'}."
        )
        lines.append(
            f"- High priority: {', '.join(f'{r.id} ({r.period})' for r in high) or 'none'}."
        )
        lines.append(f"- Quick wins: {', '.join(r.id for r in quick) or 'none'}.")
        lines.append(f"- Gaps: {len(plan.gaps)}; avoid: {len(plan.avoid)}.\n")
        return lines

    def _by_quarter(self, plan: Plan) -> list[str]:
        groups: dict[str, list[Recommendation]] = defaultdict(list)
        for rec in plan.recommendations:
            groups[rec.period or "unscheduled"].append(rec)
        lines = [
            "## Plan by quarter\n",
            "| quarter | id | priority | recommendation | effort (person-weeks) | quick win |",
            "|---|---|---|---|---|---|",
        ]
        for quarter, recs in groups.items():
            for rec in recs:
                lines.append(
                    f"| {quarter} | {rec.id} | {rec.priority} | {esc(rec.title)} | {rec.effort.person_weeks:g} | {'yes' if rec.quick_win else ''} |"
                )
        lines.append("")
        return lines

    def _recommendation(self, rec: Recommendation) -> list[str]:
        s = rec.score
        frameworks = "; ".join(
            f"{name}: {', '.join(ids)}" for name, ids in rec.frameworks.items() if ids
        )
        return [
            f"### {rec.id} {esc(rec.title)}\n",
            f"- Quarter: {rec.period or 'unscheduled'}; priority: {rec.priority}; effort: {rec.effort.person_weeks:g} person-weeks ({rec.effort.size}){'; quick win' if rec.quick_win else ''}",
            f"- Score {s.total:g} = risk {s.risk:g} + window {s.window:g} + exposure {s.exposure:g} + gap {s.gap:g} + constraint {s.constraint:g} + effort {s.effort:g}",
            f"- Controls: {', '.join(rec.controls)}",
            f"- Frameworks: {frameworks}",
            f"- Sources: {cite(rec.sources)}",
            "",
            esc(rec.detail),
            "",
        ]
