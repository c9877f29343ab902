"""Where a pickle keeps the raw bytes of numeric arrays, so they are not read as text.

The data hook reads a pickle's bytes as text (binary.as_lines): strings inside pickled data
frames, lists and dicts are stored as plain UTF-8 and the detectors find what they hold. The
buffer of a pickled numpy array is no text at all: a uint8 image, a float matrix. Read as text,
pixels between 0x20 and 0x7e become "phone numbers" and "email addresses" (a course's pickled
cat pictures held 5 phone numbers). This module follows the opcode stream on a stack of
placeholders, as the unpickler would but without building or calling anything, and returns the
byte spans of the buffers that numpy itself would read as the data of an array of a numeric dtype:

- protocols 2 to 4: `_reconstruct(ndarray, (0,), b"b")` then BUILD with the state
  `(1, shape, dtype, fortran, buffer)`, where `dtype` is `numpy.dtype("u1", False, True)` (or a
  memo reference to one) and `buffer` a bytes value (protocol 2 writes it as
  `_codecs.encode(text, "latin1")`);
- protocol 5 (pandas' `to_pickle`): `_frombuffer(buffer, dtype, shape, order)`;
- a numpy scalar: `scalar(dtype, bytes)`.

A dtype is numeric when its descriptor's kind is one of `biufcmM` (bool, integers, floats,
complex, times). Structured (`V`), byte-string (`S`), unicode (`U`) and object (`O`) arrays, and
every value that is not such a buffer (a bytes value beside an array, a string after a dtype), keep
being read. What the walk cannot follow (an unknown opcode, joblib's raw array data after its
wrapper, a truncated file, a bound reached) ends it: the spans found so far stand and every byte
after is read as text, as before. Nothing is unpickled or imported.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import BinaryIO

_NUMERIC_KINDS = frozenset("biufcmM")
_NUMPY_CORE = frozenset({"numpy.core.multiarray", "numpy._core.multiarray"})
_NUMPY_NUMERIC = frozenset({"numpy.core.numeric", "numpy._core.numeric"})
MAX_OPCODES = 2_000_000  # a pickle of a million small items is walked; past it the rest is text
_MAX_READ = 64 << 20  # bytes of opcodes and short arguments read (long arguments are skipped)
_MAX_MEMO = 200_000  # memo entries and stack depth followed
_MAX_LINE = 1 << 16  # a text opcode's argument (protocol 0 names and numbers)
_KEEP = 256  # a string longer than this is never a module, a name, a dtype descriptor or "latin1"
_ITEMS = 8  # leading items of a tuple kept (an array's state has 5, `_frombuffer`'s arguments 4)

# How each opcode's argument is laid out (the pickle format's table, hooks/artifacts/opcodes.py):
# a fixed number of bytes; a length of 1, 4 or 8 bytes and that many bytes; or newline-ended lines.
_FIXED = {0x4B: 1, 0x4D: 2, 0x4A: 4, 0x47: 8, 0x68: 1, 0x6A: 4, 0x71: 1, 0x72: 4}
_FIXED |= {0x80: 1, 0x82: 1, 0x83: 2, 0x84: 4, 0x95: 8}
_SIZED = {0x43: 1, 0x55: 1, 0x8C: 1, 0x8A: 1, 0x42: 4, 0x54: 4, 0x58: 4, 0x8B: 4, 0x8D: 8, 0x8E: 8, 0x96: 8}
_LINES = {0x46: 1, 0x49: 1, 0x4C: 1, 0x50: 1, 0x53: 1, 0x56: 1, 0x67: 1, 0x70: 1, 0x63: 2, 0x69: 2}
_TEXTS = frozenset({0x55, 0x8C, 0x54, 0x58, 0x8D, 0x53, 0x56})  # str (and Python 2 str) values
_BYTES = frozenset({0x43, 0x42, 0x8E, 0x96})  # bytes and bytearray values
_GETS = frozenset({0x68, 0x6A, 0x67})
_PUTS = frozenset({0x71, 0x72, 0x70})
_PUSH_OTHER = frozenset({0x4B, 0x4D, 0x4A, 0x47, 0x46, 0x49, 0x4C, 0x8A, 0x8B, 0x4E, 0x88, 0x89, 0x50})
_PUSH_OTHER |= {0x5D, 0x7D, 0x8F, 0x82, 0x83, 0x84}  # empty list, dict, set; extension codes
_MARK, _STOP, _POP, _POP_MARK, _DUP = 0x28, 0x2E, 0x30, 0x31, 0x32
_EMPTY_TUPLE, _TUPLE, _TUPLE1, _TUPLE2, _TUPLE3 = 0x29, 0x74, 0x85, 0x86, 0x87
_TO_MARK_PUSH_OTHER = frozenset({0x6C, 0x64, 0x91, 0x69, 0x6F})  # LIST, DICT, FROZENSET, INST, OBJ
_TO_MARK = frozenset({0x65, 0x75, 0x90})  # APPENDS, SETITEMS, ADDITEMS
_APPEND, _SETITEM, _REDUCE, _BUILD, _NEWOBJ, _NEWOBJ_EX = 0x61, 0x73, 0x52, 0x62, 0x81, 0x92
_GLOBAL, _STACK_GLOBAL, _MEMOIZE, _BINPERSID = 0x63, 0x93, 0x94, 0x51
_NEXT_BUFFER, _READONLY_BUFFER, _PROTO, _FRAME = 0x97, 0x98, 0x80, 0x95


class _End(Exception):
    """The stream cannot be followed further."""


@dataclass(frozen=True)
class _Value:
    """What the walk knows of one object on the unpickler's stack."""

    kind: str  # "str", "bytes", "global", "dtype", "tuple", "ndarray", "mark" or "other"
    text: str | None = None  # a short str's value; a global's "module name"
    span: tuple[int, int] | None = None  # where a str's or bytes' data stands in the file
    numeric: bool = False  # a dtype's kind is numeric
    items: tuple[_Value, ...] = ()  # a tuple's leading items
    last: _Value | None = None  # a tuple's last item
    length: int = 0  # a tuple's length


_OTHER = _Value("other")
_MARK_VALUE = _Value("mark")


class _Stream:
    """Forward reading of a file with seeks over long arguments that need not be read."""

    def __init__(self, handle: BinaryIO, size: int, max_read: int = _MAX_READ) -> None:
        self._handle = handle
        self._max_read = max_read
        self._size = size
        self._buffer = b""
        self._start = 0  # file offset of _buffer[0]
        self._at = 0  # index into _buffer
        self.read_bytes = 0

    @property
    def offset(self) -> int:
        return self._start + self._at

    def _fill(self, count: int) -> None:
        if self._at + count <= len(self._buffer):
            return
        self._start += self._at
        self._handle.seek(self._start)
        self._buffer = self._handle.read(max(count, 1 << 16))
        self._at = 0
        self.read_bytes += len(self._buffer)
        if len(self._buffer) < count or self.read_bytes > self._max_read:
            raise _End

    def read(self, count: int) -> bytes:
        self._fill(count)
        data = self._buffer[self._at : self._at + count]
        self._at += count
        return data

    def skip(self, count: int) -> None:
        if self.offset + count > self._size:
            raise _End
        if self._at + count <= len(self._buffer):
            self._at += count
            return
        self._start, self._buffer, self._at = self.offset + count, b"", 0

    def line(self) -> bytes:
        for _ in range(2):
            end = self._buffer.find(b"\n", self._at, self._at + _MAX_LINE)
            if end != -1:
                data = self._buffer[self._at : end]
                self._at = end + 1
                return data
            self._fill(min(_MAX_LINE, self._size - self.offset) or 1)
        raise _End


def numeric_spans(
    handle: BinaryIO, size: int, max_opcodes: int = MAX_OPCODES, max_read: int = _MAX_READ
) -> list[tuple[int, int]]:
    """(start, end) file offsets of the buffers of numeric arrays, in file order."""
    walk = _Walk(_Stream(handle, size, max_read))
    try:
        walk.run(max_opcodes)
    except (_End, struct.error, ValueError, UnicodeDecodeError, IndexError):
        pass  # what was found stands; the rest of the file is read as text
    return sorted(set(walk.spans))


@dataclass
class _Walk:
    stream: _Stream
    spans: list[tuple[int, int]] = field(default_factory=list)
    stack: list[_Value] = field(default_factory=list)
    memo: dict[int, _Value] = field(default_factory=dict)

    def run(self, max_opcodes: int) -> None:
        for _ in range(max_opcodes):
            code = self.stream.read(1)[0]
            if code == _STOP:
                self.stack, self.memo = [], {}  # a new pickle may follow (joblib, repeated dumps)
            else:
                self._step(code)
            if len(self.stack) > _MAX_MEMO or len(self.memo) > _MAX_MEMO:
                raise _End
        raise _End

    def _push(self, value: _Value) -> None:
        self.stack.append(value)

    def _pop(self) -> _Value:
        return self.stack.pop() if self.stack else _OTHER

    def _pop_mark(self) -> list[_Value]:
        for at in range(len(self.stack) - 1, -1, -1):
            if self.stack[at].kind == "mark":
                items = self.stack[at + 1 :]
                del self.stack[at:]
                return items
        raise _End  # no mark: the unpickler would fail here too

    def _step(self, code: int) -> None:
        if code in _SIZED:
            self._sized(code)
        elif code in _FIXED:
            self._fixed(code, self.stream.read(_FIXED[code]))
        elif code in _LINES:
            self._lines(code, [self.stream.line() for _ in range(_LINES[code])])
        else:
            self._plain(code)

    def _sized(self, code: int) -> None:
        width = 1 if code in (0x43, 0x55, 0x8C, 0x8A) else 4 if code in (0x42, 0x54, 0x58, 0x8B) else 8
        length = int.from_bytes(self.stream.read(width), "little", signed=code == 0x54)
        if length < 0:
            raise _End
        start = self.stream.offset
        data = self.stream.read(length) if length <= _KEEP and code in _TEXTS else None
        if data is None:
            self.stream.skip(length)
        span = (start, start + length)
        if code in _TEXTS:
            text = data.decode("utf-8", "replace") if data is not None else None
            self._push(_Value("str", text=text, span=span))
        elif code in _BYTES:
            self._push(_Value("bytes", span=span))
        else:
            self._push(_OTHER)  # LONG1, LONG4

    def _fixed(self, code: int, argument: bytes) -> None:
        if code in _GETS:
            self._push(self.memo.get(int.from_bytes(argument, "little"), _OTHER))
        elif code in _PUTS:
            self.memo[int.from_bytes(argument, "little")] = self.stack[-1] if self.stack else _OTHER
        elif code in (_PROTO, _FRAME):
            return
        else:
            self._push(_OTHER)  # numbers, extension codes

    def _lines(self, code: int, lines: list[bytes]) -> None:
        if code == _GLOBAL:
            module, name = (line[:_KEEP].decode("utf-8", "replace") for line in lines)
            self._push(_Value("global", text=f"{module} {name}"))
        elif code == 0x69:  # INST: a class instance from the items above the mark
            self._pop_mark()
            self._push(_OTHER)
        elif code in _GETS:
            self._push(self.memo.get(int(lines[0]), _OTHER))
        elif code in _PUTS:
            self.memo[int(lines[0])] = self.stack[-1] if self.stack else _OTHER
        elif code in _TEXTS:
            self._push(_Value("str", text=lines[0][:_KEEP].decode("latin-1")))
        else:
            self._push(_OTHER)  # protocol 0 numbers, PERSID

    def _plain(self, code: int) -> None:
        if code == _MARK:
            self._push(_MARK_VALUE)
        elif code in _PUSH_OTHER:
            self._push(_OTHER)
        elif code == _POP:
            self._pop()
        elif code == _POP_MARK:
            self._pop_mark()
        elif code == _DUP:
            self._push(self.stack[-1] if self.stack else _OTHER)
        elif code == _EMPTY_TUPLE:
            self._push(_tuple([]))
        elif code == _TUPLE:
            self._push(_tuple(self._pop_mark()))
        elif code in (_TUPLE1, _TUPLE2, _TUPLE3):
            count = code - _TUPLE1 + 1
            items = [self._pop() for _ in range(count)][::-1]
            self._push(_tuple(items))
        elif code in _TO_MARK_PUSH_OTHER:
            self._pop_mark()
            self._push(_OTHER)
        elif code in _TO_MARK:
            self._pop_mark()
        elif code == _APPEND:
            self._pop()
        elif code == _SETITEM:
            self._pop()
            self._pop()
        elif code == _STACK_GLOBAL:
            name, module = self._pop(), self._pop()
            self._push(_Value("global", text=f"{module.text} {name.text}"))
        elif code == _MEMOIZE:
            self.memo[len(self.memo)] = self.stack[-1] if self.stack else _OTHER
        elif code == _REDUCE:
            arguments, function = self._pop(), self._pop()
            self._push(self._called(function, arguments))
        elif code == _BUILD:
            state = self._pop()
            if self.stack and self.stack[-1].kind == "ndarray":
                self._array_state(state)
        elif code == _NEWOBJ:
            self._pop()
            self._pop()
            self._push(_OTHER)
        elif code == _NEWOBJ_EX:
            for _ in range(3):
                self._pop()
            self._push(_OTHER)
        elif code == _BINPERSID:
            self._pop()
            self._push(_OTHER)
        elif code == _NEXT_BUFFER:
            self._push(_Value("bytes"))  # out of band: not in the file
        elif code != _READONLY_BUFFER:
            raise _End

    def _called(self, function: _Value, arguments: _Value) -> _Value:
        """What REDUCE makes, for the calls numpy's pickles are built of; anything else is other."""
        if function.kind != "global" or arguments.kind != "tuple":
            return _OTHER
        module, _, name = (function.text or "").partition(" ")
        first = arguments.items[0] if arguments.items else None
        if (module, name) == ("numpy", "dtype"):
            descriptor = first.text if first is not None and first.kind == "str" else None
            if descriptor is None:
                return _OTHER
            return _Value("dtype", numeric=descriptor[:1] in _NUMERIC_KINDS)
        if module in _NUMPY_CORE and name == "_reconstruct":
            return _Value("ndarray")
        if module in _NUMPY_NUMERIC and name == "_frombuffer" and arguments.length == 4:
            buffer, dtype = arguments.items[0], arguments.items[1]
            self._numeric_buffer(dtype, buffer)
            return _OTHER
        if module in _NUMPY_CORE and name == "scalar" and arguments.length == 2 and first is not None:
            self._numeric_buffer(first, arguments.items[1])
            return _OTHER
        if (module, name) == ("_codecs", "encode") and arguments.length == 2:
            encoding = arguments.items[1]
            if first is not None and first.kind == "str" and encoding.text in ("latin1", "latin-1"):
                return _Value("bytes", span=first.span)  # protocol 2's bytes, stored as latin-1 text
        return _OTHER

    def _array_state(self, state: _Value) -> None:
        """BUILD of an ndarray: its state is `(version, shape, dtype, fortran, buffer)` (or without
        the version); the buffer is read as the array's data only when it is bytes."""
        if state.kind != "tuple" or state.length not in (4, 5) or state.last is None:
            return
        dtype = state.items[state.length - 3]
        self._numeric_buffer(dtype, state.last)

    def _numeric_buffer(self, dtype: _Value, buffer: _Value) -> None:
        if dtype.kind == "dtype" and dtype.numeric and buffer.kind == "bytes" and buffer.span is not None:
            self.spans.append(buffer.span)


def _tuple(items: list[_Value]) -> _Value:
    return _Value("tuple", items=tuple(items[:_ITEMS]), last=items[-1] if items else None, length=len(items))
