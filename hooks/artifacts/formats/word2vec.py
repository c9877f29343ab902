"""word2vec binary vectors (`GoogleNews-vectors-negative300.bin`, gensim's `save_word2vec_format(binary=True)`).

The original C tool (word2vec.c) and gensim (models/keyedvectors.py `_save_word2vec_format`,
read by `_load_word2vec_format`) write:

- a text header line: the vocabulary size and the vector size as decimal numbers, a space between;
- per word: an optional newline (the C tool ends each vector with one; gensim does not), the word's
  bytes up to a space, then vector-size float32 numbers.

Nothing in it names code: loaders read numbers into an array. A header starting with 0, 1 or 2
is a pickle opcode that breaks at once on an empty stack (POP, POP_MARK, DUP), and any other
digit is no opcode, so pickle and the loaders built on it raise at byte 0. A file is taken for one
only when every declared word and vector is there, with words free of control bytes, nothing after
the last but a newline, and no archive or HDF5 superblock inside. Having no magic, it is tried by
the walker on data named like an artifact that no format takes; anything else stays an unknown
format (MLS902: fail closed). Vector data is never read.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.inert import container_inside
from hooks.artifacts.source import Format, Source, Walk, seekable_data

_HEADER = re.compile(rb"([1-9][0-9]{0,9}) ([1-9][0-9]{0,5})\r?\n")
_MAX_WORD = 4096  # bytes of one word (phrases joined by underscores run to a few hundred)
_MAX_WORDS = 100_000_000
_CHUNK = 1 << 20


class _Layout(AnalysisError):
    """The data is not a whole word2vec binary file this reader can vouch for."""


def recognise(head: bytes) -> bool:
    return _HEADER.match(head) is not None


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    start = handle.tell()
    header = _HEADER.match(handle.read(32))
    if header is None:
        raise _Layout("no word2vec header line", 0)
    words, dimensions = int(header.group(1)), int(header.group(2))
    vector = dimensions * 4
    if words * (1 + 1 + vector) > size - header.end():
        raise _Layout(f"word2vec header declares {words} words, more than the file holds", 0)
    if words > _MAX_WORDS:
        raise LimitExceeded(f"word2vec file declares {words} words, more than {_MAX_WORDS}")
    position = header.end()
    buffer, buffer_at = b"", position
    for index in range(words):
        if not index & 0xFFF:
            analysis.check_time()
        offset = position - buffer_at
        if offset + 1 + _MAX_WORD + 1 > len(buffer):
            handle.seek(start + position)
            buffer, buffer_at, offset = handle.read(_CHUNK), position, 0
        if buffer[offset : offset + 1] == b"\n":
            offset += 1
        end = buffer.find(b" ", offset, offset + _MAX_WORD + 1)
        if end <= offset or any(byte < 0x20 or byte == 0x7F for byte in buffer[offset:end]):
            raise _Layout("a word2vec word is empty, too long or holds control bytes", buffer_at + offset)
        position = buffer_at + end + 1 + vector
        if position > size:
            raise _Layout("a word2vec vector runs past the end of the file", buffer_at + end)
    if size - position not in (0, 1) or (size - position == 1 and _byte_at(handle, start + position) != b"\n"):
        raise _Layout(f"{size - position} bytes follow the last word2vec vector", position)
    handle.seek(start)
    if container_inside(handle, size):
        raise _Layout("an archive or HDF5 file stands inside the word2vec vectors", None)


def _byte_at(handle: BinaryIO, position: int) -> bytes:
    handle.seek(position)
    return handle.read(1)


WORD2VEC = Format("word2vec", recognise, _read)  # tried by the walker, not in the table
