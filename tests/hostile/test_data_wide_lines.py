"""mlsec-data on one very wide CSV line: each line is located and counted once, each finding's
line number is looked up, not counted again (both were quadratic: over 5 minutes on 2 MB)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hooks.cli.entry_points import mlsec_data as main


def test_a_two_megabyte_line_of_addresses_is_read_in_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    line = ",".join(f"user{i}@gmail.com" for i in range(100_000))
    (tmp_path / "wide.csv").write_text("a,b\n" + line + "\n")
    start = time.perf_counter()
    code = main(["--format", "json", "wide.csv"])
    seconds = time.perf_counter() - start
    out = capsys.readouterr().out
    # a generous bound (3 s now); the line has more fields than the header, so it is no record:
    # its addresses are reported low, as text
    assert code == 0 and seconds < 60
    assert '"rule_id": "MLS602"' in out and "inside free text" in out
