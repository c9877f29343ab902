"""Load a model the gate is about to judge, without letting the file run code.

The caller has already run the artifact scan on exactly these bytes (`ModelBytes` is read once,
scanned and loaded from memory, so the file cannot change in between). Pickles and joblib files
then go through an unpickler whose `find_class` admits only the scanner's allowlist (defence in
depth: the scan and the loader judge the same globals twice). ONNX, safetensors and skops are
loaded by their own libraries, from memory, where installed; torch checkpoints with
`torch.load(weights_only=True)`.
"""

from __future__ import annotations

import bz2
import hashlib
import io
import lzma
import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks._core.errors import UsageError
from hooks.gate.text import safe_text

# Whether a pickle may import (module, name): the artifact scanner's allowlist plus the project's
# `artifacts.allow_globals`, handed in by the command (the gate never imports a scanner).
Allowed = Callable[[str, str], bool]

PICKLE_SUFFIXES = frozenset({".pkl", ".pickle", ".joblib", ".jbl", ".sav", ".pk", ".p"})
TORCH_SUFFIXES = frozenset({".pt", ".pth", ".ckpt", ".torch"})
# Model files the gate can load (and so for which it writes records).
MODEL_SUFFIXES = PICKLE_SUFFIXES | TORCH_SUFFIXES | {".onnx", ".safetensors", ".skops"}


class RefusedGlobal(Exception):
    """The restricted unpickler met a global outside the allowlist: nothing of it was imported."""

    def __init__(self, module: str, name: str) -> None:
        super().__init__(f"{safe_text(module)}.{safe_text(name)}")
        self.module, self.name = module, name


@dataclass(frozen=True)
class ModelBytes:
    path: Path
    display: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


@dataclass
class LoadedModel:
    kind: str  # "sklearn" (any unpickled estimator), "torch", "torchscript", "onnx"
    model: Any
    display: str


def read_model_bytes(path: Path, display: str, max_bytes: int) -> ModelBytes:
    try:
        if not path.is_file():
            raise UsageError(f"{display}: no such model file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UsageError(f"{display}: {size >> 20} MiB is over gate.max_model_mb ({max_bytes >> 20}); raise it")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UsageError(f"{display}: cannot read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise UsageError(f"{display}: grew past gate.max_model_mb while being read")
    return ModelBytes(path, display, data)


# --- pickles and joblib files --------------------------------------------------------------


def _decompressed(data: bytes, display: str, max_bytes: int) -> bytes:
    """joblib's compressors, recognised by their magic as joblib does, decompressed with a cap."""
    if data.startswith(b"ZF"):
        raise UsageError(f"{display}: a joblib file older than 0.10 (companion files); save the model again")
    if data.startswith(b"\x04\x22\x4d\x18"):
        raise UsageError(f"{display}: lz4-compressed joblib files are not supported; save with zlib or none")
    reader: Any = None
    if data.startswith(b"\x1f\x8b"):
        import gzip

        reader = gzip.GzipFile(fileobj=io.BytesIO(data))
    elif data.startswith(b"BZh"):
        reader = bz2.BZ2File(io.BytesIO(data))
    elif data.startswith((b"\xfd7zXZ", b"\x5d\x00\x00")):
        reader = lzma.LZMAFile(io.BytesIO(data))  # noqa: SIM115 - closed by the `with` below
    elif data[:1] == b"\x78" and len(data) > 1 and (data[0] * 256 + data[1]) % 31 == 0:
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data, max_bytes + 1)
        except zlib.error as exc:
            raise UsageError(f"{display}: corrupt zlib stream ({exc})") from None
        if len(inflated) > max_bytes:
            raise UsageError(f"{display}: decompresses past gate.max_model_mb")
        return inflated
    if reader is None:
        return data
    try:
        with reader:
            out: bytes = reader.read(max_bytes + 1)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise UsageError(f"{display}: corrupt compressed stream ({safe_text(str(exc), 80)})") from None
    if len(out) > max_bytes:
        raise UsageError(f"{display}: decompresses past gate.max_model_mb")
    return out


def _check(allowed: Allowed, module: str, name: str) -> None:
    if not allowed(module, name):
        raise RefusedGlobal(module, name)


def _plain_unpickler(policy: Allowed, handle: io.BytesIO) -> pickle.Unpickler:
    class Restricted(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            _check(policy, module, name)
            return super().find_class(module, name)

        def persistent_load(self, pid: Any) -> Any:
            raise RefusedGlobal("persistent_load", safe_text(pid, 40))

    return Restricted(handle)


def _joblib_unpickler(policy: Allowed, handle: io.BytesIO, max_bytes: int) -> Any:
    """joblib's own unpickler (it reads the raw array bytes that follow each array wrapper),
    restricted to the allowlist, with array sizes checked before anything is allocated."""
    from joblib.numpy_pickle import NumpyArrayWrapper, NumpyUnpickler
    from joblib.numpy_pickle_compat import NDArrayWrapper

    class Restricted(NumpyUnpickler):  # type: ignore[misc]
        dispatch = NumpyUnpickler.dispatch.copy()

        def find_class(self, module: str, name: str) -> Any:
            _check(policy, module, name)
            return super().find_class(module, name)

        def persistent_load(self, pid: Any) -> Any:
            raise RefusedGlobal("persistent_load", safe_text(pid, 40))

        def load_build(self) -> None:
            pickle._Unpickler.load_build(self)  # type: ignore[attr-defined]
            top = self.stack[-1]
            if isinstance(top, NDArrayWrapper):
                raise RefusedGlobal("joblib.numpy_pickle_compat", "NDArrayWrapper (reads companion files)")
            if isinstance(top, NumpyArrayWrapper):
                import numpy as np

                dtype = np.dtype(top.dtype)
                count = 1
                for extent in top.shape:
                    count *= int(extent)
                if not dtype.hasobject and count * max(dtype.itemsize, 1) > max_bytes:
                    raise UsageError("an array in the model declares more bytes than gate.max_model_mb")
                self.stack.pop()
                self.stack.append(top.read(self, self.ensure_native_byte_order))

        dispatch[pickle.BUILD[0]] = load_build

    return Restricted("", handle, ensure_native_byte_order=True)


def load_pickle(model: ModelBytes, policy: Allowed, max_bytes: int) -> Any:
    raw = _decompressed(model.data, model.display, max_bytes)
    handle = io.BytesIO(raw)
    try:
        import joblib  # noqa: F401  (installed with scikit-learn)

        unpickler = _joblib_unpickler(policy, handle, max_bytes)
    except ImportError:
        unpickler = _plain_unpickler(policy, handle)
    try:
        return unpickler.load()
    except (RefusedGlobal, UsageError):
        raise
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"{model.display}: needs the module {safe_text(exc.name or '?')!r}, which is not installed"
        ) from None
    except Exception as exc:  # noqa: BLE001 - a broken stream raises anything; fail closed, one line
        raise UsageError(
            f"{model.display}: cannot be unpickled ({type(exc).__name__}: {safe_text(exc, 100)})"
        ) from None


# --- other formats -------------------------------------------------------------------------


def _import(name: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise UsageError(f"loading this model needs {name}: pip install {extra}") from None


def _model_class(spec: str | None, root: Path, display: str) -> Any:
    """The `module:Class` the policy names for a state_dict; the module is the project's own code."""
    if spec is None:
        raise UsageError(f"{display}: holds weights only; name the model class in gate.model_class (module:Class)")
    import importlib
    import sys

    module_name, _, class_name = spec.partition(":")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise UsageError(f"gate.model_class: cannot import {safe_text(module_name)} ({safe_text(exc, 80)})") from None
    found = getattr(module, class_name, None)
    if not isinstance(found, type):
        raise UsageError(f"gate.model_class: {safe_text(spec)} is not a class")
    return found


def _torch_module(state: Any, spec: str | None, kwargs: dict[str, Any], root: Path, display: str) -> Any:
    torch = _import("torch", "torch")
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise UsageError(f"{display}: expected a state_dict (names to tensors)")
    cls = _model_class(spec, root, display)
    module = cls(**kwargs)
    if not isinstance(module, torch.nn.Module):
        raise UsageError("gate.model_class: not a torch.nn.Module")
    try:
        module.load_state_dict(state)
    except RuntimeError as exc:
        raise UsageError(
            f"{display}: does not fit gate.model_class ({safe_text(str(exc).splitlines()[0], 120)})"
        ) from None
    module.eval()
    return module


def _is_torchscript(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False
    return any(name.endswith("/constants.pkl") or name == "constants.pkl" for name in names)


def _load_skops(model: ModelBytes, policy: Allowed) -> Any:
    sio = _import("skops.io", "skops")
    untrusted = sio.get_untrusted_types(data=model.data)
    for qualified in untrusted:
        module, _, name = str(qualified).rpartition(".")
        _check(policy, module, name)
    return sio.loads(model.data, trusted=untrusted)


def load_model(
    model: ModelBytes,
    policy: Allowed,
    *,
    root: Path,
    model_class: str | None,
    model_kwargs: dict[str, Any],
    max_bytes: int,
) -> LoadedModel:
    """The model in memory, by format; raises RefusedGlobal or UsageError, never runs the file."""
    suffix, display = model.suffix, model.display
    if suffix == ".onnx":
        ort = _import("onnxruntime", "onnxruntime")
        try:
            # From bytes: external-data references cannot resolve to files beside (or above) it.
            session = ort.InferenceSession(model.data, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own exception types
            raise UsageError(f"{display}: onnxruntime cannot load it ({safe_text(exc, 100)})") from None
        return LoadedModel("onnx", session, display)
    if suffix == ".safetensors":
        _import("torch", "torch")
        st = _import("safetensors.torch", "safetensors")
        try:
            state = st.load(model.data)
        except Exception as exc:  # noqa: BLE001 - safetensors raises its own error type
            raise UsageError(f"{display}: not a readable safetensors file ({safe_text(exc, 100)})") from None
        return LoadedModel("torch", _torch_module(state, model_class, model_kwargs, root, display), display)
    if suffix == ".skops":
        return LoadedModel("sklearn", _load_skops(model, policy), display)
    if suffix in TORCH_SUFFIXES or (model.data.startswith(b"PK") and suffix not in PICKLE_SUFFIXES):
        torch = _import("torch", "torch")
        if _is_torchscript(model.data):
            try:
                module = torch.jit.load(io.BytesIO(model.data), map_location="cpu")
            except RuntimeError as exc:
                raise UsageError(f"{display}: not a loadable TorchScript file ({safe_text(exc, 100)})") from None
            module.eval()
            return LoadedModel("torchscript", module, display)
        try:
            state = torch.load(io.BytesIO(model.data), map_location="cpu", weights_only=True)
        except pickle.UnpicklingError as exc:
            raise UsageError(
                f"{display}: torch refuses it with weights_only=True ({safe_text(str(exc).splitlines()[0], 100)}); "
                "save a state_dict"
            ) from None
        except RuntimeError as exc:
            raise UsageError(f"{display}: not a readable torch checkpoint ({safe_text(exc, 100)})") from None
        return LoadedModel("torch", _torch_module(state, model_class, model_kwargs, root, display), display)
    return LoadedModel("sklearn", load_pickle(model, policy, max_bytes), display)
