"""Which hooks a file goes to under `mlsec scan`: the tags pre-commit's identify would give it."""

from __future__ import annotations

from pathlib import Path

from hooks._core.selection import file_tags


def test_mlsec_scan_tags_files_as_pre_commit_would(tmp_path: Path) -> None:
    # identify tags by name first: a `.yaml` with a NUL is text; UTF-16 with its mark is text too.
    (tmp_path / "config.yaml").write_bytes(b"token: x\n# \x00\n")
    (tmp_path / "win.txt").write_bytes("a = 1\r\n".encode("utf-16"))
    (tmp_path / "blob.dat").write_bytes(b"\x00\x01\x02")
    assert "text" in file_tags(tmp_path / "config.yaml") and "text" in file_tags(tmp_path / "win.txt")
    assert "binary" in file_tags(tmp_path / "blob.dat")
