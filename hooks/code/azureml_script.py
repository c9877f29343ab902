"""Whether a script's load reads the folder an Azure ML pipeline put behind one of its options.

azureml_jobs.py lists every run of the script found, each command with the inputs its use feeds
from another job. `fed_destinations` says which attributes of the parsed command line
(`args.model_input`) every run feeds: of the words a command gives, argparse takes the last one
that spells the option (any of its option strings, a prefix of a long one, a short one with its
value glued), and that word must carry a fed input. Only when the script has one
`ArgumentParser` (no `fromfile_prefix_chars`, no parents) and one `parse_args()` of the command
line, no subparsers or `set_defaults`, the option stored as the word given (no other action, no
`const`, `type` only the builtin `str` or pathlib's `Path`), no positional or `REMAINDER`
argument, no other option writing the attribute, no star import, no `__main__` or
`sys.modules` tricks, no `exec`/`vars`/`setattr`/`__dict__`, no assignment to a parser's method,
and no `argparse.py`, `os.py` or `pathlib.py` beside it to import instead.

`options_read` then says whether a load reads that value as parsed (the namespace from
`parse_args()`, or a parameter every call of a plain function of the file gives it) or a path
below it built by appending relative names (`os.path.join(args.m, "model.pt")`, `Path(args.m) /
"m.pkl"`, `f"{args.m}/model.pt"`; no `..`, no absolute part, no prefix), in a function without a
decorator; and whether the code leaves the option alone (no store to it, the namespace handed
only to the file's own plain functions, `print`, `str` and logging) and only reads the folder (the
option and every path or text built from it reach only path builders, printing, logging and
reads: `shutil.copy(src, args.m)` or `download_artifacts(dst_path=args.m)` could put other bytes
there first).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from hooks.code.dotted_names import dotted_name
from hooks.code.tree_nodes import nodes_of

if TYPE_CHECKING:
    from hooks.code.azureml_jobs import Command, Run
    from hooks.code.command_origin import CommandOrigins

Function = ast.FunctionDef | ast.AsyncFunctionDef
_PATH_CALLS = frozenset({"os.path.join", "posixpath.join", "Path", "pathlib.Path", "str", "os.fspath"})
_READ_ONLY_CALLS = frozenset({"print", "str", "repr", "len", "format"})
_LOGGING_METHODS = frozenset({"info", "debug", "warning", "warn", "error", "exception", "critical", "log"})
_CODE_RUNNERS = frozenset({"exec", "eval", "compile", "setattr", "delattr", "vars", "globals", "locals"})


_SHADOWING = ("argparse", "os", "pathlib", "posixpath")  # a module beside the script replaces the library's


def fed_destinations(module: ast.Module, runs: list[Run] | None, folder: Path) -> frozenset[str]:
    """The attributes of the parsed command line (`args.model_input`) that every run found gives
    another job's output: the one word argparse takes for the option in each command (its own
    spelling, another of its spellings, a prefix of a long one, a short one with its value glued)
    is a fed input's. Empty when the parser leaves argparse another way to set them."""
    if not runs or not _plain_parser(module) or _shadowed(folder, module):
        return frozenset()
    spellings = _spellings(module)
    if spellings is None:
        return frozenset()
    fed = set()
    for attribute, names in spellings.items():
        if all(_fed_in(command, given, names) for command, given in runs):
            fed.add(attribute)
    return frozenset(fed)


def parsed_attributes(module: ast.Module) -> frozenset[str]:
    """Every attribute the script's plain parser stores as given: what a pipeline could feed."""
    if not _plain_parser(module):
        return frozenset()
    spellings = _spellings(module)
    return frozenset(spellings) if spellings else frozenset()


def _fed_in(command: Command, fed_inputs: frozenset[str], names: frozenset[str]) -> bool:
    if any(word.startswith("-") and not word.startswith("--") and len(word) > 2 for word in command.words):
        return False  # `-vm X` (a cluster), `-model_in X` (a one-dash long option): argparse splits them its way
    longs = [name for name in names if name.startswith("--")]
    shorts = [name for name in names if not name.startswith("--")]
    taken = [
        word
        for word in command.words
        if word in names
        or (word.startswith("--") and any(name.startswith(word) for name in longs))
        or (not word.startswith("--") and any(word.startswith(name) for name in shorts))
    ]
    if len(taken) != 1:
        return False  # absent (the default), or given twice (the last wins)
    return dict(command.options).get(taken[0]) in fed_inputs


def _shadowed(folder: Path, module: ast.Module) -> bool:
    """A module beside the script that it imports, or that would replace `argparse`, `os` or
    `pathlib`: importing it runs the project's code first (`sys.argv` extended, a parser patched)."""
    imported = {
        alias.name.split(".", 1)[0] for node in nodes_of(module) if isinstance(node, ast.Import) for alias in node.names
    } | {node.module.split(".", 1)[0] for node in nodes_of(module) if isinstance(node, ast.ImportFrom) and node.module}
    if any(isinstance(node, ast.ImportFrom) and node.level for node in nodes_of(module)):
        return True  # `from . import x`: the package's own code
    try:
        return any((folder / f"{name}.py").exists() or (folder / name).is_dir() for name in {*_SHADOWING, *imported})
    except (OSError, ValueError):
        return True


def _spellings(module: ast.Module) -> dict[str, frozenset[str]] | None:
    """Attribute -> the option strings that set it, each attribute set by one `add_argument` that
    stores the word given as it is (no action but `store`, no `const`, a plain `type`); None when any
    `add_argument` is not read or lets other words reach an option."""
    trusted = _trusted_calls(module)
    found: dict[str, list[str]] = {}
    writers: dict[str, int] = {}
    for node in nodes_of(module):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "add_argument":
            continue
        names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if not names or len(names) != len(node.args) or any(k.arg is None for k in node.keywords):
            return None  # `add_argument(*names)`, `**options`: not read
        if not all(name.startswith("-") for name in names):
            return None  # a positional argument may take words argparse would give an option
        options = {k.arg: k.value for k in node.keywords if k.arg}
        action = options.get("action")
        # `store_const`, `append`, a class of the file's own: the value is not the word given
        stores_word = "const" not in options and (
            action is None or (isinstance(action, ast.Constant) and action.value == "store")
        )
        nargs = options.get("nargs")
        if nargs is not None and not (isinstance(nargs, ast.Constant) and nargs.value in (None, 1, "?")):
            return None  # `REMAINDER`, `*`, `+`: it may swallow the words of other options
        kind = options.get("type")
        if kind is not None and not _plain_type(kind, trusted):
            return None
        dest = options.get("dest")
        if dest is not None and not (isinstance(dest, ast.Constant) and isinstance(dest.value, str)):
            return None
        longs = [name for name in names if name.startswith("--")]
        if isinstance(dest, ast.Constant):
            attribute = str(dest.value)
        elif longs:
            attribute = longs[0][2:].replace("-", "_")
        else:
            attribute = names[0][1:].replace("-", "_")
        writers[attribute] = writers.get(attribute, 0) + (1 if stores_word else 2)
        found.setdefault(attribute, []).extend(names)
    spellings = {attribute: frozenset(names) for attribute, names in found.items() if writers[attribute] == 1}
    every = [name for names in found.values() for name in names]
    if len(every) != len(set(every)):
        return None  # one option string defined twice
    return spellings


def _plain_type(kind: ast.expr, trusted: frozenset[str]) -> bool:
    """`type=str` (the builtin) or `type=Path` (pathlib's): the word as given, as a path."""
    return isinstance(kind, ast.Name) and kind.id in ("str", "Path") and kind.id in trusted


def _plain_parser(module: ast.Module) -> bool:
    """One `ArgumentParser(...)` without `fromfile_prefix_chars`, one `parse_args()` or
    `parse_known_args()` reading `sys.argv`, no subparsers, defaults set elsewhere, or code run
    from text; nothing assigned to a parser's methods."""
    parsers = 0
    parses = 0
    imports = {
        alias.asname or alias.name.split(".", 1)[0]
        for node in nodes_of(module)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    guards = {  # `if __name__ == "__main__":`
        id(comparator)
        for node in nodes_of(module)
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "__name__"
        for comparator in node.comparators
    }
    for node in nodes_of(module):
        if isinstance(node, ast.Call):
            name = dotted_name(node.func)
            last = name.rsplit(".", 1)[-1]
            if last == "ArgumentParser":
                parsers += 1
                if _keyword(node, "fromfile_prefix_chars") is not None or _keyword(node, "parents") is not None:
                    return False
            elif last in ("parse_args", "parse_known_args", "parse_intermixed_args") and isinstance(
                node.func, ast.Attribute
            ):  # a parser's method; the script's own `parse_args()` wrapper calls it
                parses += 1
                if node.args or any(k.arg != "namespace" for k in node.keywords):
                    return False  # words other than the command line's
            elif last in ("add_subparsers", "set_defaults") or name in _CODE_RUNNERS:
                return False
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                root = target
                while isinstance(root, (ast.Attribute, ast.Subscript)):
                    root = root.value
                if root is not target and isinstance(root, ast.Name) and root.id in imports:
                    return False  # `argparse.Namespace.x = property(...)`, `os.path.join = ...`: a library patched
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute) and (
                        part.attr.startswith("parse_") or part.attr in ("__dict__", "__getattribute__")
                    ):
                        return False
        elif isinstance(node, ast.Attribute) and (node.attr == "__dict__" or dotted_name(node) == "sys.modules"):
            return False  # `args.__dict__`, `sys.modules[...]`: names changed out of sight
        elif isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            return False  # a star import may rebind the namespace's name
        elif isinstance(node, ast.Name) and node.id == "__main__":
            return False
        elif isinstance(node, ast.Constant) and node.value == "__main__" and id(node) not in guards:
            return False  # `sys.modules["__main__"].args = ...`
    return parsers == 1 and parses == 1


def options_read(
    node: ast.AST, function: Function | None, attributes: frozenset[str], origins: CommandOrigins, module: ast.Module
) -> frozenset[str] | None:
    """The options among `attributes` a load's path reads, as parsed (the path is one of them or a
    path inside it) while the code only reads that folder (nothing copies, downloads or writes into
    it first); None when the path is anything else."""
    if not attributes or (function is not None and function.decorator_list):
        return None
    used: set[str] = set()
    trusted = _trusted_calls(module)

    def inside(value: ast.AST, scope: Function | None, depth: int) -> bool:
        """`value` is the option's folder, or a path below it."""
        if depth > 12:
            return False
        option = origins.parsed_option(value, scope)
        if option is not None:
            if option not in attributes:
                return False
            used.add(option)
            holder = value.value if isinstance(value, ast.Attribute) else None
            parameter = isinstance(holder, ast.Name) and origins.parameter_scope(holder.id, scope)
            return not (parameter and parameter.decorator_list)
        if isinstance(value, ast.Name):
            bound = origins.bound_values(value.id, scope)
            if bound is None or not bound[0]:
                return False  # a parameter, or bound nowhere: whatever the caller passes
            values, where = bound
            return all(isinstance(v, ast.expr) and inside(v, where, depth + 1) for v in values)
        if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Div)):
            suffix = _relative(value.right, slash=isinstance(value.op, ast.Div))
            return suffix and inside(value.left, scope, depth + 1)
        if isinstance(value, ast.JoinedStr):
            parts = value.values
            return (
                bool(parts)
                and isinstance(parts[0], ast.FormattedValue)
                and parts[0].format_spec is None
                and parts[0].conversion in (-1, ord("s"))
                and inside(parts[0].value, scope, depth + 1)
                and all(_relative(part, slash=False) for part in parts[1:])
            )
        if isinstance(value, ast.Call) and not value.keywords and value.args:
            name = dotted_name(value.func)
            joins = name in ("os.path.join", "posixpath.join")
            if name not in _PATH_CALLS or name not in trusted or (not joins and len(value.args) != 1):
                return False
            return inside(value.args[0], scope, depth + 1) and all(
                _relative(part, slash=True) for part in value.args[1:]
            )
        return False

    if not inside(node, function, 0):
        return None
    if any(isinstance(lam, ast.Lambda) and any(part is node for part in ast.walk(lam)) for lam in nodes_of(module)):
        return None  # a lambda's parameters may hide the names it reads
    read = frozenset(used)  # only the options this load reads need to stay as the pipeline gave them
    if _namespace_changed(module, read) or not _only_read(module, read, node, trusted):
        return None
    return read


def _relative(node: ast.AST, *, slash: bool) -> bool:
    """A constant name below the folder: no `..`, no scheme, no home. Joined as a path part
    (slash True) it must not be absolute (`os.path.join(folder, "/etc/x")` drops the folder);
    appended as text it must start a new part (`"/model.pt"`; `"model.pt"` names a sibling)."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    text = node.value
    if not text or "\x00" in text or "\\" in text or ":" in text or "~" in text:
        return False
    if text.startswith("/") == slash:
        return False
    return ".." not in text.split("/")


def _namespace_changed(module: ast.Module, attributes: frozenset[str]) -> bool:
    """A store to one of the attributes anywhere (through any name), or a namespace handed to a
    call that may change it."""
    holders: set[str] = set()
    for node in nodes_of(module):
        if isinstance(node, ast.Attribute) and node.attr in attributes and isinstance(node.value, ast.Name):
            if isinstance(node.ctx, (ast.Store, ast.Del)):
                return True
            holders.add(node.value.id)
    own = {
        node.name
        for node in module.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.decorator_list
    }
    for node in nodes_of(module):
        if not isinstance(node, ast.Call):
            continue
        handed = [a for a in (*node.args, *(k.value for k in node.keywords)) if isinstance(a, ast.Name)]
        if not any(a.id in holders for a in handed):
            continue
        name = dotted_name(node.func)
        if name in own or name in _READ_ONLY_CALLS:
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in _LOGGING_METHODS:
            continue
        return True
    return False


_CHECKS = frozenset({"os.path.exists", "os.path.isdir", "os.path.isfile", "os.listdir"})


def _trusted_calls(module: ast.Module) -> frozenset[str]:
    """The path builders and checks whose names mean the library's: `os` bound only by `import
    os`, `Path` only by `from pathlib import Path`, `pathlib`/`posixpath` only by their imports,
    `str` never rebound (`from helpers import Path` or `import mylib as os` name other code)."""
    from hooks.code.bindings import names_bound_by

    binders: dict[str, list[ast.AST]] = {}
    for node in nodes_of(module):
        for alias in node.names if isinstance(node, (ast.Import, ast.ImportFrom)) else []:
            binders.setdefault(alias.asname or alias.name.split(".", 1)[0], []).append(node)
        if not isinstance(node, (ast.Import, ast.ImportFrom, ast.alias)):
            for name in names_bound_by(node, deletions=True):
                binders.setdefault(name, []).append(node)

    def imported_as(name: str, module_name: str, member: str | None) -> bool:
        found = binders.get(name, [])
        return bool(found) and all(
            (
                member is None
                and isinstance(node, ast.Import)
                and any(a.name == module_name and a.asname in (None, name) for a in node.names)
            )
            or (
                member is not None
                and isinstance(node, ast.ImportFrom)
                and node.module == module_name
                and not node.level
                and any(a.name == member and (a.asname or a.name) == name for a in node.names)
            )
            for node in found
        )

    trusted = set()
    if imported_as("os", "os", None):
        trusted.update({"os.path.join", "os.fspath", *_CHECKS})
    if imported_as("posixpath", "posixpath", None):
        trusted.add("posixpath.join")
    if imported_as("Path", "pathlib", "Path"):
        trusted.add("Path")
    if imported_as("pathlib", "pathlib", None):
        trusted.add("pathlib.Path")
    if "str" not in binders:
        trusted.add("str")
    return frozenset(trusted)


def _only_read(module: ast.Module, attributes: frozenset[str], target: ast.AST, trusted: frozenset[str]) -> bool:
    """Every read of the option is in the load's path, in text (an f-string, `print`, logging), in a
    check (`os.path.exists`), or in a path assigned to one name in a function or at the top level
    that is itself read only so. Anything else (a helper returning it, a lambda, a class attribute,
    `shutil.copy(src, args.m)`, `download_artifacts(dst_path=...)`) could put other bytes there."""
    if any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and "AZURE_ML_INPUT" in n.value
        for n in nodes_of(module)
    ):
        return False  # the platform's own variable for an input's path: written to out of sight
    inside_target = {id(n) for n in ast.walk(target)}
    parents: dict[int, ast.AST] = {}
    for node in nodes_of(module):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node

    def harmless(node: ast.AST, names: set[str]) -> bool:
        """Where a read of the option (or of a name holding its path) may stand."""
        current = node
        while True:
            if id(current) in inside_target:
                return True
            parent = parents.get(id(current))
            if parent is None:
                return False
            if isinstance(parent, ast.JoinedStr):
                return True  # text: a message or a log line
            if isinstance(parent, ast.Call) and current is not parent.func:
                name = dotted_name(parent.func)
                if (name in trusted and name in _CHECKS) or name in _READ_ONLY_CALLS - {"format"}:
                    return True
                if isinstance(parent.func, ast.Attribute) and parent.func.attr in _LOGGING_METHODS:
                    return True
                if name in trusted and name not in _CHECKS:
                    current = parent  # a path built from it: judged where that path goes
                    continue
                return False
            if isinstance(parent, ast.BinOp) and isinstance(parent.op, (ast.Add, ast.Div)):
                current = parent
                continue
            if isinstance(parent, ast.FormattedValue):
                current = parent
                continue
            if isinstance(parent, ast.Assign) and current is parent.value and len(parent.targets) == 1:
                held = parent.targets[0]
                owner = parents.get(id(parent))
                if isinstance(held, ast.Name) and held.id not in names and not isinstance(owner, ast.ClassDef):
                    return all(
                        harmless(load, names | {held.id})
                        for load in nodes_of(module)
                        if isinstance(load, ast.Name) and load.id == held.id and isinstance(load.ctx, ast.Load)
                    )
            return False

    return all(
        harmless(node, set())
        for node in nodes_of(module)
        if isinstance(node, ast.Attribute) and node.attr in attributes and isinstance(node.ctx, ast.Load)
    )


def _reads_only(call: ast.Call) -> bool:
    mode = call.args[1] if len(call.args) > 1 else _keyword(call, "mode")
    return mode is None or (
        isinstance(mode, ast.Constant) and isinstance(mode.value, str) and mode.value in ("r", "rb")
    )


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)
