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
        if isinstance(document, dict) and set(document) & {"fail_on", "deps", "artifacts", "secrets", "code"}:
            (tmp_path / ".mlsec.yaml").write_text(yaml.safe_dump(document))
            load_policy(tmp_path, registry())  # raises UsageError if README shows an invalid policy
