"""RAR archives: recognised by their signature (RAR 4 and 5); no reader in the standard library.

A model or bundle shipped as RAR cannot be opened here, so it is reported as not inspectable
(MLS904, like a 7z archive without its reader), never passed.
"""

from __future__ import annotations

from hooks.artifacts import rules
from hooks.artifacts.source import Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
    walk.analysis.add(
        rules.ARCHIVE_NOT_INSPECTABLE,
        source.label or "rar",
        "RAR archive cannot be inspected here: ship models as files or in zip/tar",
        f"{source.label}|rar",
    )


RAR = Format("rar", lambda head: head.startswith(b"Rar!\x1a\x07"), _read)
