"""The Markdown report: structure, citations, and roadmap text that cannot become markup."""

from __future__ import annotations

from pathlib import Path

import roadsec
from roadsec.report import render
from roadsec.report.markdown import esc
from tests.conftest import example

HOSTILE = """\
# <script>alert(1)</script> Evil Corp – 2026 Roadmap

## Q1 2026
- Migrate to Kubernetes [click](javascript:alert(1)) <img src=x onerror=alert(1)>
- Launch customer portal "><svg onload=alert(1)> | a | b |
"""


def test_sections_and_citations() -> None:
    text = render(roadsec.analyze([example("scds")]), "md")
    for heading in ("## Summary", "## Strategic considerations", "## Plan by quarter",
                    "## Recommendations", "## Gaps", "## Avoid"):  # fmt: skip
        assert heading in text
    assert "scds-quarterly-roadmap.md:22`" in text
    assert "Score " in text and "nist-csf-2.0" in text


def test_hostile_text_is_literal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE)
    text = render(roadsec.analyze([path]), "md")
    assert "<script>" not in text and "<img" not in text and "<svg" not in text
    assert "](javascript:" not in text
    assert "\\<script\\>" in text or "script" not in text


def test_escape() -> None:
    assert (
        esc("<b>*x*</b> [a](b) | &amp; R&D") == "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) \\| \\&amp; R&D"
    )
