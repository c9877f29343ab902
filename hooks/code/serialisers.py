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


def _own_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """The nodes a call of `function` runs itself: not those of functions, lambdas or classes
    defined inside it (they run only if something calls them)."""
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                pending.append(child)


def built_writes(tree: ast.AST) -> dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, tuple[ast.expr, ...]]]:
    """Functions defined in this code that serialise to a path built of their parameters
    (`def build(root="./"): torch.save(x, root + "mnist/train.pt")`): name -> (the function, the
    path expressions). A call writes each expression's text with the parameters bound to what the
    call passes, or to their defaults where it passes nothing (load_context.py). Only expressions
    whose names are parameters the function never rebinds, or names it binds nowhere (the module's,
    read at the call), count; a path that is just a parameter is `writing_functions`'."""
    found: dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, tuple[ast.expr, ...]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        arguments = node.args
        parameters = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
        if arguments.vararg is not None or arguments.kwarg is not None:
            continue  # *args, **kwargs: which value a name holds depends on more than its position
        body = list(_own_body(node))
        bound_inside = {n.id for n in body if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))} | {
            name for n in body if isinstance(n, (ast.Global, ast.Nonlocal)) for name in n.names
        }
        handles = dict(handle_bindings(body))
        expressions: list[ast.expr] = []
        for inner in body:
            if not isinstance(inner, ast.Call):
                continue
            for argument in path_arguments(inner):
                path = opened_path(argument) or (handles.get(argument.id) if isinstance(argument, ast.Name) else None)
                path = path if path is not None else argument
                if not isinstance(path, ast.expr) or isinstance(path, ast.Name):
                    continue  # a bare name: a parameter (writing_functions) or a local value
                names = {n.id for n in ast.walk(path) if isinstance(n, ast.Name)}
                if names & parameters and not names & bound_inside:
                    expressions.append(path)
        if expressions:
            found[node.name] = (node, tuple(expressions))
    return found


def bound_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call) -> dict[str, ast.expr] | None:
    """What each parameter of `function` holds when `call` calls it: the argument passed by position
    or keyword, else the parameter's default; None when the call's arguments cannot be matched
    (`*args`, `**options`, too many, a parameter with neither)."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    if len(call.args) > len(positional) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    if any(k.arg is None for k in call.keywords):
        return None
    bound: dict[str, ast.expr] = {p.arg: value for p, value in zip(positional, call.args, strict=False)}
    defaults = dict(
        zip([p.arg for p in positional][len(positional) - len(arguments.defaults) :], arguments.defaults, strict=False)
    )
    defaults.update(
        {p.arg: d for p, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True) if d is not None}
    )
    for keyword in call.keywords:
        if keyword.arg in bound:
            return None  # given twice: Python refuses the call
        bound[str(keyword.arg)] = keyword.value
    for parameter in (*positional, *arguments.kwonlyargs):
        if parameter.arg not in bound:
            if parameter.arg not in defaults:
                return None
            bound[parameter.arg] = defaults[parameter.arg]
    return bound
