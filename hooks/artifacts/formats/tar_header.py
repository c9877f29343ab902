"""Whether 512 bytes are a tar header as Python's tarfile (and so torch's legacy loader) reads one.

Apart from tar.py so that the pickle reader can ask it without importing the tar reader, which
reads its members with the pickle reader.
"""

from __future__ import annotations


def is_tar_header(head: bytes) -> bool:
    """A first tar header: `ustar` at 257, or (pre-POSIX V7 tar, which tarfile and so torch's
    legacy loader accept) a header whose checksum field matches its bytes."""
    if len(head) < 512:
        return False
    if head[257:262] == b"ustar":
        return True
    # tarfile reads the field with its nti(): up to the first NUL, as ASCII, then
    # int(text.strip() or "0", 8), so whatever Python's int takes (`+6300`, `0o6300`, `63_00`,
    # spaces and other str.strip() whitespace around it); a base-256 field starts with 0x80 or 0xff.
    raw = head[148:156]
    if raw[0] in (0x80, 0xFF):
        stored = int.from_bytes(raw[1:], "big") - (1 << 56 if raw[0] == 0xFF else 0)
    else:
        try:
            stored = int(raw.split(b"\x00", 1)[0].decode("ascii").strip() or "0", 8)
        except (UnicodeDecodeError, ValueError):
            return False
    header = head[:148] + b" " * 8 + head[156:512]
    signed = sum(header) - 256 * sum(1 for byte in header if byte > 127)
    return stored in (sum(header), signed) and head[0] != 0
