"""File-like views used by the container readers: a window onto part of a file, and
decompressors that stream with size and ratio caps (decompression bombs fail closed)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import BinaryIO, Protocol

from hooks.artifacts.errors import AnalysisError, LimitExceeded

_CHUNK = 1 << 16


class SubFile(io.RawIOBase):
    """Bytes [start, start+size) of a seekable file, itself seekable."""

    def __init__(self, handle: BinaryIO, start: int, size: int) -> None:
        super().__init__()
        self._handle, self._start, self._size, self._pos = handle, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self._size - self._pos)
        if count <= 0:
            return 0
        self._handle.seek(self._start + self._pos)
        data = self._handle.read(count)
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


class _Decompressor(Protocol):
    @property
    def eof(self) -> bool: ...

    @property
    def unused_data(self) -> bytes: ...

    def decompress(self, data: bytes, max_length: int = ...) -> bytes: ...


class _ZlibAdapter:
    """zlib's decompress object behind the bz2/lzma interface (max_length, needs_input)."""

    def __init__(self, wbits: int) -> None:
        self._obj = zlib.decompressobj(wbits)

    @property
    def eof(self) -> bool:
        return self._obj.eof

    @property
    def unused_data(self) -> bytes:
        return self._obj.unused_data

    @property
    def needs_input(self) -> bool:
        return not self._obj.unconsumed_tail

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        if not data:
            data = self._obj.unconsumed_tail
        return self._obj.decompress(data, max(0, max_length))


class _Source(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


class DecompressStream(io.RawIOBase):
    """Streams the decompressed bytes of `handle`, to its end.

    Concatenated members (gzip, bz2, xz all allow them) are followed, as the standard
    readers do. Output past `max_bytes`, or growing faster than `max_ratio` times the input
    once past 256 MiB, raises LimitExceeded.
    """

    def __init__(
        self,
        handle: _Source,
        factory: Callable[[], _Decompressor],
        *,
        max_bytes: int,
        max_ratio: int,
        multi_member: bool = True,
        kind: str = "compressed",
    ) -> None:
        super().__init__()
        self._handle = handle
        self._factory = factory
        self._decompressor = factory()
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._multi = multi_member
        self._kind = kind
        self._pending = b""
        self._consumed = 0
        self._produced = 0
        self._finished = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._produced

    def _feed(self) -> bytes:
        data = self._handle.read(_CHUNK)
        self._consumed += len(data)
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._finished:
            decompressor = self._decompressor
            if decompressor.eof:
                rest = decompressor.unused_data or self._pending
                self._pending = b""
                if not rest:
                    rest = self._feed()
                if not rest or not self._multi:
                    self._finished = True
                    break
                self._decompressor = self._factory()
                self._pending = rest
                continue
            data = self._pending
            self._pending = b""
            if not data and getattr(decompressor, "needs_input", True):
                data = self._feed()
                if not data:
                    raise AnalysisError(f"{self._kind} data ends before its end marker", self._produced)
            try:
                out = decompressor.decompress(data, len(buffer))
            except _decompression_errors() as exc:
                raise AnalysisError(f"corrupt {self._kind} data ({exc})", self._produced) from None
            if out:
                self._produced += len(out)
                self._check_caps()
                buffer[: len(out)] = out
                return len(out)
        return 0

    def _check_caps(self) -> None:
        if self._produced > self._max_bytes:
            raise LimitExceeded(f"{self._kind} data expands past {self._max_bytes} bytes (decompression bomb cap)")
        # The ratio only counts past 256 MiB: real files (a zero-filled array in joblib xz) expand
        # a thousandfold; the byte cap and the time budget bound the rest.
        if self._produced > (256 << 20) and self._produced > self._max_ratio * max(1, self._consumed):
            raise LimitExceeded(f"{self._kind} data expands more than {self._max_ratio}x (decompression bomb cap)")


def _decompression_errors() -> tuple[type[Exception], ...]:
    import sys

    errors: tuple[type[Exception], ...] = (OSError, EOFError, ValueError, zlib.error)
    lzma = sys.modules.get("lzma")  # only imported when xz/lzma data was met
    return (*errors, lzma.LZMAError) if lzma is not None else errors


def _bz2() -> _Decompressor:
    import bz2

    return bz2.BZ2Decompressor()


def _lzma(container: int) -> _Decompressor:
    import lzma

    return lzma.LZMADecompressor(container)


def _lz4() -> _Decompressor:
    from hooks.artifacts.lz4frame import Lz4FrameDecompressor

    return Lz4FrameDecompressor()


def zstd_available() -> bool:
    import importlib.util

    try:
        return any(importlib.util.find_spec(name) is not None for name in ("compression.zstd", "zstandard"))
    except (ImportError, ValueError):
        return importlib.util.find_spec("zstandard") is not None


def _zstd() -> _Decompressor:
    """zstd needs a decoder outside the standard library before Python 3.14: the optional
    `zstandard` package, else the data cannot be read (the caller fails closed)."""
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python >= 3.14

        return zstd.ZstdDecompressor()  # type: ignore[no-any-return]
    except ImportError:
        pass
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise AnalysisError(
            "zstd-compressed data needs the zstandard package to be analysed (pip install mlsec-hooks[zstd])"
        ) from None
    return _ZstandardAdapter(zstandard.ZstdDecompressor().decompressobj())


class _ZstandardAdapter:
    """zstandard's decompressobj with the interface of the standard decompressors."""

    def __init__(self, inner: object) -> None:
        self._inner = inner
        self._pending = b""

    @property
    def eof(self) -> bool:
        return bool(getattr(self._inner, "eof", False)) and not self._pending

    @property
    def unused_data(self) -> bytes:
        return bytes(getattr(self._inner, "unused_data", b""))

    @property
    def needs_input(self) -> bool:
        return not self._pending

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        if data:
            try:
                self._pending += self._inner.decompress(data)  # type: ignore[attr-defined]
            except Exception as exc:  # noqa: BLE001 - zstandard.ZstdError (no common base): corrupt data
                raise ValueError(str(exc)) from None
        if max_length < 0:
            out, self._pending = self._pending, b""
        else:
            out, self._pending = self._pending[:max_length], self._pending[max_length:]
        return out


COMPRESSORS: dict[str, Callable[[], _Decompressor]] = {
    "lz4": _lz4,
    "zstd": _zstd,
    "gzip": lambda: _ZlibAdapter(31),
    "zlib": lambda: _ZlibAdapter(15),
    "deflate": lambda: _ZlibAdapter(-15),
    "bz2": _bz2,
    "xz": lambda: _lzma(1),  # lzma.FORMAT_XZ
    "lzma": lambda: _lzma(2),  # lzma.FORMAT_ALONE
}


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    return io.BufferedReader(raw, buffer_size=_CHUNK)
