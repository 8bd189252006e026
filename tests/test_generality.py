"""roadsec is judged on roadmaps it never saw: no rule, catalog entry or code names a bundled
example's company, product or sentence."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, SAMPLES

# Phrases every roadmap uses; sharing them with an example is not tailoring to it.
GENERIC = {
    "mean time to detect", "epic user story effort",
    "from ms to under", "ms to under ms",
}  # fmt: skip


def _shingles(text: str, size: int = 4) -> set[str]:
    out: set[str] = set()
    for line in text.splitlines():
        words = re.findall(r"[a-z][a-z'-]+", line.lower())
        out.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return out


def test_no_sample_sentences_or_names_in_rules_or_code() -> None:
    sample_shingles: set[str] = set()
    for sample in SAMPLES:
        sample_shingles |= _shingles(sample.read_text("utf-8"))
    names = re.compile(
        r"bitshipper|shipment|self-cognitive|scds|shopify|woocommerce", re.IGNORECASE
    )
    offenders = []
    source = ROOT / "src" / "roadsec"
    for path in [*source.rglob("*.py"), *source.rglob("*.yaml")]:
        if "frameworks" in path.parts:
            continue  # the NIST catalogs, verbatim
        text = path.read_text("utf-8")
        if names.search(text):
            offenders.append(f"{path}: names an example")
        for shingle in _shingles(text) & sample_shingles - GENERIC:
            offenders.append(f"{path.relative_to(ROOT)}: {shingle!r}")
    assert not offenders, "\n".join(offenders)


def test_examples_directory_is_not_read_by_the_package() -> None:
    for path in (ROOT / "src" / "roadsec").rglob("*.py"):
        assert "examples/" not in path.read_text("utf-8"), path
    assert Path(ROOT / "examples").is_dir()
