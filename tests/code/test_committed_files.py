"""held_beside: a regular file inside the scanned folder, reached through no link."""

from __future__ import annotations

from pathlib import Path

from hooks.code.committed_files import held_beside


def test_a_regular_file_beside_the_code_is_held(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "dv.bin").write_bytes(b"x")
    (tmp_path / "shared.bin").write_bytes(b"x")
    assert held_beside(tmp_path / "app", tmp_path, "dv.bin")
    assert held_beside(tmp_path / "app", tmp_path, "./dv.bin")
    assert held_beside(tmp_path / "app", tmp_path, "../shared.bin")


def test_look_alikes_are_not_held(tmp_path: Path) -> None:
    top = tmp_path / "repo"
    (top / "app" / "models").mkdir(parents=True)
    (tmp_path / "outside.bin").write_bytes(b"x")
    (top / "app" / "link.bin").symlink_to(tmp_path / "outside.bin")
    (top / "app" / "linked").symlink_to(top / "app" / "models")
    (top / "app" / "models" / "m.bin").write_bytes(b"x")
    app = top / "app"
    assert not held_beside(app, top, "missing.bin")
    assert not held_beside(app, top, "models")  # a folder
    assert not held_beside(app, top, "link.bin")  # a link out of the repository
    assert not held_beside(app, top, "linked/m.bin")  # a link on the way, even to a file inside
    assert not held_beside(app, top, "../../outside.bin")  # above the scanned folder
    assert not held_beside(app, top, str(tmp_path / "outside.bin"))  # absolute
    assert not held_beside(app, None, "models/m.bin")  # the scanned folder is not known
    assert not held_beside(app, top, "m\x00.bin")
    assert held_beside(app, top, "models/m.bin")
