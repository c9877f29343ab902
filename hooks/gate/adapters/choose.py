"""Model adapters: one interface (`base.Adapter`) over scikit-learn, torch and ONNX models."""

from __future__ import annotations

from typing import Any

from hooks._core.errors import UsageError
from hooks.gate.adapters.base import Adapter, NotSupported
from hooks.gate.data import Dataset
from hooks.gate.text import safe_text


def adapter_for(kind: str, model: Any, data: Dataset) -> Adapter:
    """The most exact adapter that reproduces the model: white box when its gradients can be
    computed exactly, else a black box with the reason in its description."""
    if kind in ("torch", "torchscript"):
        from hooks.gate.adapters.torch_models import TorchWhiteBox

        try:
            return TorchWhiteBox(model, data, "nn.Module" if kind == "torch" else "TorchScript")
        except NotSupported as exc:
            raise UsageError(f"cannot attack this torch model: {exc}") from None
        except RuntimeError as exc:
            raise UsageError(f"the torch model rejects the data: {safe_text(str(exc).splitlines()[0], 120)}") from None
    if kind == "onnx":
        from hooks.gate.adapters.onnx_models import OnnxBlackBox

        try:
            return OnnxBlackBox(model, data)
        except NotSupported as exc:
            raise UsageError(f"cannot attack this ONNX model: {exc}") from None
    from hooks.gate.adapters.sklearn_models import SklearnBlackBox, SklearnWhiteBox

    try:
        return SklearnWhiteBox(model, data)
    except NotSupported as exc:
        reason = str(exc)
    try:
        return SklearnBlackBox(model, data, reason)
    except NotSupported as exc:
        raise UsageError(f"the model is not a fitted classifier ({exc})") from None
