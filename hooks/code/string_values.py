"""The strings an argument can hold where a call reads it (`YAML(typ=typ)`), as far as the module
says: constants, `"un" + "safe"`, `a if c else b`, a list's entries (`typ=["unsafe"]`), the default
of `os.environ.get("T", "unsafe")` and `os.getenv`, a local name's bindings, a
parameter's default and the constants the module's own calls pass for it, and the default of an
argparse option read as `args.<dest>`.

The answer is the set of strings found, whether a choice made at run time is possible too (an
environment variable, a caller outside the module, an argparse option), and whether anything this
cannot follow is (`typ += x`, `globals()[...]`, a call, a subscript, an imported name, an
attribute that is no argparse option). A caller that needs a safe value everywhere asks for all
three: every string found safe, no run-time choice, nothing untraced.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from hooks.code.command_origin import DEFINED, Function, parameter_default, parameters_of
from hooks.code.tree_nodes import nodes_of

_MAX_DEPTH = 8
_MAX_STRINGS = 64


@dataclass
class StringValues:
    strings: set[str] = field(default_factory=set)
    other: bool = False  # something decided at run time is possible too (a caller, the environment)
    untraced: bool = False  # the name is changed where this cannot follow (`typ += x`, globals())

    def add(self, more: StringValues) -> None:
        self.strings |= more.strings
        self.other = self.other or more.other or len(self.strings) > _MAX_STRINGS
        self.untraced = self.untraced or more.untraced


Bindings = Callable[[str, Function | None], "tuple[list[ast.AST], Function | None] | None"]


@dataclass
class StringResolver:
    module: ast.Module
    bound_values: Bindings  # CommandOrigins.bound_values
    function_of: Callable[[ast.AST], Function | None]
    rebound: Callable[[str], bool]  # a name rebound where this cannot follow (globals(), `x += ...`)

    def values(self, expression: ast.AST, where: ast.AST, depth: int = 0) -> StringValues:
        found = StringValues()
        if depth > _MAX_DEPTH:
            found.untraced = True
            return found
        if isinstance(expression, ast.Constant):
            if isinstance(expression.value, str):
                found.strings.add(expression.value)
            else:
                found.other = True
        elif isinstance(expression, (ast.List, ast.Tuple)) and expression.elts:
            for element in expression.elts:  # ruamel takes any unsafe kind in a list
                found.add(self.values(element, where, depth + 1))
        elif isinstance(expression, ast.IfExp):
            found.add(self.values(expression.body, where, depth + 1))
            found.add(self.values(expression.orelse, where, depth + 1))
        elif isinstance(expression, ast.BinOp) and isinstance(expression.op, ast.Add):
            left = self.values(expression.left, where, depth + 1)
            right = self.values(expression.right, where, depth + 1)
            found.strings = {a + b for a in left.strings for b in right.strings}
            found.other = left.other or right.other or len(found.strings) > _MAX_STRINGS
        elif isinstance(expression, ast.Call) and _environment_getter(expression):
            found.other = True  # whatever the environment says, or the default below
            if len(expression.args) > 1:
                found.add(self.values(expression.args[1], where, depth + 1))
        elif isinstance(expression, ast.Name):
            found.add(self._name(expression.id, where, depth))
        elif isinstance(expression, ast.Attribute):
            options = self._option_defaults(expression.attr, depth)
            if options.strings or options.other or options.untraced:
                found.other = True  # `args.typ`: the operator's command line, or the default
                found.add(options)
            else:
                found.untraced = True  # `self.typ`, `config.typ`: set where this does not look
        else:
            found.untraced = True  # a call, a subscript, an f-string: not followed
        return found

    def _name(self, name: str, where: ast.AST, depth: int) -> StringValues:
        found = StringValues()
        if self.rebound(name):
            found.untraced = True
            return found
        function = self.function_of(where)
        bound = self.bound_values(name, function)
        if function is not None and name in parameters_of(function):
            found.other = True  # callers outside the module
            default = parameter_default(function, name)
            if default is not None:
                found.add(self.values(default, function, depth + 1))
            for passed in self._passed(function, name):
                found.add(self.values(passed, passed, depth + 1))
            if bound is None or bound[1] is not function:
                return found  # what the body assigns to the parameter is read below
        if bound is None or not bound[0]:
            found.untraced = True  # imported, or bound where this does not look
            return found
        for value in bound[0]:
            if value is DEFINED:
                found.untraced = True  # bound by an import, a def or a class
            elif isinstance(value, ast.expr):
                found.add(self.values(value, where, depth + 1))
            else:
                found.untraced = True
        return found

    def _passed(self, function: Function, name: str) -> Iterator[ast.expr]:
        """What the module's own calls of `function` pass for its parameter `name`."""
        if isinstance(function, ast.Lambda):
            return
        positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        for node in nodes_of(self.module):
            if not isinstance(node, ast.Call):
                continue
            called = node.func
            if isinstance(called, ast.Name) and called.id == function.name:
                offset = 0
            elif isinstance(called, ast.Attribute) and called.attr == function.name:
                offset = 1 if positional[:1] in (["self"], ["cls"]) else 0
            else:
                continue
            for keyword in node.keywords:
                if keyword.arg == name:
                    yield keyword.value
            if name in positional:
                index = positional.index(name) - offset
                if 0 <= index < len(node.args) and not any(isinstance(a, ast.Starred) for a in node.args[:index]):
                    yield node.args[index]

    def _option_defaults(self, attribute: str, depth: int) -> StringValues:
        """`args.typ`: the `default=` of an argparse option whose destination is `typ`."""
        found = StringValues()
        for node in nodes_of(self.module):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"
            ):
                continue
            if _destination(node) != attribute:
                continue
            for keyword in node.keywords:
                if keyword.arg == "default":
                    found.add(self.values(keyword.value, keyword.value, depth + 1))
        return found


def _environment_getter(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in ("get", "getenv"):
        owner = func.value
        text = ast.unparse(owner) if isinstance(owner, (ast.Name, ast.Attribute)) else ""
        return text.endswith("environ") or text == "os"
    return isinstance(func, ast.Name) and func.id == "getenv"


def _destination(call: ast.Call) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "dest" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            return keyword.value.value
    flags = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    long = [f for f in flags if f.startswith("--")]
    chosen = long[0] if long else flags[0] if flags else None
    return chosen.lstrip("-").replace("-", "_") if chosen else None
