"""Whether a script's load reads the folder an Azure ML pipeline put behind one of its options.

azureml_jobs.py says which options (`--model_input`) every pipeline running the script fills with
another job's output. This module says whether the value a load reads is still that one, as
argparse would hand it over: `args.model_input` of the one `parse_args()` of the one
`ArgumentParser` of the script, with no argparse feature that lets other words set it
(subparsers, `set_defaults`, `fromfile_prefix_chars`, a `REMAINDER` or positional argument that
may swallow options, a second option writing the same attribute), nothing that writes to the
parsed namespace or hands it to code that may (a store to that attribute anywhere, `setattr`,
`vars`, `__dict__`, `exec`, a call of anything but the script's own functions, `print`, `str` and
logging), and a path built from it only by appending relative names (`os.path.join(args.m,
"model.pt")`, `Path(args.m) / "m.pkl"`, `f"{args.m}/model.pt"`; no `..`, no absolute part, no
prefix). A function holding the load, or receiving the namespace, must carry no decorator.
"""

from __future__ import annotations

import ast

from hooks.code.command_origin import CommandOrigins
from hooks.code.dotted_names import dotted_name

Function = ast.FunctionDef | ast.AsyncFunctionDef
_PATH_CALLS = frozenset({"os.path.join", "posixpath.join", "Path", "pathlib.Path", "str", "os.fspath"})
_READ_ONLY_CALLS = frozenset({"print", "str", "repr", "len", "format"})
_LOGGING_METHODS = frozenset({"info", "debug", "warning", "warn", "error", "exception", "critical", "log"})
_CODE_RUNNERS = frozenset({"exec", "eval", "compile", "setattr", "delattr", "vars", "globals", "locals"})


def option_destinations(module: ast.Module, options: frozenset[str]) -> frozenset[str]:
    """The attributes `parse_args()` sets for the options (`--model_input` -> `model_input`), when
    the script's one parser leaves argparse no other way to set them; empty otherwise."""
    if not options or not _plain_parser(module):
        return frozenset()
    found: dict[str, str] = {}  # option string -> attribute
    writers: dict[str, int] = {}  # attribute -> add_argument calls writing it
    for node in ast.walk(module):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "add_argument":
            continue
        names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if len(names) != len(node.args) or any(k.arg is None for k in node.keywords):
            return frozenset()  # `add_argument(*names)`, `**options`: not read
        dest = _keyword(node, "dest")
        if dest is not None and not (isinstance(dest, ast.Constant) and isinstance(dest.value, str)):
            return frozenset()
        nargs = _keyword(node, "nargs")
        if names and not names[0].startswith("-"):
            return frozenset()  # a positional argument may take words argparse would give an option
        if nargs is not None and not (isinstance(nargs, ast.Constant) and nargs.value in (None, 1, "?")):
            return frozenset()  # `REMAINDER`, `*`, `+`: it may swallow the words of other options
        longs = [name for name in names if name.startswith("--")]
        shorts = [name for name in names if not name.startswith("--")]
        if isinstance(dest, ast.Constant):
            attribute = str(dest.value)
        elif longs:
            attribute = longs[0][2:].replace("-", "_")
        elif shorts:
            attribute = shorts[0][1:].replace("-", "_")
        else:
            return frozenset()
        writers[attribute] = writers.get(attribute, 0) + 1
        for name in names:
            if name in found:
                return frozenset()
            found[name] = attribute
    fed = [found[option] for option in options if option in found]
    return frozenset(attribute for attribute in fed if writers[attribute] == 1)


def _plain_parser(module: ast.Module) -> bool:
    """One `ArgumentParser(...)` without `fromfile_prefix_chars`, one `parse_args()` or
    `parse_known_args()` reading `sys.argv`, no subparsers, defaults set elsewhere, or code run
    from text; nothing assigned to a parser's methods."""
    parsers = 0
    parses = 0
    for node in ast.walk(module):
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
            elif last in ("add_subparsers", "set_defaults", "add_argument_group", "add_mutually_exclusive_group"):
                if last in ("add_subparsers", "set_defaults"):
                    return False
            elif name in _CODE_RUNNERS:
                return False
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute) and (
                        part.attr.startswith("parse_") or part.attr in ("__dict__", "__getattribute__")
                    ):
                        return False
        elif isinstance(node, ast.Attribute) and node.attr == "__dict__":
            return False
    return parsers == 1 and parses == 1


def built_from_options(
    node: ast.AST, function: Function | None, attributes: frozenset[str], origins: CommandOrigins, module: ast.Module
) -> bool:
    """Whether a load's path is one of those options, as parsed, or a path inside it."""
    if not attributes or _namespace_changed(module, attributes):
        return False
    if function is not None and function.decorator_list:
        return False

    def inside(value: ast.AST, scope: Function | None, depth: int) -> bool:
        """`value` is the option's folder, or a path below it."""
        if depth > 12:
            return False
        option = origins.parsed_option(value, scope)
        if option is not None:
            if option not in attributes:
                return False
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
            if name not in _PATH_CALLS or (not joins and len(value.args) != 1):
                return False
            return inside(value.args[0], scope, depth + 1) and all(
                _relative(part, slash=True) for part in value.args[1:]
            )
        return False

    return inside(node, function, 0)


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
    for node in ast.walk(module):
        if isinstance(node, ast.Attribute) and node.attr in attributes and isinstance(node.value, ast.Name):
            if isinstance(node.ctx, (ast.Store, ast.Del)):
                return True
            holders.add(node.value.id)
    own = {
        node.name
        for node in module.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.decorator_list
    }
    for node in ast.walk(module):
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


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)
