"""Whether a load reads a path inside a folder that a command-line option names, when the
pipelines that run the script fill that option with another job's output (azureml_inputs.py).

The script's side: `parser.add_argument("--model_input")` stores the option under
`args.model_input`, so `mlflow.sklearn.load_model(args.model_input)`,
`pickle.load(open(Path(args.model_input) / "model.sav", "rb"))` and
`joblib.load(os.path.join(args.model_dir, "model.pkl"))` read what the option names. Only these
shapes count: the option's attribute on the parsed command line (`args` bound only to
`parse_args()`, or `main(args)` fed only with it), joined with constant relative parts (never an
absolute part, which would replace the folder, nor `..`), through `Path(...)`, `/`, `+`,
`os.path.join`, an f-string or `str(...)`, directly or through names bound only to such a path.
An option whose attribute the script assigns itself (`args.model_input = url`) is not the
pipeline's any more.
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Callable, Iterable

from hooks.code.command_origin import CommandOrigins, Function, dotted_name, name_of

_JOINS = frozenset({"os.path.join", "posixpath.join", "path.join"})
_WRAPPERS = frozenset({"Path", "PurePath", "PosixPath", "str", "fspath"})  # the same path, another type
_MAX_DEPTH = 8  # names bound to names bound to paths: deeper is not how a script builds a path


def fed_destinations(nodes: Iterable[ast.AST], options: frozenset[str]) -> frozenset[str]:
    """The attributes (`model_input`) under which argparse stores the fed options: for every
    `add_argument` naming one of them (and its destination given or taken from the first long
    option, as argparse does), provided no other option of the script stores there too."""
    if not options:
        return frozenset()
    fed: set[str] = set()
    other: set[str] = set()
    for node in nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "add_argument":
            continue
        flags = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        destination = _destination(node, flags)
        if destination is None:
            continue
        # Every option that stores there must be fed; an abbreviation the command could pass for
        # one of them is excluded too: argparse would take it as that option.
        if flags and all(flag in options for flag in flags if flag.startswith("--")) and flags[0].startswith("-"):
            fed.add(destination)
        else:
            other.add(destination)
    return frozenset(fed - other)


def _destination(call: ast.Call, flags: list[str]) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "dest":
            value = keyword.value
            return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    long = [flag for flag in flags if flag.startswith("--")]
    chosen = long[0] if long else next((flag for flag in flags if flag.startswith("-")), None)
    if chosen is None:
        return None
    return chosen.lstrip("-").replace("-", "_") or None


class FedArguments:
    """Answers, for one module, whether a load's path lies in a folder a fed option names."""

    def __init__(
        self,
        destinations: frozenset[str],
        origins: Callable[[], CommandOrigins],
        constant_text: Callable[[ast.AST], str | None],
    ) -> None:
        self.destinations = destinations
        self._origins = origins
        self._constant_text = constant_text

    def __bool__(self) -> bool:
        return bool(self.destinations)

    def reads(self, target: ast.AST | None, at: ast.AST) -> bool:
        """Whether `target` (a load's path, a handle or an `open(...)` of it), read where `at`
        is, names a file inside a fed option's folder."""
        if not self.destinations or target is None:
            return False
        origins = self._origins()
        destinations = self.destinations - origins.foreign_attributes
        if not destinations:
            return False
        return self._inside(target, origins.function_of(at), origins, destinations, 0)

    def _inside(
        self, node: ast.AST, function: Function | None, origins: CommandOrigins, fed: frozenset[str], depth: int
    ) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Attribute):
            return (
                node.attr in fed
                and isinstance(node.value, ast.Name)
                and origins.parsed_arguments(node.value.id, function)
            )
        if isinstance(node, ast.Name):
            found = origins.bound_values(node.id, function)
            if found is None or not found[0]:
                return False  # a parameter, or bound nowhere
            values, scope = found
            return all(self._inside(value, scope, origins, fed, depth + 1) for value in values)
        inner = self._folder_part(node)
        if inner is None:
            return False
        folder, parts, joined = inner
        texts = [self._constant_text(part) for part in parts]
        if any(text is None or not _stays_inside(text, joined=joined) for text in texts):
            return False
        return self._inside(folder, function, origins, fed, depth + 1)

    @staticmethod
    def _folder_part(node: ast.AST) -> tuple[ast.AST, list[ast.AST], bool] | None:
        """(the expression a path is built on, the parts added to it, whether they are joined as
        path parts (`/`, `os.path.join`) rather than appended as text (`+`, an f-string))."""
        if isinstance(node, ast.Call) and node.args and not node.keywords:
            name = name_of(node)
            if name in _WRAPPERS and len(node.args) == 1:
                return node.args[0], [], True
            if name == "open":
                return node.args[0], [], True  # open(path, "rb"): the mode is not part of the path
            if dotted_name(node.func) in _JOINS or (isinstance(node.func, ast.Name) and node.func.id == "join"):
                return node.args[0], list(node.args[1:]), True
            return None
        if isinstance(node, ast.Call) and name_of(node) == "open" and node.args:
            return node.args[0], [], True  # open(path, mode="rb")
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


def _stays_inside(text: str, *, joined: bool) -> bool:
    """Whether a constant part keeps the path inside the folder: no `..`, no drive or scheme, and
    no absolute part (which `/` and `os.path.join` take instead of the folder); text appended with
    `+` or in an f-string must start a new path part (`"/model.pkl"`, not `"_old.pkl"`)."""
    if not text:
        return True
    if "\\" in text or ":" in text or text.startswith("~"):
        return False
    if joined == text.startswith("/"):
        return False
    return ".." not in posixpath.normpath(text.lstrip("/") or ".").split("/")
