"""MLflow model folders: the MLmodel file's python_function flavour."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import rules, scan_bytes

SKLEARN = b"""artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.7
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.4.2
mlflow_version: 2.12.1
model_uuid: 0f1e2d3c
utc_time_created: '2024-05-01 10:00:00.000000'
"""
PYFUNC = b"""flavors:
  python_function:
    cloudpickle_version: 3.0.0
    code: code
    loader_module: mlflow.pyfunc.model
    python_model: python_model.pkl
    python_version: 3.11.7
"""


def test_a_library_flavour_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "model/MLmodel", SKLEARN) == []


def test_custom_code_and_loader_modules(tmp_path: Path) -> None:
    found = scan_bytes(tmp_path, "model/MLmodel", PYFUNC)
    assert rules(found) == ["MLS127"] and "code path code" in found[0].message
    custom = SKLEARN.replace(b"loader_module: mlflow.sklearn", b"loader_module: my_loader")
    found = scan_bytes(tmp_path, "model/MLmodel", custom)
    assert rules(found) == ["MLS127"] and "my_loader" in found[0].message


def test_broken_or_hostile_mlmodel_fails_closed(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "MLmodel", b"flavors: [unclosed")) == ["MLS901"]
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nflavors: {python_function: {loader_module: m}}\n"
    assert rules(scan_bytes(tmp_path, "MLmodel", bomb)) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "MLmodel", b"just: text\n")) == ["MLS901"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_garbage_never_crashes(body: bytes) -> None:
    inspect_bytes(PYFUNC[:40] + body, "MLmodel")
