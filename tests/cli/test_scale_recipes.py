"""README's CI-at-scale recipes: the GitHub matrix and the GitLab `parallel:` job are run here,
shard by shard, with the commands exactly as README writes them, and their merged result must be
the unsharded run."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from hooks._core.cache import cache_home
from hooks.cli.mlsec import main
from tests._core.test_cache_equivalence import _hostile_files
from tests.conftest import PROJECT
from tests.test_readme_recipes import snippets


def _github_sharded() -> dict[str, Any]:
    return next(d for d in snippets() if isinstance(d, dict) and "shards" in d.get("jobs", {}))


def _gitlab_sharded() -> dict[str, Any]:
    return next(d for d in snippets() if isinstance(d, dict) and "mlsec-shard" in d)


def _mlsec(line: str, env: dict[str, str]) -> int:
    words = shlex.split(os.path.expandvars(line) if env else line)
    assert words[0] == "mlsec", line
    return main(words[1:])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(PROJECT / "sample_repo", repo, symlinks=True)
    _hostile_files(repo)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo)
    return repo


def test_github_matrix_shards_cover_the_repository_in_distinct_categories(project: Path) -> None:
    job = _github_sharded()["jobs"]["shards"]
    shards = job["strategy"]["matrix"]["shard"]
    steps = job["steps"]
    scan_step = next(step for step in steps if step.get("run", "").startswith("mlsec scan"))
    scan = scan_step["run"]
    # Findings block: the scan may go on past its exit 1 only to upload, then the job fails.
    upload = next(i for i, step in enumerate(steps) if "upload-sarif" in step.get("uses", ""))
    assert scan_step.get("continue-on-error") is True and steps.index(scan_step) < upload
    last = steps[-1]
    assert last["if"] == f"steps.{scan_step['id']}.outcome == 'failure'" and last["run"] == "exit 1"
    assert f"/{len(shards)} " in scan
    cache_step = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert Path(os.path.expanduser(cache_step["with"]["path"])) == Path.home() / ".cache" / "mlsec-hooks"
    assert "${{ matrix.shard }}" in cache_step["with"]["key"]  # each shard keeps its own cache
    assert main(["scan", "--format", "sarif", "--output", str(project.parent / "full.sarif"), "--no-cache"]) == 1
    full = json.loads((project.parent / "full.sarif").read_text())
    reports = []
    for shard in shards:  # each matrix job has a checkout of its own: no other shard's report in it
        line = scan.replace("${{ matrix.shard }}", str(shard))
        assert _mlsec(line, {}) in (0, 1)
        written = project / f"mlsec-{shard}.sarif"
        reports.append(json.loads(written.read_text()))
        written.unlink()
    categories = [report["runs"][0]["automationDetails"]["id"] for report in reports]
    assert len(set(categories)) == len(shards)
    found = sorted(
        r["partialFingerprints"]["mlsecFingerprint/v1"] for report in reports for r in report["runs"][0]["results"]
    )
    assert found == sorted(r["partialFingerprints"]["mlsecFingerprint/v1"] for r in full["runs"][0]["results"])


def test_github_pull_request_job_passes_the_base_branch_through_the_environment() -> None:
    job = _github_sharded()["jobs"]["pull-request"]
    run = next(step for step in job["steps"] if "--changed-since" in step.get("run", ""))
    assert "${{" not in run["run"]  # no expression is pasted into the shell script
    assert run["env"]["BASE_REF"] == "${{ github.base_ref }}"
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_gitlab_parallel_shards_merge_into_the_full_report(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recipe = _gitlab_sharded()
    shard_job, merge_job = recipe["mlsec-shard"], recipe["mlsec-merge"]
    total = shard_job["parallel"]
    monkeypatch.setenv("CI_PROJECT_DIR", str(project))
    monkeypatch.setenv("CI_NODE_TOTAL", str(total))
    cache_dir = os.path.expandvars(shard_job["variables"]["MLSEC_CACHE_DIR"])
    monkeypatch.setenv("MLSEC_CACHE_DIR", cache_dir)
    assert shard_job["cache"]["paths"] == [str(Path(cache_dir).relative_to(project)) + "/"]
    for index in range(1, total + 1):
        monkeypatch.setenv("CI_NODE_INDEX", str(index))
        for line in shard_job["script"]:
            if line.startswith("mlsec "):
                assert _mlsec(line, dict(os.environ)) in (0, 1)
        assert cache_home() == Path(cache_dir)
    assert Path(cache_dir, "results-v1").is_dir()  # the cache sat inside the project ...
    assert merge_job["when"] == "always"  # shards with findings fail; the merged report still comes
    merge_line = next(line for line in merge_job["script"] if line.startswith("mlsec merge"))
    assert len(re.findall(r"mlsec-\d\.json", merge_line)) == total
    assert _mlsec(merge_line, dict(os.environ)) == 0
    merged = json.loads((project / "mlsec-merged.json").read_text())
    monkeypatch.setenv("MLSEC_NO_CACHE", "1")
    assert main(["scan", "--format", "json", "--output", "full.json"]) == 1
    full = json.loads((project / "full.json").read_text())
    assert merged["findings"] == full["findings"]
    assert not any(f["path"].startswith(".mlsec-cache/") for f in full["findings"])  # ... and was never scanned
