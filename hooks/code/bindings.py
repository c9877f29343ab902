"""Which names a syntax-tree node binds, shared by the modules that ask whether a name may hold
something other than what the code shows (load_context.py, serialisers.py, ml_rules.py)."""

from __future__ import annotations

import ast

# Text by which a module can bind its own names without showing them (a byte pattern, for source
# read as bytes): `globals()[n] = ...`, `exec(...)`, a star import, `sys.modules[__name__].n = ...`.
UNSEEN_MODULE_BINDINGS = rb"\bglobals\s*\(|\bexec\s*\(|\bimport\s+\*|\bmodules\s*\[\s*__name__\s*\]"


def names_bound_by(node: ast.AST, *, deletions: bool = False) -> list[str]:
    """The names a node binds: an assignment's, a loop's or a `with`'s targets, a parameter, an
    import (under its alias), `except ... as`, a def or class, a match capture (`case x`, `*x`,
    `{**x}`), a `global`/`nonlocal`; with `deletions`, a `del` too (it unbinds the name)."""
    if isinstance(node, ast.Name):
        stored = isinstance(node.ctx, ast.Store) or (deletions and isinstance(node.ctx, ast.Del))
        return [node.id] if stored else []
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, ast.alias):
        return [node.asname or node.name.split(".", 1)[0]]
    if isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
        return [node.name]
    if isinstance(node, ast.MatchMapping) and node.rest:
        return [node.rest]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Global | ast.Nonlocal):
        return list(node.names)
    return []


def root_name(node: ast.AST) -> str | None:
    """`d` of `d["k"]`, `d.x.y`, `d[k][j]`: the name an attribute or item chain starts from."""
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def assigned_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function assigns (outside nested functions and classes) and does not declare
    `global` or `nonlocal`."""
    assigned: set[str] = set()
    declared: set[str] = set()
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned.add(node.id)
        stack.extend(ast.iter_child_nodes(node))
    return assigned - declared


# A namespace's mapping (`globals()`, `vars()`) and what changes a mapping in place.
_NAMESPACE_MAPPINGS = frozenset({"globals", "vars", "locals"})
_MAPPING_CHANGES = frozenset({"update", "setdefault", "__setitem__", "pop", "popitem", "clear"})


def writes_namespace(node: ast.AST) -> bool:
    """Whether a node may change the module's names where no assignment of them shows: a store
    into `globals()`/`vars()` or a change of it, the module's own object (`sys.modules[__name__]`,
    `import __main__`, `__import__(...)`), a store into `builtins`, a star import."""
    if isinstance(node, ast.ImportFrom):
        return any(alias.name == "*" for alias in node.names)
    if isinstance(node, ast.Import):
        return any(alias.name == "__main__" for alias in node.names)
    if isinstance(node, ast.Subscript):
        owner = node.value
        if _namespace_mapping(owner):
            return isinstance(node.ctx, ast.Store)  # `globals()["NAMES"] = ...`
        return (
            isinstance(owner, ast.Attribute)
            and owner.attr == "modules"
            and any(isinstance(n, ast.Name) and n.id == "__name__" for n in ast.walk(node.slice))
        )
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
        owner = node.value
        return isinstance(owner, ast.Name) and owner.id in ("builtins", "__builtins__", "__main__")
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "__import__":
            return True
        if isinstance(func, ast.Attribute) and func.attr in _MAPPING_CHANGES and _namespace_mapping(func.value):
            return True  # `globals().update(...)`
        return (  # `sys.modules.get(__name__)`
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "modules"
            and any(isinstance(n, ast.Name) and n.id == "__name__" for a in node.args for n in ast.walk(a))
        )
    return False


def _namespace_mapping(node: ast.AST) -> bool:
    """`globals()`, `vars()`, `locals()`: a mapping whose items are the namespace's names."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NAMESPACE_MAPPINGS
