"""Every YAML snippet in README parses, and every hook id it names exists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from hooks.catalog import HOOKS as HOOK_SPECS

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)
HOOK_IDS = {spec.hook_id for spec in HOOK_SPECS}


def snippets() -> list[Any]:
    return [yaml.safe_load(block) for block in BLOCK.findall((ROOT / "README.md").read_text())]


def _hook_ids(document: Any) -> list[str]:
    if not isinstance(document, dict):
        return []
    return [hook["id"] for repo in document.get("repos", []) for hook in repo.get("hooks", [])]


def test_every_yaml_snippet_parses_and_names_real_hooks() -> None:
    documents = snippets()
    assert len(documents) >= 6
    named = [hook_id for document in documents for hook_id in _hook_ids(document)]
    assert named and set(named) <= HOOK_IDS
    skipped = [i for d in documents if isinstance(d, dict) for i in (d.get("ci") or {}).get("skip", [])]
    assert set(skipped) <= HOOK_IDS


def test_github_workflows_are_least_privilege() -> None:
    workflows = [d for d in snippets() if isinstance(d, dict) and "jobs" in d]
    assert workflows
    for workflow in workflows:
        assert workflow["permissions"] == {}
        for job in workflow["jobs"].values():
            assert set(job["permissions"]) <= {"contents", "security-events"}
            assert job["permissions"].get("contents") == "read"
            for step in job["steps"]:
                uses = step.get("uses", "")
                if uses.startswith("actions/"):
                    assert re.search(r"@[0-9a-f]{40}$", uses), uses


def test_gitlab_job_keeps_the_json_report() -> None:
    gitlab = next(d for d in snippets() if isinstance(d, dict) and "mlsec-report" in d)
    assert gitlab["mlsec-report"]["artifacts"] == {"when": "always", "paths": ["mlsec-report.json"]}
    assert any("--format json" in line for line in gitlab["mlsec-report"]["script"])


def test_policy_snippets_are_valid_policies(tmp_path: Path) -> None:
    from hooks._core.policy import load_policy
    from hooks.catalog import registry

    for document in snippets():
        if isinstance(document, dict) and set(document) & {"fail_on", "deps", "artifacts", "secrets", "code", "gate"}:
            (tmp_path / ".mlsec.yaml").write_text(yaml.safe_dump(document))
            load_policy(tmp_path, registry())  # raises UsageError if README shows an invalid policy


def test_gate_policy_snippet_is_a_complete_gate_configuration(tmp_path: Path) -> None:
    from hooks._core.policy import load_policy
    from hooks.catalog import registry
    from hooks.gate.config import build_config

    gate = next(d for d in snippets() if isinstance(d, dict) and "gate" in d)
    (tmp_path / ".mlsec.yaml").write_text(yaml.safe_dump(gate))
    policy = load_policy(tmp_path, registry())
    config = build_config(policy.section("gate"), tmp_path)
    assert config.adversarial is not None and config.membership is not None and config.bias is not None
    assert config.noise is not None and config.noise.eps == config.adversarial.eps


def test_gate_after_training_recipes() -> None:
    workflows = [d for d in snippets() if isinstance(d, dict) and "jobs" in d]
    steps = [step for w in workflows for job in w["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    gate_at = next(i for i, run in enumerate(runs) if run.startswith("mlsec gate"))
    assert "--format markdown" in runs[gate_at] and "GITHUB_STEP_SUMMARY" in runs[gate_at + 1]
    assert steps[gate_at + 1].get("if") == "always()"
    assert any("train.py" in run for run in runs[:gate_at]) and "register" in runs[gate_at + 2]
    gitlab = next(d for d in snippets() if isinstance(d, dict) and "model-gate" in d)["model-gate"]
    assert any(line.startswith("mlsec gate") and "--format json" in line for line in gitlab["script"])
    assert gitlab["artifacts"]["when"] == "always"
    assert "models/clf.joblib.gate.json" in gitlab["artifacts"]["paths"]
