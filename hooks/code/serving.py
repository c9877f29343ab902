"""Whether a script or notebook serves predictions: code that runs where requests arrive, so the
model file it loads is whatever the deployment put there.

A load of a fixed path (`pickle.load(open("model.bin", "rb"))`) in a course notebook or a batch
job reads the repository's own file, which mlsec-artifacts checks when it is committed; the same
line in a web app, a model server's handler or a cloud prediction routine reads the artifact the
serving platform downloaded, and stays a finding. Serving code is recognised by what it imports
(web and model-serving frameworks), by handler functions the platforms call (SageMaker's
`model_fn`, Azure ML's `init`/`run`) and by predictor classes (a `predict` method beside a
`load`/`initialize`/`setup`/`__init__`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

_SERVING_MODULES = (
    "flask",
    "fastapi",
    "starlette",
    "uvicorn",
    "gunicorn",
    "aiohttp",
    "tornado",
    "django",
    "sanic",
    "bentoml",
    "gradio",
    "streamlit",
    "ray.serve",
    "kserve",
    "mlserver",
    "seldon_core",
    "ts",
    "sagemaker_inference",
    "sagemaker_containers",
    "google.cloud.aiplatform.prediction",
    "azureml",
    "litserve",
    "triton_python_backend_utils",
    "grpc",
)
_HANDLERS = frozenset({"model_fn", "input_fn", "predict_fn", "output_fn", "transform_fn", "handle"})
_LOADERS = frozenset({"load", "initialize", "setup", "__init__", "load_model"})


def _serving_import(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in _SERVING_MODULES)


def serves_requests(nodes: Iterable[ast.AST]) -> bool:
    """`nodes`: every node of the module's tree."""
    functions: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import) and any(_serving_import(alias.name) for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and not node.level and node.module and _serving_import(node.module):
            return True
        if isinstance(node, ast.ClassDef):
            methods = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if "predict" in methods and methods & _LOADERS:
                return True
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.add(node.name)
    return bool(functions & _HANDLERS) or {"init", "run"} <= functions


# Calls that write or replace files, by the last part of their name: serialisers and savers, a
# handle's or a path's writers, downloads, archive unpacking; copies, moves and renames by the
# module that makes them (`shutil.copy`, `os.replace`: `df.copy()` and `str.replace` write nothing).
# `open` is judged by its mode.
_WRITERS = re.compile(
    r"save\w*|dump|write\w*|to_(?:pickle|csv|parquet|json|excel|feather|hdf|sql|html|xml|stata|orc|disk|file)|"
    r"urlretrieve|download\w*|\w+_download|fget_object|extract|extractall|unpack_archive|touch|"
    r"copyfile|copy2|copytree|copyfileobj|symlink\w*|hardlink_to|link_to"
)
_MODULE_WRITERS = frozenset({"copy", "move", "rename", "replace", "renames", "link", "symlink"})
_READ_MODES = frozenset({"r", "rb", "rt", "br", "tr"})


def writes_files(nodes: Iterable[ast.AST]) -> bool:
    """Whether the code may write or replace a file: a call named like a writer (`f.save(p)`,
    `urlretrieve`, `shutil.copy`, `df.to_pickle`, `Path.write_bytes`, ...), or an `open` (builtin,
    `io`, a path's) whose mode is not a constant read mode. Serving code that writes nothing cannot
    put a client's bytes where it loads a model; one that writes anything may."""
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name == "open":
            mode = next((k.value for k in node.keywords if k.arg == "mode"), None)
            if mode is None:
                # `open(path, mode)`: the mode is second; `Path(p).open(mode)` takes it first.
                index = 0 if isinstance(func, ast.Attribute) and func.attr == "open" and not _module_open(func) else 1
                mode = node.args[index] if len(node.args) > index else None
            if mode is None:
                continue  # the default mode reads
            if not (isinstance(mode, ast.Constant) and mode.value in _READ_MODES):
                return True
        elif _WRITERS.fullmatch(name) or (
            name in _MODULE_WRITERS
            and (
                isinstance(func, ast.Name)  # `from shutil import copy`
                or (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id in ("os", "shutil")
                )
            )
        ):
            return True
    return False


def _module_open(func: ast.Attribute) -> bool:
    """`io.open(p, mode)`, `gzip.open(p, mode)`: a module's open takes the path first."""
    return isinstance(func.value, ast.Name) and func.value.id in (
        "io",
        "gzip",
        "bz2",
        "lzma",
        "codecs",
        "os",
        "builtins",
    )
