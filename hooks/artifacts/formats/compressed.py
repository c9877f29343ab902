"""Compressed streams: gzip, bz2, xz, lzma (alone), zlib, lz4 frames, zstd, and joblib's old ZF
container.

Each is recognised by its magic (zlib and lzma-alone headers are short, so they are weak) and
decompressed as a stream with size and ratio caps, never to disk; what it holds is recognised
and read again by its own head, under a location such as `gzip>pickle`.
"""

from __future__ import annotations

from collections.abc import Callable

from hooks.artifacts import rules
from hooks.artifacts.analysis import inside
from hooks.artifacts.names import decompressed_name
from hooks.artifacts.source import Format, Source, Walk, peek_head
from hooks.artifacts.streams import COMPRESSORS, DecompressStream, buffered, zstd_available


def read_compressed(kind: str, source: Source, walk: Walk) -> None:
    limits = walk.analysis.limits
    if kind == "zstd" and not zstd_available():
        walk.analysis.add(
            rules.ARCHIVE_NOT_INSPECTABLE,
            source.label or "zstd",
            "zstd-compressed data cannot be inspected here: install zstandard (Python < 3.14) to analyse it",
            f"{source.label}|zstd",
        )
        return
    if kind in ("zfile", "zfile-loose"):
        # joblib < 0.10: b"ZF" + a hex length padded to 19 bytes (joblib reads it with int(x, 16),
        # so `0x20`, ` 20 `, `+20` all do), an optional space (joblib <= 0.8.4), then zlib.
        source.handle.read(21)
        _skip_space(source)
        kind = "zlib"
    stream = buffered(
        DecompressStream(
            source.handle,
            COMPRESSORS[kind],
            max_bytes=limits.max_decompressed_bytes,
            max_ratio=limits.max_ratio,
            kind=kind,
        )
    )
    head = peek_head(stream)
    inner = walk.recognise(head)
    inner_kind = "pickle" if inner in ("pickle", "maybe-pickle") else (inner or "data")
    label = inside(source.label, f"{kind}>{inner_kind}")
    loader = source.loader or "joblib.load or pandas.read_pickle (which decompress first)"
    walk.walk(
        source.inside(stream, None, decompressed_name(source.name), label, seekable=False, head=head, loader=loader)
    )


def _skip_space(source: Source) -> None:
    """Past the space joblib's old writer put after the length (zlib data never starts with one)."""
    peek = getattr(source.handle, "peek", None)
    if peek is not None:
        if peek(1)[:1] == b" ":
            source.handle.read(1)
    elif source.seekable:
        position = source.handle.tell()
        if source.handle.read(1) != b" ":
            source.handle.seek(position)


def _reading(kind: str) -> Callable[[Source, Walk], None]:
    def read(source: Source, walk: Walk) -> None:
        read_compressed(kind, source, walk)

    return read


def _is_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] == 0x78 and ((head[0] << 8) | head[1]) % 31 == 0


GZIP = Format("gzip", lambda head: head.startswith(b"\x1f\x8b"), _reading("gzip"))
BZ2 = Format("bz2", lambda head: head.startswith(b"BZh") and head[3:4].isdigit(), _reading("bz2"))
XZ = Format("xz", lambda head: head.startswith(b"\xfd7zXZ\x00"), _reading("xz"))
LZ4 = Format("lz4", lambda head: head.startswith(b"\x04\x22\x4d\x18"), _reading("lz4"))  # joblib, lz4.frame
ZSTD = Format("zstd", lambda head: head.startswith(b"\x28\xb5\x2f\xfd"), _reading("zstd"))  # pandas .zst
ZFILE = Format("zfile", lambda head: head.startswith(b"ZF0x"), _reading("zfile"))
# joblib.load reads any data that starts `ZF` this way (its _detect_compressor tests only that):
# weak, so it counts when the name says artifact or the data decompresses to something found.
ZFILE_LOOSE = Format("zfile-loose", lambda head: head.startswith(b"ZF"), _reading("zfile-loose"), weak=True)
LZMA = Format("lzma", lambda head: head.startswith(b"]\x00\x00"), _reading("lzma"), weak=True)
ZLIB = Format("zlib", _is_zlib, _reading("zlib"), weak=True)
