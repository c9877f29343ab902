"""The mlsec-artifacts hook end to end: argv in, lines and exit code out."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from hooks.cli.entry_points import mlsec_artifacts as main
from tests import pickle_asm as asm
from tests.artifacts.helpers import malicious_pickle


def test_clean_files_exit_zero_silently(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "ok.pkl").write_bytes(pickle.dumps({"a": 1}))
    (repo / "train.py").write_text("import torch\n")
    assert main(["ok.pkl", "train.py"]) == 0
    assert capsys.readouterr().out == ""


def test_finding_line_shape(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "models").mkdir()
    (repo / "models" / "clf.pkl").write_bytes(malicious_pickle(repo / "c"))
    assert main(["models/clf.pkl"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("models/clf.pkl:1:1: MLS101 [critical] pickle@0x")
    assert "calls posix.system via REDUCE" in line or "calls os.system via REDUCE" in line


def test_fail_on_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.pkl").write_bytes(asm.proto(2) + asm.global_("mypkg", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP)
    assert main(["m.pkl", "--fail-on", "critical"]) == 0
    capsys.readouterr()
    assert main(["m.pkl", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["rule_id"] for f in report["findings"]] == ["MLS102"]


def test_unreadable_file_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["missing.pkl"]) == 2
    assert "missing.pkl: error: cannot read" in capsys.readouterr().out


def test_policy_excludes_explicit_filenames(repo: Path) -> None:
    (repo / "vendor").mkdir()
    (repo / "vendor" / "m.pkl").write_bytes(malicious_pickle(repo / "c"))
    (repo / ".mlsec.yaml").write_text("exclude: ['vendor/']\n")
    assert main(["vendor/m.pkl"]) == 0


def test_denylisted_allow_globals_entry_is_a_config_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.pkl").write_bytes(b"N.")
    (repo / ".mlsec.yaml").write_text(
        "artifacts:\n  allow_globals:\n    - {module: os, name: system, reason: needed}\n"
    )
    assert main(["m.pkl"]) == 2
    err = capsys.readouterr().err
    assert "os.system is on the denylist" in err and "Traceback" not in err


def test_a_link_inside_the_repository_is_read_as_its_target(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "blobs").mkdir()
    (repo / "blobs" / "deadbeef").write_bytes(malicious_pickle(repo / "c"))
    (repo / "pytorch_model.bin").symlink_to(repo / "blobs" / "deadbeef")  # the Hugging Face cache layout
    assert main(["pytorch_model.bin"]) == 1
    assert capsys.readouterr().out.startswith("pytorch_model.bin:1:1: MLS101")


def test_a_link_leaving_the_repository_is_a_finding_and_not_read(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("home") / "credentials"
    outside.write_text("aws_secret_access_key = not-to-be-printed\n")
    (repo / "requirements.txt").symlink_to(outside)
    assert main(["--fail-on", "medium", "requirements.txt"]) == 1
    out = capsys.readouterr().out
    assert "MLS910" in out and "not-to-be-printed" not in out


def test_a_link_loop_is_one_low_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "l1.pkl").symlink_to(repo / "l2.pkl")
    (repo / "l2.pkl").symlink_to(repo / "l1.pkl")
    assert main(["l1.pkl"]) == 0
    assert "MLS911 [low]" in capsys.readouterr().out


def test_folders_fifos_and_devices_are_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    (repo / "models").mkdir()
    os.mkfifo(repo / "notes.pkl")
    assert main(["models"]) == 2
    assert main(["notes.pkl"]) == 2  # would block forever if opened
    err = capsys.readouterr().out
    assert "is a folder" in err and "not a regular file" in err
