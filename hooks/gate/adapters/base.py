"""What the attacks and metrics see of a model: class probabilities for rows shifted by a
perturbation in the *attack space* (the numeric feature columns as the data file holds them),
and, for white-box models, the gradient of the cross-entropy loss with respect to that shift."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from hooks.gate.data import Dataset


class NotSupported(Exception):
    """This adapter cannot represent the model exactly; the caller tries the next one."""


class Bound(Protocol):
    """A model bound to a fixed set of rows."""

    rows: int

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        """(rows, classes) probabilities (or softmax of decision values) at x + delta."""
        ...

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cross-entropy towards class indices `target` at x + delta, per row, and its gradient
        with respect to delta, (rows, features). Only white-box adapters implement it."""
        ...


class Adapter(Protocol):
    classes: np.ndarray  # class labels, in the order of the probability columns
    white_box: bool
    frozen: np.ndarray  # (features,) bool: columns the model's own encoders make categorical
    description: str  # what is attacked, in which space: goes to the report and the record

    def bind(self, data: Dataset) -> Bound: ...


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    out: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 0.5 * (1.0 + np.tanh(0.5 * z))  # stable for large |z|
    return out


def logits_to_proba(logits: np.ndarray) -> np.ndarray:
    """One column: binary (sigmoid); several: softmax."""
    if logits.shape[1] == 1:
        p1 = sigmoid(logits[:, 0])
        return np.column_stack([1.0 - p1, p1])
    return softmax(logits)


def dloss_dlogits(logits: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Gradient of the cross-entropy with respect to the logits (sigmoid or softmax output)."""
    if logits.shape[1] == 1:
        binary: np.ndarray = (sigmoid(logits[:, 0]) - (target == 1))[:, None]
        return binary
    grad = softmax(logits)
    grad[np.arange(len(target)), target] -= 1.0
    return grad


def cross_entropy(proba: np.ndarray, target: np.ndarray) -> np.ndarray:
    picked = proba[np.arange(len(target)), target]
    out: np.ndarray = -np.log(np.clip(picked, 1e-12, 1.0))
    return out


def cross_entropy_of_logits(logits: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The same loss computed from the logits, exact where probabilities underflow."""
    if logits.shape[1] == 1:
        z = logits[:, 0]
        signed = np.where(target == 1, -z, z)
        out: np.ndarray = np.logaddexp(0.0, signed)
        return out
    top = logits.max(axis=1)
    log_sum = top + np.log(np.exp(logits - top[:, None]).sum(axis=1))
    result: np.ndarray = log_sum - logits[np.arange(len(target)), target]
    return result
