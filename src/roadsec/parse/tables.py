"""GFM tables mapped by their header names (Epic, User Story, Effort, Owner, KPIs...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from roadsec.model.roadmap import ItemKind
from roadsec.parse.blocks import LINE_BREAK, Block

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("effort", r"\beffort|\bestimate|\bsize\b|\bsizing\b|story points|\bpoints\b|\bcost\b"),
        ("owner", r"\bowners?\b|\blead\b|\bdri\b|\bteam\b|responsible|assignee|accountable"),
        ("metrics", r"\bkpis?\b|\bmetrics?\b|success|key results?|\bmeasures?\b|\btargets?\b"),
        ("status", r"\bstatus\b|\bstate\b|\bprogress\b"),
        ("period", r"\bquarter\b|timeline|\bwhen\b|\bdates?\b|\bdue\b|\bperiod\b|\beta\b|deadline|\brelease\b"),
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


@dataclass(frozen=True, slots=True)
class TableShape:
    """Which column carries what, and the kind of item a row is."""

    columns: dict[str, int]
    headers: tuple[str, ...]
    kind: ItemKind | None


def cell_texts(row: Block) -> list[str]:
    return [cell.text for cell in row.children if cell.kind == "cell"]


def table_shape(header: list[str]) -> TableShape:
    """Map header names to roles; the first unmatched column is the title when none names it."""
    columns: dict[str, int] = {}
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
    kind = None
    if "title" in columns:
        title_header = header[columns["title"]]
        kind = next((k for p, k in _TITLE_KIND if p.search(title_header)), None)
    return TableShape(columns, tuple(header), kind)


def split_cell_lines(cell: str) -> list[str]:
    """A KPI cell's separate entries (``<br>``, ``;`` or bullet separated)."""
    parts = re.split(r"\n|;|•|(?:^|\s)-\s(?=[A-Z0-9<>])", cell.replace(LINE_BREAK, "\n"))
    return [part.strip(" -*") for part in parts if part.strip(" -*")]
