"""OpenVINO IR weights: a `.bin` of raw tensor bytes that the `.xml` of the same stem describes.

An IR model is two files. The XML (root element `<net>`) holds the graph; each constant in it
names its bytes in the weights file with `<data ... offset="N" size="M"/>`, and OpenVINO's
reader (`ov::Core::read_model(xml, bin)`) copies those ranges and nothing else. The `.bin` has
no header, so by its bytes alone it is no known format, and a hook that stopped there blocks
every IR model (MLS902). It is known once its description is: the sibling XML is an IR, and the
ranges it names end where the weights file does (up to a little padding). Readers that do not go
through the XML are still considered by the walker: pickle and the loaders built on it fail at a
first byte that is no opcode, and a container found past byte 0 (zip, HDF5, 7z, RAR) keeps the
file blocking.

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
_ROOT = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,256}\?>\s*)?(?:<!--.*?-->\s*)*<net[\s>/]", re.DOTALL)
_DATA_TAG = re.compile(rb"<data\s[^>]*>")
_OFFSET = re.compile(rb"\soffset\s*=\s*\"(\d{1,19})\"")
_SIZE = re.compile(rb"\ssize\s*=\s*\"(\d{1,19})\"")


def description_of(weights: Path) -> Path | None:
    """The XML that would describe these weights, when they are named as IR weights are."""
    if weights.suffix.lower() != ".bin":
        return None
    return weights.with_suffix(".xml")


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
    if len(text) > MAX_DESCRIPTION_BYTES or _ROOT.match(text) is None:
        return False
    end = 0
    for tag in _DATA_TAG.finditer(text):
        offset = _OFFSET.search(tag.group(0))
        length = _SIZE.search(tag.group(0))
        if offset is not None and length is not None:
            end = max(end, int(offset.group(1)) + int(length.group(1)))
    return end <= size <= end + MAX_TRAILING_PADDING
