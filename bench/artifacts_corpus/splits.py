"""The two splits: what each is made of, fixed before any scanner ran on them.

Rule for the held-out split: for every family, a variant the tune split does not have. Where a
family has one natural form, the held-out copy differs in container, codec, protocol, payload
global, name or prefix order, and its library objects are a disjoint part of the library.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    # benign
    pickle_protocols: tuple[int, ...]
    joblib_codecs: tuple[str | None, ...]  # None: joblib's default (no compression)
    torch_legacy: bool  # torch.save(_use_new_zipfile_serialization=False) as well as zip
    pandas_suffixes: tuple[str, ...]  # DataFrame.to_pickle compression by extension
    # malicious
    payload_globals: tuple[tuple[str, str], ...]
    tar_formats: tuple[str, ...]
    npy_versions: tuple[int, ...]
    object_descrs: tuple[str, ...]
    names: tuple[str, ...]  # file names for containers whose name does not matter to the loader
    int_spellings: tuple[str, ...]
    torch_archive: str


TUNE = Split(
    name="tune",
    seed=1,
    pickle_protocols=(4, 5),
    joblib_codecs=(None, "zlib", "gzip"),
    torch_legacy=False,
    pandas_suffixes=(".pkl", ".pkl.gz", ".pkl.zst"),
    payload_globals=(("os", "system"), ("builtins", "exec"), ("subprocess", "getoutput")),
    tar_formats=("ustar",),
    npy_versions=(1,),
    object_descrs=("'|O'", "'(2,)O'", "[('a', '<i4'), ('o', '|O')]"),
    names=("model.pkl", "model.bin", "weights.dat"),
    int_spellings=("0x7b", "00"),
    torch_archive="archive",
)
HELDOUT = Split(
    name="heldout",
    seed=2,
    pickle_protocols=(2, 3),
    joblib_codecs=("xz", "bz2", "lzma", "lz4"),
    torch_legacy=True,
    pandas_suffixes=(".pkl.xz", ".pkl.bz2", ".tar.gz", ".zip"),
    payload_globals=(("posix", "system"), ("builtins", "eval"), ("subprocess", "check_output"), ("pty", "spawn")),
    tar_formats=("gnu", "pax", "v7"),
    npy_versions=(2, 3),
    object_descrs=("'O8'", "[('x', [('p', 'O')])]", "[('b', '|O', (1, 2)), ('f', '<f8')]", "'object'"),
    names=("checkpoint", "model.joblib", "blob.raw", "state.pth"),
    int_spellings=("0o17", "0b101", "1_000", " -0X1f"),
    torch_archive="checkpoint",
)
SPLITS = {split.name: split for split in (TUNE, HELDOUT)}


def assign(key: str) -> str:
    """Which split a library object belongs to: a stable hash of its name, so the two splits
    hold disjoint estimators, frames and layers, and adding one moves no other."""
    return "heldout" if zlib.crc32(key.encode()) % 3 == 0 else "tune"
