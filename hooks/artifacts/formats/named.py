"""Formats recognised by their file name: text configs (JSON, YAML, Jinja) have no magic bytes.

A `NamedFormat` says which base names it reads and checks the text. The walker consults these
only for data no strong magic claims, and afterwards still reads the same bytes through the
content table (a pickle named `config.yaml` is still analysed as a pickle). Texts larger than
`MAX_TEXT` are not configs anyone writes by hand and are left to the content table.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from hooks.artifacts.source import Source, Walk

MAX_TEXT = 16 << 20


class NamedFormat:
    """One text format: which file names it reads, and how it checks their text."""

    __slots__ = ("markers", "matches", "name", "read")

    def __init__(
        self,
        name: str,
        matches: Callable[[str], bool],
        read: Callable[[bytes, Source, Walk], None],
        markers: tuple[bytes, ...] = (),
    ) -> None:
        self.name = name
        self.matches = matches  # gets the lower-cased base name
        self.read = read  # the whole text (at most MAX_TEXT bytes), the source it came from, the walk
        # Text that makes a file over MAX_TEXT one this format must read (`_target_`): such a file
        # fails closed. No markers: any file of this name over MAX_TEXT does.
        self.markers = markers

    def must_read(self, prefix: bytes, source: Source) -> bool:
        """Whether a text too long to read holds what this format judges: anywhere in a file that
        can be read again (in blocks, then back to where it was), else in its first MAX_TEXT."""
        if not self.markers:
            return True
        if any(marker in prefix for marker in self.markers):
            return True
        if not source.seekable:
            return False
        start = source.handle.tell()
        overlap = max(len(marker) for marker in self.markers)
        tail = b""
        try:
            while block := source.handle.read(1 << 20):
                window = tail + block
                if any(marker in window for marker in self.markers):
                    return True
                tail = window[-overlap:]
            return False
        finally:
            source.handle.seek(start)


def base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def buffered_text(source: Source) -> tuple[bytes | None, Source, bytes]:
    """The source's bytes if they fit in MAX_TEXT, a source that reads them again from the start,
    and the bytes read (the first MAX_TEXT + 1 of a longer text)."""
    data = source.handle.read(MAX_TEXT + 1)
    if len(data) <= MAX_TEXT:
        again = Source(
            io.BytesIO(data), len(data), source.name, source.label, source.depth, seekable=True, head=source.head,
            loader=source.loader,
        )  # fmt: skip
        return data, again, data
    if source.seekable:
        source.handle.seek(-len(data), io.SEEK_CUR)
        return None, source, data
    return (
        None,
        Source(
            io.BufferedReader(_Prefixed(data, source)),
            source.size,
            source.name,
            source.label,
            source.depth,
            seekable=False,
            head=source.head,
            loader=source.loader,
        ),
        data,
    )


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream."""

    def __init__(self, prefix: bytes, source: Source) -> None:
        super().__init__()
        self._prefix, self._rest = memoryview(prefix), source.handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def shown(text: str, limit: int = 120) -> str:
    """Attacker-controlled text made safe for one line of a report."""
    return text[:limit].encode("unicode_escape").decode()
