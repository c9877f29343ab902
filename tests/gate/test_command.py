"""`mlsec gate` end to end: exit codes, the record, every output format, and the safety rules
(scan before load, nothing of a malicious model runs, one-line errors, no raw names)."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.gate.helpers import dump, metric, read_record, run_gate, save_npz, write_policy

POLICY = {"checks": {"clean_accuracy": {"min": 0.9}, "adversarial": {"eps": [0.05], "min_accuracy": 0.5}}}


@pytest.fixture
def gated(repo: Path, digits: dict[str, Any], digits_lr: Any) -> Path:
    dump(digits_lr, repo / "model.joblib")
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    save_npz(repo / "train.npz", digits["x_train"], digits["y_train"])
    write_policy(repo, {"model": "model.joblib", "data": "holdout.npz", **POLICY})
    return repo


def test_pass_writes_a_record_that_names_everything(gated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib

    assert run_gate() == 0  # model and data from the policy
    out = capsys.readouterr().out
    assert "verdict: PASS" in out and "accuracy@eps=0.05" in out
    record = read_record(gated / "model.joblib")
    assert record["format"] == "mlsec-gate-record" and record["verdict"] == "pass"
    assert record["model"]["sha256"] == hashlib.sha256((gated / "model.joblib").read_bytes()).hexdigest()
    assert record["data"]["sha256"] == hashlib.sha256((gated / "holdout.npz").read_bytes()).hexdigest()
    assert len(record["policy"]["sha256"]) == 64 and record["tool_version"]
    assert record["timestamp"].endswith("Z")
    attack = metric(record, "adversarial", "accuracy@eps=0.05")
    assert attack["threshold"] == 0.5 and attack["passed"] is True
    assert (
        attack["details"]["attack"] == "fgsm" and attack["details"]["norm"] == "linf" and attack["details"]["seed"] == 0
    )


def test_policy_hash_ignores_paths_but_not_thresholds() -> None:
    from hooks.gate.config import policy_hash

    base = {"model": "a.pkl", "checks": {"clean_accuracy": {"min": 0.9}}}
    assert policy_hash(base) == policy_hash({**base, "model": "b.pkl", "data": "x.csv"})
    assert policy_hash(base) != policy_hash({"checks": {"clean_accuracy": {"min": 0.91}}})


def test_fail_is_exit_1_and_every_format_says_why(gated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_policy(gated, {"checks": {"clean_accuracy": {"min": 0.999}}})
    args = ("--model", "model.joblib", "--data", "holdout.npz")
    assert run_gate(*args) == 1
    assert "verdict: FAIL" in capsys.readouterr().out
    assert read_record(gated / "model.joblib")["verdict"] == "fail"
    assert run_gate(*args, "--format", "json", "--no-record") == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "fail"
    assert run_gate(*args, "--format", "sarif", "--output", "gate.sarif") == 1
    sarif = json.loads((gated / "gate.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["MLS701"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "model.joblib"
    assert any(rule["id"] == "MLS701" for rule in sarif["runs"][0]["tool"]["driver"]["rules"])
    assert run_gate(*args, "--format", "markdown") == 1
    markdown = capsys.readouterr().out
    assert markdown.startswith("### mlsec gate: ❌ fail") and "| clean_accuracy | accuracy |" in markdown


def test_a_malicious_model_is_scanned_refused_and_never_run(
    repo: Path, digits: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    canary = repo / "canary"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {canary}",))

    (repo / "model.pkl").write_bytes(pickle.dumps(Payload()))
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(repo, POLICY)
    assert run_gate("--model", "model.pkl", "--data", "holdout.npz", "--format", "sarif") == 1
    assert not canary.exists()
    ids = {r["ruleId"] for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]}
    assert {"MLS101", "MLS710"} <= ids
    record = read_record(repo / "model.pkl")
    assert record["verdict"] == "fail" and record["artifact_scan"]["blocking_findings"] and not record["checks"]


def test_the_restricted_unpickler_refuses_what_the_scan_was_told_to_let_through(
    repo: Path, digits: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    import collections

    (repo / "model.pkl").write_bytes(pickle.dumps(collections.ChainMap({})))
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(repo, POLICY, rules={"MLS102": {"enabled": False}})  # the scan no longer reports it
    assert run_gate("--model", "model.pkl", "--data", "holdout.npz") == 1
    assert "refused collections.ChainMap" in capsys.readouterr().out
    assert read_record(repo / "model.pkl")["artifact_scan"]["refused_global"] == "collections.ChainMap"


@pytest.mark.parametrize(
    ("policy", "argv", "message"),
    [
        (POLICY, ("--model", "missing.joblib", "--data", "holdout.npz"), "no such model file"),
        (POLICY, ("--model", "model.joblib", "--data", "missing.npz"), "no such data file"),
        ({"checks": {}}, ("--model", "model.joblib", "--data", "holdout.npz"), "names no check"),
        (
            {"checks": {"clean_accuracy": {"min": 1.5}}},
            ("--model", "model.joblib", "--data", "holdout.npz"),
            "between 0 and 1",
        ),
        (
            {"checks": {"clean_accuracy": {"mni": 0.5}}},
            ("--model", "model.joblib", "--data", "holdout.npz"),
            "did you mean 'min'",
        ),
        (
            {"checks": {"membership_inference": {}}},
            ("--model", "model.joblib", "--data", "holdout.npz"),
            "needs the training rows",
        ),
        (
            {"checks": {"bias": {"sensitive": "nope"}}},
            ("--model", "model.joblib", "--data", "holdout.npz"),
            "no column",
        ),
        (
            {"checks": {"clean_accuracy": {"class_recall": {"cat": 0.5}}}},
            ("--model", "model.joblib", "--data", "holdout.npz"),
            "not one of the model's classes",
        ),
        (POLICY, ("--data", "holdout.npz"), "no model"),
    ],
)
def test_usage_and_data_errors_are_one_line_and_exit_2(
    gated: Path, capsys: pytest.CaptureFixture[str], policy: dict[str, Any], argv: tuple[str, ...], message: str
) -> None:
    write_policy(gated, policy)
    assert run_gate(*argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_labels_unknown_to_the_model_are_a_data_error(
    gated: Path, digits: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    save_npz(gated / "other.npz", digits["x_test"][:10], np.full(10, 42))
    assert run_gate("--model", "model.joblib", "--data", "other.npz") == 2
    assert "label '42'" in capsys.readouterr().err


def test_hostile_names_reach_the_terminal_escaped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    from sklearn.linear_model import LogisticRegression

    evil = "x\x1b]0;pwned\x07"
    frame = pd.DataFrame({"a": np.arange(40.0) % 7, "label": np.arange(40) % 2, "grp": [evil, "b"] * 20})
    frame.to_csv(repo / "data.csv", index=False)
    dump(LogisticRegression().fit(frame[["a"]].to_numpy(), frame["label"]), repo / "m.joblib")
    write_policy(
        repo,
        {
            "label": "label",
            "features": ["a"],
            "checks": {"bias": {"sensitive": "grp", "min_group_size": 5, "max_accuracy_gap": 1.0}},
        },
    )
    name = "\x1b[31mred.joblib"
    (repo / name).write_bytes((repo / "m.joblib").read_bytes())
    for fmt in ("text", "markdown", "json"):
        run_gate("--model", name, "--data", "data.csv", "--format", fmt)
        captured = capsys.readouterr()
        assert "\x1b" not in captured.out and "\x1b" not in captured.err and "\x07" not in captured.out
    record = json.loads((repo / (name + ".gate.json")).read_text())
    assert "\x1b" not in json.dumps(record, ensure_ascii=False)


def test_model_path_never_becomes_an_option(repo: Path, digits: dict[str, Any], digits_lr: Any) -> None:
    dump(digits_lr, repo / "--no-record")
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(repo, POLICY)
    with pytest.raises(SystemExit) as stopped:  # argparse refuses it; it never turns records off
        run_gate("--model", "--no-record", "--data", "holdout.npz")
    assert stopped.value.code == 2
    assert run_gate("--model=--no-record", "--data", "holdout.npz") == 0
    assert (repo / "--no-record.gate.json").is_file()


def test_record_is_never_written_into_git(gated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_gate("--record", ".git/hooks/post-checkout") == 2
    assert not (gated / ".git" / "hooks").exists()
    assert "inside .git" in capsys.readouterr().err


def test_the_gate_is_listed_and_its_rules_are_in_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    from hooks.catalog import HOOKS, registry

    assert all(spec.hook_id != "mlsec-gate" for spec in HOOKS)  # not a pre-commit hook
    gate_rules = [rule for rule in registry() if rule.scanner == "gate"]
    assert [r.rule_id for r in gate_rules] == [f"MLS7{n:02d}" for n in range(1, 11)]
    assert all(r.what and r.why and r.example and r.fix and r.references for r in gate_rules)


def test_library_warnings_with_text_from_the_file_never_reach_the_terminal(
    gated: Path, digits_lr: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sklearn.base

    with monkeypatch.context() as patch:
        patch.setattr(sklearn.base, "__version__", "0.1\x1b[2J")  # sklearn warns with this text on load
        dump(digits_lr, gated / "model.joblib")
    assert b"0.1\x1b[2J" in (gated / "model.joblib").read_bytes()
    import subprocess
    import sys

    # A real process: pytest would capture the warnings itself.
    done = subprocess.run([sys.executable, "-m", "hooks.cli.mlsec", "gate"], cwd=gated, capture_output=True, text=True)
    assert done.returncode == 0
    assert "\x1b" not in done.stderr + done.stdout and "InconsistentVersionWarning" not in done.stderr
