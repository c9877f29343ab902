"""safetensors: an 8-byte header length, a JSON header, raw tensor bytes. No code.

Recognised (weakly: any 8 bytes and a brace can match) by a plausible header length followed
by `{`. Only the header is checked: read strictly, a header that is not a complete JSON object
fails closed.
"""

from __future__ import annotations

import struct

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.source import Format, Source, Walk


def _recognise(head: bytes) -> bool:
    if len(head) < 9:
        return False
    (header_size,) = struct.unpack_from("<Q", head)
    return 2 <= header_size <= 100 << 20 and head[8:9] == b"{"


def _read(source: Source, walk: Walk) -> None:
    import json

    (length,) = struct.unpack("<Q", source.handle.read(8))
    body = source.handle.read(length)
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        parsed = None
    if (not isinstance(parsed, dict) or len(body) != length) and source.strict:
        raise AnalysisError("safetensors header is not a complete JSON object", 8)


SAFETENSORS = Format("safetensors", _recognise, _read, weak=True)
