"""Field names of an Arrow IPC file or stream (`.arrow`, `.feather` v2) from its flatbuffer
metadata, without pyarrow.

File: `ARROW1\\0\\0` ... footer, int32 footer length, `ARROW1`; the footer table's field 1 is
the Schema. Stream: `0xFFFFFFFF`, int32 length, then a Message whose header is the Schema.
"""

from __future__ import annotations

import struct
from pathlib import Path

from hooks._core.textfile import open_regular
from hooks.data.parquet import FormatError, Schema

MAX_METADATA = 64 << 20
MAX_FIELDS = 100_000
MAX_DEPTH = 32


class _Buffer:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def _u(self, fmt: str, at: int) -> int:
        width = struct.calcsize(fmt)
        if at < 0 or at + width > len(self.data):
            raise FormatError("flatbuffer offset out of range")
        value: int = struct.unpack_from(fmt, self.data, at)[0]
        return value

    def table_field(self, table: int, index: int) -> int | None:
        """Position of field `index` of the table at `table`, or None when absent."""
        vtable = table - self._u("<i", table)
        size = self._u("<H", vtable)
        slot = 4 + 2 * index
        if slot + 2 > size:
            return None
        offset = self._u("<H", vtable + slot)
        return table + offset if offset else None

    def indirect(self, at: int) -> int:
        return at + self._u("<I", at)

    def string(self, at: int) -> str:
        start = self.indirect(at)
        length = self._u("<I", start)
        if start + 4 + length > len(self.data):
            raise FormatError("string past the end")
        return self.data[start + 4 : start + 4 + length].decode("utf-8", "replace")

    def tables(self, at: int) -> list[int]:
        vector = self.indirect(at)
        length = self._u("<I", vector)
        if length > MAX_FIELDS or vector + 4 + 4 * length > len(self.data):
            raise FormatError("vector past the end")
        return [self.indirect(vector + 4 + 4 * i) for i in range(length)]

    def u8(self, at: int) -> int:
        return self._u("<B", at)


def _fields(buffer: _Buffer, schema: int) -> list[str]:
    names: list[str] = []

    def walk(field_vector_at: int | None, prefix: str, depth: int) -> None:
        if field_vector_at is None:
            return
        if depth > MAX_DEPTH:
            raise FormatError("schema nested too deeply")
        for field in buffer.tables(field_vector_at):
            name_at = buffer.table_field(field, 0)
            name = buffer.string(name_at) if name_at is not None else ""
            full = f"{prefix}.{name}" if prefix else name
            children = buffer.table_field(field, 5)
            before = len(names)
            walk(children, full, depth + 1)
            if len(names) == before:
                names.append(full)
            if len(names) > MAX_FIELDS:
                raise FormatError("too many fields")

    walk(buffer.table_field(schema, 1), "", 0)
    return names


def read_arrow_schema(path: Path, size: int) -> Schema:
    with open_regular(path) as handle:
        head = handle.read(8)
        if head.startswith(b"FEA1"):
            raise FormatError("Feather version 1 is not read here")
        if head.startswith(b"ARROW1"):
            if size < 18:
                raise FormatError("too short for an Arrow file")
            handle.seek(size - 10)
            tail = handle.read(10)
            if tail[4:] != b"ARROW1":
                raise FormatError("no Arrow footer (truncated)")
            length = struct.unpack("<i", tail[:4])[0]
            if not 0 < length <= min(MAX_METADATA, size - 18):
                raise FormatError(f"footer length {length} does not fit the file")
            handle.seek(size - 10 - length)
            buffer = _Buffer(handle.read(length))
            try:
                footer = buffer.indirect(0)
                schema_at = buffer.table_field(footer, 1)
                if schema_at is None:
                    raise FormatError("footer has no schema")
                return Schema(_fields(buffer, buffer.indirect(schema_at)))
            except RecursionError:
                raise FormatError("schema nested too deeply") from None
        if head[:4] == b"\xff\xff\xff\xff":
            if len(head) < 8:
                raise FormatError("truncated stream")
            length = struct.unpack("<i", head[4:8])[0]
            if not 0 < length <= min(MAX_METADATA, size - 8):
                raise FormatError("stream message length does not fit the file")
            buffer = _Buffer(handle.read(length))
            message = buffer.indirect(0)
            kind_at = buffer.table_field(message, 1)
            header_at = buffer.table_field(message, 2)
            if kind_at is None or header_at is None or buffer.u8(kind_at) != 1:
                raise FormatError("stream does not start with a schema message")
            return Schema(_fields(buffer, buffer.indirect(header_at)))
    raise FormatError("does not start with the Arrow magic")


def batch_decoded_bytes(metadata: bytes, body: bytes) -> int:
    """How many bytes a record or dictionary batch message decodes to: the sum of its buffers'
    lengths, and for a compressed buffer the uncompressed length its first eight bytes state
    (-1 there: stored as is). Read from the message's flatbuffer, before pyarrow decodes it."""
    buffer = _Buffer(metadata)
    message = buffer.indirect(0)
    header_type_at = buffer.table_field(message, 1)
    header_at = buffer.table_field(message, 2)
    if header_type_at is None or header_at is None:
        return 0
    header_type = buffer.u8(header_type_at)
    batch = buffer.indirect(header_at)
    if header_type == _DICTIONARY_BATCH:
        data_at = buffer.table_field(batch, 1)
        if data_at is None:
            return 0
        batch = buffer.indirect(data_at)
    elif header_type != _RECORD_BATCH:
        return 0
    buffers_at = buffer.table_field(batch, 2)
    if buffers_at is None:
        return 0
    compressed = buffer.table_field(batch, 3) is not None
    vector = buffer.indirect(buffers_at)
    count = buffer._u("<I", vector)
    if count > MAX_FIELDS * 4 or vector + 4 + 16 * count > len(metadata):
        raise FormatError("buffer list past the end")
    total = 0
    for index in range(count):
        offset, length = struct.unpack_from("<qq", metadata, vector + 4 + 16 * index)
        if offset < 0 or length < 0 or offset + length > len(body):
            raise FormatError("a buffer lies outside its message body")
        if compressed and length >= 8:
            stated = struct.unpack_from("<q", body, offset)[0]
            total += length - 8 if stated == -1 else max(stated, 0)
        else:
            total += length
    return total


_RECORD_BATCH = 3  # MessageHeader union: Schema = 1, DictionaryBatch = 2, RecordBatch = 3
_DICTIONARY_BATCH = 2
