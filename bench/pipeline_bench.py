"""Parse cost (read, repair, parse) and whole-analysis cost (read, repair, parse, merge,
analyze, plan) per document, as ratios to a bare markdown-it-py parse of the same text; a bare
pyromark parse (the parser roadsec uses) is shown beside it. All timed in this process,
interleaved.

Run: ``make bench`` (or ``python bench/pipeline_bench.py [FILES...]``). The catalog is loaded
once before timing, as a long-running process or a batch would.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyromark
from markdown_it import MarkdownIt

from roadsec.api import plan_documents
from roadsec.ingest import read_bytes
from roadsec.knowledge import load_catalog
from roadsec.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent


def interleaved(fns: list[Callable[[], object]], rounds: int = 15, number: int = 10) -> list[float]:
    """Best mean seconds per call of each function, timed in alternating rounds so that
    machine noise falls on all of them alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for slot, fn in enumerate(fns):
            started = time.perf_counter()
            for _ in range(number):
                fn()
            best[slot] = min(best[slot], (time.perf_counter() - started) / number)
    return best


def main(paths: list[Path]) -> None:
    catalog = load_catalog()
    baseline_parser = MarkdownIt("commonmark").enable("table")
    options = pyromark.Options.ENABLE_TABLES
    rows = []
    print(f"{'document':40} {'markdown-it-py':>14} {'pyromark':>9} {'parse':>9} {'whole':>9}"
          f" {'parse/base':>10} {'whole/base':>10}")  # fmt: skip
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        base, bare, parse, whole = interleaved([
            lambda text=text: baseline_parser.parse(text),
            lambda text=text: list(pyromark.events_with_range(text, options=options)),
            lambda data=data, name=path.name: parse_document(read_bytes(data, name)),
            lambda data=data, name=path.name: plan_documents([read_bytes(data, name)], catalog=catalog),
        ])  # fmt: skip
        rows.append((parse / base, whole / base))
        print(f"{path.name[:40]:40} {base * 1e3:11.2f} ms {bare * 1e3:6.2f} ms {parse * 1e3:6.2f} ms"
              f" {whole * 1e3:6.2f} ms {parse / base:10.2f} {whole / base:10.2f}")  # fmt: skip
    for label, pick in (("median", statistics.median), ("max", max)):
        print(f"{label:86} {pick(r[0] for r in rows):10.2f} {pick(r[1] for r in rows):10.2f}")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "examples").glob("*.md"))
    main(args)
