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
_BATCH_ROWS = 256


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
            # In batches, stopping at the budget: a row group is decoded whole otherwise (a 446-byte
            # file of 20,000 copies of one 40 KiB value decodes to 800 MB).
            batches = []
            decoded = rows = 0
            for piece in parquet.iter_batches(batch_size=_BATCH_ROWS, row_groups=[0]):
                batches.append(piece)
                decoded += piece.nbytes
                rows += len(piece)
                if decoded > budget or rows >= MAX_ROWS:
                    break
            if not batches:
                return {}
            table = pa.Table.from_batches(batches)
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
        try:
            column = _plain(table.column(name).slice(0, MAX_ROWS))
        except (pa.ArrowException, MemoryError):
            continue  # a column type these conversions do not take (a categorical of lists)
        if column is None:
            continue
        if column.nbytes > budget:  # read about the budget's worth of rows, not a whole column
            column = column.slice(0, max(1, len(column) * budget // column.nbytes))
        texts = [str(item) for item in column.to_pylist() if item is not None]
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
            # Its distinct values, not the column cast back to full size (a 40 KiB value under
            # 20,000 rows is 800 MB): what is in the data is what its dictionary holds.
            column = pa.chunked_array([chunk.dictionary for chunk in column.chunks], type=kind.value_type)
        elif pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
            column = pc.list_flatten(column)
        else:
            break
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind):
        return column
    return None
