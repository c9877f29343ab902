"""Which folders of a pipeline step's script another step of the same pipeline fills.

A SageMaker pipeline hands one step's output to the next through the platform, not through a
parameter the script parses: the definition says

    script_eval.run(
        code="code/evaluation.py",
        inputs=[ProcessingInput(source=step_train.properties.ModelArtifacts.S3ModelArtifacts,
                                destination="/opt/ml/processing/model")],
    )

and before `evaluation.py` starts, the platform copies what the training step wrote to
`/opt/ml/processing/model`. `step_train.properties...` is a reference to another step of the same
pipeline (SageMaker resolves it at run time), so a notebook that defines the pipeline and writes
the step's script (`%%writefile code/evaluation.py`) shows where every input of that script comes
from. Reading back `/opt/ml/processing/model/model.tar.gz` is then reading a file the notebook's
own pipeline wrote, like `joblib.load` of a file the notebook dumped a few cells earlier.

An input whose source is anything else (an S3 URI, a parameter, a variable) is not a step
output: a script reading it keeps its findings.
"""

from __future__ import annotations

import ast
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

_STEP_OUTPUT_ATTRIBUTE = "properties"  # `step.properties.<...>`: SageMaker's step-output reference
_STEP_OUTPUT_METHODS = frozenset({"get_top_model_s3_uri"})  # TuningStep's reference to a trained model
_INPUT_CLASSES = frozenset({"ProcessingInput"})
_MOUNT_ROOT = "/opt/ml/"  # where SageMaker jobs find their inputs


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_step_output(node: ast.AST, step_outputs: set[str]) -> bool:
    """`step.properties.X.Y`, `step.properties.Outputs["test"].S3Output.S3Uri`, or a name bound
    (only) to such a reference."""
    if isinstance(node, ast.Name):
        return node.id in step_outputs
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # `step_tuning.get_top_model_s3_uri(top_k=0, ...)`: a tuning step's best model
        return node.func.attr in _STEP_OUTPUT_METHODS and isinstance(node.func.value, (ast.Name, ast.Attribute))
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute) and node.attr == _STEP_OUTPUT_ATTRIBUTE:
            return isinstance(node.value, (ast.Name, ast.Attribute))
        node = node.value
    return False


def _script_names(code: ast.AST) -> list[str]:
    """The file names a `code=` argument can stand for: each string constant in it that ends in
    `.py` (`"code/evaluation.py"`, `os.path.join(BASE_DIR, "evaluate.py")`)."""
    return [
        posixpath.basename(n.value)
        for n in ast.walk(code)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.endswith(".py")
    ]


def _step_output_names(module: ast.Module) -> set[str]:
    """Names every assignment of which binds a step-output reference."""
    bound: dict[str, bool] = {}
    for node in ast.walk(module):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    is_output = _is_step_output(node.value, set())
                    bound[target.id] = bound.get(target.id, True) and is_output
    return {name for name, always in bound.items() if always}


def _inputs(value: ast.AST | None) -> Iterable[ast.Call]:
    if isinstance(value, (ast.List, ast.Tuple)):
        for element in value.elts:
            if isinstance(element, ast.Call) and _call_name(element) in _INPUT_CLASSES:
                yield element


def step_fed_folders(module: ast.Module) -> dict[str, frozenset[str]]:
    """Script file name -> the folders (`/opt/ml/processing/model`) that the pipeline this code
    defines fills with another step's output before that script runs."""
    step_outputs = _step_output_names(module)
    fed: dict[str, set[str]] = {}
    for node in ast.walk(module):
        if not isinstance(node, ast.Call):
            continue
        code = _keyword(node, "code")
        inputs = _keyword(node, "inputs")
        if code is None or inputs is None:
            continue
        folders = set()
        for given in _inputs(inputs):
            source = _keyword(given, "source") or (given.args[0] if given.args else None)
            destination = _keyword(given, "destination") or (given.args[1] if len(given.args) > 1 else None)
            if source is None or not _is_step_output(source, step_outputs):
                continue
            if isinstance(destination, ast.Constant) and isinstance(destination.value, str):
                folder = posixpath.normpath(destination.value)
                if folder.startswith(_MOUNT_ROOT) and ".." not in folder.split("/"):
                    folders.add(folder)
        if folders:
            for name in _script_names(code):
                fed.setdefault(name, set()).update(folders)
    return {name: frozenset(folders) for name, folders in fed.items()}


def under(path: str, folders: Iterable[str]) -> bool:
    """Whether a constant path is inside one of the folders (`..` never climbs out of one; the
    folder `.` holds every relative path)."""
    normal = posixpath.normpath(path)
    if ".." in normal.split("/"):
        return False
    return any(
        normal == folder or normal.startswith(folder + "/") or (folder == "." and not normal.startswith("/"))
        for folder in folders
    )


# A script committed on its own (`pipelines/abalone/evaluate.py`) is wired by a pipeline
# definition next to it (`pipeline.py`, or the notebook one folder up). Only folders this close
# are read, only regular files of bounded size that name both the script and ProcessingInput, and
# nothing from them reaches a report: they can only lower the script's load findings to low.
_NEIGHBOUR_LEVELS = 2  # the script's folder and its parent
_NEIGHBOURS_PER_FOLDER = 200
_DEFINITION_SUFFIXES = (".py", ".ipynb")


def fed_by_neighbours(script: Path, max_bytes: int, max_notebook_bytes: int) -> frozenset[str]:
    """Folders a pipeline defined next to `script` fills with other steps' outputs before it runs."""
    name = script.name
    folders: set[str] = set()
    folder = script.parent
    for _ in range(_NEIGHBOUR_LEVELS):
        for candidate in _definitions(folder, script, max(max_bytes, max_notebook_bytes)):
            cap = max_notebook_bytes if candidate.name.endswith(".ipynb") else max_bytes
            folders.update(_fed_in(candidate, cap).get(name, frozenset()))
        if folder.parent == folder:
            break
        folder = folder.parent
    return frozenset(folders)


def _definitions(folder: Path, script: Path, max_bytes: int) -> list[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)[:_NEIGHBOURS_PER_FOLDER]
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if (
                entry.name.endswith(_DEFINITION_SUFFIXES)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_size <= max_bytes
                and Path(entry.path) != script
            ):
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def _fed_in(definition: Path, max_bytes: int) -> dict[str, frozenset[str]]:
    from hooks._core.textfile import read_text

    try:
        read = read_text(definition, max_bytes)
    except (OSError, ValueError):
        return {}
    if not read.ok or "ProcessingInput" not in read.text:
        return {}
    sources = [read.text]
    if definition.name.endswith(".ipynb"):
        sources = _notebook_code(read.text)
    body: list[ast.stmt] = []
    for source in sources:
        try:
            body.extend(ast.parse(source).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    try:
        return step_fed_folders(ast.Module(body=body, type_ignores=[]))
    except RecursionError:
        return {}


def _notebook_code(text: str) -> list[str]:
    from hooks._core.notebooks import NotebookError, read_notebook
    from hooks.code.cells import transform_cell

    try:
        notebook = read_notebook(text)
    except NotebookError:
        return []
    return [transform_cell(cell.source).python for cell in notebook.cells if cell.cell_type == "code"]
