"""The format table: the first format whose `recognise` accepts a head reads the data.

Order matters where signatures overlap: strong magics first, then pickle's protocol header,
then the weak signatures that text or noise can match (safetensors' length prefix, lzma-alone,
zlib, and any byte that is a pickle opcode) last. CTranslate2 has no signature: the walker tries it
on data named like an artifact that nothing here takes. To add a format, see `formats/__init__.py`.
"""

from __future__ import annotations

from hooks.artifacts.formats import (
    compressed,
    gguf,
    git_lfs,
    hdf5,
    hf_config,
    hydra,
    mlflow,
    npy,
    onnx,
    pickles,
    rar,
    safetensors,
    sevenzip,
    skops,
    tar,
    tensorflow,
    tree_models,
    zip_archive,
)
from hooks.artifacts.formats.named import NamedFormat, base_name
from hooks.artifacts.source import Format

FORMATS: tuple[Format, ...] = (
    zip_archive.ZIP,
    npy.NPY,
    compressed.GZIP,
    compressed.BZ2,
    compressed.XZ,
    compressed.LZ4,
    compressed.ZSTD,
    sevenzip.SEVEN_ZIP,
    rar.RAR,
    hdf5.HDF5,
    gguf.GGUF,
    compressed.ZFILE,
    tar.TAR,
    git_lfs.GIT_LFS_POINTER,
    tree_models.XGBOOST_BINARY,
    tree_models.CATBOOST,
    pickles.PICKLE,
    safetensors.SAFETENSORS,
    onnx.ONNX,
    tensorflow.TENSORFLOW,
    compressed.LZMA,
    compressed.ZLIB,
    compressed.ZFILE_LOOSE,
    pickles.MAYBE_PICKLE,
)
BY_NAME: dict[str, Format] = {fmt.name: fmt for fmt in FORMATS}
# Text configs have no magic: recognised by file name, for data no strong magic claims.
NAMED_FORMATS: tuple[NamedFormat, ...] = (
    hf_config.HF_CONFIG,
    mlflow.MLMODEL,
    hydra.HYDRA_CONFIG,
    skops.SKOPS_SCHEMA,
)


def recognise(head: bytes) -> Format | None:
    """The format these leading bytes announce first, if any."""
    for fmt in FORMATS:
        if fmt.recognise(head):
            return fmt
    return None


def recognise_all(head: bytes) -> list[Format]:
    """Every format that accepts these leading bytes, in table order (a polyglot has several)."""
    return [fmt for fmt in FORMATS if fmt.recognise(head)]


def recognise_name(name: str) -> NamedFormat | None:
    """The text format a file or member name announces, if any."""
    base = base_name(name)
    return next((fmt for fmt in NAMED_FORMATS if fmt.matches(base)), None)
