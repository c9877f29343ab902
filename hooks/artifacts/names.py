"""What file names say. Content decides the format; a name only says whether data that turns out
to be no known format must be reported (fail closed) or is simply not an artifact.

`.pb` is not listed: it names any protobuf (TensorFlow fingerprints and serving configs, with
fields in any order), and a protobuf is data. The TensorFlow files that hold graphs and Keras
configs are recognised by content (formats/tensorflow.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

ARTIFACT_SUFFIXES = frozenset(
    [
        ".pkl",
        ".pickle",
        ".pk",
        ".p",
        ".pt",
        ".pth",
        ".bin",
        ".ckpt",
        ".joblib",
        ".jbl",
        ".npy",
        ".npz",
        ".sav",
        ".mar",
        ".keras",
        ".h5",
        ".hdf5",
        ".safetensors",
        ".gguf",
        ".onnx",
        ".nemo",
        ".skops",
        ".cbm",
        ".rar",
        ".dill",
        ".cloudpickle",
        ".model",
        ".pt2",
        ".torch",
        ".7z",
        ".zip",
        ".tar",
    ]
)
# Files named by their format rather than by suffix (TensorFlow's graph files are protobufs).
ARTIFACT_NAMES = frozenset(["saved_model.pb", "keras_metadata.pb"])
COMPRESSION_SUFFIXES = frozenset([".gz", ".bz2", ".xz", ".lzma", ".z", ".zlib", ".lz4", ".zst", ".zstd"])


def named_like_artifact(name: str) -> bool:
    path = PurePosixPath(name.lower())
    if path.name in ARTIFACT_NAMES:
        return True
    if path.name.startswith(("dockerfile.", "containerfile.")):
        return False  # `Dockerfile.model`: an image recipe by the convention `docker build -f` follows
    suffixes = path.suffixes
    while suffixes and suffixes[-1] in COMPRESSION_SUFFIXES:
        suffixes = suffixes[:-1]
        if not suffixes:
            return True
    return bool(suffixes) and suffixes[-1] in ARTIFACT_SUFFIXES


def decompressed_name(name: str) -> str:
    """The name of what a compressed file holds: model.pkl.gz holds model.pkl."""
    path = PurePosixPath(name)
    return path.stem if path.suffix.lower() in COMPRESSION_SUFFIXES else name
