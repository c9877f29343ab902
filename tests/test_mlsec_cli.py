"""`mlsec scan`, `mlsec baseline`, `mlsec rules`, and the shared option handling."""

from __future__ import annotations

import json
import pickle
import subprocess
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
from tests import pickle_asm as asm
from tests.artifacts.helpers import malicious_pickle


def _git_repo(path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(path)], check=True)


def _track(repo: Path, *names: str) -> None:
    """`mlsec baseline` accepts findings only in files git tracks."""
    if not (repo / ".git" / "HEAD").exists():
        (repo / ".git").rmdir()
        _git_repo(repo)
    subprocess.run(["git", "-C", str(repo), "add", "--", *names], check=True)


def test_scan_defaults_to_the_repositorys_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "bad.pkl").write_bytes(malicious_pickle(tmp_path / "c"))
    (tmp_path / "ignored.pkl").write_bytes(malicious_pickle(tmp_path / "c"))
    (tmp_path / ".gitignore").write_text("ignored.pkl\n")
    assert main(["scan"]) == 1
    out = capsys.readouterr().out
    assert "models/bad.pkl:1:1: MLS101" in out and "ignored.pkl" not in out


def test_scan_walks_folders_and_writes_sarif(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "a" / "b").mkdir(parents=True)
    (repo / "a" / "b" / "m.pt").write_bytes(malicious_pickle(repo / "c"))
    assert main(["scan", "a", "--format", "sarif", "--output", "report.sarif"]) == 1
    report = json.loads((repo / "report.sarif").read_text())
    assert [r["ruleId"] for r in report["runs"][0]["results"]] == ["MLS101"]
    assert capsys.readouterr().out == ""


def test_scan_of_a_missing_path_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "mlsec: error: nope: no such file or folder"


def test_unknown_option_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["scan", "--colour"])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--colour" in err and "--help" in err


def test_bad_fail_on_value(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--fail-on", "severe"])
    assert "unknown severity 'severe'" in capsys.readouterr().err


def test_baseline_accepts_findings_and_survives_unrelated_edits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = asm.proto(2) + asm.global_("mypkg", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    (repo / "m.pkl").write_bytes(bad)
    _track(repo, "m.pkl")
    assert main(["scan", "m.pkl"]) == 1
    assert main(["baseline", "m.pkl"]) == 0
    baseline = (repo / ".mlsec-baseline.json").read_text()
    capsys.readouterr()
    assert main(["scan", "m.pkl"]) == 0
    assert "1 finding(s) accepted by .mlsec-baseline.json" in capsys.readouterr().err
    # The same global at another offset (data added in front) is still the accepted finding.
    (repo / "m.pkl").write_bytes(asm.proto(2) + asm.text("padding") + asm.POP + bad[2:])
    assert main(["scan", "m.pkl"]) == 0
    # A new problem is not.
    (repo / "m.pkl").write_bytes(bad.replace(b"Net", b"Gan"))
    assert main(["scan", "m.pkl"]) == 1
    assert main(["baseline", "m.pkl"]) == 0 and (repo / ".mlsec-baseline.json").read_text() != baseline


def test_hooks_read_an_explicit_baseline_and_reject_a_missing_one(repo: Path) -> None:
    from hooks.cli.entry_points import mlsec_artifacts as hook

    (repo / "m.pkl").write_bytes(malicious_pickle(repo / "c"))
    _track(repo, "m.pkl")
    assert main(["baseline", "m.pkl", "--output", "accepted.json", "--accept-critical"]) == 0
    assert hook(["m.pkl"]) == 1
    assert hook(["m.pkl", "--baseline", "accepted.json"]) == 0
    assert hook(["m.pkl", "--baseline", "missing.json"]) == 2


def test_rules_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "MLS101  critical  artifacts" in out and "MLS001" in out


def test_disabled_rule_and_severity_override(repo: Path) -> None:
    (repo / "m.pkl").write_bytes(pickle.dumps([1]) + b"\xff")
    assert main(["scan", "m.pkl"]) == 1
    (repo / ".mlsec.yaml").write_text("rules:\n  MLS105: {severity: low}\n")
    assert main(["scan", "m.pkl"]) == 0
    (repo / ".mlsec.yaml").write_text("rules:\n  MLS105: {enabled: false}\nfail_on: low\n")
    assert main(["scan", "m.pkl"]) == 0


def test_profile_strict_from_the_policy_or_the_command_line(repo: Path) -> None:
    from hooks.cli.entry_points import mlsec_code, mlsec_dockerfile

    (repo / "Dockerfile").write_text("FROM python:3.11\nRUN pip install torch\n")
    (repo / "nb.py").write_text("from transformers import AutoModel\nm = AutoModel.from_pretrained('org/m')\n")
    assert main(["scan", "Dockerfile", "nb.py"]) == 0  # hygiene only: low under the default profile
    assert main(["scan", "--profile", "strict", "Dockerfile", "nb.py"]) == 1
    assert mlsec_dockerfile(["--profile", "strict", "Dockerfile"]) == 1
    assert mlsec_code(["--profile=strict", "nb.py"]) == 1  # B615 at bandit's own severity
    (repo / ".mlsec.yaml").write_text("profile: strict\n")
    assert main(["scan", "Dockerfile"]) == 1
    assert main(["scan", "--profile", "default", "Dockerfile"]) == 0  # the command line wins
