"""Where a pickle keeps the raw bytes of numeric arrays, so they are not read as text.

The data hook reads a pickle's bytes as text (binary.as_lines): strings inside pickled data
frames, lists and dicts are stored as plain UTF-8 and the detectors find what they hold. The
buffer of a pickled numpy array is no text at all: a uint8 image, a float matrix. Read as text,
pixels between 0x20 and 0x7e become "phone numbers" and "email addresses" (a course's pickled
cat pictures held 5 phone numbers). This module walks the opcode stream, without running it,
and returns the byte spans of buffers that belong to arrays of a numeric dtype; the scanner
blanks them and reads the rest as before.

How numpy pickles an array, by protocol (numpy 1.x `numpy.core`, 2.x `numpy._core`):

- protocols 3 and 4: `_reconstruct(ndarray, (0,), b"b")`, then the state
  `(1, shape, dtype, fortran, buffer)` where `dtype` is `numpy.dtype("u1", False, True)` (or a
  memo reference to one made earlier) and `buffer` is a bytes opcode;
- protocol 2: the same, with the buffer as `_codecs.encode(text, "latin1")`: a unicode opcode;
- protocol 5 (pandas' `to_pickle`): `_frombuffer(buffer, dtype, shape, order)`: the buffer
  comes before its dtype.

A dtype is numeric when its descriptor's kind is one of `biufcmM` (bool, integers, floats,
complex, times). Byte strings (`S`), unicode (`U`), structured (`V`) and object (`O`) arrays
keep being read. What the walk cannot follow (an unknown opcode, joblib's raw array data after
its wrapper, a truncated file, the opcode budget spent) ends it: the spans found so far stand and
every byte after is read as text, as before. Nothing is unpickled or imported.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

_NUMERIC_KINDS = frozenset("biufcmM")
_NUMPY_MODULES = frozenset({"numpy", "numpy.core.multiarray", "numpy._core.multiarray"})
_FROMBUFFER = frozenset({("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer")})
MAX_OPCODES = 2_000_000  # a pickle of a million small items is walked; past it the rest is text
_MAX_LINE = 1 << 16  # a text opcode's argument (protocol 0 names and numbers)
_KEEP = 256  # a string longer than this is never a module, a name or a dtype descriptor
# An array's dtype and its buffer stand a few opcodes apart (the dtype's state, the order flag):
# a buffer further away is some other value, and stays text.
_NEAR = 40

# How each opcode's argument is laid out (the pickle format's table, hooks/artifacts/opcodes.py):
# a fixed number of bytes; a length of 1, 4 or 8 bytes and that many bytes; or newline-ended lines.
_FIXED = {0x4B: 1, 0x4D: 2, 0x4A: 4, 0x47: 8, 0x68: 1, 0x6A: 4, 0x71: 1, 0x72: 4}
_FIXED |= {0x80: 1, 0x82: 1, 0x83: 2, 0x84: 4, 0x95: 8}
_SIZED = {
    0x43: 1,  # SHORT_BINBYTES
    0x55: 1,  # SHORT_BINSTRING
    0x8C: 1,  # SHORT_BINUNICODE
    0x8A: 1,  # LONG1
    0x42: 4,  # BINBYTES
    0x54: 4,  # BINSTRING
    0x58: 4,  # BINUNICODE
    0x8B: 4,  # LONG4
    0x8D: 8,  # BINUNICODE8
    0x8E: 8,  # BINBYTES8
    0x96: 8,  # BYTEARRAY8
}
_LINES = {0x46: 1, 0x49: 1, 0x4C: 1, 0x50: 1, 0x53: 1, 0x56: 1, 0x67: 1, 0x70: 1, 0x63: 2, 0x69: 2}
_NO_ARGUMENT = frozenset(
    {0x28, 0x29, 0x2E, 0x30, 0x31, 0x32, 0x4E, 0x51, 0x52, 0x5D, 0x61, 0x62, 0x64, 0x65, 0x6C, 0x6F}
    | {0x73, 0x74, 0x75, 0x7D, 0x81, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8F, 0x90, 0x91, 0x92, 0x93, 0x94}
    | {0x97, 0x98}
)
_STRINGS = frozenset({0x55, 0x8C, 0x54, 0x58, 0x8D, 0x53, 0x56})  # text values (str, py2 str)
_BUFFERS = frozenset({0x43, 0x42, 0x8E, 0x96})  # bytes values
_GETS = frozenset({0x68, 0x6A, 0x67})
_PUTS = frozenset({0x71, 0x72, 0x70})
_MEMOIZE, _REDUCE, _STACK_GLOBAL, _GLOBAL, _STOP = 0x94, 0x52, 0x93, 0x63, 0x2E

# What the walk remembers of the object an opcode pushed (enough to follow memo references).
_Token = tuple[str, object]


class _End(Exception):
    """The stream cannot be followed further."""


class _Stream:
    """Forward reading of a file with seeks over long arguments that need not be read."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle = handle
        self._size = size
        self._buffer = b""
        self._start = 0  # file offset of _buffer[0]
        self._at = 0  # index into _buffer

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
        if len(self._buffer) < count:
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


def numeric_spans(handle: BinaryIO, size: int, max_opcodes: int = MAX_OPCODES) -> list[tuple[int, int]]:
    """(start, end) file offsets of the buffers of numeric arrays, in file order."""
    walk = _Walk(_Stream(handle, size))
    try:
        walk.run(max_opcodes)
    except (_End, struct.error, ValueError, UnicodeDecodeError):
        pass  # what was found stands; the rest of the file is read as text
    return walk.spans


class _Walk:
    def __init__(self, stream: _Stream) -> None:
        self.stream = stream
        self.spans: list[tuple[int, int]] = []
        self.opcodes = 0
        self._reset()

    def _reset(self) -> None:
        """A new pickle starts (joblib and repeated `pickle.dump` calls write several in a row)."""
        self.memo: dict[int, _Token | None] = {}
        self.last: _Token | None = None  # what the last opcode pushed, as far as it is followed
        self.strings: list[str | None] = [None, None]  # the two strings pushed last (STACK_GLOBAL)
        self.dtype_phase = ""  # "class": numpy.dtype pushed; "descriptor": its descriptor read
        self.descriptor_numeric = False
        self.array_numeric = False  # the dtype of the array being pickled, once known
        self.buffer_waits = False  # an array's dtype is known and its buffer not seen yet
        self.dtype_at = 0  # the opcode count when that dtype was known
        self.frombuffer = False  # protocol 5: the buffer comes first, its dtype after
        self.pending: tuple[int, int] | None = None  # that buffer's span, until its dtype is read
        self.pending_at = 0
        self.latin1_buffer = False  # protocol 2: `_codecs.encode(buffer_text, "latin1")`

    def run(self, max_opcodes: int) -> None:
        for self.opcodes in range(max_opcodes):
            code = self.stream.read(1)[0]
            if code == _STOP:
                self._reset()
            else:
                self._step(code)
        raise _End

    def _step(self, code: int) -> None:
        stream = self.stream
        if code in _SIZED:
            width = _SIZED[code]
            length = int.from_bytes(stream.read(width), "little", signed=code == 0x54)
            if length < 0:
                raise _End
            start = stream.offset
            text = stream.read(length) if length <= _KEEP and code in _STRINGS else None
            if text is None:
                stream.skip(length)
            if code in _STRINGS:
                self._string(text.decode("utf-8", "replace") if text is not None else None, (start, start + length))
            elif code in _BUFFERS:
                self._buffer((start, start + length))
            else:
                self.last = None
            return
        if code in _FIXED:
            argument = stream.read(_FIXED[code])
            if code in _GETS:
                self._get(int.from_bytes(argument, "little"))
            elif code in _PUTS:
                self.memo[int.from_bytes(argument, "little")] = self.last
            elif code not in (0x80, 0x95):  # PROTO and FRAME push nothing
                self.last = None
            return
        if code in _LINES:
            lines = [stream.line() for _ in range(_LINES[code])]
            if code == _GLOBAL:
                self._global(lines[0].decode("utf-8", "replace"), lines[1].decode("utf-8", "replace"))
            elif code in _GETS:
                self._get(int(lines[0]))
            elif code in _PUTS:
                self.memo[int(lines[0])] = self.last
            elif code in _STRINGS:
                self._string(lines[0].decode("latin-1")[:_KEEP], None)
            else:
                self.last = None
            return
        if code not in _NO_ARGUMENT:
            raise _End
        if code == _MEMOIZE:
            self.memo[len(self.memo)] = self.last
        elif code == _STACK_GLOBAL:
            module, name = self.strings
            self._global(module or "", name or "")
        elif code == _REDUCE:
            self._reduce()
        else:
            self.last = None

    def _global(self, module: str, name: str) -> None:
        self.last = ("global", (module, name))
        if (module, name) == ("numpy", "dtype"):
            self.dtype_phase = "class"
        elif (module, name) in _FROMBUFFER:
            self.frombuffer, self.pending = True, None
        elif (module, name) == ("_codecs", "encode"):
            self.latin1_buffer = self.buffer_waits
        elif module in _NUMPY_MODULES and name == "_reconstruct":
            self.buffer_waits = False

    def _string(self, value: str | None, span: tuple[int, int] | None) -> None:
        self.strings = [self.strings[1], value]
        self.last = ("str", value) if value is not None else None
        if self.dtype_phase == "class" and value is not None:
            self.dtype_phase = "descriptor"
            self.descriptor_numeric = value[:1] in _NUMERIC_KINDS
            return
        if self.latin1_buffer and span is not None:
            self.latin1_buffer = False
            self._buffer(span)

    def _buffer(self, span: tuple[int, int]) -> None:
        self.last = None
        if self.frombuffer and self.pending is None:
            self.pending, self.pending_at = span, self.opcodes  # protocol 5: kept until its dtype is read
        elif self.buffer_waits:
            self.buffer_waits = False
            if self.array_numeric and self.opcodes - self.dtype_at <= _NEAR:
                self.spans.append(span)

    def _reduce(self) -> None:
        if self.dtype_phase == "descriptor":
            self._dtype_known(self.descriptor_numeric)
            self.last = ("dtype", self.descriptor_numeric)
        else:
            self.last = None
        self.dtype_phase = ""

    def _get(self, index: int) -> None:
        token = self.memo.get(index)
        self.last = token
        if token is None:
            return
        kind, value = token
        if kind == "dtype":
            self._dtype_known(bool(value))
        elif kind == "str":
            self._string(str(value), None)
        elif kind == "global" and isinstance(value, tuple):
            self._global(*value)

    def _dtype_known(self, numeric: bool) -> None:
        if self.frombuffer:
            if self.pending is not None and numeric and self.opcodes - self.pending_at <= _NEAR:
                self.spans.append(self.pending)
            self.frombuffer, self.pending = False, None
            return
        self.array_numeric, self.buffer_waits, self.dtype_at = numeric, True, self.opcodes
