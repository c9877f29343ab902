"""The gate record `<model>.gate.json` that `mlsec gate` writes next to a model, read where the
artifact hook needs it (`artifacts.require_gate_record`) without importing the gate, numpy or
anything else beyond the standard library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RECORD_SUFFIX = ".gate.json"
RECORD_FORMAT = "mlsec-gate-record"
MAX_RECORD_BYTES = 4 << 20
# The files the gate can load and judge, so the ones a record can exist for.
GATED_MODEL_SUFFIXES = frozenset(
    {
        ".pkl",
        ".pickle",
        ".joblib",
        ".jbl",
        ".sav",
        ".pk",
        ".p",
        ".pt",
        ".pth",
        ".ckpt",
        ".torch",
        ".onnx",
        ".safetensors",
        ".skops",
    }
)


def record_path(model: Path) -> Path:
    return model.with_name(model.name + RECORD_SUFFIX)


def is_gated_model(name: str) -> bool:
    lowered = name.lower()
    return not lowered.endswith(RECORD_SUFFIX) and any(lowered.endswith(suffix) for suffix in GATED_MODEL_SUFFIXES)


def _read(path: Path) -> Any:
    with path.open("rb") as handle:
        raw = handle.read(MAX_RECORD_BYTES + 1)
    if len(raw) > MAX_RECORD_BYTES:
        raise ValueError("larger than a gate record can be")
    return json.loads(raw.decode("utf-8"))


def missing_pass(model: Path, sha256: str) -> str | None:
    """None when a passing record for exactly these bytes sits beside the model; otherwise why not."""
    path = record_path(model)
    if not path.is_file():
        return "no gate record beside it; run `mlsec gate` on it"
    try:
        record = _read(path)
    except (OSError, ValueError, UnicodeDecodeError):
        return "its gate record is not readable JSON; run `mlsec gate` again"
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        return "its gate record is not in the gate's format; run `mlsec gate` again"
    model_entry = record.get("model")
    recorded = model_entry.get("sha256") if isinstance(model_entry, dict) else None
    if recorded != sha256:
        return "its gate record is for other content (an older version); run `mlsec gate` on this one"
    if record.get("verdict") != "pass":
        return "its gate record's verdict for this version is fail"
    return None
