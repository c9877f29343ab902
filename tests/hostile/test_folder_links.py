"""A link to a folder named on the command line: `mlsec scan` walks it when it stays in the
repository (the Hugging Face cache layout), reports it (MLS910) when it leaves, and a single hook
refuses it like any folder (exit 2); none of them passes it with nothing read."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.catalog import HOOKS
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec

PICKLE = b"cposix\nsystem\n(Vid\ntR."


@pytest.fixture
def linked(repo: Path) -> Path:
    (repo / "cache" / "snapshot").mkdir(parents=True)
    (repo / "cache" / "snapshot" / "model.pkl").write_bytes(PICKLE)
    (repo / "models").symlink_to(Path("cache") / "snapshot", target_is_directory=True)
    return repo


def test_mlsec_scan_walks_a_folder_link_inside_the_repository(linked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mlsec(["scan", "models"]) == 1
    assert "MLS101" in capsys.readouterr().out


def test_mlsec_scan_reports_a_folder_link_leaving_the_repository(
    linked: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "model.pkl").write_bytes(PICKLE)
    (linked / "elsewhere").symlink_to(outside, target_is_directory=True)
    assert mlsec(["scan", "elsewhere"]) == 1
    out = capsys.readouterr().out
    assert "MLS910" in out and "MLS101" not in out


@pytest.mark.parametrize("spec", HOOKS, ids=lambda s: s.hook_id)
def test_a_hook_refuses_a_folder_link(linked: Path, capsys: pytest.CaptureFixture[str], spec: object) -> None:
    assert hook_main(spec.hook_id.replace("-", "_"))(["models"]) == 2  # type: ignore[attr-defined]
    out = capsys.readouterr()
    assert "is a link to a folder" in out.out + out.err


def test_a_folder_link_in_the_listing_is_not_scanned_twice(linked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: walking the repository meets the link and the folder; the file is read once."""
    assert mlsec(["scan", "."]) == 1
    assert capsys.readouterr().out.count("MLS101") == 1
