"""Which inputs the Python pipelines of the Azure ML SDK (azure.ai.ml) give a component.

The SDK wires the same YAML components in code instead of a pipeline YAML:

    predict = load_component(source=parent_dir + "./predict.yml")

    @pipeline()
    def nyc_taxi(raw):
        train_node = train(training_data=raw)
        predict_node = predict(model_input=train_node.outputs.model_output)

`train_node.outputs.model_output` is the output of another job of the same pipeline, as
`${{parent.jobs.train_node.outputs.model_output}}` is in YAML (azureml_inputs.py judges both the
same way). It counts when `train_node` is bound once, to a call of a component loaded in the same
file or of a function decorated `@pipeline`, and nothing in the file sets where that output is
stored (`train_node.outputs.model_output.path = ...`). A constant is a plain literal when it is one
word the shell leaves as it is; `Input(...)` is a mount path; anything else given for an input
(the pipeline function's own parameter, the outputs of a job fetched by name, any other
expression) may hold text that adds words to the command. A use the code cannot see whole (a call
with positional or `**` arguments) or the component handed anywhere but a call (registered with
`create_or_update`, stored, passed on), after which anyone may run it with anything, makes the
component's inputs not known.

A file is read whole or said to be unknown: at most 1 MiB, a regular file, every part parsed.
The file is also unknown when its wiring is not followed whole: a component loaded from a path
not built of constants or not bound once to a name, a store through `.inputs`, `.outputs` or
`.jobs` (`step.inputs.model = Input(...)`, `t.outputs["m"].path = ...`; a mount `mode` aside), or
such a chain bound to another name. A node name that is also a parameter or a comprehension's
variable is not a node. Nothing from these files reaches a report.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from pathlib import Path

from hooks.code.command_origin import bound_names, name_of

JOB_OUTPUT, SAFE, UNSAFE = "job-output", "safe", "unsafe"  # what a job binds an input to
CODE_SUFFIXES = (".py", ".ipynb")
_MAX_STRINGS = 256 << 10  # characters of string constants kept per file
_JOB_MAKERS = frozenset({"command", "load_job", "spark", "parallel_run_function"})
_WIRING_ATTRIBUTES = frozenset({"inputs", "outputs", "jobs"})
_CACHE_SIZE = 512
_LOADER = "load_component"
_PLAIN = re.compile(r"[A-Za-z0-9_.:/@+=,%-]{0,500}")

Bindings = tuple[tuple[str, str], ...]  # input -> JOB_OUTPUT / SAFE / UNSAFE


@dataclass(frozen=True)
class SdkFile:
    """Per use of a component the file loads: the component's YAML (absolute, normalised) and
    the use's bindings, or None when the use is not seen whole; the file's string constants (to
    find a script it names); whether it submits jobs another way (`command(...)`, `load_job`);
    whether its wiring is not followed whole (then no component near it is fed)."""

    uses: tuple[tuple[str, Bindings | None], ...] = ()
    strings: tuple[str, ...] = ()
    runs_jobs: bool = False
    unknown: bool = False


_parsed: dict[tuple[str, int, int], SdkFile | None] = {}  # (path, size, mtime) -> its uses


def plain_literal(text: str) -> bool:
    """A value substituted into a command as one word the shell leaves as it is."""
    return _PLAIN.fullmatch(text) is not None and "$" not in text and not text.startswith("-")


def sdk_file(path: Path, max_bytes: int) -> SdkFile | None:
    """The component uses in the Python file or notebook at `path`; None when it cannot be read
    whole (too large, not a regular file, unreadable)."""
    from hooks._core.textfile import read_text

    notebook = path.name.lower().endswith(".ipynb")
    cap = max_bytes
    try:
        status = path.lstat()
        key = (str(path), status.st_size, status.st_mtime_ns)
        if key in _parsed:
            return _parsed[key]
        if path.is_symlink() or not path.is_file() or status.st_size > cap:
            return None
        read = read_text(path, cap)
    except (OSError, ValueError):
        return None
    found: SdkFile | None = None
    if read.ok:
        module = _module(read.text, notebook=notebook)
        try:
            found = _summary(module, path.parent) if module is not None else None
        except (RecursionError, ValueError):
            found = None
    if len(_parsed) >= _CACHE_SIZE:
        _parsed.clear()
    _parsed[key] = found
    return found


def _module(text: str, *, notebook: bool) -> ast.Module | None:
    """The file's code as one module; None when a part of it does not parse."""
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
            return None  # a part not parsed may hold a use
    return ast.Module(body=body, type_ignores=[])


def _summary(module: ast.Module, folder: Path) -> SdkFile:
    nodes = list(ast.walk(module))
    strings = tuple(n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str))
    if sum(len(text) for text in strings) > _MAX_STRINGS:
        raise ValueError("too much text to keep")
    runs_jobs = any(isinstance(n, ast.Call) and name_of(n) in _JOB_MAKERS for n in nodes)
    uses, unknown = _component_uses(nodes, folder)
    return SdkFile(tuple(uses), strings, runs_jobs, unknown)


def _component_uses(nodes: list[ast.AST], folder: Path) -> tuple[list[tuple[str, Bindings | None]], bool]:
    """The uses of the components the file loads, and whether its wiring is not followed whole."""
    assigned: dict[str, list[ast.AST]] = {}
    unknown = False
    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for name in bound_names(target):
                    assigned.setdefault(name, []).append(node.value if isinstance(target, ast.Name) else target)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.With, ast.NamedExpr)):
            for bound in _targets(node):
                for name in bound_names(bound):
                    assigned.setdefault(name, []).append(bound)  # bound some other way: not one value
        stored = isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load)
        if stored and _touches_wiring(node):
            unknown = True  # `step.inputs.x = ...`, `t.outputs["m"].path = ...`: rewired here
    constants = {
        name: values[0].value
        for name, values in assigned.items()
        if len(values) == 1 and isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)
    }
    components: dict[str, str] = {}
    for name, values in assigned.items():
        if len(values) == 1 and isinstance(values[0], ast.Call) and name_of(values[0]) == _LOADER:
            source = _source(values[0], constants)
            if source is None:
                unknown = True  # a component loaded from a path not built of constants
            else:
                components[name] = os.path.realpath(os.path.join(Path.cwd(), folder, source))  # noqa: PTH118
    bound_loads = {id(values[0]) for values in assigned.values() if len(values) == 1}
    if any(isinstance(n, ast.Call) and name_of(n) == _LOADER and id(n) not in bound_loads for n in nodes):
        unknown = True  # `load_component(...)(...)`, a dict of components: uses not followed
    for node in nodes:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) else None
        if value is not None and _touches_wiring(value):
            unknown = True  # `out = t.outputs.model`: changed through another name later
    pipelines = {
        node.name
        for node in nodes
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and any(name_of(d) == "pipeline" for d in node.decorator_list)
    }
    makers = set(components) | pipelines
    shadowing = {a.arg for n in nodes if isinstance(n, ast.arguments) for a in (*n.posonlyargs, *n.args, *n.kwonlyargs)}
    shadowing |= {name for n in nodes if isinstance(n, ast.comprehension) for name in bound_names(n.target)}
    steps = {
        name
        for name, values in assigned.items()
        if len(values) == 1
        and isinstance(values[0], ast.Call)
        and isinstance(values[0].func, ast.Name)
        and values[0].func.id in makers
        and name not in shadowing
    }
    called = {id(node.func) for node in nodes if isinstance(node, ast.Call)}
    uses: list[tuple[str, Bindings | None]] = []
    for node in nodes:
        handed_on = isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called
        if handed_on and isinstance(node, ast.Name) and node.id in components:
            uses.append((components[node.id], None))  # registered, stored, passed: anyone may run it
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in components):
            continue
        if node.args or any(keyword.arg is None for keyword in node.keywords):
            uses.append((components[node.func.id], None))
            continue
        bindings = tuple((str(k.arg), _kind(k.value, steps)) for k in node.keywords)
        uses.append((components[node.func.id], bindings))
    return uses, unknown


def _kind(node: ast.AST, steps: set[str]) -> str:
    output = _output_of(node)
    if output is not None:
        return JOB_OUTPUT if output[0] in steps else SAFE
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool | int | float):
            return SAFE
        return SAFE if isinstance(value, str) and plain_literal(value) else UNSAFE
    if isinstance(node, ast.Call) and name_of(node) == "Input":
        return SAFE  # a data asset or folder: the command gets its mount path
    return UNSAFE


def _touches_wiring(node: ast.AST) -> bool:
    """An attribute or item chain through `.inputs`, `.outputs` or `.jobs` (but a mount mode)."""
    if isinstance(node, ast.Attribute) and node.attr == "mode":
        return False
    for _ in range(64):
        if isinstance(node, ast.Attribute):
            if node.attr in _WIRING_ATTRIBUTES:
                return True
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return False
    return True


def _output_of(node: ast.AST) -> tuple[str, str] | None:
    """(`train_node`, `model_output`) for `train_node.outputs.model_output`."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "outputs"
        and isinstance(node.value.value, ast.Name)
    ):
        return node.value.value.id, node.attr
    return None


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


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For)):
        return [node.target]
    if isinstance(node, ast.With):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []
