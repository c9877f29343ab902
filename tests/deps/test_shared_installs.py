"""Install commands (notebook `!pip install`, Dockerfile `RUN pip install`) judged by the shared
requirement and index modules: a positive and a look-alike per judgement, tokens never shown,
`${TOKEN}` references not taken for credentials, and any command text is findings or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.shell import ShellRules, install_issues
from hooks._shared.urls import embeds_secret
from hooks.cli.entry_points import mlsec_code, mlsec_deps, mlsec_dockerfile
from hooks.code import rules as code_rules

RULES = ShellRules(
    piped_to_shell=code_rules.DOWNLOAD_PIPED_TO_SHELL,
    downloaded_run=code_rules.DOWNLOADED_FILE_RUN,
    unpinned_install=code_rules.NOTEBOOK_UNPINNED_INSTALL,
    unsafe_index=code_rules.NOTEBOOK_UNSAFE_INDEX,
)
TOKEN = "ghp_" + "Zq7" * 12  # shaped like a GitHub token, not one
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _messages(command: str) -> list[str]:
    return [f"{issue.rule.rule_id} {issue.message}" for issue in install_issues([(1, command)], RULES)]


@pytest.mark.parametrize(
    ("flagged", "look_alike", "expected"),
    [
        ("pip install torch", "pip install torch==2.3.1", "MLS319 installs torch without an exact == pin"),
        ("pip install 'numpy>=1.26'", "pip install 'numpy===1.26.4'", "numpy>=1.26 without an exact == pin"),
        (
            "pip install git+https://github.com/o/apex.git@v1",
            f"pip install git+https://github.com/o/apex.git@{COMMIT}",
            "installs apex from version control",
        ),
        ("pip install https://github.com/o/apex.git", "pip install ./apex", "installs apex from version control"),
        (
            "pip install https://files.example/lib-2.0.tar.gz",
            "pip install https://files.example/lib-2.0.tar.gz#sha256=" + "a" * 64,
            "installs lib from a direct URL without a #sha256= hash",
        ),
        (
            "pip install lib @ https://files.example/lib-2.0.whl",
            "pip install lib==2.0",
            "installs lib from a direct URL",
        ),
        (
            "pip install --trusted-host m.local torch==2.3.1",
            "pip install torch==2.3.1 # --trusted-host m.local",
            "MLS320 --trusted-host m.local turns off TLS checks",
        ),
        (
            "pip install --extra-index-url https://x.example/simple torch==2.3.1",
            "pip install --index-url https://x.example/simple torch==2.3.1",
            "dependency confusion",
        ),
        (
            "pip install -i http://m.local/simple torch==2.3.1",
            "pip install -i https://m.local/simple torch==2.3.1",
            "installs from an http:// index",
        ),
        (
            "conda install -c http://ch.local/main numpy=1.26",
            "conda install -c conda-forge numpy=1.26",
            "installs from an http:// conda channel",
        ),
        ("conda install numpy", "conda install numpy=1.26", "installs numpy without a version pin"),
        (
            f"pip install -i https://ci:{TOKEN}@pkgs.example/simple torch==2.3.1",
            "pip install -i https://ci:${PIP_TOKEN}@pkgs.example/simple torch==2.3.1",
            "a URL with credentials in it",
        ),
    ],
)
def test_each_judgement_and_its_look_alike(flagged: str, look_alike: str, expected: str) -> None:
    assert any(expected in message for message in _messages(flagged)), _messages(flagged)
    assert _messages(look_alike) == []


def test_quoted_direct_references_are_one_requirement() -> None:
    assert _messages(f'pip install "clip @ git+https://github.com/openai/CLIP.git@{COMMIT}"') == []
    assert _messages('pip install "clip @ git+https://github.com/openai/CLIP.git@v1"') == [
        "MLS319 installs clip from version control without a full commit hash"
    ]


def test_pip_constraint_option_is_not_a_conda_channel() -> None:
    assert _messages("pip install -c http://constraints.example/c.txt torch==2.3.1") == []


@pytest.mark.parametrize(
    "url",
    [
        f"https://ci:{TOKEN}@pkgs.example/simple",
        f"https://{TOKEN}@github.com/o/r",
        "https://deploy:p@ss/W0rd@pypi.corp.example/simple",
        "https://u:pa$$word@h.example/",
    ],
)
def test_urls_that_hold_a_secret(url: str) -> None:
    assert embeds_secret(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://${PIP_USER}:${PIP_TOKEN}@pkgs.example/simple",  # pip expands ${NAME} in requirements
        "https://__token__:${TOKEN}@pkgs.example/simple",
        "https://oauth2:$CI_JOB_TOKEN@gitlab.example/simple",
        "https://user:{token}@h.example/",  # notebook templating
        "https://%USER%:%TOKEN%@h.example/",
        "git+ssh://git@github.com/o/r.git",
        "https://pkgs.example/simple",
    ],
)
def test_urls_that_only_name_a_secret(url: str) -> None:
    assert not embeds_secret(url)


def test_requirements_file_with_token_references_is_not_mls408(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text(
        "--index-url https://${PIP_USER}:${PIP_TOKEN}@pkgs.example/simple\ntorch==2.3.1\n"
    )
    mlsec_deps(["requirements.txt"])
    assert "MLS408" not in capsys.readouterr().out
    (repo / "requirements.txt").write_text(f"--index-url https://ci:{TOKEN}@pkgs.example/simple\ntorch==2.3.1\n")
    assert mlsec_deps(["requirements.txt"]) == 1
    out = capsys.readouterr().out
    assert "MLS408" in out and TOKEN[4:] not in out


def _notebook(*lines: str) -> str:
    cell = {"cell_type": "code", "source": list(lines), "metadata": {}, "outputs": [], "execution_count": None}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_install_tokens_never_reach_the_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12: `!pip install git+https://x-access-token:ghp_...@...` echoed the token (MLS319, MLS508)."""
    (repo / "n.ipynb").write_text(
        _notebook(
            f"!pip install git+https://x-access-token:{TOKEN}@github.com/org/tool.git\n",
            f"!pip install https://user:{TOKEN}@files.example/pkg-1.0.tar.gz\n",
            f"!pip install -i http://ci:{TOKEN}@idx.example/simple torch==2.3.1\n",
        )
    )
    (repo / "Dockerfile").write_text(
        f"FROM python:3.12@sha256:{'0' * 64}\nUSER app\n"
        f"RUN pip install git+https://oauth2:{TOKEN}@gitlab.example/x/tool.git\n"
        f"RUN pip install --extra-index-url https://u:{TOKEN}@idx.example/simple torch==2.3.1\n"
    )
    for main, name in ((mlsec_code, "n.ipynb"), (mlsec_dockerfile, "Dockerfile")):
        for form in ("text", "json", "sarif"):
            assert main(["--format", form, name]) == 1
            captured = capsys.readouterr()
            shown = captured.out + captured.err
            at = shown.find(TOKEN[4:])
            assert at < 0, (main, form, shown[max(0, at - 300) : at + 100])
            assert "x-access-token:" not in shown and "oauth2:" not in shown
            assert "tool from version control" in shown or form != "text"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_command_text_is_findings_or_nothing(command: str) -> None:
    for issue in install_issues([(1, "pip install " + command)], RULES):
        assert issue.rule in (RULES.unpinned_install, RULES.unsafe_index)
        assert "\n" not in issue.message or "\n" in command
