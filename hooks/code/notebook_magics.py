"""Cell magics a notebook defines itself, and what each does with the cell it is given.

A notebook can register a cell magic in one cell and use it in later ones:

    @register_cell_magic
    def write_and_run(line, cell):
        with open(line.split()[-1], "w") as f:
            f.write(cell)
        get_ipython().run_cell(cell)

IPython then hands every `%%write_and_run train.py` cell's body to that function, which runs it as
Python and writes it to a file. Without reading the definition the body is an unknown magic's, and
nothing in it is checked. This module reads the definitions (functions decorated with IPython's
`register_cell_magic` / `register_line_cell_magic`, methods decorated with `cell_magic` /
`line_cell_magic`, functions passed to `register_magic_function(f, "cell", name)`) and says, per
magic name, whether the body is run as Python (the cell, or text made from it, reaches
`run_cell`, `exec` or `eval`) and whether it is written to a file (it reaches a `write` call).
A body used in any other way stays unknown (a low note, as before).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

_REGISTERING_DECORATORS = frozenset({"register_cell_magic", "register_line_cell_magic"})
_METHOD_DECORATORS = frozenset({"cell_magic", "line_cell_magic"})
_RUNNERS = frozenset({"run_cell", "exec", "eval", "run_cell_async"})
_WRITERS = frozenset({"write", "writelines", "write_text"})
# Texts that show a source registers a magic at all: the rest are not parsed for this.
HINTS = ("register_cell_magic", "register_line_cell_magic", "cell_magic", "register_magic_function")


@dataclass(frozen=True)
class DefinedMagic:
    runs: bool  # the body is run as Python
    writes: bool  # the body is written to a file: the magic line's last word names it


def defined_cell_magics(sources: Iterable[str]) -> dict[str, DefinedMagic]:
    """The cell magics the Python `sources` (a notebook's cells, transformed) define, by name."""
    found: dict[str, DefinedMagic] = {}
    for source in sources:
        if not any(hint in source for hint in HINTS):
            continue
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions[node.name] = node
                for name, cell_index in _registrations(node):
                    use = _use_of_cell(node, cell_index)
                    if use is not None:
                        found[name] = use
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node.func) == "register_magic_function":
                registered = _registered_function(node, functions)
                if registered is not None:
                    name, function = registered
                    use = _use_of_cell(function, 1)
                    if use is not None:
                        found[name] = use
    return found


def _registrations(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, int]]:
    """(magic name, position of the cell parameter) for each decorator that registers it."""
    registered: list[tuple[str, int]] = []
    for decorator in function.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        name = _called_name(call.func if call is not None else decorator)
        if name in _REGISTERING_DECORATORS:
            position = 1
        elif name in _METHOD_DECORATORS:
            position = 2  # (self, line, cell)
        else:
            continue
        magic = function.name
        if call is not None and call.args and isinstance(call.args[0], ast.Constant):
            if not isinstance(call.args[0].value, str):
                continue
            magic = call.args[0].value
        registered.append((magic, position))
    return registered


def _registered_function(
    call: ast.Call, functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
) -> tuple[str, ast.FunctionDef | ast.AsyncFunctionDef] | None:
    """`register_magic_function(f, "cell", "name")` (or with `magic_kind=`/`magic_name=`)."""
    arguments: dict[str, ast.expr] = dict(zip(("func", "magic_kind", "magic_name"), call.args, strict=False))
    arguments.update({k.arg: k.value for k in call.keywords if k.arg is not None})
    target, kind, name = arguments.get("func"), arguments.get("magic_kind"), arguments.get("magic_name")
    if not isinstance(target, ast.Name) or target.id not in functions:
        return None
    if not (isinstance(kind, ast.Constant) and kind.value in ("cell", "line_cell")):
        return None
    function = functions[target.id]
    if name is None:
        return function.name, function
    if isinstance(name, ast.Constant) and isinstance(name.value, str):
        return name.value, function
    return None


def _use_of_cell(function: ast.FunctionDef | ast.AsyncFunctionDef, position: int) -> DefinedMagic | None:
    parameters = [*function.args.posonlyargs, *function.args.args]
    if len(parameters) <= position:
        return None
    cell = parameters[position].arg
    # Names made from the cell's text (`contents = cell.format(**globals())`), in order.
    derived = {cell}
    for _ in range(2):  # twice: a name assigned before the name it is made from, in the walk's order
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and _mentions(node.value, derived):
                derived.update(t.id for target in node.targets for t in ast.walk(target) if isinstance(t, ast.Name))
    runs = writes = False
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        called = _called_name(node.func)
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if not any(_mentions(argument, derived) for argument in arguments):
            continue
        runs = runs or called in _RUNNERS
        writes = writes or called in _WRITERS
    return DefinedMagic(runs, writes) if runs or writes else None


def _mentions(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node))


def _called_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""
