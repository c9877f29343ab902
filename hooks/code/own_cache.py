"""Files a notebook or script keeps as its own cache: loaded when present, built and saved when not.

    if os.path.exists(INDEX):                       if os.path.exists(cache):
        store = FAISS.load_local(INDEX, ...)            with open(cache, "rb") as f:
    else:                                                   return pickle.load(f)
        store = FAISS.from_documents(docs, emb)     data = compute()
        store.save_local(INDEX)                     with open(cache, "wb") as f:
                                                        pickle.dump(data, f)

The load reads what the other path of the same check writes, so it reads back the code's own
object, like a load of a file written a few cells earlier (hooks/code/load_context.py). The
other path is the `else` branch, or, when the loading branch leaves (`return`, `continue`,
`break`, `raise`), the statements after the check in the same block. A check whose other path
writes nothing to that path (it downloads, raises, or writes elsewhere) is no cache: its load
stays high. Paths are compared as written (`ast.unparse`), through `open(path)` and the handle
names `with open(path) as f` binds.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

from hooks.code.serialisers import handle_bindings, opened_path, path_arguments
from hooks.code.tree_nodes import nodes_of

_CHECKS = frozenset({"exists", "isfile", "isdir", "is_file", "is_dir", "lexists"})
_LEAVES = (ast.Return, ast.Continue, ast.Break, ast.Raise)
_MAX_GUARDS = 10_000


def _text(node: ast.AST) -> str | None:
    try:
        return ast.unparse(node)
    except (ValueError, RecursionError):
        return None


def checked_path(test: ast.expr) -> ast.AST | None:
    """The path an existence check tests: `os.path.exists(p)`, `Path(p).exists()`, `p.is_file()`,
    also under `not` and inside `and`."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return checked_path(test.operand)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        for value in test.values:
            found = checked_path(value)
            if found is not None:
                return found
        return None
    if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in _CHECKS):
        return None
    if test.args:  # os.path.exists(p)
        return test.args[0]
    owner = test.func.value  # p.exists() / Path(p).exists()
    if isinstance(owner, ast.Call) and owner.args and isinstance(owner.func, (ast.Name, ast.Attribute)):
        name = owner.func.id if isinstance(owner.func, ast.Name) else owner.func.attr
        if name in ("Path", "PurePath", "PosixPath"):
            return owner.args[0]
    return owner


def _handles(statements: Sequence[ast.stmt], path: str) -> set[str]:
    """Names bound to `open(path)` in these statements (`with open(p) as f`, `f = open(p)`)."""
    return {name for name, opened in handle_bindings(statements) if _text(opened) == path}


def _names_path(node: ast.AST, path: str, handles: set[str]) -> bool:
    opened = opened_path(node)
    if opened is not None:
        return _text(opened) == path
    if isinstance(node, ast.Name) and node.id in handles:
        return True
    return _text(node) == path


def _written(statements: Sequence[ast.stmt], handles: dict[str, str]) -> set[str]:
    """The paths (as written) serialisers in these statements write to; `handles`: names bound
    to `open(path)` in the block, as path texts."""
    found: set[str] = set()
    for statement in statements:
        for node in ast.walk(statement):
            if not isinstance(node, ast.Call):
                continue
            for target in path_arguments(node):
                opened = opened_path(target)
                if opened is not None:
                    text = _text(opened)
                elif isinstance(target, ast.Name) and target.id in handles:
                    text = handles[target.id]
                else:
                    text = _text(target)
                if text is not None:
                    found.add(text)
    return found


def _handle_paths(statements: Sequence[ast.stmt]) -> dict[str, str]:
    return {name: text for name, opened in handle_bindings(statements) if (text := _text(opened)) is not None}


def _leaves(statements: Sequence[ast.stmt]) -> bool:
    """Whether running these statements always ends in return, continue, break or raise."""
    if not statements:
        return False
    last = statements[-1]
    if isinstance(last, _LEAVES):
        return True
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return _leaves(last.body)
    if isinstance(last, ast.If):
        return _leaves(last.body) and _leaves(last.orelse)
    return False


def _span(statements: Sequence[ast.stmt]) -> tuple[int, int] | None:
    if not statements:
        return None
    return statements[0].lineno, max(getattr(s, "end_lineno", None) or s.lineno for s in statements)


def _blocks(tree: ast.AST) -> Iterator[list[ast.stmt]]:
    for node in nodes_of(tree):
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block
        if isinstance(node, ast.Try):
            for handler in node.handlers:
                yield handler.body


class OwnCaches:
    """The cache checks of one module: which loads read what the other path writes."""

    def __init__(self) -> None:
        # (first line, last line, path text, handle names) of each loading branch whose other
        # path writes the checked file
        self.branches: list[tuple[int, int, str, frozenset[str]]] = []

    def scan(self, tree: ast.AST) -> None:
        for block in _blocks(tree):
            checks = [isinstance(s, ast.If) and checked_path(s.test) is not None for s in block]
            if not any(checks):
                continue
            # From the end of the block back: what the statements after each check write, gathered
            # once per block (asking each check about the rest of its block was quadratic).
            handles = _handle_paths(block)
            after: set[str] = set()
            for statement, is_check in zip(reversed(block), reversed(checks), strict=True):
                if is_check and isinstance(statement, ast.If) and len(self.branches) < _MAX_GUARDS:
                    self._check(statement, after, handles)
                after |= _written([statement], handles)

    def _check(self, node: ast.If, after: set[str], handles: dict[str, str]) -> None:
        checked = checked_path(node.test)
        path = _text(checked) if checked is not None else None
        if path is None:
            return
        for loading, other in ((node.body, node.orelse), (node.orelse, node.body)):
            span = _span(loading)
            if span is None:
                continue
            rest = _written(other, handles) | (after if _leaves(loading) else set())
            if path in rest:
                self.branches.append((*span, path, frozenset(_handles(loading, path))))

    def reads_own_cache(self, call: ast.Call, target: ast.AST) -> bool:
        """Whether this load, with this path argument, reads a file its check's other path writes."""
        line = getattr(call, "lineno", 0)
        for first, last, path, handles in self.branches:
            if first <= line <= last and _names_path(target, path, set(handles)):
                return True
        return False
