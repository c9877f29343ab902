"""Keras model configs: `config.json` of a v3 `.keras` zip, `model_config` of a legacy `.h5`.

Recognised by the zip reader (a zip holding `config.json` next to weights in `.h5` or a
`metadata.json`) and by the HDF5 reader (the root group's attributes). The config names every
layer and object Keras rebuilds on load:

- a Lambda layer carries marshalled Python bytecode that runs on load (MLS108);
- a `module` outside Keras makes loading import that module and run its code (MLS109);
- a function reference (`"class_name": "function"`, or a class whose name is a function such as
  `keras.utils.get_file`) that reaches a command, eval, import, file or download sink is code
  execution even with safe_mode on: CVE-2025-1550 (arbitrary module and function named in the
  config) and CVE-2025-8747 (`get_file` reached through Keras' own utilities) (MLS128);
- a lookup or vectorization layer whose vocabulary is a path or URL reads that file on load
  (MLS129).
"""

from __future__ import annotations

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis
from hooks.artifacts.errors import AnalysisError

CONFIG = "config.json"
_KERAS_MODULES = ("keras", "tensorflow", "tf_keras", "builtins", "numpy")
# Keras and TensorFlow callables that download, read or write files, load other models or run
# Python: reachable from a config through Keras' own modules, so an allowlist of modules is not enough.
_KERAS_GADGETS = frozenset(
    {
        "get_file",
        "load_model",
        "load_weights",
        "read_file",
        "write_file",
        "py_function",
        "numpy_function",
        "py_func",
        "eager_py_func",
        "deserialize_keras_object",
        "enable_unsafe_deserialization",
        "copy",
        "rmtree",
        "remove",
        "makedirs",
    }
)
_GADGET_MODULE_PARTS = ("gfile", "script_ops", "file_utils", "io_utils")
_LOOKUP_LAYERS = frozenset({"StringLookup", "IntegerLookup", "TextVectorization", "Hashing", "Discretization"})
_PATH_KEYS = ("vocabulary", "idf_weights", "vocabulary_path", "path", "filepath", "file_path", "url", "origin")


def is_keras_zip(names: list[str]) -> bool:
    return CONFIG in names and any(n.endswith((".h5", "metadata.json")) for n in names)


def _shown(text: str) -> str:
    return text[:120].encode("unicode_escape").decode()


def _is_dangerous_reference(module: str, name: str) -> bool:
    from hooks.artifacts.globals_policy import is_dangerous

    if is_dangerous(module, name):
        return True
    if module.split(".")[0] in ("keras", "tensorflow", "tf_keras"):
        return name.split(".")[-1] in _KERAS_GADGETS or any(part in module for part in _GADGET_MODULE_PARTS)
    return False


def check_config(analysis: Analysis, data: bytes, label: str, *, strict: bool = True) -> None:
    """Report what loading this Keras config would run; `strict`: a config that is not JSON fails closed."""
    import json

    try:
        config = json.loads(data)
    except (ValueError, RecursionError):
        if strict:
            raise AnalysisError("Keras config.json is not valid JSON") from None
        return
    pending: list[object] = [config]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
            continue
        if isinstance(node, dict) and not _check_node(analysis, node, label):
            pending.extend(node.values())  # a Lambda layer's own function is the same finding


def _check_node(analysis: Analysis, node: dict[str, object], label: str) -> bool:
    """Report what this config node makes loading run; True if it is a Lambda layer (reported whole)."""

    class_name = node.get("class_name")
    inner = node.get("config")
    layer = inner.get("name") if isinstance(inner, dict) else None
    layer_text = _shown(layer) if isinstance(layer, str) else ""
    if class_name in ("Lambda", "__lambda__"):
        analysis.add(
            rules.KERAS_LAMBDA_LAYER,
            label,
            f"Lambda layer {layer_text} carries Python bytecode that runs on load with safe_mode=False".replace(
                "  ", " "
            ),
            f"{label}|lambda|{layer_text}",
        )
        return True
    module = node.get("module")
    registered = node.get("registered_name")
    if isinstance(module, str) and isinstance(class_name, str):
        name = inner if class_name == "function" and isinstance(inner, str) else class_name
        if _is_dangerous_reference(module, name):
            analysis.add(
                rules.KERAS_DANGEROUS_REFERENCE,
                label,
                f"config resolves {_shown(module)}.{_shown(name)}, which loading calls or hands to a layer: "
                "code execution or file access without Lambda layers",
                f"{label}|dangerous|{module}.{name}",
            )
            return False
        if module.split(".")[0] not in _KERAS_MODULES:
            analysis.add(
                rules.KERAS_CUSTOM_OBJECT,
                label,
                f"custom object {_shown(module)}.{_shown(name)}: loading imports and runs that module's code",
                f"{label}|custom|{module}.{name}",
            )
    elif module is None and isinstance(registered, str) and ">" in registered:
        analysis.add(
            rules.KERAS_CUSTOM_OBJECT,
            label,
            f"custom object {_shown(registered)}: loading needs its code",
            f"{label}|custom|{registered}",
        )
    if class_name in _LOOKUP_LAYERS and isinstance(inner, dict):
        for key in _PATH_KEYS:
            value = inner.get(key)
            if isinstance(value, str) and value:
                analysis.add(
                    rules.KERAS_EXTERNAL_RESOURCE,
                    label,
                    f"{class_name} layer {layer_text} reads its {key} from {_shown(value)!r} when the model loads",
                    f"{label}|external|{layer_text}|{key}",
                )
    return False
