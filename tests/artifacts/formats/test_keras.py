"""Keras v3 .keras zips."""

from __future__ import annotations

from pathlib import Path

from tests.artifacts.builders import keras_zip
from tests.artifacts.helpers import rules, scan_bytes


def test_keras_lambda_and_custom_objects(tmp_path: Path) -> None:
    dense = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d"}, "registered_name": None}
    lam = {"module": "keras.layers", "class_name": "Lambda", "config": {"name": "shift", "function": {}}}
    custom = {"module": "mylib.layers", "class_name": "Fancy", "config": {"name": "f"}}
    model = {"class_name": "Sequential", "config": {"layers": [dense]}}
    assert scan_bytes(tmp_path, "ok.keras", keras_zip(model)) == []
    model["config"] = {"layers": [dense, lam, custom]}
    assert rules(scan_bytes(tmp_path, "bad.keras", keras_zip(model))) == ["MLS108", "MLS109"]
