"""Adapters reproduce the model exactly, and their gradients are the true ones (checked against
finite differences), through scalers, PCA and ColumnTransformers with one-hot encoders."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from hooks.gate.adapters.choose import adapter_for
from hooks.gate.data import Dataset, Table, to_dataset


def _dataset(x: np.ndarray, y: np.ndarray, immutable: tuple[str, ...] = ()) -> Dataset:
    columns = [str(i) for i in range(x.shape[1])]
    table = Table([*columns, "label"], np.column_stack([x, y]).astype(np.float64), "0" * 64, "t.npz")
    return to_dataset(table, features=columns, label="label", immutable=immutable, sensitive=None, as_frame=False)


def _finite_difference(bound: Any, x_shape: tuple[int, int], target: np.ndarray, h: float = 1e-6) -> np.ndarray:
    grad = np.zeros(x_shape)
    for column in range(x_shape[1]):
        step = np.zeros(x_shape)
        step[:, column] = h
        up, _ = bound.loss_grad(step, target)
        down, _ = bound.loss_grad(-step, target)
        grad[:, column] = (up - down) / (2 * h)
    return grad


def _models() -> list[tuple[str, Any]]:
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression, RidgeClassifier, SGDClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MinMaxScaler, StandardScaler
    from sklearn.svm import LinearSVC

    return [
        ("logistic", LogisticRegression(max_iter=500)),
        ("svc", LinearSVC()),
        ("ridge", RidgeClassifier()),
        ("sgd", SGDClassifier(random_state=0)),
        ("mlp-relu", MLPClassifier(hidden_layer_sizes=(8,), max_iter=300, random_state=0)),
        ("mlp-tanh", MLPClassifier(hidden_layer_sizes=(6, 5), activation="tanh", max_iter=300, random_state=0)),
        ("scaled", make_pipeline(StandardScaler(), LogisticRegression(max_iter=500))),
        ("pca", make_pipeline(MinMaxScaler(), PCA(n_components=3, whiten=True), LogisticRegression(max_iter=500))),
    ]


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("binary", [False, True], ids=["iris", "binary"])
@pytest.mark.parametrize(("name", "model"), _models(), ids=[n for n, _ in _models()])
def test_white_box_gradients_match_finite_differences(name: str, model: Any, binary: bool) -> None:
    from sklearn.datasets import load_iris

    x, y = load_iris(return_X_y=True)
    if binary:
        y = (y == 2).astype(int)
    model.fit(x, y)
    data = _dataset(x[::10], y[::10])
    adapter = adapter_for("sklearn", model, data)
    assert adapter.white_box, adapter.description
    bound = adapter.bind(data)
    target = np.searchsorted(adapter.classes, y[::10])
    _, analytic = bound.loss_grad(np.zeros_like(data.numeric), target)
    numeric = _finite_difference(bound, data.numeric.shape, target)
    scale = max(1.0, float(np.abs(analytic).max()))
    assert np.allclose(analytic, numeric, atol=1e-5 * scale, rtol=1e-3)
    predicted = adapter.classes[bound.proba().argmax(axis=1)]
    assert (predicted == model.predict(x[::10])).all()


def test_one_hot_columns_stay_frozen_and_numeric_ones_are_differentiated() -> None:
    pd = pytest.importorskip("pandas")
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "amount": rng.normal(100, 20, 300),
            "age": rng.integers(18, 80, 300).astype(float),
            "country": rng.choice(["fr", "de", "it"], 300),
        }
    )
    y = ((frame["amount"] > 100) ^ (frame["country"] == "fr")).astype(int)
    model = Pipeline(
        [
            (
                "prep",
                ColumnTransformer(
                    [("num", StandardScaler(), ["amount", "age"]), ("cat", OneHotEncoder(), ["country"])]
                ),
            ),
            ("clf", LogisticRegression(max_iter=500)),
        ]
    ).fit(frame, y)
    frame["label"] = y
    table = Table(list(frame.columns), frame, "0" * 64, "f.csv")
    data = to_dataset(
        table, features=["amount", "age", "country"], label="label", immutable=("age",), sensitive=None, as_frame=True
    )
    adapter = adapter_for("sklearn", model, data)
    assert adapter.white_box and "ColumnTransformer" in adapter.description
    assert list(adapter.frozen) == [False, False, True]  # the one-hot column
    assert list(data.mutable) == [True, False, False]  # age immutable, country not a number
    bound = adapter.bind(data)
    _, grad = bound.loss_grad(np.zeros_like(data.numeric), y.to_numpy())
    numeric = _finite_difference(bound, data.numeric.shape, y.to_numpy(), h=1e-4)
    assert np.allclose(grad[:, :2], numeric[:, :2], atol=1e-6, rtol=1e-4)


def test_a_non_affine_step_makes_the_model_a_black_box() -> None:
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures

    x, y = load_iris(return_X_y=True)
    x = x / x.max(axis=0)
    model = make_pipeline(PolynomialFeatures(2), LogisticRegression(max_iter=500)).fit(x, y)
    adapter = adapter_for("sklearn", model, _dataset(x, y))
    assert not adapter.white_box
    assert "PolynomialFeatures is not affine" in adapter.description


def test_estimators_without_probabilities_are_queried_by_decision_or_label() -> None:
    from sklearn.datasets import load_iris
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC

    x, y = load_iris(return_X_y=True)
    for model in (SVC().fit(x, y), KNeighborsClassifier(3).fit(x, y)):
        data = _dataset(x, y)
        adapter = adapter_for("sklearn", model, data)
        proba = adapter.bind(data).proba()
        assert (adapter.classes[proba.argmax(axis=1)] == model.predict(x)).all()
