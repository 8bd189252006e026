"""GFM tables mapped by their header names (Epic, User Story, Effort, Owner, KPIs...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadsec.model.roadmap import STALLED, ItemKind, Status
from roadsec.parse.blocks import LINE_BREAK, Block
from roadsec.parse.context import Context
from roadsec.parse.draft import Draft
from roadsec.parse.fields import effort_from_cell, owner_from_cell, unit_from_header
from roadsec.parse.metrics import metric_fields
from roadsec.parse.months import only_month
from roadsec.parse.periods import MONTHS, Period, without_period_words
from roadsec.parse.status import status_from_cell
from roadsec.parse.text import clean_text, clean_title

if TYPE_CHECKING:
    from roadsec.parse.builder import ItemBuilder

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("key", r"^(?:key|id|#|no\.?|(?:issue|ticket|jira) ?(?:key|id|#)?|ref(?:erence)?)$"),
        ("labels", r"\blabels?\b|\btags?\b"),
        ("effort", r"\beffort|\bestimate|\bsize\b|\bsizing\b|story points|\bpoints\b|\bcost\b"),
        ("owner", r"\bowners?\b|\blead\b|\bdri\b|\bteam\b|responsible|assignee|accountable"),
        ("period", r"\bquarter\b|timeline|\bwhen\b|\bdates?\b|\bdue\b|\bperiod\b|\beta\b|deadline|\brelease\b|"
                   r"\bfix ?versions?\b|\bsprints?\b|\biterations?\b|\btarget (?:quarter|release|version)\b|\bpi\b"),
        ("metrics", r"\bkpis?\b|\bmetrics?\b|success|key results?|\bmeasures?\b|\btargets?\b"),
        ("status", r"\bstatus\b|\bstate\b|\bprogress\b"),
        ("priority", r"\bpriority\b|\bprio\b|\brank\b"),
        ("text", r"\bstor(?:y|ies)\b|description|details|summary|\bgoal|\bscope\b|\bnotes?\b|\bwhy\b|outcome"),
        ("title", r"\b(?:epic|initiative|feature|project|objective|okr|key result|item|name|title|"
                  r"deliverable|milestone|theme|workstream|capability|task|risk|area|component|"
                  r"work ?item)s?\b"),
    )
)  # fmt: skip
_TITLE_KIND: tuple[tuple[re.Pattern[str], ItemKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\bepic", ItemKind.EPIC),
        (r"\bfeature", ItemKind.FEATURE),
        (r"\bkey result|\bkr\b", ItemKind.KEY_RESULT),
        (r"\bobjective|\bokr", ItemKind.OBJECTIVE),
        (r"\brisk", ItemKind.RISK),
        (r"\btheme", ItemKind.THEME),
        (r"\btask|\bstor(?:y|ies)", ItemKind.TASK),
        (r"\bmetric|\bkpi", ItemKind.METRIC),
        (r"\binitiative|\bproject|\bmilestone|\bdeliverable|\bworkstream", ItemKind.INITIATIVE),
    )
)


_CELL_SEPARATORS = re.compile(r"\n|;|•|(?:^|\s)-\s(?=[A-Z0-9<>])")


@dataclass(frozen=True, slots=True)
class TableShape:
    """Which column carries what, and the kind of item a row is."""

    columns: dict[str, int]
    headers: tuple[str, ...]
    kind: ItemKind | None


def cell_texts(row: Block) -> list[str]:
    return [cell.text for cell in row.children if cell.kind == "cell"]


_ONLY_DATES = re.compile(
    r"^(?:[\s\d–—/.,-]|to\b|(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b)+$",
    re.IGNORECASE,
)
_NO_DATE = frozenset(
    {
        "tbd",
        "tbc",
        "tba",
        "?",
        "??",
        "???",
        "n/a",
        "none",
        "unscheduled",
        "not planned",
        "not scheduled",
        "to be scheduled",
        "to be confirmed",
    }
)
_PER_PERIOD = re.compile(r"(?:\bper |/ ?)(day|week|month)\b", re.I)
_BASELINE = re.compile(
    r"\b(?:baseline|current|today|now|as[- ]is|actuals?|starting point|from)\b", re.I
)
_AS_OF = re.compile(
    r"\b(?:20\d\d|fy\s?'?\d\d|q[1-4]|h[12]|end of|as of|last (?:year|quarter|half))\b", re.I
)
"""A column dated before the target's: the measure as it stands ("End of 2026", "FY26")."""
_TARGET = re.compile(r"\b(?:target|goal|to[- ]be|aim|ambition|plan)\b|^to$", re.I)


def _baseline_and_target(header: list[str]) -> tuple[int, int] | None:
    """The baseline and (first) target columns of a scorecard ("| KPI | Baseline (2026) |
    Target 2027 | Target 2029 |"), whose first column names the measure."""
    baseline = next((i for i, name in enumerate(header) if i and _BASELINE.search(name)), None)
    target = next(
        (i for i, name in enumerate(header) if i and i != baseline and _TARGET.search(name)), None
    )
    if baseline is None and target is not None:  # "| Metric | End of 2026 | Target end of 2027 |"
        baseline = next((i for i in range(1, target) if _AS_OF.search(header[i])), None)
    return (baseline, target) if baseline is not None and target is not None else None


def table_shape(header: list[str]) -> TableShape:
    """Map header names to roles; the first unmatched column is the title when none names it,
    else the text column ("| Key | Summary | Status |": the summary names the work). A
    scorecard's rows are metrics: measure, baseline and target."""
    columns: dict[str, int] = {}
    if (scorecard := _baseline_and_target(header)) is not None:
        columns = {"title": 0, "baseline": scorecard[0], "target": scorecard[1]}
        for index, name in enumerate(header):
            if index in columns.values():
                continue
            role = next((r for r, pattern in _COLUMNS if pattern.search(name)), None)
            if role in ("owner", "status", "period") and role not in columns:
                columns[role] = index  # who owns a measure, or when it is due
        return TableShape(columns, tuple(header), ItemKind.METRIC)
    for index, name in enumerate(header):
        for role, pattern in _COLUMNS:
            if role not in columns and pattern.search(name):
                columns[role] = index
                break
    if "title" not in columns:
        taken = set(columns.values())
        free = [i for i in range(len(header)) if i not in taken]
        if free:
            columns["title"] = free[0]
        elif "text" in columns:
            columns["title"] = columns.pop("text")
    kind = None
    if "title" in columns:
        title_header = header[columns["title"]]
        kind = next((k for p, k in _TITLE_KIND if p.search(title_header)), None)
    return TableShape(columns, tuple(header), kind)


_WORK_COLUMNS = frozenset({"period", "status", "effort", "metrics", "priority"})
"""Columns only a table of planned work has."""


def _dates_itself(b: ItemBuilder, cells: list[str]) -> bool:
    """A row that states its own period or a stalled status, as a list item may."""
    text = " ".join(cells)
    return b.own_period(text)[0] is not None or b.status_of(text)[0] in STALLED


_UNMARKED = frozenset({"", "-", "–", "—", "no", "n", "n/a", "0", "✗", "❌", "☐", "[ ]"})
"""Cells of a timeline column that do not mark the row's work in that period."""


def _timeline_columns(b: ItemBuilder, shape: TableShape) -> list[tuple[int, Period]]:
    """Columns headed by a period ("| Initiative | Q1 | Q2 | Q3 | Q4 |"), in order."""
    taken = set(shape.columns.values())
    columns = []
    for index, header in enumerate(shape.headers):
        if index not in taken and len(header) <= 24:
            period = b.heading_period(header)
            if period is not None and (not without_period_words(header) or only_month(header)):
                columns.append((index, period))
    return columns if len(columns) >= 2 else []


def _marked_span(timeline: list[tuple[int, Period]], cells: list[str]) -> Period | None:
    """The periods a row marks, as one span when they fall in one year, else the first."""
    marked = [
        p for i, p in timeline if i < len(cells) and cells[i].strip().lower() not in _UNMARKED
    ]
    if not marked:
        return None
    first, last = marked[0], marked[-1]
    if len(marked) == 1 or first.year != last.year or first.horizon or last.horizon:
        return first
    return Period(first.year, first.first, max(p.last for p in marked))


MAX_CELL_ENTRIES = 12


def _cells_hold_work(timeline: list[tuple[int, Period]], cells: list[str]) -> bool:
    """A matrix ("| Workstream | Q1 2027 | Q2 2027 |") whose quarter cells name the work, not
    a Gantt chart whose cells only mark it ("✓", "X", "■")."""
    return any(i < len(cells) and len(cells[i].split()) >= 2 for i, _ in timeline)


def _quarter_cells(
    b: ItemBuilder, row: Draft, timeline: list[tuple[int, Period]], cells: list[str],
    line: int, ctx: Context,
) -> None:  # fmt: skip
    """Each deliverable in a quarter cell is an item of that quarter under its workstream."""
    row.kind, row.period = ItemKind.THEME, None  # the row only groups its cells' work
    under = ctx.under(row.id, ItemKind.THEME)
    if row.owner:  # "| **Video Visits** (Visits – Ana Castillo) | …": the row's lead owns its cells
        under = under._replace(owner=row.owner)
    for index, period in timeline:
        if index >= len(cells) or cells[index].strip().lower() in _UNMARKED:
            continue
        for entry in split_cell_lines(cells[index])[:MAX_CELL_ENTRIES]:
            title = b.item_title(Block("item", line, line, text=entry), None, entry)
            draft = b.new_draft(ItemKind.INITIATIVE, title, line, under)
            draft.add_text(entry)
            b.place(draft, entry, under._replace(period=period))
            draft.add_metrics(metric_fields(entry), line)


_ROW_LEAD = re.compile(r"\(([^()]{2,60})\)\s*$")
_NOBODY_LEADS = re.compile(r"\b(?:tb[dca]|none|unowned|no owner|vacant|open req)\b", re.I)
_NAME = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]*){0,3}$")


def _row_owner(title_cell: str) -> str | None:
    """The lead a workstream row names after its title: "Video Visits (Visits – Ana Castillo)"
    gives Ana Castillo; "(Owner TBD – was Platform)" names nobody."""
    found = _ROW_LEAD.search(clean_text(title_cell))
    if found is None or _NOBODY_LEADS.search(found.group(1)):
        return None
    who = re.split(r"\s[–—-]\s|:\s", found.group(1))[-1].strip()
    return who if _NAME.match(who) else None


def split_cell_lines(cell: str) -> list[str]:
    """A KPI cell's separate entries (``<br>``, ``;`` or bullet separated)."""
    parts = _CELL_SEPARATORS.split(cell.replace(LINE_BREAK, "\n"))
    return [part.strip(" -*") for part in parts if part.strip(" -*")]


def read_table(b: ItemBuilder, block: Block, ctx: Context) -> None:
    """One item per body row, fields taken from the columns the header names."""
    rows = [row for row in block.children if row.kind == "row"]
    if len(rows) < 2 or ctx.skips_items:
        return
    shape = table_shape([clean_text(c) for c in cell_texts(rows[0])])
    effort_unit = (
        unit_from_header(shape.headers[shape.columns["effort"]])
        if "effort" in shape.columns
        else None
    )
    timeline = _timeline_columns(b, shape)
    named = set(shape.columns.values()) | {index for index, _ in timeline}
    plans_work = (
        shape.kind is not None or bool(timeline) or not _WORK_COLUMNS.isdisjoint(shape.columns)
    )
    for row in rows[1:]:
        cells = cell_texts(row)
        if not (plans_work or ctx.collects_items or ctx.dated or _dates_itself(b, cells)):
            continue  # an inventory ("Layer | Technology"): what is, not what will change

        def cell(role: str, cells: list[str] = cells) -> str:
            index = shape.columns.get(role)
            return cells[index] if index is not None and index < len(cells) else ""

        title = clean_title(cell("title"))
        if not title or _ONLY_DATES.match(title):
            continue  # "| PI 27.1 | Jan 6 – Mar 28 |": a calendar, not work
        draft = b.new_draft(shape.kind or ctx.kind(), title, row.line, ctx)
        if "baseline" in shape.columns:
            _scorecard_row(b, draft, shape, cell, ctx)
            continue
        rest = cell("text")
        if "text" not in shape.columns:  # "| Queue | RabbitMQ (to Kafka in Q3) |": the other cells
            rest = " ".join(c for i, c in enumerate(cells) if i not in named)
        draft.add_text(rest or title)
        if cell("labels"):  # "pci, security": what the row is about, for the analysis
            draft.add_text(f"(labels: {cell('labels')})")
        when = cell("period")
        if not when and "metrics" in shape.columns and b.only_period(cell("metrics")):
            when = cell("metrics")  # "| Milestone | Target | …" with "Aug FY27": a date
        b.place(draft, " ".join([when, rest]), ctx)
        alias = b.aliases.get(cell("period").strip(" `*").lower()) if b.aliases else None
        draft.period = _marked_span(timeline, cells) or alias or draft.period
        if cell("period").strip(" `*.").lower() in _NO_DATE:  # "| Timeline | TBD |"
            draft.period = None
            if draft.status in (None, Status.PLANNED):
                draft.status, draft.status_reason = Status.UNSCHEDULED, clean_text(cell("period"))
        draft.owner = owner_from_cell(cell("owner")) or draft.owner
        draft.effort = effort_from_cell(cell("effort"), effort_unit) or draft.effort
        if cell("status"):
            draft.status = status_from_cell(cell("status")) or draft.status
            if draft.status not in (Status.PLANNED, None):
                draft.status_reason = clean_text(cell("status"))
        for part in split_cell_lines(cell("metrics")):
            draft.add_metrics(metric_fields(part, metric_context=True), row.line)
        if "metrics" not in shape.columns:  # "| Reduce p99 latency from 180 ms to 120 ms |"
            draft.add_metrics(metric_fields(title), row.line)
        if timeline and _cells_hold_work(timeline, cells):
            draft.owner = draft.owner or _row_owner(cell("title"))
            _quarter_cells(b, draft, timeline, cells, row.line, ctx)


def _scorecard_row(
    b: ItemBuilder, draft: Draft, shape: TableShape, cell: Callable[[str], str], ctx: Context
) -> None:
    """ "| Change failure rate | 18% | 12% |": the measure from its baseline to its target, due
    when the target column says ("Target 2027")."""
    sentence = f"{draft.title} from {clean_text(cell('baseline'))} to {clean_text(cell('target'))}"
    draft.add_text(sentence)
    target_header = shape.headers[shape.columns["target"]]
    b.place(draft, " ".join([cell("period"), target_header]), ctx)
    draft.owner = owner_from_cell(cell("owner")) or draft.owner
    found = metric_fields(sentence, metric_context=True)
    for metric in found[:1]:
        metric["name"] = draft.title  # the row names the measure ("Conversion (visits → orders)")
        if metric["unit"] is None and (rate := _PER_PERIOD.search(draft.title)):
            metric["unit"] = f"/{rate.group(1).lower()}"  # "Deploys per day | 0.4 | 10+"
    draft.add_metrics(found[:1], draft.line)
