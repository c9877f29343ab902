"""Column values of parquet and arrow files through pyarrow, when it is installed (optional).

pyarrow before 14.0.1 unpickles `PyExtensionType` metadata while reading (CVE-2023-47248), so
an older pyarrow is not used at all. Only the first row group or record batch is read, up to a
byte budget. Every column is walked to its leaves (structs, lists, maps, categoricals, unions,
extension types); string, binary (UTF-8) and integer leaves are read, and a text leaf the walk
cannot reach is named as unread rather than skipped.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_VERSION = (14, 0, 1)
MAX_ROWS = 20_000
_BATCH_ROWS = 256
_MAX_DEPTH = 8  # nesting levels walked; a text leaf deeper fails closed


def available() -> bool:
    if importlib.util.find_spec("pyarrow") is None:
        return False
    import pyarrow

    parts = []
    for piece in str(pyarrow.__version__).split(".")[:3]:
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts) >= MIN_VERSION


@dataclass(frozen=True)
class ColumnValues:
    values: dict[str, list[str]]  # leaf column (`parent.child`, `tags.value`) -> its values as text
    unread: list[str]  # leaf columns that may hold text and were not read, with their type


def read_columns(path: Path, kind: str, budget: int) -> ColumnValues | None:
    """The values of the first row group or batch, or None without a usable pyarrow."""
    if not available():
        return None
    import pyarrow as pa

    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            if parquet.num_row_groups == 0:
                return ColumnValues({}, [])
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
                return ColumnValues({}, [])
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
                return ColumnValues({}, [])
            table = pa.Table.from_batches([batch])
    except (pa.ArrowException, OSError, ValueError, StopIteration):
        return None
    leaves: list[tuple[str, Any]] = []
    unread: list[str] = []
    for name in table.column_names:
        _leaves(name, table.column(name).slice(0, MAX_ROWS), 0, leaves, unread)
    values: dict[str, list[str]] = {}
    spent = 0
    for name, column in leaves:
        if spent > budget:
            unread.append(f"{name} (past the sample budget)")
            continue
        try:
            texts = _texts(column, budget)
        except (pa.ArrowException, MemoryError):
            unread.append(f"{name} ({column.type})")
            continue
        spent += sum(len(t) for t in texts)
        values.setdefault(name, []).extend(texts)
    return ColumnValues(values, unread)


def _leaves(name: str, column: Any, depth: int, leaves: list[tuple[str, Any]], unread: list[str]) -> None:
    """Every leaf of a column, walked through the nesting a dataframe writes: a struct's fields
    (`person.ssn`), a list's items, a map's keys and values, a categorical's dictionary, a union's
    members and an extension type's storage. A leaf that may hold text but is too deep or of a
    layout this walk does not know goes to `unread`: it fails closed (MLS912), never silently."""
    import pyarrow as pa

    kind = column.type
    if not _holds_text(kind, 0):
        return  # numbers, dates, booleans: nothing the detectors read (integers are leaves below)
    if depth > _MAX_DEPTH:
        unread.append(f"{name} (nested deeper than {_MAX_DEPTH} levels)")
        return
    chunks = column.chunks
    if pa.types.is_dictionary(kind):
        # Its distinct values, not the column cast back to full size (a 40 KiB value under 20,000
        # rows is 800 MB): what is in the data is what its dictionary holds.
        _leaves(name, pa.chunked_array([c.dictionary for c in chunks], type=kind.value_type), depth + 1, leaves, unread)
    elif pa.types.is_map(kind):
        _leaves(
            f"{name}.key", pa.chunked_array([c.keys for c in chunks], type=kind.key_type), depth + 1, leaves, unread
        )
        _leaves(
            f"{name}.value", pa.chunked_array([c.items for c in chunks], type=kind.item_type), depth + 1, leaves, unread
        )
    elif _is_list(kind):
        items = [c.flatten() for c in chunks]
        _leaves(name, pa.chunked_array(items, type=kind.value_type), depth + 1, leaves, unread)
    elif pa.types.is_struct(kind) or pa.types.is_union(kind):
        for index in range(kind.num_fields):
            field = kind.field(index)
            member = pa.chunked_array([c.field(index) for c in chunks], type=field.type)
            _leaves(f"{name}.{field.name}", member, depth + 1, leaves, unread)
    elif isinstance(kind, pa.ExtensionType):
        _leaves(name, pa.chunked_array([c.storage for c in chunks], type=kind.storage_type), depth + 1, leaves, unread)
    elif _is(kind, "is_run_end_encoded"):
        _leaves(name, pa.chunked_array([c.values for c in chunks], type=kind.value_type), depth + 1, leaves, unread)
    elif _is_text(kind) or pa.types.is_integer(kind):
        leaves.append((name, column))
    else:
        unread.append(f"{name} ({kind})")  # a layout newer than this walk


def _texts(column: Any, budget: int) -> list[str]:
    """A leaf's values as text, about the budget's worth of rows; binary values only when they are
    UTF-8 (a blob of image bytes is no text)."""
    import pyarrow as pa

    if column.nbytes > budget:  # read about the budget's worth of rows, not a whole column
        column = column.slice(0, max(1, len(column) * budget // column.nbytes))
    kind = column.type
    if _is(kind, "is_string_view"):
        column = column.cast(pa.string())
    if _is_binary(kind):
        texts = []
        for item in column.to_pylist():
            if item is None:
                continue
            try:
                texts.append(bytes(item).decode("utf-8"))
            except UnicodeDecodeError:
                continue
        return texts
    return [str(item) for item in column.to_pylist() if item is not None]


def _holds_text(kind: Any, depth: int) -> bool:
    """Whether a type has a string, binary or integer leaf anywhere in it (integers: ids and
    phone numbers stored as numbers)."""
    import pyarrow as pa

    if depth > 2 * _MAX_DEPTH:
        return True  # deeper than any walk: judged as holding text, so it fails closed
    if _is_text(kind) or pa.types.is_integer(kind):
        return True
    if pa.types.is_dictionary(kind):
        return _holds_text(kind.value_type, depth + 1)
    if isinstance(kind, pa.ExtensionType):
        return _holds_text(kind.storage_type, depth + 1)
    if _is(kind, "is_run_end_encoded"):
        return _holds_text(kind.value_type, depth + 1)
    return any(_holds_text(kind.field(i).type, depth + 1) for i in range(kind.num_fields))


def _is(kind: Any, *tests: str) -> bool:
    """Whether any of pyarrow's `types.is_*` tests holds; a test this pyarrow lacks (view types
    came in 16) cannot hold, since this pyarrow cannot build that type either."""
    import pyarrow as pa

    return any(getattr(pa.types, test, lambda _kind: False)(kind) for test in tests)


def _is_list(kind: Any) -> bool:
    return _is(kind, "is_list", "is_large_list", "is_fixed_size_list", "is_list_view", "is_large_list_view")


def _is_binary(kind: Any) -> bool:
    return _is(kind, "is_binary", "is_large_binary", "is_fixed_size_binary", "is_binary_view")


def _is_text(kind: Any) -> bool:
    return _is(kind, "is_string", "is_large_string", "is_string_view") or _is_binary(kind)
