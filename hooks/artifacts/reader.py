"""Forward-only reading of a file, a zip member or a decompression stream, with skips that
seek instead of reading wherever the underlying object allows it."""

from __future__ import annotations

from typing import BinaryIO

from hooks.artifacts.errors import LimitExceeded, Truncated

_SKIP_CHUNK = 1 << 20


class ByteReader:
    """Reads `handle` from its current position; offsets are relative to where it started.

    `size` is the number of bytes available when known (files, stored members); streams
    (decompressors) leave it None and are checked for their end by peeking.
    """

    def __init__(self, handle: BinaryIO, size: int | None = None, *, max_bytes: int | None = None) -> None:
        self.handle = handle
        self.base = handle.tell()
        self.size = size
        self.seekable = size is not None and handle.seekable()
        self.max_bytes = max_bytes

    def tell(self) -> int:
        return self.handle.tell() - self.base

    def read(self, count: int) -> bytes:
        data = self.handle.read(count)
        if len(data) != count:
            raise Truncated(f"truncated: {len(data)} of {count} expected bytes present", self.tell())
        self._check_budget()
        return data

    def readline(self, limit: int) -> bytes:
        line = self.handle.readline(limit + 1)
        if not line.endswith(b"\n"):
            if len(line) > limit:
                raise Truncated(f"line longer than {limit} bytes", self.tell())
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
            self._check_budget()

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

    def _check_budget(self) -> None:
        if self.max_bytes is not None and self.tell() > self.max_bytes:
            raise LimitExceeded(f"decompressed data exceeds {self.max_bytes} bytes (decompression bomb cap)")
