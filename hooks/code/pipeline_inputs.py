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
output: a script reading it keeps its findings. A script several steps run counts a folder as fed
only when every one of those steps feeds it from a step output, and a path inside a folder that
another input of the same step is mounted on belongs to that other input.
"""

from __future__ import annotations

import ast
import heapq
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hooks.code.command_origin import name_of
from hooks.code.tree_nodes import nodes_of

_STEP_OUTPUT_ATTRIBUTE = "properties"  # `step.properties.<...>`: SageMaker's step-output reference
_STEP_OUTPUT_METHODS = frozenset({"get_top_model_s3_uri"})  # TuningStep's reference to a trained model
_INPUT_CLASSES = frozenset({"ProcessingInput"})
MOUNT_ROOT = "/opt/ml/"  # where SageMaker jobs find their inputs


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_step_output(node: ast.AST, step_outputs: set[str]) -> bool:
    """`step.properties.X.Y`, `step.properties.Outputs["test"].S3Output.S3Uri`, a tuning step's
    `get_top_model_s3_uri(...)`, or a name bound (only) to such a reference."""
    if isinstance(node, ast.Name):
        return node.id in step_outputs
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in _STEP_OUTPUT_METHODS and isinstance(node.func.value, (ast.Name, ast.Attribute))
    for _ in range(64):  # an attribute chain this long is built to be slow, not a pipeline
        if not isinstance(node, (ast.Attribute, ast.Subscript)):
            return False
        if isinstance(node, ast.Attribute) and node.attr == _STEP_OUTPUT_ATTRIBUTE:
            return isinstance(node.value, (ast.Name, ast.Attribute))
        node = node.value
    return False


def _trailing_text(node: ast.AST) -> str | None:
    """The constant end of a path expression: `"code/evaluate.py"`, the constant arguments that
    end `os.path.join(BASE_DIR, "code", "evaluate.py")`, the text after the last `{...}` of an
    f-string, the right side of `base + "/evaluate.py"`. Looked at one level deep, never walked."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call):
        parts: list[str] = []
        for argument in reversed(node.args):
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                break
            parts.insert(0, argument.value)
        return "/".join(parts) if parts else None
    if isinstance(node, ast.JoinedStr) and node.values:
        last = node.values[-1]
        return last.value if isinstance(last, ast.Constant) and isinstance(last.value, str) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
        return _trailing_text(node.right)
    return None


def _script_key(call: ast.Call, code: ast.AST) -> str | None:
    """The script a step runs, as a relative path: `code` (within `source_dir` when that is a
    constant), normalised; None when it is not a constant `.py` path."""
    text = _trailing_text(code)
    if text is None or not text.endswith(".py"):
        return None
    text = text.lstrip("/") if not isinstance(code, ast.Constant) else text
    source_dir = _keyword(call, "source_dir")
    if isinstance(source_dir, ast.Constant) and isinstance(source_dir.value, str) and "/" not in text:
        text = posixpath.join(source_dir.value, text)
    normal = posixpath.normpath(text)
    if normal.startswith(("/", "..")) or normal == ".":
        return None
    return normal


def _step_output_names(module: ast.Module) -> set[str]:
    """Names every assignment of which binds a step-output reference."""
    bound: dict[str, bool] = {}
    for node in nodes_of(module):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    is_output = _is_step_output(node.value, set())
                    bound[target.id] = bound.get(target.id, True) and is_output
    return {name for name, always in bound.items() if always}


def _inputs(value: ast.AST | None) -> Iterable[ast.Call]:
    if isinstance(value, (ast.List, ast.Tuple)):
        for element in value.elts:
            if isinstance(element, ast.Call) and name_of(element) in _INPUT_CLASSES:
                yield element


@dataclass(frozen=True)
class FedFolders:
    """For one script: per step that runs it, (folders fed by another step's output, every
    folder an input is mounted on)."""

    steps: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.steps)

    def __add__(self, other: FedFolders) -> FedFolders:
        return FedFolders(self.steps + other.steps)

    def holds(self, path: str) -> bool:
        """Whether every step that runs the script finds this path in a folder another step's
        output fills (the innermost mounted folder that holds it decides)."""
        normal = posixpath.normpath(path)
        if not self.steps or ".." in normal.split("/"):
            return False
        for fed, mounted in self.steps:
            holding = [folder for folder in mounted if normal == folder or normal.startswith(folder + "/")]
            if not holding or max(holding, key=len) not in fed:
                return False
        return True


def step_fed_folders(module: ast.Module) -> dict[str, FedFolders]:
    """Script path (relative, as the definition names it) -> what the pipeline this code defines
    feeds it, one entry per step that runs it (steps without inputs included)."""
    step_outputs = _step_output_names(module)
    fed: dict[str, FedFolders] = {}
    for node in nodes_of(module):
        if not isinstance(node, ast.Call):
            continue
        code = _keyword(node, "code")
        key = _script_key(node, code) if code is not None else None
        if key is None:
            continue
        from_steps: set[str] = set()
        mounted: set[str] = set()
        for given in _inputs(_keyword(node, "inputs")):
            source = _keyword(given, "source") or (given.args[0] if given.args else None)
            destination = _keyword(given, "destination") or (given.args[1] if len(given.args) > 1 else None)
            if not (isinstance(destination, ast.Constant) and isinstance(destination.value, str)):
                continue
            folder = posixpath.normpath(destination.value)
            if ".." in folder.split("/"):
                continue
            mounted.add(folder)
            if source is not None and _is_step_output(source, step_outputs) and folder.startswith(MOUNT_ROOT):
                from_steps.add(folder)
        fed[key] = fed.get(key, FedFolders()) + FedFolders(((frozenset(from_steps), frozenset(mounted)),))
    return fed


def fed_in_notebook(fed: dict[str, FedFolders], written: str, written_names: list[str]) -> FedFolders:
    """What a notebook's pipeline feeds the script a `%%writefile` cell writes: the entries that
    name its path, or its bare file name when no other written script has that name."""
    normal = posixpath.normpath(written.removeprefix("./"))
    base = posixpath.basename(normal)
    unique = sum(posixpath.basename(n) == base for n in written_names) == 1
    found = FedFolders()
    for key, steps in fed.items():
        if key == normal or (unique and "/" not in key and key == base):
            found = found + steps
    return found


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
_DEFINITION_MAX_BYTES = 1 << 20  # pipeline definitions are small; a bigger file is not read
_DEFINITION_SUFFIXES = (".py", ".ipynb")
_CACHE_SIZE = 256
_parsed: dict[tuple[str, int, int], dict[str, FedFolders]] = {}  # (path, size, mtime) -> its wiring


def fed_by_neighbours(script: Path, max_bytes: int) -> FedFolders:
    """What a pipeline defined next to `script` feeds it before it runs."""
    cap = min(max_bytes, _DEFINITION_MAX_BYTES)
    found = FedFolders()
    folder = script.parent
    for _ in range(_NEIGHBOUR_LEVELS):
        for definition in _definitions(folder, script, cap):
            try:
                relative = script.relative_to(folder).as_posix()
            except ValueError:
                continue
            wiring = _fed_in(definition, cap, script.name)
            if relative in wiring:
                found = found + wiring[relative]
        if folder.parent == folder:
            break
        folder = folder.parent
    return found


def neighbour_definitions(script: Path) -> list[Path]:
    """The files `fed_by_neighbours` may read for `script` (the cache keys its verdict on them)."""
    found: list[Path] = []
    folder = script.parent
    for _ in range(_NEIGHBOUR_LEVELS):
        found.extend(_definitions(folder, script, _DEFINITION_MAX_BYTES))
        if folder.parent == folder:
            break
        folder = folder.parent
    return found


def _definitions(folder: Path, script: Path, max_bytes: int) -> list[Path]:
    return [path for path in _folder_definitions(folder, max_bytes) if path != script]


# Per folder (and its mtime): its definition files among the first names. Every script of a
# folder of thousands that mentions /opt/ml/ asks the same question; listing and sorting the
# folder each time cost time of the folder's size squared (red team: 107 s for 5,000 files).
_listings: dict[tuple[str, int, int], list[Path]] = {}


def _folder_definitions(folder: Path, max_bytes: int) -> list[Path]:
    try:
        key = (str(folder), folder.stat().st_mtime_ns, max_bytes)
    except OSError:
        return []
    cached = _listings.get(key)
    if cached is not None:
        return cached
    try:
        with os.scandir(folder) as listing:
            entries = heapq.nsmallest(_NEIGHBOURS_PER_FOLDER, listing, key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if (
                entry.name.endswith(_DEFINITION_SUFFIXES)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_size <= max_bytes
            ):
                found.append(Path(entry.path))
        except OSError:
            continue
    if len(_listings) >= _CACHE_SIZE:
        _listings.clear()
    _listings[key] = found
    return found


def _fed_in(definition: Path, max_bytes: int, script_name: str) -> dict[str, FedFolders]:
    from hooks._core.textfile import read_text

    try:
        status = definition.lstat()
        key = (str(definition), status.st_size, status.st_mtime_ns)
        if key in _parsed:
            return _parsed[key]
        read = read_text(definition, max_bytes)
    except (OSError, ValueError):
        return {}
    if not read.ok or "ProcessingInput" not in read.text or script_name not in read.text:
        return {}
    sources = _notebook_code(read.text) if definition.name.endswith(".ipynb") else [read.text]
    body: list[ast.stmt] = []
    for source in sources:
        try:
            body.extend(ast.parse(source).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    try:
        wiring = step_fed_folders(ast.Module(body=body, type_ignores=[]))
    except RecursionError:
        wiring = {}
    if len(_parsed) >= _CACHE_SIZE:
        _parsed.clear()
    _parsed[key] = wiring
    return wiring


def _notebook_code(text: str) -> list[str]:
    from hooks._core.notebooks import NotebookError, read_notebook
    from hooks.code.cells import transform_cell

    try:
        notebook = read_notebook(text)
    except NotebookError:
        return []
    return [transform_cell(cell.source).python for cell in notebook.cells if cell.cell_type == "code"]
