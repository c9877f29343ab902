"""The code hook's shell-command judgement: one for `!` lines, `%%bash` cells and started commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._shared.shell import passes_trust_remote_code
from hooks.code.commands import command_issues
from tests.code.helpers import notebook, scan_code


@pytest.mark.parametrize(
    "command",
    [
        "vllm serve org/m --trust-remote-code",
        "sudo env A=1 vllm serve org/m --trust_remote_code --port 8000",
        "lm_eval --model hf --model_args pretrained=org/m,trust_remote_code=True --tasks x",
        "cd /w && python serve.py --trust-remote-code=true",
        "echo start && vllm serve org/m --trust-remote-code | tee log.txt",
    ],
)
def test_commands_that_trust_remote_code(command: str) -> None:
    assert passes_trust_remote_code(command)


@pytest.mark.parametrize(
    "command",
    [
        "vllm serve org/m --trust-remote-code=false",
        "vllm serve org/m --trust-remote-code 0",
        "vllm serve {m} --trust-remote-code={flag}",  # a value the command does not show
        "vllm serve org/m --trust-remote-code=$TRUST",
        "python serve.py --trust_remote_code {str_args.trust_}",  # argv ["--trust_remote_code", str(flag)]
        "echo 'pass --trust-remote-code for custom models'",
        "printf '%s' model_args=pretrained=x,trust_remote_code=True > args.txt",
        "grep -r -- --trust-remote-code docs/",
        "lm_eval --model_args pretrained=org/m,trust_remote_code=False",
        "ls --trust-remote-code-docs",
    ],
)
def test_look_alikes_do_not_trust_remote_code(command: str) -> None:
    assert not passes_trust_remote_code(command)


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
