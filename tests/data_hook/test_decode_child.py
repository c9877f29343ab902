"""pyarrow decodes in a child process with its memory and CPU capped: a file whose own counts lie
about what it decodes to ends the child, not the machine, and is reported as not decoded."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hooks.data import pyarrow_values
from tests.data_hook.helpers import scan

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no address-space cap on Windows")


def test_a_file_decoding_past_the_memory_cap_is_reported_not_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The footer's counts pass (the checks that trust them are set out of the way here, as a file
    # lying in them would get past them): only the cap on the child stops the decode.
    monkeypatch.setattr(pyarrow_values, "MAX_GROUP_BYTES", 1 << 40)
    monkeypatch.setattr(pyarrow_values, "MAX_GROUP_VALUES", 1 << 40)
    monkeypatch.setattr(pyarrow_values, "DECODE_MEMORY", 700 << 20)
    value = "y" * (1 << 20)
    table = pa.table({"note": [value] * 1200})  # stored once in a dictionary: 1.2 GB decoded, 1 MB on disk
    pq.write_table(table, tmp_path / "bomb.parquet", row_group_size=1200, compression="zstd")
    assert (tmp_path / "bomb.parquet").stat().st_size < 2 << 20
    read = pyarrow_values.read_columns(tmp_path / "bomb.parquet", "parquet", 1 << 40, full=True)
    assert read is not None and "decoding needed more than 700 MiB" in read.failed
    found = scan(tmp_path, "bomb.parquet", (tmp_path / "bomb.parquet").read_bytes())
    [finding] = [f for f in found if f.rule_id == "MLS912"]
    assert "could not decode" in finding.message


def test_an_ordinary_file_decodes_in_the_child(tmp_path: Path) -> None:
    pq.write_table(pa.table({"contact": ["a.b@gmail.com", "c.d@gmail.com"]}), tmp_path / "ok.parquet")
    read = pyarrow_values.read_columns(tmp_path / "ok.parquet", "parquet", 1 << 20)
    assert read is not None and not read.failed and read.values == {"contact": ["a.b@gmail.com", "c.d@gmail.com"]}


def test_the_child_imports_nothing_from_the_scanned_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository holding a `hooks/` package of its own, scanned from its root, runs none of it."""
    planted = tmp_path / "hooks" / "data"
    planted.mkdir(parents=True)
    canary = tmp_path / "canary"
    for folder in (tmp_path / "hooks", planted):
        (folder / "__init__.py").write_text(f"open({str(canary)!r}, 'w').write('ran')\n")
    (planted / "decode_child.py").write_text(f"open({str(canary)!r}, 'w').write('ran')\n")
    pq.write_table(pa.table({"x": ["v"]}), tmp_path / "t.parquet")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONSAFEPATH", "")  # whatever the caller's setting, the child cleans its path
    read = pyarrow_values.read_columns(Path("t.parquet"), "parquet", 1 << 20)
    assert read is not None and not read.failed
    assert not canary.exists()


def test_a_hostile_file_name_reaches_the_child_as_data(tmp_path: Path) -> None:
    name = "--help\n$(touch pwned).parquet"
    pq.write_table(pa.table({"x": ["v"]}), tmp_path / name)
    read = pyarrow_values.read_columns(tmp_path / name, "parquet", 1 << 20)
    assert read is not None and not read.failed and read.values == {"x": ["v"]}
    assert not (tmp_path / "pwned").exists() and not Path(os.getcwd(), "pwned").exists()
