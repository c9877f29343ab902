"""Whether a downloaded pickle-format file is only ever read by loaders that refuse pickles.

`hf_hub_download(repo, "consolidated.00.pth")` names a pickle format (MLS311), but a file that the
code then opens only with `torch.load(path, weights_only=True)` or `numpy.load(path)` (whose
`allow_pickle` is off unless it is switched on) is never unpickled: torch's weights-only reader
and numpy's array reader refuse the opcodes that run code. Every use of the path must be such a
load; a path used any other way (given to a function, put in a string, a shell line's `$path`,
copied to another name) may reach a pickle loader this file does not show, and so may any code
that reaches names dynamically (`globals()`, `eval`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

_TORCH_LOADS = frozenset({"torch.load", "torch.serialization.load"})
_NUMPY_LOADS = frozenset({"numpy.load"})
_DYNAMIC_NAMES = frozenset({"globals", "locals", "vars", "eval", "exec", "getattr"})

QualName = Callable[[ast.AST], "str | None"]


def module_qualname(module: ast.Module) -> QualName:
    """Dotted names resolved through every import of the module, wherever it stands (a notebook
    imports numpy in a later cell than the one that downloads). A name imported as two different
    things, or also bound otherwise, resolves to nothing."""
    bound: dict[str, set[str]] = {}
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                bound.setdefault(local, set()).add(alias.name if alias.asname else local)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                bound.setdefault(alias.asname or alias.name, set()).add(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.setdefault(node.id, set()).add("")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.setdefault(node.name, set()).add("")

    def resolve(node: ast.AST) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        targets = bound.get(node.id)
        if targets is None or len(targets) != 1 or "" in targets:
            return None
        return ".".join([next(iter(targets)), *reversed(parts)])

    return resolve


def _constant(node: ast.AST | None, value: bool) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _read_argument(call: ast.Call) -> ast.expr | None:
    """The file argument of a torch or numpy load: the first positional, or `f=`/`file=`."""
    if call.args:
        return call.args[0]
    return _keyword(call, "f") or _keyword(call, "file")


def refuses_pickles(call: ast.Call, qualname: QualName) -> bool:
    """A load that cannot unpickle: torch.load(weights_only=True), numpy.load without
    allow_pickle=True. `**options` or a pickle_module may switch either back on."""
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return False
    name = qualname(call.func)
    if name in _TORCH_LOADS:
        return _constant(_keyword(call, "weights_only"), True) and _keyword(call, "pickle_module") is None
    if name in _NUMPY_LOADS:
        allow = _keyword(call, "allow_pickle")
        return (allow is None or _constant(allow, False)) and len(call.args) < 3  # allow_pickle is numpy.load's 3rd
    return False


def read_without_unpickling(module: ast.Module, download: ast.Call) -> bool:
    """Whether the file `download` fetches is read only by loads that refuse pickles: the call is
    itself such a load's file argument, or it is assigned to a plain name whose every use in the
    module is."""
    qualname = module_qualname(module)
    parent = next(
        (node for node in ast.walk(module) for child in ast.iter_child_nodes(node) if child is download), None
    )
    if isinstance(parent, ast.Call):
        return _read_argument(parent) is download and refuses_pickles(parent, qualname)
    if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name)):
        return False
    target = parent.targets[0].id
    named = re.compile(rf"(?<![\w.]){re.escape(target)}(?!\w)")
    safe_reads: set[int] = set()
    uses: list[ast.Name] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Name):
            if node.id in _DYNAMIC_NAMES:
                return False
            if node.id == target and isinstance(node.ctx, ast.Load):
                uses.append(node)
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and target in node.names:
            return False
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and named.search(node.value):
            return False  # `!python eval.py $path`, `%run x.py {path}`, a template naming it
        elif isinstance(node, ast.Call) and refuses_pickles(node, qualname):
            argument = _read_argument(node)
            if isinstance(argument, ast.Name):
                safe_reads.add(id(argument))
    return bool(uses) and all(id(use) in safe_reads for use in uses)
