"""Helpers of the gate tests (fixtures live in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import yaml


def save_npz(path: Path, x: Any, y: Any, **extra: Any) -> Path:
    np.savez(path, X=x, y=y, **extra)
    return path


def dump(model: Any, path: Path) -> Path:
    import joblib

    joblib.dump(model, path)
    return path


def write_policy(root: Path, gate: dict[str, Any], **other: Any) -> None:
    (root / ".mlsec.yaml").write_text(yaml.safe_dump({"gate": gate, **other}))


def run_gate(*argv: str) -> int:
    from hooks.cli.mlsec import main

    return main(["gate", *argv])


def read_record(model: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(model.with_name(model.name + ".gate.json").read_text())
    return loaded


def metric(record: dict[str, Any], check: str, name: str) -> dict[str, Any]:
    return next(m for m in record["checks"] if m["check"] == check and m["metric"] == name)
