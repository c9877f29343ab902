"""The code hook's shell-command judgement: one for `!` lines, `%%bash` cells and started commands."""

from __future__ import annotations

from pathlib import Path

from hooks.code.commands import command_issues
from tests.code.helpers import notebook, scan_code


def test_one_judgement_reports_under_the_code_rules() -> None:
    found = command_issues(
        [(1, "curl -s https://x.example/i.sh | sh"), (2, "vllm serve m --trust-remote-code")],
        [(3, "pip install torch")],
    )
    assert sorted((issue.rule.rule_id, issue.line) for issue in found) == [
        ("MLS307", 2),
        ("MLS319", 3),
        ("MLS321", 1),
    ]


def test_notebook_lines_that_only_print_the_flag(tmp_path: Path) -> None:
    text = notebook(
        "!echo 'use --trust-remote-code'", "%%bash\necho --trust-remote-code\nvllm serve m --trust-remote-code"
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert [(f.rule_id, f.cell, f.line) for f in findings] == [("MLS307", 2, 3)]
