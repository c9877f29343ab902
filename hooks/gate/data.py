"""Read the held-out (and training) rows: CSV or Parquet through pandas when installed (CSV of
numbers also without it), numpy `.npz`/`.npy` without pickles. Sizes are capped before reading;
column names come from the file and are shown only through `safe_text`."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from hooks._core.errors import UsageError
from hooks.gate.text import safe_text


@dataclass
class Table:
    """Rows as read, before the model decides which columns are features."""

    columns: list[str]
    frame: Any  # a pandas DataFrame, or a 2-D numpy array whose columns are named "0", "1", ...
    sha256: str
    display: str


@dataclass
class Dataset:
    """The rows the gate judges: model input, its numbers, labels and the sensitive column."""

    inputs: Any  # what the model receives: a DataFrame of the feature columns, or an array
    numeric: np.ndarray  # (n, d) float64 copy of the feature columns; NaN where not a number
    mutable: np.ndarray  # (d,) bool: columns an attack may change (numeric and not immutable)
    labels: np.ndarray  # raw label values, one per row
    features: list[str]
    sensitive: np.ndarray | None
    sha256: str
    display: str

    @property
    def rows(self) -> int:
        return int(self.numeric.shape[0])

    def with_numeric(self, values: np.ndarray, rows: np.ndarray | None = None) -> Any:
        """Model input for these rows with the mutable columns replaced by `values`."""
        base = self.inputs if rows is None else _take(self.inputs, rows)
        if isinstance(base, np.ndarray):
            out = base.astype(np.float64, copy=True)
            out[:, self.mutable] = values[:, self.mutable]
            return out
        out_frame = base.copy()
        for index in np.flatnonzero(self.mutable):
            out_frame.isetitem(int(index), values[:, index])  # the whole column: int columns become float
        return out_frame

    def subset(self, rows: np.ndarray) -> Dataset:
        return Dataset(
            _take(self.inputs, rows),
            self.numeric[rows],
            self.mutable,
            self.labels[rows],
            self.features,
            None if self.sensitive is None else self.sensitive[rows],
            self.sha256,
            self.display,
        )


def _take(inputs: Any, rows: np.ndarray) -> Any:
    if isinstance(inputs, np.ndarray):
        return inputs[rows]
    return inputs.iloc[rows]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _check_size(path: Path, display: str, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UsageError(f"{display}: cannot read ({exc.strerror or type(exc).__name__})") from None
    if not path.is_file():
        raise UsageError(f"{display}: not a file")
    if size > max_bytes:
        raise UsageError(f"{display}: {size >> 20} MiB is over gate.max_data_mb ({max_bytes >> 20}); raise it")


def read_table(
    path: Path, display: str, *, arrays: dict[str, str], label: str | None, max_bytes: int, max_rows: int
) -> Table:
    _check_size(path, display, max_bytes)
    suffix = path.suffix.lower()
    digest = file_sha256(path)
    if suffix == ".npz":
        frame, columns = _read_npz(path, display, arrays, max_bytes)
    elif suffix == ".npy":
        frame, columns = _read_npy(path, display)
    elif suffix in (".csv", ".txt", ".tsv"):
        frame, columns = _read_csv(path, display, max_rows, "\t" if suffix == ".tsv" else ",")
    elif suffix in (".parquet", ".pq"):
        frame, columns = _read_parquet(path, display, max_bytes, max_rows)
    else:
        raise UsageError(f"{display}: unknown data format; use .csv, .tsv, .parquet, .npz or .npy")
    rows = len(frame)
    if rows > max_rows:
        raise UsageError(f"{display}: {rows} rows is over gate.max_rows ({max_rows}); raise it or sample the file")
    if rows == 0:
        raise UsageError(f"{display}: no rows")
    return Table(columns, frame, digest, display)


def _check_npz_sizes(path: Path, display: str, keys: list[str], max_bytes: int) -> None:
    """The arrays' declared sizes, from their headers, before numpy allocates them: a
    compressed .npz can declare far more than the file holds."""
    from numpy.lib import format as npy_format

    readers = {(1, 0): npy_format.read_array_header_1_0, (2, 0): npy_format.read_array_header_2_0}
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for key in keys:
                if f"{key}.npy" not in names:
                    continue
                with archive.open(f"{key}.npy") as member:
                    version = npy_format.read_magic(member)
                    if version not in readers:
                        raise UsageError(f"{display}: array {safe_text(key)!r} has npy format {version}; save it again")
                    shape, _, dtype = readers[version](member)
                count = 1
                for extent in shape:
                    count *= int(extent)
                total += count * max(np.dtype(dtype).itemsize, 1)
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - numpy's header parser raises many types on hostile bytes
        raise UsageError(f"{display}: not a readable .npz ({safe_text(str(exc), 120)})") from None
    if total > max_bytes:
        raise UsageError(f"{display}: its arrays declare {total >> 20} MiB, over gate.max_data_mb ({max_bytes >> 20})")


def _read_npz(path: Path, display: str, arrays: dict[str, str], max_bytes: int) -> tuple[Any, list[str]]:
    features_key, label_key = arrays.get("features", "X"), arrays.get("label", "y")
    sensitive_key = arrays.get("sensitive")
    _check_npz_sizes(path, display, [k for k in (features_key, label_key, sensitive_key) if k], max_bytes)
    try:
        with np.load(path, allow_pickle=False) as archive:
            names = set(archive.files)
            for key in (features_key, label_key, sensitive_key):
                if key is not None and key not in names:
                    raise UsageError(f"{display}: no array named {safe_text(key)!r}; set gate.arrays")
            features = np.asarray(archive[features_key])
            labels = np.asarray(archive[label_key])
            sensitive = np.asarray(archive[sensitive_key]) if sensitive_key is not None else None
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - as above: fail closed, one line
        raise UsageError(f"{display}: not a readable .npz without pickles ({safe_text(str(exc), 120)})") from None
    if features.ndim != 2 or labels.ndim != 1 or len(labels) != len(features):
        raise UsageError(f"{display}: expected a 2-D features array and a 1-D label array of the same length")
    columns = [str(index) for index in range(features.shape[1])]
    parts = [features.astype(object) if features.dtype.kind not in "biuf" else features, labels[:, None]]
    names_out = [*columns, "label"]
    if sensitive is not None:
        if sensitive.shape != labels.shape:
            raise UsageError(f"{display}: the sensitive array must have one value per row")
        parts.append(sensitive[:, None])
        names_out.append(str(sensitive_key))
    return _object_table(parts), names_out


def _object_table(parts: Sequence[np.ndarray]) -> np.ndarray:
    if all(part.dtype.kind in "biuf" for part in parts):
        return np.concatenate([part.astype(np.float64) for part in parts], axis=1)
    return np.concatenate([part.astype(object) for part in parts], axis=1)


def _read_npy(path: Path, display: str) -> tuple[Any, list[str]]:
    with path.open("rb") as handle:
        if handle.read(6) != b"\x93NUMPY":
            raise UsageError(f"{display}: not a .npy file (no NUMPY magic)")
    try:
        array = np.load(path, allow_pickle=False)
    except Exception as exc:  # noqa: BLE001 - numpy's header parser raises many types on hostile bytes
        raise UsageError(f"{display}: not a readable .npy without pickles ({safe_text(str(exc), 120)})") from None
    if array.ndim != 2 or array.dtype.kind not in "biuf":
        raise UsageError(f"{display}: a .npy must be a 2-D numeric array (features, then the label column)")
    return array.astype(np.float64), [str(index) for index in range(array.shape[1])]


def _read_csv(path: Path, display: str, max_rows: int, delimiter: str) -> tuple[Any, list[str]]:
    try:
        import pandas as pd
    except ImportError:
        return _read_csv_numbers(path, display, max_rows, delimiter)
    try:
        frame = pd.read_csv(path, sep=delimiter, nrows=max_rows + 1, engine="c", low_memory=False)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise UsageError(f"{display}: cannot parse as CSV ({safe_text(str(exc), 120)})") from None
    frame.columns = [str(c) for c in frame.columns]
    return frame, list(frame.columns)


def _read_csv_numbers(path: Path, display: str, max_rows: int, delimiter: str) -> tuple[Any, list[str]]:
    import csv

    rows: list[list[float]] = []
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            raise UsageError(f"{display}: empty CSV")
        for number, row in enumerate(reader, 2):
            if len(rows) > max_rows:
                break
            try:
                rows.append([float(cell) for cell in row])
            except ValueError:
                raise UsageError(
                    f"{display}:{number}: a value is not a number; install pandas (`pip install "
                    "mlsec-hooks[gate]`) to read text columns"
                ) from None
            if len(rows[-1]) != len(header):
                raise UsageError(f"{display}:{number}: {len(rows[-1])} values for {len(header)} columns")
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(header)), header


def _read_parquet(path: Path, display: str, max_bytes: int, max_rows: int) -> tuple[Any, list[str]]:
    try:
        import pandas as pd
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(path).metadata
        declared = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
        if declared > max_bytes or metadata.num_rows > max_rows:
            raise UsageError(
                f"{display}: {metadata.num_rows} rows, {declared >> 20} MiB uncompressed: over "
                "gate.max_rows or gate.max_data_mb"
            )
        frame = pd.read_parquet(path)
    except ImportError:
        raise UsageError(
            f"{display}: reading Parquet needs pandas and pyarrow (`pip install pandas pyarrow`)"
        ) from None
    except (ValueError, OSError) as exc:
        raise UsageError(f"{display}: cannot read as Parquet ({safe_text(str(exc), 120)})") from None
    frame.columns = [str(c) for c in frame.columns]
    return frame, list(frame.columns)


def _positions(table: Table) -> dict[str, int]:
    """Column name -> its first position (a dict: `list.index` per column was quadratic in a
    file with 100,000 columns)."""
    positions: dict[str, int] = {}
    for index, name in enumerate(table.columns):
        positions.setdefault(name, index)
    return positions


def _column(table: Table, name: str, positions: dict[str, int] | None = None) -> np.ndarray:
    index = (positions if positions is not None else _positions(table))[name]
    if isinstance(table.frame, np.ndarray):
        return np.asarray(table.frame[:, index])
    return np.asarray(table.frame.iloc[:, index].to_numpy())


def _numeric(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """The column as numbers, and whether an attack may move it: integers and floats may;
    booleans, text and mixed columns stay as they are."""
    if values.dtype.kind in "iuf":
        return values.astype(np.float64), True
    if values.dtype.kind == "b":
        return values.astype(np.float64), False
    try:
        numbers = values.astype(np.float64)
    except (TypeError, ValueError):
        return np.full(values.shape, np.nan), False
    movable = values.dtype.kind == "O" and all(
        isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)) for v in values
    )
    return numbers, movable


def to_dataset(
    table: Table,
    *,
    features: Sequence[str],
    label: str,
    immutable: Sequence[str],
    sensitive: str | None,
    as_frame: bool,
) -> Dataset:
    """The feature, label and sensitive columns of a table, named as the policy names them."""
    positions = _positions(table)
    missing = [name for name in (*features, label, *([sensitive] if sensitive else [])) if name not in positions]
    if missing:
        shown = ", ".join(repr(safe_text(name)) for name in missing[:5])
        raise UsageError(f"{table.display}: no column {shown}; check gate.features, gate.label and bias.sensitive")
    unknown = [name for name in immutable if name not in features]
    if unknown:
        raise UsageError(f"gate.immutable: {safe_text(unknown[0])!r} is not a feature column")
    columns = [_column(table, name, positions) for name in features]
    numbers = [_numeric(values) for values in columns]
    numeric = np.column_stack([values for values, _ in numbers]) if numbers else np.zeros((len(table.frame), 0))
    fixed = set(immutable)
    mutable = np.array(
        [is_number and name not in fixed for name, (_, is_number) in zip(features, numbers, strict=True)],
        dtype=bool,
    )
    if as_frame and not isinstance(table.frame, np.ndarray):
        inputs: Any = table.frame.loc[:, list(features)].reset_index(drop=True)
    elif isinstance(table.frame, np.ndarray):
        indices = [positions[name] for name in features]
        inputs = table.frame[:, indices]
        if inputs.dtype.kind in "biuf":
            inputs = inputs.astype(np.float64)
    else:
        inputs = numeric.copy()
    return Dataset(
        inputs=inputs,
        numeric=numeric,
        mutable=mutable,
        labels=_column(table, label, positions),
        features=list(features),
        sensitive=_column(table, sensitive, positions) if sensitive else None,
        sha256=table.sha256,
        display=table.display,
    )
