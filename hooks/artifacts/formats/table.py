"""The format table: the first format whose `recognise` accepts a head reads the data.

Order matters where signatures overlap: strong magics first, then pickle's protocol header,
then the weak signatures that text or noise can match (safetensors' length prefix, lzma-alone,
zlib, and any byte that is a pickle opcode) last. To add a format, see `formats/__init__.py`.
"""

from __future__ import annotations

from hooks.artifacts.formats import (
    compressed,
    gguf,
    hdf5,
    npy,
    pickles,
    safetensors,
    sevenzip,
    tar,
    zip_archive,
)
from hooks.artifacts.source import Format

FORMATS: tuple[Format, ...] = (
    zip_archive.ZIP,
    npy.NPY,
    compressed.GZIP,
    compressed.BZ2,
    compressed.XZ,
    sevenzip.SEVEN_ZIP,
    hdf5.HDF5,
    gguf.GGUF,
    compressed.ZFILE,
    tar.TAR,
    pickles.PICKLE,
    safetensors.SAFETENSORS,
    compressed.LZMA,
    compressed.ZLIB,
    pickles.MAYBE_PICKLE,
)
BY_NAME: dict[str, Format] = {fmt.name: fmt for fmt in FORMATS}


def recognise(head: bytes) -> Format | None:
    """The format these leading bytes announce, if any."""
    for fmt in FORMATS:
        if fmt.recognise(head):
            return fmt
    return None
