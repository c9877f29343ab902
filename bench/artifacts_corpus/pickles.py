"""Pickle opcodes for arbitrary calls `module.name(*args)`, written by hand (no pickler runs them)."""

from __future__ import annotations

import struct
from typing import TypeAlias

Arg: TypeAlias = "str | bytes | int | bool | list[Arg] | tuple[Arg, ...] | None"
STYLES = ("global", "stack_global", "inst", "obj", "memo")


def text(value: str, protocol: int) -> bytes:
    data = value.encode("utf-8", "surrogatepass")
    if protocol >= 4 and len(data) < 256:
        return b"\x8c" + bytes([len(data)]) + data
    return b"X" + struct.pack("<I", len(data)) + data


def arg(value: Arg, protocol: int) -> bytes:
    if value is None:
        return b"N"
    if value is True:
        return b"\x88"
    if value is False:
        return b"\x89"
    if isinstance(value, int):
        return b"J" + struct.pack("<i", value)
    if isinstance(value, str):
        return text(value, protocol)
    if isinstance(value, bytes):
        return b"B" + struct.pack("<I", len(value)) + value
    if isinstance(value, list):
        return b"](" + b"".join(arg(v, protocol) for v in value) + b"e"
    if isinstance(value, tuple):
        return b"(" + b"".join(arg(v, protocol) for v in value) + b"t"
    raise TypeError(type(value))


def global_op(module: str, name: str, protocol: int, style: str = "global") -> bytes:
    if style == "stack_global" and protocol >= 4:
        return text(module, 4) + text(name, 4) + b"\x93"
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def call(module: str, name: str, args: tuple[Arg, ...], protocol: int = 2, style: str = "global") -> bytes:
    """Opcodes that leave `module.name(*args)` on the stack (no PROTO, no STOP)."""
    packed = b"".join(arg(a, protocol) for a in args)
    if style == "inst":
        return b"(" + packed + b"i" + module.encode() + b"\n" + name.encode() + b"\n"
    if style == "obj":
        return b"(" + global_op(module, name, protocol) + packed + b"o"
    if style == "memo":
        return global_op(module, name, protocol) + b"q\x09" + b"0" + b"h\x09" + b"(" + packed + b"tR"
    return global_op(module, name, protocol, style) + b"(" + packed + b"tR"


def stream(body: bytes, protocol: int) -> bytes:
    return (b"\x80" + bytes([protocol]) if protocol >= 2 else b"") + body + b"."


def in_state_dict(body: bytes, protocol: int, key: str = "weight") -> bytes:
    """{'weight': <call>}: the call is a value inside a dict, as in a state dict."""
    return stream(b"}" + text(key, protocol) + body + b"s", max(protocol, 2))


def before(body: bytes, original: bytes) -> bytes:
    """Sleepy-Pickle style: run the call, drop its result, then the original stream unchanged."""
    head = b""
    if original[:1] == b"\x80":
        head, original = original[:2], original[2:]
    if original[:1] == b"\x95":  # FRAME: drop it (frames are optional) so the stream stays valid
        original = original[9:]
    return head + body + b"0" + original
