"""Keras v3 .keras zips."""

from __future__ import annotations

from pathlib import Path

import pytest

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


DENSE = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d"}, "registered_name": None}


def _model(*layers: dict[str, object]) -> dict[str, object]:
    return {"module": "keras", "class_name": "Sequential", "config": {"name": "s", "layers": [DENSE, *layers]}}


def test_function_references_that_run_code(tmp_path: Path) -> None:
    # CVE-2025-1550 class: a config names any module's function; CVE-2025-8747: Keras' own get_file
    exec_ref = {"module": "builtins", "class_name": "function", "config": "exec", "registered_name": "function"}
    system_ref = {"module": "os", "class_name": "function", "config": "system", "registered_name": "function"}
    get_file = {
        "module": "keras.utils",
        "class_name": "get_file",
        "config": {"origin": "https://x/y", "fname": "/tmp/z"},
    }
    activation = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "a", "activation": exec_ref}}
    for layer in (activation, system_ref, get_file):
        found = scan_bytes(tmp_path, "ref.keras", keras_zip(_model(layer)))
        assert rules(found) == ["MLS128"], layer


def test_ordinary_function_references_are_clean(tmp_path: Path) -> None:
    relu = {"module": "keras.activations", "class_name": "function", "config": "relu", "registered_name": "function"}
    layer = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "a", "activation": relu}}
    assert scan_bytes(tmp_path, "ok.keras", keras_zip(_model(layer))) == []


def test_lookup_layers_reading_files(tmp_path: Path) -> None:
    lookup = {
        "module": "keras.layers",
        "class_name": "StringLookup",
        "config": {"name": "v", "vocabulary": "/etc/passwd"},
    }
    assert rules(scan_bytes(tmp_path, "v.keras", keras_zip(_model(lookup)))) == ["MLS129"]
    inline = {"module": "keras.layers", "class_name": "StringLookup", "config": {"name": "v", "vocabulary": ["a", "b"]}}
    assert scan_bytes(tmp_path, "ok.keras", keras_zip(_model(inline))) == []


def test_a_broken_config_fails_closed(tmp_path: Path) -> None:
    from tests.artifacts.builders import empty_hdf5, zip_with

    broken = zip_with({"metadata.json": b"{}", "config.json": b"{not json", "model.weights.h5": empty_hdf5()})
    assert rules(scan_bytes(tmp_path, "broken.keras", broken)) == ["MLS901"]


def test_files_saved_by_keras_itself(tmp_path: Path) -> None:
    keras = pytest.importorskip("keras", reason="keras is not installed (optional test oracle)")
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2)])
    model.save(tmp_path / "real.keras")
    assert scan_bytes(tmp_path, "real.keras", (tmp_path / "real.keras").read_bytes()) == []
    lam = keras.Sequential([keras.Input((2,)), keras.layers.Lambda(lambda x: x + 1)])
    lam.save(tmp_path / "lam.keras")
    assert rules(scan_bytes(tmp_path, "lam.keras", (tmp_path / "lam.keras").read_bytes())) == ["MLS108"]
