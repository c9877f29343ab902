"""The format table: every format module's formats are in it, strong signatures before weak ones."""

from __future__ import annotations

import importlib
import pkgutil

import hooks.artifacts.formats as formats_package
from hooks.artifacts.formats.table import BY_NAME, FORMATS, recognise
from hooks.artifacts.source import Format


def test_every_format_a_module_declares_is_in_the_table() -> None:
    declared = []
    for info in pkgutil.iter_modules(formats_package.__path__):
        if info.name in ("table", "sevenzip_py7zr"):  # the table itself; the py7zr backend needs the extra
            continue
        module = importlib.import_module(f"hooks.artifacts.formats.{info.name}")
        declared += [value for value in vars(module).values() if isinstance(value, Format)]
    # CTranslate2, SentencePiece, fastText, word2vec and the GGML layouts (whisper.cpp's, pre-GGUF) are read only whole:
    # the walker tries them on unknown data named like an artifact.
    tried_by_the_walker = {"ctranslate2", "sentencepiece", "fasttext", "word2vec", "ggml-whisper", "ggml-legacy"}
    assert declared and sorted(f.name for f in declared if f.name not in tried_by_the_walker) == sorted(
        f.name for f in FORMATS
    )
    assert len(BY_NAME) == len(FORMATS)  # names are unique


def test_weak_signatures_come_after_every_strong_one() -> None:
    first_weak = next(index for index, fmt in enumerate(FORMATS) if fmt.weak)
    assert all(fmt.weak for fmt in FORMATS[first_weak:])


def test_the_first_match_wins_where_signatures_overlap() -> None:
    zip_and_safetensors = b"PK\x03\x04\x00\x00\x00\x00{"  # also a plausible safetensors length prefix
    assert BY_NAME["safetensors"].recognise(zip_and_safetensors)
    assert recognise(zip_and_safetensors) is BY_NAME["zip"]
    assert recognise(b"\x80\x04\x95") is BY_NAME["pickle"]
    assert recognise(b"(lp0\n") is BY_NAME["maybe-pickle"]
    assert recognise(b"\x00\x01") is None
