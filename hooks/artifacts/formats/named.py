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

    __slots__ = ("matches", "name", "read")

    def __init__(self, name: str, matches: Callable[[str], bool], read: Callable[[bytes, Source, Walk], None]) -> None:
        self.name = name
        self.matches = matches  # gets the lower-cased base name
        self.read = read  # the whole text (at most MAX_TEXT bytes), the source it came from, the walk


def base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def buffered_text(source: Source) -> tuple[bytes | None, Source]:
    """The source's bytes if they fit in MAX_TEXT, and a source that reads them again from the start."""
    data = source.handle.read(MAX_TEXT + 1)
    if len(data) <= MAX_TEXT:
        again = Source(
            io.BytesIO(data), len(data), source.name, source.label, source.depth, seekable=True, head=source.head,
            loader=source.loader,
        )  # fmt: skip
        return data, again
    if source.seekable:
        source.handle.seek(-len(data), io.SEEK_CUR)
        return None, source
    return None, Source(
        io.BufferedReader(_Prefixed(data, source)),
        source.size,
        source.name,
        source.label,
        source.depth,
        seekable=False,
        head=source.head,
        loader=source.loader,
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
