"""Whether text given to `exec`/`eval` is read from a Python source file of the project.

`exec(open(os.path.join(root, "pkg", "version.py")).read(), ns)` in a `setup.py`, or the
`__version__` line picked out of `pkg/__init__.py`, runs code of a `.py` file: what importing that
file would run, not text from a model, a request or a download. The value is followed back through
the names that hold it (`with open(p) as f`, `lines = f.readlines()`, `[l.strip() for l in lines]`,
`line[0]`), string methods and `compile()`, to a read of a path whose last part is a constant
`*.py` name (`os.path.join`, `Path(...) / "x.py"`, `.joinpath`, f-strings, names bound to those).
Every value a name may hold must lead there; a parameter, a download, a name that says a model
made the text (`generated_code`) or anything else does not.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from dataclasses import dataclass

from hooks.code.command_origin import CommandOrigins, Function
from hooks.code.load_context import inside_checkout
from hooks.code.tree_nodes import nodes_of

_READS = frozenset({"read", "readlines", "readline", "read_text"})
_OPENERS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
# String methods whose result is made of the text they are called on.
_TEXT_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "splitlines", "split", "replace", "partition", "rpartition", "decode", "format"}
)
_PATH_BUILDERS = frozenset({"join", "Path", "PurePath", "PosixPath", "joinpath", "abspath", "realpath", "normpath"})
_MAX_DEPTH = 24
QualName = Callable[[ast.AST], "str | None"]


class PythonSource:
    """Answers, for one module, which `exec`/`eval` arguments are a `.py` file's text."""

    def __init__(
        self,
        module: ast.Module,
        origins: CommandOrigins,
        qualname: QualName,
        model_made: Callable[[str], bool],
        source_folder: str = "",
    ) -> None:
        self.source_folder = source_folder  # the script's folder in the checkout ("" if not known)
        self.origins = origins
        self.qualname = qualname
        self.model_made = model_made  # a name that says a model wrote what it holds (`generated_code`)
        self.changes = _changes(module)

    def file_of(self, node: ast.AST, function: Function | None) -> str | None:
        """The `*.py` name the text comes from, or None. Code that writes a file of that name, or
        a file whose path names none, may have written it, so it gets None."""
        found = self._text(node, function, set(), 0)
        if found is None or self.model_made(found.rsplit(".", 1)[0]):
            return None  # `llm_generated_solution.py`: the file's name says a model wrote it
        if self.changes.may_write(found):
            return None  # the code writes that name, or some file it does not name
        return found

    def _text(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> str | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Subscript):
            return self._text(node.value, function, seen, depth + 1)  # a line of the lines read
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            return self._text(node.elt, function, seen, depth + 1)  # its loop names lead to what they walk
        if isinstance(node, ast.Name):
            return self._name(node.id, function, seen, depth, self._text)
        if not isinstance(node, ast.Call):
            return None
        func = node.func
        name = self.qualname(func) or ""
        if name in ("compile", "builtins.compile") and node.args:
            return self._text(node.args[0], function, seen, depth + 1)
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr in _READS:
            return self._opened(func.value, function, seen, depth + 1)
        if func.attr == "join" and len(node.args) == 1 and isinstance(func.value, ast.Constant):
            return self._text(node.args[0], function, seen, depth + 1)  # `"".join(lines)`
        if func.attr in _TEXT_METHODS and all(
            isinstance(argument, ast.Constant) for argument in (*node.args, *(k.value for k in node.keywords))
        ):
            # `.strip()`, `.partition("=")`: the file's text; `.format(cmd=x)` or `.replace("X", x)`
            # with anything but constants puts other text into it
            return self._text(func.value, function, seen, depth + 1)
        return None

    def _name(
        self,
        name: str,
        function: Function | None,
        seen: set[tuple[int, str]],
        depth: int,
        follow: Callable[[ast.AST, Function | None, set[tuple[int, str]], int], str | None],
    ) -> str | None:
        """What every value the name may hold leads to, when they all lead to one `.py` file."""
        key = (id(function), name)
        if key in seen or self.model_made(name) or name in self.changes.mutated:
            return None  # `lines.append(answer)`, `lines[0] = x`: not the file's text alone any more
        seen.add(key)
        bound = self.origins.bound_values(name, function)
        if bound is None:
            return None  # a parameter, or bound nowhere this module shows
        values, scope = bound
        found = {follow(value, scope, seen, depth + 1) for value in values}
        if len(found) != 1:
            return None
        return found.pop()

    def _opened(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> str | None:
        """`open(p)` (or a name bound to it), or a `Path` itself for `.read_text()`."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Name):
            return self._name(node.id, function, seen, depth, self._opened)
        if isinstance(node, ast.Call) and (self.qualname(node.func) or "") in _OPENERS and node.args:
            return self._path(node.args[0], function, seen, depth + 1)
        return self._path(node, function, seen, depth + 1)

    def _path(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> str | None:
        """The file name a path expression ends in, when it is a constant `*.py` name and every
        part of the path is the code's own and inside the checkout (`_anchored`): no parameter or
        request value, nothing absolute, a home or temporary folder, the environment's, or a
        climb out (`..`)."""
        if depth > _MAX_DEPTH or not self._anchored(node, function, set(), depth):
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.replace("\\", "/")
            return text.rsplit("/", 1)[-1] if text.endswith(".py") else None
        if isinstance(node, ast.Name):
            return self._name(node.id, function, seen, depth, self._path)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self._path(node.right, function, seen, depth + 1)  # `root / "pkg" / "version.py"`
        if isinstance(node, ast.JoinedStr) and node.values:
            last = node.values[-1]  # `f"{root}/pkg/version.py"`
            if not isinstance(last, ast.Constant) or not isinstance(last.value, str):
                return None
            return self._path(ast.Constant(last.value.lstrip("/")), function, seen, depth + 1)
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in _PATH_BUILDERS:
                return self._path(node.args[-1], function, seen, depth + 1)
        return None

    def _anchored(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        """Whether every part of a path expression is the code's own: constants inside the
        checkout, `__file__` and what path functions make of them, and names bound only to such
        parts. A parameter, a request's value, an attribute (`args.dir`, `self.root`) or a call
        of anything else may point anywhere (`os.path.join(request.form["folder"], "plugin.py")`)."""
        if depth > _MAX_DEPTH or _outside(node, self.source_folder):
            return False
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        if isinstance(node, ast.Name):
            if node.id == "__file__":
                return True
            key = (id(function), node.id)
            if key in seen:
                return False
            seen.add(key)
            bound = self.origins.bound_values(node.id, function)
            if bound is None:
                return False  # a parameter, or bound nowhere this module shows
            return all(self._anchored(value, bound[1], seen, depth + 1) for value in bound[0])
        if isinstance(node, ast.Attribute):
            return node.attr in ("parent", "parents") and self._anchored(node.value, function, seen, depth + 1)
        if isinstance(node, ast.Subscript):
            return self._anchored(node.value, function, seen, depth + 1)  # `Path(__file__).parents[1]`
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
            return self._anchored(node.left, function, seen, depth + 1) and self._anchored(
                node.right, function, seen, depth + 1
            )
        if isinstance(node, ast.JoinedStr):
            return all(
                self._anchored(value.value, function, seen, depth + 1)
                for value in node.values
                if isinstance(value, ast.FormattedValue)
            )
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called not in _ANCHORED_CALLS:
                return False
            parts = [*node.args, *(keyword.value for keyword in node.keywords)]
            if isinstance(func, ast.Attribute) and called not in _MODULE_FUNCTIONS:
                parts.append(func.value)  # `root.joinpath(...)`, `name.replace("-", "_")`: the receiver too
            return all(self._anchored(part, function, seen, depth + 1) for part in parts)
        return False


# Path and text functions whose result is made only of their arguments (and receiver).
_MODULE_FUNCTIONS = frozenset({"join", "dirname", "abspath", "realpath", "normpath", "basename", "fspath"})
_ANCHORED_CALLS = _MODULE_FUNCTIONS | frozenset(
    {"Path", "PurePath", "PosixPath", "str", "joinpath", "resolve", "absolute", "with_name", "with_suffix"}
    | {"replace", "lower", "upper", "strip", "format"}
)
# Calls that name a place outside the checkout, or one the environment chooses.
_OUTSIDE_CALLS = frozenset({"expanduser", "expandvars", "gettempdir", "mkdtemp", "home", "getenv", "get"})


def _outside(node: ast.AST, source_folder: str = "") -> bool:
    """A path expression with an absolute, home or temporary part, a climb out of the checkout,
    or a part from the environment (`os.environ`, `os.getenv`). The text after a formatted value
    (`f"{root}/pkg/version.py"`) starts with `/` without being absolute."""
    tails = {
        id(value)
        for part in ast.walk(node)
        if isinstance(part, ast.JoinedStr)
        for previous, value in zip(part.values, part.values[1:], strict=False)
        if isinstance(previous, ast.FormattedValue) and not isinstance(previous.value, ast.Constant)
    }
    for part in ast.walk(node):
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            text = part.value.replace("\\", "/")
            if not inside_checkout(text.lstrip("/"), source_folder):
                return True
            if text.startswith(("/", "~")) and id(part) not in tails:
                return True
            if len(text) > 2 and text[0].isalpha() and text[1] == ":" and text[2] == "/":
                return True  # `C:/...`: a drive, not the checkout
        elif isinstance(part, ast.Call):
            func = part.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in _OUTSIDE_CALLS:
                return True
        elif isinstance(part, ast.Attribute) and part.attr == "environ":
            return True
    return False


_MUTATORS = frozenset({"append", "insert", "extend", "update", "__setitem__", "setdefault", "add"})
_COPIES = frozenset({"copy", "copy2", "copyfile", "move", "rename", "replace", "symlink_to", "hardlink_to"})


@dataclass(frozen=True)
class _Changes:
    mutated: frozenset[str]  # names changed in place (`x.append(...)`, `x[0] = ...`, `x += ...`)
    written: frozenset[str]  # file names the module writes or copies to (the last constant of each path)
    written_unknown: bool  # a write or copy to a path with no constant name: it may be any file

    def may_write(self, file_name: str) -> bool:
        """A write whose path ends in this name, or one whose path has no constant name at all."""
        return self.written_unknown or file_name in self.written


@functools.lru_cache(maxsize=4)  # one module's exec and eval calls ask about the same tree
def _changes(module: ast.Module) -> _Changes:
    mutated: set[str] = set()
    written: set[str] = set()
    unknown = False

    def record(path: ast.AST) -> None:
        nonlocal unknown
        names = [n.value for n in ast.walk(path) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if names:
            written.add(names[-1].replace("\\", "/").rsplit("/", 1)[-1])
        else:
            unknown = True

    for node in nodes_of(module):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver, attribute = node.func.value, node.func.attr
            if attribute in _MUTATORS and isinstance(receiver, ast.Name):
                mutated.add(receiver.id)
            if attribute in ("write_text", "write_bytes"):
                record(receiver)
            elif attribute in _COPIES and len(node.args) >= (
                2 if attribute in ("copy", "copy2", "copyfile", "move") else 1
            ):
                record(node.args[-1])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open" and node.args:
            mode = (
                node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "mode"), None)
            )
            reading = mode is None or (
                isinstance(mode, ast.Constant) and isinstance(mode.value, str) and set(mode.value) <= set("rbt")
            )
            if not reading:
                record(node.args[0])
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    mutated.add(target.value.id)
                if isinstance(node, ast.AugAssign) and isinstance(target, ast.Name):
                    mutated.add(target.id)
    return _Changes(frozenset(mutated), frozenset(written), unknown)


def may_write(module: ast.Module | None, file_name: str) -> bool:
    """Whether the module may write or copy to a file of this name."""
    return module is not None and _changes(module).may_write(file_name)
