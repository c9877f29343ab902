"""A small reader of the protobuf wire format, for ONNX and TensorFlow files (no protobuf library).

It walks fields in place over a seekable handle: varints and fixed-size values are decoded,
length-delimited fields are returned as spans, so a reader descends only into the messages it
needs and large tensor bytes are skipped by seeking, never read. Every span is checked against
its parent's end, and a reader can never go deeper than `MAX_DEPTH` messages or visit more than
its field budget: hostile files cost bounded time and memory.

Wire format: https://protobuf.dev/programming-guides/encoding/
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from hooks.artifacts.errors import AnalysisError, LimitExceeded, Truncated

MAX_DEPTH = 64
VARINT, FIXED64, LENGTH, FIXED32 = 0, 1, 2, 5
_BUFFER = 1 << 16


class Span:
    """A length-delimited field: `length` bytes at `start` (relative to the data's first byte)."""

    __slots__ = ("length", "start")

    def __init__(self, start: int, length: int) -> None:
        self.start, self.length = start, length

    @property
    def end(self) -> int:
        return self.start + self.length


class ProtoReader:
    """Fields of protobuf messages inside `size` bytes of a seekable handle."""

    def __init__(
        self, handle: BinaryIO, size: int, *, max_fields: int = 20_000_000, on_progress: object = None
    ) -> None:
        self._handle = handle
        self._base = handle.tell()
        self.size = size
        self._fields_left = max_fields
        self._buffer = b""
        self._buffer_at = 0  # position of _buffer[0]
        self._tick = on_progress if callable(on_progress) else None

    def whole(self) -> Span:
        return Span(0, self.size)

    def _byte_window(self, position: int, count: int) -> bytes:
        """Up to `count` bytes at `position` (fewer at the end), through a read-ahead buffer."""
        offset = position - self._buffer_at
        if offset >= 0 and offset + count <= len(self._buffer):
            return self._buffer[offset : offset + count]
        self._handle.seek(self._base + position)
        self._buffer = self._handle.read(max(count, _BUFFER))
        self._buffer_at = position
        return self._buffer[:count]

    def read(self, span: Span, cap: int) -> bytes:
        """The bytes of a span, at most `cap` of them (strings, small tensors)."""
        count = min(span.length, cap)
        if count > _BUFFER:
            self._handle.seek(self._base + span.start)
            data = self._handle.read(count)
        else:
            data = self._byte_window(span.start, count)
        if len(data) != count:
            raise Truncated("protobuf field runs past the end of the data", span.start)
        return data

    def text(self, span: Span, cap: int = 4096) -> str:
        return self.read(span, cap).decode("utf-8", "replace")

    def _varint(self, position: int, end: int) -> tuple[int, int]:
        window = self._byte_window(position, min(10, end - position))
        value = shift = 0
        for index, byte in enumerate(window):
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value, position + index + 1
            shift += 7
        raise AnalysisError("protobuf varint is truncated or longer than 10 bytes", position)

    def fields(self, span: Span) -> Iterator[tuple[int, int, int | Span]]:
        """(field number, wire type, value) for each field of the message in `span`.

        Varints and fixed values come as ints (fixed values unsigned, little-endian), length-
        delimited fields as Spans checked to lie inside the message.
        """
        position, end = span.start, span.end
        if end > self.size:
            raise Truncated("protobuf message runs past the end of the data", span.start)
        while position < end:
            self._fields_left -= 1
            if self._fields_left < 0:
                raise LimitExceeded("protobuf holds more fields than the analysis budget")
            if self._tick is not None and not self._fields_left & 0xFFF:
                self._tick()
            key, position = self._varint(position, end)
            number, wire = key >> 3, key & 7
            if number == 0:
                raise AnalysisError("protobuf field number 0", position)
            if wire == VARINT:
                value, position = self._varint(position, end)
                yield number, wire, value
            elif wire == LENGTH:
                length, position = self._varint(position, end)
                if position + length > end:
                    raise Truncated("protobuf length-delimited field runs past its message", position)
                yield number, wire, Span(position, length)
                position += length
            elif wire in (FIXED64, FIXED32):
                width = 8 if wire == FIXED64 else 4
                if position + width > end:
                    raise Truncated("protobuf fixed-size field runs past its message", position)
                yield number, wire, int.from_bytes(self._byte_window(position, width), "little")
                position += width
            else:
                raise AnalysisError(
                    f"protobuf wire type {wire} (groups or invalid) where a field was expected", position
                )

    def packed_varints(self, span: Span, cap: int = 64) -> list[int]:
        """Up to `cap` varints of a packed repeated field."""
        values: list[int] = []
        position = span.start
        while position < span.end and len(values) < cap:
            value, position = self._varint(position, span.end)
            values.append(value)
        return values


def signed64(value: int) -> int:
    """A varint read as int64 (negative numbers are ten-byte two's complement)."""
    return value - (1 << 64) if value >= 1 << 63 else value
