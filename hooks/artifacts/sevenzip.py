"""7z archives (the nullifAI carrier), read into memory with py7zr when the extra is installed."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, BinaryIO

from py7zr import SevenZipFile
from py7zr.io import Py7zIO, WriterFactory

from hooks.artifacts.analysis import inside
from hooks.artifacts.errors import AnalysisError, LimitExceeded

if TYPE_CHECKING:
    from hooks.artifacts.dispatch import Inspector


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


def inspect_7z_members(
    inspector: Inspector, handle: BinaryIO, size: int | None, seekable: bool, label: str, *, depth: int
) -> None:
    cap = inspector.analysis.limits.max_member_in_memory
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
    for name, product in sorted(factory.products.items()):
        member_label = inside(label, name)
        if product.overflow:
            raise LimitExceeded(f"7z member {name!r} is larger than {cap} bytes")
        data = product.buffer.getvalue()
        inspector.inspect_content(
            io.BytesIO(data), len(data), data[:512], name, member_label, depth=depth + 1, seekable=True
        )
