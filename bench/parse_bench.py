"""Parse cost per document as a ratio to a bare markdown-it-py parse of the same text.

Both run in this process on the same documents; the figure that matters is the ratio, not
seconds. Run: ``make bench`` (or ``python bench/parse_bench.py [FILES...]``).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyromark
from markdown_it import MarkdownIt

from roadsec.ingest import read_bytes
from roadsec.parse import parse_document
from roadsec.parse.technologies import load_lexicon
from roadsec.parse.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def interleaved(fns: list[Callable[[], object]], rounds: int = 15, number: int = 10) -> list[float]:
    """Best mean seconds per call of each, timed in alternating rounds so that noise
    from the machine falls on all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for slot, fn in enumerate(fns):
            started = time.perf_counter()
            for _ in range(number):
                fn()
            best[slot] = min(best[slot], (time.perf_counter() - started) / number)
    return best


def main(paths: list[Path]) -> None:
    load_lexicon(), load_vocabulary()  # one-time data load, not per document
    baseline_parser = MarkdownIt("commonmark").enable("table")
    options = pyromark.Options.ENABLE_TABLES
    ratios = []
    print(
        f"{'document':40} {'markdown-it-py':>14} {'pyromark':>9} {'roadsec parse':>13} {'ratio':>6}"
    )
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        base, bare, ours = interleaved([
            lambda text=text: baseline_parser.parse(text),
            lambda text=text: list(pyromark.events_with_range(text, options=options)),
            lambda data=data, name=path.name: parse_document(read_bytes(data, name)),
        ])  # fmt: skip
        ratios.append(ours / base)
        print(f"{path.name[:40]:40} {base * 1e3:11.2f} ms {bare * 1e3:6.2f} ms {ours * 1e3:10.2f} ms"
              f" {ours / base:6.2f}")  # fmt: skip
    print(
        f"{'median ratio (ingest + repair + parse) / markdown-it-py':76} {statistics.median(ratios):6.2f}"
    )


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "examples").glob("*.md"))
    main(args)
