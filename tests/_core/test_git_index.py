"""holds: whether git's index holds a path, asked literally; None when git cannot answer."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hooks._core.git_index import holds


def test_a_staged_file_and_its_folder_are_held_and_others_are_not(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.bin").write_bytes(b"x")
    (tmp_path / "loose.bin").write_bytes(b"x")
    (tmp_path / "*.bin").write_bytes(b"x")  # a name that is a pattern when read as one
    subprocess.run(["git", "-C", str(tmp_path), "add", "models/m.bin"], check=True)
    assert holds(tmp_path, "models/m.bin") is True
    assert holds(tmp_path, "models") is True
    assert holds(tmp_path, "loose.bin") is False
    assert holds(tmp_path, "*.bin") is False  # literal: not every .bin file


def test_no_repository_is_no_answer(tmp_path: Path) -> None:
    assert holds(tmp_path / "missing-folder", "x") is None
