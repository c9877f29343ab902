"""Read a notebook cell the way IPython runs it, keeping every line where it was.

IPython's cell transformation (IPython.core.inputtransformer2 and, for one-line cells, the
prefilter's automagic) is the reference, and the tests check this module against it:

- cleanup: leading blank lines, `>>>` and `In [1]:` prompts, the indentation common to all lines;
- a first line `%%name args` makes the whole cell a cell magic: `%%time`, `%%capture`,
  `%%timeit`, `%%prun`, `%%python` bodies are Python (transformed again, as IPython does);
  `%%bash`, `%%sh`, `%%script bash`, `%%!` bodies are shell; `%%writefile name` bodies are the
  file they write (`EmbeddedFile`, analysed as that file type by the scanner); `%%html`,
  `%%sql`, `%%R`, ... are other languages and are not Python;
- at the start of any logical line (outside strings and brackets): `!cmd` and `!!cmd` are
  shell, `%name args` a line magic (`%time stmt` keeps its statement), `?obj`/`obj?` help,
  `/f x`, `,f x`, `;f x` autocalls; `x = !cmd` and `x = %magic` assignments; a trailing `\\`
  joins the next physical line into the same command;
- a cell of one line whose first word is a magic's name is that magic (`pip install x`,
  `cd data`): IPython applies automagic to one-line cells only;
- the aliases `%cp`, `%mv`, `%cat`, `%ls`, ... are shell commands; `%cd` changes the folder.

What is not Python becomes `pass` at the same indentation (lines it joined become blank), so the cell still
parses and every finding keeps its line; columns removed in front are kept in `python_offsets`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from hooks._shared.notebook_magics import DefinedMagic
from hooks._shared.shell import shell_lines
from hooks.code.pylex import scan_lines

# Cell magics whose body is Python, and those whose body is shell.
PYTHON_CELL_MAGICS = frozenset(
    {"time", "timeit", "capture", "prun", "debug", "memit", "mprun", "python", "python2", "python3", "pypy"}
    | {"code_wrap", "cython"}
    # Not IPython's, but loaded wherever the notebooks that use them run: W&B's `%%wandb` runs
    # the cell (a training loop) and shows the run beside it.
    | {"wandb"}
)
# Google Colab's `%%shell` runs the cell in a shell, as `%%bash` does.
SHELL_CELL_MAGICS = frozenset({"bash", "sh", "system", "sx", "!", "zsh", "shell"})
WRITEFILE_MAGICS = frozenset({"writefile", "file"})
# Cell magics of other languages or of data: their bodies are not Python and hold no shell.
OTHER_LANGUAGE_MAGICS = frozenset(
    {
        "html",
        "HTML",
        "javascript",
        "js",
        "latex",
        "markdown",
        "svg",
        "SVG",
        "perl",
        "ruby",
        "sql",
        "bigquery",
        "R",
        "Rpush",
        "julia",
        "octave",
        "matlab",
        "fortran",
        "ai",
        "ai_ask",
        "chatgpt",
        "spark",
        "pyspark",
        "sparksql",
        "configure",
        "local",
        "info",
        "cleanup",
        "kql",
        "mermaid",
        "graphviz",
        "dot",
        "typst",
        "manim",
        "tensorboard",
    }
)
# Line magics whose argument is a Python statement.
PYTHON_LINE_MAGICS = frozenset({"time", "timeit", "prun", "debug", "memit", "mprun"})
INSTALL_LINE_MAGICS = frozenset({"pip", "conda", "mamba", "micromamba", "uv"})
SHELL_LINE_MAGICS = frozenset({"sx", "system"})
# IPython's POSIX aliases (IPython/core/alias.py): `%cp a b` runs `cp a b` in a shell, `%lf x`
# runs `ls -F -o --color x | grep ^-`; whatever follows the name reaches the shell (`%ls && ...`).
ALIAS_SHELL_MAGICS = {
    "cat": "cat",
    "cp": "cp",
    "mkdir": "mkdir",
    "mv": "mv",
    "rm": "rm",
    "rmdir": "rmdir",
    "ls": "ls -F --color",
    "ll": "ls -F -o --color",
    "lf": "ls -F -o --color %l | grep ^-",
    "lk": "ls -F -o --color %l | grep ^l",
    "ldir": "ls -F -o --color %l | grep /$",
    "lx": "ls -F -o --color %l | grep ^-..x",
}
# Magic names IPython resolves without `%` in a one-line cell (built-in line magics, the POSIX
# aliases, ipykernel's, and those of extensions notebooks commonly load first).
AUTOMAGIC_NAMES = frozenset(
    {
        *INSTALL_LINE_MAGICS,
        *PYTHON_LINE_MAGICS,
        *SHELL_LINE_MAGICS,
        *ALIAS_SHELL_MAGICS,
        "alias",
        "alias_magic",
        "autoawait",
        "autocall",
        "automagic",
        "autosave",
        "bookmark",
        "cd",
        "clear",
        "colors",
        "config",
        "connect_info",
        "dhist",
        "dirs",
        "doctest_mode",
        "ed",
        "edit",
        "env",
        "gui",
        "hist",
        "history",
        "killbgscripts",
        "less",
        "load",
        "load_ext",
        "loadpy",
        "logoff",
        "logon",
        "logstart",
        "logstate",
        "logstop",
        "lsmagic",
        "macro",
        "magic",
        "man",
        "matplotlib",
        "more",
        "notebook",
        "page",
        "pastebin",
        "pdb",
        "pdef",
        "pdoc",
        "pfile",
        "pinfo",
        "pinfo2",
        "popd",
        "pprint",
        "precision",
        "psearch",
        "psource",
        "pushd",
        "pwd",
        "pycat",
        "pylab",
        "qtconsole",
        "quickref",
        "recall",
        "rehashx",
        "reload_ext",
        "rep",
        "rerun",
        "reset",
        "reset_selective",
        "run",
        "save",
        "sc",
        "set_env",
        "store",
        "tb",
        "unalias",
        "unload_ext",
        "who",
        "who_ls",
        "whos",
        "xdel",
        "xmode",
        "autoreload",
        "aimport",
        "tensorboard",
        "tensorflow_version",
        "wandb",
    }
)
# After the magic's name, `=` and `,` make the line Python (`ls = 1`, `cd, x = f()`): IPython's
# assignment check comes before automagic, its Python-operator check after it, so `cd ..`,
# `cd /content/drive`, `cp *.pt d` and `mkdir;curl ...` are magics (the name ends where IPython's
# does: at a character that is no word character, `.` or `*`, so `cd.x` is never one). A line
# that is a Python statement beyond names and arithmetic stays Python (_python_statement).
_ASSIGNMENT_NEXT = frozenset("=,")
_CLASSIC_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
_CLASSIC_FIRST = re.compile(r"^>>>( |$)")
_IPYTHON_PROMPT = re.compile(r"^((\[nav\]|\[ins\])? )?In \[\d+\]: |^\s*\.{3,}: ?")
_MAGIC_NAME = re.compile(r"%(?P<name>[A-Za-z_][\w.]*)")
_HELP_END = re.compile(r"%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*\?\??$")
_FIRST_WORD = re.compile(r"^(?P<name>[A-Za-z_]\w*)(?P<rest>(?:[^\w.*].*)?)$", re.S)


@dataclass(frozen=True)
class EmbeddedFile:
    """The body of a `%%writefile name` cell: the file it writes, line by line from `first_line`."""

    name: str
    text: str
    first_line: int  # cell line of the body's first line
    append: bool = False
    defined: bool = False  # written by a cell magic the notebook defines, not IPython's %%writefile


@dataclass
class CellSource:
    python: str  # parseable Python (or blank lines), same line count as the cell
    shell: list[tuple[int, str]] = field(default_factory=list)  # (line, command), continuations joined
    installs: list[tuple[int, str]] = field(default_factory=list)  # (line, "pip install ...") from %pip etc.
    python_offsets: dict[int, int] = field(default_factory=dict)  # line -> columns removed in front
    embedded: list[EmbeddedFile] = field(default_factory=list)
    other_language: str | None = None  # `%%html`, `%%sql`, ...: a body that is not Python
    unknown_magic: str | None = None  # `%%name` IPython does not ship: what the body is is unknown
    too_deep: bool = False  # cell magics nested past what this reader follows: the body was not read
    alternatives: list[str] = field(default_factory=list)  # other readings IPython versions accept
    chdirs: list[tuple[int, str]] = field(default_factory=list)  # (line, folder) of each `%cd`/`%pushd folder`
    # Every magic line as written after its `%` or `%%` (`run -i x.py`, `env CKPT=$ckpt`, `store p`):
    # IPython substitutes `$name`/`{name}` in them and some reach the namespace (`%store`, `%run -i`)
    magic_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, magic) of each of them

    @property
    def magics(self) -> list[str]:
        return [magic for _, magic in self.magic_lines]


def transform_cell(source: str, defined: Mapping[str, DefinedMagic] | None = None, depth: int = 0) -> CellSource:
    """`defined`: the cell magics the notebook defines itself (notebook_magics.py), by name;
    `depth`: how many cell magics hold this text (`%%time` in `%%capture`)."""
    # IPython splits a cell into lines at CR as at LF (str.splitlines), and Python's tokenizer reads
    # a lone CR as a line end too: `%%bash\rcurl ... | sh` is a bash cell.
    lines = _LINE_ENDS.split(source)
    result = CellSource("")
    offsets = _cleanup(lines, result)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        result.python = "\n".join(lines)
        return result
    if lines[first].startswith("%%") and not re.match(r"%%\w+\?", lines[first]):
        _cell_magic(lines, first, result, defined or {}, depth)
        return result
    meaningful = [i for i, line in enumerate(source.split("\n")) if line.strip()]
    if len(meaningful) == 1 and first == meaningful[0] and _automagic(lines, first, result):
        _merge_offsets(result, offsets)
        return result
    out = _transform_lines(lines, result, line_base=1)
    result.python = "\n".join(out)
    _merge_offsets(result, offsets)
    return result


def _merge_offsets(result: CellSource, cleanup: dict[int, int]) -> None:
    for line, removed in cleanup.items():
        result.python_offsets[line] = result.python_offsets.get(line, 0) + removed


def _cleanup(lines: list[str], result: CellSource) -> dict[int, int]:
    """Prompts and common indentation, removed in place; columns removed per 1-based line."""
    removed: dict[int, int] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return removed
    for prompt, initial in ((_CLASSIC_PROMPT, _CLASSIC_FIRST), (_IPYTHON_PROMPT, _IPYTHON_PROMPT)):
        body = lines[first:]
        if initial.match(body[0]) or (len(body) > 1 and prompt.match(body[1])):
            for index in range(first, len(lines)):
                match = prompt.match(lines[index])
                if match:
                    lines[index] = lines[index][match.end() :]
                    removed[index + 1] = removed.get(index + 1, 0) + match.end()
    indent = _common_indent(lines[first:])
    if indent:
        original = list(lines)
        for index in range(first, len(lines)):
            if lines[index].startswith(indent):
                lines[index] = lines[index][len(indent) :]
                removed[index + 1] = removed.get(index + 1, 0) + len(indent)
        result.alternatives.append("\n".join(original))
    return removed


def _common_indent(lines: list[str]) -> str:
    """textwrap.dedent's margin: the longest whitespace prefix of every line that is not blank."""
    margin: str | None = None
    for line in lines:
        if not line.strip():
            continue
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if margin is None or indent.startswith(margin):
            margin = margin if margin is not None else indent
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            while common < min(len(margin), len(indent)) and margin[common] == indent[common]:
                common += 1
            margin = margin[:common]
        if not margin:
            return ""
    return margin or ""


# --- cell magics -------------------------------------------------------------------------------
def _cell_magic(
    lines: list[str], first: int, result: CellSource, defined: Mapping[str, DefinedMagic], depth: int
) -> None:
    name, _, arguments = lines[first][2:].rstrip().partition(" ")
    result.magic_lines.append((first + 1, lines[first][2:].strip()))
    body_start = first + 1  # 0-based index of the body's first line
    blank = ["" for _ in lines]
    result.python = "\n".join(blank)
    words = arguments.split()
    # A magic the notebook defines: what its function does with the cell (IPython runs the
    # notebook's definition even where it takes a name IPython ships; the shipped reading is kept
    # as well, so a definition this reader misjudges cannot hide a `%%bash` body).
    own = defined.get(name)
    written_to = own.written_name(arguments) if own is not None else None
    if written_to and body_start < len(lines):
        text = "\n".join(lines[body_start:])
        result.embedded.append(EmbeddedFile(written_to.strip("'\""), text, body_start + 1, defined=True))
    if name == "timeit" and arguments.strip():
        # `%%timeit [options] setup`: the setup statement on the magic's line runs first, as Python.
        setup = re.sub(r"^(?:-[A-Za-z]\s*\S*\s+|-[A-Za-z]\S*\s*)*", "", arguments.strip())
        if setup:
            column = len(lines[first]) - len(lines[first].lstrip()) + len(lines[first].strip()) - len(setup)
            blank[first] = setup
            result.python_offsets[first + 1] = column
    if name == "script":
        # The program and its arguments run as a command (`%%script bash -c CMD` runs CMD, and
        # `%%script python3 -c CODE` runs CODE), the body on its standard input.
        command = [word for word in words if word not in _SCRIPT_OPTIONS]
        if len(command) > 1:
            result.shell.append((first + 1, " ".join(command)))
        program = script_program(words)
        kind = _program_kind(program)
        if kind == "other":
            result.other_language = f"script {program}"[:48]
            return
        if kind == "unknown":
            result.unknown_magic = f"script {program}"[:48]
            return
        name = kind
    runs_python = name in PYTHON_CELL_MAGICS or (own is not None and own.runs)
    if runs_python and body_start < len(lines):  # `%%time` alone: no body, every line stays blank
        if depth >= _MAX_NESTED_MAGICS:
            result.too_deep = True
            return
        body = "\n".join(lines[body_start:])
        inner = transform_cell(body, defined, depth + 1)
        result.python = "\n".join([*blank[:body_start], inner.python])
        offsets = dict(result.python_offsets)
        result.shell = [*result.shell, *((line + body_start, command) for line, command in inner.shell)]
        result.installs = [(line + body_start, command) for line, command in inner.installs]
        result.chdirs = [(line + body_start, folder) for line, folder in inner.chdirs]
        result.python_offsets = {**offsets, **{line + body_start: cols for line, cols in inner.python_offsets.items()}}
        result.embedded = [*result.embedded, *inner.embedded]
        result.magic_lines.extend((line + body_start, magic) for line, magic in inner.magic_lines)
        result.other_language = inner.other_language
        result.unknown_magic = inner.unknown_magic
        result.too_deep = inner.too_deep
    if name in SHELL_CELL_MAGICS:
        result.shell.extend(shell_lines(lines[body_start:], body_start + 1))
        return
    if name in WRITEFILE_MAGICS:
        append = any(w in ("-a", "--append") for w in words)
        target = " ".join(w for w in words if w not in ("-a", "--append")).strip("'\"")
        text = "\n".join(lines[body_start:])
        result.embedded.append(EmbeddedFile(target, text, body_start + 1, append))
        return
    if runs_python:
        return
    if name in OTHER_LANGUAGE_MAGICS:
        result.other_language = name
        return
    if not written_to:
        # Not IPython's, and not defined here in a way this reader follows (or the file it writes
        # cannot be named): what the body is is unknown.
        result.unknown_magic = name


# Cell magics inside cell magics followed (`%%capture` holding `%%time`): past this the body is
# not read and the cell is reported not analysed, at the failing severity.
_MAX_NESTED_MAGICS = 100
# IPython's %%script options (ScriptMagics.shebang): these take a value, the others none.
_SCRIPT_VALUE_OPTIONS = frozenset({"--proc", "--out", "--err"})
_SCRIPT_OPTIONS = _SCRIPT_VALUE_OPTIONS | {"--bg", "--no-raise-error", "--raise-error"}
_PYTHON_PROGRAM = re.compile(r"(?:i?python|pypy)[0-9.]*(?:\.exe)?")
_SHELL_PROGRAMS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "ash", "fish", "bash.exe"})
_OTHER_PROGRAMS = re.compile(r"(?:perl|ruby|node|nodejs|deno|rscript|r|julia|octave|php|lua|tclsh|awk|gawk)[0-9.]*")


def script_program(words: list[str]) -> str:
    """The program `%%script` runs, as IPython parses its line: options (with the value of
    `--proc`, `--out`, `--err`) skipped, then the first word; through `env` (its options and
    `NAME=value` words), the program `env` starts."""
    index = 0
    while index < len(words) and words[index].startswith("-"):
        option = words[index].split("=", 1)[0]
        # argparse takes any unambiguous prefix (`--o` is `--out`): a prefix of one option that
        # takes a value takes one too
        takes_value = len(option) > 2 and sum(known.startswith(option) for known in _SCRIPT_OPTIONS) == 1
        takes_value = takes_value and any(known.startswith(option) for known in _SCRIPT_VALUE_OPTIONS)
        index += 2 if takes_value and "=" not in words[index] else 1
    if index >= len(words):
        return ""
    program = words[index]
    if program.rsplit("/", 1)[-1] == "env":
        index += 1
        while index < len(words) and (words[index].startswith("-") or "=" in words[index]):
            index += 1
        program = words[index] if index < len(words) else ""
    return program


def _program_kind(program: str) -> str:
    """ "python", "bash" (a shell), "other" (another language's interpreter) or "unknown"."""
    base = program.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if _PYTHON_PROGRAM.fullmatch(base):
        return "python"
    if base in _SHELL_PROGRAMS:
        return "bash"
    if _OTHER_PROGRAMS.fullmatch(base):
        return "other"
    return "unknown"


# --- one-line cells: automagic -----------------------------------------------------------------
def _python_statement(line: str) -> bool:
    """Whether the line, read as Python, is more than names and arithmetic: an assignment
    (`history += [torch.load(p)]`, which needs the name bound, so IPython runs it as Python), a
    call, a subscript, a comparison or a keyword operator (`config .update(...)`, `ls in x`:
    most likely the notebook's own name, which shadows the magic). Names and arithmetic only
    (`cd /content/drive`, `ls -la`) are what a shell line looks like as Python: the magic."""
    try:
        tree = ast.parse(line)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return True
    return any(
        isinstance(node, _PYTHON_ONLY_NODES) or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not))
        for node in ast.walk(tree.body[0].value)
    )


_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_PYTHON_ONLY_NODES = (ast.Call, ast.Subscript, ast.Compare, ast.BoolOp, ast.Lambda, ast.IfExp, ast.NamedExpr)


def _automagic(lines: list[str], index: int, result: CellSource) -> bool:
    line = lines[index].strip()
    match = _FIRST_WORD.match(line)
    if match is None or match.group("name") not in AUTOMAGIC_NAMES:
        return False
    rest = match.group("rest").strip()
    if rest and rest[0] in _ASSIGNMENT_NEXT:
        return False
    if _python_statement(line):
        return False
    out = list(lines)
    leading = len(lines[index]) - len(lines[index].lstrip())
    name = match.group("name")
    out[index] = _line_magic(name, match.group("rest"), "", index + 1, result, leading + len(name))
    result.python = "\n".join(out)
    return True


# --- line by line --------------------------------------------------------------------------------
def _transform_lines(lines: list[str], result: CellSource, line_base: int) -> list[str]:
    infos, _ = scan_lines(lines)
    out = list(lines)
    index = 0
    while index < len(lines):
        info = infos[index]
        line = lines[index]
        stripped = line.lstrip()
        if not info.starts_statement or not stripped or stripped.startswith("#"):
            index += 1
            continue
        end = index
        # The empty piece after a cell's last newline is no line to IPython: a `\\` there runs
        # off the cell's end and stays in the command (find_end_of_continued_line).
        last = len(lines) - 1 - (len(lines) > 1 and lines[-1] == "")
        while end < last and infos[end].continued:
            end += 1
        indent = line[: len(line) - len(stripped)]
        number = index + line_base
        # `obj?` wins over every other reading of the logical line, as in IPython (its HelpEnd
        # transformer starts at the line's first token and has the highest priority).
        help_end = _help_end(lines, infos, index)
        if help_end is not None:
            for blank in range(index, help_end + 1):
                out[blank] = ""
            out[index] = _blank(indent)
            index = help_end + 1
            continue
        replaced = _special(lines, index, end, indent, stripped, info.assign_column, number, result)
        if replaced is None:
            index += 1
            continue
        out[index] = replaced
        for blank in range(index + 1, end + 1):
            out[blank] = ""
        index = end + 1
    return out


def _joined(lines: list[str], start: int, column: int, end: int) -> str:
    """IPython's assemble_continued_line: pieces joined by a space, each `\\` dropped."""
    parts = [lines[start][column:], *lines[start + 1 : end + 1]]
    return " ".join([part.rstrip()[:-1] for part in parts[:-1]] + [parts[-1].rstrip()])


def _special(
    lines: list[str],
    index: int,
    end: int,
    indent: str,
    stripped: str,
    assign: int | None,
    number: int,
    result: CellSource,
) -> str | None:
    """The Python that stands for an IPython line (None when the line is plain Python)."""
    column = len(indent)
    first = stripped[:1]
    if first == "!":
        command = _joined(lines, index, column, end)
        command = command[2:] if command.startswith("!!") else command[1:]
        result.shell.append((number, command.strip()))
        return _blank(indent)
    if first == "%":
        text = _joined(lines, index, column, end)
        match = _MAGIC_NAME.match(text)
        if match is None:
            return _blank(indent)
        return _line_magic(match.group("name"), text[match.end() :], indent, number, result, column + match.end())
    if first in ("/", ",", ";"):
        # IPython's escaped calls: `/f a, b` is `f(a, b)`, `;f a b` is `f("a b")`, `,f a b` is
        # `f("a", "b")` (EscapedCommand): the call runs, so it is read as one.
        text = _joined(lines, index, column + 1, end)
        function, _, rest = text.strip().partition(" ")
        if not function:
            return _blank(indent)
        rest = rest.strip()
        if first == "/":
            arguments = rest
        elif first == ";":
            arguments = repr(rest) if rest else ""
        else:
            arguments = ", ".join(repr(word) for word in rest.split())
        result.python_offsets[number] = 1  # the escape character, dropped in front
        return f"{indent}{function}({arguments})"
    if first == "?":
        return _blank(indent)
    if assign is not None:
        after = lines[index][assign + 1 :]
        value = after.lstrip()
        value_column = assign + 1 + len(after) - len(value)
        head = lines[index][:value_column]
        if value.startswith("!") and not head.strip().startswith("="):
            command = _joined(lines, index, value_column, end)[1:]
            result.shell.append((number, command.strip()))
            return f"{head}None"
        if value.startswith("%") and re.match(r"%[A-Za-z_]", value):
            text = _joined(lines, index, value_column, end)
            match = _MAGIC_NAME.match(text)
            if match is None:
                return f"{head}None"
            # `m = %time stmt` runs the statement (its value is what `%time` returns): the statement
            # stands after the assignment, on the same line.
            inner = _line_magic(
                match.group("name"), text[match.end() :], "", number, result, value_column + match.end()
            )
            if not inner.strip():
                return f"{head}None"
            statement_column = result.python_offsets.get(number, 0)
            result.python_offsets[number] = statement_column - len(head) - len("None; ")
            return f"{head}None; {inner}"
    return None


def _line_magic(name: str, arguments: str, indent: str, number: int, result: CellSource, arguments_column: int) -> str:
    """`%name arguments` (arguments as written, starting at `arguments_column` of the line)."""
    stripped = arguments.strip()
    result.magic_lines.append((number, f"{name} {stripped}".strip()))
    while name in PYTHON_LINE_MAGICS and stripped:
        statement = re.sub(r"^(?:-[A-Za-z]\s*\S*\s+)*", "", stripped)
        column = arguments_column + len(arguments) - len(arguments.lstrip()) + len(stripped) - len(statement)
        # `%time` hands its statement to IPython's own cell transformation: a shell line or another
        # magic there (`%time !curl ... | sh`, `%time %time stmt`, `%time %pip install x`) runs as one.
        if statement.startswith("!"):
            result.shell.append((number, statement[2:] if statement.startswith("!!") else statement[1:]))
            return _blank(indent)
        nested = _MAGIC_NAME.match(statement) if statement.startswith("%") else None
        if nested is None:
            result.python_offsets[number] = column - len(indent)
            return f"{indent}{statement}"
        name, arguments = nested.group("name"), statement[nested.end() :]
        arguments_column = column + nested.end()
        stripped = arguments.strip()
        result.magic_lines.append((number, f"{name} {stripped}".strip()))
    if name in INSTALL_LINE_MAGICS:
        result.installs.append((number, f"{name} {stripped}".strip()))
    elif name in SHELL_LINE_MAGICS:
        result.shell.append((number, stripped))
    elif name in ALIAS_SHELL_MAGICS:
        command = ALIAS_SHELL_MAGICS[name]
        shown = command.replace("%l", stripped) if "%l" in command else f"{command} {stripped}"
        result.shell.append((number, shown.strip()))
    elif name == "alias" and len(stripped.split(None, 1)) == 2:
        # `%alias boot curl ... | sh` defines `%boot`, which runs that command: read where it is defined.
        result.shell.append((number, stripped.split(None, 1)[1]))
    elif name in ("cd", "pushd"):
        # The kernel's working folder changes for every later cell, so a relative path after it
        # names another file (hooks/code/load_context.py).
        result.chdirs.append((number, stripped))
    elif name == "popd":
        # back to a folder the stack holds: followed as a folder not known (as `%cd -` is)
        result.chdirs.append((number, "-"))
    return _blank(indent)


def _help_end(lines: list[str], infos: list, index: int) -> int | None:  # type: ignore[type-arg]
    """The last line of a logical line that ends in `?` or `??` (IPython's help syntax)."""
    end = index
    while end + 1 < len(lines) and not infos[end + 1].starts_statement:
        end += 1
    # A bracket left open at the end of the cell still ends in help syntax for IPython (its
    # tokenizer stops at the end of input), also after the cell's one final newline.
    last_line = end - 1 if end > index and end == len(lines) - 1 and lines[end] == "" else end
    info = infos[last_line]
    last = info.last_significant
    if last is None or lines[last_line][last] != "?":
        return None
    if info.open_at_end and (info.string_open_at_end or end != len(lines) - 1):
        return None
    text = " ".join(line.strip() for line in lines[index : last_line + 1])
    if info.comment_column is not None:
        text = " ".join(line.strip() for line in lines[index:last_line]) + " " + lines[last_line][: info.comment_column]
    return end if _HELP_END.search(text.strip()) else None


def _blank(indent: str) -> str:
    # A statement even at the top level, as IPython's call is: a block after it must not read
    # as the continuation of an earlier block (`if x:` ... `!cmd` ... indented lines).
    return f"{indent}pass"
