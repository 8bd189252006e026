"""Properties over arbitrary input: ingest + parse never raise, and every source line exists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadsec.errors import InputError
from roadsec.ingest import read_bytes
from roadsec.model.roadmap import Roadmap
from roadsec.parse import parse_document

FRAGMENTS = st.sampled_from(
    [
        "# ", "## Q1 2025", "### Objectives:", "### Key Results", "- ", "  - ", "1. ", "**", ":",
        "(delayed from Q2 due to budget)", "| Epic | Owner | KPIs |\n|---|---|---|\n", "| a | b | c<br>d |",
        "Reduce latency by 40%", "from 300ms to under 180ms", "99.9% → 99.99%", "Kubernetes",
        "AWS S3", "\n", "\n\n", "> ", "```", "<br>", "â€“", "ðŸš€", "\uf8ffüöÄ", "\x00", "\r\n",
        "Owner: Platform Team", "Effort: 3 person-weeks", "Deferred", "Q3-Q4 2025", "H2", "(March 2025)",
    ]
)  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(roadmap: Roadmap, line_count: int) -> None:
    for item in roadmap.items:
        assert item.sources
        for source in item.sources:
            assert 1 <= source.line <= line_count
        assert item.title == item.title.strip()
    for technology in roadmap.technologies:
        for source in technology.sources:
            assert 1 <= source.line <= line_count


def ingest_and_parse(data: bytes) -> None:
    try:
        document = read_bytes(data, "fuzz.md")
    except InputError:
        return  # a clean, typed refusal is a correct answer
    check(parse_document(document), len(document.lines))


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    ingest_and_parse(data)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    ingest_and_parse(text.encode("utf-8", errors="surrogatepass"))


@SETTINGS
@given(st.lists(FRAGMENTS, max_size=80).map("".join))
def test_roadmap_shaped_text(text: str) -> None:
    ingest_and_parse(text.encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=60).map("".join))
def test_whole_analysis_on_roadmap_shaped_text(text: str) -> None:
    from roadsec.api import plan_documents

    try:
        document = read_bytes(text.encode("utf-8"), "fuzz.md")
    except InputError:
        return
    plan = plan_documents([document])
    for entry in (*plan.recommendations, *plan.gaps, *plan.avoid, *plan.considerations):
        assert 1 <= len(entry.sources) <= 6
        for source in entry.sources:
            assert 1 <= source.line <= len(document.lines)
