"""Serialiser calls as the code hook reads them: which argument names the file they write."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

from hooks.code.bindings import names_bound_by
from hooks.code.tree_nodes import nodes_of

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


def opened_to_read(call: ast.Call) -> bool:
    """`open(p)`, `open(p, "rb")`: a mode left out, or written as a constant of read letters only."""
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    return mode is None or (
        isinstance(mode, ast.Constant) and isinstance(mode.value, str) and set(mode.value) <= set("rbt")
    )


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
    for node in nodes_of(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        parameters = set(positional) | {a.arg for a in node.args.kwonlyargs}
        stores: dict[str, int] = {}
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                stores[inner.id] = stores.get(inner.id, 0) + 1
        handles = {  # `with open(path, "wb") as f`: f -> path, when `f` is bound only there
            name: opened.id
            for name, opened in handle_bindings([node])
            if isinstance(opened, ast.Name) and opened.id in parameters and stores.get(name, 0) == 1
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


def _run_by(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes running `statements` runs itself: not those of functions, lambdas or classes
    defined in them (they run only if something calls them)."""
    pending: list[ast.AST] = list(statements)
    while pending:
        node = pending.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                pending.append(child)


def _own_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """The nodes a call of `function` runs itself."""
    return _run_by(function.body)


# Existence checks: a write under `if not os.path.exists(p):` is the cache idiom (build the file
# when it is missing), which writes it whenever it was not there already.
_EXISTENCE_CHECKS = frozenset({"exists", "isfile", "isdir", "is_file", "is_dir", "lexists"})
# Receivers whose `save` adds a suffix to the name it is given (`np.save("f", a)` writes `f.npy`).
_SUFFIXING = frozenset({"np", "numpy", "jnp", "onp"})


def _always_written(
    function: ast.FunctionDef,
    call: ast.Call,
    checks: set[str],
    parents: dict[int, tuple[ast.AST, str]],
    exits: dict[tuple[int, str], int],
    positions: dict[int, int],
) -> bool:
    """Whether a call of `function` runs `call` whenever the file was missing: it stands at the
    top of the body or inside `with` blocks, or inside `if`s whose test only checks that files
    exist (directly, or through names bound to such checks: `checks`), and nothing before it in any
    block it is in can leave (`return` or `raise` anywhere in an earlier statement: `if not
    download: return`). A loop, `try`, `match`, another test, a comprehension or a `with` item may
    skip it or run it elsewhere. `parents`: id of a node -> (its parent, the field holding it);
    `exits`: per block (its owner's id and field), the index of its first statement that can
    leave; `positions`: each statement's index in its block; both filled as needed."""
    node: ast.AST = call
    while node is not function:
        parent, field = parents[id(node)]
        if isinstance(node, ast.stmt):
            block = getattr(parent, field)
            key = (id(parent), field)
            if key not in exits:
                exits[key] = next(
                    (i for i, item in enumerate(block) if any(isinstance(n, _LEAVING) for n in ast.walk(item))),
                    len(block),
                )
                positions.update({id(item): i for i, item in enumerate(block)})
            if exits[key] < positions[id(node)]:
                return False
            if parent is function:
                return True
            in_with = isinstance(parent, ast.With) and field == "body"
            in_check = (
                isinstance(parent, ast.If) and field in ("body", "orelse") and _existence_test(parent.test, checks)
            )
            if not (in_with or in_check):
                return False
        elif not isinstance(parent, (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Call, ast.keyword)):
            return False  # inside a comprehension, a lambda, a boolean or conditional expression...
        elif isinstance(parent, ast.Call) and parent is not call and field == "func":
            return False
        node = parent
    return False


_LEAVING = (ast.Return, ast.Raise)


def _parents(function: ast.FunctionDef) -> dict[int, tuple[ast.AST, str]]:
    found: dict[int, tuple[ast.AST, str]] = {}
    for node in ast.walk(function):
        for field, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.AST):
                    found[id(child)] = (node, field)
    return found


def _is_existence_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in _EXISTENCE_CHECKS


def _existence_test(test: ast.expr, checks: set[str]) -> bool:
    """Whether a test only asks whether files exist: an existence check, a name bound to one,
    `not` of such a test, a comparison of one with a constant (`flag == False`), or `and`/`or` of
    such tests only. `if save and not os.path.exists(p)` asks more."""
    if _is_existence_call(test) or (isinstance(test, ast.Name) and test.id in checks):
        return True
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _existence_test(test.operand, checks)
    if isinstance(test, ast.Compare) and len(test.comparators) == 1:
        return _existence_test(test.left, checks) and isinstance(test.comparators[0], ast.Constant)
    if isinstance(test, ast.BoolOp):
        return all(_existence_test(value, checks) for value in test.values)
    return False


# Calls that put a file somewhere: when a function of the module makes one with a path built of its
# parameters, a helper may fetch or copy over what another helper wrote, unseen: no built write counts.
_PLACING_CALLS = frozenset(
    {
        "urlretrieve",
        "download",
        "download_file",
        "download_url",
        "download_to_filename",
        "hf_hub_download",
        "snapshot_download",
        "fget_object",
        "get_file",
        "copy",
        "copy2",
        "copyfile",
        "copytree",
        "move",
        "replace",
        "rename",
        "symlink",
        "symlink_to",
        "extractall",
        "unpack_archive",
        "system",
        "run",
        "call",
        "check_call",
        "check_output",
        "Popen",
        "write_bytes",
    }
)


def _places_files_by_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = function.args
    every = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg)
    parameters = {a.arg for a in every if a is not None}
    for node in _own_body(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in _PLACING_CALLS and any(
            _value_names(part) & parameters for part in (*node.args, *(k.value for k in node.keywords))
        ):
            return True
    return False


def built_writes(tree: ast.Module) -> dict[str, tuple[ast.FunctionDef, tuple[ast.expr, ...]]]:
    """Functions defined in this code that serialise to a path built of their parameters
    (`def build(root="./"): torch.save(x, root + "mnist/train.pt")`): name -> (the function, the
    path expressions). A call writes each expression's text with the parameters bound to what the
    call passes, or to their defaults where it passes nothing (load_context.py).

    Only what surely runs counts: a plain module-level `def` (no decorator, not async, no `yield`),
    defined once and bound no other way anywhere; a path built of its parameters and constants
    only, none of them rebound inside it; a write at the top of its body, in a `with`, or under an
    existence check (the cache idiom), with no `return` or `raise` before it; not numpy's savers
    (they add a suffix). A path that is just a parameter is `writing_functions`'."""
    found: dict[str, tuple[ast.FunctionDef, tuple[ast.expr, ...]]] = {}
    everywhere = list(nodes_of(tree))
    # Bound other than by a def or class (counted below) or a parameter (local to its function).
    bound_anywhere = {
        name
        for node in everywhere
        if not isinstance(node, (ast.arg, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        for name in names_bound_by(node, deletions=True)
    }
    definitions: dict[str, int] = {}
    for node in everywhere:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            definitions[node.name] = definitions.get(node.name, 0) + 1
    functions = [n for n in everywhere if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if any(_places_files_by_parameter(f) for f in functions):
        return found  # a helper may download or copy to a path its caller names: writes are not known
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.decorator_list:
            continue
        if definitions.get(node.name) != 1 or node.name in bound_anywhere:
            continue  # defined again, or bound to something else somewhere: which one runs is not known
        arguments = node.args
        if arguments.vararg is not None or arguments.kwarg is not None:
            continue  # *args, **kwargs: which value a name holds depends on more than its position
        parameters = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
        body = list(_own_body(node))
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in body):
            continue  # a generator: calling it runs nothing
        bound_inside = {name for inner in body for name in names_bound_by(inner, deletions=True)}
        handles: dict[str, ast.expr] = {}
        checks: set[str] = set()
        bindings: dict[str, int] = {}  # how often each name is bound: a handle name used twice is ambiguous
        for inner in body:
            if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                bindings[inner.id] = bindings.get(inner.id, 0) + 1
            if isinstance(inner, ast.withitem) and isinstance(inner.optional_vars, ast.Name):
                opened = opened_path(inner.context_expr)
                if isinstance(opened, ast.expr):
                    handles[inner.optional_vars.id] = opened
            elif isinstance(inner, ast.Assign) and len(inner.targets) == 1 and isinstance(inner.targets[0], ast.Name):
                opened = opened_path(inner.value)
                if isinstance(opened, ast.expr):
                    handles[inner.targets[0].id] = opened
                if _is_existence_call(inner.value):
                    checks.add(inner.targets[0].id)  # `flag = os.path.isfile(p)`
        handles = {name: path for name, path in handles.items() if bindings.get(name, 0) == 1}
        checks = {name for name in checks if bindings.get(name, 0) == 1}
        expressions: list[ast.expr] = []
        parents: dict[int, tuple[ast.AST, str]] | None = None
        exits: dict[tuple[int, str], int] = {}
        positions: dict[int, int] = {}
        for inner in body:
            if not isinstance(inner, ast.Call) or not (arguments_written := path_arguments(inner)):
                continue
            receiver = inner.func.value if isinstance(inner.func, ast.Attribute) else None
            if isinstance(receiver, ast.Name) and receiver.id in _SUFFIXING:
                continue
            parents = parents if parents is not None else _parents(node)
            if not _always_written(node, inner, checks, parents, exits, positions):
                continue
            for argument in arguments_written:
                path = opened_path(argument) or (handles.get(argument.id) if isinstance(argument, ast.Name) else None)
                path = path if path is not None else argument
                if not isinstance(path, ast.expr) or isinstance(path, ast.Name):
                    continue  # a bare name: a parameter (writing_functions) or a local value
                names = _value_names(path)
                if names & parameters and names <= parameters and not names & bound_inside:
                    expressions.append(path)
        if expressions:
            found[node.name] = (node, tuple(expressions))
    return found


def _value_names(expression: ast.expr) -> set[str]:
    """The names whose values build `expression`: not the functions it calls (`os.path.join`)."""
    names: set[str] = set()
    pending: list[ast.AST] = [expression]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Call):
            pending.extend([*node.args, *(k.value for k in node.keywords)])
            if isinstance(node.func, ast.Attribute) and not isinstance(node.func.value, (ast.Name, ast.Attribute)):
                pending.append(node.func.value)  # `(root + "/").join(...)`: a value's method
        else:
            pending.extend(ast.iter_child_nodes(node))
    return names


def module_level_calls(tree: ast.Module) -> set[int]:
    """The ids of the calls that run when the module (or the notebook, cell by cell) runs: not
    those inside functions, lambdas or classes, which run only if something calls them."""
    return {id(node) for node in _run_by(tree.body) if isinstance(node, ast.Call)}


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
