"""Chart SVG made safe to inline: an allow-list of elements and attributes, ids made unique.

The charting library writes the SVG; this module guarantees what reaches the page anyway. No
scripts, event handlers, foreign content or external references survive, whatever the chart's
text says; ids are renumbered per chart so several charts share one page deterministically.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # parses only SVG the charting library wrote

from markupsafe import Markup

from roadsec.errors import RoadsecError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALLOWED_ELEMENTS = frozenset({
    "svg", "g", "path", "rect", "line", "circle", "ellipse", "polygon", "polyline", "text",
    "tspan", "title", "desc", "defs", "clipPath", "linearGradient", "radialGradient", "stop",
})  # fmt: skip
_URL_REF = re.compile(r"url\(#([\w.\-]+)\)")

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


class ChartError(RoadsecError):
    """A chart came back from the charting library in a shape the report cannot inline."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _allowed_attribute(name: str, value: str) -> bool:
    local = _local(name).lower()
    if local.startswith("on") or local == "style":
        return False
    if local == "href":
        return value.startswith("#")
    return "javascript:" not in value.lower()


def inline_svg(svg: str, prefix: str, label: str) -> Markup:
    """``svg`` as an accessible inline image: allow-listed, ids prefixed, titled ``label``."""
    try:
        root = ET.fromstring(svg)  # noqa: S314 - our own chart output, no DTD, no entities
    except ET.ParseError as exc:
        raise ChartError(f"chart {prefix} is not valid SVG: {exc}", "report this as a bug") from exc
    if _local(root.tag) != "svg":
        raise ChartError(f"chart {prefix} is not an SVG document", "report this as a bug")
    ids: dict[str, str] = {}
    for element in root.iter():
        if (found := element.get("id")) is not None:
            ids[found] = f"{prefix}-{len(ids) + 1}"
    _clean(root, ids)
    root.set("role", "img")
    root.set("aria-label", label)
    root.set("class", f"chart {prefix}")
    title = ET.Element(f"{{{SVG_NS}}}title")
    title.text = label
    root.insert(0, title)
    text = ET.tostring(root, encoding="unicode")
    return Markup(text)  # noqa: S704 - allow-listed above, text nodes escaped by ElementTree


def _rename(value: str, ids: dict[str, str]) -> str:
    value = _URL_REF.sub(lambda m: f"url(#{ids.get(m.group(1), m.group(1))})", value)
    if value.startswith("#") and value[1:] in ids:
        return "#" + ids[value[1:]]
    return value


def _clean(element: ET.Element, ids: dict[str, str]) -> None:
    for child in list(element):
        if _local(child.tag) not in ALLOWED_ELEMENTS:
            element.remove(child)
            continue
        _clean(child, ids)
    for name, value in list(element.attrib.items()):
        if not _allowed_attribute(name, value):
            del element.attrib[name]
        elif _local(name) == "id":
            element.set(name, ids[value])
        else:
            element.set(name, _rename(value, ids))
