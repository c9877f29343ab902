"""Kubernetes Secret manifests: the base64 values under `data:` are credentials once decoded.

A small line reader, not a YAML parser: it finds the documents whose top level says
`kind: Secret`, the block under their top-level `data:` key, and each `name: value` entry one
level deeper (quoted or not). Anything else (flow style, anchors, multi-line scalars) is
skipped here; the text is scanned as plain text too, so nothing goes unread. Linear in the text.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass

_DOCUMENT_SPLIT = re.compile(r"^---[^\n]*$", re.MULTILINE)
_KIND_SECRET = re.compile(r"^kind:[ \t]*[\"']?Secret[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_ENTRY = re.compile(
    r"(?P<indent>[ \t]+)(?P<key>[A-Za-z0-9_.\-]{1,253}):[ \t]*"
    r"(?P<q>[\"']?)(?P<value>[A-Za-z0-9+/=]{4,8192})(?P=q)[ \t]*$"
)
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


@dataclass(frozen=True)
class SecretEntry:
    key: str
    decoded: str  # the value once decoded (printable UTF-8 only); "" when it is not base64 at all
    start: int  # offset of the base64 text in the file
    end: int
    valid: bool = True  # False: not base64, so the API server refuses the manifest


def secret_entries(text: str) -> Iterator[SecretEntry]:
    if "Secret" not in text or "data:" not in text:
        return
    bounds = [0]
    for separator in _DOCUMENT_SPLIT.finditer(text):
        bounds.extend((separator.start(), separator.end()))
    bounds.append(len(text))
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        document = text[start:end]
        if _KIND_SECRET.search(document):
            yield from _data_entries(document, start)


def _data_entries(document: str, base: int) -> Iterator[SecretEntry]:
    in_data = False
    data_indent = -1
    position = 0
    for line in document.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        if not in_data:
            if indent == 0 and stripped in ("data:", "binaryData:"):
                in_data, data_indent = True, indent
            continue
        if indent <= data_indent:
            in_data = stripped in ("data:", "binaryData:") and indent == 0
            continue
        match = _ENTRY.fullmatch(line)
        if match is None:
            continue
        value = match.group("value")
        start = base + line_start + match.start("value")
        if not _is_base64(value):
            # `kubectl apply` fails on it ("illegal base64 data"): a dummy that never becomes a Secret
            yield SecretEntry(match.group("key"), "", start, start + len(value), valid=False)
            continue
        decoded = _decode(value)
        if decoded is not None:
            yield SecretEntry(match.group("key"), decoded, start, start + len(value))


def _is_base64(value: str) -> bool:
    if not _BASE64.fullmatch(value) or len(value) % 4:
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _decode(value: str) -> str | None:
    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    text = text.strip()
    return text if text and text.isprintable() else None
