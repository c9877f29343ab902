"""`mlsec baseline`: tracked files only, reasons, critical refused, update in place, stale entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
from tests.artifacts.helpers import malicious_pickle
from tests.cli.conftest import UNSAFE_CODE, git

BASELINE = ".mlsec-baseline.json"


def entries(root: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads((root / BASELINE).read_text())["findings"]
    return found


def test_only_tracked_files_are_accepted(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (git_repo / "train.py").write_text(UNSAFE_CODE)
    (git_repo / "local.py").write_text(UNSAFE_CODE)
    git(git_repo, "add", "train.py")
    assert main(["baseline"]) == 0
    assert {e["path"] for e in entries(git_repo)} == {"train.py"}
    assert "not tracked by git, not accepted" not in capsys.readouterr().err  # default: tracked files only
    assert main(["baseline", "."]) == 0
    assert "not tracked by git, not accepted: local.py" in capsys.readouterr().err
    assert {e["path"] for e in entries(git_repo)} == {"train.py"}
    assert main(["scan", "local.py"]) == 1


def test_baseline_outside_git_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()  # looks like a root, but git does not know it
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train.py").write_text(UNSAFE_CODE)
    assert main(["baseline", "train.py"]) == 2


def test_entries_say_what_was_accepted_and_why(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (git_repo / "train.py").write_text(UNSAFE_CODE)
    git(git_repo, "add", "train.py")
    assert main(["baseline", "--reason", "legacy loader, tracked in JIRA-12"]) == 0
    assert capsys.readouterr().err.startswith(f"mlsec: {BASELINE}: 2 accepted finding(s) (2 high); 2 new")
    for entry in entries(git_repo):
        assert entry["reason"] == "legacy loader, tracked in JIRA-12"
        assert entry["rule_id"] in ("MLS305", "MLS306") and entry["severity"] == "high" and entry["message"]
    assert main(["scan"]) == 0


def test_critical_findings_need_accept_critical(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (git_repo / "m.pkl").write_bytes(malicious_pickle(git_repo / "canary"))
    git(git_repo, "add", "m.pkl")
    assert main(["baseline"]) == 2
    err = capsys.readouterr().err
    assert "critical: m.pkl: MLS101" in err and "--accept-critical" in err
    assert not (git_repo / BASELINE).exists()
    assert main(["baseline", "--accept-critical", "--reason", "fixture of our own tests"]) == 0
    assert "(1 critical)" in capsys.readouterr().err
    assert main(["baseline"]) == 0  # already accepted: an update does not ask again


def test_update_in_place_stale_entries_and_prune(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (git_repo / "a.py").write_text(UNSAFE_CODE)
    (git_repo / "b.py").write_text("import torch\nm = torch.load(p)\n")
    git(git_repo, "add", "a.py", "b.py")
    assert main(["baseline", "--reason", "first"]) == 0
    before = {(e["path"], e["rule_id"]) for e in entries(git_repo)}
    (git_repo / "a.py").write_text("import torch\nm = torch.load(p, weights_only=True)\nd = 1\n")
    b_source = "import torch\nm = torch.load(p)\nimport yaml\ny = yaml.load(s, Loader=yaml.Loader)\n"
    (git_repo / "b.py").write_text(b_source)
    capsys.readouterr()
    assert main(["baseline", "b.py", "--reason", "second"]) == 0  # only b.py is updated
    err = capsys.readouterr().err
    now = {(e["path"], e["rule_id"]): e["reason"] for e in entries(git_repo)}
    assert set(now) == before | {("b.py", "MLS305")}
    assert now[("b.py", "MLS305")] == "second" and now[("b.py", "MLS306")] == "first"
    assert "stale entry" not in err
    assert main(["baseline"]) == 0  # a.py's two entries no longer match: reported, kept
    err = capsys.readouterr().err
    assert err.count("stale entry kept (--prune removes it): a.py") == 2
    assert len(entries(git_repo)) == 4
    assert main(["baseline", "--prune"]) == 0
    assert "stale entry removed: a.py" in capsys.readouterr().err
    assert {e["path"] for e in entries(git_repo)} == {"b.py"}


def test_whitespace_only_edit_keeps_the_finding_accepted(git_repo: Path) -> None:
    (git_repo / "train.py").write_text("import torch\nm = torch.load(path)\n")
    git(git_repo, "add", "train.py")
    assert main(["baseline"]) == 0
    (git_repo / "train.py").write_text("import torch\n\n\nif True:\n    m=torch.load( path )\n")
    assert main(["scan", "train.py"]) == 0
    (git_repo / "train.py").write_text("import torch\nm = torch.load(other)\n")
    assert main(["scan", "train.py"]) == 1


def test_version_1_baselines_are_still_read(git_repo: Path) -> None:
    (git_repo / "train.py").write_text("import torch\nm = torch.load(path)\n")
    git(git_repo, "add", "train.py")
    assert main(["baseline"]) == 0
    old = {"version": 1, "findings": [{"fingerprint": e["fingerprint"], "count": 1} for e in entries(git_repo)]}
    (git_repo / BASELINE).write_text(json.dumps(old))
    assert main(["scan", "train.py"]) == 0
