"""Chart SVG is allow-listed and ids are unique per chart."""

from __future__ import annotations

import pytest

from roadsec.report.svg import ChartError, inline_svg

HOSTILE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 onload="alert(1)" width="10" height="10">
<script>alert(2)</script>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<defs><linearGradient id="gradient_7"><stop offset="0" stop-color="red"/></linearGradient>
<clipPath id="clip3"><rect width="5" height="5"/></clipPath></defs>
<g clip-path="url(#clip3)" style="fill:url(http://evil.example/x)">
<rect fill="url(#gradient_7)" onclick="alert(3)" width="5" height="5"/>
<use xlink:href="http://evil.example/sprite.svg#a"/>
<text>&lt;script&gt; as text</text>
<a href="javascript:alert(4)"><text>link</text></a>
</g></svg>"""


def test_allow_list_and_renumbered_ids() -> None:
    out = str(inline_svg(HOSTILE_SVG, "chart", 'A "label" <b>'))
    for gone in ("<script", "foreignObject", "onload", "onclick", "style=", "evil.example",
                 "javascript:", "<use", "<a "):  # fmt: skip
        assert gone not in out, gone
    assert 'id="chart-1"' in out and 'id="chart-2"' in out
    assert 'fill="url(#chart-1)"' in out and 'clip-path="url(#chart-2)"' in out
    assert "gradient_7" not in out and "clip3" not in out
    assert 'role="img"' in out and 'aria-label="A &quot;label&quot; &lt;b&gt;"' in out
    assert "&lt;script&gt; as text" in out


def test_same_chart_twice_is_byte_identical_with_different_prefixes() -> None:
    first = str(inline_svg(HOSTILE_SVG, "one", "x"))
    assert first == str(inline_svg(HOSTILE_SVG, "one", "x"))
    assert first.replace("one-", "two-").replace("chart one", "chart two") == str(
        inline_svg(HOSTILE_SVG, "two", "x")
    )


@pytest.mark.parametrize("bad", ["<svg", "<html><body/></html>", ""])
def test_not_svg_is_a_chart_error(bad: str) -> None:
    with pytest.raises(ChartError):
        inline_svg(bad, "chart", "x")
