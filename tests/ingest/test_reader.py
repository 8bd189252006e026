from __future__ import annotations

from pathlib import Path

import pytest

from roadsec.errors import InputError
from roadsec.ingest import read_path


def test_reads_and_keeps_path_as_given(tmp_path: Path) -> None:
    file = tmp_path / "r.md"
    file.write_text("# T\n\n- a\n")
    document = read_path(file)
    assert document.path == str(file)
    assert document.lines == ("# T", "", "- a", "")


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_missing_and_directory(tmp_path: Path, make: str) -> None:
    target = tmp_path / "x"
    if make == "directory":
        target.mkdir()
    with pytest.raises(InputError) as info:
        read_path(target)
    assert ("no such file" if make == "missing" else "directory") in info.value.problem
