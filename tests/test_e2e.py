"""sample_repo through the real pre-commit, installed from this checkout's current commit.

pre-commit builds the hooks' environment with pip, so this test needs the package index once
(as `make demo` does); set MLSEC_OFFLINE=1 to skip it on a machine without one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from hooks.catalog import HOOKS as HOOK_SPECS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from demo import finding_lines  # noqa: E402

UNSAFE = [
    "models/backdoor.pkl",
    "models/finetuned.pt",
    "models/unknown_class.pkl",
    "train.py",
    "serving/serve.py",
    "notebooks/eda.ipynb",
    "config.env",
    "requirements.txt",
    "environment.yml",
    "Dockerfile",
    "data/customers.csv",
    "data/fetch_data.py",
]
README_YAML = re.compile(r"```yaml\n(.*?)```", re.S)
LOCAL_CLONE = "/path/to/mlsec-hooks"
needs_package_index = pytest.mark.skipif(
    os.environ.get("MLSEC_OFFLINE") == "1", reason="MLSEC_OFFLINE=1: no package index for pre-commit's install"
)


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("e2e")
    work = base / "sample_repo"
    shutil.copytree(ROOT / "sample_repo", work)
    # README's local-clone install snippet, verbatim but for the clone's path and commit.
    snippet = next(block for block in README_YAML.findall((ROOT / "README.md").read_text()) if LOCAL_CLONE in block)
    config_text = snippet.replace(LOCAL_CLONE, str(ROOT)).replace("<sha>", _git("rev-parse", "HEAD", cwd=ROOT))
    config = yaml.safe_load(config_text)
    assert {hook["id"] for hook in config["repos"][0]["hooks"]} == {spec.hook_id for spec in HOOK_SPECS}
    (work / ".pre-commit-config.yaml").write_text(config_text)
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(base / "pre-commit-home"),
        "MLSEC_CACHE_DIR": str(base / "cache"),
        "PRE_COMMIT_COLOR": "never",
    }
    return work, env


def _pre_commit(work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=900)


@needs_package_index
def test_pre_commit_reports_exactly_the_expected_findings_then_passes_on_the_safe_twins(
    sample: tuple[Path, dict[str, str]],
) -> None:
    work, env = sample
    first = _pre_commit(work, env)
    expected = (ROOT / "sample_repo" / "expected_findings.txt").read_text().splitlines()
    assert first.returncode == 1, first.stdout + first.stderr
    assert finding_lines(first.stdout) == expected
    for name in UNSAFE:
        (work / name).unlink()
    _git("add", "-A", cwd=work)
    second = _pre_commit(work, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert finding_lines(second.stdout) == []


def test_mlsec_scan_sarif_over_the_sample(
    sample: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hooks.cli.mlsec import main

    work = tmp_path / "copy"
    shutil.copytree(ROOT / "sample_repo", work)
    _git("init", "-q", cwd=work)
    monkeypatch.chdir(work)
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["scan", "--format", "sarif", "--output", "report.sarif"]) == 1
    report = json.loads((work / "report.sarif").read_text())
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(report)
    expected = (ROOT / "sample_repo" / "expected_findings.txt").read_text().splitlines()
    assert len(report["runs"][0]["results"]) == len(expected)
