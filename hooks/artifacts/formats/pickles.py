"""Pickle data: every stream in it, and whatever follows the last STOP.

Recognised by a protocol 2-5 header (strong), or by a first byte that is any opcode (weak:
protocol 0/1 pickles are text, so plain text matches too and only counts if it really parses).
Loaders that read in a loop run every stream, so a second stream or data after STOP is a
finding; a pickle at offset 0 of a file that also ends like a zip is a polyglot. A first
stream holding torch's legacy magic number hands over to `torch_legacy`.
"""

from __future__ import annotations

from typing import BinaryIO

from hooks._core.findings import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.formats import torch_legacy
from hooks.artifacts.inert import TEXT_FIXTURE_LIMIT, is_printable_text
from hooks.artifacts.opcodes import OPCODES
from hooks.artifacts.pickle_vm import NotAPickle, PickleMachine
from hooks.artifacts.reader import ByteReader
from hooks.artifacts.source import Format, Source, Walk
from hooks.artifacts.zipreader import find_eocd


def _has_pickle_header(head: bytes) -> bool:
    return len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5


def _starts_with_opcode(head: bytes) -> bool:
    return bool(head) and head[0] in OPCODES


def _read_pickle(source: Source, walk: Walk) -> None:
    _read(source, walk, sniffing=False)


def _read_maybe_pickle(source: Source, walk: Walk) -> None:
    _read(source, walk, sniffing=not source.strict)


PICKLE = Format("pickle", _has_pickle_header, _read_pickle)
MAYBE_PICKLE = Format("maybe-pickle", _starts_with_opcode, _read_maybe_pickle, weak=True)


ANY_PICKLE_LOADER = "pickle.load, joblib, pandas or torch.load"


def _read(source: Source, walk: Walk, *, sniffing: bool) -> None:
    read_streams(
        walk,
        walk.byte_reader(source),
        source.label or "pickle",
        depth=source.depth,
        sniffing=sniffing,
        whole_file=source.handle if (source.seekable and source.depth == 0) else None,
        file_size=source.size,
        reached_by=source.loader or ANY_PICKLE_LOADER,
    )


def read_streams(
    walk: Walk,
    reader: ByteReader,
    label: str,
    *,
    depth: int,
    sniffing: bool = False,
    whole_file: BinaryIO | None = None,
    file_size: int | None = None,
    after_stop: bool = False,
    reached_by: str = "",
) -> None:
    """Every stream in the data, then whatever follows the last STOP.

    `sniffing`: the data may be text that merely starts like a pickle (NotAPickle then).
    `after_stop` continues behind data that already ended (torch legacy storages): what
    follows is judged as a further stream or as trailing data.
    """
    analysis = walk.analysis
    stream = 2 if after_stop else 1
    while True:
        start = reader.tell()
        mark = analysis.mark()
        first = stream == 1
        stream_label = label if first else f"{label} stream {stream}"
        machine = walk.machine(
            reader, stream_label, sniffing=sniffing or not first, depth=depth, container=label, reached_by=reached_by
        )
        try:
            result = machine.run()
            if machine.sniffed_text_global and not machine.executes:
                raise NotAPickle("text, not a global reference")  # referenced, never called
        except NotAPickle:
            analysis.rollback(mark)
            if first:
                raise
            _trailing(walk, reader, label, start, whole_file, file_size, depth)
            return
        except AnalysisError as exc:
            if (sniffing or not first) and not machine.executes:
                analysis.rollback(mark)
                if first:
                    raise NotAPickle(exc.reason, exc.offset) from None
                _trailing(walk, reader, label, start, whole_file, file_size, depth)
                return
            offset = exc.offset if exc.offset is not None else reader.tell()
            if first and depth == 0 and _loader_fails_first(machine, exc, reader, whole_file, file_size):
                # Every loader stops at the same byte, having only pushed constants: the file is
                # broken or not a pickle, and loading it raises before anything is imported.
                analysis.add(
                    rules.ARTIFACT_UNPARSEABLE,
                    where(stream_label, offset),
                    f"pickle stream breaks: {exc.reason}, before any opcode that imports, calls or builds an "
                    f"object ({reached_by or ANY_PICKLE_LOADER} raises there without running anything)",
                    f"{stream_label}|broken",
                    severity=Severity.LOW,
                )
                return
            analysis.add(
                rules.ARTIFACT_UNPARSEABLE,
                where(stream_label, offset),
                f"pickle stream breaks: {exc.reason}",
                f"{stream_label}|broken",
            )
            return
        if first and sniffing and result.globals_seen == 0:
            raise NotAPickle("data-only text")  # harmless even if it were loaded
        if not first:
            # Analysed like the first: a clean one (a header, then the data) is worth knowing, not
            # blocking; one with findings blocks through them.
            clean = not analysis.found_since(mark)
            analysis.add(
                rules.DATA_AFTER_PICKLE,
                where(label, start),
                f"a second pickle stream (#{stream}) follows the first; loaders that read in a loop run it"
                + (" (it was analysed and is clean)" if clean else ""),
                f"{label}|stream{stream}",
                severity=Severity.LOW if clean else None,
            )
        if first and result.value == torch_legacy.MAGIC:
            torch_legacy.read_storages(walk, reader, label, depth=depth)
            if not reader.at_end():
                read_streams(walk, reader, label, depth=depth, after_stop=True, reached_by=reached_by)
            return
        if reader.at_end():
            return
        stream += 1
        if stream > analysis.limits.max_streams:
            raise LimitExceeded(f"more than {analysis.limits.max_streams} pickle streams")
        if not _starts_like_pickle(reader):
            _trailing(walk, reader, label, reader.tell(), whole_file, file_size, depth)
            return


def _loader_fails_first(
    machine: PickleMachine,
    exc: AnalysisError,
    reader: ByteReader,
    whole_file: BinaryIO | None,
    file_size: int | None,
) -> bool:
    """Whether every loader fails where this file's pickle broke, before it imported or called
    anything. Kept to what can be shown from the bytes alone:
    - no acting opcode completed, and the break is not inside one (unless it is one taking
      operands the stack does not hold, which unpicklers check before importing; not INST);
    - the break is one the unpicklers share (an unknown opcode, data that ends, a stack or memo
      they cannot read, a literal neither parses; the VM reads literals as the more lenient C
      unpickler does), not a cap of this analysis (a long line, which a loader reads on);
    - the bytes were read straight from a plain file, not through a decompressor;
    - and the whole file is short printable text (a broken test fixture, a note named like a
      model): every container a loader might find instead (zip, HDF5, gzip, xz, lzma, zstd)
      needs bytes that text has not, none of joblib's compressor prefixes starts it, and it is
      not a tar header as tarfile reads one."""
    if not machine.stopped_before_acting(exc) or reader.size is None:
        return False
    if whole_file is None or file_size is None or file_size > TEXT_FIXTURE_LIMIT:
        return False
    position = whole_file.tell()
    try:
        whole_file.seek(0)
        data = whole_file.read(TEXT_FIXTURE_LIMIT + 1)
    finally:
        whole_file.seek(position)
    return is_printable_text(data, file_size)


def _starts_like_pickle(reader: ByteReader) -> bool:
    head = reader.peek(1)
    return bool(head) and head[0] in OPCODES


def _trailing(
    walk: Walk,
    reader: ByteReader,
    label: str,
    start: int,
    whole_file: BinaryIO | None,
    file_size: int | None,
    depth: int,
) -> None:
    if whole_file is not None and file_size is not None and find_eocd(whole_file, file_size) is not None:
        walk.analysis.add(
            rules.PICKLE_ZIP_POLYGLOT,
            where(label, start),
            "polyglot: a pickle at offset 0 (what torch.load and pickle run) and a zip archive (what zip-based "
            "scanners read) in one file",
            f"{label}|polyglot",
        )
        whole_file.seek(0)
        walk.read_as("zip", Source(whole_file, file_size, "", "", depth + 1, seekable=True))
        return
    trailing_data(walk.analysis, reader, label, start)


def trailing_data(analysis: Analysis, reader: ByteReader, label: str, start: int) -> None:
    """Report the bytes from `start` on, which follow a STOP and form no further stream."""
    remaining = reader.remaining()
    amount = f"{remaining + (reader.tell() - start)} bytes" if remaining is not None else "data"
    analysis.add(
        rules.DATA_AFTER_PICKLE,
        where(label, start),
        f"{amount} after the pickle's STOP opcode",
        f"{label}|trailing",
    )
