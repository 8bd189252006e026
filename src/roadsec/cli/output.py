"""Writing results: standard output, or a file written atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from roadsec.errors import InputError


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (atomically, so a failure never leaves half a file) or stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.resolve()
    if target.is_dir():
        raise InputError(str(output), "is a directory", "name a file to write")
    if not target.parent.is_dir():
        raise InputError(str(output), "its folder does not exist", "create the folder first")
    mode = _mode_for(target)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(
            str(output), f"cannot be written ({exc.strerror})", "check the path"
        ) from exc


def _mode_for(target: Path) -> int:
    """The permissions a plain write would give: the file's own, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
