"""The protocol between the walker and the format readers.

A format reader gets one Source (the data and where it sits) and the Walk it is part of
(analysis state, limits, deadline, and the way back into the walk for whatever it finds
inside). Readers never import the walker or each other's dispatch: nested data goes back
through `walk.walk(...)`, so the table of formats is the only place that lists them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import LimitExceeded
from hooks.artifacts.pickle_vm import PickleMachine
from hooks.artifacts.reader import ByteReader

HEAD = 512  # leading bytes a format is recognised by


class Source:
    """One piece of data to analyse: a file, a container member or a decompressed stream.

    (A plain class rather than a dataclass: a hook imports this on every commit.)
    """

    __slots__ = ("depth", "handle", "head", "label", "loader", "name", "seekable", "size", "strict")

    def __init__(
        self,
        handle: BinaryIO,
        size: int | None,
        name: str,
        label: str,
        depth: int,
        *,
        seekable: bool,
        head: bytes = b"",
        strict: bool = True,
        loader: str = "",
    ) -> None:
        self.handle = handle  # positioned at the data's first byte
        self.size = size  # bytes available, when known
        self.name = name  # a file or member name: decides whether an unknown format is reported
        self.label = label  # where it sits, outermost container first ("a.zip>b.tar>m.pkl"); "" for the file
        self.depth = depth  # containers around it
        self.seekable = seekable  # `handle` seeks within the data (files, stored members), unlike a stream
        self.head = head  # its first HEAD bytes (fewer if it is shorter), already read
        self.strict = strict  # a parse failure is a finding (strong magic or artifact name), else "not this format"
        self.loader = loader  # the loader that would unpickle this data, for messages ("" = any pickle loader)

    def inside(
        self,
        handle: BinaryIO,
        size: int | None,
        name: str,
        label: str,
        *,
        seekable: bool,
        head: bytes,
        loader: str | None = None,
    ) -> Source:
        """Data found inside this one (a member, the decompressed content): one level deeper.
        `loader` names what would unpickle it, when the container says (else this one's)."""
        return Source(
            handle, size, name, label, self.depth + 1, seekable=seekable, head=head,
            loader=self.loader if loader is None else loader,
        )  # fmt: skip

    def held(self, handle: BinaryIO, size: int) -> Source:
        """The same data as held in memory (`seekable_data`'s copy of a stream): seekable, read
        strictly."""
        return Source(
            handle, size, self.name, self.label, self.depth, seekable=True, head=self.head, loader=self.loader
        )

    def read_strictly(self, strict: bool) -> Source:
        """The same data, read with or without failing closed."""
        return Source(
            self.handle,
            self.size,
            self.name,
            self.label,
            self.depth,
            seekable=self.seekable,
            head=self.head,
            strict=strict,
            loader=self.loader,
        )


def peek_head(stream: io.BufferedReader) -> bytes:
    return stream.peek(HEAD)[:HEAD]


def read_head(handle: BinaryIO) -> bytes:
    """The first bytes of a seekable handle, which is left at its start."""
    head = handle.read(HEAD)
    handle.seek(0)
    return head


def seekable_data(source: Source, cap: int) -> tuple[BinaryIO, int]:
    """A seekable handle and size for `source`; data inside a stream is read into memory, up to `cap`."""
    if source.seekable and source.size is not None:
        return source.handle, source.size
    data = source.handle.read(cap + 1)
    if len(data) > cap:
        raise LimitExceeded(f"{source.label or 'nested archive'} is larger than {cap} bytes inside a compressed stream")
    return io.BytesIO(data), len(data)


class Walk:
    """What a format reader may ask of the walk it is part of (the walker implements it)."""

    @property
    def analysis(self) -> Analysis:
        raise NotImplementedError

    def walk(self, source: Source) -> bool:
        """Recognise `source` by its head and read it; True if it was an artifact."""
        raise NotImplementedError

    def read_as(self, name: str, source: Source) -> None:
        """Read `source` as the format called `name` in the table, strictly (whatever its head says)."""
        raise NotImplementedError

    def recognise(self, head: bytes) -> str | None:
        """The name of the format these leading bytes announce, if any."""
        raise NotImplementedError

    def announces_format(self, head: bytes) -> bool:
        """Whether these leading bytes carry a format's strong magic (npy, zip, HDF5, a pickle's
        protocol header), not only a weak signature any bytes can match."""
        raise NotImplementedError

    def byte_reader(self, source: Source) -> ByteReader:
        """A reader over `source` for pickle streams (it records them when explain asks)."""
        raise NotImplementedError

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
        """A pickle machine over `reader` whose nested payloads come back into this walk;
        `reached_by` names the loader that would run it, for its findings."""
        raise NotImplementedError


class Format:
    """One row of the format table: how the format is recognised and how it is read."""

    __slots__ = ("name", "read", "recognise", "weak")

    def __init__(
        self,
        name: str,
        recognise: Callable[[bytes], bool],
        read: Callable[[Source, Walk], None],
        *,
        weak: bool = False,
    ) -> None:
        self.name = name  # also names decompressed data in locations ("gzip>pickle")
        self.recognise = recognise  # from the leading bytes (up to HEAD)
        self.read = read  # raises AnalysisError / LimitExceeded when it cannot finish
        # A weak signature is one text or noise can match by chance: it only counts when the
        # name says artifact or the data really parses (and then only if it finds something).
        self.weak = weak
