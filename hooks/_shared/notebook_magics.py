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
# Methods that give back the body's own text: filled in as a template, or trimmed.
_KEEPING_METHODS = frozenset({"format", "format_map", "strip", "lstrip", "rstrip"})
_PATHS = frozenset({"Path", "PurePath", "PosixPath"})
_OPENERS = _PATHS | {"open"}
# Texts that show a source registers a magic at all: the rest are not parsed for this.
HINTS = ("register_cell_magic", "register_line_cell_magic", "cell_magic", "register_magic_function")


@dataclass(frozen=True)
class DefinedMagic:
    runs: bool  # the body is run as Python
    # Where the body is written, when it is and the name can be told from the definition:
    # ("file", name) a fixed name, ("line", "") the magic line itself, ("word", "N") its N-th word.
    writes: tuple[str, str] | None = None
    unread: bool = False  # the body is written to a file whose name cannot be told

    def written_name(self, line: str) -> str | None:
        """The name of the file a `%%magic line` cell writes, as the definition picks it."""
        if self.writes is None:
            return None
        kind, value = self.writes
        if kind == "file":
            return value
        if kind == "line":
            return line.strip() or None
        words = line.split()
        index = int(value)
        return words[index] if -len(words) <= index < len(words) else None


def defined_cell_magics(sources: Iterable[str]) -> dict[str, DefinedMagic]:
    """The cell magics the Python `sources` (a notebook's code cells) define, by name; a source
    naming no way to register one is not parsed."""
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
    line = parameters[position - 1].arg
    assigned = _assignments(function)
    # Names made from the cell's text (`contents = cell.format(**globals())`).
    derived = {cell}
    for _ in range(2):  # twice: a name assigned before the name it is made from, in the walk's order
        for name, values in assigned.items():
            if any(_mentions(value, derived) for value in values):
                derived.add(name)
    runs = False
    writes: tuple[str, str] | None = None
    unread = False
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if not any(_mentions(argument, derived) for argument in arguments):
            continue
        called = _called_name(node.func)
        if called in _RUNNERS:
            runs = True
        elif (called in _WRITERS and isinstance(node.func, ast.Attribute)) or called == "print":
            # `f.write(cell)`, or `print(cell, file=f)`.
            stream = node.func.value if isinstance(node.func, ast.Attribute) else _keyword(node, "file")
            opened = _opened_file(stream, assigned) if stream is not None else None
            if opened is None:
                continue  # `sys.stdout.write(cell)`, a list's, a socket's: no file is written
            target = _file_name(opened, line, assigned)
            # What is written must be the body as written (or filled in as a template): a body
            # changed on the way (`cell.replace(...)`) is not the file that is checked.
            if target is None or not all(_the_body(argument, cell, assigned) for argument in node.args[:1]):
                unread = True
            elif writes is None:
                writes = target
    if not (runs or writes or unread):
        return None
    return DefinedMagic(runs, writes, unread)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _the_body(node: ast.expr, cell: str, assigned: dict[str, list[ast.expr]], depth: int = 0) -> bool:
    """`cell`, `cell.format(...)`, `cell.strip()` or a name bound only to one of them."""
    if depth > 4:
        return False
    if isinstance(node, ast.Name):
        if node.id == cell:
            return True
        values = assigned.get(node.id, [])
        return len(values) == 1 and _the_body(values[0], cell, assigned, depth + 1)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _KEEPING_METHODS
        and _the_body(node.func.value, cell, assigned, depth + 1)
    )


def _assignments(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, list[ast.expr]]:
    """Name -> the values the function binds it to (`=`, and `with ... as name`)."""
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        found.setdefault(leaf.id, []).append(node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    found.setdefault(item.optional_vars.id, []).append(item.context_expr)
    return found


def _opened_file(receiver: ast.expr, assigned: dict[str, list[ast.expr]]) -> ast.expr | None:
    """What names the file a `.write` goes to: `open(x)`'s (or `Path(x)`'s) first argument, the
    receiver being that call or a name bound only to it; None when it is not a file opened here."""
    if isinstance(receiver, ast.Name):
        values = assigned.get(receiver.id, [])
        if len(values) != 1:
            return None
        receiver = values[0]
    if not isinstance(receiver, ast.Call):
        return None
    if isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "open":
        # `Path(x).open("w")`: the path's argument names the file; `open` of anything else is unknown.
        opened = receiver.func.value
        if isinstance(opened, ast.Call) and _called_name(opened.func) in _PATHS and opened.args:
            return opened.args[0]
        return None
    if _called_name(receiver.func) in _OPENERS:
        named = [k.value for k in receiver.keywords if k.arg in ("file", "path")]
        return receiver.args[0] if receiver.args else named[0] if named else None
    return None


def _file_name(
    node: ast.expr, line: str, assigned: dict[str, list[ast.expr]], depth: int = 0
) -> tuple[str, str] | None:
    """How the definition picks the written file's name from the magic line, if it can be told."""
    if depth > 4:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ("file", node.value)
    if isinstance(node, ast.Name):
        if node.id == line:
            return ("line", "")
        values = assigned.get(node.id, [])
        return _file_name(values[0], line, assigned, depth + 1) if len(values) == 1 else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("strip", "lstrip", "rstrip")
        and not node.args
    ):
        return _file_name(node.func.value, line, assigned, depth + 1)
    index = _constant_index(node.slice) if isinstance(node, ast.Subscript) else None
    if isinstance(node, ast.Subscript) and index is not None:
        words = node.value
        if isinstance(words, ast.Name) and len(assigned.get(words.id, [])) == 1:
            words = assigned[words.id][0]
        if _splits(words, line):
            return ("word", str(index))
    return None


def _constant_index(node: ast.expr) -> int | None:
    """`2` or `-1` written as a constant (`-1` is a unary minus on 1)."""
    negative = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    value = node.operand if isinstance(node, ast.UnaryOp) and negative else node
    if isinstance(value, ast.Constant) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return -value.value if negative else value.value
    return None


def _splits(node: ast.expr, line: str) -> bool:
    """`line.split()` (no separator: words, as a shell would cut them)."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and not node.args
        and not node.keywords
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == line
    )


def _mentions(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node))


def _called_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""
