"""Which inputs the Python pipelines of the Azure ML SDK (azure.ai.ml) give a component.

The SDK wires the same YAML components in code instead of a pipeline YAML:

    predict = load_component(source=parent_dir + "./predict.yml")

    @pipeline()
    def nyc_taxi(raw):
        train_node = train(training_data=raw)
        predict_node = predict(model_input=train_node.outputs.model_output)

`train_node.outputs.model_output` is the output of another job of the same pipeline, as
`${{parent.jobs.train_node.outputs.model_output}}` is in YAML; each use is returned in that YAML
form, so azureml_inputs.py judges both the same way. Anything else given for an input (an
`Input(path="azureml:...")`, the pipeline function's own parameter, a constant, the outputs of an
object that is not a node of a component loaded here, such as a job fetched by name) is returned as
not another job's output. So is every input of a use the code cannot see whole: a call with
positional or `**` arguments, or the component handed anywhere but a call (registered with
`create_or_update`, stored, passed on), after which anyone may run it with anything.

Only files the pipeline may be defined in are read (`.py`, `.ipynb`, at most 1 MiB) and only when
their text calls `load_component`; nothing from them reaches a report.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

from hooks.code.command_origin import name_of

_MAX_BYTES = 1 << 20
_CACHE_SIZE = 256
CODE_SUFFIXES = (".py", ".ipynb")
UNKNOWN_USE: dict[str, str | None] = {}  # a use whose inputs are not known: nothing is fed
_LOADER = "load_component"

# (path, size, mtime) -> per component loaded there (absolute, normalised), the inputs of each use
_parsed: dict[tuple[str, int, int], list[tuple[str, dict[str, str | None]]]] = {}


def sdk_uses(definition: Path, component: str) -> Iterator[dict[str, str | None]]:
    """The inputs of every use, in the Python file or notebook `definition`, of the component
    whose YAML is at `component` (absolute, normalised as azureml_inputs does)."""
    for loaded, inputs in _uses_in(definition):
        if loaded == component:
            yield inputs


def _uses_in(definition: Path) -> list[tuple[str, dict[str, str | None]]]:
    from hooks._core.textfile import read_text

    try:
        status = definition.lstat()
        key = (str(definition), status.st_size, status.st_mtime_ns)
        if key in _parsed:
            return _parsed[key]
        read = read_text(definition, _MAX_BYTES)
    except (OSError, ValueError):
        return []
    uses: list[tuple[str, dict[str, str | None]]] = []
    if read.ok and _LOADER in read.text:
        module = _module(read.text, notebook=definition.name.endswith(".ipynb"))
        try:
            uses = _component_uses(module, definition.parent) if module is not None else []
        except RecursionError:
            uses = []
    if len(_parsed) >= _CACHE_SIZE:
        _parsed.clear()
    _parsed[key] = uses
    return uses


def _module(text: str, *, notebook: bool) -> ast.Module | None:
    if notebook:
        from hooks.code.pipeline_inputs import notebook_code

        sources = notebook_code(text)
    else:
        sources = [text]
    body: list[ast.stmt] = []
    for source in sources:
        try:
            body.extend(ast.parse(source).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    return ast.Module(body=body, type_ignores=[]) if body else None


def _component_uses(module: ast.Module, folder: Path) -> list[tuple[str, dict[str, str | None]]]:
    nodes = list(ast.walk(module))
    assigned: dict[str, list[ast.AST]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for name in _names_in(target):
                    assigned.setdefault(name, []).append(node.value if isinstance(target, ast.Name) else target)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.With, ast.NamedExpr)):
            for bound in _targets(node):
                for name in _names_in(bound):
                    assigned.setdefault(name, []).append(bound)  # bound some other way: not one value
    constants = {
        name: values[0].value
        for name, values in assigned.items()
        if len(values) == 1 and isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)
    }
    components: dict[str, str] = {}
    for name, values in assigned.items():
        if len(values) == 1 and isinstance(values[0], ast.Call) and name_of(values[0]) == _LOADER:
            source = _source(values[0], constants)
            if source is not None:
                components[name] = os.path.normpath(os.path.join(Path.cwd(), folder, source))  # noqa: PTH118 - text
    pipelines = {
        node.name
        for node in nodes
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and any(name_of(d) == "pipeline" for d in node.decorator_list)
    }
    makers = set(components) | pipelines
    steps = {
        name
        for name, values in assigned.items()
        if len(values) == 1
        and isinstance(values[0], ast.Call)
        and isinstance(values[0].func, ast.Name)
        and values[0].func.id in makers
    }
    called = {id(node.func) for node in nodes if isinstance(node, ast.Call)}
    uses: list[tuple[str, dict[str, str | None]]] = []
    for node in nodes:
        handed_on = isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called
        if handed_on and isinstance(node, ast.Name) and node.id in components:
            uses.append((components[node.id], UNKNOWN_USE))  # registered, stored, passed: anyone may run it
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in components):
            continue
        if node.args or any(keyword.arg is None for keyword in node.keywords):
            uses.append((components[node.func.id], UNKNOWN_USE))
            continue
        uses.append((components[node.func.id], {str(k.arg): _step_output(k.value, steps) for k in node.keywords}))
    return uses


def _source(call: ast.Call, constants: dict[str, str]) -> str | None:
    """The relative YAML path a `load_component` call reads, when it is built of constants."""
    given = next((k.value for k in call.keywords if k.arg in ("source", "path")), None)
    if given is None and call.args:
        given = call.args[0]
    text = _text(given, constants, 0) if given is not None else None
    if text is None or ":" in text or text.startswith(("/", "\\", "~")):
        return None
    return text


def _text(node: ast.AST, constants: dict[str, str], depth: int) -> str | None:
    if depth > 16:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, constants, depth + 1), _text(node.right, constants, depth + 1)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            inner = value.value if isinstance(value, ast.FormattedValue) and value.format_spec is None else value
            text = _text(inner, constants, depth + 1)
            if text is None:
                return None
            parts.append(text)
        return "".join(parts)
    return None


def _step_output(node: ast.AST, steps: set[str]) -> str | None:
    """`train_node.outputs.model_output` of a node of this file's pipeline, in YAML's form."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "outputs"
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id in steps
    ):
        return f"${{{{parent.jobs.{node.value.value.id}.outputs.{node.attr}}}}}"
    return None


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
        return [node.target]
    if isinstance(node, ast.For):
        return [node.target]
    if isinstance(node, ast.With):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []


def _names_in(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _names_in(element)]
    if isinstance(target, ast.Starred):
        return _names_in(target.value)
    return []
