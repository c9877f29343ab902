"""fastText models (`model.bin`, `lid.176.bin`, `cc.en.300.bin`), the dense layout checked whole.

fastText writes a model as (src/fasttext.cc `saveModel`, read back by `loadModel`), little-endian:

- the i32 magic 793712314 and an i32 version (11 or 12; the loader refuses newer ones);
- the arguments: twelve i32 (dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket,
  minn, maxn, lrUpdateRate) and an f64 sampling threshold;
- the dictionary (src/dictionary.cc `save`): i32 size, i32 word count, i32 label count, i64 token
  count, i64 pruned-index size; then per entry its text up to a NUL, an i64 count and an i8 type
  (0 word, 1 label); then the pruned index as pairs of i32;
- a bool "quantized", the input matrix, a bool "quantized output", the output matrix; a dense
  matrix is an i64 row count, an i64 column count and rows x columns f32;
- a quantized matrix (`.ftz`, src/quantmatrix.cc `save`) is a bool "quantized norms", i64 rows,
  i64 columns, an i32 code size, the codes (one byte each), then its product quantizer
  (src/productquantizer.cc `save`: i32 dimension, sub-quantizers, sub-dimension and last
  sub-dimension, then dimension x 256 f32 centroids); with quantized norms, a byte per row and a
  second quantizer of dimension 1 follow. The code size must be rows x sub-quantizers and the
  quantizer must split the matrix's columns as fastText's constructor does.

Nothing in it names code: the C++ loader copies numbers. Its first byte (0xba) is no pickle opcode,
so pickle and the loaders built on it raise at byte 0. Dense and quantized models are read; a
file is taken for one only when the layout holds to its last byte,
with sane counts, and no archive or HDF5 superblock stands inside. It has a magic, but one no
other format's reader shares, so like CTranslate2 it is tried by the walker on data named like an
artifact that no format in the table takes; anything that breaks the layout stays an unknown format
(MLS902: fail closed). Matrix data is never read.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.inert import container_inside
from hooks.artifacts.source import Format, Source, Walk, seekable_data

MAGIC = 793712314
_VERSIONS = (11, 12)
_ARGUMENTS = struct.Struct("<12id")
_DICTIONARY = struct.Struct("<iiiqq")
_ENTRY_TAIL = struct.Struct("<qb")
_MATRIX = struct.Struct("<qq")
_FLAG = struct.Struct("<?")
_HEADER = struct.Struct("<ii")
_QUANT_MATRIX = struct.Struct("<?qqi")
_QUANTIZER = struct.Struct("<iiii")
_CENTROIDS_PER_DIMENSION = 256  # 1 << nbits_, and fastText fixes nbits_ at 8
_MAX_WORD = 1 << 16  # bytes of one dictionary entry; real ones are words and n-gram labels
_MAX_ENTRIES = 50_000_000  # cc.*.300.bin holds 2,000,000 words
_MAX_DIM = 1 << 16
_CHUNK = 1 << 16


class _Layout(AnalysisError):
    """The data breaks the layout: not a fastText model this reader can vouch for."""


class _Cursor:
    def __init__(self, handle: BinaryIO, size: int, analysis: Analysis) -> None:
        self.handle, self.size, self.analysis = handle, size, analysis
        self.base = handle.tell()
        self.position = 0
        self._buffer = b""
        self._buffer_at = 0

    def _window(self, count: int) -> bytes:
        offset = self.position - self._buffer_at
        if offset < 0 or offset + count > len(self._buffer):
            self.handle.seek(self.base + self.position)
            self._buffer = self.handle.read(max(count, _CHUNK))
            self._buffer_at = self.position
            offset = 0
        return self._buffer[offset : offset + count]

    def unpack(self, layout: struct.Struct, what: str) -> tuple[int | float, ...]:
        data = self._window(layout.size)
        if len(data) != layout.size:
            raise _Layout(f"fastText {what} runs past the end of the file", self.position)
        self.position += layout.size
        return layout.unpack(data)

    def word(self) -> None:
        """A NUL-terminated entry, found in the buffered window rather than byte by byte."""
        window = self._window(_MAX_WORD + 1)
        end = window.find(b"\x00")
        if end < 0:
            raise _Layout("fastText dictionary entry has no NUL within its bound", self.position)
        self.position += end + 1

    def skip(self, count: int, what: str) -> None:
        if count < 0 or count > self.size - self.position:
            raise _Layout(f"fastText {what} runs past the end of the file", self.position)
        self.position += count


def recognise(head: bytes) -> bool:
    return len(head) >= 8 and struct.unpack_from("<ii", head) in ((MAGIC, 11), (MAGIC, 12))


def _quantizer(cursor: _Cursor, what: str, dimension: int) -> int:
    """A product quantizer of `dimension`; its sub-quantizer count."""
    found, parts, part, last = (int(value) for value in cursor.unpack(_QUANTIZER, f"{what} quantizer"))
    if found != dimension or part <= 0 or parts != -(-dimension // part):
        raise _Layout(f"fastText {what} quantizer does not split {dimension} columns", cursor.position)
    if last != (dimension % part or part):
        raise _Layout(f"fastText {what} quantizer's last part is {last} wide", cursor.position)
    cursor.skip(dimension * _CENTROIDS_PER_DIMENSION * 4, f"{what} centroids")
    return parts


def _quantized_matrix(cursor: _Cursor, what: str) -> None:
    with_norms, rows, columns, code_size = (int(value) for value in cursor.unpack(_QUANT_MATRIX, f"{what} header"))
    if rows < 0 or not 0 < columns <= _MAX_DIM or code_size < 0:
        raise _Layout(f"fastText {what} has shape {rows} x {columns}", cursor.position)
    cursor.skip(code_size, f"{what} codes")
    if code_size != rows * _quantizer(cursor, what, columns):
        raise _Layout(f"fastText {what} holds {code_size} codes for {rows} rows", cursor.position)
    if with_norms:
        cursor.skip(rows, f"{what} norm codes")
        if _quantizer(cursor, f"{what} norm", 1) != 1:
            raise _Layout(f"fastText {what} norm quantizer is not one part", cursor.position)


def _matrix(cursor: _Cursor, what: str) -> None:
    """A quantization flag, then the matrix, whose data is skipped."""
    (quantized,) = cursor.unpack(_FLAG, f"{what} quantization flag")
    if quantized:
        _quantized_matrix(cursor, what)
        return
    rows, columns = (int(value) for value in cursor.unpack(_MATRIX, f"{what} shape"))
    if rows < 0 or not 0 <= columns <= _MAX_DIM:
        raise _Layout(f"fastText {what} has shape {rows} x {columns}", cursor.position)
    cursor.skip(rows * columns * 4, f"{what} data")


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    start = handle.tell()
    cursor = _Cursor(handle, size, analysis)
    magic, version = cursor.unpack(_HEADER, "magic and version")
    if magic != MAGIC or version not in _VERSIONS:
        raise _Layout("not a fastText model of version 11 or 12", 0)
    arguments = cursor.unpack(_ARGUMENTS, "arguments")
    if not 0 < int(arguments[0]) <= _MAX_DIM:
        raise _Layout(f"fastText dimension {arguments[0]}", cursor.position)
    entries, words, labels, tokens, pruned = (int(value) for value in cursor.unpack(_DICTIONARY, "dictionary"))
    if words < 0 or labels < 0 or entries != words + labels or tokens < 0 or pruned < -1:
        raise _Layout("fastText dictionary counts do not add up", cursor.position)
    if entries * (1 + _ENTRY_TAIL.size) > size - cursor.position:
        raise _Layout(f"fastText dictionary of {entries} entries is more than the file holds", cursor.position)
    if entries > _MAX_ENTRIES:
        raise LimitExceeded(f"fastText dictionary declares {entries} entries, more than {_MAX_ENTRIES}")
    for index in range(entries):
        if not index & 0xFFF:
            analysis.check_time()
        cursor.word()
        _count, kind = cursor.unpack(_ENTRY_TAIL, "dictionary entry")
        if kind not in (0, 1):
            raise _Layout(f"fastText dictionary entry of type {kind}", cursor.position)
    cursor.skip(max(pruned, 0) * 8, "pruned index")
    _matrix(cursor, "input matrix")
    _matrix(cursor, "output matrix")  # after its own flag: quantized output only in a quantized model
    if cursor.position != size:
        # The loader stops here; bytes after the layout are read by no fastText code.
        raise _Layout(f"{size - cursor.position} bytes follow the fastText model's last field", cursor.position)
    handle.seek(start)
    if container_inside(handle, size):
        raise _Layout("an archive or HDF5 file stands inside the fastText model's data", None)


FASTTEXT = Format("fasttext", recognise, _read)  # tried by the walker, not in the table
