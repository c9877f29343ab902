"""What kind of data file a path is, by extension (each reader then checks the content)."""

from __future__ import annotations

from pathlib import PurePosixPath

CSV, JSON, JSONL, PARQUET, ARROW, NPY, NPZ, XLSX, SQLITE, HDF5, PICKLE, NOTEBOOK, OTHER = (
    "csv", "json", "jsonl", "parquet", "arrow", "npy", "npz", "xlsx", "sqlite", "hdf5", "pickle", "notebook", "other",
)  # fmt: skip

_BY_SUFFIX = {
    ".csv": CSV, ".tsv": CSV, ".tab": CSV, ".psv": CSV,
    ".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL,
    ".parquet": PARQUET, ".pq": PARQUET,
    ".arrow": ARROW, ".feather": ARROW, ".ipc": ARROW,
    ".npy": NPY, ".npz": NPZ,
    ".xlsx": XLSX, ".xlsm": XLSX,
    ".db": SQLITE, ".sqlite": SQLITE, ".sqlite3": SQLITE,
    ".h5": HDF5, ".hdf5": HDF5, ".hdf": HDF5,
    ".pkl": PICKLE, ".pickle": PICKLE,
    ".ipynb": NOTEBOOK,
}  # fmt: skip
DATA_SUFFIXES = tuple(sorted(_BY_SUFFIX))
# The hook's file selection (its spec's `files`).
FILES_PATTERN = r"\.(" + "|".join(s[1:] for s in DATA_SUFFIXES) + r")$"


def kind_of(display: str) -> str:
    return _BY_SUFFIX.get(PurePosixPath(display).suffix.lower(), OTHER)
