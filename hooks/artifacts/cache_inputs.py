"""What a model file's verdict depends on besides its bytes (for hooks/_core/cache.py): its gate
record, when the policy requires one; for a `.bin`, the OpenVINO IR XML that may describe it; for a
`.dat`, the dbm.dumb index beside it (present or not), which decides the records read; and which
files are not worth caching at all."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy
from hooks._shared.gate_record import is_gated_model, record_path
from hooks.artifacts.dbm_shelve import index_path
from hooks.artifacts.openvino_ir import description_of, description_too_large

# The cache keys a file by the sha256 of all its bytes. The scan of a model file reads its
# structure (zip directory, pickles, headers) and seeks past tensor data, so above this size
# hashing the file costs more than scanning it again (a 1 GiB checkpoint: about 2 s of hashing
# against 0.07 s of scanning): such files are scanned every time and never cached.
LARGEST_CACHED_BYTES = 32 << 20


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    try:
        if os.stat(path).st_size > LARGEST_CACHED_BYTES:  # noqa: PTH116 - one stat per file
            return None
    except OSError:
        return None  # unreadable: the scan reports it, nothing to cache
    inputs: list[Path | str] = []
    if policy.section("artifacts").get("require_gate_record") and is_gated_model(display):
        inputs.append(record_path(path))
    description = description_of(path)
    if description is not None and description_too_large(path):
        inputs.append("openvino-ir-description:too-large")  # not read, whatever it holds
    elif description is not None:
        inputs.append(description)  # IR weights are known by the XML beside them
    index = index_path(path)
    if index is not None:
        inputs.append(index)  # a shelve's records are where its index says (absent: read whole)
    return inputs
