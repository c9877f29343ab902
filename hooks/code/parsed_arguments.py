"""Which names of a module hold the command line, parsed, as far as one file can prove it.

`eval`/`exec` of the operator's own text is low (command_origin.py, `operator_only`). The
command line reaches code through an argument parser (`parser.parse_args()`), a configuration
parser that builds an object from it (`pyrallis.parse(config_class=Config)`), or a wrapper of
either (`args = get_args()`). Each of these is trusted only when the file shows that the name
is what it looks like:

- a configuration parser's module name is bound only by its import (`import pyrallis`), never
  by a class, an assignment or a parameter of that name;
- the configuration class is the file's own plain class: defaults built of constants, no
  methods (a `__post_init__` or a property may compute anything), no decorator but `dataclass`,
  and bases that are plain too (an imported base may add any of those);
- a wrapper is a module-level function bound by its `def` only (no import, assignment,
  parameter or `global` store of the name anywhere);
- nothing rebinds names unseen (`from m import *`, `globals()`), and the object is never
  changed through `setattr`, `vars(...)` or `__dict__`.

Only the syntax tree is read; nothing is imported or run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# Parser -> (module whose import must bind the call's root name, member imported from it or None)
CONFIG_PARSERS: dict[str, tuple[str, str | None]] = {
    "pyrallis.parse": ("pyrallis", None),
    "tyro.cli": ("tyro", None),
    "simple_parsing.parse": ("simple_parsing", None),
    "OmegaConf.from_cli": ("omegaconf", "OmegaConf"),
}
_DATACLASS = frozenset({"dataclass", "dataclasses.dataclass"})
_FIELD = frozenset({"field", "dataclasses.field"})
_MAX_BASES = 8  # plain base classes followed, one after the other


class ModuleBindings:
    """Every place a name of the module is bound, found once per module."""

    def __init__(self, module: ast.Module) -> None:
        self.module = module
        self.binders: dict[str, list[ast.AST]] = {}
        self.changed_unseen: set[str] = set()  # names passed to setattr/vars or read through __dict__
        self.unseen_rebinding = False  # a star import or globals(): any name may be rebound
        for node in ast.walk(module):
            for name in _bound_names(node):
                self.binders.setdefault(name, []).append(node)
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                self.unseen_rebinding = True
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("globals", "locals") or (node.func.id == "vars" and not node.args):
                    self.unseen_rebinding = True
                elif node.func.id in ("setattr", "delattr", "vars") and node.args:
                    target = node.args[0]
                    if isinstance(target, ast.Name):
                        self.changed_unseen.add(target.id)
            elif isinstance(node, ast.Attribute) and node.attr == "__dict__" and isinstance(node.value, ast.Name):
                self.changed_unseen.add(node.value.id)

    def only_def(self, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The module-level function `name`, when its `def` is the name's one binding anywhere."""
        found = self.binders.get(name, [])
        if self.unseen_rebinding or len(found) != 1:
            return None
        node = found[0]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node in self.module.body:
            return node
        return None

    def only_import(self, name: str, module: str, member: str | None) -> bool:
        """Whether `name` is bound only by importing `module` (or `member` from it) as itself."""
        found = self.binders.get(name, [])
        if self.unseen_rebinding or not found:
            return False
        for node in found:
            if isinstance(node, ast.Import) and member is None:
                if not all(
                    alias.name == module and alias.asname is None for alias in node.names if _binds(alias, name)
                ):
                    return False
            elif isinstance(node, ast.ImportFrom) and member is not None and node.level == 0:
                if node.module != module or not all(
                    alias.name == member and alias.asname is None for alias in node.names if _binds(alias, name)
                ):
                    return False
            else:
                return False
        return True

    def plain_config_class(self, node: ast.AST, depth: int = 0) -> bool:
        """Whether `node` names the module's own plain configuration class (see the module doc)."""
        if not isinstance(node, ast.Name) or depth > _MAX_BASES or self.unseen_rebinding:
            return False
        found = self.binders.get(node.id, [])
        if len(found) != 1 or not isinstance(found[0], ast.ClassDef) or found[0] not in self.module.body:
            return False
        cls = found[0]
        if cls.keywords or not all(
            _dotted(d.func if isinstance(d, ast.Call) else d) in _DATACLASS for d in cls.decorator_list
        ):
            return False  # a metaclass or another decorator may change what the class builds
        if not all(base.id == "object" or self.plain_config_class(base, depth + 1) for base in _names(cls.bases)):
            return False
        if len(_names(cls.bases)) != len(cls.bases):
            return False
        return all(_plain_statement(statement) for statement in cls.body)


def _bound_names(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        yield node.id
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, ast.arg):
        yield node.arg
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            yield alias.asname or alias.name.partition(".")[0]
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        yield from node.names  # a store elsewhere may then rebind the module's name
    elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
        yield node.name
    elif isinstance(node, ast.MatchMapping) and node.rest:
        yield node.rest


def _binds(alias: ast.alias, name: str) -> bool:
    return (alias.asname or alias.name.partition(".")[0]) == name


def _names(nodes: list[ast.expr]) -> list[ast.Name]:
    return [n for n in nodes if isinstance(n, ast.Name)]


def _dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _plain_statement(statement: ast.stmt) -> bool:
    """A docstring, `pass`, or a field whose default is built of constants."""
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant)
    if isinstance(statement, ast.AnnAssign):
        return isinstance(statement.target, ast.Name) and (statement.value is None or _plain_default(statement.value))
    if isinstance(statement, ast.Assign):
        return all(isinstance(t, ast.Name) for t in statement.targets) and _plain_default(statement.value)
    return False


def _plain_default(value: ast.expr) -> bool:
    if isinstance(value, ast.Call) and _dotted(value.func) in _FIELD and not value.args:
        # field(default=1), field(default_factory=lambda: [0, 1]), field(default_factory=list)
        return all(_plain_default(k.value) for k in value.keywords if k.arg is not None) and all(
            k.arg is not None for k in value.keywords
        )
    if isinstance(value, ast.Lambda):
        return not value.args.args and _plain_default(value.body)
    if isinstance(value, ast.Name):
        return value.id in ("list", "dict", "set", "tuple", "str", "int", "float", "bool")
    return _constant_display(value)


def _constant_display(value: ast.expr) -> bool:
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return all(_constant_display(e) for e in value.elts)
    if isinstance(value, ast.Dict):
        return all(k is not None and _constant_display(k) for k in value.keys) and all(
            _constant_display(v) for v in value.values
        )
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)):
        return _constant_display(value.operand)
    return False
