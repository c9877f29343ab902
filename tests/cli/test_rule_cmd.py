"""`mlsec rule ID`, `mlsec rules --format ...`, and docs/rules/ kept equal to the registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks.catalog import registry
from hooks.cli.mlsec import main
from hooks.reporters.rule_docs import rule_pages

ROOT = Path(__file__).resolve().parents[2]


def test_rule_prints_its_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "mls306"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("MLS306 TorchLoadWithoutWeightsOnly: ") and "What it finds:" in out
    assert main(["rule", "MLS306", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# MLS306 TorchLoadWithoutWeightsOnly\n")
    assert main(["rule", "B301", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "B301" and record["help_uri"].startswith("https://bandit.readthedocs.io/")


def test_unknown_rule_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "MLS36"]) == 2
    assert "unknown rule MLS36; did you mean" in capsys.readouterr().err


def test_rules_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == registry().ids()
    assert {"what", "why", "example", "fix", "references", "help_uri", "precision"} <= set(records[0])
    assert main(["rules", "--format", "markdown", "--select", "MLS1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# MLS101 ") and "# MLS201 " not in out
    assert main(["rules", "--select", "MLS3"]) == 0
    assert all(line.startswith("MLS3") for line in capsys.readouterr().out.splitlines())


def test_docs_rules_are_generated_from_the_registry() -> None:
    folder = ROOT / "docs" / "rules"
    expected = rule_pages(registry())
    present = {path.name: path.read_text() for path in folder.glob("*.md")}
    assert present == expected, "run: python scripts/sync_readme.py"


def test_readme_links_every_rule_page() -> None:
    readme = (ROOT / "README.md").read_text()
    for rule_id in registry().ids():
        assert f"[{rule_id}](docs/rules/{rule_id}.md)" in readme


def test_every_rule_page_says_what_why_and_how_to_fix() -> None:
    missing = [rule.rule_id for rule in registry() if not (rule.what and rule.why and rule.fix)]
    assert missing == [], "fill why= and fix= in the package's rules.py, then run scripts/sync_readme.py"
