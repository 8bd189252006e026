"""A broken catalog is a loud load error naming the file and the problem."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roadsec.cli.app import app
from roadsec.errors import CatalogError
from roadsec.knowledge.catalog import build_catalog

BUNDLED = Path(str(resources.files("roadsec.knowledge") / "data"))


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(BUNDLED, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def test_copy_of_bundled_catalog_loads(catalog_dir: Path) -> None:
    catalog = build_catalog(catalog_dir)
    assert "k8s-admission-policy" in catalog.controls
    assert "kubernetes-migration" in catalog.change_types


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("controls/k8s-admission-policy.yaml", "domain: platform", "domain: kitchen", "domain"),
        ("controls/k8s-admission-policy.yaml", "impact: 4", "impact: 4\nflavour: spicy", "flavour"),
        ("controls/k8s-admission-policy.yaml", "PR.PS-01", "PR.PS-99", "PR.PS-99"),
        ("controls/k8s-admission-policy.yaml", "PO.5.2", "PW.3.1", "PW.3.1"),
        (
            "controls/k8s-admission-policy.yaml",
            "id: k8s-admission-policy",
            "id: k8s-admission",
            "file name",
        ),
        (
            "controls/k8s-admission-policy.yaml",
            "latency_impact: none",
            "latency_impact: tiny",
            "latency_impact",
        ),
        (
            "change_types/graphql-api.yaml",
            "- graphql-hardening",
            "- graphql-magic",
            "graphql-magic",
        ),
        ("change_types/graphql-api.yaml", "- \\bgraphql\\b", "- \\bgraphql(\\b", "bad pattern"),
        ("constraints.yaml", "id: cost-target", "id: latency-target", "duplicate constraint id"),
        (
            "baselines.yaml",
            "controls: [streaming-security]",
            "controls: [streaming-magic]",
            "streaming-magic",
        ),
        ("gaps.yaml", "kind: baseline", "kind: vibes", "kind"),
        ("controls/waf-ddos-edge.yaml", "risk_examples:", "risk_samples:", "risk_samples"),
        ("controls/waf-ddos-edge.yaml", "- \\bddos\\b", "- \\bddos(\\b", "bad pattern"),
    ],
)
def test_load_errors(catalog_dir: Path, file: str, old: str, new: str, message: str) -> None:
    edit(catalog_dir / file, old, new)
    with pytest.raises(CatalogError) as info:
        build_catalog(catalog_dir)
    assert message in info.value.one_line()
    assert info.value.exit_code == 3


def test_invalid_yaml_names_the_file(catalog_dir: Path) -> None:
    (catalog_dir / "controls" / "k8s-admission-policy.yaml").write_text("id: [unclosed\n")
    with pytest.raises(CatalogError, match=r"k8s-admission-policy\.yaml"):
        build_catalog(catalog_dir)


def test_cli_validate_exit_codes(catalog_dir: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["catalog", "validate", str(catalog_dir)])
    assert ok.exit_code == 0 and "valid" in ok.stdout
    edit(catalog_dir / "controls" / "k8s-admission-policy.yaml", "PR.PS-01", "XX.YY-01")
    bad = runner.invoke(app, ["catalog", "validate", str(catalog_dir)])
    assert bad.exit_code == 3
    assert "XX.YY-01" in bad.stderr


def test_cli_list_and_show() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["catalog", "list", "--kind", "change-types"])
    assert listed.exit_code == 0 and "kubernetes-migration" in listed.stdout
    shown = runner.invoke(app, ["catalog", "show", "secrets-management"])
    assert shown.exit_code == 0 and "nist-csf-2.0" in shown.stdout
    missing = runner.invoke(app, ["catalog", "show", "no-such-control"])
    assert missing.exit_code == 3
