"""Dependency files written by notebook cells (`%%writefile requirements.txt`), and disputed
advisories reported low."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.notebooks import NotebookError
from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.notebook import kind_of, written_files
from tests.deps.conftest import osv_record


def _notebook(*cells: tuple[str, str]) -> str:
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {},
            "cells": [
                {"cell_type": kind, "metadata": {}, "source": source, "outputs": [], "execution_count": None}
                if kind == "code"
                else {"cell_type": kind, "metadata": {}, "source": source}
                for kind, source in cells
            ],
        }
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "all.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.json", json.dumps(osv_record("PYSEC-9", "jinja2", fixed="2.11.3")))
    return path


def test_written_requirements_are_checked_at_their_cell(
    repo: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "train.ipynb").write_text(
        _notebook(
            ("markdown", "# Setup"),
            ("code", "\n%%writefile requirements.txt\njinja2==2.4.1\ntransfomers==4.40.0\nnumpy\n"),
        )
    )
    assert main(["train.ipynb", "--advisory-db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("train.ipynb:cell_2:3:1: MLS401 [high] jinja2 2.4.1 has known vulnerabilities: PYSEC-9")
    assert out[1].startswith("train.ipynb:cell_2:4:1: MLS403 [high] transfomers looks like a typosquat")
    assert out[2].startswith("train.ipynb:cell_2:5:1: MLS413 [low] numpy")


@pytest.mark.parametrize(
    "cell",
    [
        "%%writefile train.py\njinja2==2.4.1\n",  # a script, not a dependency file
        "print(1)\n%%writefile requirements.txt\njinja2==2.4.1\n",  # not the first line: no cell magic
        "%%writefile requirements.txt.bak\njinja2==2.4.1\n",
        "%%writefile a b\njinja2==2.4.1\n",
    ],
)
def test_look_alike_cells_are_not_dependency_files(repo: Path, db: Path, cell: str) -> None:
    (repo / "nb.ipynb").write_text(_notebook(("code", cell), ("markdown", "%%writefile requirements.txt\nx==1")))
    assert main(["nb.ipynb", "--advisory-db", str(db)]) == 0


def test_append_mode_environment_and_suppression(repo: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "nb.ipynb").write_text(
        _notebook(
            ("code", "%%writefile -a 'deploy/requirements-serve.txt'\njinja2==2.4.1  # mlsec: ignore[MLS401] demo\n"),
            ("code", "%%file environment.yml\nchannels: [http://conda.example.com/x]\ndependencies: [numpy=1.26]\n"),
        )
    )
    assert main(["nb.ipynb", "--advisory-db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "MLS401" not in out
    assert "nb.ipynb:cell_2:2:1: MLS406" in out


def test_unreadable_written_file_and_unreadable_notebook_fail_closed(
    repo: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "nb.ipynb").write_text(_notebook(("code", "%%writefile environment.yml\ndependencies: [unclosed\n")))
    assert main(["nb.ipynb", "--advisory-db", str(db)]) == 1
    assert "nb.ipynb:cell_1:2:1: MLS908" in capsys.readouterr().out
    # A notebook that is not JSON cannot be opened, so none of its cells runs or writes: low, as
    # mlsec-code reports it; one nested deeper than the reader goes still opens in editors: blocks.
    (repo / "broken.ipynb").write_text('{"cells": [ "%%writefile requirements.txt')
    assert main(["broken.ipynb", "--advisory-db", str(db)]) == 0
    assert "MLS908 [low]" in capsys.readouterr().out
    deep = '{"cells": [{"cell_type": "code", "source": "%%writefile requirements.txt\\ntorch", "x": '
    (repo / "deep.ipynb").write_text(deep + "[" * 100_000 + "]" * 100_000 + "}]}")
    assert main(["deep.ipynb", "--advisory-db", str(db)]) == 1
    assert "MLS908 [medium]" in capsys.readouterr().out
    # A notebook that writes no file is not even parsed: broken or not, nothing to say here.
    (repo / "other.ipynb").write_text('{"cells": [')
    assert main(["other.ipynb", "--advisory-db", str(db)]) == 0


def test_kind_of_names() -> None:
    assert kind_of("requirements.txt") == kind_of("src/requirements-dev.in") == "requirements"
    assert kind_of("constraints.txt") == "requirements"
    assert kind_of("environment-gpu.yml") == "environment"
    assert kind_of("pyproject.toml") == "pyproject"
    assert kind_of("setup.py") is kind_of("requirements.txt.orig") is None


@given(source=st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_written_files_on_garbage_cells(source: str) -> None:
    text = _notebook(("code", "%%writefile " + source), ("code", source))
    for written in written_files(text):
        assert written.first_line >= 2 and written.kind in ("requirements", "environment", "pyproject")


@given(text=st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_written_files_on_garbage_documents(text: str) -> None:
    try:
        written_files("%%writefile" + text)
    except NotebookError:
        pass


# --- disputed advisories ------------------------------------------------------------------
def _disputed_db(tmp_path: Path, summary: str) -> Path:
    record = osv_record("PYSEC-2024-1", "mlflow", fixed="9.0")
    record["details"] = summary
    path = tmp_path / "disputed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.json", json.dumps(record))
        archive.writestr("b.json", json.dumps(osv_record("PYSEC-2024-2", "torch", fixed="9.0")))
    return path


def test_disputed_advisories_are_low_and_others_stay_high(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _disputed_db(tmp_path, "** DISPUTED ** A deserialization issue; the vendor's position is ...")
    (repo / "requirements.txt").write_text("mlflow==2.9.2\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 0
    assert "MLS401 [low] mlflow 2.9.2 has disputed advisories" in capsys.readouterr().out
    (repo / "requirements.txt").write_text("torch==2.0\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out


def test_the_word_disputed_without_the_mark_stays_high(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _disputed_db(tmp_path, "Previously disputed, now confirmed: remote code execution.")
    (repo / "requirements.txt").write_text("mlflow==2.9.2\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out


def test_a_cve_nvd_lists_as_disputed_is_low_though_its_record_lacks_the_mark(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disputed = osv_record("PYSEC-2023-102", "scipy", fixed="1.10.0")
    disputed["aliases"] = ["CVE-2023-25399"]
    other = osv_record("PYSEC-2023-999", "scipy", fixed="1.10.0")
    other["aliases"] = ["CVE-2023-25400"]  # look-alike: a neighbouring id, not disputed
    db = tmp_path / "scipy.zip"
    with zipfile.ZipFile(db, "w") as archive:
        archive.writestr("a.json", json.dumps(disputed))
    (repo / "requirements.txt").write_text("scipy==1.2.1\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 0
    assert "MLS401 [low] scipy 1.2.1 has disputed advisories" in capsys.readouterr().out
    with zipfile.ZipFile(db, "w") as archive:
        archive.writestr("b.json", json.dumps(other))
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out


def test_scan_text_checks_a_written_file_as_one_on_disk(repo: Path) -> None:
    """For callers that find written files themselves (core handing on a heredoc or a cell)."""
    from hooks._core.policy import Policy
    from hooks.deps.scanner import DepsScanner

    scanner = DepsScanner()
    policy = Policy(root=repo, sections={})
    found = scanner.scan_text("tourch==1.0\n-r ../../etc/passwd\n", "reqs/requirements.txt", "n.ipynb", policy)
    assert [f.rule_id for f in found.findings] == ["MLS403"]  # includes are not followed
    assert found.findings[0].path == "n.ipynb" and found.findings[0].line == 1
    found = scanner.scan_text("dependencies: [\n", "environment.yml", "Dockerfile", policy)
    assert [f.rule_id for f in found.findings] == ["MLS908"]
    assert scanner.scan_text("torch==2.3.1\n", "requirements.txt", "x", policy).findings == []
