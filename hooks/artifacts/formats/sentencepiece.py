"""SentencePiece models (`tokenizer.model`, `spiece.model`, `sentencepiece.bpe.model`), checked whole.

Llama, T5, XLM-R, Mistral, Gemma and most multilingual models ship their tokenizer as a
SentencePiece `ModelProto` (src/sentencepiece_model.proto), a protobuf message with no magic:

- field 1, repeated `SentencePiece`: the vocabulary, each a message of `piece` (1, a string),
  `score` (2, a float) and `type` (3, an enum of 1 to 6);
- field 2 `TrainerSpec`, 3 `NormalizerSpec`, 4 `SelfTestData`, 5 the denormalizer's
  `NormalizerSpec`: settings, normalisation tables and sample strings.

Nothing in it names code: the C++ library parses it into a vocabulary, and every loader built on
it (sentencepiece, transformers' slow and fast tokenizers, tokenizers' converters) reads only
that. Its first byte (0x0a, field 1) is no pickle opcode, so pickle and the loaders built on it
raise at byte 0. A file is taken for one only when the whole of it is that message: every
top-level field one of the five, wire-valid to its last byte, at least one piece, each piece
only a string, a float and a known type; and no archive or HDF5 superblock inside. Having no
magic, it is not a row of the format table: the walker tries it on data named like an artifact
that no format with a signature takes, and anything else stays an unknown format (MLS902: fail
closed).
"""

from __future__ import annotations

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.protobuf import FIXED32, LENGTH, VARINT, ProtoReader, Span
from hooks.artifacts.inert import container_inside
from hooks.artifacts.source import Format, Source, Walk, seekable_data

_PIECES, _SETTINGS = 1, frozenset({2, 3, 4, 5})
_PIECE_TEXT, _PIECE_SCORE, _PIECE_TYPE = 1, 2, 3
_PIECE_TYPES = range(1, 7)  # NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE
_MAX_PIECE = 1024  # bytes of one piece's text; real pieces are a few characters


class _Layout(AnalysisError):
    """The data is not a whole SentencePiece model this reader can vouch for."""


def recognise(head: bytes) -> bool:
    """Field 1 (a piece) first, and inside it the piece's text as its first field."""
    if len(head) < 4 or head[0] != 0x0A:
        return False
    length = position = 0
    for shift, byte in enumerate(head[1:6]):
        length |= (byte & 0x7F) << (7 * shift)
        if not byte & 0x80:
            position = 2 + shift
            break
    else:
        return False
    return length >= 2 and position < len(head) and head[position] == 0x0A


def _piece(reader: ProtoReader, span: Span, at: int) -> None:
    seen: set[int] = set()
    for number, wire, value in reader.fields(span):
        if number in seen:
            raise _Layout("a SentencePiece piece repeats a field", at)
        seen.add(number)
        if number == _PIECE_TEXT and wire == LENGTH and isinstance(value, Span):
            if value.length > _MAX_PIECE:
                raise _Layout("a SentencePiece piece's text is longer than any vocabulary holds", at)
            try:
                reader.read(value, _MAX_PIECE).decode("utf-8")
            except UnicodeDecodeError:
                raise _Layout("a SentencePiece piece's text is not UTF-8", at) from None
        elif not (
            (number == _PIECE_SCORE and wire == FIXED32)
            or (number == _PIECE_TYPE and wire == VARINT and value in _PIECE_TYPES)
        ):
            raise _Layout(f"a SentencePiece piece holds field {number} (wire type {wire})", at)
    if _PIECE_TEXT not in seen:
        raise _Layout("a SentencePiece piece has no text", at)


def _settings(reader: ProtoReader, span: Span) -> None:
    """A settings message is walked whole (wire-valid to its end); its values are plain data."""
    for _number, _wire, value in reader.fields(span):
        if isinstance(value, Span) and value.end > span.end:
            raise _Layout("a SentencePiece settings field runs past its message", span.start)


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    start = handle.tell()
    reader = ProtoReader(handle, size, on_progress=analysis.check_time)
    pieces = 0
    for number, wire, value in reader.fields(reader.whole()):
        if wire != LENGTH or not isinstance(value, Span):
            raise _Layout(f"SentencePiece model field {number} has wire type {wire}", None)
        if number == _PIECES:
            pieces += 1
            _piece(reader, value, value.start)
        elif number in _SETTINGS:
            _settings(reader, value)
        else:
            raise _Layout(f"SentencePiece model holds field {number}, which the format does not have", value.start)
    if not pieces:
        raise _Layout("SentencePiece model has no pieces", None)
    handle.seek(start)
    if container_inside(handle, size):
        # zipfile, h5py, 7-Zip and unrar find their containers past a prefix whatever precedes
        # them: a piece's bytes could hold one, which this reader does not vouch for.
        raise _Layout("an archive or HDF5 file stands inside the SentencePiece model", None)


SENTENCEPIECE = Format("sentencepiece", recognise, _read)  # tried by the walker, not in the table
