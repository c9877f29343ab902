"""Garbage into every mlsec-data parser: a finding or nothing, never an exception or a hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.data.arrow import read_arrow_schema
from hooks.data.detectors import find_candidates
from hooks.data.notebook_tables import html_table_cells, text_table_cells
from hooks.data.npy import parse_npy_header
from hooks.data.parquet import FormatError, read_parquet_schema
from hooks.data.scanner import DataScanner
from hooks.data.thrift import CompactReader, ThriftError
from tests.data_hook.helpers import arrow_file, parquet_file

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PIECES = [*"0123456789-. ()+@:,\n\"'aAzZX", "@gmail.com", "4539", "DE", "born ", "::", "http://", "\x00", "é"]


@FUZZ
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=80).map("".join), st.text(max_size=300)))
def test_a_name_is_shown_bounded_printable_and_without_a_value_the_detectors_validate(name: str) -> None:
    from hooks.data.redact import printable_name

    shown = printable_name(name)
    assert len(shown) <= 40 and "`" not in shown and all(c.isprintable() for c in shown)
    assert not any(c.valid for c in find_candidates(shown.encode("utf-8")))


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_detectors_never_raise(text: str) -> None:
    for candidate in find_candidates(text.encode("utf-8")):
        assert 0 <= candidate.start < candidate.end <= len(text.encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_thrift_reader(data: bytes) -> None:
    try:
        CompactReader(data).struct()
    except (ThriftError, RecursionError):
        pass


def _mutations() -> st.SearchStrategy[bytes]:
    seeds = [parquet_file(["email", "a"]), arrow_file(["ssn", "b"])]
    return st.tuples(st.sampled_from(seeds), st.integers(0, 200), st.binary(min_size=1, max_size=4)).map(
        lambda t: t[0][: t[1] % len(t[0])] + t[2] + t[0][t[1] % len(t[0]) + len(t[2]) :]
    )


@FUZZ
@given(_mutations())
def test_footer_readers_fail_with_format_errors_only(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    for reader in (read_parquet_schema, read_arrow_schema):
        try:
            reader(path, len(data))
        except FormatError:
            pass


@FUZZ
@given(st.binary(max_size=200))
def test_npy_header(data: bytes) -> None:
    try:
        parse_npy_header(b"\x93NUMPY\x01\x00" + data)
    except FormatError:
        pass


@FUZZ
@given(
    st.lists(
        st.sampled_from(["<table>", "<tr>", "<th>", "<td>", "</td>", "</tr>", "x@gmail.com", "\n", " ", "0"]),
        max_size=60,
    ).map("".join)
)
def test_table_readers(text: str) -> None:
    html_table_cells(text)
    text_table_cells(text)


@pytest.mark.parametrize(
    "suffix", [".csv", ".json", ".jsonl", ".parquet", ".arrow", ".npy", ".npz", ".xlsx", ".db", ".h5", ".pkl", ".ipynb"]
)
@FUZZ
@given(data=st.binary(max_size=400))
def test_scanner_on_garbage(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    report = DataScanner().scan_file(path, path.name, Policy(root=tmp_path))
    for finding in report.findings:
        assert finding.message.isprintable()


def test_hostile_names_never_reach_the_message_raw(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("\x1b[31memail\x07,x\nab.cd@gmail.com,1\n")
    report = DataScanner().scan_file(path, path.name, Policy(root=tmp_path))
    assert report.findings and all(f.message.isprintable() for f in report.findings)
    assert json.dumps([f.message for f in report.findings]).count("\\u001b") == 0


def test_a_row_group_whose_columns_field_is_a_boolean(tmp_path: Path) -> None:
    """Found by the fuzz test above: `columns` decoded as `true` made the codec check iterate a
    bool (TypeError) instead of judging the footer."""
    data = (
        b"PAR1\x16\x02\x19<H\x06schema\x16\x04\x00\x16\x0c&\x02\x18\x05email\x00\x16\x0c&\x02\x18\x01a\x00\x16"
        b"\x06\x19\x1c\x11,<\x16\x0c6\x02\x00\x00<\x16\x0c6\x02\x00\x00\x16\x00\x16\x06\x00\x00=\x00\x00\x00PAR1"
    )
    path = tmp_path / "f.parquet"
    path.write_bytes(data)
    try:
        read_parquet_schema(path, len(data))
    except FormatError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_stands_alone_takes_any_bytes_and_span(data: bytes, start: int, length: int) -> None:
    from hooks.data.evidence import stands_alone

    assert isinstance(stands_alone(data, start, start + length), bool)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=300),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=0, max_value=40),
    st.sampled_from([b",", b";", b"\t", b"|"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=30)),
)
def test_stands_alone_in_csv_takes_any_bytes_span_and_header(
    data: bytes, start: int, length: int, delimiter: bytes, fields: int | None
) -> None:
    from hooks.data.evidence import stands_alone_in_csv

    start = min(start, len(data))
    assert isinstance(stands_alone_in_csv(data, start, min(start + length, len(data)), delimiter[0], fields), bool)
