"""Serialiser calls as the code hook reads them: which argument names the file they write."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

# Serialisers: the call's attribute name -> positions of the path among positional arguments.
# Only serialisers count as writes: `open(p, "wb").write(requests.get(url).content)` writes a
# download, which must stay high when loaded.
WRITERS: dict[str, tuple[int, ...]] = {
    "dump": (1,),  # pickle/joblib/cloudpickle/dill.dump(obj, target)
    "save": (0, 1),  # torch.save(obj, f), np.save(file, arr), model.save(path)
    "savez": (0,),
    "savez_compressed": (0,),
    "to_pickle": (0,),
    "save_local": (0,),  # LangChain vector stores
    "save_pretrained": (0,),
    "save_model": (1, 0),  # mlflow.<flavor>.save_model(model, path), keras save_model(model, path)
    "write_index": (1,),  # faiss.write_index(index, path)
}
PATH_KEYWORDS = frozenset({"f", "file", "filename", "fname", "path", "filepath", "folder_path", "path_or_buf", "dst"})


def opened_path(node: ast.AST) -> ast.AST | None:
    """`p` of `open(p, ...)` (any `open`: builtins, io, gzip...)."""
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "open":
            return node.args[0]
    return None


def handle_bindings(nodes: Iterable[ast.AST]) -> Iterator[tuple[str, ast.AST]]:
    """(name, path) of each file handle these nodes bind: `with open(path) as f`, `f = open(path)`."""
    for top in nodes:
        for node in ast.walk(top):
            pairs: list[tuple[ast.AST, ast.AST]] = []
            if isinstance(node, ast.withitem) and node.optional_vars is not None:
                pairs.append((node.optional_vars, node.context_expr))
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                pairs.append((node.targets[0], node.value))
            for target, value in pairs:
                opened = opened_path(value)
                if isinstance(target, ast.Name) and opened is not None:
                    yield target.id, opened


def path_arguments(call: ast.Call, name: str | None = None) -> list[ast.expr]:
    """The arguments a serialiser call writes to (none when the call is no serialiser); `name`:
    the serialiser's name when the caller resolved an import alias, else the call's own."""
    func = call.func
    if name is None:
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    positions = WRITERS.get(name)
    if positions is None:
        return []
    return [call.args[i] for i in positions if i < len(call.args)] + [
        k.value for k in call.keywords if k.arg in PATH_KEYWORDS
    ]


def writing_functions(tree: ast.AST) -> dict[str, tuple[tuple[int, str], ...]]:
    """Functions defined in this code that serialise to a path given as one of their parameters
    (`def dump_pickle(obj, filename): with open(filename, "wb") as f: pickle.dump(obj, f)`):
    name -> (position or -1 for keyword-only, parameter) of each such parameter. A call of one
    with a path writes that path, as the serialiser inside it does."""
    found: dict[str, tuple[tuple[int, str], ...]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        parameters = set(positional) | {a.arg for a in node.args.kwonlyargs}
        handles = {  # `with open(path, "wb") as f`: f -> path
            name: opened.id
            for name, opened in handle_bindings([node])
            if isinstance(opened, ast.Name) and opened.id in parameters
        }
        written: set[str] = set()
        for inner in ast.walk(node):
            if not isinstance(inner, ast.Call):
                continue
            for argument in path_arguments(inner):
                opened = opened_path(argument)
                if isinstance(opened, ast.Name) and opened.id in parameters:
                    written.add(opened.id)
                elif isinstance(argument, ast.Name) and argument.id in parameters:
                    written.add(argument.id)
                elif isinstance(argument, ast.Name) and argument.id in handles:
                    written.add(handles[argument.id])
        if written:
            found[node.name] = tuple(
                (positional.index(name) if name in positional else -1, name) for name in sorted(written)
            )
    return found
