"""Bytes -> text: BOM sniffing, UTF-8 then Windows-1252, binary and size guards."""

from __future__ import annotations

import codecs
import re

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

from roadsec.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
"""Largest file roadsec reads (10 MiB); roadmaps are a few KB, so larger is refused."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_SHARE_LIMIT = 0.05
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)`` with line breaks normalized to ``\\n``.

    Raises InputError for empty, oversized or binary input.
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            path,
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit",
            "split it into smaller documents",
        )
    sniffed = _sniff_bom(data)
    if sniffed:
        encoding, skip = sniffed
        try:
            text = data[skip:].decode(encoding.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid {encoding} text", "re-save it as UTF-8") from exc
    else:
        if b"\x00" in data:
            raise InputError(path, "looks binary (NUL bytes)", "give a text or Markdown file")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("sloppy-windows-1252"), "windows-1252"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty", "give a roadmap with some text")
    _refuse_binary(text, path)
    return text, encoding


def _refuse_binary(text: str, path: str) -> None:
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if "\x00" in sample or controls > _CONTROL_SHARE_LIMIT * len(sample):
        raise InputError(path, "looks binary (control characters)", "give a text or Markdown file")
