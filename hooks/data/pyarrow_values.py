"""Column values of parquet and arrow files through pyarrow, when it is installed (optional).

pyarrow before 14.0.1 unpickles `PyExtensionType` metadata while reading (CVE-2023-47248), so
an older pyarrow is not used at all. Only the first row group or record batch is read, up to a
byte budget, and only string-like columns.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

MIN_VERSION = (14, 0, 1)
MAX_ROWS = 20_000


def available() -> bool:
    if importlib.util.find_spec("pyarrow") is None:
        return False
    import pyarrow

    parts = []
    for piece in str(pyarrow.__version__).split(".")[:3]:
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts) >= MIN_VERSION


def read_columns(path: Path, kind: str, columns: list[str], budget: int) -> dict[str, list[str]] | None:
    """{column: values as text} of the first row group or batch, or None without a usable pyarrow."""
    if not available():
        return None
    import pyarrow as pa

    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            if parquet.num_row_groups == 0:
                return {}
            table = parquet.read_row_group(0)
        else:
            import pyarrow.ipc as ipc

            try:
                reader = ipc.open_file(path)
                batch = reader.get_batch(0) if reader.num_record_batches else None
            except pa.ArrowInvalid:
                stream = ipc.open_stream(path)
                batch = stream.read_next_batch()
            if batch is None:
                return {}
            table = pa.Table.from_batches([batch])
    except (pa.ArrowException, OSError, ValueError, StopIteration):
        return None
    for _ in range(4):  # struct columns become `parent.child` columns
        if not any(pa.types.is_struct(field.type) for field in table.schema):
            break
        table = table.flatten()
    values: dict[str, list[str]] = {}
    spent = 0
    for name in table.column_names:
        column = _plain(table.column(name).slice(0, MAX_ROWS))
        if column is None:
            continue
        texts = [str(item) for item in column.slice(0, MAX_ROWS).to_pylist() if item is not None]
        spent += sum(len(t) for t in texts)
        values[name] = texts
        if spent > budget:
            break
    return values


def _plain(column: Any) -> Any:
    """The column as plain strings or integers, or None: a categorical (dictionary) column is its
    values, a list column (`emails: list<string>`, up to two levels) its items."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for _ in range(3):
        kind = column.type
        if pa.types.is_dictionary(kind):
            column = column.cast(kind.value_type)
        elif pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
            column = pc.list_flatten(column)
        else:
            break
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind):
        return column
    return None
