"""Documents and images that a file named like a model artifact may hold, known by their magic.

An Office file keeps the objects embedded in it as `embeddings/oleObject1.bin`; a `.bin` may be
a scanned page. These are known formats that no model loader reads: pickle and every loader
built on it (torch, joblib, pandas) raise at the first byte, because it is no pickle opcode
(`tests/artifacts/test_inert.py` holds each magic to that), and the zip, HDF5, ONNX and
safetensors readers refuse the magic. So the file is reported low, by name, instead of as an
unknown format that blocks. Executables (ELF, PE, Mach-O) are not listed: a program named like
a model is worth a reviewer's look.
"""

from __future__ import annotations

# (magic, what it is), each magic long enough that random data matches it about never.
INERT_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft compound document (an embedded Office object, legacy Office)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"\xd7\xcd\xc6\x9a", "a Windows metafile image"),
)


def inert_kind(head: bytes) -> str | None:
    """What document or image these leading bytes start, if one of the inert formats."""
    for magic, kind in INERT_MAGICS:
        if head.startswith(magic):
            return kind
    return None
