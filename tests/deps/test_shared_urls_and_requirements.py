"""Credentials in URLs: a URL that holds a secret versus one that only names it (`${TOKEN}`,
pip's documented form for private indexes), and install commands in notebooks and Dockerfiles
whose tokens never reach a report."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.requirements import parse_requirement, pinning
from hooks._shared.urls import embeds_secret
from hooks.cli.entry_points import mlsec_code, mlsec_deps, mlsec_dockerfile

TOKEN = "ghp_" + "Zq7" * 12  # shaped like a GitHub token, not one


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


def test_index_url_with_token_references_is_not_mls408(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
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
        )
    )
    (repo / "Dockerfile").write_text(
        f"FROM python:3.12@sha256:{'0' * 64}\nUSER app\n"
        f"RUN pip install git+https://oauth2:{TOKEN}@gitlab.example/x/tool.git\n"
        f"RUN pip install --extra-index-url https://u:{TOKEN}@idx.example/simple torch==2.3.1\n"
    )
    # An unpinned notebook install is hygiene (MLS319 low: exit 0); the Dockerfile's credentialed
    # extra index blocks (exit 1). Either way the token is never shown.
    for main, name, status in ((mlsec_code, "n.ipynb", 0), (mlsec_dockerfile, "Dockerfile", 1)):
        for form in ("text", "json", "sarif"):
            assert main(["--format", form, name]) == status
            captured = capsys.readouterr()
            shown = captured.out + captured.err
            at = shown.find(TOKEN[4:])
            assert at < 0, (main, form, shown[max(0, at - 300) : at + 100])
            assert "x-access-token:" not in shown and "oauth2:" not in shown
            if form == "text":
                assert "version control without a full commit hash" in shown


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_requirement_or_none(text: str) -> None:
    requirement = parse_requirement(text)
    if requirement is not None:
        assert requirement.source in ("pypi", "vcs", "url", "path")
        pinning(requirement)  # every parsed requirement has a pinning


@settings(max_examples=200, deadline=None)
@given(
    user=st.text(alphabet=st.characters(blacklist_characters="/?#@\n\r\t "), min_size=1, max_size=12),
    password=st.text(alphabet=st.characters(blacklist_characters="\n\r\t "), min_size=6, max_size=30),
)
def test_a_requirement_name_never_comes_from_credentials(user: str, password: str) -> None:
    """The name of a direct URL is taken from its path or #egg=, never from the authority."""
    for text in (f"git+https://{user}:{password}@github.com/org/tool.git@v1", f"https://{user}:{password}@h.example/"):
        requirement = parse_requirement(text)
        if requirement is not None:
            assert password not in requirement.name


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "torch" + " " * 200_000 + "==1",
        "x @ https://" + "a:" * 50_000 + "@h/",
        "git+https://" + "@" * 100_000,
        "name[" + "a," * 50_000 + "]",
    ],
)
def test_long_lines_are_read_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    parse_requirement(text)
    embeds_secret(text)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("packages/phoenix-evals", "phoenix-evals"),  # pip installs the directory (phoenix's docs)
        ("./packages/x", "x"),
        ("sub\\dir", "sub\\dir"),
        ("~/src/tool", "tool"),
    ],
)
def test_a_line_with_a_path_separator_is_a_local_path_as_pip_reads_it(line: str, name: str) -> None:
    requirement = parse_requirement(line)
    assert requirement is not None and (requirement.source, requirement.name) == ("path", name)


@pytest.mark.parametrize(
    "line",
    ["numpy>=1.26", 'torch>=2 ; sys_platform == "a/b"', "pkg @ https://example.org/a/pkg-1.0.tar.gz", "peft"],
)
def test_requirements_with_a_slash_only_in_a_marker_or_url_are_not_paths(line: str) -> None:
    requirement = parse_requirement(line)
    assert requirement is not None and requirement.source != "path"


def test_a_local_directory_line_is_read_not_reported_unreadable(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text("sphinx==7.3.7\npackages/phoenix-evals\n-e .\n")
    mlsec_deps(["--format", "json", "requirements.txt"])
    assert "MLS908" not in capsys.readouterr().out
