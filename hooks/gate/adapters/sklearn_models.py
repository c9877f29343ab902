"""scikit-learn models: exact numpy gradients for linear models and MLPClassifier (alone or at
the end of an affine preprocessing chain, see linear_maps), every other estimator as a black box
queried through predict_proba / decision_function / predict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from hooks.gate.adapters.base import NotSupported, cross_entropy_of_logits, dloss_dlogits, logits_to_proba
from hooks.gate.adapters.linear_maps import chain_map
from hooks.gate.data import Dataset

_CHECK_ROWS = 64
_TOLERANCE = 1e-6

MAX_DENSE_WIDTH = 8192  # a dense Jacobian of this width is 512 MiB


def _dense(values: Any) -> np.ndarray:
    if hasattr(values, "toarray"):
        values = values.toarray()
    return np.asarray(values, dtype=np.float64)


class LinearHead:
    """Any estimator with coef_ and intercept_: logits = Z W^T + b."""

    def __init__(self, estimator: Any) -> None:
        self.weights = np.atleast_2d(np.asarray(estimator.coef_, dtype=np.float64))
        self.bias = np.atleast_1d(np.asarray(estimator.intercept_, dtype=np.float64))
        self.name = type(estimator).__name__

    def logits(self, z: np.ndarray) -> np.ndarray:
        out: np.ndarray = z @ self.weights.T + self.bias
        return out

    def backward(self, z: np.ndarray, grad_logits: np.ndarray) -> np.ndarray:
        out: np.ndarray = grad_logits @ self.weights
        return out


_Activation = Callable[[np.ndarray], np.ndarray]
_Derivative = Callable[[np.ndarray, np.ndarray], np.ndarray]
_ACTIVATIONS: dict[str, tuple[_Activation, _Derivative]] = {
    "relu": (lambda h: np.maximum(h, 0.0), lambda h, a: (h > 0).astype(np.float64)),
    "tanh": (np.tanh, lambda h, a: 1.0 - a * a),
    "logistic": (lambda h: 0.5 * (1.0 + np.tanh(0.5 * h)), lambda h, a: a * (1.0 - a)),
    "identity": (lambda h: h, lambda h, a: np.ones_like(h)),
}


class MLPHead:
    """MLPClassifier from its weights: hidden layers with the fitted activation, logits last."""

    def __init__(self, estimator: Any) -> None:
        if estimator.activation not in _ACTIVATIONS or estimator.out_activation_ not in ("softmax", "logistic"):
            raise NotSupported("MLP activation not handled")
        if (
            getattr(estimator, "_label_binarizer", None) is not None
            and estimator._label_binarizer.y_type_ == "multilabel-indicator"
        ):
            raise NotSupported("multilabel MLP")
        self.weights = [np.asarray(w, dtype=np.float64) for w in estimator.coefs_]
        self.biases = [np.asarray(b, dtype=np.float64) for b in estimator.intercepts_]
        self.activation, self.derivative = _ACTIVATIONS[estimator.activation]
        self.name = "MLPClassifier"

    def _forward(self, z: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        pre: list[np.ndarray] = []
        post: list[np.ndarray] = [z]
        for index, (weights, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = post[-1] @ weights + bias
            pre.append(h)
            if index < len(self.weights) - 1:
                post.append(self.activation(h))
        return pre, post

    def logits(self, z: np.ndarray) -> np.ndarray:
        return self._forward(z)[0][-1]

    def backward(self, z: np.ndarray, grad_logits: np.ndarray) -> np.ndarray:
        pre, post = self._forward(z)
        grad = grad_logits
        for index in range(len(self.weights) - 1, -1, -1):
            grad = grad @ self.weights[index].T
            if index > 0:
                grad = grad * self.derivative(pre[index - 1], post[index])
        return grad


def _split(estimator: Any) -> tuple[list[Any], Any]:
    if type(estimator).__name__ == "Pipeline":
        steps = [step for _, step in estimator.steps]
        return steps[:-1], steps[-1]
    return [], estimator


def _transform(prefix: list[Any], inputs: Any) -> np.ndarray:
    values = inputs
    for step in prefix:
        if step is None or (isinstance(step, str) and step == "passthrough"):
            continue
        values = step.transform(values)
    return _dense(values)


def _reference_logits(estimator: Any, inputs: Any, proba_head: bool) -> np.ndarray:
    if proba_head:
        return np.asarray(estimator.predict_proba(inputs), dtype=np.float64)
    decision = np.asarray(estimator.decision_function(inputs), dtype=np.float64)
    return decision[:, None] if decision.ndim == 1 else decision


class WhiteBound:
    def __init__(self, adapter: SklearnWhiteBox, data: Dataset) -> None:
        self.adapter = adapter
        self.base = _transform(adapter.prefix, data.inputs)
        self.rows = data.rows

    def _z(self, delta: np.ndarray | None) -> np.ndarray:
        if delta is None:
            return self.base
        out: np.ndarray = self.base + np.nan_to_num(delta) @ self.adapter.jacobian
        return out

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        return logits_to_proba(self.adapter.head.logits(self._z(delta)))

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z = self._z(delta)
        logits = self.adapter.head.logits(z)
        loss = cross_entropy_of_logits(logits, target)
        grad_z = self.adapter.head.backward(z, dloss_dlogits(logits, target))
        grad: np.ndarray = grad_z @ self.adapter.jacobian.T
        return loss, grad


class SklearnWhiteBox:
    white_box = True

    def __init__(self, estimator: Any, data: Dataset) -> None:
        prefix, final = _split(estimator)
        if hasattr(final, "coefs_") and type(final).__name__ == "MLPClassifier":
            head: LinearHead | MLPHead = MLPHead(final)
        elif hasattr(final, "coef_") and hasattr(final, "intercept_") and hasattr(final, "classes_"):
            head = LinearHead(final)
        else:
            raise NotSupported(f"{type(final).__name__} has no weights the gate differentiates")
        self.estimator, self.prefix, self.head = estimator, prefix, head
        self.classes = np.asarray(estimator.classes_)
        width = data.numeric.shape[1]
        if width > MAX_DENSE_WIDTH:
            # The chain's Jacobian is a dense width x width matrix (8 * width**2 bytes).
            raise NotSupported(f"{width:,} input columns: more than the {MAX_DENSE_WIDTH:,} the gate differentiates")
        self.jacobian, self.frozen = chain_map(prefix, width)
        self.proba_head = type(final).__name__ in ("LogisticRegression", "LogisticRegressionCV", "MLPClassifier")
        self._verify(data)
        chain = " > ".join(type(step).__name__ for step in prefix if step is not None and step != "passthrough")
        space = "input space through " + chain + " (affine, differentiated)" if chain else "input space"
        loss = "cross-entropy" if self.proba_head else "cross-entropy on softmax of the decision values"
        self.description = f"{head.name}: exact gradients of the {loss}, in the {space}"

    def _verify(self, data: Dataset) -> None:
        """The white-box model must be the model: compare with the estimator's own output, and
        the affine map with the real preprocessing, on a few rows."""
        rows = np.arange(min(_CHECK_ROWS, data.rows))
        sample = data.subset(rows)
        bound = WhiteBound(self, sample)
        mine = bound.proba() if self.proba_head else self.head.logits(bound.base)
        try:
            theirs = _reference_logits(self.estimator, sample.inputs, self.proba_head)
        except (AttributeError, ValueError) as exc:
            raise NotSupported(f"cannot compare with the estimator ({type(exc).__name__})") from None
        if mine.shape != theirs.shape or not np.allclose(mine, theirs, atol=_TOLERANCE, rtol=1e-5):
            raise NotSupported("the weights do not reproduce the estimator's output")
        movable = sample.mutable & ~self.frozen
        if movable.any() and self.prefix:
            rng = np.random.default_rng(0)
            delta = np.where(movable, rng.uniform(-1e-3, 1e-3, sample.numeric.shape), 0.0)
            delta = np.where(np.isfinite(sample.numeric), delta, 0.0)
            moved = _transform(self.prefix, sample.with_numeric(sample.numeric + delta))
            if not np.allclose(moved, bound.base + delta @ self.jacobian, atol=1e-8, rtol=1e-6):
                raise NotSupported("the preprocessing is not affine on these rows")

    def bind(self, data: Dataset) -> WhiteBound:
        return WhiteBound(self, data)


def estimator_proba(estimator: Any, inputs: Any, classes: np.ndarray) -> np.ndarray:
    """Probabilities if the estimator has them, else softmax of its decision values, else the
    predicted label as a one-hot row (a hard-label black box)."""
    try:
        return np.asarray(estimator.predict_proba(inputs), dtype=np.float64)
    except AttributeError:
        pass
    try:
        decision = np.asarray(estimator.decision_function(inputs), dtype=np.float64)
        return logits_to_proba(decision[:, None] if decision.ndim == 1 else decision)
    except AttributeError:
        pass
    predicted = np.asarray(estimator.predict(inputs))
    lookup = {value: index for index, value in enumerate(classes.tolist())}
    out = np.zeros((len(predicted), len(classes)))
    out[np.arange(len(predicted)), [lookup[value] for value in predicted.tolist()]] = 1.0
    return out


class BlackBound:
    def __init__(self, adapter: SklearnBlackBox, data: Dataset) -> None:
        self.adapter, self.data, self.rows = adapter, data, data.rows

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        inputs = self.data.inputs if delta is None else self.data.with_numeric(self.data.numeric + np.nan_to_num(delta))
        return estimator_proba(self.adapter.estimator, inputs, self.adapter.classes)

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotSupported("black box")


class SklearnBlackBox:
    white_box = False

    def __init__(self, estimator: Any, data: Dataset, reason: str) -> None:
        if not hasattr(estimator, "classes_") or not hasattr(estimator, "predict"):
            raise NotSupported("not a fitted classifier")
        self.estimator = estimator
        self.classes = np.asarray(estimator.classes_)
        self.frozen = np.zeros(data.numeric.shape[1], dtype=bool)
        self.description = f"{type(estimator).__name__}: black box ({reason}), bounded random search"

    def bind(self, data: Dataset) -> BlackBound:
        return BlackBound(self, data)
