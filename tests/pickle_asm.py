"""Assemble pickle bytes by hand, for payloads no pickler would write. Nothing here loads them."""

from __future__ import annotations

import struct


def proto(n: int) -> bytes:
    return b"\x80" + bytes([n])


def global_(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def inst(module: str, name: str) -> bytes:
    return b"i" + module.encode() + b"\n" + name.encode() + b"\n"


def text(value: str) -> bytes:
    data = value.encode()
    if len(data) < 256:
        return b"\x8c" + bytes([len(data)]) + data
    return b"X" + struct.pack("<I", len(data)) + data


def string0(value: str) -> bytes:
    return b"S'" + value.encode() + b"'\n"


def binbytes(data: bytes) -> bytes:
    return b"B" + struct.pack("<I", len(data)) + data


def binbytes8(length: int) -> bytes:
    return b"\x8e" + struct.pack("<Q", length)


def binint(n: int) -> bytes:
    return b"J" + struct.pack("<i", n)


def binput(i: int) -> bytes:
    return b"q" + bytes([i])


def binget(i: int) -> bytes:
    return b"h" + bytes([i])


MARK = b"("
STOP = b"."
TUPLE = b"t"
TUPLE1 = b"\x85"
TUPLE2 = b"\x86"
EMPTY_TUPLE = b")"
EMPTY_DICT = b"}"
EMPTY_LIST = b"]"
REDUCE = b"R"
BUILD = b"b"
OBJ = b"o"
NEWOBJ = b"\x81"
SETITEM = b"s"
SETITEMS = b"u"
STACK_GLOBAL = b"\x93"
MEMOIZE = b"\x94"
POP = b"0"
NONE = b"N"
APPEND = b"a"


def ext1(code: int) -> bytes:
    return b"\x82" + bytes([code])


def call(module: str, name: str, *args: str, protocol: int = 2) -> bytes:
    """`module.name(*args)` as GLOBAL + args tuple + REDUCE + STOP."""
    return proto(protocol) + global_(module, name) + MARK + b"".join(text(a) for a in args) + TUPLE + REDUCE + STOP
