"""Gradient-boosted tree models in their own binary formats: XGBoost's legacy binary and CatBoost's.

Neither format can name code. XGBoost's loader (`Booster.load_model`, R's `xgb.load`) reads a
fixed parameter block, the objective's and booster's names and then numbers into trees;
CatBoost's reads one FlatBuffers table of trees and feature descriptions. Before these readers
existed both were reported as broken pickles (a file starting `binf` is a pickle BUILD with an
empty stack), which is how R's `xgb.save` and `catboost.save_model` files looked to us.

What is checked, so a look-alike does not pass for one:

- XGBoost (xgboost src/learner.cc, `LearnerModelParamLegacy`, 136 bytes in every 0.x-2.x
  release): `binf`, the parameter block (class count and flags in range), then the objective's
  name (`reg:squarederror`, `binary:logistic`, ...) and the booster's (`gbtree`, `gblinear`,
  `dart`) as dmlc strings (a little-endian u64 length, then the bytes), all inside the file.
  The trees after them are numbers; they are not read.
- CatBoost (catboost/libs/model, `MODEL_FILE_DESCRIPTOR_CHARS`): `CBM1`, then the little-endian
  u32 size of the FlatBuffers model that follows, which must fit in the file.

A file that starts like one but breaks these rules raises AnalysisError (MLS901: fail closed).
"""

from __future__ import annotations

import re
import struct

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.source import Format, Source, Walk

_XGBOOST_MAGIC = b"binf"
_PARAMETERS = 136  # sizeof(LearnerModelParamLegacy)
_OBJECTIVE = re.compile(rb"[a-z]+:[a-z_]+")
_BOOSTERS = frozenset({b"gbtree", b"gblinear", b"dart"})
_MAX_NAME = 64
_CATBOOST_MAGIC = b"CBM1"


def _xgboost_names(data: bytes) -> tuple[bytes, bytes] | None:
    """(objective, booster) when `data` (the file's first bytes) holds a legacy XGBoost header."""
    if not data.startswith(_XGBOOST_MAGIC) or len(data) < 4 + _PARAMETERS + 8:
        return None
    num_class, extra_attributes, eval_metrics = struct.unpack_from("<iii", data, 4 + 8)
    if num_class < 0 or extra_attributes not in (0, 1) or eval_metrics not in (0, 1):
        return None
    names: list[bytes] = []
    at = 4 + _PARAMETERS
    for _ in range(2):
        if at + 8 > len(data):
            return None
        (length,) = struct.unpack_from("<Q", data, at)
        if not 0 < length <= _MAX_NAME or at + 8 + length > len(data):
            return None
        names.append(data[at + 8 : at + 8 + length])
        at += 8 + length
    objective, booster = names
    if not _OBJECTIVE.fullmatch(objective) or booster not in _BOOSTERS:
        return None
    return objective, booster


def _read_xgboost(source: Source, walk: Walk) -> None:
    head = source.handle.read(4 + _PARAMETERS + 2 * (8 + _MAX_NAME))
    if _xgboost_names(head) is None:
        raise AnalysisError("XGBoost binary model header is malformed or truncated", 0)
    walk.analysis.check_time()


def _recognise_catboost(head: bytes) -> bool:
    return head.startswith(_CATBOOST_MAGIC) and len(head) >= 8


def _read_catboost(source: Source, walk: Walk) -> None:
    header = source.handle.read(8)
    if len(header) < 8 or not header.startswith(_CATBOOST_MAGIC):
        raise AnalysisError("CatBoost model header is truncated", 0)
    (size,) = struct.unpack_from("<I", header, 4)
    if size == 0 or (source.size is not None and 8 + size > source.size):
        raise AnalysisError(f"CatBoost model declares {size} bytes of model data that the file does not hold", 4)
    walk.analysis.check_time()


XGBOOST_BINARY = Format("xgboost", lambda head: _xgboost_names(head) is not None, _read_xgboost)
CATBOOST = Format("catboost", _recognise_catboost, _read_catboost)
