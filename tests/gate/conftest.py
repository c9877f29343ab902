"""Shared fixtures of the gate tests: scikit-learn's bundled data sets (no download), small
models fitted once per session."""

from __future__ import annotations

from typing import Any

import pytest

np = pytest.importorskip("numpy", reason="the gate's tests need numpy (pip install 'mlsec-hooks[gate]')")
pytest.importorskip("sklearn", reason="the gate's tests need scikit-learn (pip install 'mlsec-hooks[gate]')")
yaml = pytest.importorskip("yaml")


@pytest.fixture(scope="session")
def digits() -> dict[str, Any]:
    """Digits scaled to [0, 1], split 1200 / 597 with a fixed seed."""
    from sklearn.datasets import load_digits

    x, y = load_digits(return_X_y=True)
    x = x / 16.0
    order = np.random.default_rng(0).permutation(len(x))
    train, test = order[:1200], order[1200:]
    return {"x_train": x[train], "y_train": y[train], "x_test": x[test], "y_test": y[test]}


@pytest.fixture(scope="session")
def digits_lr(digits: dict[str, Any]) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=2000).fit(digits["x_train"], digits["y_train"])


@pytest.fixture(scope="session")
def cancer() -> dict[str, Any]:
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer(as_frame=True)
    frame = data.frame.rename(columns=lambda c: c.replace(" ", "_"))
    order = np.random.default_rng(1).permutation(len(frame))
    return {
        "train": frame.iloc[order[:400]].reset_index(drop=True),
        "test": frame.iloc[order[400:]].reset_index(drop=True),
    }
