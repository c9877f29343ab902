"""Forward-only reading of a file, a zip member or a decompression stream, with skips that
seek instead of reading wherever the underlying object allows it.

For `mlsec explain` a reader can also keep a copy of each pickle stream it reads (a Tap):
the scan never does, so it pays nothing for it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, Protocol

from hooks.artifacts.errors import LineTooLong, Truncated

_SKIP_CHUNK = 1 << 20


class _Handle(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...

    def tell(self) -> int: ...

    def seek(self, offset: int, whence: int = ..., /) -> int: ...

    def seekable(self) -> bool: ...


class Budget(Protocol):
    """How many more bytes recordings may keep (shared by every reader of one file)."""

    def take(self, count: int) -> bool: ...


class Recording:
    """The bytes one pickle stream consumed; `complete` is False once the budget ran out."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.complete = True


class Tap:
    """Reads through `handle` and copies what is consumed into the innermost open recording.

    Peeks are not consumption, and bytes read while paused (joblib array data embedded in a
    stream) belong to no stream. It never seeks forward, so skipped arguments are recorded too.
    """

    _count = itertools.count()

    def __init__(self, handle: BinaryIO, budget: Budget) -> None:
        self._handle = handle
        self._budget = budget
        self.serial = next(self._count)  # tells apart taps over data that share a label
        self._open: list[Recording] = []
        self.paused = 0

    def begin(self) -> Recording:
        recording = Recording()
        self._open.append(recording)
        return recording

    def end(self) -> None:
        self._open.pop()

    def _keep(self, data: bytes) -> bytes:
        if self._open and not self.paused and data:
            recording = self._open[-1]
            if recording.complete and self._budget.take(len(data)):
                recording.data += data
            else:
                recording.complete = False
        return data

    def read(self, size: int = -1, /) -> bytes:
        return self._keep(self._handle.read(size))

    def readline(self, size: int = -1, /) -> bytes:
        return self._keep(self._handle.readline(size))

    def peek(self, size: int) -> bytes:
        peek = getattr(self._handle, "peek", None)
        if peek is not None:
            data: bytes = peek(size)
            return data
        position = self._handle.tell()
        data = self._handle.read(size)
        self._handle.seek(position)
        return data

    def tell(self) -> int:
        return self._handle.tell()

    def seek(self, offset: int, whence: int = 0, /) -> int:
        raise OSError("a recording reader only reads forward")

    def seekable(self) -> bool:
        return False


class ByteReader:
    """Reads `handle` from its current position; offsets are relative to where it started.

    `size` is the number of bytes available when known (files, stored members); streams
    (decompressors) leave it None and are checked for their end by peeking. With a `budget`
    the reader records each pickle stream read through it (see Tap).
    """

    def __init__(self, handle: BinaryIO, size: int | None = None, *, budget: Budget | None = None) -> None:
        self.tap = Tap(handle, budget) if budget is not None else None
        self.handle: _Handle = self.tap if self.tap is not None else handle
        self.base = handle.tell()
        self.size = size
        self.seekable = size is not None and self.handle.seekable()

    def tell(self) -> int:
        return self.handle.tell() - self.base

    def read(self, count: int) -> bytes:
        data = self.handle.read(count)
        if len(data) != count:
            raise Truncated(f"truncated: {len(data)} of {count} expected bytes present", self.tell())
        return data

    def readline(self, limit: int) -> bytes:
        line = self.handle.readline(limit + 1)
        if not line.endswith(b"\n"):
            if len(line) > limit:
                raise LineTooLong(f"line longer than {limit} bytes", self.tell(), line)
            raise Truncated("data ends inside a line", self.tell())
        return line

    def skip(self, count: int) -> None:
        if count < 0:
            raise Truncated("negative length", self.tell())
        if self.seekable and self.size is not None:
            target = self.tell() + count
            if target > self.size:
                raise Truncated(f"a {count}-byte argument runs past the end of the data", self.tell())
            self.handle.seek(count, 1)
            return
        remaining = count
        while remaining:
            chunk = self.handle.read(min(remaining, _SKIP_CHUNK))
            if not chunk:
                raise Truncated(f"a {count}-byte argument runs past the end of the data", self.tell())
            remaining -= len(chunk)

    @contextmanager
    def outside_stream(self) -> Iterator[None]:
        """Bytes read in this block are data embedded in a stream, not its opcodes (joblib arrays)."""
        if self.tap is None:
            yield
            return
        self.tap.paused += 1
        try:
            yield
        finally:
            self.tap.paused -= 1

    def peek(self, count: int) -> bytes:
        """Up to `count` upcoming bytes without consuming them (fewer near the end)."""
        peek = getattr(self.handle, "peek", None)
        if peek is not None:
            data: bytes = peek(count)
            return data[:count]
        position = self.handle.tell()
        data = self.handle.read(count)
        self.handle.seek(position)
        return data

    def at_end(self) -> bool:
        if self.size is not None and self.seekable:
            return self.tell() >= self.size
        peek = getattr(self.handle, "peek", None)
        if peek is not None:
            return not peek(1)[:1]
        position = self.handle.tell()
        more = self.handle.read(1)
        if more:
            self.handle.seek(position)
        return not more

    def remaining(self) -> int | None:
        if self.size is None:
            return None
        return self.size - self.tell()
