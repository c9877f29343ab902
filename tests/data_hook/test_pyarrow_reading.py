"""How much of a parquet or arrow file pyarrow reads, and what it says about the rest: every row
group and batch up to the budget, credentials in the values, text in binary columns, files that
would decode to gigabytes, and files pyarrow cannot decode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.data.rules import CREDENTIALS_IN_DATA, EMAILS_IN_DATA, SSNS_IN_DATA
from tests.data_hook.helpers import ids, policy, scan

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ipc = pytest.importorskip("pyarrow.ipc")

EMAILS = [f"user{i}.name@gmail.com" for i in range(50)]
SSNS = [f"219-{i + 10:02d}-{6781 + i:04d}" for i in range(49)] + [None]


def _people() -> Any:
    return pa.table({"contact": EMAILS, "x": SSNS})


def _found(tmp_path: Path, name: str, data_policy: object = None) -> list[str]:
    path = tmp_path / name
    return ids(scan(tmp_path, name, path.read_bytes(), data_policy))  # type: ignore[arg-type]


def test_people_in_a_later_row_group_or_batch_are_found(tmp_path: Path) -> None:
    harmless = pa.table({"contact": ["none"], "x": ["none"]})
    with pq.ParquetWriter(tmp_path / "rg2.parquet", _people().schema) as writer:
        writer.write_table(harmless)
        writer.write_table(_people())
    with ipc.new_file(str(tmp_path / "b2.arrow"), _people().schema) as writer:
        writer.write_table(harmless)
        writer.write_table(_people())
    for name in ("rg2.parquet", "b2.arrow"):
        found = _found(tmp_path, name)
        assert EMAILS_IN_DATA.rule_id in found and SSNS_IN_DATA.rule_id in found, name


def test_rows_past_the_sample_are_named_and_full_reads_them(tmp_path: Path) -> None:
    contacts = [None] * 20_000 + EMAILS
    pq.write_table(pa.table({"contact": contacts}), tmp_path / "late.parquet")
    sampled = scan(tmp_path, "late.parquet", (tmp_path / "late.parquet").read_bytes())
    assert [f.rule_id for f in sampled] == ["MLS912"] and "rows after the first" in sampled[0].message
    full = _found(tmp_path, "late.parquet", policy(tmp_path, full=True))
    assert EMAILS_IN_DATA.rule_id in full


def test_credentials_in_column_values_are_found(tmp_path: Path) -> None:
    token = "ghp_" + "Zq8XrT2vLp9WmN4cQs7BhK1dYe3uIo5PaS6f"
    pq.write_table(pa.table({"note": [f"deploy with {token}"] + ["x"] * 5}), tmp_path / "leak.parquet")
    found = scan(tmp_path, "leak.parquet", (tmp_path / "leak.parquet").read_bytes())
    assert CREDENTIALS_IN_DATA.rule_id in [f.rule_id for f in found]
    assert token not in " ".join(f.message for f in found)
    pq.write_table(pa.table({"note": ["deploy with ghp_<your token>"] * 6}), tmp_path / "doc.parquet")
    assert CREDENTIALS_IN_DATA.rule_id not in _found(tmp_path, "doc.parquet")  # look-alike: a template


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("latin1", [f"Jos\xe9 <{e}>".encode("latin-1") for e in EMAILS]),
        ("utf16", [e.encode("utf-16-le") for e in EMAILS]),
        ("padded", [e.encode().ljust(40, b"\x00") for e in EMAILS]),
    ],
)
def test_text_in_binary_columns_is_read_in_its_encoding(tmp_path: Path, name: str, values: list[bytes]) -> None:
    pq.write_table(pa.table({"c": pa.array(values, type=pa.binary())}), tmp_path / f"{name}.parquet")
    assert EMAILS_IN_DATA.rule_id in _found(tmp_path, f"{name}.parquet")


def test_blobs_are_not_text_and_undecodable_values_are_named(tmp_path: Path) -> None:
    images = [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) for _ in range(10)]
    pq.write_table(pa.table({"image": pa.array(images, type=pa.binary())}), tmp_path / "img.parquet")
    assert _found(tmp_path, "img.parquet") == []
    noise = [bytes([1, 2, 3, 0xC3, 0x28, 7]) for _ in range(10)]  # control bytes, broken UTF-8
    pq.write_table(pa.table({"raw": pa.array(noise, type=pa.binary())}), tmp_path / "raw.parquet")
    [unread] = scan(tmp_path, "raw.parquet", (tmp_path / "raw.parquet").read_bytes())
    assert unread.rule_id == "MLS912" and "neither UTF-8 nor Latin-1" in unread.message


def test_one_huge_column_does_not_crowd_out_the_others(tmp_path: Path) -> None:
    table = pa.table({"pad": ["x" * (3 << 20)] + [""] * 49, "contact": EMAILS})
    pq.write_table(table, tmp_path / "pad.parquet", compression="zstd")
    assert EMAILS_IN_DATA.rule_id in _found(tmp_path, "pad.parquet")


def test_a_file_that_decodes_past_the_limit_is_not_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hooks.data.pyarrow_values as values

    monkeypatch.setattr(values, "MAX_GROUP_BYTES", 100_000)
    monkeypatch.setattr(values, "MAX_GROUP_VALUES", 1_000_000)
    big = pa.table({"contact": EMAILS * 100, "pad": [f"{i:06d}" + "y" * 2000 for i in range(5000)]})
    pq.write_table(big, tmp_path / "big.parquet", compression="zstd")
    with ipc.new_file(str(tmp_path / "big.arrow"), big.schema, options=ipc.IpcWriteOptions(compression="zstd")) as w:
        w.write_table(big)
    for name in ("big.parquet", "big.arrow"):
        found = scan(tmp_path, name, (tmp_path / name).read_bytes())
        assert [f.rule_id for f in found] == ["MLS912"] and "decodes to" in found[0].message, name
    monkeypatch.setattr(values, "MAX_GROUP_BYTES", 1 << 30)
    many = pa.table({"ids": [[0] * 2000] * 1000})  # 2 million values, a few KB on disk
    pq.write_table(many, tmp_path / "many.parquet")
    [unread] = scan(tmp_path, "many.parquet", (tmp_path / "many.parquet").read_bytes())
    assert "values in one column" in unread.message


def test_a_file_pyarrow_cannot_decode_is_named(tmp_path: Path) -> None:
    pq.write_table(_people(), tmp_path / "ok.parquet", compression="none")
    data = bytearray((tmp_path / "ok.parquet").read_bytes())
    data[4:40] = b"\xff" * 36  # the first page header
    found = scan(tmp_path, "broken.parquet", bytes(data))
    assert any(f.rule_id == "MLS912" and "pyarrow could not decode" in f.message for f in found)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.binary(max_size=200))
def test_batch_metadata_garbage_never_raises_past_format_error(metadata: bytes, body: bytes) -> None:
    from hooks.data.arrow import batch_decoded_bytes
    from hooks.data.parquet import FormatError

    try:
        assert batch_decoded_bytes(metadata, body) >= 0
    except FormatError:
        pass
