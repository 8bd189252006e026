"""Roadmap text made inert: links, HTML, Markdown."""

from __future__ import annotations

from roadsec.report.safety import Segment, html_text, md_code, md_escape, md_text, split_links


def test_links_keep_only_http_and_https() -> None:
    text = (
        "See [docs](javascript:alert(1)) and [spec](https://example.com/a_(b)) <data:text/html,x>"
    )
    assert list(split_links(text)) == [
        Segment("See "), Segment("docs"), Segment(" and "),
        Segment("spec", "https://example.com/a_(b)"), Segment(" "), Segment(""),
    ]  # fmt: skip


def test_html_text_escapes_everything_but_safe_links() -> None:
    out = str(
        html_text('<img src=x onerror=alert(1)> "q" [x](vbscript:y) [ok](http://e.org/?a=1&b=2)')
    )
    assert out == (
        "&lt;img src=x onerror=alert(1)&gt; &#34;q&#34; x "
        '<a href="http://e.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">ok</a>'
    )


def test_markdown_text_is_literal() -> None:
    assert md_escape("a *b* <i>|c</i> `d` [e](f) &amp;") == (
        "a \\*b\\* \\<i\\>\\|c\\</i\\> \\`d\\` \\[e\\](f) \\&amp;"
    )
    assert md_text("[x](javascript:alert(1)) [y](https://e.org)") == "x y (<https://e.org>)"
    assert md_text("line\nbreak  and\ttab") == "line break and tab"


def test_code_span_fence_outgrows_backticks_inside() -> None:
    assert md_code("a `b` c") == "``a `b` c``"
    assert md_code("``x") == "``` ``x ```"
    assert md_code("[x](javascript:y)") == "`x`"
