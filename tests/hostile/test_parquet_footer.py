"""The parquet footer reader on the malformed footer the fuzz test found: row group columns that
are not a list are a format problem, never a TypeError."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.data.parquet import FormatError, read_parquet_schema

FOUND = (
    b"PAR1\x16\x02\x19<H\x06schema\x16\x04\x00\x16\x0c&\x02\x18\x05email\x00\x16\x0c&\x02\x18\x01a\x00\x16\x06"
    b"\x19\x1c\x11,<\x16\x0c6\x02\x00\x00<\x16\x0c6\x02\x00\x00\x16\x00\x16\x06\x00\x00=\x00\x00\x00PAR1"
)


def test_row_group_columns_that_are_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "f.parquet"
    path.write_bytes(FOUND)
    try:
        schema = read_parquet_schema(path, len(FOUND))
    except FormatError:
        return
    assert schema is not None


@pytest.mark.parametrize("cut", [4, 20, len(FOUND) - 8])
def test_cut_footers_are_format_errors(tmp_path: Path, cut: int) -> None:
    """The look-alike family: the same footer cut short is refused as a format error."""
    path = tmp_path / "f.parquet"
    data = FOUND[:cut] + b"PAR1"
    path.write_bytes(data)
    try:
        read_parquet_schema(path, len(data))
    except FormatError:
        pass
