"""`roadsec parse`: output formats, exit codes, and every bad-input case answered cleanly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roadsec.cli.app import app
from tests.conftest import example

runner = CliRunner()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it (no traceback may escape)."""
    return subprocess.run(
        [sys.executable, "-m", "roadsec", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def test_json_output_contract() -> None:
    result = runner.invoke(app, ["parse", str(example("scds")), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "roadsec.roadmap/1"
    assert [d["path"] for d in data["documents"]] == [str(example("scds"))]
    item = next(i for i in data["items"] if i["title"] == "API Security")
    assert set(item) >= {"id", "kind", "title", "text", "period", "status", "status_reason", "owner",
                         "effort", "due", "metrics", "parent", "sources"}  # fmt: skip
    assert item["sources"] == [{"document": str(example("scds")), "line": 22}]
    assert item["effort"] == {"value": 5.0, "unit": "person-weeks"}


def test_table_output_names_items() -> None:
    result = runner.invoke(app, ["parse", str(example("backend"))])
    assert result.exit_code == 0
    assert "Complete API Gateway Redesign" in result.stdout
    assert "PostgreSQL" in result.stdout


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = runner.invoke(app, ["parse", str(example("scds")), "-f", "json", "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text())["items"]


def _make(tmp_path: Path, case: str) -> Path:
    path = tmp_path / f"{case}.md"
    if case == "empty":
        path.write_bytes(b"")
    elif case == "random":
        path.write_bytes(os.urandom(200_000))
    elif case == "directory":
        path.mkdir()
    elif case == "huge":
        path.write_bytes(b"- item Q1 2025 cut latency by 30%\n" * 620_000)  # ~21 MB
    elif case == "nul":
        path.write_bytes(b"# Title\n\x00\x00- item\n")
    return path


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "no such file"),
        ("empty", "file is empty"),
        ("random", "looks binary"),
        ("directory", "is a directory"),
        ("huge", "over the 10,485,760-byte limit"),
        ("nul", "looks binary"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, case: str, message: str) -> None:
    path = _make(tmp_path, case)
    started = time.monotonic()
    result = run("parse", str(path))
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0]


def test_one_bad_file_never_sinks_the_others(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "missing.md"), str(example("scds")), "-f", "json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["documents"][0]["path"] == str(example("scds"))


@pytest.mark.parametrize(
    "content",
    [
        "".join("  " * i + "- x\n" for i in range(1200)),  # deep by indentation (~1.4 MB)
        "- " * 5000 + "x\n",  # 5,000-deep nested list on one line
        "> " * 5000 + "x\n",  # 5,000-deep quotes
        "# T\n- " + "a" * 100_000 + "\n",  # a 100,000-character line
        "- " + "Q1 2025 (delayed from " * 5000 + "\n",  # long line of period-looking text
        "\n".join(f"## Q{i % 4 + 1} 2025 heading {i}\n- item {i}" for i in range(20_000)),
    ],
    ids=["deep-indent", "deep-list", "deep-quote", "long-line", "long-period-line", "20k-headings"],
)
def test_hostile_structure_is_bounded(tmp_path: Path, content: str) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(content)
    started = time.monotonic()
    result = run("parse", str(path), "-f", "json")
    assert time.monotonic() - started < 60
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)


def test_parse_json_keeps_the_organization_all_documents_name(tmp_path: Path) -> None:
    one = tmp_path / "a.md"
    one.write_text("# Acme Corp – 2026 Roadmap\n\n## Q1\n- Launch the partner API\n", "utf-8")
    other = tmp_path / "b.md"
    other.write_text("# Globex – Platform Plan\n\n## Q2\n- Move to Kubernetes\n", "utf-8")
    single = CliRunner().invoke(app, ["parse", str(one), "--format", "json"])
    both = CliRunner().invoke(app, ["parse", str(one), str(other), "--format", "json"])
    assert json.loads(single.stdout)["organization"] == "Acme Corp"
    assert json.loads(both.stdout)["organization"] is None
