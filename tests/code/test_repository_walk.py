"""The bounded walk the repository surveys share."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.code.repository_walk import BoundedWalk, WalkBoundReached


def _tree(tmp_path: Path) -> None:
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements" / "base.txt").write_text("x\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    (tmp_path / "top.txt").write_text("")


def test_each_entry_once_with_the_tag_its_folder_was_entered_with(tmp_path: Path) -> None:
    _tree(tmp_path)
    walk = BoundedWalk(str(tmp_path), "top", 100)
    seen = {}
    for entry, tag in walk:
        seen[entry.name] = tag
        if entry.is_dir():
            walk.enter(entry.path, entry.name)  # only the folders the caller enters are walked
    assert seen == {"requirements": "top", "src": "top", "top.txt": "top", "base.txt": "requirements", "a.py": "src"}


def test_a_folder_not_entered_is_not_walked(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert sorted(entry.name for entry, _ in BoundedWalk(str(tmp_path), None, 100)) == [
        "requirements",
        "src",
        "top.txt",
    ]


def test_past_the_bound_the_walk_stops_with_doubt(tmp_path: Path) -> None:
    _tree(tmp_path)
    walk = BoundedWalk(str(tmp_path), None, 3)
    with pytest.raises(WalkBoundReached):
        for entry, _ in walk:
            if entry.is_dir():
                walk.enter(entry.path, None)
