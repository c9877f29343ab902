"""The hook manifest, console scripts, README and rule registry agree with each other."""

from __future__ import annotations

import configparser
import importlib
from pathlib import Path

import pytest
import yaml

from hooks._core.rules import RuleBook, RuleDefinitionError
from hooks._core.selection import render_hooks_yaml
from hooks.catalog import HOOKS, registry
from hooks.cli.mlsec import rules_markdown_table

ROOT = Path(__file__).resolve().parents[1]


def _console_scripts() -> dict[str, str]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    lines = config["options.entry_points"]["console_scripts"].strip().splitlines()
    return dict(tuple(part.strip() for part in line.split("=", 1)) for line in lines)  # type: ignore[misc]


def test_hooks_yaml_is_generated_from_the_catalog() -> None:
    assert (ROOT / ".pre-commit-hooks.yaml").read_text() == render_hooks_yaml(HOOKS), "run scripts/sync_readme.py"


def test_every_hook_entry_is_a_console_script_with_a_main() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    ids = [hook["id"] for hook in hooks]
    assert len(ids) == len(set(ids)) == len(HOOKS)
    scripts = _console_scripts()
    for hook in hooks:
        assert hook["entry"] == hook["id"]
        module_name, function = scripts[hook["id"]].split(":")
        assert callable(getattr(importlib.import_module(module_name), function))
        assert hook["language"] == "python"


def test_every_hook_id_and_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for spec in HOOKS:
        assert f"`{spec.hook_id}`" in readme
    start = readme.index("<!-- rules:start -->") + len("<!-- rules:start -->")
    end = readme.index("<!-- rules:end -->")
    assert readme[start:end].strip() == rules_markdown_table(), "run: python scripts/sync_readme.py"


def test_rules_are_well_formed() -> None:
    names = set()
    for rule in registry():
        assert len(rule.rule_id) == 6 and rule.title and rule.help.endswith((".", ")", "`"))
        assert rule.name not in names
        names.add(rule.name)


def test_every_policy_section_has_a_schema() -> None:
    sections = [spec.policy_section for spec in HOOKS]
    assert len(sections) == len(set(sections))
    for spec in HOOKS:
        assert spec.schema["type"] == "object" and spec.schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("rule_id", "name", "problem"),
    [
        ("MLS299", "Fine", "series"),  # a secrets id in the artifacts book
        ("MLS1O1", "Fine", "series"),  # a letter O for a zero
        ("MLS101", "not pascal", "PascalCase"),
    ],
)
def test_a_bad_rule_declaration_fails_at_import_time(rule_id: str, name: str, problem: str) -> None:
    book = RuleBook("artifacts")
    with pytest.raises(RuleDefinitionError, match=problem):
        book.rule(rule_id, name, "high", "Title", what="Finds things.")


def test_a_duplicate_id_fails() -> None:
    book = RuleBook("artifacts")
    book.rule("MLS150", "First", "high", "Title", what="Finds things.")
    with pytest.raises(RuleDefinitionError, match="twice"):
        book.rule("MLS150", "Second", "high", "Title", what="Finds things.")


def test_an_unknown_rule_constant_fails_at_import_time(tmp_path: Path) -> None:
    """Call sites import rule constants by name, so a typo is an ImportError, not a made-up row."""
    import subprocess
    import sys

    probe = "from hooks.artifacts.rules import DANGEROUS_CALL_IN_PICKEL"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0 and "ImportError" in result.stderr
    assert registry().get("MLS999") is None
    with pytest.raises(KeyError):
        registry()["MLS999"]


def test_scanner_code_never_spells_a_rule_id() -> None:
    """Rule ids appear only in the packages' rules.py; everywhere else the constants are used."""
    import ast
    import re

    offenders = []
    for path in (ROOT / "hooks").rglob("*.py"):
        if path.name in ("rules.py", "bandit_rules.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"MLS\d{3}", node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders
