"""Whether an own YAML loader's methods leave construction to the safe constructor.

A subclass of `yaml.SafeLoader` builds what SafeConstructor builds until it overrides a method
PyYAML calls to build values: `construct_object` (every node goes through it), `construct_mapping`
and the other `construct_*` methods, `get_data`/`get_single_data` (what `yaml.load` returns),
`flatten_mapping`, or the class machinery (`__getattr__`, `__init_subclass__`, ...). Scanner,
parser, composer and resolver methods make nodes and tags, which the safe constructor still
refuses to turn into objects, so they are not asked about. A building override is trusted in two
shapes only:

- a plain builder (yaml_loaders._PlainBuilders: a container around the safe constructor's own
  result), or
- a delegating override, the duplicate-key check and the keep-timestamps-as-text loaders
  written everywhere: its calls are the loader's own construct methods (`self.construct_object`,
  `super().construct_mapping(node, deep)`), pure builtins (`len`, `isinstance`, `set`, ...),
  exceptions to raise, and plain methods of its local values (`seen.add(key)`); no import, no
  nested function, no global, no attribute it assigns.

The class hooks (`__getattr__`, `__init_subclass__`, ...) answer for every method and are never
trusted. The class bodies of the loader and of the module's own classes among its bases are read, and an
assignment of a building name anywhere in the module (`Loader.construct_object = f`, a class
attribute `construct_mapping = other`) makes the loader untrusted.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import NamedTuple

_CLASS_HOOKS = frozenset(
    {"__new__", "__init_subclass__", "__getattr__", "__getattribute__", "__class_getitem__", "__set_name__"}
)
_BUILDING = frozenset({"get_data", "get_single_data", "flatten_mapping"}) | _CLASS_HOOKS
# SafeConstructor's methods an override may call on itself or its super (PyYAML 6's names).
_CONSTRUCT_METHODS = frozenset(
    {
        "construct_document",
        "construct_object",
        "construct_mapping",
        "construct_sequence",
        "construct_scalar",
        "construct_pairs",
        "construct_undefined",
        "flatten_mapping",
    }
    | {f"construct_yaml_{kind}" for kind in ("binary", "bool", "float", "int", "map", "null", "omap", "pairs")}
    | {f"construct_yaml_{kind}" for kind in ("seq", "set", "str", "timestamp")}
)
_PURE_BUILTINS = frozenset(
    {"len", "isinstance", "set", "dict", "list", "tuple", "frozenset", "str", "int", "float", "bool", "sorted"}
    | {"enumerate", "zip", "range", "hash", "repr", "any", "all", "min", "max", "reversed"}
)
_VALUE_METHODS = frozenset(
    {"add", "append", "extend", "get", "items", "keys", "values", "update", "setdefault", "pop", "copy"}
    | {"format", "join", "startswith", "endswith", "lower", "upper", "strip", "split", "count", "index"}
)
_ERROR_SUFFIXES = ("Error", "Exception", "Warning")


def is_building(name: str) -> bool:
    """A method name through which PyYAML builds values."""
    return name.startswith("construct_") or name in _BUILDING


def stores_a_building_name(module: ast.Module) -> bool:
    """`Loader.construct_object = f`, `setattr`-free stores only: text reaches are checked apart."""
    return any(
        isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and is_building(node.attr)
        for node in ast.walk(module)
    )


class ModuleNames(NamedTuple):
    """The names a module binds anywhere: by its code (assignments, defs, parameters) and by its
    imports. A builtin bound either way is not the builtin; an exception class imported is one."""

    code: frozenset[str]
    imported: frozenset[str]

    @classmethod
    def of(cls, module: ast.Module, texts_rebind: bool) -> ModuleNames:
        code: set[str] = set()
        imported: set[str] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                code.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                code.add(node.name)
            elif isinstance(node, ast.arg):
                code.add(node.arg)
            elif isinstance(node, ast.alias):
                imported.add((node.asname or node.name).split(".")[0])
        if texts_rebind:
            code |= _PURE_BUILTINS | {"super"}  # `setattr(builtins, "len", f)`, a star import
        return cls(frozenset(code), frozenset(imported))

    def rebinds(self, builtin: str) -> bool:
        return builtin in self.code or builtin in self.imported


def overrides_build_plainly(
    definition: ast.ClassDef | None,
    classes: dict[str, ast.ClassDef],
    names: ModuleNames,
    plain_builder: Callable[[ast.FunctionDef], bool],
    seen: set[str] | None = None,
) -> bool:
    """Whether the loader class and the module's own classes among its bases build values only
    through plain builders and delegating overrides."""
    seen = set() if seen is None else seen
    if definition is None or definition.name in seen:
        return True  # not a class of the module (PyYAML's own), or already read
    seen.add(definition.name)
    for statement in definition.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and is_building(statement.name):
            if isinstance(statement, ast.AsyncFunctionDef) or statement.name in _CLASS_HOOKS:
                return False  # `__getattr__` answers for every method: no shape of it is trusted
            if not (plain_builder(statement) or _delegates(statement, classes, names)):
                return False
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if any(isinstance(n, ast.Name) and is_building(n.id) for t in targets for n in ast.walk(t)):
                return False  # `construct_object = staticmethod(other)`
    return all(
        overrides_build_plainly(classes.get(base.id), classes, names, plain_builder, seen)
        for base in definition.bases
        if isinstance(base, ast.Name)
    )


def _delegates(function: ast.FunctionDef, classes: dict[str, ast.ClassDef], names: ModuleNames) -> bool:
    if function.decorator_list or not function.args.args:
        return False
    owner = function.args.args[0].arg
    local = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    if owner in local or names.rebinds("super"):
        return False  # `self = other` makes `self.construct_object` another object's
    local |= {a.arg for a in (*function.args.args, *function.args.kwonlyargs)}
    for node in ast.walk(function):
        if node is not function and isinstance(
            node,
            (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.Import, ast.ImportFrom),
        ):
            return False
        if isinstance(node, (ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await, ast.Delete)):
            return False
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            return False  # `self.anything = ...`: state a later call may read
        if isinstance(node, ast.Call) and not _delegating_call(node, owner, local, classes, names):
            return False
    return True


def _delegating_call(
    call: ast.Call, owner: str, local: set[str], classes: dict[str, ast.ClassDef], names: ModuleNames
) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        if func.id == "super":
            return _is_super(call, owner)  # the receiver of `super().construct_mapping(...)`
        if func.id in _PURE_BUILTINS:
            return not names.rebinds(func.id) and func.id not in local
        return func.id not in local and _an_exception(func.id, classes, names)
    if not isinstance(func, ast.Attribute):
        return False  # `handlers[tag](node)`, `f()()`
    receiver = func.value
    if _is_super(receiver, owner) or (isinstance(receiver, ast.Name) and receiver.id == owner):
        return func.attr in _CONSTRUCT_METHODS
    if isinstance(receiver, ast.Constant) and isinstance(receiver.value, str):
        return func.attr in _VALUE_METHODS  # `", ".join(keys)`
    if isinstance(receiver, ast.Name) and receiver.id in local:
        return func.attr in _VALUE_METHODS  # `seen.add(key)`, `node.value` is no call
    return func.attr.endswith(_ERROR_SUFFIXES)  # `yaml.constructor.ConstructorError(...)`


def _is_super(node: ast.expr, owner: str) -> bool:
    """`super()` or `super(Loader, self)`."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"):
        return False
    if node.keywords:
        return False
    return not node.args or (len(node.args) == 2 and isinstance(node.args[1], ast.Name) and node.args[1].id == owner)


def _an_exception(name: str, classes: dict[str, ast.ClassDef], names: ModuleNames) -> bool:
    """An exception class to raise: named like one, and if the module's own, a body of nothing."""
    if not name.endswith(_ERROR_SUFFIXES):
        return False
    definition = classes.get(name)
    if definition is None:
        return name not in names.code  # a builtin's or an imported library's exception, not a def
    return (
        not definition.decorator_list
        and not definition.keywords
        and all(
            isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
            for s in definition.body
        )
    )
