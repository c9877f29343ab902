"""HDF5 (Keras .h5) models: files written by h5py (test-only), read by the hook without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes

h5py = pytest.importorskip("h5py", reason="h5py (test extra) writes the fixture files")
np = pytest.importorskip("numpy")

DENSE = {"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "relu"}}
LAMBDA = {
    "class_name": "Lambda",
    "config": {"name": "shift", "function": ["4wEAAAAAAAAA", None, None], "function_type": "lambda"},
}


def _config(*layers: dict[str, object]) -> str:
    return json.dumps({"class_name": "Sequential", "config": {"name": "s", "layers": list(layers)}})


def _h5(
    tmp_path: Path, config: str, *, as_bytes: bool = True, libver: str = "earliest", extra: int = 0, weights: int = 2
) -> bytes:
    path = tmp_path / "built.h5"
    with h5py.File(path, "w", libver=libver) as f:
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = config.encode() if as_bytes else config
        f.attrs["training_config"] = json.dumps({"loss": "mse", "optimizer_config": {"class_name": "Adam"}})
        for index in range(extra):
            f.attrs[f"note{index}"] = f"value {index}" * 20
        group = f.create_group("model_weights")
        for index in range(weights):
            group.create_dataset(f"w{index}", data=np.ones((16, 16), dtype=np.float32))
    return path.read_bytes()


@pytest.mark.parametrize("libver", ["earliest", "latest"])
@pytest.mark.parametrize("as_bytes", [True, False])
def test_keras_configs_read_from_the_root_attributes(tmp_path: Path, libver: str, as_bytes: bool) -> None:
    clean = _h5(tmp_path, _config(DENSE), as_bytes=as_bytes, libver=libver)
    assert scan_bytes(tmp_path, "ok.h5", clean) == []
    bad = _h5(tmp_path, _config(DENSE, LAMBDA), as_bytes=as_bytes, libver=libver)
    found = scan_bytes(tmp_path, "bad.h5", bad)
    assert rules(found) == ["MLS108"] and "shift" in found[0].message and "model_config" in found[0].message


def test_many_attributes_continuation_and_dense_storage(tmp_path: Path) -> None:
    for libver in ("earliest", "latest"):
        bad = _h5(tmp_path, _config(DENSE, LAMBDA), libver=libver, extra=40)
        assert rules(scan_bytes(tmp_path, "many.h5", bad)) == ["MLS108"], libver
        assert scan_bytes(tmp_path, "many_ok.h5", _h5(tmp_path, _config(DENSE), libver=libver, extra=40)) == []


def test_dense_attribute_storage_is_read_not_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks.artifacts.formats import hdf5

    def no_search(*_: object) -> None:
        raise AssertionError("fell back to searching")

    monkeypatch.setattr(hdf5, "_search_configs", no_search)
    big_lambda = dict(LAMBDA, config=dict(LAMBDA["config"], pad="x" * 200_000))  # type: ignore[arg-type]
    for extra, layer in ((40, LAMBDA), (300, LAMBDA), (20, big_lambda)):
        bad = _h5(tmp_path, _config(DENSE, layer), libver="latest", extra=extra)
        assert rules(scan_bytes(tmp_path, "dense.h5", bad)) == ["MLS108"], extra


def test_dangerous_references_and_custom_objects_in_h5(tmp_path: Path) -> None:
    get_file = {"module": "keras.utils", "class_name": "get_file", "config": {"origin": "http://x/y"}}
    custom = {"module": "mylib.layers", "class_name": "Fancy", "config": {"name": "f"}}
    found = scan_bytes(tmp_path, "ref.h5", _h5(tmp_path, _config(DENSE, get_file, custom)))
    assert rules(found) == ["MLS109", "MLS128"]


def test_a_pickled_attribute_is_analysed(tmp_path: Path) -> None:
    path = tmp_path / "pt.h5"
    with h5py.File(path, "w") as f:
        f.attrs["CLASS"] = b"TABLE"
        f.attrs["obj"] = np.void(malicious_pickle(tmp_path / "canary"))
    assert rules(scan_bytes(tmp_path, "tables.h5", path.read_bytes())) == ["MLS101"]


def test_lookalike_and_broken_files(tmp_path: Path) -> None:
    # a plain HDF5 data file: no Keras attributes, nothing to report
    path = tmp_path / "data.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset("x", data=np.arange(100))
        f.attrs["description"] = "Lambda: not a layer"
    assert scan_bytes(tmp_path, "data.h5", path.read_bytes()) == []
    data = _h5(tmp_path, _config(DENSE))
    assert rules(scan_bytes(tmp_path, "cut.h5", data[:120])) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "sig.h5", b"\x89HDF\r\n\x1a\n" + b"\x00" * 600)) == ["MLS901"]


_SEED = bytearray()
_DENSE_SEED = bytearray()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_hdf5_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    if not _SEED:
        _SEED[:] = _h5(tmp_path, _config(DENSE, LAMBDA), as_bytes=False, weights=1)
        _DENSE_SEED[:] = _h5(tmp_path, _config(DENSE, LAMBDA), libver="latest", extra=40, weights=0)
    seed = bytearray(data.draw(st.sampled_from([_SEED, _DENSE_SEED])))
    for _ in range(data.draw(st.integers(1, 6))):
        seed[data.draw(st.integers(0, len(seed) - 1))] = data.draw(st.integers(0, 255))
    inspect_bytes(bytes(seed[: data.draw(st.integers(1, len(seed)))]), "x.h5")
