"""Zip archives: torch checkpoints, `.npz`, Keras v3 `.keras`, bundles of anything.

Recognised by a local-header or end-of-directory signature at offset 0 (and, for a file that
is nothing else, by an end record behind a prefix). The directory and every local header are
parsed by our own reader (`zipreader.py`), tolerating what torch tolerates and reporting the
tricks (duplicate or mismatched names, encrypted flags, CRC mismatches) as findings. In a
torch zip (a member named `data.pkl`, in any case, as torch's reader finds it) the `.pkl` and
`.debug_pkl` members are read as pickles and tensor storage (`data/<key>`) is skipped; every
other member, here and in any zip, is recognised by its own head.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import PurePosixPath
from typing import BinaryIO

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, inside
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats import keras, torchscript
from hooks.artifacts.source import Format, Source, Walk, peek_head, seekable_data
from hooks.artifacts.streams import COMPRESSORS, DecompressStream, SubFile, buffered
from hooks.artifacts.zipreader import ZipMember, read_directory, read_local_header


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    label = source.label
    members = read_directory(handle, size, analysis.limits.max_zip_members).members
    seen: set[str] = set()
    names = [m.name for m in members]
    # torch's reader (miniz) finds `data.pkl` case-insensitively: `archive/DATA.PKL` is the one it loads.
    is_torch = any(PurePosixPath(n).name.lower() == "data.pkl" for n in names)
    is_keras = keras.is_keras_zip(names)
    # Only a package made of Office's own parts: an npz or a torch zip with an Office-shaped member
    # is read by loaders that open every member.
    is_office = _OFFICE_TYPES in names and all(n == _OFFICE_TYPES or n.startswith(_OFFICE_FOLDERS) for n in names)
    for member in members:
        analysis.check_time()
        member_label = inside(label, member.name)
        if member.name in seen:
            analysis.add(
                rules.ZIP_STRUCTURE_ANOMALY,
                member_label,
                "zip holds two members with this name; readers disagree which one is loaded",
                f"{member_label}|duplicate",
            )
        seen.add(member.name)
        local = read_local_header(handle, member)
        if local.name != member.name:
            analysis.add(
                rules.ZIP_STRUCTURE_ANOMALY,
                member_label,
                f"local header names {local.name!r} but the central directory names {member.name!r}",
                f"{member_label}|name-mismatch",
            )
        if member.flags & 0x1:
            analysis.add(
                rules.ZIP_STRUCTURE_ANOMALY,
                member_label,
                "member is flagged as encrypted; it is analysed as stored",
                f"{member_label}|encrypted",
            )
        if member.name.endswith("/"):
            continue
        if is_torch and _is_torch_storage(member.name):
            continue  # tensor storage: raw numbers, never unpickled
        torch_pickle = is_torch and member.name.lower().endswith(_TORCH_PICKLE_SUFFIXES)
        mark = analysis.mark()
        head = _read_member(
            walk, source, handle, member, local.data_offset, member_label, torch_pickle=torch_pickle, keras_zip=is_keras
        )
        if is_office and head is not None and _OFFICE_PART.match(member.name) and not walk.announces_format(head):
            _lower_unread(analysis, mark[0])


# An Office Open XML package (.xlsx, .docx, .pptx): its content types, and the binary parts Office
# writes under its own folders (printer settings are a DEVMODE record, embeddings OLE objects).
# `docMetadata/LabelInfo.xml` is where Office keeps a document's sensitivity label (Microsoft
# Purview Information Protection), in every file saved under a labelling policy.
_OFFICE_TYPES = "[Content_Types].xml"
_OFFICE_FOLDERS = ("_rels/", "docProps/", "customXml/", "docMetadata/", "xl/", "word/", "ppt/")
_OFFICE_PART = re.compile(r"(?:xl|word|ppt)/(?:printerSettings|embeddings|activeX)/[^/]+\.bin$")
_OFFICE_PART_NOTE = (
    " (a binary part of an Office document, where Office keeps printer settings and embedded objects:"
    " no model loader opens it from inside the document; reported low)"
)


def _lower_unread(analysis: Analysis, since: int) -> None:
    """Unknown-format and unparseable findings on an Office document's own binary part are low:
    what it holds is Office's, and the pickle analysis still reports any import or call in it."""
    for index in range(since, len(analysis.issues)):
        issue = analysis.issues[index]
        if issue.rule in (rules.UNKNOWN_ARTIFACT_FORMAT, rules.ARTIFACT_UNPARSEABLE) and issue.severity != Severity.LOW:
            analysis.issues[index] = replace(issue, severity=Severity.LOW, message=issue.message + _OFFICE_PART_NOTE)


# Pickles in a torch archive: data.pkl, constants.pkl, TorchScript's `.debug_pkl` source maps.
_TORCH_PICKLE_SUFFIXES = (".pkl", ".debug_pkl")


def _is_torch_storage(name: str) -> bool:
    """`<archive>/data/<key>`: a storage's raw bytes, which torch maps as numbers."""
    parts = PurePosixPath(name).parts
    return len(parts) >= 3 and parts[-2] == "data" and parts[-1].isalnum() and "." not in parts[-1]


def _read_member(
    walk: Walk,
    archive: Source,
    handle: BinaryIO,
    member: ZipMember,
    data_offset: int,
    label: str,
    *,
    torch_pickle: bool,
    keras_zip: bool,
) -> bytes | None:
    """Walk one member; its leading bytes, when it was walked as data of its own."""
    limits = walk.analysis.limits
    window = SubFile(handle, data_offset, member.compressed_size)
    if member.method == 0:
        stream: io.BufferedReader = buffered(window)
        size: int | None = member.compressed_size
        seekable = True
    elif member.method in (8, 12):
        kind = "deflate" if member.method == 8 else "bz2"
        stream = buffered(
            DecompressStream(
                window,
                COMPRESSORS[kind],
                max_bytes=limits.max_decompressed_bytes,
                max_ratio=limits.max_ratio,
                multi_member=False,
                kind="zip member",
            )
        )
        size, seekable = None, False
    else:
        raise AnalysisError(f"zip member {member.name!r} uses unsupported compression method {member.method}")
    if torchscript.is_code_member(member.name):
        torchscript.check_code(walk.analysis, stream.read(torchscript.MAX_CODE), label)
        return None
    if keras_zip and member.name == keras.CONFIG:
        keras.check_config(walk.analysis, stream.read(64 << 20), label)
        return None
    if torch_pickle:
        inner = archive.inside(
            stream, size, "", label, seekable=seekable, head=b"", loader=archive.loader or "torch.load"
        )
        walk.read_as("pickle", inner)
        _check_crc(walk, handle, member, data_offset, label)
        return None
    head = peek_head(stream)
    walk.walk(archive.inside(stream, size, member.name, label, seekable=seekable, head=head))
    return head


def _check_crc(walk: Walk, handle: BinaryIO, member: ZipMember, data_offset: int, label: str) -> None:
    import zlib

    if member.size > 64 << 20:
        return
    window = SubFile(handle, data_offset, member.compressed_size)
    raw: BinaryIO = buffered(window)
    if member.method == 8:
        raw = buffered(
            DecompressStream(window, COMPRESSORS["deflate"], max_bytes=64 << 20, max_ratio=1 << 30, multi_member=False)
        )
    crc = 0
    while chunk := raw.read(1 << 16):
        crc = zlib.crc32(chunk, crc)
    if crc != member.crc:
        walk.analysis.add(
            rules.ZIP_STRUCTURE_ANOMALY,
            label,
            f"CRC mismatch (stored {member.crc:#010x}, actual {crc:#010x}): torch loads this member while "
            "zipfile-based scanners skip it",
            f"{label}|crc",
        )


ZIP = Format("zip", lambda head: head.startswith((b"PK\x03\x04", b"PK\x05\x06")), _read)
