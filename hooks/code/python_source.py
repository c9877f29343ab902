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

from hooks.code.bindings import root_name
from hooks.code.command_origin import CommandOrigins, Function, returned_values
from hooks.code.load_context import inside_checkout
from hooks.code.serialisers import opened_to_read
from hooks.code.tree_nodes import nodes_of

_READS = frozenset({"read", "readlines", "readline", "read_text"})
_OPENERS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
# String methods whose result is made of the text they are called on.
_TEXT_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "splitlines", "split", "replace", "partition", "rpartition", "decode", "format"}
)
# What a parsed tree's nodes hold of the text: its statements and their parts (`tree.body`).
_TREE_PARTS = frozenset({"body", "orelse", "finalbody", "handlers", "value", "values", "elts", "decorator_list"})
# Calls that parse text into a syntax tree, pick from it or build a module of its statements, and
# turn it back into text; their other arguments must be constants or the same file's parts.
_TREE_CALLS = frozenset(
    {"ast.parse", "ast.Module", "ast.Interactive", "ast.Expression", "ast.fix_missing_locations", "ast.unparse"}
    | {"ast.get_source_segment", "textwrap.dedent", "copy.deepcopy", "inspect.cleandoc"}
)
_PATH_BUILDERS = frozenset({"join", "Path", "PurePath", "PosixPath", "joinpath", "abspath", "realpath", "normpath"})
_MAX_DEPTH = 24
_STEP_BUDGET = 20_000  # nodes followed for one exec/eval argument
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
        self._steps = _STEP_BUDGET
        self.functions = _functions(module)

    def file_of(self, node: ast.AST, function: Function | None) -> str | None:
        """The `*.py` name the text comes from, or None. Code that writes a file of that name, or
        a file whose path names none, may have written it, so it gets None."""
        self._steps = _STEP_BUDGET
        found = self._text(node, function, set(), 0)
        if found is None or self.model_made(found.rsplit(".", 1)[0]):
            return None  # `llm_generated_solution.py`: the file's name says a model wrote it
        if self.changes.may_write(found):
            return None  # the code writes that name, or some file it does not name
        return found

    def _text(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> str | None:
        self._steps -= 1
        if depth > _MAX_DEPTH or self._steps < 0:
            return None  # too deep, or a file built to branch without end (`a = [b, b]; b = [c, c]; ...`)
        if isinstance(node, ast.Subscript):
            return self._text(node.value, function, seen, depth + 1)  # a line of the lines read
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            return self._text(node.elt, function, seen, depth + 1)  # its loop names lead to what they walk
        if isinstance(node, ast.Attribute) and node.attr in _TREE_PARTS:
            return self._text(node.value, function, seen, depth + 1)  # `tree.body`: statements of the parsed file
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
            # `ast.Module(body=[fn], ...)`: every statement from the one file
            found = {self._text(element, function, set(seen), depth + 1) for element in node.elts}
            return found.pop() if len(found) == 1 else None
        if isinstance(node, ast.Name):
            return self._name(node.id, function, seen, depth, self._text)
        if not isinstance(node, ast.Call):
            return None
        func = node.func
        name = self.qualname(func) or ""
        if name in ("compile", "builtins.compile") and node.args:
            return self._text(node.args[0], function, seen, depth + 1)
        if name in ("next", "ast.walk", "ast.iter_child_nodes") and len(node.args) == 1 and not node.keywords:
            return self._text(node.args[0], function, seen, depth + 1)  # `next(seg for n in ast.walk(tree) ...)`
        if isinstance(func, ast.Name) and not node.args and not node.keywords and func.id in self.functions:
            # `_gate_source()`: a function of the module, given nothing, returning the file's text
            callee = self.functions[func.id]
            key = (id(callee), "return")
            if key in seen:
                return None
            seen.add(key)
            found = {
                self._text(value, callee, set(seen), depth + 1) if value is not None else None
                for value in returned_values(callee)
            }
            return found.pop() if len(found) == 1 else None
        if name in _TREE_CALLS:
            # `ast.parse(src)`, `ast.Module(body=funcs)`, `ast.get_source_segment(src, fn)`: the
            # file's statements, picked and put together again; nothing else enters them
            given = [k.value for k in node.keywords if k.arg in ("body", "source", "node", "text")] or node.args[:1]
            others = [
                *node.args[1:],
                *(k.value for k in node.keywords if k.arg not in ("body", "source", "node", "text")),
            ]
            if len(given) != 1 or not all(
                _inert(other) or self._text(other, function, set(seen), depth + 1) for other in others
            ):
                return None
            return self._text(given[0], function, seen, depth + 1)
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


def _inert(node: ast.AST) -> bool:
    """A constant, or a list of constants (`type_ignores=[]`, `filename="<extracted>"`)."""
    if isinstance(node, ast.Constant):
        return True
    return isinstance(node, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in node.elts)


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

    aliases: dict[str, set[str]] = {}  # `body = tree.body`: changing `body` changes `tree`
    for node in nodes_of(module):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Attribute, ast.Subscript)):
            source = root_name(node.value)
            for target in node.targets:
                if isinstance(target, ast.Name) and source is not None:
                    aliases.setdefault(target.id, set()).add(source)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr"):
            root = root_name(node.args[0]) if node.args else None
            if root is not None:
                mutated.add(root)  # `setattr(node, "body", other)`
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver, attribute = node.func.value, node.func.attr
            if attribute in _MUTATORS:
                root = root_name(receiver)  # `tree.body.append(x)` changes what `tree` holds
                if root is not None:
                    mutated.add(root)
            if attribute in ("write_text", "write_bytes"):
                record(receiver)
            elif attribute in _COPIES and len(node.args) >= (
                2 if attribute in ("copy", "copy2", "copyfile", "move") else 1
            ):
                record(node.args[-1])
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "open"
            and node.args
            and not opened_to_read(node)
        ):
            record(node.args[0])
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, (ast.Subscript, ast.Attribute)):
                    root = root_name(target)  # `lines[0] = x`, `tree.body[0] = x`, `node.body = x`
                    if root is None and isinstance(target.value, ast.Call) and target.value.args:
                        root = root_name(target.value.args[0])  # `vars(node)["body"] = x`
                    if root is not None:
                        mutated.add(root)
                if isinstance(node, ast.AugAssign) and isinstance(target, ast.Name):
                    mutated.add(target.id)
    pending = list(mutated)
    while pending:
        for source in aliases.get(pending.pop(), set()):
            if source not in mutated:
                mutated.add(source)
                pending.append(source)
    return _Changes(frozenset(mutated), frozenset(written), unknown)


def _functions(module: ast.Module) -> dict[str, Function]:
    """The module's top-level functions by name, leaving out names bound more than once."""
    found: dict[str, Function] = {}
    twice: set[str] = set()
    for statement in module.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and not statement.decorator_list:
            if statement.name in found:
                twice.add(statement.name)
            found[statement.name] = statement
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.ClassDef, ast.Import, ast.ImportFrom)):
            for node in ast.walk(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    twice.add(node.id)
                elif isinstance(node, ast.alias):
                    twice.add(node.asname or node.name.split(".")[0])
            if isinstance(statement, ast.ClassDef):
                twice.add(statement.name)
    return {name: function for name, function in found.items() if name not in twice}


def inert_mentions(module: ast.Module, file_name: str) -> int:
    """Texts naming the file that write nothing: the label `compile(code, "<extracted x.py>",
    "exec")` gives the code object (shown in tracebacks), and docstrings and other strings
    standing alone as statements."""
    count = 0
    for node in nodes_of(module):
        text: ast.AST | None = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "compile":
            text = node.args[1] if len(node.args) > 1 else None
        elif isinstance(node, ast.Expr):
            text = node.value
        if isinstance(text, ast.Constant) and isinstance(text.value, str) and file_name in text.value:
            count += 1
    return count


def read_mentions(module: ast.Module, file_name: str) -> int:
    """How many constants naming `file_name` sit in a path that is read right there: the receiver
    of `.read_text()`/`.read_bytes()` or the first argument of `open()` in read mode
    (a test extracting three functions of one module reads it three times)."""
    count = 0
    for node in nodes_of(module):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        paths: list[ast.AST] = []
        if isinstance(func, ast.Attribute) and func.attr in ("read_text", "read_bytes") and not node.args:
            paths.append(func.value)
        elif isinstance(func, ast.Name) and func.id in _OPENERS and node.args and opened_to_read(node):
            paths.append(node.args[0])
        for path in paths:
            count += sum(
                1
                for part in ast.walk(path)
                if isinstance(part, ast.Constant)
                and isinstance(part.value, str)
                and part.value.replace("\\", "/").rsplit("/", 1)[-1] == file_name
            )
    return count


def may_write(module: ast.Module | None, file_name: str) -> bool:
    """Whether the module may write or copy to a file of this name."""
    return module is not None and _changes(module).may_write(file_name)
