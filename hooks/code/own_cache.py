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

The same holds for the shape that builds first and loads after (Megatron's index maps, one rank
building for all):

    if rank == 0 and not os.path.isfile(index_file):     if rank == 0:
        mapping = build()                                   if not os.path.isfile(a) or not os.path.isfile(b):
        np.save(index_file, mapping)                            np.save(a, ...); np.save(b, ...)
    barrier()                                           barrier()
    mapping = np.load(index_file, allow_pickle=True)    doc_idx = np.load(a, allow_pickle=True)

A check that is true when the file is missing (`not exists(p)`, alone or in `and`/`or`) and whose
body serialises to that path makes the path the code's own for the statements after it, in its
block and in every enclosing block of the same function (or of the module's top level).

The built-first check may ask a flag the function binds once to an existence test
(`cache_hit = isfile(a) and isfile(b)`, then `if rank == 0 and not cache_hit:`).

A load tried first (`try: x = pickle.load(open(p, "rb"))` `except: x = build(); pickle.dump(x,
open(p, "wb"))`) is no cache: built at stop 83 and withdrawn when a red team loaded an argument's,
a request's and an unpacked folder's file through it (the load succeeds whatever is there).

Neither shape holds in a folder a fetch fills (`d = snapshot_download(repo)`,
`root = download_dataset(url)`, and names built of them): the download may bring the file, and
the check then finds it present and loads it.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from hooks.code.bindings import names_bound_by, writes_namespace
from hooks.code.command_origin import module_aliases, name_of, qualified_name, unpacked_pairs
from hooks.code.launched import starts_a_program
from hooks.code.serialisers import WRITERS, handle_bindings, opened_path, opened_to_read, path_arguments
from hooks.code.tree_nodes import nodes_of

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.Module)
EXISTENCE_CHECKS = frozenset({"exists", "isfile", "isdir", "is_file", "is_dir", "lexists"})
_CHECKS = EXISTENCE_CHECKS
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
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id in _CHECKS and test.args:
        return test.args[0]  # `isfile(p)` after `from os.path import isfile`
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


# What a flag name holds, when the scope binds it once (`cache_hit = isfile(a) and isfile(b)`).
Flags = Callable[[str], "ast.expr | None"]
_MAX_FLAG_DEPTH = 4
_MAX_FLAG_READS = 1_000  # flag names followed for one check


def _no_flags(name: str) -> ast.expr | None:
    return None


def missing_paths(test: ast.expr, flags: Flags = _no_flags, depth: int = 0) -> list[ast.AST]:
    """The paths whose absence makes this test true: `not os.path.exists(p)`, `not p.is_file()`,
    also as one operand of `and` (`rank == 0 and not isfile(p)`) or of `or` (rebuilt when any
    is missing); `not (isfile(a) and isfile(b))` and `not all(map(os.path.isfile, [a, b]))` for
    each of them; and through a flag the scope binds once to such a test (`if rank == 0 and not
    cache_hit:` after `cache_hit = isfile(a) and isfile(b)`)."""
    if depth > _MAX_FLAG_DEPTH:
        return []
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _present_paths(test.operand, flags, depth)
    if isinstance(test, ast.BoolOp):
        return [path for value in test.values for path in missing_paths(value, flags, depth)]
    if isinstance(test, ast.Name):
        value = flags(test.id)
        return missing_paths(value, flags, depth + 1) if value is not None else []
    return []


def _present_paths(test: ast.expr, flags: Flags, depth: int) -> list[ast.AST]:
    """The paths whose absence makes this test false: an existence check's path, each checked
    path of an `and`, each path `all(...)` checks in a list, a flag bound to such a test."""
    if depth > _MAX_FLAG_DEPTH:
        return []
    if _is_check(test):
        checked = checked_path(test)
        return [checked] if checked is not None else []
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [path for value in test.values for path in _present_paths(value, flags, depth)]
    if isinstance(test, ast.Name):
        value = flags(test.id)
        return _present_paths(value, flags, depth + 1) if value is not None else []
    if isinstance(test, ast.Call) and name_of(test.func) == "all" and len(test.args) == 1 and not test.keywords:
        return _all_checked(test.args[0])
    return []


def _all_checked(argument: ast.expr) -> list[ast.AST]:
    """The listed paths `all()` checks: `map(os.path.isfile, [a, b])`, `(isfile(p) for p in [a, b])`."""
    listed: ast.expr | None = None
    if isinstance(argument, ast.Call) and name_of(argument.func) == "map" and len(argument.args) == 2:
        if name_of(argument.args[0]) in _CHECKS:
            listed = argument.args[1]
    elif isinstance(argument, ast.GeneratorExp) and len(argument.generators) == 1:
        loop = argument.generators[0]
        element = argument.elt
        if (
            isinstance(loop.target, ast.Name)
            and not loop.ifs
            and _is_check(element)
            and isinstance(checked := checked_path(element), ast.Name)
            and checked.id == loop.target.id
        ):
            listed = loop.iter
    if isinstance(listed, (ast.List, ast.Tuple)):
        return [element for element in listed.elts if not isinstance(element, ast.Starred)]
    return []


def _is_check(test: ast.expr) -> bool:
    """An existence check itself (not `not`, `and` or another test around one)."""
    if not isinstance(test, ast.Call):
        return False
    func = test.func
    return (isinstance(func, ast.Attribute) and func.attr in _CHECKS) or (
        isinstance(func, ast.Name) and func.id in _CHECKS and bool(test.args)
    )


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
        for node in _same_scope(statement):
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


def _same_scope(statement: ast.stmt) -> Iterator[ast.AST]:
    """The statement's nodes, not those of a function, lambda or class defined in it (their body
    runs when called, if ever, not when the statement runs)."""
    pending: list[ast.AST] = [statement]
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    while pending:
        node = pending.pop()
        yield node
        pending.extend(
            child
            for child in ast.iter_child_nodes(node)
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
        )


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


_COMPOSING_CALLS = frozenset({"join", "joinpath", "format", "with_suffix", "with_name", "Path", "PurePath", "str"})


def _composed(node: ast.AST) -> bool:
    """Whether this path expression ends in text of the code's own, its file name:
    `prefix + "_indexmap.npy"`, `os.path.join(d, "cache.pkl")`, `f"{d}/feats.pt"`,
    `Path(d) / "x.npy"`, `"{}_idx.npy".format(p)`. A constant only before what the code is given
    (`os.path.join("cache", sys.argv[1])`) names nothing: an absolute argument replaces it."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        last = node.values[-1] if node.values else None
        return isinstance(last, ast.Constant) and isinstance(last.value, str) and bool(last.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
        return _composed(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # `"%s_idx.npy" % prefix`
        return _template_ends_in_text(node.left, "%s")
    if isinstance(node, ast.Call):
        func = node.func
        name = name_of(func)
        if name == "format" and isinstance(func, ast.Attribute):
            return _template_ends_in_text(func.value, "}")
        if name in ("with_suffix", "with_name") and node.args:
            return _composed(node.args[-1])
        if name in _COMPOSING_CALLS and node.args and not any(isinstance(a, ast.Starred) for a in node.args):
            return _composed(node.args[-1])
    return False


_SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")  # noqa: S108 - the folders looked for


def _in_a_shared_folder(checked: ast.AST, assigned: Sequence[tuple[int, ast.AST]]) -> bool:
    """Whether the path may lie in a folder every user of the machine can write (`/tmp`,
    `tempfile.gettempdir()`): anyone may put the file there before the code builds it."""
    for part in [checked, *(value for _, value in assigned)]:
        for node in ast.walk(part):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.startswith(_SHARED_FOLDERS):
                    return True
            elif isinstance(node, ast.Call) and name_of(node) in ("gettempdir", "gettempdirb"):
                return True
    return False


def _template_ends_in_text(template: ast.AST, placeholder_end: str) -> bool:
    """A constant template whose text after its last placeholder is not empty."""
    if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
        return False
    text = template.value
    tail = text.rsplit(placeholder_end, 1)[-1] if placeholder_end in text else text
    return bool(tail.strip("/"))


def _names_its_file(checked: ast.AST, assigned: dict[str, list[tuple[int, ast.AST]]]) -> bool:
    """Whether the code names the checked file itself: the path, or a value the function (for an
    attribute, the module) assigns to its name, ends in text of its own. A path passed in whole
    (`sys.argv[1]`, a parameter) may name a file someone else made: a check that creates it when
    missing still loads theirs when present."""
    if _composed(checked):
        return True
    if not isinstance(checked, (ast.Name, ast.Attribute)):
        return False
    target = _text(checked)
    return target is not None and any(_composed(value) for _, value in assigned.get(target, ()))


_NUMPY_SAVES = re.compile(r"(?:np|numpy)\.(?:save|savez|savez_compressed)")


def _numpy_adds_a_suffix(
    body: list[ast.stmt], path: str, checked: ast.AST, assigned: dict[str, list[tuple[int, ast.AST]]]
) -> bool:
    """Whether numpy saves to the path in the body while the path may lack `.npy`/`.npz`, which
    numpy then adds: the file written is not the file the check and the load name."""
    saves = [
        node
        for statement in body
        for node in _same_scope(statement)
        if isinstance(node, ast.Call)
        and _NUMPY_SAVES.fullmatch(_text(node.func) or "")
        and node.args
        and _text(node.args[0]) == path
    ]
    return bool(saves) and not _ends_in_numpy_suffix(checked, assigned)


def _ends_in_numpy_suffix(node: ast.AST, assigned: dict[str, list[tuple[int, ast.AST]]]) -> bool:
    """The path's text ends in `.npy`/`.npz` as written, or the value the function assigns to its
    name last does (`name += ".npy"`)."""
    tail = _final_text(node)
    if tail is None and isinstance(node, ast.Name) and assigned.get(node.id):
        tail = _final_text(max(assigned[node.id], key=lambda entry: entry[0])[1])
    return tail is not None and tail.endswith((".npy", ".npz"))


def _final_text(node: ast.AST) -> str | None:
    """The constant text a path expression ends with, when it ends with one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _final_text(node.values[-1])
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
        return _final_text(node.right)
    if isinstance(node, ast.Call) and node.args and not any(isinstance(a, ast.Starred) for a in node.args):
        name = name_of(node.func)
        if name in _COMPOSING_CALLS or name in ("with_suffix", "with_name"):
            return _final_text(node.args[-1])
    return None


_ASSIGNMENTS = (ast.Assign, ast.AugAssign, ast.AnnAssign)
# Where each statement sits: its block, its index there and the statement or scope owning the
# block (a `try`'s handlers and a `match`'s cases belong to the `try` or `match`).
Places = dict[int, tuple[list[ast.stmt], int, ast.AST]]


def _places(tree: ast.AST) -> Places:
    places: Places = {}
    for node in nodes_of(tree):
        if isinstance(node, (ast.ExceptHandler, ast.match_case)):
            continue
        owned = [getattr(node, name, None) for name in ("body", "orelse", "finalbody")]
        owned += [part.body for part in getattr(node, "handlers", None) or getattr(node, "cases", None) or ()]
        for block in owned:
            if isinstance(block, list):
                for index, statement in enumerate(block):
                    if isinstance(statement, ast.stmt):
                        places[id(statement)] = (block, index, node)
    return places


# Calls that download, copy or unpack files and return where they are (huggingface_hub's
# snapshot_download, torchvision's and kagglehub's downloaders, pooch.retrieve, a project's own
# `download_dataset`): a name this pattern misses only keeps a cache low that the code built.
_FETCHING_NAME = re.compile(r"(?i)download|snapshot|retrieve|fetch|clone|get_file|cached_path|extract|unpack|pull")


def _called_name(call: ast.Call, aliases: dict[str, str]) -> str:
    """The last part of the name a call resolves to through the module's imports
    (`snapshot_download` for `ms_snap(...)` after `from modelscope import snapshot_download as ms_snap`)."""
    return (qualified_name(call.func, aliases) or name_of(call.func)).rsplit(".", 1)[-1]


def _filled_by_calls(
    nodes: Iterable[ast.AST], aliases: dict[str, str], *, attributes_only: bool = False
) -> frozenset[str]:
    """Names and attribute texts handed to a fetch, an unpack or a started program among these
    nodes (`snapshot_download(repo, local_dir=d)`, `shutil.unpack_archive(a, d)`,
    `subprocess.run(["git", "clone", url, d])`): the folder they name may be filled with someone
    else's files. With `attributes_only`, only an instance's attributes (`self.cache_dir`), which
    other methods share."""
    found: set[str] = set()
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node, aliases)
        started = starts_a_program(qualified_name(node.func, aliases) or "")
        if not (_FETCHING_NAME.search(name) or started or name in _FOLDER_FILLERS):
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            for part in ast.walk(argument):
                if isinstance(part, ast.Attribute) or (isinstance(part, ast.Name) and not attributes_only):
                    text = _text(part)
                    if text is not None and (not attributes_only or text.startswith("self.")):
                        found.add(text)
    return frozenset(found)


# Calls that put files where their arguments say, whatever they are called on: shutil's, fsspec's
# and sftp's `get(remote, local)`, tf.io.gfile's `copy`, W&B's `restore`, ClearML's local copy.
_FOLDER_FILLERS = frozenset(
    {"copytree", "copy2", "copyfile", "move", "extractall", "unpack_archive", "copy", "get", "restore"}
    | {"get_local_copy", "copy_tree", "extract_archive"}
)


def _built_of_fetches(
    assigned: dict[str, list[tuple[int, ast.AST]]], inherited: frozenset[str], aliases: dict[str, str]
) -> frozenset[str]:
    """The assigned names whose value calls a fetch or is built of a name already found
    (`inherited`, or one found here), followed through any number of assignments in one pass
    over the names each value reads."""
    readers: dict[str, set[str]] = {}  # name read -> the names assigned from it
    found: set[str] = set(inherited)
    queue: list[str] = []
    for target, values in assigned.items():
        for _, value in values:
            for node in ast.walk(value):
                if isinstance(node, ast.Call) and _FETCHING_NAME.search(_called_name(node, aliases)):
                    if target not in found:
                        found.add(target)
                        queue.append(target)
                elif isinstance(node, (ast.Name, ast.Attribute)):
                    read = node.id if isinstance(node, ast.Name) else _text(node)
                    if read is not None:
                        readers.setdefault(read, set()).add(target)
    queue.extend(name for name in inherited if name in readers)
    while queue:
        for target in readers.get(queue.pop(), ()):
            if target not in found:
                found.add(target)
                queue.append(target)
    return frozenset(found)


def _scope_of(node: ast.AST, places: Places, tree: ast.AST) -> ast.AST:
    """The function (or module) a statement stands in."""
    current = node
    while id(current) in places:
        owner = places[id(current)][2]
        if isinstance(owner, _SCOPES):
            return owner
        current = owner
    return tree


def _rebinds_in_body(check: ast.stmt, keys: set[str], bases: set[str]) -> bool:
    """Whether the check's body or its `else` rebinds a name of the path or hands the path to
    anything but its save (after the save, `p = sys.argv[1]` makes the later load read another
    file; an `else` that downloads to the path makes the load read the download). What the build
    is given besides (the data's prefix, to read the data) is its own business."""
    parts = [*check.body, *check.orelse] if isinstance(check, ast.If) else []
    for statement in parts:
        bound, handed = _changed_by(statement, saving=True)
        if keys & bound or bases & handed:
            return True
    return False


def _scope_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's (or the module's) own statements, not of functions defined in it."""
    for statement in getattr(scope, "body", []):
        if isinstance(statement, ast.stmt):
            yield from _same_scope(statement)


class _Block:
    """A block's last line, the file handles it binds (by path text: (line, handle name)), and,
    per name or path text, the indexes of its statements that bind the name or put other bytes at
    the path (a copy, a move, a download), in order."""

    def __init__(self, block: list[ast.stmt]) -> None:
        self.block = block
        self.last = max(getattr(s, "end_lineno", None) or s.lineno for s in block)
        self.handles: dict[str, list[tuple[int, str]]] = {}
        for name, opened in handle_bindings(block):
            text = _text(opened)
            if text is not None:
                self.handles.setdefault(text, []).append((getattr(opened, "lineno", 0), name))
        self.bound: dict[str, list[int]] = {}
        self.handed: dict[str, list[int]] = {}
        for index, statement in enumerate(block):
            bound, handed = _changed_by(statement)
            for key in bound:
                self.bound.setdefault(key, []).append(index)
            for key in handed:
                self.handed.setdefault(key, []).append(index)

    def unchanged_until(self, start: int, keys: set[str], places: set[str]) -> int:
        """The index of the first statement from `start` on that rebinds one of `keys` (a name
        the path is built of) or hands one of `places` (the path, its folder) to code that may
        write there; else the block's length."""
        first = len(self.block)
        for index, wanted in ((self.bound, keys), (self.handed, places)):
            for key in wanted:
                found = index.get(key, ())
                at = bisect.bisect_left(found, start)
                if at < len(found):
                    first = min(first, found[at])
        return first


def _changed_by(statement: ast.stmt, *, saving: bool = False) -> tuple[set[str], set[str]]:
    """What a statement may change: (the names it binds (assignments, loops, `with`, `:=`...) and
    the text of each attribute or item it stores (`self.index_path = ...`); every name or
    attribute it hands to anything but a load, an existence check, a folder maker, a log line or a
    test). A copy,
    a download, a shell command or an alias (`shutil.copytree(src, d)`, `os.system(f"curl -o
    {p} ...")`, `q = p`) may put other bytes at the path or in its folder."""
    bound: set[str] = set()
    handed: set[str] = set()
    parents: dict[int, ast.AST] = {}
    nodes = list(_same_scope(statement))
    for node in nodes:
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in nodes:
        bound.update(names_bound_by(node))
        if isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            bound.add(node.target.id)
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Store):
            text = _text(node)
            if text is not None:
                bound.add(text)
        if (
            isinstance(node, (ast.Name, ast.Attribute))
            and isinstance(node.ctx, ast.Load)
            and not _only_read(node, parents, saving=saving)
        ):
            text = node.id if isinstance(node, ast.Name) else _text(node)
            if text is not None:
                handed.add(text)
    return bound, handed


# What may be handed a cache's path without changing the file: the loads that read it, existence
# checks, folder makers and log lines; a method of the path itself that only reads it.
_READING_CALLS = (
    frozenset({"load", "loads", "read_pickle", "memmap", "load_local", "read_index", "read_bytes", "read_text", "stat"})
    | _CHECKS
)
# `print_rank_0`, `logging.info`, `logger.warning`, `mlflow.log_artifact` (uploads: reads the file)
_LOG_CALL = re.compile(r"(?i)^(?:print\w*|log|log_\w+|info|debug|warn|warning|error|exception|critical)$")
_TEXT_BUILDERS = (ast.JoinedStr, ast.FormattedValue, ast.BinOp)
# `os.makedirs(os.path.dirname(p), exist_ok=True)` makes folders: it puts no bytes at any path.
_FOLDER_MAKERS = frozenset({"makedirs", "mkdir"})


def _only_read(node: ast.AST, parents: dict[int, ast.AST], *, saving: bool = False) -> bool:
    """Whether this mention of a name only reads the file or the path's text: its value reaches a
    loading call, an existence check, a log call or a test, through text built of it at most
    (with `saving`, a serialiser's save too: the cache's own build)."""
    current = node
    for _ in range(32):
        parent = parents.get(id(current))
        if parent is None:
            return False  # the statement itself (`return p`, an expression statement)
        if isinstance(parent, _TEXT_BUILDERS) or (
            isinstance(parent, ast.Call)
            and current is not parent.func
            and name_of(parent) in ("format", "join", "str", "repr", "len", "basename", "dirname")
        ):
            current = parent
            continue
        if isinstance(parent, ast.Attribute) and parent.value is current and parent.attr == "parent":
            current = parent  # `p.parent`: the path's folder, judged by what it is handed to
            continue
        if isinstance(parent, ast.Attribute) and parent.value is current:
            grand = parents.get(id(parent))
            # `p.exists()`, `p.read_bytes()`: a method of the path that reads it; `p.parent.mkdir()`
            methods = _READING_CALLS | _FOLDER_MAKERS
            return isinstance(grand, ast.Call) and grand.func is parent and parent.attr in methods
        if isinstance(parent, ast.Call):
            if current is parent.func:
                return False
            name = name_of(parent)
            if name == "open":
                return saving or opened_to_read(parent)
            return (
                name in _READING_CALLS
                or name in _FOLDER_MAKERS
                or bool(_LOG_CALL.match(name))
                or (saving and name in WRITERS)
            )
        if isinstance(parent, ast.keyword):
            current = parent
            continue
        return isinstance(parent, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.If, ast.While, ast.Assert, ast.IfExp))
    return False


def _path_bases(checked: ast.AST, path: str, assigned: dict[str, list[tuple[int, ast.AST]]]) -> set[str]:
    """The path's text and the texts of what it is built on (`d` of `os.path.join(d, "x.npy")`,
    `prefix` of `prefix + "_idx.npy"`, and so for what its name is assigned): handing any of them
    to a copy, a download or a command may put other bytes at the path."""
    found = {path}
    for part in [checked, *(value for _, value in assigned.get(path, ()))]:
        base = _base_of(part)
        text = _text(base) if base is not None else None
        if text is not None:
            found.add(text)
    return found


def _base_of(node: ast.AST) -> ast.AST | None:
    """The leading part a path expression builds on: the first argument of a join, the left
    operand of `+` or `/`, the first value of an f-string; the expression itself otherwise."""
    for _ in range(16):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div, ast.Mod)):
            node = node.left if not isinstance(node.op, ast.Mod) else node.right
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            node = first.value if isinstance(first, ast.FormattedValue) else first
        elif isinstance(node, ast.Call) and name_of(node) in _COMPOSING_CALLS and node.args:
            node = node.args[0]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and name_of(node) == "format":
            return node.args[0] if node.args else None
        else:
            return node
    return node


def _path_keys(checked: ast.AST, path: str, assigned: dict[str, list[tuple[int, ast.AST]]]) -> set[str]:
    """The names a path expression is built of, the texts of the attributes in it and the path's
    own text, and so for what its name is assigned (`p = os.path.join(d, "cache.npy")`: `d` too):
    a change of any of them makes the path name another file, or the folder hold other files."""
    keys = {path}
    parts = [checked, *(value for _, value in assigned.get(path, ()))]
    for part in parts:
        for node in ast.walk(part):
            if isinstance(node, ast.Name):
                keys.add(node.id)
            elif isinstance(node, (ast.Attribute, ast.Subscript)):
                text = _text(node)
                if text is not None:
                    keys.add(text)
    return keys


class OwnCaches:
    """The cache checks of one module: which loads read what the other path writes."""

    def __init__(self) -> None:
        # (first line, last line, path text, handle names) of each loading branch whose other
        # path writes the checked file
        self.branches: list[tuple[int, int, str, frozenset[str]]] = []
        self._assignments: dict[int, dict[str, list[tuple[int, ast.AST]]]] = {}
        self._unseen: dict[int, frozenset[str]] = {}
        self._fetched_names: dict[int, frozenset[str]] = {}
        self._aliases: dict[str, str] = {}  # what the module's imports bind (module_aliases)
        self._bound: dict[int, dict[str, list[int]]] = {}
        self._single_values: dict[tuple[int, str], ast.expr] = {}

    def scan(self, tree: ast.AST) -> None:
        self._aliases = module_aliases(nodes_of(tree))  # `from modelscope import snapshot_download as ms`
        places = _places(tree)
        self._scan_checks(tree, places)
        self._scan_built_first(tree, places)

    def _scan_checks(self, tree: ast.AST, places: Places) -> None:
        for block in _blocks(tree):
            checks = [isinstance(s, ast.If) and checked_path(s.test) is not None for s in block]
            if not any(checks):
                continue
            # From the end of the block back: what the statements after each check write, gathered
            # once per block (asking each check about the rest of its block was quadratic).
            handles = _handle_paths(block)
            after: set[str] = set()
            for statement, is_check in zip(reversed(block), reversed(checks), strict=True):
                if is_check and len(self.branches) < _MAX_GUARDS:
                    fetched = self._fetched(_scope_of(statement, places, tree), tree)
                    if isinstance(statement, ast.If):
                        self._check(statement, after, handles, fetched)
                after |= _written([statement], handles)

    def _check(self, node: ast.If, after: set[str], handles: dict[str, str], fetched: frozenset[str]) -> None:
        checked = checked_path(node.test)
        path = _text(checked) if checked is not None else None
        if checked is None or path is None or _path_keys(checked, path, {}) & fetched:
            return  # in a folder a fetch fills: the download may bring the file the check finds
        for loading, other in ((node.body, node.orelse), (node.orelse, node.body)):
            span = _span(loading)
            if span is None:
                continue
            rest = _written(other, handles) | (after if _leaves(loading) else set())
            if path in rest:
                self.branches.append((*span, path, frozenset(_handles(loading, path))))

    def _scan_built_first(self, tree: ast.AST, places: Places) -> None:
        """`if not exists(p): ... save(p)` followed by loads of `p`: each statement after the check
        in its block, and after each enclosing statement up to the function, reads what it built."""
        blocks: dict[int, _Block] = {}  # what each block's end and handles are, listed once
        for node in nodes_of(tree):
            if len(self.branches) >= _MAX_GUARDS:
                return
            if not isinstance(node, ast.If):
                continue
            flags = self._flags(_scope_of(node, places, tree), tree, node.lineno)
            missing = {text: path for path in missing_paths(node.test, flags) if (text := _text(path)) is not None}
            built = set(missing) & _written(node.body, _handle_paths(node.body)) if missing else set()
            for path in sorted(built):
                scope = _scope_of(node, places, tree)
                if _numpy_adds_a_suffix(node.body, path, missing[path], self._assigned(scope, tree)):
                    continue  # `np.save(p, a)` writes `p.npy` when p lacks the suffix: not the file loaded
                self._after(node, path, missing[path], places, blocks, scope, tree)

    def _after(
        self,
        node: ast.stmt,
        path: str,
        checked: ast.AST,
        places: Places,
        blocks: dict[int, _Block],
        scope: ast.AST,
        tree: ast.AST,
    ) -> None:
        """Mark the statements after `node`, in its block and in each enclosing block up to its
        function (`scope`), as reading `path` back, when the code names the file itself."""
        found: list[tuple[int, int, str, frozenset[str]]] = []
        current: ast.AST = node
        assigned = self._assigned(scope, tree)
        keys = _path_keys(checked, path, assigned)
        bases = _path_bases(checked, path, assigned)
        while id(current) in places:
            block, index, owner = places[id(current)]
            known = blocks.get(id(block))
            if known is None:
                known = blocks[id(block)] = _Block(block)
            # Up to the first statement that rebinds a name of the path or puts other bytes there
            # (`p = sys.argv[1]`, `for p in argv:`, `shutil.copy(src, p)`): from there on the
            # path may name, or the file may hold, what someone else chose.
            end = known.unchanged_until(index + 1, keys, bases)
            if end > index + 1:
                first = block[index + 1].lineno
                last = max(getattr(s, "end_lineno", None) or s.lineno for s in block[index + 1 : end])
                named = frozenset(name for line, name in known.handles.get(path, ()) if line >= first)
                found.append((first, last, path, named))
            if end < len(block) or isinstance(owner, _SCOPES):
                break
            current = owner
        if (
            found
            and _names_its_file(checked, assigned)
            and not _in_a_shared_folder(checked, assigned.get(path, ()))
            and not _rebinds_in_body(node, keys, {path})
            and not (keys | {"*"}) & self._changed_unseen(scope, tree)
            and not keys & self._fetched(scope, tree)
        ):
            self.branches.extend(found[: _MAX_GUARDS - len(self.branches)])

    def _assigned(self, scope: ast.AST, tree: ast.AST) -> dict[str, list[tuple[int, ast.AST]]]:
        """(line, value) of every assignment of the scope's own statements, and of the module's
        to attributes (`self.index_path = ...` in another method), by the target's text; worked
        out once per scope."""
        found = self._assignments.get(id(scope))
        if found is None:
            found = {}
            own = [(node, True) for node in _scope_nodes(scope)]
            if scope is not tree:  # attributes (`self.x`) may be assigned in any method
                own += [(node, False) for node in nodes_of(tree) if isinstance(node, _ASSIGNMENTS)]
            for node, local in own:
                pairs: list[tuple[ast.AST, ast.AST]] = []
                if isinstance(node, ast.Assign):
                    pairs = [pair for target in node.targets for pair in unpacked_pairs(target, node.value)]
                elif isinstance(node, ast.AnnAssign) and node.value is not None:
                    pairs = [(node.target, node.value)]
                elif isinstance(node, ast.AugAssign):  # `name += "_idx.npy"`: a piece added to the end
                    pairs = [(node.target, ast.BinOp(node.target, ast.Add(), node.value))]
                for target, value in pairs:
                    text = _text(target) if local or isinstance(target, ast.Attribute) else None
                    if text is not None:
                        found.setdefault(text, []).append((getattr(node, "lineno", 0), value))
            self._assignments[id(scope)] = found
        return found

    def _flags(self, scope: ast.AST, tree: ast.AST, line: int) -> Flags:
        """What a name of the scope holds at `line`, when the scope binds it once, before that line
        (a name bound again, or only later, may hold anything there)."""
        unseen = self._changed_unseen(scope, tree)
        bound = self._bindings(scope)
        budget = [_MAX_FLAG_READS]

        def flag(name: str) -> ast.expr | None:
            budget[0] -= 1
            if budget[0] < 0:
                return None  # a hostile web of flags: read no further (the load keeps its severity)
            lines = bound.get(name, [])
            value = self._single_values.get((id(scope), name)) if len(lines) == 1 else None
            if value is None or lines[0] >= line or name in unseen or "*" in unseen:
                return None
            # What the flag's test names must still name it at the check (`hit = isfile(p); p = q`).
            for node in ast.walk(value):
                text = _text(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
                if text is not None and any(lines[0] < at <= line for at in bound.get(text, ())):
                    return None
            return value

        return flag

    def _bindings(self, scope: ast.AST) -> dict[str, list[int]]:
        """Where each name of the scope is bound, any way, and each attribute or item stored into
        (by its text); the value of each name bound once by a plain assignment. Worked out once."""
        found = self._bound.get(id(scope))
        if found is None:
            found = {}
            for node in _scope_nodes(scope):
                line = getattr(node, "lineno", 0)
                for name in names_bound_by(node, deletions=True):
                    found.setdefault(name, []).append(line)
                if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    text = _text(node)
                    if text is not None:
                        found.setdefault(text, []).append(line)
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    self._single_values[(id(scope), node.targets[0].id)] = node.value
            self._bound[id(scope)] = found
        return found

    def _fetched(self, scope: ast.AST, tree: ast.AST) -> frozenset[str]:
        """The names (and attribute texts) of the scope, and of the module, that hold what a fetch
        returned or a value built of one: `d = snapshot_download(repo)`, `p = os.path.join(d,
        "c.pt")`; worked out once per scope."""
        found = self._fetched_names.get(id(scope))
        if found is None:
            if scope is tree:  # the module's names, and instance attributes any method fills
                inherited = _filled_by_calls(nodes_of(tree), self._aliases, attributes_only=True)
            else:
                inherited = self._fetched(tree, tree)
            filled = _filled_by_calls(_scope_nodes(scope), self._aliases)
            found = inherited | _built_of_fetches(self._assigned(scope, tree), inherited | filled, self._aliases)
            self._fetched_names[id(scope)] = found
        return found

    def _changed_unseen(self, scope: ast.AST, tree: ast.AST) -> frozenset[str]:
        """Names the scope's reads may see changed where no statement of it shows: declared
        `nonlocal` or `global` in any function inside it; at the module level, every name when the
        module writes its namespace (`globals()[...] =`, `sys.modules[__name__]`, `import
        __main__`, a star import)."""
        found = self._unseen.get(id(scope))
        if found is None:
            names: set[str] = set()
            for node in ast.walk(scope) if scope is not tree else nodes_of(tree):
                if isinstance(node, (ast.Nonlocal, ast.Global)):
                    names.update(node.names)
                if scope is tree and writes_namespace(node):
                    names.add("*")
            found = self._unseen[id(scope)] = frozenset(names)
        return found

    def reads_own_cache(self, call: ast.Call, target: ast.AST) -> bool:
        """Whether this load, with this path argument, reads a file its check's other path writes."""
        line = getattr(call, "lineno", 0)
        for first, last, path, handles in self.branches:
            if first <= line <= last and _names_path(target, path, set(handles)):
                return True
        return False
