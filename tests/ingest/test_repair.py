from __future__ import annotations

from roadsec.ingest.repair import repair_lines


def test_windows_1252_mojibake_is_repaired() -> None:
    lines, changed = repair_lines(["- System uptime: 99.9% â†’ 99.99%", "plain"])
    assert lines == ["- System uptime: 99.9% → 99.99%", "plain"]
    assert changed == [1]


def test_mac_roman_plan_learned_from_one_line_repairs_short_lines() -> None:
    damaged = [
        "# \uf8ffüõ†Ô∏è Acme ‚Äì 2025 Engineering Roadmap",
        "## \uf8ffüöÄ **Q1 2025**",
        "- São Paulo stays as it is",
    ]
    lines, changed = repair_lines(damaged)
    assert lines[0] == "# 🛠️ Acme – 2025 Engineering Roadmap"
    assert lines[1] == "## 🚀 **Q1 2025**"
    assert lines[2] == damaged[2]
    assert changed == [1, 2]


def test_line_count_never_changes() -> None:
    damaged = ["a\u2028b", "ðŸ–¥ï¸ x", "", "Ã©tÃ©"]
    lines, _ = repair_lines(damaged)
    assert len(lines) == len(damaged)
    assert all("\n" not in line for line in lines)
