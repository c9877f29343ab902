"""The hook manifest, console scripts, README and rule registry agree with each other."""

from __future__ import annotations

import configparser
import importlib
from pathlib import Path

import yaml

from hooks._core.rules import RULES, rules_markdown_table
from hooks._core.selection import HOOK_SPECS, render_hooks_yaml

ROOT = Path(__file__).resolve().parents[1]


def _console_scripts() -> dict[str, str]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    lines = config["options.entry_points"]["console_scripts"].strip().splitlines()
    return dict(tuple(part.strip() for part in line.split("=", 1)) for line in lines)  # type: ignore[misc]


def test_hooks_yaml_is_generated_from_the_selection_table() -> None:
    assert (ROOT / ".pre-commit-hooks.yaml").read_text() == render_hooks_yaml()


def test_every_hook_entry_is_a_console_script_with_a_main() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    ids = [hook["id"] for hook in hooks]
    assert len(ids) == len(set(ids))
    scripts = _console_scripts()
    for hook in hooks:
        assert hook["entry"] == hook["id"]
        module_name, function = scripts[hook["id"]].split(":")
        assert callable(getattr(importlib.import_module(module_name), function))
        assert hook["language"] == "python"


def test_every_hook_id_and_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for spec in HOOK_SPECS:
        assert f"`{spec.hook_id}`" in readme
    start = readme.index("<!-- rules:start -->") + len("<!-- rules:start -->")
    end = readme.index("<!-- rules:end -->")
    assert readme[start:end].strip() == rules_markdown_table(), "run: mlsec rules --format markdown"


def test_rules_are_well_formed() -> None:
    prefixes = {
        "core": ("MLS0", "MLS9"),
        "artifacts": ("MLS1", "MLS9"),
        "secrets": ("MLS2", "MLS9"),
        "code": ("MLS3", "MLS9"),
        "deps": ("MLS4", "MLS9"),
        "dockerfile": ("MLS5", "MLS9"),
    }
    for rule_id, rule in RULES.items():
        assert rule_id == rule.rule_id and len(rule_id) == 6
        assert rule_id.startswith(prefixes[rule.scanner]), rule_id
        assert rule.title and rule.help.endswith((".", ")", "`"))
