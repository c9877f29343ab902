"""A shelve's data file over `dbm.dumb`: pickled values at the places its `.dir` index names.

`shelve.open("cache")` on a machine without gdbm or ndbm (and whenever a `.dat` is committed, it
was written by `dbm.dumb`) keeps two files: `cache.dat`, each value's bytes starting at a multiple
of 512 and padded with NUL bytes to the next, and `cache.dir`, one line per key,
`repr(key), (pos, size)`, which `dbm.dumb` reads with `ast.literal_eval`. A value is read as
`data[pos:pos + size]` and `shelve` unpickles exactly one stream of it; nothing between the
records is ever read (a value written over by a longer one moves, and its old bytes stay). Read
as one pickle, the data file shows a first record and then "data after STOP", which is how the
file looks, not a hidden stream: `pickle.load` on the `.dat` stops at the NUL padding.

So a `.dat` with a `.dir` beside it that `dbm.dumb` would accept is read as that index says: each
record as a pickle, the bytes no record covers reported low unless they are padding. Other
loaders are still considered: `pickle.load` on the data file reads the stream at byte 0 (an old
value left there when no record starts at 0 is read as that), and a loop of `pickle.load` reads
on into streams that start right after a record's bytes (read as further streams). An index that
is not a regular file, or that `dbm.dumb` would refuse, leaves the file to the ordinary reading
(fail closed: a whole-file pickle with data after its STOP blocks).

Each index line is read as dbm.dumb reads it, with `ast.literal_eval` (literals only: nothing
runs), so every spelling it accepts is accepted here (`0x200`, `5_12`, `True`, a list for the
pair, a set, bytes, a comment); an index too large to read (over 16 MiB or a million lines)
fails closed. A record past the file's end is read as far as the file goes, and a negative size
to its end, as `f.read(size)` does. Key names are never shown.
"""

from __future__ import annotations

import ast
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

MAX_INDEX_BYTES = 16 << 20
MAX_RECORDS = 1_000_000
# `'key', (512, 87)` as dbm.dumb writes it (`"%r, %r\n" % (key, (pos, siz))`): read without
# literal_eval, which every other spelling goes through.
_PLAIN_LINE = re.compile(r"""'[^'\\\n]*', \((\d{1,19}), (\d{1,19})\)""")


class IndexOverLimit(Exception):
    """The index beside a data file is larger than this reader reads: the file is not analysed."""


def index_path(path: Path) -> Path | None:
    """The `.dir` beside a `.dat`, where dbm.dumb keeps the index (the name before `.dat` is the
    database's)."""
    if not path.name.endswith(".dat") or len(path.name) <= 4:
        return None
    return path.with_name(path.name[:-4] + ".dir")


def shelve_records(path: Path, size: int) -> list[tuple[int, int]] | None:
    """Every (offset, length) the index beside `path` names, as dbm.dumb would read them from a
    data file of `size` bytes (empty records left out), sorted and without repeats; None when
    there is no index dbm.dumb would open. Every listed record is returned, a key's earlier ones
    too: what a loader reads is among them. IndexOverLimit for an index too large to read."""
    index = index_path(path)
    if index is None:
        return None
    try:
        status = os.lstat(index)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    if status.st_size > MAX_INDEX_BYTES:
        raise IndexOverLimit(f"the shelve index beside it is over {MAX_INDEX_BYTES >> 20} MiB")
    try:
        with open(index, "rb") as handle:
            data = handle.read(MAX_INDEX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_INDEX_BYTES:
        raise IndexOverLimit(f"the shelve index beside it is over {MAX_INDEX_BYTES >> 20} MiB")
    records: set[tuple[int, int]] = set()
    # dbm.dumb opens the index as Latin-1 text with universal newlines (`\r`, `\n` and `\r\n` end
    # a line, and nothing else: a form feed or `\x1c` stays inside a key) and reads each line with
    # literal_eval, which refuses an empty one.
    lines = data.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline that ends the last line
    if len(lines) > MAX_RECORDS:
        raise IndexOverLimit(f"the shelve index beside it names more than {MAX_RECORDS} records")
    for line in lines:
        pair = _entry(line.rstrip())
        if pair is None:
            return None
        offset, length = pair
        if pair is _UNREADABLE:
            continue
        if length < 0:
            length = size - offset  # f.read(-1) reads to the end
        length = min(length, size - offset)
        if length > 0:
            records.add((offset, length))
    return sorted(records) or None


_UNREADABLE = (-1, 0)  # an entry dbm.dumb opens but cannot read (the key's lookup raises)


def _entry(line: str) -> tuple[int, int] | None:
    """`(offset, size)` of one index line as dbm.dumb takes it; None when dbm.dumb refuses to open
    the index for it (literal_eval fails, the line is no `key, pair`, the key is no str that
    Latin-1 encodes), `_UNREADABLE` when it opens but reading that key raises (`pos, siz = pair`
    fails: any two-item literal unpacks, a tuple, a list, a set, a dict's keys, bytes; or
    f.seek/f.read refuse the values: bools are integers, a negative offset is refused)."""
    plain = _PLAIN_LINE.fullmatch(line)
    if plain is not None:
        return int(plain[1]), int(plain[2])
    if not line:
        return None
    try:
        key, pair = ast.literal_eval(line)
        key.encode("latin-1")
    except (ValueError, TypeError, SyntaxError, AttributeError, UnicodeError, MemoryError, RecursionError):
        return None
    try:
        offset, length = pair
    except (ValueError, TypeError):
        return _UNREADABLE
    if length is None:
        length = -1  # f.read(None) reads to the end, as f.read(-1)
    if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
        return _UNREADABLE
    return int(offset), int(length)


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


def filled(handle: BinaryIO, offset: int, length: int) -> tuple[int, int]:
    """Of the `length` bytes at `offset`: how many are not NUL (padding), and where the last of
    them ends, counted from `offset` (0 when all are padding). Read in 1 MiB chunks."""
    count = end = position = 0
    handle.seek(offset)
    while position < length:
        chunk = handle.read(min(length - position, 1 << 20))
        if not chunk:
            break
        nuls = chunk.count(0)
        if nuls != len(chunk):
            count += len(chunk) - nuls
            end = position + len(chunk.rstrip(b"\0"))
        position += len(chunk)
    return count, end


def widest_per_offset(records: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One record per offset, the longest: a shorter one from the same place reads a prefix of the
    same bytes, so the longest covers every opcode any of them runs."""
    widest: dict[int, int] = {}
    for offset, length in records:
        widest[offset] = max(length, widest.get(offset, 0))
    return sorted(widest.items())
