"""Tar archives: bundles of anything, and torch's oldest checkpoints (a tar of pickles).

Recognised by `ustar` at offset 257, or by a valid header checksum (V7 tar, no `ustar`).
Members are read in place through tarfile's member views, never extracted. A tar holding a
`storages` member is read as torch's tar checkpoint: torch.load's legacy path extracts
`storages` first and runs its pickles (a count, then per storage a record and raw bytes) before
it looks for `tensors` or `pickle`, so the other three need not be there for it to run. Those
members are pickles and record lists whose raw bytes are skipped by size; any other member is
recognised by its own head, like a member of any tar.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from hooks.artifacts.analysis import inside
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.pickles import read_streams, trailing_data
from hooks.artifacts.formats.tar_header import is_tar_header
from hooks.artifacts.pickle_values import Global, Seq
from hooks.artifacts.source import Format, Source, Walk, read_head, seekable_data

_TORCH_TAR_MEMBERS = frozenset({"sys_info", "pickle", "storages", "tensors"})


def _read(source: Source, walk: Walk) -> None:
    import tarfile

    analysis = walk.analysis
    handle, _ = seekable_data(source, analysis.limits.max_member_in_memory)
    try:
        archive = tarfile.open(fileobj=handle, mode="r:")  # noqa: SIM115 - closed with the file
        members = archive.getmembers()
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise AnalysisError(f"corrupt tar archive ({exc})") from None
    # torch.load's legacy tar path needs only `storages` to start unpickling (the red team's tar
    # held nothing else, and read as plain pickles its raw storage bytes hid the next record)
    torch_tar = any(m.name == "storages" for m in members)
    for member in members:
        analysis.check_time()
        if not member.isfile():
            continue
        member_label = inside(source.label, member.name)
        extracted = archive.extractfile(member)
        if extracted is None:
            continue
        stream: BinaryIO = extracted  # type: ignore[assignment]
        if torch_tar and member.name in _TORCH_TAR_MEMBERS:
            inner = source.inside(
                stream, member.size, member.name, member_label, seekable=True, head=b"", loader="torch.load"
            )
            _read_torch_tar_member(walk, inner)
            continue
        head = read_head(stream)
        walk.walk(source.inside(stream, member.size, member.name, member_label, seekable=True, head=head))


def _read_torch_tar_member(walk: Walk, member: Source) -> None:
    name, label = member.name, member.label
    depth = member.depth - 1  # the tar's own depth: the records below are read at its level
    reader = walk.byte_reader(member)
    if name == "sys_info" or name == "pickle":
        read_streams(walk, reader, label, depth=depth + 1, reached_by="torch.load")
        return
    if name not in ("storages", "tensors"):
        return
    analysis = walk.analysis
    count = walk.machine(reader, f"{label} count", depth=depth, container=label, reached_by="torch.load").run().value
    if not isinstance(count, int) or count < 0:
        raise AnalysisError(f"torch tar {name}: record count is not an integer")
    for index in range(count):
        analysis.check_time()
        machine = walk.machine(reader, f"{label} record {index}", depth=depth, container=label, reached_by="torch.load")
        record = machine.run().value
        if name == "storages":
            element_size = _storage_element_size(record)
            numel = int.from_bytes(reader.read(8), "little", signed=True)
            if numel < 0:
                raise AnalysisError(f"torch tar storage {index} has a negative size")
            reader.skip(numel * element_size)
        else:
            (ndim,) = struct.unpack("<i", reader.read(4))
            if not 0 <= ndim <= 64:
                raise AnalysisError(f"torch tar tensor {index} has {ndim} dimensions")
            reader.skip(4 + 16 * ndim + 8)
    if not reader.at_end():
        trailing_data(analysis, reader, label, reader.tell())


def _storage_element_size(record: object) -> int:
    from hooks.artifacts.globals_policy import STORAGE_ELEMENT_SIZES

    if isinstance(record, Seq) and len(record.items) >= 3 and isinstance(record.items[2], Global):
        size = STORAGE_ELEMENT_SIZES.get(record.items[2].name)
        if size:
            return size
    raise AnalysisError("torch tar storage record without a known storage type")


TAR = Format("tar", is_tar_header, _read)
