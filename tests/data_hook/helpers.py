"""Run mlsec-data on files written in a temporary folder, and build binary fixtures by hand."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.data.spec import SPEC
from hooks.data.validators import luhn
from tests.scanning import findings_of


def scan(directory: Path, name: str, content: bytes | str, policy: Policy | None = None) -> list[Finding]:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return findings_of(SPEC, path, name, policy or Policy(root=directory))


def ids(findings: list[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)


def policy(directory: Path, **data: Any) -> Policy:
    return Policy(root=directory, sections={"data": data})


def card(prefix: str, length: int = 16, seed: int = 0) -> str:
    """A Luhn-valid number with this prefix (not a published test card)."""
    body = prefix + str(7_301_946_285_113 + seed * 7919)[: length - len(prefix) - 1]
    return next(body + d for d in "0123456789" if luhn(body + d))


def iban(country: str, bban: str) -> str:
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


# --- Thrift compact (parquet footers) ---------------------------------------------------------
def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(value: int) -> bytes:
    return _varint((value << 1) ^ (value >> 63))


def thrift_struct(fields: dict[int, Any]) -> bytes:
    """{id: value}: int -> i64, bytes -> binary, dict -> struct, list of dicts -> list<struct>."""
    out = bytearray()
    last = 0
    for field_id in sorted(fields):
        value = fields[field_id]
        if isinstance(value, bool):
            kind, body = (1 if value else 2), b""
        elif isinstance(value, int):
            kind, body = 6, _zigzag(value)
        elif isinstance(value, bytes):
            kind, body = 8, _varint(len(value)) + value
        elif isinstance(value, dict):
            kind, body = 12, thrift_struct(value)
        else:
            items = b"".join(thrift_struct(item) for item in value)
            size = len(value)
            header = bytes([(size << 4) | 12]) if size < 15 else bytes([0xF0 | 12]) + _varint(size)
            kind, body = 9, header + items
        delta = field_id - last
        out += bytes([(delta << 4) | kind]) if 0 < delta < 16 else bytes([kind]) + _zigzag(field_id)
        out += body
        last = field_id
    return bytes(out + b"\x00")


def parquet_file(columns: list[str], *, body: bytes = b"", codec: int = 1, rows: int = 300) -> bytes:
    schema = [{4: b"schema", 5: len(columns)}] + [{1: 6, 3: 1, 4: c.encode()} for c in columns]
    chunks = [{3: {1: 6, 4: codec}} for _ in columns]
    footer = thrift_struct({1: 1, 2: schema, 3: rows, 4: [{1: chunks, 2: 0, 3: rows}]})
    return b"PAR1" + body + footer + struct.pack("<I", len(footer)) + b"PAR1"


# --- flatbuffers (arrow footers) --------------------------------------------------------------
class Table:
    def __init__(self, *fields: Any) -> None:
        self.fields = fields  # each: None, ("u8", n), ("str", s), ("table", Table), ("tables", [Table])


def _write(buffer: bytearray, obj: Any) -> int:
    kind, value = obj
    if kind == "str":
        position = len(buffer)
        raw = value.encode()
        buffer += struct.pack("<I", len(raw)) + raw + b"\x00"
        buffer += b"\x00" * (-len(buffer) % 4)
        return position
    if kind == "tables":
        position = len(buffer)
        buffer += struct.pack("<I", len(value))
        slots = []
        for _ in value:
            slots.append(len(buffer))
            buffer += b"\x00\x00\x00\x00"
        for slot, table in zip(slots, value, strict=True):
            target = _write(buffer, ("table", table))
            struct.pack_into("<I", buffer, slot, target - slot)
        return position
    table: Table = value
    vtable = len(buffer)
    count = len(table.fields)
    buffer += struct.pack("<HH", 4 + 2 * count, 4 + 4 * count)
    buffer += b"".join(struct.pack("<H", 4 + 4 * i if f is not None else 0) for i, f in enumerate(table.fields))
    buffer += b"\x00" * (-len(buffer) % 4)
    position = len(buffer)
    buffer += struct.pack("<i", position - vtable)
    pending = []
    for field in table.fields:
        slot = len(buffer)
        buffer += b"\x00\x00\x00\x00"
        if field is None:
            continue
        if field[0] == "u8":
            buffer[slot] = field[1]
        else:
            pending.append((slot, field))
    for slot, field in pending:
        target = _write(buffer, field)
        struct.pack_into("<I", buffer, slot, target - slot)
    return position


def flatbuffer(root: Table) -> bytes:
    buffer = bytearray(b"\x00\x00\x00\x00")
    target = _write(buffer, ("table", root))
    struct.pack_into("<I", buffer, 0, target)
    return bytes(buffer)


def arrow_schema(columns: list[str]) -> Table:
    fields = [Table(("str", c), ("u8", 1)) for c in columns]
    return Table(("u8", 0), ("tables", fields))


def arrow_file(columns: list[str], body: bytes = b"") -> bytes:
    footer = flatbuffer(Table(("u8", 4), ("table", arrow_schema(columns))))
    return b"ARROW1\x00\x00" + body + footer + struct.pack("<i", len(footer)) + b"ARROW1"


def arrow_stream(columns: list[str]) -> bytes:
    message = flatbuffer(Table(("u8", 4), ("u8", 1), ("table", arrow_schema(columns))))
    return b"\xff\xff\xff\xff" + struct.pack("<i", len(message)) + message
