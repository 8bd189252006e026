"""Rich tables for people reading `roadsec parse` in a terminal."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from roadsec.model.roadmap import Item, Metric, Roadmap


def _metric(metric: Metric) -> str:
    def num(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    target = f"{metric.comparator or ''}{num(metric.target)}{metric.unit or ''}"
    if metric.relative and metric.direction:
        target = f"{'-' if metric.direction == 'decrease' else '+'}{num(metric.target)}{metric.unit or ''}"
    if metric.baseline is not None:
        target = f"{num(metric.baseline)} → {target}"
    return f"{metric.name} {target}".strip()


def _item_row(item: Item, depth: int) -> list[RenderableType]:
    effort = f"{item.effort.value:g} {item.effort.unit}" if item.effort else ""
    status = item.status.value + (f" ({item.status_reason})" if item.status_reason else "")
    return [
        str(item.sources[0].line),
        item.kind.value,
        item.period or "",
        Text(status),
        Text("  " * depth + item.title),
        Text(item.owner or ""),
        effort,
        Text("; ".join(_metric(m) for m in item.metrics)),
    ]


def roadmap_renderables(roadmap: Roadmap) -> list[RenderableType]:
    """One items table per document, then technologies and capacity."""
    depth: dict[str, int] = {}
    out: list[RenderableType] = []
    for document in roadmap.documents:
        table = Table(title=Text(f"{document.path} — {document.title or 'untitled'}"),
                      title_justify="left", expand=False, show_lines=False)  # fmt: skip
        for column in ("line", "kind", "period"):
            table.add_column(column, no_wrap=True)
        for column in ("status", "title", "owner", "effort", "metrics"):
            table.add_column(
                column, overflow="fold", ratio=3 if column in ("title", "metrics") else 1
            )
        for item in roadmap.items:
            if item.sources[0].document != document.path:
                continue
            depth[item.id] = depth.get(item.parent or "", -1) + 1 if item.parent else 0
            table.add_row(*_item_row(item, depth[item.id]))
        out.append(table)
    if roadmap.technologies:
        tech = Table(title="technologies", title_justify="left")
        for column in ("name", "category", "lines"):
            tech.add_column(column)
        for technology in roadmap.technologies:
            lines = ", ".join(f"{s.line}" for s in technology.sources)
            tech.add_row(Text(technology.name), technology.category, lines)
        out.append(tech)
    if roadmap.capacity:
        cap = Table(title="capacity", title_justify="left")
        for column in ("kind", "label", "value", "period", "line"):
            cap.add_column(column)
        for entry in roadmap.capacity:
            cap.add_row(entry.kind, Text(entry.label), f"{entry.value:g} {entry.unit}",
                        entry.period or "", str(entry.sources[0].line))  # fmt: skip
        out.append(cap)
    return out


def render_text(renderables: list[RenderableType], width: int = 160) -> str:
    """Plain text of the tables, for ``-o FILE``."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(Group(*renderables))
    return console.export_text()
