"""Keras v3 `.keras` zips: the model's `config.json` names every layer and class it rebuilds.

Recognised by the zip reader (a zip holding `config.json` next to weights in `.h5` or a
`metadata.json`). A Lambda layer carries Python bytecode that runs on load with
safe_mode=False; a class outside Keras makes loading import and run that module.
"""

from __future__ import annotations

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError

CONFIG = "config.json"
_KERAS_MODULES = ("keras", "tensorflow", "tf_keras", "builtins", "numpy")


def is_keras_zip(names: list[str]) -> bool:
    return CONFIG in names and any(n.endswith((".h5", "metadata.json")) for n in names)


def check_config(analysis: Analysis, data: bytes, label: str) -> None:
    import json

    try:
        config = json.loads(data)
    except (ValueError, RecursionError):
        raise AnalysisError("Keras config.json is not valid JSON") from None
    pending: list[object] = [config]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        pending.extend(node.values())
        class_name = node.get("class_name")
        inner = node.get("config")
        layer = inner.get("name") if isinstance(inner, dict) else None
        if class_name in ("Lambda", "__lambda__"):
            analysis.add(
                rules.KERAS_LAMBDA_LAYER,
                label,
                f"Lambda layer {layer or ''} carries Python bytecode that runs "
                "on load with safe_mode=False".replace("  ", " "),
                f"{label}|lambda|{layer}",
            )
            continue
        module = node.get("module")
        registered = node.get("registered_name")
        if isinstance(module, str) and isinstance(class_name, str) and module.split(".")[0] not in _KERAS_MODULES:
            analysis.add(
                rules.KERAS_CUSTOM_OBJECT,
                label,
                f"custom object {module}.{class_name}: loading imports and runs that module's code",
                f"{label}|custom|{module}.{class_name}",
            )
        elif module is None and isinstance(registered, str) and ">" in registered:
            analysis.add(
                rules.KERAS_CUSTOM_OBJECT,
                label,
                f"custom object {registered}: loading needs its code",
                f"{label}|custom|{registered}",
            )
