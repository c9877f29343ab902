"""Thrift's compact protocol, read into plain values (structs as {field id: value}).

Enough to read a parquet footer without pyarrow. Input is hostile: every length is checked
against the bytes left, nesting and element counts are capped, unknown types stop the read.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 32
MAX_ELEMENTS = 2_000_000


class ThriftError(ValueError):
    pass


class CompactReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0
        self.elements = 0

    def byte(self) -> int:
        if self.position >= len(self.data):
            raise ThriftError("truncated")
        value = self.data[self.position]
        self.position += 1
        return value

    def varint(self) -> int:
        result = shift = 0
        while True:
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7
            if shift > 70:
                raise ThriftError("varint too long")

    def zigzag(self) -> int:
        value = self.varint()
        return (value >> 1) ^ -(value & 1)

    def take(self, length: int) -> bytes:
        if length < 0 or self.position + length > len(self.data):
            raise ThriftError("length past the end")
        value = self.data[self.position : self.position + length]
        self.position += length
        return value

    def _count(self, size: int) -> None:
        self.elements += size
        if self.elements > MAX_ELEMENTS or size > len(self.data):
            raise ThriftError("too many elements")

    def value(self, kind: int, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise ThriftError("nested too deeply")
        if kind in (1, 2):
            return kind == 1
        if kind == 3:
            return self.byte()
        if kind in (4, 5, 6):
            return self.zigzag()
        if kind == 7:
            return self.take(8)
        if kind == 8:
            return self.take(self.varint())
        if kind in (9, 10):
            header = self.byte()
            size = header >> 4
            if size == 15:
                size = self.varint()
            element = header & 0x0F
            self._count(size)
            if element in (1, 2):
                return [self.byte() == 1 for _ in range(size)]
            return [self.value(element, depth + 1) for _ in range(size)]
        if kind == 11:
            size = self.varint()
            if size == 0:
                return {}
            types = self.byte()
            self._count(size)
            return {
                _hashable(self.value(types >> 4, depth + 1)): self.value(types & 0x0F, depth + 1) for _ in range(size)
            }
        if kind == 12:
            return self.struct(depth + 1)
        raise ThriftError(f"unknown type {kind}")

    def struct(self, depth: int = 0) -> dict[int, Any]:
        fields: dict[int, Any] = {}
        last = 0
        while True:
            header = self.byte()
            if header == 0:
                return fields
            kind = header & 0x0F
            delta = header >> 4
            field_id = last + delta if delta else self.zigzag()
            last = field_id
            fields[field_id] = self.value(kind, depth)


def _hashable(value: Any) -> Any:
    return value if isinstance(value, (int, bytes, bool)) else repr(value)
