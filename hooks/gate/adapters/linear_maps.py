"""How a perturbation of the input columns moves through a scikit-learn preprocessing chain.

Every transformer handled here is affine in the numeric columns it perturbs: scalers, PCA and
truncated SVD, feature selectors, imputers (on rows without missing values) and identities. An
affine step maps a shift `delta` of its input to `delta @ J` for a fixed matrix J, so the model
input at x + delta is `T(x) + delta @ J`: exact, and T runs once. Encoders (one-hot, ordinal)
turn categories into columns; their input columns are frozen (never perturbed, like the
policy's `immutable` ones) and their outputs stay as encoded. Anything else (splines,
polynomials, a custom function) is not affine, and the model is attacked as a black box.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from hooks.gate.adapters.base import NotSupported

_ENCODERS = frozenset({"OneHotEncoder", "OrdinalEncoder", "TargetEncoder"})


def _name(step: Any) -> str:
    return type(step).__name__


def _diagonal(values: Any, width: int) -> np.ndarray:
    scale = np.ones(width) if values is None else np.asarray(values, dtype=np.float64)
    if scale.shape != (width,):
        raise NotSupported("scaler width does not match its input")
    return np.diag(scale)


def _inverse(values: Any) -> Any:
    if values is None:
        return None
    scale = np.asarray(values, dtype=np.float64)
    return 1.0 / np.where(scale == 0, 1.0, scale)


def step_map(step: Any, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(J, frozen): the step maps an input shift d to d @ J; `frozen` input columns must not move."""
    name = _name(step)
    none = np.zeros(width, dtype=bool)
    if step is None or (isinstance(step, str) and step == "passthrough"):
        return np.eye(width), none
    if name == "StandardScaler":
        return _diagonal(_inverse(getattr(step, "scale_", None)), width), none
    if name == "MinMaxScaler":
        if getattr(step, "clip", False):
            raise NotSupported("MinMaxScaler(clip=True) is not affine")
        return _diagonal(step.scale_, width), none
    if name in ("MaxAbsScaler", "RobustScaler"):
        return _diagonal(_inverse(getattr(step, "scale_", None)), width), none
    if name in ("PCA", "TruncatedSVD", "IncrementalPCA"):
        matrix = np.asarray(step.components_, dtype=np.float64).T
        if getattr(step, "whiten", False):
            matrix = matrix / np.sqrt(np.asarray(step.explained_variance_, dtype=np.float64))
        return matrix, none
    if name == "SimpleImputer":
        if getattr(step, "add_indicator", False):
            raise NotSupported("SimpleImputer(add_indicator=True) is not affine")
        statistics = np.asarray(step.statistics_, dtype=np.float64)
        kept = np.ones(width, dtype=bool) if getattr(step, "keep_empty_features", False) else ~np.isnan(statistics)
        return np.eye(width)[:, kept], none
    if name == "FunctionTransformer" and getattr(step, "func", None) is None:
        return np.eye(width), none
    if hasattr(step, "get_support") and hasattr(step, "transform"):
        return np.eye(width)[:, np.asarray(step.get_support(), dtype=bool)], none
    if name in _ENCODERS:
        width_out = len(step.get_feature_names_out())
        return np.zeros((width, width_out)), np.ones(width, dtype=bool)
    if name == "Pipeline":
        return chain_map([s for _, s in step.steps], width)
    if name == "ColumnTransformer":
        return _column_transformer_map(step, width)
    raise NotSupported(f"{name} is not affine")


def chain_map(steps: list[Any], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Steps applied in order; only the first may freeze its inputs (an encoder deeper in the
    chain would see perturbed, non-categorical values)."""
    matrix = np.eye(width)
    frozen = np.zeros(width, dtype=bool)
    for position, step in enumerate(steps):
        step_matrix, step_frozen = step_map(step, matrix.shape[1])
        if step_frozen.any():
            if position:
                raise NotSupported(f"{_name(step)} after another transformer")
            frozen |= step_frozen
        matrix = matrix @ step_matrix
    return matrix, frozen


def _input_indices(transformer: Any, name: str, columns: Any, width: int) -> list[int]:
    known = getattr(transformer, "_transformer_to_input_indices", None)
    if isinstance(known, dict) and name in known:
        return [int(i) for i in known[name]]
    names = list(getattr(transformer, "feature_names_in_", []))
    if isinstance(columns, slice):
        return list(range(width))[columns]
    picked = np.asarray(columns).ravel()
    if picked.dtype == bool:
        return [int(i) for i in np.flatnonzero(picked)]
    if picked.dtype.kind in "iu":
        return [int(i) % width for i in picked]
    return [names.index(str(c)) for c in picked]


def _column_transformer_map(transformer: Any, width: int) -> tuple[np.ndarray, np.ndarray]:
    slices: dict[str, slice] = transformer.output_indices_
    total = max((s.stop for s in slices.values()), default=0)
    matrix = np.zeros((width, total))
    frozen = np.zeros(width, dtype=bool)
    for name, inner, columns in transformer.transformers_:
        out = slices.get(name, slice(0, 0))
        if inner == "drop" or out.stop == out.start:
            continue
        indices = _input_indices(transformer, name, columns, width)
        block, block_frozen = step_map(inner, len(indices))
        if block.shape != (len(indices), out.stop - out.start):
            raise NotSupported(f"{_name(inner)} output width is not what ColumnTransformer reports")
        matrix[np.ix_(indices, range(out.start, out.stop))] = block
        frozen[indices] |= block_frozen
    return matrix, frozen
