"""Shell commands that Python code starts, as command lines for the shell judgement (`commands.py`).

`os.system("vllm serve m --trust-remote-code")`, `subprocess.run(["pip", "install", "x"])`,
`subprocess.run(f"curl {url} | sh", shell=True)`: the same commands as a notebook's `!` lines,
started from Python. The command text is what the code shows of it:

- a string: its text; an f-string, `+` concatenation, `%` or `.format` template: the constant
  parts, each value the code fills in shown as `{name}` (a placeholder the judgement reads as
  unknown: never a package name, never a `true` or `false`);
- an argv list or tuple (`[sys.executable, "-m", "pip", "install", x]`, `shlex.split("...")`):
  its words joined, `sys.executable` read as `python`; `[shell, "-c", script]` is the script;
- a name bound to one of these earlier (`cmd = [...]` ... `subprocess.run(cmd)`).

A command with no constant text at all (`os.system(cmd)` of a parameter) says nothing and is left
out. Nothing here evaluates the code: the text is read from the tree.
"""

from __future__ import annotations

import ast
import re
import shlex
from collections.abc import Callable
from typing import NamedTuple

from hooks.code.tree_nodes import nodes_of

# Calls that run their first argument: a command line, or an argv list.
_STRING_RUNNERS = frozenset(
    {
        "os.system",
        "os.popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
        "commands.getoutput",
        "commands.getstatusoutput",
        "asyncio.create_subprocess_shell",
        # A notebook exported as a script (nbconvert, jupytext): `!cmd` became these calls.
        "get_ipython.system",
        "get_ipython.getoutput",
    }
)
_ARGV_RUNNERS = frozenset(
    {
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
    }
)
# Each positional argument is one word of the argv (`create_subprocess_exec("pip", "install", x)`).
_SPREAD_RUNNERS = frozenset({"asyncio.create_subprocess_exec", "os.execlp", "os.spawnlp"})
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh"})


def starts_a_program(qualname: str) -> bool:
    """Whether a call of this dotted name starts a program (`subprocess.run`, `os.system`, ...)."""
    return qualname in _STRING_RUNNERS or qualname in _ARGV_RUNNERS or qualname in _SPREAD_RUNNERS


# Shell syntax inside one argv word is text for the program, not a pipe or a list of commands.
_SHELL_SYNTAX = re.compile(r"[|;&<>`\n\r]")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]{0,40}\))?[-#0 +]*[0-9*]*(?:\.[0-9*]+)?[sdifrxXeEgGc%]")
_MAX_DEPTH = 40
_MAX_TEXT = 1 << 16  # a command longer than this is cut: the judgement stays bounded

ConstantText = Callable[[ast.AST], "str | None"]


class LaunchedCommand(NamedTuple):
    """A command line Python code starts, at the call that starts it (a plain record: a
    NamedTuple is cheaper to define at import than a dataclass)."""

    line: int
    column: int  # 1-based
    text: str


class Wrapper(NamedTuple):
    """A function that starts the command one of its positional parameters gives it."""

    position: int
    parameter: str
    runner: str  # the runner it hands the parameter to, which says how the text is read


def wrappers_of(module: ast.Module, qualname: Callable[[ast.AST], str | None]) -> dict[str, Wrapper]:
    """The module's functions that start the command a positional parameter gives them (`def
    sh(cmd): subprocess.run(cmd, shell=True)`, also through `cmd.split()` or `shlex.split(cmd)`),
    wherever they are defined: a script calls them before their definition as often as after.
    Methods are left out: their calls go through an instance, whose class is not followed."""
    found: dict[str, Wrapper] = {}
    for function in nodes_of(module):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        if not positional or positional[0] in ("self", "cls"):
            continue
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            runner = qualname(call.func) or ""
            if runner not in _STRING_RUNNERS and runner not in _ARGV_RUNNERS:
                continue
            given = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"), None)
            if given is None:
                continue
            argument = _split_receiver(given)
            script = _shell_script(argument)
            if script is not None:
                # `subprocess.run(["bash", "-c", cmd])`: the parameter is a script for the shell.
                argument, runner = script, "os.system"
            if (
                isinstance(argument, ast.Name)
                and argument.id in positional
                and not _replaced(function, argument.id, call)
            ):
                found[function.name] = Wrapper(positional.index(argument.id), argument.id, runner)
    return found


def _replaced(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, run: ast.Call) -> bool:
    """Whether the function surely runs something else than its caller gave: before the statement
    that runs it, a statement of the body itself binds the parameter to a value made without it
    (`cmd = "make lint"`), or that statement is a loop over values without it (`for cmd in ("a",
    "b"): run(cmd)`). A binding in a branch, a handler, after the run or in a nested scope may not
    happen first (`if cmd is None: cmd = "..."`); `cmd = shlex.split(cmd)` keeps the caller's text."""
    for statement in function.body:
        holds_run = any(node is run for node in ast.walk(statement))
        if isinstance(statement, (ast.For, ast.AsyncFor)) and holds_run:
            return _holds_name(statement.target, name) and not _holds_name(statement.iter, name)
        if holds_run:
            return False
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        if any(_holds_name(target, name) for target in targets) and not _holds_name(value, name):
            return True
    return False


def _holds_name(node: ast.AST, name: str) -> bool:
    """Whether the name appears anywhere in `node` (a target it binds, or a value it reads)."""
    return any(isinstance(part, ast.Name) and part.id == name for part in ast.walk(node))


def _shell_script(node: ast.AST) -> ast.expr | None:
    """The script of `["bash", "-c", cmd]` or `("sh", "-lc", cmd)`: a shell given it as its last word."""
    if not isinstance(node, (ast.List, ast.Tuple)) or len(node.elts) < 3:
        return None
    program, option = node.elts[0], node.elts[-2]
    given = (
        isinstance(program, ast.Constant)
        and isinstance(program.value, str)
        and program.value.rsplit("/", 1)[-1] in _SHELLS
        and isinstance(option, ast.Constant)
        and isinstance(option.value, str)
        and option.value.startswith("-")
        and option.value.endswith("c")
    )
    return node.elts[-1] if given else None


def _split_receiver(node: ast.AST) -> ast.AST:
    """`cmd.split()` and `shlex.split(cmd)` are `cmd`'s words: the text they split."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split":
        receiver = node.func.value
        if isinstance(receiver, ast.Name) and receiver.id == "shlex" and node.args:
            return node.args[0]
        if not node.args and not node.keywords:
            return receiver
    return node


def _placeholder(node: ast.AST) -> str:
    """`{name}` for a value the code fills in: braces, as IPython's `{var}` in `!` lines, read
    by the shell judgement as a value it cannot see."""
    try:
        shown = ast.unparse(node)
    except (ValueError, RecursionError):
        shown = "value"
    return "{" + (re.sub(r"[^\w.]", "_", shown)[:40] or "value") + "}"


class CommandFinder:
    """Finds started commands while the rule visitor walks the module, in source order, so a
    name means what it was last bound to (`cmd = [...]` then `subprocess.run(cmd)`)."""

    def __init__(self, constant_text: ConstantText) -> None:
        self._constant_text = constant_text
        self._argvs: dict[str, ast.List | ast.Tuple] = {}
        self.commands: list[LaunchedCommand] = []
        # Parameters of the functions being visited: `def run(cmd): os.system(cmd)` runs the
        # caller's command, not a module-level `cmd = "..."` of the same name.
        self.shadowed: frozenset[str] = frozenset()
        # Functions that start the command a parameter gives them (`wrappers_of`).
        self.wrappers: dict[str, Wrapper] = {}

    def enter_function(self, parameters: set[str]) -> frozenset[str]:
        """Parameters shadow the names outside until `leave_function(what this returned)`."""
        outer = self.shadowed
        self.shadowed = outer | parameters
        return outer

    def leave_function(self, outer: frozenset[str]) -> None:
        self.shadowed = outer

    def _known(self, node: ast.AST) -> str | None:
        """The constant text of an expression, unless it reads a parameter of the function."""
        if self.shadowed and any(isinstance(n, ast.Name) and n.id in self.shadowed for n in ast.walk(node)):
            return None
        return self._constant_text(node)

    def remember(self, target: ast.AST, value: ast.AST) -> None:
        """Note a name bound to an argv list (strings are the load context's constants)."""
        if not isinstance(target, ast.Name):
            return
        if isinstance(value, (ast.List, ast.Tuple)):
            self._argvs[target.id] = value
        else:
            self._argvs.pop(target.id, None)

    def record_call(self, call: ast.Call, name: str) -> None:
        text = self._command(call, name) if name not in self.wrappers else self._wrapped(call, name)
        if text is not None and text.strip():
            self.commands.append(LaunchedCommand(call.lineno, call.col_offset + 1, text[:_MAX_TEXT]))

    def _wrapped(self, call: ast.Call, name: str) -> str | None:
        """The command a call of a wrapper gives it, read as its runner reads it."""
        position, parameter, runner = self.wrappers[name]
        given = call.args[position] if position < len(call.args) else None
        if given is None or isinstance(given, ast.Starred):
            given = next((k.value for k in call.keywords if k.arg == parameter), None)
        if given is None:
            return None
        return self._text(given) if runner in _STRING_RUNNERS else self._text_or_argv(given)

    # --- what the call runs ------------------------------------------------------------------
    def _command(self, call: ast.Call, name: str) -> str | None:
        if name in _SPREAD_RUNNERS:
            # create_subprocess_exec(program, *args); execlp(file, arg0, ...); spawnlp(mode, file, arg0, ...):
            # arg0 is the program's own name.
            skip = {"asyncio.create_subprocess_exec": 0, "os.execlp": 1, "os.spawnlp": 2}[name]
            return self._argv(list(call.args[skip:]))
        if not call.args:
            return None
        argument = call.args[0]
        if name in _STRING_RUNNERS:
            return self._text(argument)
        if name in _ARGV_RUNNERS:
            return self._text_or_argv(argument)
        if name == "get_ipython.run_line_magic" and len(call.args) > 1:
            magic = self._known(argument)
            if magic in ("pip", "conda", "mamba", "micromamba", "uv", "system", "sx"):
                line = self._text(call.args[1])
                return None if line is None else (line if magic in ("system", "sx") else f"{magic} {line}")
        shell_cell = name == "get_ipython.run_cell_magic" and len(call.args) > 2
        if shell_cell and self._known(argument) in ("bash", "sh", "zsh", "system", "sx"):
            return self._text(call.args[2])  # a `%%bash` cell's body: its lines are segments
        return None

    def _text_or_argv(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name) and node.id in self._argvs and node.id not in self.shadowed:
            node = self._argvs[node.id]
        if isinstance(node, (ast.List, ast.Tuple)):
            return self._argv(list(node.elts))
        # shlex.split("a b c"), "vllm serve m".split(): the command line they split
        return self._text(_split_receiver(node))

    def _argv(self, elements: list[ast.expr]) -> str | None:
        words: list[str] = []
        constant = False
        for element in elements:
            if isinstance(element, ast.Starred):
                words.append(_placeholder(element.value))
                continue
            if _is_python_executable(element):
                words.append("python")
                continue
            text = self._text(element)
            if text is None:
                words.append(_placeholder(element))
                continue
            constant = True
            words.append(text)
        if not constant:
            return None
        program = words[0].rsplit("/", 1)[-1] if words else ""
        if program in _SHELLS and len(words) > 2 and re.fullmatch(r"-[a-z]{0,4}c", words[1]):
            return words[2]  # the script the shell runs
        return " ".join(_argv_word(word) for word in words)

    def _text(self, node: ast.AST, depth: int = 0) -> str | None:
        """The command text the expression shows, values filled in as placeholders; None when
        no part of it is constant."""
        parts = self._parts(node, depth)
        if not any(constant for _, constant in parts):
            return None
        return "".join(text for text, _ in parts)

    def _parts(self, node: ast.AST, depth: int) -> list[tuple[str, bool]]:
        """(text, is constant) pieces of a built string."""
        if depth > _MAX_DEPTH:
            return [(_placeholder(node), False)]
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [(node.value, True)]
        known = self._known(node)
        if known is not None:
            return [(known, True)]
        if isinstance(node, ast.JoinedStr):
            parts: list[tuple[str, bool]] = []
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    inner = self._known(value.value) if value.format_spec is None else None
                    parts.append((inner, True) if inner is not None else (_placeholder(value.value), False))
                else:
                    parts.extend(self._parts(value, depth + 1))
            return parts
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._parts(node.left, depth + 1) + self._parts(node.right, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            template = self._known(node.left)
            if template is not None:
                return [(_PERCENT_SPEC.sub("{}", template), True)]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and len(node.args) == 1
            and isinstance(node.args[0], (ast.List, ast.Tuple))
            and self._known(node.func.value) is not None
        ):
            # " ".join(["vllm", "serve", model]): the words with the separator between them.
            separator = self._known(node.func.value) or ""
            pieces = [self._parts(element, depth + 1) for element in node.args[0].elts]
            joined: list[tuple[str, bool]] = []
            for index, piece in enumerate(pieces):
                if index:
                    joined.append((separator, False))
                joined.extend(piece)
            return joined
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            template = self._known(node.func.value)
            if template is not None:
                return [(template, True)]  # its `{}` fields are placeholders already
        return [(_placeholder(node), False)]


def _is_python_executable(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "executable"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def _argv_word(word: str) -> str:
    """One argv word as a shell word: its shell syntax is text, and a word with spaces stays one."""
    word = _SHELL_SYNTAX.sub(" ", word)
    # `#` too: an argv word is never a comment (`["pip", "install", "--log", "#", "x"]`).
    return shlex.quote(word) if re.search(r"\s|['\"\\#]", word) or not word else word
