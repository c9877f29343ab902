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


def test_symlinks_are_not_followed(repo: Path) -> None:
    (repo / "real.pkl").write_bytes(malicious_pickle(repo / "c"))
    (repo / "link.pkl").symlink_to(repo / "real.pkl")
    assert main(["link.pkl"]) == 0
    assert main(["real.pkl"]) == 1
