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
    stored = _number(head[148:156])
    if stored is None:
        return False
    header = head[:148] + b" " * 8 + head[156:512]
    signed = sum(header) - 256 * sum(1 for byte in header if byte > 127)
    if stored not in (sum(header), signed) or head[:512].count(0) == 512:
        return False  # an empty name is a tar to tarfile; only an all-zero block ends the archive
    # tarfile's frombuf() then reads mode, uid, gid, size, mtime, devmajor and devminor the same
    # way and raises "invalid header" when one is not a number: such data is no tar to it (a PNG
    # whose signed byte sum happens to be 0 matches an empty checksum field).
    return all(_number(head[start : start + width]) is not None for start, width in _NUMBER_FIELDS)


# (offset, width) of the header's other numeric fields, as tarfile.TarInfo.frombuf reads them.
_NUMBER_FIELDS = ((100, 8), (108, 8), (116, 8), (124, 12), (136, 12), (329, 8), (337, 8))


def _number(raw: bytes) -> int | None:
    """tarfile's nti(): base-256 when the first byte is 0x80 or 0xff, else the text up to the
    first NUL, as ASCII, through int(text.strip() or "0", 8) (`+6300`, `0o6300`, `63_00` and
    spaces around it pass); None where tarfile raises InvalidHeaderError."""
    if raw[0] in (0x80, 0xFF):
        return int.from_bytes(raw[1:], "big") - ((1 << (8 * (len(raw) - 1))) if raw[0] == 0xFF else 0)
    try:
        return int(raw.split(b"\x00", 1)[0].decode("ascii").strip() or "0", 8)
    except (UnicodeDecodeError, ValueError):
        return None
