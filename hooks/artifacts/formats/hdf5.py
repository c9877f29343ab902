"""HDF5 files (Keras `.h5` models): recognised by the HDF5 signature.

Keras keeps the model config as a JSON attribute; a Lambda layer in it is Python bytecode
that runs on load. The file is scanned for that in chunks, without an HDF5 library.
"""

from __future__ import annotations

import re

from hooks.artifacts import rules
from hooks.artifacts.analysis import where
from hooks.artifacts.source import Format, Source, Walk

_KERAS_LAMBDA = rb'"class_name":\s*"(Lambda|__lambda__)"'  # compiled (and cached by re) on first use


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    overlap = b""
    offset = 0
    while chunk := source.handle.read(1 << 20):
        analysis.check_time()
        window = overlap + chunk
        match = re.search(_KERAS_LAMBDA, window)
        if match is not None:
            at = offset - len(overlap) + match.start()
            analysis.add(
                rules.KERAS_LAMBDA_LAYER,
                where(source.label or "hdf5", at),
                "Keras model config holds a Lambda layer: Python bytecode that runs on load",
                f"{source.label}|h5-lambda",
            )
            return
        overlap = window[-64:]
        offset += len(chunk)


HDF5 = Format("hdf5", lambda head: head.startswith(b"\x89HDF\r\n\x1a\n"), _read)
