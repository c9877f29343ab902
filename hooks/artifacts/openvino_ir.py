"""OpenVINO IR weights: a `.bin` of raw tensor bytes that the `.xml` of the same stem describes.

An IR model is two files. The XML (root element `<net>`) holds the graph; each constant in it
names its bytes in the weights file with `<data ... offset="N" size="M"/>`, and OpenVINO's
reader (`ov::Core::read_model(xml, bin)`) copies those ranges and nothing else. The `.bin` has
no header, so by its bytes alone it is no known format, and a hook that stopped there blocks
every IR model (MLS902). It is known once its description is: the sibling XML is an IR, and the
ranges it names end where the weights file does (up to a little padding). Readers that do not go
through the XML are still considered by the walker: pickle and the loaders built on it fail at a
first byte that is no opcode (data any format recognises, joblib's `ZF` container and a tar
among them, is read as that format first), joblib's sniffed compressor prefixes keep the file
blocking, and so does a container a model loader finds past byte 0 (a zip end record, an HDF5
superblock after a user block).

The XML is read, never parsed by an XML library (entities, depth): its root and the `<data>`
tags' two attributes are matched in at most `MAX_DESCRIPTION_BYTES`; a larger description is not
read and the weights stay an unknown format (fail closed).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

MAX_DESCRIPTION_BYTES = 64 << 20
# Bytes after the last named range that are still the same weights: a writer may pad the file to
# an alignment; more than this and the XML does not describe the file.
MAX_TRAILING_PADDING = 64
_DECLARATION = re.compile(rb"<\?xml[^>]{0,256}\?>")
_ROOT_ELEMENT = re.compile(rb"<net[\s>/]")
# A `<data` tag up to its `>`, never past the next `<`: each attempt stops there, so the search
# is linear in the text however many tags are left open.
_DATA_TAG = re.compile(rb"<data\s[^<>]*>")
_OFFSET = re.compile(rb"\soffset\s*=\s*\"(\d{1,19})\"")
_SIZE = re.compile(rb"\ssize\s*=\s*\"(\d{1,19})\"")


def _rooted_at_net(text: bytes) -> bool:
    """Whether the document's first element is `<net>`, after an optional byte order mark, XML
    declaration and comments (walked with `find`: linear in the text, no backtracking)."""
    position = 3 if text.startswith(b"\xef\xbb\xbf") else 0
    position = _skip_space(text, position)
    declaration = _DECLARATION.match(text, position)
    if declaration is not None:
        position = _skip_space(text, declaration.end())
    while text.startswith(b"<!--", position):
        end = text.find(b"-->", position + 4)
        if end < 0:
            return False
        position = _skip_space(text, end + 3)
    return _ROOT_ELEMENT.match(text, position) is not None


def _skip_space(text: bytes, position: int) -> int:
    while position < len(text) and text[position] in b" \t\r\n":
        position += 1
    return position


def description_of(weights: Path) -> Path | None:
    """The XML that would describe these weights, when they are named as IR weights are."""
    if weights.suffix.lower() != ".bin":
        return None
    return weights.with_suffix(".xml")


def description_too_large(weights: Path) -> bool:
    """Whether the XML beside these weights is larger than a description is read (so its content
    cannot change the verdict: the cache keys it by that fact, not by hashing it)."""
    description = description_of(weights)
    try:
        return description is not None and os.stat(description).st_size > MAX_DESCRIPTION_BYTES  # noqa: PTH116
    except OSError:
        return False


def described_weights(weights: Path, size: int) -> bool:
    """Whether the IR XML beside `weights` describes a weights file of exactly this size."""
    description = description_of(weights)
    if description is None:
        return False
    try:
        if not stat.S_ISREG(os.stat(description).st_mode):  # noqa: PTH116 - one stat, no Path object
            return False
        with description.open("rb") as handle:
            text = handle.read(MAX_DESCRIPTION_BYTES + 1)
    except OSError:
        return False
    if len(text) > MAX_DESCRIPTION_BYTES or not _rooted_at_net(text):
        return False
    end = 0
    for tag in _DATA_TAG.finditer(text):
        offset = _OFFSET.search(tag.group(0))
        length = _SIZE.search(tag.group(0))
        if offset is not None and length is not None:
            end = max(end, int(offset.group(1)) + int(length.group(1)))
    return end <= size <= end + MAX_TRAILING_PADDING
