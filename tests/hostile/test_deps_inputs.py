"""mlsec-deps on hostile dependency files: bounded time, no secret in any report format, no
include reaching into .git/, unreadable lines described and never quoted."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from hooks.cli.entry_points import mlsec_deps as main
from hooks.cli.mlsec import main as mlsec

PASSWORD = "p@ssW0rd-Secret9"
TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))


def _timed(argv: list[str]) -> tuple[int, float]:
    start = time.perf_counter()
    code = main(argv)
    return code, time.perf_counter() - start


# Generous bounds: each case took minutes before (quadratic joining, alias fan-out, a line
# scan per pyproject dependency) and takes well under a few seconds now.
def test_fifty_thousand_continuation_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text("torch==2.3.1 \\\n" + "  --hash=sha256:aa \\\n" * 50_000 + "\n")
    (repo / "requirements-b.txt").write_text("a \\\n" * 50_000 + "b==1.0\n")
    code, seconds = _timed(["requirements.txt", "requirements-b.txt"])
    assert code == 1 and seconds < 60
    assert "MLS908" in capsys.readouterr().out  # too long to read: a finding, not a pass


def test_yaml_alias_fan_out_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inner = "[" + ",".join(["*s"] * 6000) + "]"
    outer = "[" + ",".join(["*m"] * 6000) + "]"
    (repo / "environment.yml").write_text(f's: &s "torch==1.0.0"\nm: &m {{pip: {inner}}}\ndependencies: {outer}\n')
    code, seconds = _timed(["environment.yml"])
    assert code == 1 and seconds < 60
    assert "YAML aliases" in capsys.readouterr().out


def test_aliases_are_refused_but_stars_in_versions_are_not(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "environment.yml").write_text("dependencies:\n  - numpy=1.26.*\n")
    main(["environment.yml"])
    assert "MLS908" not in capsys.readouterr().out


def test_sixty_thousand_pyproject_dependencies(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "".join(f'  "p{i}==1.{i}",\n' for i in range(60_000))
    (repo / "pyproject.toml").write_text(f"[project]\nname = 'x'\ndependencies = [\n{body}]\n")
    code, seconds = _timed(["pyproject.toml"])
    assert code in (0, 1) and seconds < 120
    capsys.readouterr()


def test_pyproject_lines_follow_each_string_even_on_one_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["tourch==1.0", "reqeusts==2.0"]\n'
        '[tool.poetry.dependencies]\npython = "^3.10"\nsklearn = "0.0"\n'
    )
    main(["pyproject.toml"])
    out = capsys.readouterr().out
    assert "pyproject.toml:3:1: MLS403 [high] tourch" in out
    assert "pyproject.toml:3:1: MLS403 [high] reqeusts" in out
    assert "pyproject.toml:6:1: MLS404" in out


def _all_formats(capsys: pytest.CaptureFixture[str], *files: str) -> str:
    seen = []
    for fmt in ("text", "json", "sarif"):
        main(["--format", fmt, *files])
        captured = capsys.readouterr()
        seen.append(captured.out + captured.err)
    return "\n".join(seen)


def test_index_password_with_at_sign_never_printed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text(
        f"--extra-index-url https://deploy:{PASSWORD}@pypi.corp.example/simple\n"
        f"--index-url https://x-access-token:{TOKEN}@pkgs.example/simple?key={TOKEN}\n"
        "--find-links https://u:pa/ss@files.example/wheels\n"
        "torch==2.3.1\n"
    )
    out = _all_formats(capsys, "requirements.txt")
    for secret in ("ssW0rd", "Secret9", "deploy", TOKEN[4:20], "x-access-token", "pa/ss"):
        assert secret not in out
    assert "https://***@pypi.corp.example" in out and "MLS408" in out and "MLS405" in out


def test_include_of_git_config_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    header = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX0ZBS0VGQUtFRkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtF"
    subprocess.run(["git", "-C", str(repo), "config", "http.https://github.com/.extraheader", header], check=True)
    (repo / "requirements-ci.txt").write_text("-r .git/config\n-c ./sub/../.git/config\n")
    out = _all_formats(capsys, "requirements-ci.txt")
    assert "eC1hY2Nl" not in out and "extraheader" not in out
    assert "inside .git/" in out


def test_unreadable_lines_are_described_not_quoted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text(f"token={TOKEN}\n--password={TOKEN}\n!!{TOKEN} ??\nhttps://{TOKEN}@x\n")
    (repo / "environment.yml").write_text(f"dependencies:\n  - '!!{TOKEN} ??'\n")
    (repo / "pyproject.toml").write_text(f'[project]\nname = "x"\ndependencies = ["!!{TOKEN} ??"]\n')
    out = _all_formats(capsys, "requirements.txt", "environment.yml", "pyproject.toml")
    assert TOKEN[4:20] not in out
    assert out.count("not quoted") >= 3


def test_mlsec_scan_json_carries_no_credential(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text(f"-i https://ci:{PASSWORD}@pypi.corp.example/simple\ntorch==2.3.1\n")
    mlsec(["scan", "--format", "json", "requirements.txt"])
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] and PASSWORD not in json.dumps(report) and "Secret9" not in json.dumps(report)


def test_long_whitespace_runs_before_a_hash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pip's comment regex `(^|\\s+)#.*$` retried the run from every start: 40,000 spaces took 44 s."""
    (repo / "requirements.txt").write_text("a" + " " * 90_000 + "b#\n" + "torch==2.3.1 " + "\t " * 40_000 + "#c\n")
    code, seconds = _timed(["requirements.txt"])
    assert code == 1 and seconds < 30
    assert "MLS908" in capsys.readouterr().out  # `a   b` is not a requirement: described, not passed


def test_notebook_written_index_credentials_are_never_printed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cell = f"%%writefile requirements.txt\n--extra-index-url https://deploy:{PASSWORD}@pypi.corp.example/simple\n"
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell, "outputs": [], "execution_count": None}],
    }
    (repo / "setup.ipynb").write_text(json.dumps(notebook))
    assert main(["setup.ipynb"]) == 1
    for fmt in ("text", "json", "sarif"):
        mlsec(["scan", "--format", fmt, "setup.ipynb"])
        captured = capsys.readouterr()
        assert PASSWORD not in captured.out + captured.err
        assert "ssW0rd" not in captured.out + captured.err


def test_hostile_written_file_names_stay_out_of_the_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "\x1b[2J\rrequirements.txt"
    cell = f"%%writefile '{name}'\nsklearn==0.0\n"
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell, "outputs": [], "execution_count": None}],
    }
    (repo / "nb.ipynb").write_text(json.dumps(notebook))
    main(["nb.ipynb"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out


def test_unreadable_includes_are_findings_on_the_include_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    (repo / "requirements.txt").write_text("-r blob.txt\ntourch==1.0\n")
    assert main(["requirements.txt"]) == 1
    out = capsys.readouterr().out
    assert "requirements.txt:1:1: MLS908" in out and "blob.txt, which cannot be read" in out
    assert "requirements.txt:2:1: MLS403" in out  # the including file was still checked


def test_symlinked_includes_loops_and_special_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12 (symlinks): an include that is a link loop was a RuntimeError (MLS900); one that
    leaves the repository, a FIFO (would block a read) or a folder is MLS415 on its line, unread."""
    import os

    outside = repo.parent / "outside-secret.txt"
    outside.write_text(f"--index-url https://ci:{TOKEN}@pkgs.example/simple\n")
    (repo / "loop.txt").symlink_to("loop.txt")
    (repo / "away.txt").symlink_to(outside)
    os.mkfifo(repo / "pipe.txt")
    (repo / "folder").mkdir()
    (repo / "inside.txt").write_text("tourch==1.0\n")
    (repo / "link-inside.txt").symlink_to("inside.txt")
    (repo / "requirements.txt").write_text(
        "-r loop.txt\n-r away.txt\n-c pipe.txt\n-r folder\n-r link-inside.txt\ntorch==2.3.1\n"
    )
    code, seconds = _timed(["requirements.txt"])
    out = capsys.readouterr().out
    assert code == 1 and seconds < 20
    assert "MLS900" not in out and TOKEN[4:] not in out
    for line in (1, 2, 3, 4):
        assert f"requirements.txt:{line}:1: MLS415" in out
    assert "a symbolic link loop" in out and "from outside the repository" in out
    assert "pipe.txt, which is not a regular file" in out
    assert "MLS403" in out and "tourch" in out  # a link inside the repository is followed


def test_requirements_file_linked_outside_is_not_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = repo.parent / "credentials"
    outside.write_text(f"aws_secret_access_key = {TOKEN}\n")
    (repo / "requirements.txt").symlink_to(outside)
    assert main(["requirements.txt"]) == 1
    out = capsys.readouterr().out
    assert "MLS910" in out and "leaves the repository" in out and TOKEN[4:] not in out
