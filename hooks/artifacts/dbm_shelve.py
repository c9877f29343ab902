"""A shelve's data file over `dbm.dumb`: pickled values at the places its `.dir` index names.

`shelve.open("cache")` on a machine without gdbm or ndbm (and whenever a `.dat` is committed, it
was written by `dbm.dumb`) keeps two files: `cache.dat`, each value's bytes starting at a multiple
of 512 and padded with NUL bytes to the next, and `cache.dir`, one line per key,
`repr(key), (pos, size)`, which `dbm.dumb` reads with `ast.literal_eval`. A value is read as
`data[pos:pos + size]` and `shelve` unpickles exactly one stream of it; nothing between the
records is ever read (a value written over by a longer one moves, and its old bytes stay). Read
as one pickle, the data file shows a first record and then "data after STOP", which is how the
file looks, not a hidden stream: `pickle.load` on the `.dat` stops at the NUL padding.

So a `.dat` with a `.dir` beside it that `dbm.dumb` would accept (every line a string literal and
two numbers, every record inside the file) is read as that index says: each record as a pickle,
the bytes no record covers reported low unless they are padding. An index that is not a regular
file, too long, or that `dbm.dumb` would refuse leaves the file to the ordinary reading (fail
closed: a whole-file pickle with data after its STOP blocks).

The index is matched line by line, never evaluated; key names are never shown.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

MAX_INDEX_BYTES = 16 << 20
MAX_RECORDS = 100_000
# `'key', (512, 87)` as dbm.dumb writes it (`"%r, %r\n" % (key, (pos, siz))`, a str key's repr,
# Latin-1): single- or double-quoted, with escapes, then two non-negative integers.
_INDEX_LINE = re.compile(
    rb"""(?:'(?:[^'\\\r\n]|\\[^\r\n]){0,65536}'|"(?:[^"\\\r\n]|\\[^\r\n]){0,65536}"), \((\d{1,19}), (\d{1,19})\)"""
)


def index_path(path: Path) -> Path | None:
    """The `.dir` beside a `.dat`, where dbm.dumb keeps the index (the name before `.dat` is the
    database's)."""
    if not path.name.endswith(".dat") or len(path.name) <= 4:
        return None
    return path.with_name(path.name[:-4] + ".dir")


def shelve_records(path: Path, size: int) -> list[tuple[int, int]] | None:
    """Every (offset, size) the index beside `path` names, sorted and without repeats, when
    dbm.dumb would open it and each record lies inside the `size` bytes of the data file; else
    None. Every listed record is returned, a key's earlier ones too: what a loader reads is
    among them."""
    index = index_path(path)
    if index is None:
        return None
    try:
        status = os.lstat(index)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_INDEX_BYTES:
        return None
    try:
        with open(index, "rb") as handle:
            text = handle.read(MAX_INDEX_BYTES + 1)
    except OSError:
        return None
    if len(text) > MAX_INDEX_BYTES:
        return None
    records: set[tuple[int, int]] = set()
    # dbm.dumb reads the index in text mode: `\r`, `\n` and `\r\n` end a line, and a line is
    # stripped of trailing white space before literal_eval, which refuses an empty one.
    for line in text.splitlines():
        match = _INDEX_LINE.fullmatch(line.rstrip())
        if match is None:
            return None
        offset, length = int(match[1]), int(match[2])
        if offset + length > size:
            return None  # this index is not the data file's: dbm.dumb would read past its end
        records.add((offset, length))
        if len(records) > MAX_RECORDS:
            return None
    return sorted(records) or None


def uncovered(records: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The (offset, length) spans of the data file that no record covers."""
    spans = []
    position = 0
    for offset, length in records:
        if offset > position:
            spans.append((position, offset - position))
        position = max(position, offset + length)
    if position < size:
        spans.append((position, size - position))
    return spans
