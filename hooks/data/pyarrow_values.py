"""Column values of parquet and arrow files through pyarrow, when it is installed (optional).

pyarrow before 14.0.1 unpickles `PyExtensionType` metadata while reading (CVE-2023-47248), so
an older pyarrow is not used at all. Only the first row group or record batch is read, up to a
byte budget. Every column is walked to its leaves (structs, lists, maps, categoricals, unions,
extension types); string, binary (UTF-8) and integer leaves are read, and a text leaf the walk
cannot reach is named as unread rather than skipped.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_VERSION = (14, 0, 1)
MAX_ROWS = 20_000
_BATCH_ROWS = 256
_MAX_DEPTH = 8  # nesting levels walked; a text leaf deeper fails closed
_MIN_SHARE = 4096  # characters of each leaf read before the budget runs out
_MIN_VALUES = 256  # values of each leaf read whatever their length
MAX_GROUP_BYTES = 256 << 20  # a parquet row group decoding past this is not decoded
MAX_GROUP_VALUES = 4_000_000  # nor one with more values than this in a column
# Latin-1 text as legacy systems store it: printable characters and line breaks, no control bytes.
# Binary values that are files of their own (images, audio, archives, arrays, pickles).
_BLOB_MAGICS = (
    b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*", b"PK\x03\x04",
    b"\x1f\x8b", b"\x93NUMPY", b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05", b"%PDF", b"OggS", b"fLaC", b"ID3",
)  # fmt: skip
_LEGACY_TEXT = re.compile(rb"[\t\n\r\x20-\x7e\xa0-\xff]*")


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
    complete: bool = True  # every row was read (else the verdicts say "in the rows sampled")
    rows: int = 0  # rows read
    failed: str = ""  # why pyarrow could not decode the file (then nothing above was read)


def read_columns(path: Path, kind: str, budget: int, *, full: bool = False) -> ColumnValues | None:
    """The values of the file's rows, up to the budget, or None without a usable pyarrow.

    Rows are read in batches across every row group (parquet) or record batch (arrow) until the
    budget or MAX_ROWS is spent (`full`: the budget alone); a file left unread past that is
    marked incomplete. Before a parquet row group is decoded, its footer's counts are checked: a
    group whose columns decode past MAX_GROUP_BYTES or hold more than MAX_GROUP_VALUES values (a
    573-byte file of one row with 120 million dictionary-coded strings) is not decoded but named
    as unread; an arrow batch is checked the same way from its message's metadata."""
    if not available():
        return None
    import pyarrow as pa

    unread: list[str] = []
    max_rows = 1 << 62 if full else MAX_ROWS
    try:
        if kind == "parquet":
            batches, complete = _parquet_batches(path, budget, unread, max_rows)
        else:
            batches, complete = _arrow_batches(path, budget, max_rows, unread)
    except (pa.ArrowException, OSError, ValueError, MemoryError) as exc:
        return ColumnValues({}, [], complete=False, failed=type(exc).__name__)
    if not batches:
        return ColumnValues({}, unread, complete=complete)
    table = pa.Table.from_batches(batches)
    leaves: list[tuple[str, Any]] = []
    for name in table.column_names:
        _leaves(name, table.column(name).slice(0, max_rows), 0, leaves, unread)
    # Each leaf gets its share of the budget first, so one huge column cannot crowd out the rest.
    share = max(_MIN_SHARE, budget // max(1, len(leaves)))
    values: dict[str, list[str]] = {}
    for name, column in leaves:
        try:
            texts, undecoded = _texts(column, share)
        except (pa.ArrowException, MemoryError):
            unread.append(f"{name} ({column.type})")
            continue
        if undecoded:
            unread.append(f"{name} ({undecoded} values neither UTF-8 nor Latin-1 text)")
        values.setdefault(name, []).extend(texts)
    return ColumnValues(values, unread, complete=complete, rows=table.num_rows)


def _parquet_batches(path: Path, budget: int, unread: list[str], max_rows: int) -> tuple[list[Any], bool]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    metadata = parquet.metadata
    batches: list[Any] = []
    decoded = rows = 0
    for group in range(parquet.num_row_groups):
        too_big = _oversized_group(metadata.row_group(group))
        if too_big:
            unread.append(f"row group {group} ({too_big})")
            return batches, False
        # In batches, stopping at the budget: a row group is decoded whole otherwise (a 446-byte
        # file of 20,000 copies of one 40 KiB value decodes to 800 MB).
        for piece in parquet.iter_batches(batch_size=_BATCH_ROWS, row_groups=[group]):
            batches.append(piece)
            decoded += piece.nbytes
            rows += len(piece)
            if decoded > budget or rows >= max_rows:
                return batches, False
    return batches, True


def _oversized_group(group: Any) -> str:
    """Why a parquet row group is too large to decode, from its footer's counts ("" if it is not)."""
    size = group.total_byte_size
    if size > MAX_GROUP_BYTES:
        return f"decodes to {size:,} bytes"
    for index in range(group.num_columns):
        values = group.column(index).num_values
        if values > MAX_GROUP_VALUES:
            return f"{values:,} values in one column"
    return ""


def _oversized_messages(path: Path) -> str:
    """Why an arrow file is too large to decode, from its messages' metadata ("" if it is not):
    a batch whose buffers decode past MAX_GROUP_BYTES (a 122 KB file of one zstd batch of 500
    million integers decodes to 4 GB). Messages are read as they lie, without decoding them."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    from hooks.data.arrow import batch_decoded_bytes

    with pa.memory_map(str(path)) as source:
        if source.read(6) == b"ARROW1":
            source.seek(8)  # the file format: a stream after its magic
        else:
            source.seek(0)
        for message in ipc.MessageReader.open_stream(source):
            if message.type not in ("record batch", "dictionary"):
                continue
            body = message.body.to_pybytes() if message.body is not None and message.body.size <= (64 << 20) else b""
            if message.body is not None and message.body.size > (64 << 20):
                return f"a batch of {message.body.size:,} bytes"
            size = batch_decoded_bytes(message.metadata.to_pybytes(), body)
            if size > MAX_GROUP_BYTES:
                return f"a batch decodes to {size:,} bytes"
    return ""


def _arrow_batches(path: Path, budget: int, max_rows: int, unread: list[str]) -> tuple[list[Any], bool]:
    import pyarrow as pa
    import pyarrow.ipc as ipc

    too_big = _oversized_messages(path)
    if too_big:
        unread.append(f"the file ({too_big})")
        return [], False
    batches: list[Any] = []
    decoded = rows = 0
    try:
        reader = ipc.open_file(path)
        total: int | None = reader.num_record_batches
        pieces: Any = (reader.get_batch(index) for index in range(reader.num_record_batches))
    except pa.ArrowInvalid:
        total = None  # a stream: how many batches follow is not known without decoding them
        pieces = iter(ipc.open_stream(path))
    for piece in pieces:
        batches.append(piece)
        decoded += piece.nbytes
        rows += piece.num_rows
        if decoded > budget or rows >= max_rows:
            return batches, total is not None and len(batches) == total
    return batches, True


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


def _texts(column: Any, budget: int) -> tuple[list[str], int]:
    """A leaf's values as text, value by value: each cut to a sixteenth of the budget (one long
    value cannot take a column's whole share), until the budget is spent and at least
    _MIN_VALUES were read; binary values as UTF-8, UTF-16 or Latin-1 with NUL padding stripped;
    and how many binary values were none of them (a blob of image bytes is counted, not hidden)."""
    import pyarrow as pa

    kind = column.type
    if _is(kind, "is_string_view"):
        column = column.cast(pa.string())
    binary = _is_binary(kind)
    cut = max(64, budget // 16)
    texts: list[str] = []
    undecoded = spent = 0
    for chunk in column.chunks:
        for index in range(len(chunk)):
            if spent >= budget and len(texts) + undecoded >= _MIN_VALUES:
                return texts, undecoded
            item = chunk[index].as_py()
            if item is None:
                continue
            if not binary:
                text = str(item)[:cut]
            else:
                raw = bytes(item[:cut])
                if raw.startswith(_BLOB_MAGICS) or raw[4:8] == b"ftyp":  # `ftyp`: MP4 and its kin
                    continue  # an image, an archive, an array: a blob, not text
                decoded = _as_text(raw)
                if decoded is None:
                    undecoded += 1
                    continue
                text = decoded
            texts.append(text)
            spent += len(text)
    return texts, undecoded


def _as_text(raw: bytes) -> str | None:
    """Binary as the text it holds: UTF-16 (a BOM, or nearly every other byte NUL before the
    padding), UTF-8, or Latin-1
    without control bytes; NUL padding of fixed-size fields stripped. None when it is none of them."""
    content = raw.rstrip(b"\x00")
    odd = content[1::2]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(odd) >= 2 and odd.count(0) * 5 >= len(odd) * 4):
        try:
            return raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le").strip("\x00")
        except UnicodeDecodeError:
            pass
    raw = raw.strip(b"\x00")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1") if _LEGACY_TEXT.fullmatch(raw) else None


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
