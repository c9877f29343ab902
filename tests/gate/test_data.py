"""Reading held-out rows: formats, caps, no pickles, and garbage input never crashes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.errors import UsageError
from hooks.gate.data import read_table, to_dataset

CAPS = {"arrays": {}, "label": None, "max_bytes": 1 << 20, "max_rows": 1000}


def test_npz_with_an_object_array_is_refused_not_unpickled(tmp_path: Path) -> None:
    np.savez(tmp_path / "d.npz", X=np.array([[1, {"a": 1}]], dtype=object), y=np.array([0]))
    with pytest.raises(UsageError, match="without pickles"):
        read_table(tmp_path / "d.npz", "d.npz", **CAPS)


def test_npz_arrays_named_in_the_policy(tmp_path: Path) -> None:
    np.savez(tmp_path / "d.npz", feats=np.ones((5, 2)), target=np.arange(5), grp=np.array(list("aabbb")))
    table = read_table(
        tmp_path / "d.npz", "d.npz", **{**CAPS, "arrays": {"features": "feats", "label": "target", "sensitive": "grp"}}
    )
    data = to_dataset(table, features=["0", "1"], label="label", immutable=("1",), sensitive="grp", as_frame=False)
    assert data.rows == 5 and list(data.mutable) == [True, False] and list(data.sensitive) == list("aabbb")


def test_csv_with_text_columns_through_pandas(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    (tmp_path / "d.csv").write_text("amount,country,label\n1.5,fr,0\n2.5,de,1\n")
    table = read_table(tmp_path / "d.csv", "d.csv", **CAPS)
    data = to_dataset(table, features=["amount", "country"], label="label", immutable=(), sensitive=None, as_frame=True)
    assert list(data.mutable) == [True, False] and list(data.labels) == [0, 1]


def test_csv_of_numbers_without_pandas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    (tmp_path / "d.csv").write_text("a,b,label\n1,2,0\n3,4,1\n")
    table = read_table(tmp_path / "d.csv", "d.csv", **CAPS)
    assert table.columns == ["a", "b", "label"] and table.frame.shape == (2, 3)
    (tmp_path / "t.csv").write_text("a,label\nfr,0\n")
    with pytest.raises(UsageError, match="install pandas"):
        read_table(tmp_path / "t.csv", "t.csv", **CAPS)


def test_size_and_row_caps(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("a,label\n" + "1,0\n" * 50)
    with pytest.raises(UsageError, match="max_rows"):
        read_table(tmp_path / "d.csv", "d.csv", **{**CAPS, "max_rows": 10})
    with pytest.raises(UsageError, match="max_data_mb"):
        read_table(tmp_path / "d.csv", "d.csv", **{**CAPS, "max_bytes": 100})


def test_unknown_format_and_missing_columns(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").write_bytes(b"PK")
    with pytest.raises(UsageError, match="unknown data format"):
        read_table(tmp_path / "d.xlsx", "d.xlsx", **CAPS)
    np.save(tmp_path / "d.npy", np.ones((3, 3)))
    table = read_table(tmp_path / "d.npy", "d.npy", **CAPS)
    with pytest.raises(UsageError, match="no column 'zz'"):
        to_dataset(table, features=["zz"], label="2", immutable=(), sensitive=None, as_frame=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".npz", ".npy", ".tsv"]))
def test_garbage_files_are_read_or_refused_with_a_usage_error(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"garbage{suffix}"
    path.write_bytes(content)
    try:
        read_table(path, path.name, **CAPS)
    except UsageError:
        pass


def test_black_box_inputs_keep_text_columns_and_take_floats_into_int_columns(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"count": [1, 2, 3], "flag": [True, False, True], "city": ["a", "b", "c"], "label": [0, 1, 0]})
    frame.to_csv(tmp_path / "d.csv", index=False)
    table = read_table(tmp_path / "d.csv", "d.csv", **CAPS)
    data = to_dataset(
        table, features=["count", "flag", "city"], label="label", immutable=(), sensitive=None, as_frame=True
    )
    assert list(data.mutable) == [True, False, False]
    moved = data.with_numeric(data.numeric + 0.5)
    assert list(moved["count"]) == [1.5, 2.5, 3.5] and list(moved["city"]) == ["a", "b", "c"]
    assert list(moved["flag"]) == [True, False, True]


def test_a_compressed_npz_declaring_a_huge_array_is_refused_before_loading(tmp_path: Path) -> None:
    np.savez_compressed(tmp_path / "d.npz", X=np.zeros((2000, 100)), y=np.zeros(2000))
    with pytest.raises(UsageError, match="declare"):
        read_table(tmp_path / "d.npz", "d.npz", **{**CAPS, "max_bytes": (tmp_path / "d.npz").stat().st_size * 10})


def test_parquet_within_and_over_the_caps(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow")
    pd.DataFrame({"a": np.arange(100.0), "label": np.arange(100) % 2}).to_parquet(tmp_path / "d.parquet")
    assert read_table(tmp_path / "d.parquet", "d.parquet", **CAPS).columns == ["a", "label"]
    with pytest.raises(UsageError, match="max_rows"):
        read_table(tmp_path / "d.parquet", "d.parquet", **{**CAPS, "max_rows": 10})
