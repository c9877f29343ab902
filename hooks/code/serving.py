"""Whether a script or notebook serves predictions: code that runs where requests arrive, so the
model file it loads is whatever the deployment put there.

A load of a fixed path (`pickle.load(open("model.bin", "rb"))`) in a course notebook or a batch
job reads the repository's own file, which mlsec-artifacts checks when it is committed; the same
line in a web app, a model server's handler or a cloud prediction routine reads the artifact the
serving platform downloaded, and stays a finding. Serving code is recognised by what it imports
(web and model-serving frameworks), by handler functions the platforms call (SageMaker's
`model_fn`, Azure ML's `init`/`run`) and by predictor classes (a `predict` method beside a
`load`/`initialize`/`setup`/`__init__`). A class that derives from MLflow's pyfunc model classes
is the served model itself: its methods run where it is served, whatever the rest of the file does
(served_model_functions).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

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
# (AWS Lambda calls `lambda_handler(event, context)` with the request.)
_HANDLERS = frozenset({"model_fn", "input_fn", "predict_fn", "output_fn", "transform_fn", "handle", "lambda_handler"})
_LOADERS = frozenset({"load", "initialize", "setup", "__init__", "load_model"})
# MLflow's pyfunc model classes: `mlflow.pyfunc.PythonModel` and its chat and agent forms. MLflow
# serves an instance of the subclass: `load_context` runs where it is served, with the served
# model's artifacts, and `predict` on each request.
_SERVED_MODEL_BASES = frozenset({"PythonModel", "ChatModel", "ChatAgent", "ResponsesAgent"})


def _serving_import(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in _SERVING_MODULES)


def _imports_serving(node: ast.ImportFrom) -> bool:
    """`from flask import Flask`, or `from ray import serve` (the serving module as a name of its package)."""
    if node.level or not node.module:
        return False
    return _serving_import(node.module) or any(_serving_import(f"{node.module}.{a.name}") for a in node.names)


def serves_requests(nodes: Iterable[ast.AST]) -> bool:
    """`nodes`: every node of the module's tree."""
    functions: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import) and any(_serving_import(alias.name) for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and _imports_serving(node):
            return True
        if isinstance(node, ast.ClassDef):
            methods = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if "predict" in methods and methods & _LOADERS:
                return True
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.add(node.name)
    return bool(functions & _HANDLERS) or {"init", "run"} <= functions


def served_model_functions(nodes: Iterable[ast.AST], resolve: Callable[[ast.AST], str | None]) -> frozenset[int]:
    """The ids of the functions (methods, and functions nested in them) of classes deriving from
    MLflow's pyfunc model classes, directly or through a class of the same file. `resolve` gives the
    dotted name a base resolves to through the file's imports (command_origin.qualified_name). A
    notebook that defines such a model, logs it and then loads its own files elsewhere is not
    serving code as a whole; only the model's own methods are."""
    classes = [node for node in nodes if isinstance(node, ast.ClassDef)]
    served_names: set[str] = set()
    served: set[int] = set()
    changed = True
    while changed:  # a class deriving from a served class of the file is served too
        changed = False
        for node in classes:
            if id(node) not in served and any(_served_model_base(b, resolve, served_names) for b in node.bases):
                served.add(id(node))
                served_names.add(node.name)
                changed = True
    return frozenset(
        id(inner)
        for node in classes
        if id(node) in served
        for inner in ast.walk(node)
        if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef))
    )


def _served_model_base(base: ast.expr, resolve: Callable[[ast.AST], str | None], served_names: set[str]) -> bool:
    """A base that resolves to `mlflow.pyfunc...PythonModel` (or the chat and agent classes), or
    that names a served class of the same file."""
    if isinstance(base, ast.Name) and base.id in served_names:
        return True
    path = resolve(base)
    return path is not None and path.startswith("mlflow.") and path.rsplit(".", 1)[-1] in _SERVED_MODEL_BASES
