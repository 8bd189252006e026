"""A static look at HTML: every element and attribute, with what could run or fetch."""

from __future__ import annotations

from html.parser import HTMLParser

FETCHING = {"src", "srcset", "poster", "data", "action", "formaction", "background"}
LIVE_TAGS = {"script", "iframe", "object", "embed", "frame", "base", "form", "foreignobject"}


class Scan(HTMLParser):
    """Collects tags, attributes, live constructs and links of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.live: list[str] = []
        self.links: list[str] = []
        self.metas: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {name: value or "" for name, value in attrs}
        if tag in LIVE_TAGS:
            self.live.append(f"<{tag}>")
        if tag == "meta":
            self.metas.append(values)
        if tag == "link" and "stylesheet" in values.get("rel", ""):
            self.live.append("external stylesheet")
        for name, value in values.items():
            if name.startswith("on"):
                self.live.append(f"{tag}[{name}]")
            if name in FETCHING:
                self.live.append(f"{tag}[{name}={value[:40]}]")
            if name in {"href", "xlink:href"}:
                self.links.append(value)
                if not value.startswith(("#", "http://", "https://")):
                    self.live.append(f"{tag}[{name}={value[:40]}]")


def scan(html: str) -> Scan:
    parser = Scan()
    parser.feed(html)
    parser.close()
    return parser
