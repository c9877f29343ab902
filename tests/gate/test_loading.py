"""Safe loading: the restricted unpickler admits only the scanner's allowlist (checked here
directly, without the scan in front), caps array sizes and decompression, and loads joblib's
compressed files; nothing of a refused file runs."""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from hooks._core.errors import UsageError
from hooks.artifacts.globals_policy import GlobalsPolicy, Verdict
from hooks.gate.loading import ModelBytes, RefusedGlobal, load_model, load_pickle, read_model_bytes

LIMIT = 64 << 20


def _allowed(extra: list[tuple[str, str]] | None = None) -> Any:
    policy = GlobalsPolicy(extra or [])
    return lambda module, name: policy.classify(module, name) is Verdict.ALLOWED


def _bytes(data: bytes, name: str = "m.pkl") -> ModelBytes:
    return ModelBytes(Path(name), name, data)


def _load(data: bytes, name: str = "m.pkl") -> Any:
    return load_pickle(_bytes(data, name), _allowed(), LIMIT)


def test_refuses_a_code_execution_pickle_before_anything_runs(tmp_path: Path) -> None:
    canary = tmp_path / "canary"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {canary}",))

    for protocol in (0, 2, 4, 5):
        with pytest.raises(RefusedGlobal) as refused:
            _load(pickle.dumps(Payload(), protocol=protocol))
        assert refused.value.name == "system"
    assert not canary.exists()


def test_refuses_an_evil_object_array_inside_a_joblib_file(tmp_path: Path) -> None:
    import joblib

    canary = tmp_path / "canary"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {canary}",))

    array = np.empty(1, dtype=object)
    array[0] = Payload()
    joblib.dump({"weights": array}, tmp_path / "m.joblib")
    with pytest.raises(RefusedGlobal):
        _load((tmp_path / "m.joblib").read_bytes(), "m.joblib")
    assert not canary.exists()


def test_persistent_ids_are_refused() -> None:
    class WithPid(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            return "ref" if obj == "x" else None

    import io

    buffer = io.BytesIO()
    WithPid(buffer).dump(["x"])
    with pytest.raises(RefusedGlobal):
        _load(buffer.getvalue())


@pytest.mark.parametrize("compress", [0, 3, ("gzip", 3), ("bz2", 3), ("xz", 3), ("lzma", 3)])
def test_loads_sklearn_models_saved_by_joblib_with_every_stdlib_compressor(tmp_path: Path, compress: Any) -> None:
    import joblib
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression().fit(np.arange(20.0).reshape(10, 2), [0, 1] * 5)
    joblib.dump(model, tmp_path / "m.joblib", compress=compress)
    loaded = _load((tmp_path / "m.joblib").read_bytes(), "m.joblib")
    assert np.array_equal(loaded.coef_, model.coef_)


def test_plain_pickles_and_pipelines_load() -> None:
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    model = make_pipeline(StandardScaler(), DecisionTreeClassifier()).fit(np.arange(20.0).reshape(10, 2), [0, 1] * 5)
    loaded = _load(pickle.dumps(model))
    assert (loaded.predict(np.arange(20.0).reshape(10, 2)) == model.predict(np.arange(20.0).reshape(10, 2))).all()


def test_a_wrapper_declaring_a_huge_array_is_refused_before_allocation() -> None:
    from joblib.numpy_pickle import NumpyArrayWrapper

    wrapper = NumpyArrayWrapper(np.ndarray, (10**12,), "C", np.dtype("float64"))
    with pytest.raises(UsageError, match="max_model_mb"):
        _load(pickle.dumps(wrapper))


def test_decompression_is_capped() -> None:
    bomb = zlib.compress(b"\0" * (4 << 20))
    with pytest.raises(UsageError, match="decompresses past"):
        load_pickle(_bytes(bomb, "m.joblib"), _allowed(), 1 << 20)


def test_model_size_cap_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "big.pkl").write_bytes(b"\0" * 2048)
    with pytest.raises(UsageError, match="max_model_mb"):
        read_model_bytes(tmp_path / "big.pkl", "big.pkl", 1024)
    with pytest.raises(UsageError, match="no such model file"):
        read_model_bytes(tmp_path / "nope.pkl", "nope.pkl", 1024)


def test_truncated_pickles_are_a_clear_error() -> None:
    from sklearn.linear_model import LogisticRegression

    data = pickle.dumps(LogisticRegression().fit([[0.0], [1.0]], [0, 1]))
    with pytest.raises(UsageError, match="cannot be unpickled"):
        _load(data[: len(data) // 2])


def test_project_allow_globals_extend_the_unpickler_too() -> None:
    import collections

    data = pickle.dumps(collections.ChainMap({}))
    with pytest.raises(RefusedGlobal):
        _load(data)
    loaded = load_pickle(_bytes(data), _allowed([("collections", "ChainMap")]), LIMIT)
    assert isinstance(loaded, collections.ChainMap)


def test_skops_files_load_when_skops_is_installed(tmp_path: Path) -> None:
    sio = pytest.importorskip("skops.io", reason="skops is an optional format")
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression().fit(np.arange(20.0).reshape(10, 2), [0, 1] * 5)
    data = sio.dumps(model)
    loaded = load_model(
        _bytes(data, "m.skops"), _allowed(), root=tmp_path, model_class=None, model_kwargs={}, max_bytes=LIMIT
    )
    assert np.array_equal(loaded.model.coef_, model.coef_)
