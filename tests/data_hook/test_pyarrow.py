"""With pyarrow installed (the `data` extra), parquet and arrow values are read; our own footer
readers agree with pyarrow's schema on files pyarrow wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.data.arrow import read_arrow_schema
from hooks.data.parquet import read_parquet_schema
from hooks.data.rules import EMAILS_IN_DATA, PERSONAL_DATA_COLUMN, SSNS_IN_DATA
from tests.data_hook.helpers import ids, scan

pa = pytest.importorskip("pyarrow")


def _table() -> object:
    return pa.table(
        {
            "email": ["a.b@gmail.com", "c.d@yahoo.com"],
            "score": [0.5, 0.7],
            "person": [{"ssn": "219-45-6781", "passport": "X1"}, {"ssn": "601-22-3334", "passport": "X2"}],
        }
    )


@pytest.mark.parametrize("compression", ["snappy", "none"])
def test_parquet_values_and_schema(tmp_path: Path, compression: str) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    pq.write_table(_table(), path, compression=compression)
    assert read_parquet_schema(path, path.stat().st_size).columns == ["email", "score", "person.ssn", "person.passport"]
    found = scan(tmp_path, "t.parquet", path.read_bytes())
    assert ids(found) == [EMAILS_IN_DATA.rule_id, SSNS_IN_DATA.rule_id, PERSONAL_DATA_COLUMN.rule_id]


def test_arrow_file_and_stream(tmp_path: Path) -> None:
    import pyarrow.feather as feather
    import pyarrow.ipc as ipc

    feather.write_feather(_table(), tmp_path / "t.feather")
    with ipc.new_stream(str(tmp_path / "s.arrow"), _table().schema) as writer:
        writer.write_table(_table())
    for name in ("t.feather", "s.arrow"):
        path = tmp_path / name
        assert read_arrow_schema(path, path.stat().st_size).columns[0] == "email"
        assert EMAILS_IN_DATA.rule_id in ids(scan(tmp_path, name, path.read_bytes()))


def test_list_and_categorical_columns_are_read_as_their_values(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    emails = [f"user{i}.name@gmail.com" for i in range(40)]
    table = pa.table(
        {
            "contacts": pa.array([[e] for e in emails], type=pa.list_(pa.string())),  # `list<string>`
            "owner": pa.array(emails).dictionary_encode(),  # a pandas categorical comes back as this
        }
    )
    pq.write_table(table, tmp_path / "l.parquet")
    found = scan(tmp_path, "l.parquet", (tmp_path / "l.parquet").read_bytes())
    assert EMAILS_IN_DATA.rule_id in ids(found)
    # look-alike: lists of numbers are not text
    pq.write_table(pa.table({"scores": pa.array([[0.5, 0.25]] * 40)}), tmp_path / "n.parquet")
    assert EMAILS_IN_DATA.rule_id not in ids(scan(tmp_path, "n.parquet", (tmp_path / "n.parquet").read_bytes()))


def test_a_categorical_column_of_emails_alone_is_found(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    emails = [f"user{i}.name@gmail.com" for i in range(40)]
    pq.write_table(pa.table({"owner": pa.array(emails).dictionary_encode()}), tmp_path / "c.parquet")
    assert EMAILS_IN_DATA.rule_id in ids(scan(tmp_path, "c.parquet", (tmp_path / "c.parquet").read_bytes()))


def test_a_column_type_the_conversions_do_not_take_is_skipped_not_a_failure(tmp_path: Path) -> None:
    import pyarrow.ipc as ipc

    lists = pa.array([[1, 2], [3]])
    values = pa.DictionaryArray.from_arrays(pa.array([0, 1] * 20, type=pa.int32()), lists)  # categorical of lists
    emails = pa.array([f"user{i}.name@gmail.com" for i in range(40)])
    table = pa.table({"lists": values, "email": emails})
    with ipc.new_file(str(tmp_path / "d.arrow"), table.schema) as writer:
        writer.write_table(table)
    found = ids(scan(tmp_path, "d.arrow", (tmp_path / "d.arrow").read_bytes()))
    assert EMAILS_IN_DATA.rule_id in found and "MLS900" not in found


def test_a_categorical_of_one_huge_value_is_read_as_its_dictionary(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    huge = "x" * 40960 + " a.b@gmail.com"
    pq.write_table(pa.table({"c": pa.array([huge] * 20000).dictionary_encode()}), tmp_path / "h.parquet")
    found = ids(scan(tmp_path, "h.parquet", (tmp_path / "h.parquet").read_bytes()))
    assert "MLS900" not in found  # read, bounded: its one distinct value, not 800 MB of copies


def _emails(count: int = 40) -> list[str]:
    return [f"user{i}.name@gmail.com" for i in range(count)]


def _write(tmp_path: Path, name: str, table: object) -> list[str]:
    import pyarrow.parquet as pq

    pq.write_table(table, tmp_path / name)
    return ids(scan(tmp_path, name, (tmp_path / name).read_bytes()))


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("map", lambda e: pa.array([[("email", x)] for x in e], type=pa.map_(pa.string(), pa.string()))),
        ("map_keys", lambda e: pa.array([[(x, 1)] for x in e], type=pa.map_(pa.string(), pa.int64()))),
        ("list_of_structs", lambda e: pa.array([[{"contact": x}] for x in e])),
        ("deep_lists", lambda e: pa.array([[[[[x]]]] for x in e])),
        ("large_list", lambda e: pa.array([[x] for x in e], type=pa.large_list(pa.large_string()))),
        ("binary", lambda e: pa.array([x.encode() for x in e], type=pa.binary())),
        ("string_view", lambda e: pa.array(e, type=pa.string_view())),
    ],
)
def test_nested_and_other_text_columns_are_read_as_their_values(tmp_path: Path, name: str, column: object) -> None:
    table = pa.table({"c": column(_emails())})  # type: ignore[operator]
    assert EMAILS_IN_DATA.rule_id in _write(tmp_path, f"{name}.parquet", table), name


def test_nested_columns_of_numbers_and_blobs_are_not_text(tmp_path: Path) -> None:
    numbers = pa.array([[("x", 0.5)]] * 40, type=pa.map_(pa.string(), pa.float64()))
    blobs = pa.array([bytes([0xFF, 0xD8, 0xFF, i]) + b"@gmail.com" for i in range(40)], type=pa.binary())
    found = _write(tmp_path, "n.parquet", pa.table({"scores": numbers, "images": blobs}))
    assert EMAILS_IN_DATA.rule_id not in found and "MLS912" not in found


def test_union_and_extension_columns_are_read_through_their_members(tmp_path: Path) -> None:
    import pyarrow.ipc as ipc

    emails = pa.array(_emails())
    union = pa.UnionArray.from_sparse(pa.array([0] * 40, type=pa.int8()), [emails, pa.array(range(40))])

    class Tagged(pa.ExtensionType):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(pa.string(), "test.tagged")

        def __arrow_ext_serialize__(self) -> bytes:
            return b""

        @classmethod
        def __arrow_ext_deserialize__(cls, storage_type: object, serialized: bytes) -> Tagged:
            return cls()

    tagged = pa.ExtensionArray.from_storage(Tagged(), emails)
    for name, column in (("u.arrow", union), ("x.arrow", tagged)):
        table = pa.table({"c": column})
        with ipc.new_file(str(tmp_path / name), table.schema) as writer:
            writer.write_table(table)
        assert EMAILS_IN_DATA.rule_id in ids(scan(tmp_path, name, (tmp_path / name).read_bytes())), name


def test_text_nested_past_the_walk_fails_closed(tmp_path: Path) -> None:
    value: object = "a.b@gmail.com"
    for _ in range(12):
        value = [value]
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"deep": pa.array([value] * 3)}), tmp_path / "d.parquet")
    result = scan(tmp_path, "d.parquet", (tmp_path / "d.parquet").read_bytes())
    [unread] = [f for f in result if f.rule_id == "MLS912"]
    assert "deep" in unread.message and "nested deeper" in unread.message
