from __future__ import annotations

import codecs

import pytest

from roadsec.errors import InputError
from roadsec.ingest.decode import MAX_BYTES, decode_bytes


def test_utf8_crlf_and_lone_cr_become_newlines() -> None:
    text, encoding = decode_bytes(b"# A\r\n- b\r- c\n", "x.md")
    assert text == "# A\n- b\n- c\n"
    assert encoding == "utf-8"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_boms_are_honoured(bom: bytes, codec: str) -> None:
    text, _ = decode_bytes(bom + "# Q1 2025 – São Paulo\n".encode(codec), "x.md")
    assert text == "# Q1 2025 – São Paulo\n"


def test_cp1252_fallback() -> None:
    text, encoding = decode_bytes("# Roadmap – Q1 café\n".encode("cp1252"), "x.md")
    assert text == "# Roadmap – Q1 café\n"
    assert encoding == "windows-1252"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"# Title\n\x00\x00- x\n", "binary"),
        (bytes(range(1, 32)) * 100, "binary"),
        (b"x" * (MAX_BYTES + 1), "limit"),
    ],
)
def test_refusals_name_the_file_and_problem(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.md")
    assert info.value.path == "bad.md"
    assert problem in info.value.problem
    assert info.value.exit_code == 2
