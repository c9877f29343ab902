"""CI at scale from the command line: shards and `mlsec merge`, `--changed-since`, the cache
switches and `mlsec cache` (hooks/cli/scale.py, hooks/cli/merge.py)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.cli.mlsec import main
from tests._core.test_cache_equivalence import _hostile_files
from tests.conftest import PROJECT

SARIF_SCHEMA = PROJECT / "tests" / "data" / "sarif-schema-2.1.0.json"


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample repository plus hostile files, committed on `main`."""
    repo = tmp_path / "repo"
    shutil.copytree(PROJECT / "sample_repo", repo, symlinks=True)
    _hostile_files(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    monkeypatch.chdir(repo)
    return repo


def _report(*args: str) -> tuple[int, dict[str, Any]]:
    out = Path("..") / "out.json"
    code = main(["scan", *args, "--output", str(out)])
    return code, json.loads(out.read_text())


def _without_notification_order(document: dict[str, Any]) -> dict[str, Any]:
    for run in document.get("runs", []):
        for invocation in run.get("invocations", []):
            invocation["toolExecutionNotifications"].sort(key=json.dumps)
    if "errors" in document:
        document["errors"].sort(key=json.dumps)
    return document


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_merged_shards_are_the_full_report(project: Path, tmp_path: Path, fmt: str) -> None:
    full_code, full = _report("--format", fmt, "--no-cache")
    assert full_code == 1
    parts = []
    for index in (1, 2, 3):
        _, part = _report("--format", fmt, "--shard", f"{index}/3")
        path = tmp_path / f"shard{index}.{fmt}"
        path.write_text(json.dumps(part))
        parts.append(part)
    if fmt == "sarif":
        ids = [part["runs"][0]["automationDetails"]["id"] for part in parts]
        assert ids == ["mlsec-shard-1-of-3/", "mlsec-shard-2-of-3/", "mlsec-shard-3-of-3/"]
        import jsonschema

        schema = json.loads(SARIF_SCHEMA.read_text())
        for part in parts:
            jsonschema.validate(part, schema)
    else:
        assert [part["shard"] for part in parts] == [{"index": i, "count": 3} for i in (1, 2, 3)]
        sizes = [len(part["findings"]) for part in parts]
        assert all(sizes) and sum(sizes) == len(full["findings"])
    merged_path = tmp_path / f"merged.{fmt}"
    # the reports twice over: duplicates are kept once
    names = [str(tmp_path / f"shard{i}.{fmt}") for i in (3, 1, 2, 1)]
    assert main(["merge", *names, "--output", str(merged_path)]) == 0
    merged = json.loads(merged_path.read_text())
    assert _without_notification_order(merged) == _without_notification_order(full)


def test_merge_refuses_mixed_or_foreign_reports(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"version": 1, "findings": [], "errors": []}))
    (tmp_path / "b.sarif").write_text(json.dumps({"version": "2.1.0", "runs": [{"results": []}]}))
    (tmp_path / "c.txt").write_text("not json")
    assert main(["merge", str(tmp_path / "a.json"), str(tmp_path / "b.sarif")]) == 2
    assert main(["merge", str(tmp_path / "c.txt")]) == 2
    assert main(["merge", str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert "mix JSON and SARIF" in err and "not JSON" in err and "cannot read" in err


def test_changed_since_scans_what_the_branch_changed(project: Path) -> None:
    git(project, "checkout", "-qb", "feature")
    (project / "train.py").write_text("import pickle\npickle.loads(open('m', 'rb').read())\n")
    (project / "new_leak.py").write_text('KEY = "hf_' + "zY3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM" + '"\n')
    code, report = _report("--format", "json", "--changed-since", "main")
    paths = {f["path"] for f in report["findings"]}
    assert code == 1
    # the two changed files, and the links (their targets may have changed)
    assert paths <= {"train.py", "new_leak.py", "outside", "dangling"} and {"train.py", "new_leak.py"} <= paths


def test_changed_tooling_rescans_the_code_whose_loads_it_fetches(project: Path) -> None:
    (project / "jobs").mkdir()
    (project / "jobs" / "batch.py").write_text("import joblib\nmodel = joblib.load('model.pkl')\n")
    (project / "jobs" / "report.py").write_text("print('nothing loaded')\n")
    # Code the code hook reads without a `.py` name: a `.pyw` and a script named by its shebang.
    (project / "jobs" / "gui.pyw").write_text("import joblib\nmodel = joblib.load('model.pkl')\n")
    (project / "jobs" / "score").write_text("#!/usr/bin/env python3\nimport joblib\nm = joblib.load('model.pkl')\n")
    (project / "other").mkdir()
    (project / "other" / "score.py").write_text("import joblib\nmodel = joblib.load('model.pkl')\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "jobs")
    git(project, "checkout", "-qb", "feature")
    (project / "jobs" / "Makefile").write_text("model:\n\twget -O model.pkl $(MODEL_URL)\n")
    _, report = _report("--format", "json", "--changed-since", "main")
    found = {(f["path"], f["rule_id"], f["severity"]) for f in report["findings"]}
    assert ("jobs/batch.py", "MLS301", "high") in found  # the Makefile beside it now fetches its file
    assert {("jobs/gui.pyw", "MLS301", "high"), ("jobs/score", "MLS301", "high")} <= found
    assert not any(path == "other/score.py" for path, _, _ in found)  # a folder the Makefile does not reach


def test_changed_dependency_file_rescans_the_files_that_include_it(project: Path) -> None:
    git(project, "checkout", "-qb", "feature")
    with (project / "requirements.txt").open("a") as handle:
        handle.write("numpy==1.21.0\n")
    _, report = _report("--format", "json", "--changed-since", "main")
    paths = {f["path"] for f in report["findings"]}
    assert "requirements-dev.txt" in paths  # it includes requirements.txt
    assert "leak.py" not in paths


def test_a_changed_pyyaml_pin_rescans_every_file_whose_fullloader_it_decides(project: Path) -> None:
    (project / "svc").mkdir()
    (project / "svc" / "config.py").write_text("import yaml\ncfg = yaml.load(STREAM, Loader=yaml.FullLoader)\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "config")
    git(project, "checkout", "-qb", "feature")
    with (project / "requirements.txt").open("a") as handle:
        handle.write("pyyaml==5.3\n")  # FullLoader builds objects again
    _, report = _report("--format", "json", "--changed-since", "main")
    assert ("svc/config.py", "MLS305", "high") in {(f["path"], f["rule_id"], f["severity"]) for f in report["findings"]}


def test_a_changed_notebook_is_not_a_changed_dependency_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The deps hook reads notebooks too (their %%writefile cells); a changed notebook must not
    rescan every notebook and dependency file as a changed requirements file does."""
    source = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for index in range(3):
        (project / f"nb{index}.ipynb").write_text(source)
    git(project, "add", ".")
    git(project, "commit", "-qm", "notebooks")
    git(project, "checkout", "-qb", "feature")
    (project / "nb1.ipynb").write_text(
        source.replace(
            "[]",
            '[{"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": null}]',
            1,
        )
    )
    capsys.readouterr()
    assert main(["scan", "--changed-since", "main", "--timing", "--format", "json", "--output", "../o.json"]) in (0, 1)
    files = int(re.search(r"(\d+) file\(s\)", capsys.readouterr().err)[1])  # type: ignore[index]
    assert files <= 3  # nb1.ipynb and the two links, not the other notebooks or requirements files


def test_a_changed_gate_record_rescans_its_model(project: Path) -> None:
    """The model's verdict depends on its record (artifacts.require_gate_record): a branch that
    only replaces the record must see the model again, and nothing unrelated."""
    (project / ".mlsec.yaml").write_text("artifacts:\n  require_gate_record: true\n")
    model = project / "models" / "fine.pkl"
    record = model.with_name(model.name + ".gate.json")
    passing = {"format": "mlsec-gate-record", "version": 1, "verdict": "pass"}
    record.write_text(json.dumps({**passing, "model": {"sha256": hashlib.sha256(model.read_bytes()).hexdigest()}}))
    git(project, "add", ".")
    git(project, "commit", "-qm", "gated")
    _, before = _report("--format", "json", "--no-cache")
    assert "models/fine.pkl" not in {f["path"] for f in before["findings"]}
    git(project, "checkout", "-qb", "feature")
    record.write_text(json.dumps({**passing, "verdict": "fail", "model": {"sha256": "0" * 64}}))
    _, report = _report("--format", "json", "--changed-since", "main")
    paths = {f["path"] for f in report["findings"]}
    assert ("MLS111", "models/fine.pkl") in {(f["rule_id"], f["path"]) for f in report["findings"]}
    assert not paths & {"leak.py", "models/evil.pkl"}


def test_a_policy_change_rescans_everything(project: Path) -> None:
    git(project, "checkout", "-qb", "feature")
    (project / ".mlsec.yaml").write_text("fail_on: high\n")
    _, full = _report("--format", "json", "--no-cache")
    _, report = _report("--format", "json", "--changed-since", "main")
    assert {f["path"] for f in report["findings"]} == {f["path"] for f in full["findings"]}


def test_changed_since_with_nothing_changed_reads_only_links(project: Path) -> None:
    _, report = _report("--format", "json", "--changed-since", "HEAD")
    assert {f["path"] for f in report["findings"]} == {"outside", "dangling"}


def test_changed_since_refuses_an_option_as_ref(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--changed-since=--output=x"]) == 2
    assert "not a git revision" in capsys.readouterr().err
    assert not (project / "x").exists()


def test_no_cache_and_the_environment_switch_write_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "c1"))
    results = tmp_path / "c1" / "results-v1"
    _report("--format", "json", "--no-cache")
    assert not results.exists()
    monkeypatch.setenv("MLSEC_NO_CACHE", "1")
    _report("--format", "json")
    assert not results.exists()
    monkeypatch.delenv("MLSEC_NO_CACHE")
    _report("--format", "json")
    assert list((tmp_path / "c1" / "results-v1").glob("??/*"))


def test_timing_and_the_cache_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _report("--format", "json", "--timing")
    assert " 0 verdict(s) from cache" in capsys.readouterr().err
    _report("--format", "json", "--timing")
    err = capsys.readouterr().err
    assert "file(s);" in err and " 0 computed" not in err.split("verdict(s) from cache")[0]
    assert main(["cache", "info"]) == 0
    assert "entries" in capsys.readouterr().out
    assert main(["cache", "clear"]) == 0
    assert main(["cache", "info"]) == 0
    assert ": 0 entries" in capsys.readouterr().out


def test_an_unusable_cache_is_a_notice_not_a_failure(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "results-v1").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "home"))
    _, without = _report("--format", "json")
    _, reference = _report("--format", "json", "--no-cache")
    assert without == reference
    assert "result cache not used" in capsys.readouterr().err


def test_hooks_take_no_cache_and_a_file_named_like_it_stays_a_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooks.cli.run import run_hook

    (project / "--no-cache").write_text('TOKEN = "hf_' + "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM" + '"\n')
    assert run_hook("mlsec-secrets", ["--", "--no-cache"]) == 1  # after `--`, a file
    assert "--no-cache:1:" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:  # both the flag and a file here: main's rule, a usage error
        run_hook("mlsec-secrets", ["--no-cache"])
    assert stopped.value.code == 2 and "both an option and a file name" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_merge_refuses_an_incomplete_or_mixed_set_of_shards(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """A shard whose report is missing would make a merged report that looks whole and is not."""
    names = {}
    for label in ("1/3", "2/3", "3/3", "1/2"):
        _, part = _report("--format", fmt, "--shard", label)
        names[label] = tmp_path / f"shard-{label.replace('/', '-of-')}.{fmt}"
        names[label].write_text(json.dumps(part))
    _, whole = _report("--format", fmt, "--no-cache")
    (tmp_path / f"whole.{fmt}").write_text(json.dumps(whole))
    out = str(tmp_path / f"merged.{fmt}")
    assert main(["merge", str(names["1/3"]), str(names["3/3"]), "--output", out]) == 2
    assert "shard 2 of 3 is missing" in capsys.readouterr().err
    assert main(["merge", str(names["1/3"]), str(names["2/3"]), str(names["1/2"]), "--output", out]) == 2
    assert "shards of different splits" in capsys.readouterr().err
    everything = [str(names[label]) for label in ("1/3", "2/3", "3/3")]
    assert main(["merge", *everything, str(tmp_path / f"whole.{fmt}"), "--output", out]) == 2
    assert "not a shard" in capsys.readouterr().err
    assert main(["merge", *everything, "--output", out]) == 0


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
_SKELETONS = (
    lambda v: {"version": "2.1.0", "runs": [{"tool": v, "results": []}]},
    lambda v: {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "mlsec", "rules": v}}, "results": []}]},
    lambda v: {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "mlsec"}}, "results": v}]},
    lambda v: {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [], "invocations": v}]},
    lambda v: {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "automationDetails": v}]},
    lambda v: {"version": 1, "findings": [], "errors": [], "shard": v},
    lambda v: {"version": 1, "findings": v, "errors": []},
    lambda v: {"version": 1, "findings": [], "errors": v},
)


@settings(max_examples=150, deadline=None)
@given(value=_JSON, which=st.integers(0, len(_SKELETONS) - 1), twice=st.booleans())
def test_merge_of_garbage_is_a_usage_error_never_a_traceback(value: object, which: int, twice: bool) -> None:
    import contextlib
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "r.json"
        report.write_text(json.dumps(_SKELETONS[which](value)))
        names = [str(report)] * (2 if twice else 1)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["merge", *names, "--output", str(Path(scratch) / "out.json")])
    assert code in (0, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
