"""`roadsec catalog`: inspect and validate the knowledge catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from roadsec.cli.boundary import boundary
from roadsec.errors import CatalogError
from roadsec.knowledge import load_catalog
from roadsec.knowledge.catalog import build_catalog

catalog_app = typer.Typer(help="Inspect and validate the knowledge catalog.", no_args_is_help=True)
out = Console(highlight=False)


@catalog_app.command("list")
def list_entries(
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="controls | change-types | constraints | baselines")
    ] = "controls",
) -> None:
    """List catalog entries."""
    with boundary():
        _list(kind)


def _list(kind: str) -> None:
    catalog = load_catalog()
    table = Table(title=f"{kind} (catalog {catalog.version})", title_justify="left")
    if kind == "controls":
        for column in ("id", "domain", "title", "effort", "impact", "latency", "quick win"):
            table.add_column(column)
        for c in catalog.controls.values():
            table.add_row(c.id, c.domain, Text(c.title), f"{c.effort.size} ({c.effort.person_weeks:g} pw)",
                          str(c.impact), c.latency_impact, "yes" if c.quick_win else "")  # fmt: skip
    elif kind == "change-types":
        for column in ("id", "title", "controls"):
            table.add_column(column)
        for t in catalog.change_types.values():
            table.add_row(t.entry.id, Text(t.entry.title), ", ".join(t.entry.controls))
    elif kind == "constraints":
        for column in ("id", "kind", "title"):
            table.add_column(column)
        for r in catalog.constraints:
            table.add_row(r.id, r.kind, Text(r.title))
    elif kind == "baselines":
        for column in ("id", "technologies / categories", "controls"):
            table.add_column(column)
        for b in catalog.baselines:
            table.add_row(b.id, ", ".join(b.technologies + b.categories), ", ".join(b.controls))
    else:
        raise CatalogError(
            f"unknown kind {kind!r}", "use controls, change-types, constraints or baselines"
        )
    out.print(table)


@catalog_app.command("show")
def show(entry_id: Annotated[str, typer.Argument(help="A control or change-type id.")]) -> None:
    """Show one control or change type in full."""
    with boundary():
        _show(entry_id)


def _show(entry_id: str) -> None:
    catalog = load_catalog()
    if entry_id in catalog.controls:
        data = catalog.controls[entry_id].model_dump(mode="json", exclude_none=True)
    elif entry_id in catalog.change_types:
        data = catalog.change_types[entry_id].entry.model_dump(mode="json", exclude_none=True)
    else:
        raise CatalogError(f"no control or change type {entry_id!r}", "see `roadsec catalog list`")
    import yaml

    out.print(Text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)))


@catalog_app.command("validate")
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(help="A catalog folder laid out like the bundled one (default: bundled)."),
    ] = None,
) -> None:
    """Load and cross-check a catalog; exit 3 with the first problem if it is invalid."""
    with boundary():
        catalog = build_catalog(path) if path else load_catalog()
        out.print(
            f"catalog {catalog.version}: {len(catalog.controls)} controls, "
            f"{len(catalog.change_types)} change types, {len(catalog.constraints)} constraint rules, "
            f"{len(catalog.gaps)} gap rules, {len(catalog.baselines)} baselines: valid"
        )
