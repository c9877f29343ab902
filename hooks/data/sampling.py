"""Bounded reading: the head of a file plus evenly strided windows, or all of it in blocks.

A hook must stay fast on a 2 GB CSV: by default it reads the first `sample_mb` and 16 windows
spread over the rest (a quarter of `sample_mb` in all), each cut to whole lines, so a column
that only fills up late in the file is still seen. `--full` (CI) reads every byte, block by
block, so memory stays flat and line numbers stay exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hooks._core.textfile import open_regular

WINDOWS = 16
BLOCK = 8 << 20


@dataclass(frozen=True)
class Chunk:
    data: bytes
    offset: int  # of data[0] in the file
    first_line: int | None  # line number of data[0]; None inside a strided window


@dataclass
class Reading:
    chunks: Iterable[Chunk]  # in full mode a generator: one block in memory at a time
    complete: bool  # every byte was read
    head: bytes  # the file's first bytes (header line, first rows)


def read_sample(path: Path, size: int, sample_bytes: int, *, full: bool, lines: bool = True) -> Reading:
    with open_regular(path) as handle:
        opening = handle.read(1 << 16)
    if full:
        return Reading(_blocks(path, lines), True, opening)
    with open_regular(path) as handle:
        if size <= sample_bytes + sample_bytes // 4:
            return Reading([Chunk(handle.read(size), 0, 1)], True, opening)
        head = handle.read(sample_bytes)
        if lines:
            head = head[: head.rfind(b"\n") + 1] or head
        chunks = [Chunk(head, 0, 1)]
        window = max(4096, sample_bytes // 4 // WINDOWS)
        start = len(head)
        stride = max(window, (size - start) // WINDOWS)
        for index in range(WINDOWS):
            offset = start + index * stride
            if offset >= size:
                break
            handle.seek(offset)
            data = handle.read(window)
            if lines:
                first = data.find(b"\n")
                last = data.rfind(b"\n")
                if first == -1 or last <= first:
                    continue
                data, offset = data[first + 1 : last + 1], offset + first + 1
            chunks.append(Chunk(data, offset, None))
        return Reading(chunks, False, opening)


def _blocks(path: Path, lines: bool) -> Iterator[Chunk]:
    with open_regular(path) as handle:
        offset, line, carry = 0, 1, b""
        while True:
            block = handle.read(BLOCK)
            if not block:
                if carry:
                    yield Chunk(carry, offset, line)
                return
            data = carry + block
            cut = data.rfind(b"\n") + 1 if lines else len(data)
            if cut == 0:
                carry = data
                continue
            yield Chunk(data[:cut], offset, line)
            offset += cut
            line += data.count(b"\n", 0, cut)
            carry = data[cut:]


def as_utf8(data: bytes) -> bytes:
    """UTF-16 exports (Excel's "Unicode text") re-encoded, so the detectors see plain bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace").encode("utf-8")
    return data
