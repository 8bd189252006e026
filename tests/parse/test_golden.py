"""Golden extraction of the five bundled examples, checked by hand against each document.

Regenerate after a deliberate change with ``ROADSEC_UPDATE_GOLDEN=1 pytest tests/parse/test_golden.py``
and read the diff line by line against the example before committing it.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from roadsec.ingest import read_bytes
from roadsec.model.roadmap import Roadmap
from roadsec.parse import parse_document
from tests.conftest import SAMPLES

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def parse_bytes(data: bytes, name: str) -> Roadmap:
    return parse_document(read_bytes(data, f"examples/{name}"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_golden(sample: Path) -> None:
    actual = parse_bytes(sample.read_bytes(), sample.name).to_dict()
    golden = GOLDEN / f"{sample.stem}.json"
    if os.environ.get("ROADSEC_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(golden.read_text("utf-8"))


def _items(roadmap: Roadmap) -> list[tuple[object, ...]]:
    return [
        (i.kind, i.title, i.period, i.status, i.owner, i.metrics, [s.line for s in i.sources])
        for i in roadmap.items
    ]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("variant", ["utf-16", "utf-8-bom", "crlf", "cr", "cp1252"])
def test_encodings_and_line_endings_give_the_same_items(sample: Path, variant: str) -> None:
    text = sample.read_text("utf-8")
    original = parse_bytes(sample.read_bytes(), sample.name)
    if variant == "utf-16":
        data = text.encode("utf-16")  # with BOM
    elif variant == "utf-8-bom":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif variant == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    elif variant == "cr":
        data = text.replace("\n", "\r").encode("utf-8")
    else:
        try:
            data = text.encode("cp1252")
        except UnicodeEncodeError:
            pytest.skip("this example has characters cp1252 cannot hold")
    assert _items(parse_bytes(data, sample.name)) == _items(original)
