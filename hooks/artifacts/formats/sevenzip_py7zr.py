"""7z members unpacked into capped memory buffers with py7zr (the `7z` extra): never to disk.

Imported only when a 7z archive is met and py7zr is installed.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from py7zr import SevenZipFile
from py7zr.io import Py7zIO, WriterFactory

from hooks.artifacts.errors import AnalysisError


class _CappedBuffer(Py7zIO):
    def __init__(self, cap: int) -> None:
        self.buffer = io.BytesIO()
        self.cap = cap
        self.overflow = False

    def write(self, s: bytes | bytearray) -> int:
        if self.buffer.tell() + len(s) > self.cap:
            self.overflow = True
            return len(s)
        return self.buffer.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self.buffer.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.buffer.seek(offset, whence)

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self.buffer.getbuffer().nbytes


class _MemoryFactory(WriterFactory):
    """Members land in capped memory buffers: nothing is written to disk."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.products: dict[str, _CappedBuffer] = {}

    def create(self, filename: str) -> Py7zIO:
        product = _CappedBuffer(self.cap)
        self.products[filename] = product
        return product


def unpack(handle: BinaryIO, cap: int) -> list[tuple[str, bytes | None]]:
    """(name, content) of every member in name order; None for a member larger than `cap`."""
    factory = _MemoryFactory(cap)
    try:
        with SevenZipFile(handle, mode="r") as archive:
            if archive.needs_password():
                raise AnalysisError("7z archive is encrypted")
            archive.extractall(factory=factory)
    except AnalysisError:
        raise
    except Exception as exc:  # noqa: BLE001 - py7zr raises many types for corrupt input
        raise AnalysisError(f"corrupt 7z archive ({type(exc).__name__})") from None
    return [
        (name, None if product.overflow else product.buffer.getvalue())
        for name, product in sorted(factory.products.items())
    ]
