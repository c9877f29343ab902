"""Whether a load reads a path inside a folder that a command-line option names, when the
pipelines that run the script fill that option with another job's output (azureml_inputs.py).

The script's side: `parser.add_argument("--model_input")` stores the option under
`args.model_input`, so `mlflow.sklearn.load_model(args.model_input)`,
`pickle.load(open(Path(args.model_input) / "model.sav", "rb"))` and
`joblib.load(os.path.join(args.model_dir, "model.pkl"))` read what the option names.

Only these shapes count, all of them checked:
- the attribute, on a name bound only to `parser.parse_args()` or `parse_known_args()` given no
  arguments (or the script's own function returning only that), or on `main(args)`'s parameter
  when every call passes such a name; never a lambda's parameter of that name;
- an option argparse stores there as given: every `add_argument` storing there has constant
  option strings and no `action`, `type` (other than `str` or `pathlib.Path`) or `nargs`; no
  `add_argument` of the script takes `**` arguments, starred option strings or a computed `dest`;
- every option word the command passes that argparse would store there (the option itself, one
  of its short forms with the value attached, or an abbreviation of it) is fed;
- nothing in the script changes the parsed values or the command line: no store to that attribute
  (`args.model_input = url`, in a tuple, a loop or a `with`), no `setattr`, `vars`, `__dict__`, and
  no `argv` anywhere (`sys.argv` rewritten before parsing);
- the path is the attribute joined with constant relative parts (never an absolute part, which
  would replace the folder, nor `..`), through `pathlib.Path(...)`, `/`, `+ "/..."`,
  `os.path.join`, an f-string, the builtin `str(...)` or `open(...)`, directly or through names
  bound only to such a path.
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Callable, Iterable

from hooks.code.azureml_inputs import FedCommand
from hooks.code.command_origin import CommandOrigins, Function

_JOINS = frozenset({"os.path.join", "posixpath.join"})
_PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"})
_BUILTINS = frozenset({"str", "open"})  # the same path, another type; or its handle
_PARSERS = frozenset({"parse_args", "parse_known_args"})
# Names that can change parsed values or the parser: `sys.argv`, `setattr(args, ...)`, `vars(args)`,
# `args.__dict__`, `getattr(args, "__dict__")`, `args.__setattr__`, `builtins.str = ...`.
_CHANGERS = frozenset(
    {
        "setattr",
        "getattr",
        "vars",
        "__dict__",
        "argv",
        "__setattr__",
        "__getattribute__",
        "__class__",
        "builtins",
        "__builtins__",
        "REMAINDER",
    }
)
# Parser features under which the value passed is not the value stored: subcommands and their
# defaults, defaults set later, options read from files, other prefixes, intermixed parsing.
_PARSER_FEATURES = frozenset({"add_subparsers", "set_defaults", "parse_intermixed_args", "parse_known_intermixed_args"})
_PARSER_SETTINGS = frozenset({"prefix_chars", "fromfile_prefix_chars"})
_TYPES = frozenset({"str", "pathlib.Path"})
_MAX_DEPTH = 8  # names bound to names bound to paths: deeper is not how a script builds a path
_MAX_FLAGS = 8  # option strings of one argument
_MAX_PASSED = 512  # option words the jobs pass
QualName = Callable[[ast.AST], "str | None"]


def fed_destinations(nodes: Iterable[ast.AST], command: FedCommand, qualname: QualName) -> frozenset[str]:
    """The attributes (`model_input`) under which argparse stores only fed options."""
    if not command.fed:
        return frozenset()
    nodes = list(nodes)
    flags_of: dict[str, list[str]] = {}
    refused: set[str] = set()
    bound = _binding_counts(nodes)
    for node in nodes:
        if isinstance(node, (ast.Name, ast.Attribute)) and _name(node) in _CHANGERS:
            return frozenset()  # sys.argv, setattr(args, ...), vars(args), args.__dict__
        if isinstance(node, ast.Attribute) and node.attr in _PARSER_FEATURES:
            return frozenset()
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
            (alias.name.split(".")[0] in _CHANGERS) or (getattr(node, "module", None) or "").startswith("builtins")
            for alias in node.names
        ):
            return frozenset()  # `import builtins`: the builtins may be replaced
        if isinstance(node, ast.Attribute) and node.attr == "__init__" and isinstance(node.value, ast.Name):
            return frozenset()  # `args.__init__(model_input=...)`
        if isinstance(node, ast.keyword) and node.arg in _PARSER_SETTINGS:
            return frozenset()
        if isinstance(node, ast.keyword) and node.arg == "nargs" and getattr(node.value, "value", None) == "...":
            return frozenset()  # a REMAINDER positional takes every word after it
        if isinstance(node, ast.ClassDef) and any(
            isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in _PARSERS for item in node.body
        ):
            return frozenset()  # a parser class of its own: its `parse_args` may return anything
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and node.attr in _PARSERS:
            return frozenset()  # `parser.parse_args = ...`
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            refused.add(node.attr)  # `args.model_input = ...`, also in a tuple, loop or `with`
            if qualname(node) in _JOINS | _PATH_CLASSES:
                return frozenset()  # `os.path.join = ...`: the helpers are not the library's
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "add_argument":
            continue
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
            return frozenset()  # `add_argument(*flags)`, `add_argument(FLAG)`: not known
        if any(keyword.arg is None for keyword in node.keywords):
            return frozenset()  # `add_argument("--x", **options)`: its dest is not known
        flags = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        destination = _destination(node, flags)
        if destination is None:
            return frozenset()
        flags_of.setdefault(destination, []).extend(flags)
        if len(flags) > _MAX_FLAGS or not _stores_as_given(node, qualname, bound):
            refused.add(destination)
    fed: set[str] = set()
    passed = sorted(command.passed)[:_MAX_PASSED] if len(command.passed) <= _MAX_PASSED else None
    if passed is None:
        return frozenset()
    for destination, flags in flags_of.items():
        if destination in refused or not any(flag in command.fed for flag in flags) or len(flags) > _MAX_FLAGS * 4:
            continue
        if all(word in command.fed for word in passed if _stores_into(word, flags)):
            fed.add(destination)
    return frozenset(fed)


def _name(node: ast.Name | ast.Attribute) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr


def _destination(call: ast.Call, flags: list[str]) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "dest":
            value = keyword.value
            return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    long = [flag for flag in flags if flag.startswith("--")]
    chosen = long[0] if long else flags[0] if flags else None
    if chosen is None:
        return None
    return chosen.lstrip("-").replace("-", "_") or None


def _stores_as_given(call: ast.Call, qualname: QualName, bound: dict[str, int]) -> bool:
    """No `action` but `store`, no `nargs`, no `type` but the builtin `str` or `pathlib.Path`."""
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg == "action" and not (isinstance(value, ast.Constant) and value.value == "store"):
            return False
        if keyword.arg == "nargs":
            return False
        if keyword.arg == "type":
            name = qualname(value)
            own = isinstance(value, ast.Name) and bound.get(value.id, 0) > (0 if name == "str" else 1)
            if name not in _TYPES or own:
                return False
    return True


def _stores_into(word: str, flags: list[str]) -> bool:
    """Whether argparse could store the option word `word` where `flags` store: one of them, a
    short one with its value attached (`-m/path`), or an abbreviation of a long one."""
    for flag in flags:
        if word == flag:
            return True
        short = len(flag) == 2 and flag.startswith("-") and not flag.startswith("--")
        if short and word.startswith("-") and not word.startswith("--") and flag[1] in word[1:]:
            return True  # `-m/path`, or clustered after other short switches: `-vm/path`
        if flag.startswith("--") and word.startswith("--") and len(word) > 2 and flag.startswith(word):
            return True
    return False


class FedArguments:
    """Answers, for one module, whether a load's path lies in a folder a fed option names."""

    def __init__(
        self,
        destinations: frozenset[str],
        nodes: Iterable[ast.AST],
        origins: Callable[[], CommandOrigins],
        constant_text: Callable[[ast.AST], str | None],
        qualname: QualName,
    ) -> None:
        self.destinations = destinations
        self._origins = origins
        self._constant_text = constant_text
        self._qualname = qualname
        nodes = list(nodes) if destinations else []
        # A lambda's parameter `args` is not the parsed command line, whatever the module binds.
        self._lambda_parameters = {
            parameter.arg for node in nodes if isinstance(node, ast.Lambda) for parameter in _parameters(node.args)
        }
        # Names the module binds itself, and how often: a helper (`join`, `Path`, `str`, `open`)
        # counts only when it is the library's or the builtin, bound by one import or by none.
        self._bindings = _binding_counts(nodes)
        # `parser = argparse.ArgumentParser(...)`, bound once: its `parse_args` is argparse's.
        self._parsers = {
            target.id
            for node in nodes
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and qualname(node.value.func) == "argparse.ArgumentParser"
            for target in node.targets
            if isinstance(target, ast.Name) and self._bindings.get(target.id, 0) == 1
        }
        self._parser_functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._parser_functions.setdefault(node.name, []).append(node)

    def __bool__(self) -> bool:
        return bool(self.destinations)

    def reads(self, target: ast.AST | None, at: ast.AST) -> bool:
        """Whether `target` (a load's path, a handle or an `open(...)` of it), read where `at`
        is, names a file inside a fed option's folder."""
        if not self.destinations or target is None:
            return False
        origins = self._origins()
        return self._inside(target, origins.function_of(at), origins, 0)

    def _inside(self, node: ast.AST, function: Function | None, origins: CommandOrigins, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Attribute):
            root = node.value
            return (
                node.attr in self.destinations
                and isinstance(root, ast.Name)
                and root.id not in self._lambda_parameters
                and origins.parsed_arguments(root.id, function, self._parses_command_line)
            )
        if isinstance(node, ast.Name):
            found = origins.bound_values(node.id, function)
            if found is None or not found[0]:
                return False  # a parameter, or bound nowhere
            values, scope = found
            return all(self._inside(value, scope, origins, depth + 1) for value in values)
        inner = self._folder_part(node)
        if inner is None:
            return False
        folder, parts, joined = inner
        texts = [self._constant_text(part) for part in parts]
        if any(text is None or not _stays_inside(text, joined=joined) for text in texts):
            return False
        return self._inside(folder, function, origins, depth + 1)

    def _parses_command_line(self, value: ast.AST, depth: int = 0) -> bool:
        """`parser.parse_args()`, `parser.parse_known_args()[0]` given nothing to parse but the
        command line, or a call of the script's own function that returns only that."""
        if isinstance(value, ast.Subscript):
            value = value.value
        if not isinstance(value, ast.Call) or value.args or value.keywords:
            return False
        if isinstance(value.func, ast.Attribute):
            receiver = value.func.value
            return value.func.attr in _PARSERS and isinstance(receiver, ast.Name) and receiver.id in self._parsers
        if not isinstance(value.func, ast.Name) or depth > 2:
            return False
        functions = self._parser_functions.get(value.func.id, [])
        if len(functions) != 1 or isinstance(functions[0], ast.AsyncFunctionDef):
            return False  # not the script's own function, or defined twice
        function = functions[0]
        returns = [node for node in ast.walk(function) if isinstance(node, ast.Return)]
        local: dict[str, list[ast.AST]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        local.setdefault(target.id, []).append(node.value)
                    else:
                        return False  # unpacked or stored elsewhere: not followed
        results: list[ast.AST] = []
        for node in returns:
            if node.value is None:
                return False
            if isinstance(node.value, ast.Name):
                results.extend(local.get(node.value.id, [node.value]))
            else:
                results.append(node.value)
        return bool(results) and all(self._parses_command_line(result, depth + 1) for result in results)

    def _folder_part(self, node: ast.AST) -> tuple[ast.AST, list[ast.AST], bool] | None:
        """(the expression a path is built on, the parts added to it, whether they are joined as
        path parts (`/`, `os.path.join`) rather than appended as text (`+`, an f-string))."""
        if isinstance(node, ast.Call) and node.args:
            name = self._qualname(node.func) or ""
            if isinstance(node.func, ast.Name) and self._bindings.get(node.func.id, 0) > (
                0 if name in _BUILTINS else 1
            ):
                return None  # `def join(...)`, `str = ...`, a second import of the name: not the helper
            builtin = name in _BUILTINS
            if name == "open" and builtin:
                return node.args[0], [], True  # open(path, "rb"): the mode is not part of the path
            if node.keywords:
                return None
            if len(node.args) == 1 and (name in _PATH_CLASSES or name == "os.fspath" or builtin):
                return node.args[0], [], True
            if name in _JOINS:
                return node.args[0], list(node.args[1:]), True
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
            return node.left, [node.right], isinstance(node.op, ast.Div)
        if isinstance(node, ast.JoinedStr) and node.values:
            first, rest = node.values[0], node.values[1:]
            if not (isinstance(first, ast.FormattedValue) and first.conversion == -1 and first.format_spec is None):
                return None
            if not all(isinstance(v, ast.Constant) for v in rest):
                return None
            return first.value, list(rest), False
        return None


def _binding_counts(nodes: Iterable[ast.AST]) -> dict[str, int]:
    """How often the module binds each name (imports, definitions, assignments)."""
    counts: dict[str, int] = {}
    for node in nodes:
        for bound in _names_bound_by(node):
            counts[bound] = counts.get(bound, 0) + 1
    return counts


def _names_bound_by(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(alias.asname or alias.name).split(".", 1)[0] for alias in node.names]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        return [node.id]
    return []


def _parameters(arguments: ast.arguments) -> list[ast.arg]:
    found = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    found.extend(a for a in (arguments.vararg, arguments.kwarg) if a is not None)
    return found


def _stays_inside(text: str, *, joined: bool) -> bool:
    """Whether a constant part keeps the path inside the folder: no `..`, no drive or scheme, and
    no absolute part (which `/` and `os.path.join` take instead of the folder); text appended with
    `+` or in an f-string must start a new path part (`"/model.pkl"`, not `"_old.pkl"`)."""
    if not text:
        return True
    if "\\" in text or ":" in text or text.startswith("~") or "\x00" in text:
        return False
    if joined == text.startswith("/"):
        return False
    return ".." not in posixpath.normpath(text.lstrip("/") or ".").split("/")
