"""Walk one file: recognise each piece of data by its bytes and read it with its format's reader.

Extensions lie, so content decides (through the table in `formats/table.py`); the name only
says whether data that is no known format must be reported (fail closed) or is simply not an
artifact. Containers hand what they hold back to `walk`, one level deeper, up to the depth
limit; the walker is the only thing that knows every format, and no reader imports it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, where
from hooks.artifacts.dbm_shelve import IndexOverLimit, filled, shelve_records, uncovered, widest_per_offset
from hooks.artifacts.errors import AnalysisError, LimitExceeded, Truncated
from hooks.artifacts.formats import ctranslate2, fasttext, ggml_legacy, ggml_whisper, sentencepiece, word2vec
from hooks.artifacts.formats.named import MAX_TEXT, buffered_text
from hooks.artifacts.formats.table import BY_NAME, recognise_all, recognise_name
from hooks.artifacts.hnsw_index import chroma_segment_file, single_file_index
from hooks.artifacts.inert import (
    FILL_LIMIT,
    JOBLIB_PREFIXES,
    TEXT_FILE_LIMIT,
    another_reader_may_take,
    inert_kind,
    is_printable_text,
    loader_container_inside,
    one_byte_fill,
)
from hooks.artifacts.names import named_like_artifact
from hooks.artifacts.opcodes import OPCODES
from hooks.artifacts.openvino_ir import described_weights
from hooks.artifacts.pickle_vm import PickleMachine
from hooks.artifacts.reader import ByteReader
from hooks.artifacts.source import HEAD, Format, Source, Walk, read_head, seekable_data
from hooks.artifacts.streams import SubFile, buffered
from hooks.artifacts.zipreader import find_eocd

# Formats read only whole, tried on data named like an artifact that the table does not take.
_WHOLE_LAYOUTS = (
    ctranslate2.CTRANSLATE2,
    sentencepiece.SENTENCEPIECE,
    fasttext.FASTTEXT,
    word2vec.WORD2VEC,
    ggml_whisper.GGML_WHISPER,
    ggml_legacy.GGML_LEGACY,
)


class Walker(Walk):
    """Walks one file on behalf of one Analysis (findings, limits, deadline)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self._path: Path | None = None  # the file on disk, for the sidecar that may describe it

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    def walk_path(self, handle: BinaryIO, size: int, name: str, path: Path) -> None:
        """Walk a file on disk: like `walk_file`, and a file whose format only a sidecar tells
        (OpenVINO IR weights beside their XML) is read as that format."""
        self._path = path
        self.walk_file(handle, size, name)

    def walk_file(self, handle: BinaryIO, size: int, name: str) -> None:
        source = Source(handle, size, name, "", 0, seekable=True, head=read_head(handle))
        formats = recognise_all(source.head)
        records = self._shelve_records(size)
        if records is not None:
            self._read_shelve(source, records)
            handle.seek(0)
        if records is not None and (not formats or formats[0].name in _PICKLE_FORMATS):
            settled, found, read_as_format = None, True, False  # byte 0 was read as pickle.load reads it
        else:
            # Not a shelve, or one whose bytes another loader reads as a format of its own first
            # (joblib.load decompresses a gzip or zlib data file, zipfile finds a zip)
            settled = self._settled_before_reading(source, formats, whole_file=True)
            found = self._walk_formats(source, formats) if settled is None else settled
            read_as_format = bool(formats) and formats[0].name in _READS_TRAILING_ZIP and settled is None
        if find_eocd(handle, size) is None:
            return
        if read_as_format or self._analysis.has_rule(rules.PICKLE_ZIP_POLYGLOT):
            return  # the zip was read already: as the file, as a member, or after the pickle's STOP
        handle.seek(0)
        if not found or settled is not None:
            # A zip behind a prefix that is no known format, or behind bytes no loader reads as
            # anything else: the zip is what loaders read, so a zip it cannot be read as fails closed.
            self._read(BY_NAME["zip"], source)
        else:  # zipfile (Keras, skops, pandas' zip) finds the archive from its end whatever precedes it
            self._tentatively(BY_NAME["zip"], Source(
                handle, size, name, "file as a zip from its end record", 0, seekable=True, head=source.head,
                loader="zipfile, which finds the archive from its end record",
            ))  # fmt: skip
        handle.seek(0)

    def walk(self, source: Source) -> bool:
        """Analyse data whose kind its leading bytes tell; True if it was an artifact.

        Weak signatures (protocol-0 text, zlib, lzma, safetensors) only count when the name
        says artifact or the data really parses as one; otherwise the data is not an artifact.
        Every loader that would read the data is considered, not only the first format that
        recognises it: data whose first byte is an opcode is also a pickle from byte 0, and
        data that more formats recognise (a tar header behind a zip's magic) is read as each.
        """
        formats = recognise_all(source.head)
        settled = self._settled_before_reading(source, formats, whole_file=False)
        return self._walk_formats(source, formats) if settled is None else settled

    def _settled_before_reading(self, source: Source, formats: list[Format], *, whole_file: bool) -> bool | None:
        """For data that only starts like a pickle and that no pickle loader reads past its first
        bytes, whether it was an artifact; None for data read by its formats. Such data was never
        read as a pickle, so a zip at its end (which zipfile finds from its end record) is still
        to be read."""
        if (
            [fmt.name for fmt in formats] == ["maybe-pickle"]
            and named_like_artifact(source.name)
            and self._breaks_at_first_opcode(source.head)
            and self._whole_layout(source)
        ):
            return True  # pickle loaders raise at byte 0; a layout that names no code, read whole
        if (
            [fmt.name for fmt in formats] == ["maybe-pickle"]
            and named_like_artifact(source.name)
            and self._hnsw_index(source)
            and self._pickle_stops_before_acting(source)
        ):
            # Chroma's `length.bin` holds words it never set, which may start like a pickle: one
            # that breaks before any opcode imports, calls or builds is an index, nothing more.
            return True
        if whole_file and [fmt.name for fmt in formats] == ["maybe-pickle"] and _extension_then_no_opcode(source.head):
            # Bytes that only start like a pickle (a bincode length, a checkpoint index's first
            # varint): pickle.load raises at the byte after the EXT, so no loader reads them. Only
            # a file on disk: walk_file then reads a zip at its end (zipfile finds it from there).
            # An archive's member, whose end nothing reads, is read as a pickle as before: its
            # extension code is reported, and blocks whatever the policy does with MLS902.
            if named_like_artifact(source.name):
                self._unrecognised(source)
            return named_like_artifact(source.name)
        return None

    def _walk_formats(self, source: Source, formats: list[Format]) -> bool:
        fmt = formats[0] if formats else None
        named = recognise_name(source.name) if fmt is None or fmt.weak else None
        if named is not None:  # a text config: checked, then its bytes still go through the table
            text, source, prefix = buffered_text(source)
            if text is not None:
                named.read(text, source, self)
            elif named.must_read(prefix, source):
                # Fail closed: a config this long is not read, and it holds what the format judges.
                self._analysis.add(
                    rules.ARTIFACT_UNPARSEABLE,
                    source.label or "file",
                    f"a {named.name} config over {MAX_TEXT >> 20} MiB is not read: what it makes loaders do is unknown",
                    f"{source.label}|{named.name}|too-long",
                )
        artifact_name = named_like_artifact(source.name)
        if fmt is None:
            if artifact_name and not source.head:
                # Zero bytes are fully read: every loader fails on them before running anything
                # (EOFError, "not a zip file"). A placeholder or a test fixture, not a risk.
                self._analysis.add(
                    rules.UNKNOWN_ARTIFACT_FORMAT,
                    source.label or "file",
                    "named like a model artifact but empty: nothing for a loader to run",
                    f"{source.label}|empty",
                    severity=Severity.LOW,
                )
                return True
            fill = None
            if artifact_name and source.head.count(source.head[:1]) == len(source.head):
                if not (source.seekable and source.size is not None):
                    # A stream is read once: it is held in memory so that the checks after this
                    # one read the same data (a stream read here and not kept would look empty).
                    try:
                        handle, size = seekable_data(source, self._analysis.limits.max_member_in_memory)
                    except LimitExceeded:
                        self._unrecognised(source)  # past the cap and no longer readable: fail closed
                        return True
                    source = source.held(handle, size)
                fill = self._one_byte_fill(source)
            if fill is not None:
                self._analysis.add(
                    rules.UNKNOWN_ARTIFACT_FORMAT,
                    source.label or "file",
                    f"named like a model artifact but holds one byte value ({fill:02x}) repeated, read to"
                    " its end: a placeholder or a truncated write, with no format in it and nothing a"
                    " loader can run",
                    f"{source.label}|fill",
                    severity=Severity.LOW,
                )
                return True
            if artifact_name and self._whole_layout(source):
                return True  # read whole, a layout that names no code
            inert = inert_kind(source.head) if artifact_name else None
            if inert is not None and self._no_other_reader(source):
                self._analysis.add(
                    rules.UNKNOWN_ARTIFACT_FORMAT,
                    source.label or "file",
                    f"named like a model artifact but holds {inert}, which no model loader reads: pickle"
                    " and the loaders built on it raise at its first byte, which is no opcode",
                    f"{source.label}|inert",
                    severity=Severity.LOW,
                )
                return True
            if artifact_name and self._ir_weights(source):
                return True  # raw tensors at the ranges their XML names: no code, nothing else to read
            if artifact_name and self._hnsw_index(source):
                return True  # an hnswlib index: counts, links and vectors, read back as arrays
            if artifact_name and self._printable_text(source):
                self._analysis.add(
                    rules.UNKNOWN_ARTIFACT_FORMAT,
                    source.label or "file",
                    "named like a model artifact but holds printable text, which no model loader reads:"
                    " pickle and the loaders built on it raise at its first byte, which is no opcode",
                    f"{source.label}|text",
                    severity=Severity.LOW,
                )
                return True
            if artifact_name:
                self._unrecognised(source)
                return True
            return False
        others = [other for other in formats[1:] if other.name not in _PICKLE_FORMATS]
        from_byte_zero = fmt.name not in _PICKLE_FORMATS and source.head[:1] and source.head[0] in OPCODES
        if from_byte_zero or others:
            # pickle.load, joblib, pandas and torch's legacy path start at byte 0 whatever the
            # magic: data whose first byte is an opcode is read as a pickle too (polyglots).
            # Data inside a stream is held in memory for that, up to the member cap.
            if not source.seekable or source.size is None:
                if not others and not self._may_be_longer_pickle(source.head):
                    return self._walk_known(fmt, source, artifact_name)
                handle, size = seekable_data(source, self._analysis.limits.max_member_in_memory)
                source = source.held(handle, size)
            if from_byte_zero:
                self._pickle_from_byte_zero(source)
            found = False
            for other in others:
                start = source.handle.tell()
                found = self._tentatively(other, source.read_strictly(False)) or found
                source.handle.seek(start)
            return self._walk_known(fmt, source, artifact_name) or found
        return self._walk_known(fmt, source, artifact_name)

    def _whole_layout(self, source: Source) -> bool:
        """Whether the data is wholly one of the formats without a signature in the table."""
        return any(layout.recognise(source.head) and self._whole(layout, source) for layout in _WHOLE_LAYOUTS)

    def _whole(self, layout: Format, source: Source) -> bool:
        """Whether data named like an artifact, in no format with a signature, is wholly in a
        layout without magic (a CTranslate2 model, a SentencePiece tokenizer), so tried here rather
        than in the table: data that only starts like one stays an unknown format, as before."""
        try:
            handle, size = seekable_data(source, self._analysis.limits.max_member_in_memory)
        except LimitExceeded:
            return False
        start = handle.tell()
        mark = self._analysis.mark()
        try:
            self._read(layout, source.held(handle, size))
        except AnalysisError:
            self._analysis.rollback(mark)
            handle.seek(start)
            return False
        return True

    def _shelve_records(self, size: int) -> list[tuple[int, int]] | None:
        """The records of a shelve's data file on disk, as the `.dir` index beside it names them
        (dbm_shelve), whatever its first byte: dbm.dumb reads only at the offsets named."""
        if self._path is None:
            return None
        try:
            return shelve_records(self._path, size)
        except IndexOverLimit as exc:
            raise LimitExceeded(str(exc)) from None

    def _read_shelve(self, source: Source, records: list[tuple[int, int]]) -> None:
        """Each record as the one pickle `shelve` unpickles from it (findings of the same globals
        in many records are one finding), then the bytes between records that are not padding."""
        handle = source.handle
        mark = self._analysis.mark()
        widest = widest_per_offset(records)
        for offset, length in widest:
            self._analysis.check_time()
            record = buffered(SubFile(handle, offset, length))
            self._read(BY_NAME["pickle"], Source(
                record, length, source.name, "shelve record", 0, seekable=True, head=read_head(record),
                loader="shelve (dbm.dumb), at the offset its .dir index names",
            ))  # fmt: skip
        if records[0][0]:
            self._stale_value_at_zero(source, records[0][0])
        starts = {offset for offset, _ in records}
        for offset, length in widest:
            if self._loop_may_go_on(source, offset, length, starts):
                self._loop_past_record(source, offset, starts)
        self._analysis.fold_since(
            mark, rules.GLOBAL_OUTSIDE_ALLOWLIST, "records of this shelve hold other globals not on the allowlist"
        )
        stale = sum(filled(handle, offset, length)[0] for offset, length in uncovered(records, source.size or 0))
        handle.seek(0)
        if stale:
            self._analysis.add(
                rules.DATA_AFTER_PICKLE,
                "file",
                f"{stale} bytes between the records of a shelve (dbm.dumb) that its .dir index does not name:"
                " old values written over, which dbm.dumb never reads",
                "shelve|stale",
                severity=Severity.LOW,
            )

    def _loop_may_go_on(self, source: Source, offset: int, length: int, starts: set[int]) -> bool:
        """Whether a loop of pickle.load may read past this record: the byte after it is no NUL
        padding, end of file or another record's start, or its pickle is not one frame ending
        with the record (what the Pickler writes for a value under 64 KiB): the pure-Python
        unpickler goes on at a frame's end."""
        handle = source.handle
        end = offset + length
        handle.seek(end)
        after = handle.read(1)
        if after and after != b"\0" and end not in starts:
            return True
        handle.seek(offset)
        head = handle.read(11)
        if len(head) < 11 or head[0] != 0x80 or head[2] != 0x95:
            return True  # no leading frame: a FRAME may still stand anywhere in the stream
        return 11 + int.from_bytes(head[3:11], "little") != length

    def _loop_past_record(self, source: Source, record: int, starts: set[int]) -> None:
        """What a loop of pickle.load over the data file reads after a record's stream: it goes on
        stream after stream as long as each starts with an opcode, from the STOP (C unpickler) or
        from the end of the stream's last FRAME (the pure-Python one). The record's own stream was
        read already (its findings here are dropped); the others are read, and reported with one
        finding that a loop reaches them. A stream at another record's start is that record's."""
        size = source.size or 0
        mark = self._analysis.mark()
        pending = [record]
        seen: set[int] = set()
        limit = self._analysis.limits.max_streams
        while pending and len(seen) <= limit:
            start = pending.pop()
            if start in seen or start >= size or (start != record and start in starts):
                continue
            seen.add(start)
            self._analysis.check_time()
            handle = source.handle
            handle.seek(start)
            head = handle.read(1)
            if not head or head[0] not in OPCODES:
                continue  # NUL padding or no opcode: the loop raises there, having run nothing
            stream = buffered(SubFile(handle, start, size - start))
            reader = ByteReader(stream, size - start, budget=self._analysis.stream_log)
            label = f"stream after a shelve record {start:#x}"
            machine = self.machine(reader, label, depth=0, sniffing=True, reached_by="a loop of pickle.load")
            stream_mark = self._analysis.mark()
            try:
                machine.run()
            except AnalysisError:
                if start == record or not machine.executes:
                    self._analysis.rollback(stream_mark)  # no stream: the loop raises, having run nothing
                continue
            if start == record:
                self._analysis.rollback(stream_mark)  # the record itself, read as the record already
            pending.append(start + reader.tell())
            if machine.frame_end is not None and machine.frame_end > reader.tell():
                pending.append(start + machine.frame_end)
        if pending and len(seen) > limit:
            raise LimitExceeded(f"more than {limit} pickle streams after a shelve record")
        if self._analysis.found_since(mark):
            self._analysis.add(
                rules.DATA_AFTER_PICKLE,
                where("file", record),
                "pickle streams follow a shelve record: a loop of pickle.load over the data file reads them"
                " (from the record's STOP or the end of its frame), though dbm.dumb never does",
                f"shelve|after|{record}",
            )

    def _stale_value_at_zero(self, source: Source, first_record: int) -> None:
        """A shelve whose first key was written over keeps the old value at byte 0, where
        pickle.load on the data file starts: read as that one pickle, up to its NUL padding."""
        handle = source.handle
        _, end = filled(handle, 0, first_record)
        if not end:
            return
        handle.seek(0)
        value = buffered(SubFile(handle, 0, end))
        mark = self._analysis.mark()
        try:
            self._read(BY_NAME["maybe-pickle"], Source(
                value, end, source.name, "file as a pickle from byte 0", 0, seekable=True, head=read_head(value),
                strict=False, loader="pickle.load on the data file",
            ))  # fmt: skip
        except AnalysisError:
            self._analysis.rollback(mark)  # no pickle there: pickle.load raises before running anything

    def _ir_weights(self, source: Source) -> bool:
        """Whether the file itself (not a member) is OpenVINO IR weights that the XML beside it
        describes, with no container a model loader finds past byte 0 standing in it (OpenVINO
        reads the ranges the XML names; an archiver is no loader, so the whole-file 7z/RAR search
        is not paid for weights of gigabytes)."""
        if self._path is None or source.depth or source.label or source.size is None or not source.seekable:
            return False
        if source.head.startswith(JOBLIB_PREFIXES) or not described_weights(self._path, source.size):
            return False  # joblib.load sniffs these and reads on: not only OpenVINO's raw ranges
        start = source.handle.tell()
        try:
            return not loader_container_inside(source.handle, source.size)
        finally:
            source.handle.seek(start)

    def _hnsw_index(self, source: Source) -> bool:
        """Whether the data is wholly an hnswlib index (`saveIndex`'s file), or the file on disk is
        one file of a Chroma segment its `header.bin` describes, with no container a model loader
        finds past byte 0 standing in it."""
        if not source.seekable or source.size is None:
            return False
        path = self._path if not source.depth and not source.label else None
        segment = path is not None and chroma_segment_file(path, source.size)
        if not segment and not single_file_index(source.handle, source.size):
            return False
        start = source.handle.tell()
        try:
            return not loader_container_inside(source.handle, source.size)
        finally:
            source.handle.seek(start)

    def _printable_text(self, source: Source) -> bool:
        """Whether the data is printable text whose first byte is no pickle opcode (so the
        pickle-based loaders raise at once, having run nothing, and no container fits in text)."""
        if not source.head or source.head[0] in OPCODES:
            return False
        if source.size is not None and source.size > TEXT_FILE_LIMIT:
            return False
        try:  # a member inside a compressed stream is read into memory, up to the text's limit
            handle, size = seekable_data(source, TEXT_FILE_LIMIT)
        except LimitExceeded:
            return False
        start = handle.tell()
        try:
            return is_printable_text(handle.read(TEXT_FILE_LIMIT + 1), size, TEXT_FILE_LIMIT)
        finally:
            handle.seek(start)

    def _unrecognised(self, source: Source) -> None:
        """Data named like an artifact in no format the hook knows: it fails closed."""
        self._analysis.add(
            rules.UNKNOWN_ARTIFACT_FORMAT,
            source.label or "file",
            f"named like a model artifact but holds no recognised format ({_hex(source.head)})",
            f"{source.label}|unrecognised",
        )

    @staticmethod
    def _one_byte_fill(source: Source) -> int | None:
        """The byte value the whole (seekable) data repeats, if it is one: read to its end, up to
        FILL_LIMIT, and the handle put back where the data starts."""
        if not source.head or source.size is None or source.size > FILL_LIMIT:
            return None
        start = source.handle.tell()
        try:
            return one_byte_fill(source.handle, source.size)
        finally:
            source.handle.seek(start)

    def _no_other_reader(self, source: Source) -> bool:
        """No reader that starts past byte 0 (zip, HDF5, protobuf, flatbuffer) could take the data."""
        try:
            handle, size = seekable_data(source, self._analysis.limits.max_member_in_memory)
        except LimitExceeded:
            return False
        start = handle.tell()
        try:
            return not another_reader_may_take(handle, size)
        finally:
            handle.seek(start)

    def _walk_known(self, fmt: Format, source: Source, artifact_name: bool) -> bool:
        """Read data of a recognised format: strictly when its magic is strong or its name says
        artifact, else tentatively (it counts only if it parses and finds something)."""
        if artifact_name or not fmt.weak:
            self._read(fmt, source.read_strictly(True))
            return True
        return self._tentatively(fmt, source.read_strictly(False))

    def _tentatively(self, fmt: Format, source: Source) -> bool:
        """Read data as `fmt` keeping the findings only if it parses and finds something."""
        mark = self._analysis.mark()
        try:
            self._read(fmt, source)
        except LimitExceeded:
            # A limit (time, memo entries, opcodes, a line past the sniff's) stopped the reading of
            # data that parsed so far: a loader has no such limit and reads on, so what was seen
            # is kept and the file is reported as not fully analysed, never cleared as text.
            raise
        except AnalysisError:
            self._analysis.rollback(mark)
            return False
        return self._analysis.found_since(mark)

    def _probe(self, head: bytes, *, sniffing: bool) -> tuple[Analysis, PickleMachine]:
        """A pickle machine over these leading bytes, on a scratch analysis of this one's policy."""
        probe = Analysis(self._analysis.policy, self._analysis.limits)
        return probe, PickleMachine(ByteReader(io.BytesIO(head), len(head)), probe, "probe", sniffing=sniffing)

    def _breaks_at_first_opcode(self, head: bytes) -> bool:
        """Whether a pickle read from byte 0 breaks at its very first opcode (POP_MARK, LIST or DUP
        on an empty stack: a word2vec header's digit, legacy GGML's `lmgg`) having found nothing,
        so pickle.load and every loader built on it raise before doing anything. Probed on a
        scratch analysis; running out of data instead is no such proof."""
        probe, machine = self._probe(head, sniffing=False)
        try:
            machine.run()
        except Truncated:
            return False
        except AnalysisError as error:
            return error.offset == 0 and not probe.issues
        except LimitExceeded:
            return False
        return False

    def _pickle_stops_before_acting(self, source: Source) -> bool:
        """Whether the whole (seekable) data, read as a pickle from byte 0, breaks before any
        opcode that imports, calls or builds an object, having found nothing (every unpickler
        raises there having run nothing). A pickle that ends well, or acts first, is not this.
        Probed on a scratch analysis; the handle is put back."""
        if not source.seekable or source.size is None:
            return False
        start = source.handle.tell()
        probe = Analysis(self._analysis.policy, self._analysis.limits)
        machine = PickleMachine(ByteReader(source.handle, source.size), probe, "probe", sniffing=False)
        try:
            machine.run()
        except AnalysisError as error:
            return machine.stopped_before_acting(error) and not probe.issues
        except LimitExceeded:
            return False
        finally:
            source.handle.seek(start)
        return False

    def _may_be_longer_pickle(self, head: bytes) -> bool:
        """Whether a pickle read from byte 0 could go past these leading bytes: it runs out of
        data (or ends) inside them rather than breaking. Probed on a scratch analysis."""
        _, machine = self._probe(head, sniffing=True)
        try:
            machine.run()
        except Truncated:
            return True
        except (AnalysisError, LimitExceeded):
            return False
        return True

    def _pickle_from_byte_zero(self, source: Source) -> None:
        """Read seekable data as a pickle from its first byte, keeping what that finds.

        Most other formats' magics are not valid pickles (the reading stops at once, nothing
        kept); one that is (GGUF's `G` is BINFLOAT, a tar name field can be protocol-0 text)
        runs whatever follows for pickle.load, so its findings are the file's findings.
        """
        if not source.seekable or source.size is None:
            return
        if source.head.startswith(b"P"):
            # PERSID first (every zip starts `PK`): pickle.load, joblib and pandas have no
            # persistent_load and refuse it; torch's legacy loader takes only BINPERSID tuples
            # and asserts so. No loader gets past byte 0, so nothing after it can run.
            return
        handle = source.handle
        start = handle.tell()
        mark = self._analysis.mark()
        try:
            self._read(BY_NAME["maybe-pickle"], Source(
                handle, source.size, source.name, f"{source.label or 'file'} as a pickle from byte 0",
                source.depth, seekable=True, head=source.head, strict=False,
                loader="pickle.load, from byte 0 whatever the magic",
            ))  # fmt: skip
        except (AnalysisError, LimitExceeded):
            self._analysis.rollback(mark)
        else:
            if not self._analysis.found_since(mark):
                self._analysis.rollback(mark)
        handle.seek(start)

    def read_as(self, name: str, source: Source) -> None:
        self._read(BY_NAME[name], source.read_strictly(True))

    def recognise(self, head: bytes) -> str | None:
        formats = recognise_all(head)
        return formats[0].name if formats else None

    def announces_format(self, head: bytes) -> bool:
        return any(not fmt.weak for fmt in recognise_all(head))

    def byte_reader(self, source: Source) -> ByteReader:
        return ByteReader(source.handle, source.size if source.seekable else None, budget=self._analysis.stream_log)

    def machine(
        self,
        reader: ByteReader,
        label: str,
        *,
        depth: int,
        sniffing: bool = False,
        container: str | None = None,
        reached_by: str = "",
    ) -> PickleMachine:
        return PickleMachine(
            reader,
            self._analysis,
            label,
            sniffing=sniffing,
            depth=depth,
            on_nested=self._nested,
            container=container,
            reached_by=reached_by,
        )

    def _read(self, fmt: Format, source: Source) -> None:
        limits = self._analysis.limits
        if source.depth > limits.max_depth:
            raise LimitExceeded(f"containers nested deeper than {limits.max_depth} levels")
        self._analysis.check_time()
        fmt.read(source, self)

    def _nested(self, payload: bytes, label: str, depth: int) -> bool:
        """Bytes a pickle passes to a loader (`pickle.loads(b"...")`): an artifact of their own."""
        handle = io.BytesIO(payload)
        nested = Source(
            handle, len(payload), "nested.pt", label, depth, seekable=True, head=payload[:HEAD],
            loader="the loader the outer pickle calls on these bytes",
        )  # fmt: skip
        return self.walk(nested)


_PICKLE_FORMATS = frozenset({"pickle", "maybe-pickle"})
# copyreg's extension opcodes (EXT1, EXT2, EXT4) and the width of their code. No pickler writes one
# first: protocols 2 and later open with PROTO, and protocols 0 and 1 have no EXT.
_EXTENSION_WIDTHS = {0x82: 1, 0x83: 2, 0x84: 4}


def _extension_then_no_opcode(head: bytes) -> bool:
    """Whether the data opens with an EXT opcode whose next byte is no opcode at all: pickle.load
    looks the code up in copyreg's registry (which holds nothing unless the loading process
    registered it) and raises at that byte, so nothing is built or called."""
    width = _EXTENSION_WIDTHS.get(head[0]) if head else None
    return width is not None and len(head) > width + 1 and head[width + 1] not in OPCODES


# Formats whose reading already reaches a zip at the end of the data (its own members, a pickle's
# trailing data or nested loads): a second reading from the end record would only repeat them.
_READS_TRAILING_ZIP = frozenset({"zip", "tar", "7z", *_PICKLE_FORMATS})


def _hex(head: bytes) -> str:
    return "starts " + (head[:8].hex(" ") if head else "empty")
