"""Path -> Document with clear, typed errors for everything a user can get wrong."""

from __future__ import annotations

from pathlib import Path

from roadsec.errors import InputError
from roadsec.ingest.decode import MAX_BYTES, decode_bytes
from roadsec.ingest.repair import repair_lines
from roadsec.model.document import Document


def read_bytes(data: bytes, path: str) -> Document:
    """Decode and repair ``data``; ``path`` is how source references will name it."""
    text, encoding = decode_bytes(data, path)
    lines, repaired = repair_lines(text.split("\n"))
    return Document(
        path=path, lines=tuple(lines), encoding=encoding, repaired_lines=tuple(repaired)
    )


def read_path(path: str | Path) -> Document:
    """Read a file the user named; ``str(path)`` is kept as given for citations."""
    name = str(path)
    file = Path(path)
    try:
        if not file.exists():
            raise InputError(name, "no such file", "check the path")
        if file.is_dir():
            raise InputError(name, "is a directory", "name the roadmap files inside it")
        if not file.is_file():
            raise InputError(name, "is not a regular file", "give a text or Markdown file")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                name,
                f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit",
                "split it into smaller documents",
            )
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError as exc:
        raise InputError(name, "permission denied", "check the file's permissions") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})", "check the file") from exc
    return read_bytes(data, name)
