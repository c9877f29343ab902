"""Hydra/OmegaConf configs: `_target_` entries that `hydra.utils.instantiate` imports and calls.

NeMo models (`.nemo`, a tar: `model_config.yaml` + `model_weights.ckpt`) are instantiated from
their config, and training projects commit `configs/*.yaml` the same way. Any importable
callable can be a `_target_`, so user classes are normal and not reported; a target that the
pickle denylist calls dangerous (commands, eval, imports, files: `os.system`,
`subprocess.Popen`, `builtins.eval`, ...) or Hydra's own resolvers of a second name
(`hydra.utils.get_method`, `get_class`, `get_object`, `call`, `instantiate`) is code execution at
load time (MLS126). Hydra's `_locate` imports the longest importable prefix and walks the rest
as attributes, so every split of the dotted path is judged. Lines are read as YAML `key: value`
(and JSON `"_target_": "..."`), so no YAML parser runs on untrusted text.
"""

from __future__ import annotations

import re

from hooks.artifacts import rules
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.source import Source, Walk

_TARGET = re.compile(rb"""["']?_target_["']?\s*:\s*["']?([^"'\s#,}]+)""")
_INDIRECT = frozenset({"get_method", "get_class", "get_object", "call", "instantiate", "_locate"})


def dangerous_target(path: str) -> bool:
    from hooks.artifacts.globals_policy import is_dangerous

    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == "hydra" and parts[-1] in _INDIRECT:
        return True
    return any(is_dangerous(".".join(parts[:cut]), ".".join(parts[cut:])) for cut in range(1, len(parts)))


def _read(data: bytes, source: Source, walk: Walk) -> None:
    if b"_target_" not in data:
        return
    label = source.label or "file"
    for match in _TARGET.finditer(data):
        target = match.group(1).decode("utf-8", "replace")
        if "${" in target or not dangerous_target(target):
            continue
        line = data.count(b"\n", 0, match.start()) + 1
        walk.analysis.add(
            rules.DANGEROUS_CONFIG_TARGET,
            label if source.depth == 0 else f"{label} line {line}",
            f"_target_ {shown(target)} is called when the config is instantiated",
            f"{label}|target|{target}",
            line=line if source.depth == 0 else 1,
        )


def _matches(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".mlsec")


HYDRA_CONFIG = NamedFormat("hydra", _matches, _read)
