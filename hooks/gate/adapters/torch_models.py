"""torch modules (a state_dict in the policy's model class, or TorchScript): logits from the
module, gradients from autograd, on CPU, in batches."""

from __future__ import annotations

from typing import Any

import numpy as np

from hooks.gate.adapters.base import NotSupported
from hooks.gate.data import Dataset

_BATCH = 8192


class TorchBound:
    def __init__(self, adapter: TorchWhiteBox, data: Dataset) -> None:
        self.adapter, self.rows = adapter, data.rows
        self.base = np.nan_to_num(data.numeric)

    def _logits(self, x: np.ndarray, grad: bool) -> Any:
        torch = self.adapter.torch
        tensor = torch.as_tensor(x, dtype=torch.float32)
        if grad:
            tensor.requires_grad_(True)
        out = self.adapter.module(tensor)
        if out.ndim == 1:
            out = out[:, None]
        return tensor, out

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        torch = self.adapter.torch
        x = self.base if delta is None else self.base + np.nan_to_num(delta)
        parts = []
        with torch.no_grad():
            for start in range(0, len(x), _BATCH):
                _, logits = self._logits(x[start : start + _BATCH], grad=False)
                if logits.shape[1] == 1:
                    p1 = torch.sigmoid(logits[:, 0])
                    parts.append(torch.stack([1 - p1, p1], dim=1).double().numpy())
                else:
                    parts.append(torch.softmax(logits.double(), dim=1).numpy())
        return np.concatenate(parts) if parts else np.zeros((0, len(self.adapter.classes)))

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        torch = self.adapter.torch
        x = self.base + np.nan_to_num(delta)
        losses, grads = [], []
        for start in range(0, len(x), _BATCH):
            tensor, logits = self._logits(x[start : start + _BATCH], grad=True)
            wanted = torch.as_tensor(target[start : start + _BATCH], dtype=torch.long)
            if logits.shape[1] == 1:
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    logits[:, 0], wanted.to(logits.dtype), reduction="none"
                )
            else:
                loss = torch.nn.functional.cross_entropy(logits, wanted, reduction="none")
            (gradient,) = torch.autograd.grad(loss.sum(), tensor)
            losses.append(loss.detach().double().numpy())
            grads.append(gradient.double().numpy())
        return np.concatenate(losses), np.concatenate(grads)


class TorchWhiteBox:
    white_box = True

    def __init__(self, module: Any, data: Dataset, kind: str) -> None:
        import torch

        self.torch, self.module = torch, module
        with torch.no_grad():
            probe = module(torch.as_tensor(np.nan_to_num(data.numeric[:2]), dtype=torch.float32))
        if probe.ndim not in (1, 2):
            raise NotSupported("the module's output is not (rows, classes) logits")
        width = 1 if probe.ndim == 1 else int(probe.shape[1])
        self.classes = np.arange(2 if width == 1 else width)
        self.frozen = np.zeros(data.numeric.shape[1], dtype=bool)
        self.description = f"torch {kind}: autograd gradients of the cross-entropy of its logits, in input space"

    def bind(self, data: Dataset) -> TorchBound:
        return TorchBound(self, data)
