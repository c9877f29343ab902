"""GGUF (llama.cpp) files: recognised by their magic; tensors and metadata, no code to report."""

from __future__ import annotations

from hooks.artifacts.source import Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
    """Nothing in a GGUF file runs on load."""


GGUF = Format("gguf", lambda head: head.startswith(b"GGUF"), _read)
