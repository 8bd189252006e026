"""`roadsec` command line. Exit codes: 0 ok, 1 internal error, 2 bad input, 3 bad catalog."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress

from roadsec.cli.boundary import STATE, boundary, err
from roadsec.cli.catalog_cmd import catalog_app
from roadsec.cli.output import write_output
from roadsec.cli.tables import render_text, roadmap_renderables
from roadsec.errors import InputError
from roadsec.ingest import read_path
from roadsec.model.roadmap import Roadmap
from roadsec.parse import parse_documents
from roadsec.report import render

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_CATALOG = 0, 1, 2, 3
EPILOG = (
    "Exit codes: 0 ok; 1 internal error; 2 bad input (missing, unreadable, binary, empty or "
    "over 10 MiB; the others are still processed); 3 invalid knowledge catalog."
)

app = typer.Typer(
    name="roadsec",
    help="Turn engineering and product roadmaps into a traceable security investment plan.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog_app, name="catalog")
T = TypeVar("T")


OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to FILE instead of standard output.")
]


class ParseFormat(StrEnum):
    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


class Contract(StrEnum):
    roadmap = "roadmap"
    plan = "plan"


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    STATE["debug"] = debug


def read_each(paths: list[Path], step: Callable[[Path], T]) -> tuple[list[T], int]:
    """Run ``step`` on every path; a bad file is reported and skipped, never fatal."""
    results: list[T] = []
    failures = 0
    progress = _progress(len(paths))
    task = progress.add_task("reading", total=len(paths)) if progress else None
    try:
        for path in paths:
            try:
                results.append(step(path))
            except InputError as exc:
                failures += 1
                err.print(f"roadsec: {exc.one_line()}", markup=False)
            if progress and task is not None:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    return results, failures


def _progress(count: int) -> Progress | None:
    """A progress bar on a terminal when there are several files; none when piped."""
    if count < 4 or not err.is_terminal:
        return None
    progress = Progress(console=err, transient=True)
    progress.start()
    return progress


def combined(roadmaps: list[Roadmap]) -> Roadmap:
    """Several documents side by side, without merging (that is `analyze`); the organization
    is kept where every document names the same one."""
    named = {d.organization for r in roadmaps for d in r.documents}
    return Roadmap(
        organization=named.pop() if len(named) == 1 else None,
        documents=tuple(d for r in roadmaps for d in r.documents),
        items=tuple(i for r in roadmaps for i in r.items),
        technologies=tuple(t for r in roadmaps for t in r.technologies),
        capacity=tuple(c for r in roadmaps for c in r.capacity),
    )


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Roadmap files (Markdown or text).")],
    format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ParseFormat.table,
    output: OutputOption = None,
) -> None:
    """Show what roadsec reads from roadmaps: items, periods, statuses, metrics, technologies."""
    with boundary():
        documents, failures = read_each(paths, read_path)
        roadmap = combined(parse_documents(documents)) if documents else None
        if roadmap is not None:
            if format is ParseFormat.json:
                write_output(roadmap.model_dump_json(by_alias=True, indent=2) + "\n", output)
            elif output is not None:
                write_output(render_text(roadmap_renderables(roadmap)), output)
            else:
                console = Console(highlight=False)
                if not console.is_terminal:
                    console.width = 160
                console.print(*roadmap_renderables(roadmap))
        if failures:
            raise typer.Exit(EXIT_INPUT)


@app.command()
def analyze(
    paths: Annotated[
        list[Path], typer.Argument(help="Roadmap files of one organization (Markdown or text).")
    ],
    org: Annotated[
        str | None,
        typer.Option("--org", help="Organization name (overrides what the documents say)."),
    ] = None,
    format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Report format: md (Markdown), html (one self-contained page with charts), "
            "json (roadsec.plan/1) or csv (one row per recommendation).",
        ),
    ] = ReportFormat.md,
    output: OutputOption = None,
) -> None:
    """Turn roadmaps into a security investment plan: windows, controls, gaps, avoid list.

    Documents given together are read as one organization's roadmap (for example an
    engineering roadmap and a technology overview) and give one plan.
    """
    with boundary():
        from roadsec.api import plan_documents

        documents, failures = read_each(paths, read_path)
        if documents:
            plan = plan_documents(documents, organization=org)
            write_output(render(plan, format.value), output)
        if failures:
            raise typer.Exit(EXIT_INPUT)


@app.command()
def schema(
    contract: Annotated[Contract, typer.Argument(help="Which contract: roadmap or plan.")],
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of roadsec.roadmap/1 or roadsec.plan/1 (as published in schemas/)."""
    with boundary():
        from roadsec.model.schemas import json_schema

        write_output(json.dumps(json_schema(contract.value), indent=2) + "\n", output)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SystemExit as exc:
        sys.exit(exc.code)
