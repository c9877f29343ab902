"""ONNX models through onnxruntime: probabilities (or logits) from the session, attacked as a
black box (onnxruntime computes no input gradients)."""

from __future__ import annotations

from typing import Any

import numpy as np

from hooks.gate.adapters.base import NotSupported, softmax
from hooks.gate.data import Dataset


def _scores(outputs: list[Any], classes: int | None) -> np.ndarray:
    """The probability (or logit) output among a session's outputs."""
    for output in outputs:
        if isinstance(output, list) and output and isinstance(output[0], dict):  # ZipMap
            keys = sorted(output[0])
            return np.array([[row[key] for key in keys] for row in output], dtype=np.float64)
    for output in outputs:
        array = np.asarray(output)
        if array.ndim == 2 and array.dtype.kind == "f" and (classes is None or array.shape[1] == classes):
            values = array.astype(np.float64)
            looks_like_proba = np.all(values >= 0) and np.allclose(values.sum(axis=1), 1.0, atol=1e-4)
            return values if looks_like_proba else softmax(values)
    raise NotSupported("no (rows, classes) float output")


class OnnxBound:
    def __init__(self, adapter: OnnxBlackBox, data: Dataset) -> None:
        self.adapter, self.rows = adapter, data.rows
        self.base = np.nan_to_num(data.numeric)

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        x = self.base if delta is None else self.base + np.nan_to_num(delta)
        return self.adapter.run(x)

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotSupported("black box")


class OnnxBlackBox:
    white_box = False

    def __init__(self, session: Any, data: Dataset) -> None:
        self.session = session
        inputs = session.get_inputs()
        if len(inputs) != 1:
            raise NotSupported("the ONNX graph takes more than one input")
        self.input_name = inputs[0].name
        self.dtype = np.float64 if "double" in str(inputs[0].type) else np.float32
        probe = self.run(np.nan_to_num(data.numeric[:2]))
        self.classes = np.arange(probe.shape[1])
        self.frozen = np.zeros(data.numeric.shape[1], dtype=bool)
        self.description = "ONNX (onnxruntime): black box, bounded random search"

    def run(self, x: np.ndarray) -> np.ndarray:
        outputs = self.session.run(None, {self.input_name: x.astype(self.dtype)})
        return _scores(outputs, None)

    def bind(self, data: Dataset) -> OnnxBound:
        return OnnxBound(self, data)
