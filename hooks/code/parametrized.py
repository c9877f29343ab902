"""Text a test builds only of its own `@pytest.mark.parametrize` constants.

`@pytest.mark.parametrize("dataset_name", ["mnist", "imdb"])` on `def test_x(dataset_name)` means
pytest calls the test with those values and no others, so `eval(dataset_name)` there evaluates
one of the test's own constants. Any other way the parameter may be filled keeps it unknown: an
`indirect` parametrisation (a fixture turns the value into something else), a value that is not a
constant (`[load_cases()]`), a name the decorator does not list (a fixture), and a module that
calls the function itself (a caller may pass anything). The verdict rests on the decorator, not
on the file's name.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from hooks.code.command_origin import Function

ConstantText = Callable[[ast.AST], "str | None"]
_PARAMETRIZE = ("pytest.mark.parametrize", "mark.parametrize")
# What a text may be built of: strings, f-strings, `+`/`%`, names, and the lists a command is.
_TEXT_NODES = (
    ast.JoinedStr,
    ast.FormattedValue,
    ast.BinOp,
    ast.Constant,
    ast.Name,
    ast.List,
    ast.Tuple,
    ast.Load,
    ast.Add,
    ast.Mod,
)


def _dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _names_of(argument: ast.AST) -> list[str] | None:
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [name.strip() for name in argument.value.split(",")]
    if isinstance(argument, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in argument.elts
    ):
        return [str(e.value).strip() for e in argument.elts]  # type: ignore[attr-defined]
    return None


def _constant(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool, type(None)))


def _row(value: ast.AST, width: int) -> list[ast.expr] | None:
    """One parameter set: a bare value (one name), a tuple of values, or `pytest.param(...)`."""
    if isinstance(value, ast.Call) and _dotted(value.func).endswith("param"):
        if any(isinstance(a, ast.Starred) for a in value.args) or any(k.arg is None for k in value.keywords):
            return None
        return value.args if len(value.args) == width else None
    if width == 1:
        return [value]  # type: ignore[list-item]
    if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == width:
        return list(value.elts)
    return None


def _rebound(function: Function, parameter: str) -> bool:
    """`dataset_name = input()` in the body, or a `global`/`nonlocal` of that name."""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id == parameter and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and parameter in node.names:
            return True
        if isinstance(node, ast.arg) and node.arg == parameter and node not in _arguments(function):
            return True  # a nested function's or lambda's own parameter of the same name
    return False


def _arguments(function: Function) -> list[ast.arg]:
    a = function.args
    return [*a.posonlyargs, *a.args, *a.kwonlyargs]


def parametrized_constants(function: Function, parameter: str) -> bool:
    """Whether pytest fills `parameter` of `function` only from constants its own decorator lists."""
    if _rebound(function, parameter):
        return False
    for decorator in function.decorator_list:
        if not (isinstance(decorator, ast.Call) and _dotted(decorator.func).endswith(_PARAMETRIZE)):
            continue
        if not decorator.args:
            continue
        names = _names_of(decorator.args[0])
        if names is None or parameter not in names:
            continue
        indirect = next((k.value for k in decorator.keywords if k.arg == "indirect"), None)
        if indirect is not None and not (isinstance(indirect, ast.Constant) and indirect.value is False):
            return False
        values = decorator.args[1] if len(decorator.args) > 1 else None
        if not isinstance(values, (ast.List, ast.Tuple)) or not values.elts:
            return False
        position = names.index(parameter)
        for value in values.elts:
            row = _row(value, len(names))
            if row is None or not _constant(row[position]):
                return False
        return True
    return False


def _called_directly(module: ast.Module, name: str) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
        for node in ast.walk(module)
    )


def built_of_parametrized_constants(
    argument: ast.AST, function: Function | None, module: ast.Module, constant_text: ConstantText
) -> bool:
    """Whether `argument` (in `function`) is built only of constants and of parameters that
    pytest fills from the function's own parametrize constants; at least one such parameter."""
    if function is None or _called_directly(module, function.name):
        return False
    parameters = {a.arg for a in _arguments(function)}
    used = False
    for node in ast.walk(argument):
        if not isinstance(node, _TEXT_NODES):
            return False
        if isinstance(node, ast.Name):
            if node.id in parameters and parametrized_constants(function, node.id):
                used = True
            elif constant_text(node) is None:
                return False
    return used
