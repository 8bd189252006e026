"""The HTML report in a real browser (Debian's headless Chromium): it renders, its charts are
there, it fetches nothing, and a hostile roadmap's markup stays text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from roadsec.model.plan import Plan
from roadsec.report import render
from tests.conftest import SAMPLES
from tests.report.chromium import dump_dom, screenshot
from tests.report.htmlscan import scan

TIMELINE_SHADE = (209, 233, 255)  # charts.SHADE, #d1e9ff


def write(tmp_path: Path, plan: Plan, name: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(render(plan, "html"), encoding="utf-8")
    return page


@pytest.mark.parametrize("name", [p.stem for p in SAMPLES])
def test_example_report_renders_with_charts_and_fetches_nothing(
    name: str, sample_plans: dict[str, Plan], tmp_path: Path
) -> None:
    page = write(tmp_path, sample_plans[name], name)
    png = tmp_path / f"{name}.png"
    requests = screenshot(page, png)
    assert requests == []
    image = Image.open(png).convert("RGB")
    pixels = list(image.get_flattened_data())
    ink = sum(1 for p in pixels if p != (255, 255, 255))
    assert ink > 0.05 * len(pixels), "the screenshot is (almost) blank"
    assert len(set(pixels)) > 200, "the screenshot has too few colors to hold text and charts"
    assert pixels.count(TIMELINE_SHADE) > 500, "the timeline's shaded quarters are not drawn"
    dom = scan(dump_dom(page))
    assert dom.tags.count("svg") == 3
    assert dom.live == []


def test_the_request_check_sees_a_fetch(tmp_path: Path) -> None:
    """Positive control: a page that does fetch is caught, so the check above can fail."""
    page = tmp_path / "fetching.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="http://192.0.2.1:9/pixel.png">')
    assert screenshot(page, tmp_path / "fetching.png", height=400) == [
        "http://192.0.2.1:9/pixel.png"
    ]


def test_hostile_roadmap_is_inert_in_the_browser(hostile_plan: Plan, tmp_path: Path) -> None:
    page = write(tmp_path, hostile_plan, "hostile")
    assert screenshot(page, tmp_path / "hostile.png", height=1200) == []
    dom = dump_dom(page)
    found = scan(dom)
    assert found.live == []
    assert all(link.startswith(("#", "https://", "http://")) for link in found.links)
    assert "javascript:" not in dom.lower(), "the javascript: link is dropped, its label kept"
    assert "&lt;script&gt;" in dom, "the roadmap's script tag should be shown as text"
