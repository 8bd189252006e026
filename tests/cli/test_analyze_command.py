"""`roadsec analyze` and the Python API."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

import roadsec
from roadsec.cli.app import app
from tests.conftest import example

runner = CliRunner()


def test_python_api_returns_plan_with_json_contract() -> None:
    plan = roadsec.analyze([example("scds")])
    data = plan.to_dict()
    assert data["schema"] == "roadsec.plan/1"
    assert set(data) >= {"documents", "items", "technologies", "recommendations", "gaps", "avoid",
                         "considerations"}  # fmt: skip
    rec = data["recommendations"][0]
    assert set(rec) >= {"id", "title", "detail", "period", "priority", "score", "quick_win",
                        "effort", "controls", "frameworks", "sources"}  # fmt: skip
    assert set(rec["frameworks"]) == {"nist-csf-2.0", "nist-ssdf-1.1"}


def test_org_override() -> None:
    plan = roadsec.analyze([example("bitshipper-engineering")], organization="Other Org")
    assert plan.organization == "Other Org"


def test_markdown_to_stdout() -> None:
    result = runner.invoke(app, ["analyze", str(example("scds"))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Security investment plan")
    assert "## Avoid" in result.stdout and "scds-quarterly-roadmap.md:12" in result.stdout


def test_json_to_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    result = runner.invoke(
        app, ["analyze", str(example("backend")), "-f", "json", "-o", str(target)]
    )
    assert result.exit_code == 0
    assert json.loads(target.read_text())["recommendations"]


def test_bad_file_is_reported_and_the_rest_still_planned(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "missing.md"), str(example("scds")), "-f", "json"]
    )
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert json.loads(result.stdout)["recommendations"]


def test_multiple_documents_one_plan() -> None:
    result = runner.invoke(app, ["analyze", str(example("bitshipper-engineering")),
                                 str(example("bitshipper-technology")), "-f", "json"])  # fmt: skip
    data = json.loads(result.stdout)
    assert data["organization"] == "BitShipper AI"
    assert len(data["documents"]) == 2


def test_hostile_or_empty_roadmaps_give_a_plan_not_a_crash(tmp_path: Path) -> None:
    cases = {
        "no-items.md": "# Just a title\n\nSome prose without any plan.\n",
        "deep.md": "- " * 5000 + "x\n",
        "long-line.md": "- " + "Kubernetes migration in Q1 2025 with 99.9% uptime " * 2000 + "\n",
        "many-sections.md": "\n".join(
            f"## Q{i % 4 + 1} 2025 part {i}\n- Move service {i} to Kubernetes with Kafka and SSO"
            for i in range(2000)
        ),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        result = runner.invoke(app, ["analyze", str(path), "-f", "json"])
        assert result.exit_code == 0, (name, result.output)
        data = json.loads(result.stdout)
        assert len(data["recommendations"]) <= 30
        for entry in (
            data["recommendations"] + data["considerations"] + data["avoid"] + data["gaps"]
        ):
            assert 1 <= len(entry["sources"]) <= 6
        for report in ("html", "csv", "md"):
            rendered = runner.invoke(app, ["analyze", str(path), "-f", report])
            assert rendered.exit_code == 0, (name, report, rendered.output)


def test_html_to_stdout_pipes() -> None:
    result = runner.invoke(app, ["analyze", str(example("scds")), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.endswith("</html>\n")


def test_csv_to_file_is_readable_like_any_other_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    result = runner.invoke(
        app, ["analyze", str(example("backend")), "-f", "csv", "-o", str(target)]
    )
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"id,quarter,title,")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o600)
    runner.invoke(app, ["analyze", str(example("backend")), "-f", "csv", "-o", str(target)])
    assert target.stat().st_mode & 0o777 == 0o600, "rewriting keeps the file's own permissions"


def test_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["analyze", str(example("scds")), "-f", "pdf"])
    assert result.exit_code == 2
    assert "pdf" in result.output
