"""Walk one file: recognise each piece of data by its bytes and read it with its format's reader.

Extensions lie, so content decides (through the table in `formats/table.py`); the name only
says whether data that is no known format must be reported (fail closed) or is simply not an
artifact. Containers hand what they hold back to `walk`, one level deeper, up to the depth
limit; the walker is the only thing that knows every format, and no reader imports it.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.formats.named import buffered_text
from hooks.artifacts.formats.table import BY_NAME, recognise, recognise_name
from hooks.artifacts.names import named_like_artifact
from hooks.artifacts.pickle_vm import PickleMachine
from hooks.artifacts.reader import ByteReader
from hooks.artifacts.source import HEAD, Format, Source, Walk, read_head
from hooks.artifacts.zipreader import find_eocd


class Walker(Walk):
    """Walks one file on behalf of one Analysis (findings, limits, deadline)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    def walk_file(self, handle: BinaryIO, size: int, name: str) -> None:
        source = Source(handle, size, name, "", 0, seekable=True, head=read_head(handle))
        if self.walk(source):
            return
        if find_eocd(handle, size) is not None:  # a zip behind a prefix that is no known format
            handle.seek(0)
            self._read(BY_NAME["zip"], source)

    def walk(self, source: Source) -> bool:
        """Analyse data whose kind its leading bytes tell; True if it was an artifact.

        Weak signatures (protocol-0 text, zlib, lzma, safetensors) only count when the name
        says artifact or the data really parses as one; otherwise the data is not an artifact.
        """
        fmt = recognise(source.head)
        named = recognise_name(source.name) if fmt is None or fmt.weak else None
        if named is not None:  # a text config: checked, then its bytes still go through the table
            text, source = buffered_text(source)
            if text is not None:
                named.read(text, source, self)
        artifact_name = named_like_artifact(source.name)
        if fmt is not None and (artifact_name or not fmt.weak):
            self._read(fmt, source.read_strictly(True))
            return True
        if fmt is not None:
            mark = self._analysis.mark()
            try:
                self._read(fmt, source.read_strictly(False))
            except (AnalysisError, LimitExceeded):
                self._analysis.rollback(mark)
                return False
            return self._analysis.found_since(mark)
        if artifact_name:
            self._analysis.add(
                rules.UNKNOWN_ARTIFACT_FORMAT,
                source.label or "file",
                f"named like a model artifact but holds no recognised format ({_hex(source.head)})",
                f"{source.label}|unrecognised",
            )
            return True
        return False

    def read_as(self, name: str, source: Source) -> None:
        self._read(BY_NAME[name], source.read_strictly(True))

    def recognise(self, head: bytes) -> str | None:
        fmt = recognise(head)
        return fmt.name if fmt is not None else None

    def byte_reader(self, source: Source) -> ByteReader:
        return ByteReader(source.handle, source.size if source.seekable else None, budget=self._analysis.stream_log)

    def machine(
        self, reader: ByteReader, label: str, *, depth: int, sniffing: bool = False, container: str | None = None
    ) -> PickleMachine:
        return PickleMachine(
            reader, self._analysis, label, sniffing=sniffing, depth=depth, on_nested=self._nested, container=container
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
        return self.walk(Source(handle, len(payload), "nested.pt", label, depth, seekable=True, head=payload[:HEAD]))


def _hex(head: bytes) -> str:
    return "starts " + (head[:8].hex(" ") if head else "empty")
