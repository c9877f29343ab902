"""sample_repo/gate: the example trains its tiny model at test time and passes its own gate;
tightening one threshold past the measured value fails it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.gate.helpers import read_record, run_gate

EXAMPLE = Path(__file__).resolve().parents[2] / "sample_repo" / "gate"


def test_the_example_trains_and_passes_then_fails_a_tighter_policy(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLE, repo / "gate", ignore=shutil.ignore_patterns("out"))
    subprocess.run([sys.executable, "gate/train.py"], check=True, cwd=repo)
    assert run_gate("--config", "gate/gate.mlsec.yaml") == 0
    record = read_record(repo / "gate" / "out" / "model.joblib")
    assert record["verdict"] == "pass" and record["train_data"]["path"] == "gate/out/train.csv"
    assert {m["check"] for m in record["checks"]} == {
        "clean_accuracy",
        "adversarial",
        "robustness_noise",
        "membership_inference",
        "bias",
    }
    policy = yaml.safe_load((repo / "gate" / "gate.mlsec.yaml").read_text())
    policy["gate"]["checks"]["adversarial"]["max_drop"] = 0.01
    (repo / "strict.yaml").write_text(yaml.safe_dump(policy))
    assert run_gate("--config", "strict.yaml", "--format", "markdown", "--no-record") == 1
    assert "**fail**" in capsys.readouterr().out
