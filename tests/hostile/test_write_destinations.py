"""Reports, baselines and gate records are never written through a committed symbolic link or a
linked folder that leaves the repository, nor into `.git/`: the repository is attacker-controlled,
and `report.sarif -> ~/.bashrc` would otherwise have CI overwrite a file outside it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hooks._core.destinations import check_destination
from hooks._core.errors import UsageError
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec

PICKLE = b"cmypkg\nThing\n)R."


@pytest.fixture
def victim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outside = tmp_path_factory.mktemp("home") / "victim.txt"
    outside.write_text("precious\n")
    return outside


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_mlsec_scan_does_not_write_through_a_committed_link(
    repo: Path, victim: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (repo / "model.pkl").write_bytes(PICKLE)
    (repo / "report.out").symlink_to(victim)
    assert mlsec(["scan", "--format", fmt, "--output", "report.out", "model.pkl"]) == 2
    assert victim.read_text() == "precious\n"
    assert "is a symbolic link" in capsys.readouterr().err


def test_a_hook_does_not_write_through_a_dangling_link(repo: Path, victim: Path) -> None:
    (repo / "model.pkl").write_bytes(PICKLE)
    target = victim.parent / "created.txt"
    (repo / "report.out").symlink_to(target)
    assert hook_main("mlsec_artifacts")(["--output", "report.out", "model.pkl"]) == 2
    assert not target.exists()


def test_a_linked_folder_out_of_the_repository_is_refused(repo: Path, victim: Path) -> None:
    (repo / "model.pkl").write_bytes(PICKLE)
    (repo / "reports").symlink_to(victim.parent, target_is_directory=True)
    assert mlsec(["scan", "--output", "reports/victim.txt", "model.pkl"]) == 2
    assert victim.read_text() == "precious\n"


def test_mlsec_baseline_does_not_write_through_a_committed_link(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model.pkl").write_bytes(PICKLE)
    (tmp_path / ".mlsec-baseline.json").symlink_to(victim)
    subprocess.run(["git", "add", "-A"], check=True)
    assert mlsec(["baseline"]) == 2
    assert victim.read_text() == "precious\n"
    assert "baseline" in capsys.readouterr().err


def test_the_gate_record_is_not_written_through_a_committed_link(repo: Path, victim: Path) -> None:
    from hooks.gate.record import Outcome, write_record

    (repo / "model.pkl.gate.json").symlink_to(victim)
    with pytest.raises(UsageError, match="symbolic link"):
        write_record(Outcome.__new__(Outcome), repo / "model.pkl", None, repo)
    assert victim.read_text() == "precious\n"


@pytest.mark.parametrize("name", ["report.sarif", "out/report.json", "../elsewhere.txt"])
def test_ordinary_destinations_are_allowed(repo: Path, name: str) -> None:
    """The look-alikes: new files, folders inside the repository, a path the user names outside it."""
    (repo / "out").mkdir()
    assert check_destination(Path(name), repo, "--output") == Path(name)


def test_a_link_inside_the_repository_is_still_refused_for_writing(repo: Path) -> None:
    (repo / "real.txt").write_text("")
    (repo / "alias.txt").symlink_to(repo / "real.txt")
    with pytest.raises(UsageError, match="symbolic link"):
        check_destination(Path("alias.txt"), repo, "--output")


def test_git_is_refused_through_any_spelling(repo: Path) -> None:
    (repo / ".git" / "hooks").mkdir()
    for name in [".git/hooks/pre-commit", "./.git/config", "out/../.git/hooks/x"]:
        with pytest.raises(UsageError, match=r"inside \.git"):
            check_destination(Path(name), repo, "--output")
