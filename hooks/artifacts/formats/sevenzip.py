"""7z archives (the nullifAI carrier): recognised by the 7z signature.

Reading needs py7zr (`pip install mlsec-hooks[7z]`); without it the archive is reported as
not inspectable (MLS904), never passed. Members are unpacked into memory and recognised by
their own head.
"""

from __future__ import annotations

import io

from hooks.artifacts import rules
from hooks.artifacts.analysis import inside
from hooks.artifacts.errors import LimitExceeded
from hooks.artifacts.source import HEAD, Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
    try:
        import py7zr  # noqa: F401 - optional extra
    except ImportError:
        walk.analysis.add(
            rules.ARCHIVE_NOT_INSPECTABLE,
            source.label or "7z",
            "7z archive cannot be inspected here: install mlsec-hooks[7z] (py7zr) to analyse it",
            f"{source.label}|7z",
        )
        return
    from hooks.artifacts.formats.sevenzip_py7zr import unpack

    cap = walk.analysis.limits.max_member_in_memory
    for name, data in unpack(source.handle, cap):
        if data is None:
            raise LimitExceeded(f"7z member {name!r} is larger than {cap} bytes")
        label = inside(source.label, name)
        walk.walk(source.inside(io.BytesIO(data), len(data), name, label, seekable=True, head=data[:HEAD]))


SEVEN_ZIP = Format("7z", lambda head: head.startswith(b"7z\xbc\xaf\x27\x1c"), _read)
