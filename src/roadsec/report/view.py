"""What every human-readable report shows, computed once from a plan: quarters, the changes in
each, coverage of NIST CSF 2.0 per quarter, and each citation with the line it quotes."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

from roadsec.knowledge import Catalog, load_catalog
from roadsec.model.plan import Plan, PlanGap, Recommendation
from roadsec.model.roadmap import SourceRef
from roadsec.model.timeline import order_key, start_quarter
from roadsec.plan.wording import LEADS

UNSCHEDULED = "unscheduled"
CSF = "nist-csf-2.0"
SSDF = "nist-ssdf-1.1"


_PART = re.compile(" (?=" + "|".join(re.escape(lead) for lead in LEADS) + ")")


def detail_parts(detail: str) -> tuple[str, list[tuple[str, str]]]:
    """A recommendation's detail as its opening reason and (lead, text) parts:
    ``("Why now.", [("Rides:", "X (Q1)."), ("Build:", "...")])``."""
    first, *rest = _PART.split(detail)
    parts = []
    for part in rest:
        lead = next(lead for lead in LEADS if part.startswith(lead))
        parts.append((lead.strip(), part[len(lead) :]))
    return first, parts


def number(value: float) -> str:
    """A score or effort as people write it: ``7.25``, ``4``, ``0`` (never ``-0``)."""
    return f"{value + 0.0:g}"


def quarter_of(period: str | None) -> str:
    """The quarter (or horizon) a period starts in; ``unscheduled`` when there is none."""
    return start_quarter(period) or UNSCHEDULED


@dataclass(frozen=True)
class Citation:
    """A cited line and what it says."""

    document: str
    line: int
    text: str

    @property
    def label(self) -> str:
        return f"{self.document}:{self.line}"

    @property
    def short(self) -> str:
        """``file.md:12``: the label without the folders, for pages that name the documents."""
        return f"{PurePath(self.document).name}:{self.line}"


@dataclass(frozen=True)
class Change:
    """A roadmap change a quarter holds: the item, what kind of change it is, where it is said."""

    item: str
    title: str
    kinds: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class Quarter:
    """One column of the plan: the roadmap's changes and the security work placed in it."""

    id: str
    changes: tuple[Change, ...]
    recommendations: tuple[Recommendation, ...]
    gaps: tuple[PlanGap, ...]

    @property
    def effort(self) -> float:
        return sum(r.effort.person_weeks for r in self.recommendations)

    @property
    def top(self) -> tuple[Recommendation, ...]:
        """The highest-scoring recommendations of the quarter, best first (at most three)."""
        return tuple(sorted(self.recommendations, key=lambda r: -r.score.total)[:3])


@dataclass(frozen=True)
class Coverage:
    """One NIST CSF 2.0 function: which of its categories each quarter's plan touches."""

    function: str
    title: str
    categories: dict[str, tuple[str, ...]]

    def count(self, quarter: str) -> int:
        return len(self.categories.get(quarter, ()))


@dataclass(frozen=True, eq=False)
class ReportView:
    """A plan arranged for reading; built once, shared by the Markdown and HTML reports."""

    plan: Plan
    catalog: Catalog

    @cached_property
    def title(self) -> str:
        first = self.plan.documents[0].title if self.plan.documents else None
        return self.plan.organization or first or "roadmap"

    @cached_property
    def _quotes(self) -> dict[tuple[str, int], str]:
        return {(q.document, q.line): q.text for q in self.plan.quotes}

    def cite(self, refs: tuple[SourceRef, ...]) -> tuple[Citation, ...]:
        """Each reference with the text of the line it points at."""
        return tuple(
            Citation(r.document, r.line, self._quotes.get((r.document, r.line), "")) for r in refs
        )

    @cached_property
    def citations(self) -> tuple[Citation, ...]:
        """Every quoted line, in document order (the appendix)."""
        return tuple(Citation(q.document, q.line, q.text) for q in self.plan.quotes)

    @cached_property
    def quarters(self) -> tuple[Quarter, ...]:
        """The quarters in which the roadmap changes something or the plan recommends or finds
        something, in time order; unscheduled last."""
        plan = self.plan
        changes: dict[str, dict[str, Change]] = defaultdict(dict)
        for window in plan.windows:
            quarter = changes[quarter_of(window.period)]
            kind = self.change_title(window.change_type)
            seen = quarter.get(window.item)
            kinds = (seen.kinds if seen else ()) + (
                (kind,) if not seen or kind not in seen.kinds else ()
            )
            quarter[window.item] = Change(
                window.item, window.title, kinds, self.cite(window.sources[:1])[0]
            )
        recs: dict[str, list[Recommendation]] = defaultdict(list)
        for rec in plan.recommendations:
            recs[quarter_of(rec.period)].append(rec)
        gaps: dict[str, list[PlanGap]] = defaultdict(list)
        for gap in plan.gaps:
            gaps[quarter_of(gap.period)].append(gap)
        ids = set(changes) | set(recs) | set(gaps)  # a quarter with none of them says nothing
        ordered = sorted(ids, key=lambda q: (q == UNSCHEDULED, order_key(q), q))
        return tuple(
            Quarter(q, tuple(changes[q].values()), tuple(recs[q]), tuple(gaps[q])) for q in ordered
        )

    def change_title(self, change_type: str) -> str:
        entry = self.catalog.change_types.get(change_type)
        return entry.entry.title if entry else change_type

    def control_title(self, control: str) -> str:
        entry = self.catalog.controls.get(control)
        return entry.title if entry else control

    def framework_title(self, framework: str, entry_id: str) -> str:
        entry = self.catalog.frameworks[framework].entries.get(entry_id)
        return (entry.title or entry.text) if entry else entry_id

    @cached_property
    def coverage(self) -> tuple[Coverage, ...]:
        """Every CSF 2.0 function, with the categories each quarter's recommendations touch."""
        csf = self.catalog.frameworks[CSF]
        touched: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for quarter in self.quarters:
            for rec in quarter.recommendations:
                for sub in rec.frameworks.get(CSF, ()):
                    touched[csf.top(sub)][quarter.id].add(csf.category(sub))
        order = csf.order
        functions = [e for e in csf.entries.values() if e.parent is None]
        return tuple(
            Coverage(
                f.id,
                (f.title or f.id).capitalize(),
                {q: tuple(sorted(c, key=order.__getitem__)) for q, c in touched[f.id].items()},
            )
            for f in functions
        )

    @cached_property
    def quick_wins(self) -> tuple[Recommendation, ...]:
        return tuple(r for r in self.plan.recommendations if r.quick_win)

    @cached_property
    def total_effort(self) -> float:
        return sum(r.effort.person_weeks for r in self.plan.recommendations)


def build_view(plan: Plan, catalog: Catalog | None = None) -> ReportView:
    """The reading view of ``plan`` (catalog titles from the bundled catalog by default)."""
    return ReportView(plan, catalog or load_catalog())
