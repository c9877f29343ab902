"""Code a notebook or script starts that the file itself does not hold.

The own-file rule (load_context.py) lowers `joblib.load("m.pkl")` after the same notebook's
`joblib.dump(m, "m.pkl")`: the file is its own output. That holds only if nothing else ran in
between that may write the file without naming it here: a script the notebook runs (`!python
fetch.py`, `%run fetch.py`, `!bash get.sh`, `!./download`, `!make data`, `!dvc repro`), another
notebook it executes (`papermill`, `jupyter nbconvert --execute`, nbclient), a module run or re-run
(`runpy.run_path`, `python -m project.module`, `importlib.reload(project_module)`), or text it
executes (`exec(source)`). Each such start is a line after which the notebook's own write is no
longer known to be what the load reads.

Installers (`pip install`, `python -m pip`, `/opt/conda/bin/pip`), interpreters asked only for
their version, library modules (`python -m spacy download`), and programs that are no interpreter
(`ls`, `nvidia-smi`, `git status`) start no code of the project. Magics are judged by their name
(`%run`, `%rerun`, `%macro`, `%sx`/`%system` by their command); `run_line_magic("matplotlib", ...)`
runs nothing of the project. `%store -r NAME` restores NAME from IPython's store (`%store -r`
alone: every stored name), so it no longer holds what the notebook assigned.

A notebook helper that starts code runs it where it is called (load_context.py follows the calls);
a first import of the project's own module runs its top-level code there (ml_rules.py).

Not followed (documented limits, README): a command held in a variable and given to subprocess (a
helper's parameter is its callers', judged where they pass known text through the code's own
wrappers), helpers reached other than by name, conditional writes hiding an earlier start, and
processes started in the background before the write.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence

from hooks._shared.shell import PYTHON_VALUE_OPTIONS, command_segments
from hooks.code.command_origin import name_of
from hooks.code.tree_nodes import nodes_of

QualName = Callable[[ast.AST], "str | None"]
LocalModule = Callable[[str], bool]

# Programs that run code given to them: a script's path, a module, inline text or stdin.
_INTERPRETERS = re.compile(
    r"^(?:python[0-9.]*|pypy[0-9.]*|ipython[0-9]*|bash|sh|zsh|ksh|dash|fish|source|\.|make|gmake|"
    r"papermill|Rscript|node|deno|bun|perl|ruby|php|julia|torchrun|deepspeed|mpirun|"
    r"mpiexec|srun|horovodrun|jupyter-nbconvert|jupyter-execute|snakemake|tox|nox|invoke|"
    r"pytest|py\.test|luigi)$"
)
# Programs that run the command after their own options (`conda run -n env python x.py`,
# `xvfb-run -a python x.py`, `numactl --cpunodebind=0 python x.py`, `eval "python x.py"`).
_RUNNERS = frozenset(
    {"conda", "mamba", "micromamba", "poetry", "pipenv", "pdm", "hatch", "rye", "xvfb-run", "numactl", "watch", "eval"}
)
# Tools whose subcommand runs the project's pipeline or code.
_PIPELINE_RUNS = {"dvc": ("repro", "exp"), "kedro": ("run",), "mlflow": ("run",), "zenml": ("pipeline",)}
_INSTALLERS = re.compile(r"^(?:pip[0-9.]*|conda|mamba|micromamba|uv|pipx|apt|apt-get|yum|dnf|brew)$")
_SCRIPT_SUFFIXES = (".py", ".sh", ".bash", ".ipynb", ".R", ".pl", ".rb", ".js")
_PYTHON_PLACEHOLDER = re.compile(r"(?i)python|executable")
# The machine's own programs, not the project's (Colab keeps nvidia-smi in /opt/bin).
_SYSTEM_FOLDERS = ("/usr/", "/bin/", "/sbin/", "/opt/bin/")
# Programs that run the project's code only through one subcommand (`accelerate launch x.py`;
# `accelerate config` writes a config).
_SUBCOMMAND_RUNS = {"accelerate": ("launch",), "streamlit": ("run",)}
# `python -m X` for library modules that run a script, notebook or test suite they are given.
_RUNNING_MODULES = frozenset(
    {
        "torch.distributed.run", "torch.distributed.launch", "papermill", "jupyter", "nbconvert", "streamlit",
        "pytest", "accelerate.commands.launch", "cProfile", "profile", "IPython", "snakemake", "dvc", "runpy",
        "trace", "pdb", "deepspeed", "kedro", "mlflow", "nox", "tox", "invoke", "unittest",
    }
)  # fmt: skip
_VERSION_OPTIONS = frozenset({"--version", "-V", "-VV", "--help", "-h"})
# `python -m X`: installers and reports, never the project's code whatever folders it has.
_TOOLING_MODULES = frozenset({"pip", "ensurepip", "venv", "virtualenv", "site", "json.tool", "pip_audit", "uv"})
# Calls that run a file or module as code, by their resolved names.
_RUNNING_QUALNAMES = frozenset(
    {
        "runpy.run_path",
        "runpy.run_module",
        "papermill.execute_notebook",
        "imp.load_source",
        "imp.load_module",
        "builtins.execfile",
        "execfile",
    }
)
_RELOADS = frozenset({"importlib.reload", "imp.reload"})
_EXECUTORS = re.compile(r"(?:^|\.)(?:NotebookClient|ExecutePreprocessor|execute_notebook)$")
# Attributes whose call runs a loaded module or a notebook: `spec.loader.exec_module(m)`,
# `SourceFileLoader(n, p).load_module()`, nbclient's `client.execute()` is caught by its class.
_RUNNING_ATTRIBUTES = frozenset({"exec_module", "load_module"})
_IPYTHON_COMMANDS = frozenset({"system", "getoutput"})
_IPYTHON_MAGICS = frozenset({"magic", "run_line_magic", "run_cell_magic"})
# Line magics that run code this file does not hold (`%run x.py`, `%rerun`, a macro's text);
# `%sx`/`%system`/`%sc` run their command; cell magics that hand the body to a shell.
_CODE_MAGICS = frozenset({"run", "rerun", "macro"})
_COMMAND_MAGICS = frozenset({"sx", "system", "sc"})
_SHELL_CELL_MAGICS = frozenset({"bash", "sh", "script", "system"})


def _anywhere(_: str) -> bool:
    return True


def command_starts_code(command: str, local_module: LocalModule = _anywhere) -> bool:
    """Whether a shell command line runs a script, notebook, project module or inline code."""
    return any(words and _segment_starts_code(words, local_module, 0) for _, words in command_segments(command))


def _segment_starts_code(words: list[str], local_module: LocalModule, depth: int) -> bool:
    if depth > 4:
        return True  # runners nested this deep: built to hide something
    first = words[0]
    program = first.rsplit("/", 1)[-1]
    if _PYTHON_PLACEHOLDER.search(program) and not _INTERPRETERS.match(program):
        program = "python"  # `!{sys.executable} train.py`, `$PYTHON x.py`: IPython or the shell puts Python in
    elif first.startswith(("{", "$", "`")):
        return True  # `!{cmd}`, `$RUNNER x`: a program only known at run time
    if program in _RUNNERS:
        rest = _after_options(words[1:])
        if program in ("conda", "mamba", "micromamba", "poetry", "pipenv", "pdm", "hatch", "rye"):
            if not rest or rest[0] != "run":
                return False  # `conda install`, `poetry add`: installers
            rest = _after_options(rest[1:])
        return bool(rest) and _segment_starts_code(_split_eval(rest), local_module, depth + 1)
    if program in _PIPELINE_RUNS:
        return len(words) > 1 and words[1] in _PIPELINE_RUNS[program]
    if program == "jupyter":
        return len(words) > 1 and (words[1] == "execute" or (words[1] == "nbconvert" and "--execute" in words))
    if program in _SUBCOMMAND_RUNS:
        return len(words) > 1 and words[1] in _SUBCOMMAND_RUNS[program]
    if _INTERPRETERS.match(program):
        return _interpreter_starts_code(program, words[1:], local_module)
    if _INSTALLERS.match(program):
        return False  # `/opt/conda/bin/pip install x`: an installer wherever it lives
    if program.endswith(_SCRIPT_SUFFIXES):
        return True  # `uv run fetch.py`, `fetch.sh` on the PATH
    # `./download.sh`, `scripts/fetch`, `~/bin/x`: a program of the project or the machine's own.
    return "/" in first and not first.startswith(_SYSTEM_FOLDERS)


def _after_options(words: list[str]) -> list[str]:
    """The words after a runner's options: `-n env` / `--name env` take a value, flags do not."""
    index = 0
    while index < len(words) and words[index].startswith("-"):
        option = words[index]
        index += 1
        if option in ("-n", "--name", "-p", "--prefix", "-e", "--env", "--cpunodebind", "--membind", "-s") and (
            index < len(words) and not words[index].startswith("-")
        ):
            index += 1
    return words[index:]


def _split_eval(words: list[str]) -> list[str]:
    """`eval "python x.py"`: the quoted command's own words."""
    return words[0].split() + words[1:] if len(words) >= 1 and " " in words[0] else words


def _interpreter_starts_code(program: str, rest: list[str], local_module: LocalModule) -> bool:
    if not rest:
        return True  # reads its program from stdin (`cat fetch.py | python3`, `curl ... | bash`)
    if rest[0] in _VERSION_OPTIONS:
        return False
    if not program.startswith(("python", "pypy", "ipython")):
        return True
    index = 0
    while index < len(rest) and rest[index].startswith("-") and rest[index] not in ("-m", "-c", "-"):
        index += 2 if rest[index] in PYTHON_VALUE_OPTIONS else 1
    if index >= len(rest):
        return rest[-1] not in _VERSION_OPTIONS
    if rest[index] == "-m":
        module = rest[index + 1] if index + 1 < len(rest) else ""
        # `python -m pip`, `-m spacy download`: a library's code; `-m src.train`: the project's.
        top = module.split(".", 1)[0]
        if module in _RUNNING_MODULES or top in _RUNNING_MODULES:
            return True  # `-m torch.distributed.run train.py`, `-m pytest`: a library that runs what it is given
        return bool(module) and module not in _TOOLING_MODULES and top not in _TOOLING_MODULES and local_module(top)
    return True  # a script, `-c` text or `-` (stdin)


def call_starts_code(
    call: ast.Call, qualname: QualName, held_text: Callable[[ast.AST], str | None], local_module: LocalModule
) -> bool:
    """Whether a Python call runs other code: `runpy.run_path(p)`, `papermill.execute_notebook(...)`,
    nbclient, `importlib.reload(project_module)`, `spec.loader.exec_module(m)`, `os.execv(...)`,
    `exec(text)` / `eval(compile(...))` of text the file does not hold, and IPython's own ways to
    run commands and magics (`get_ipython().system(...)`, `ip.run_line_magic("run", ...)`).
    subprocess and os.system commands are judged by their text (command_starts_code) where the
    command finder reads them."""
    func = call.func
    name = qualname(func) or name_of(call)
    if name in _RUNNING_QUALNAMES or _EXECUTORS.search(name):
        return True
    if name in _RELOADS:
        module = qualname(call.args[0]) if call.args else None
        return module is None or local_module(module.split(".", 1)[0])
    if name.startswith("os.") and re.fullmatch(r"os\.(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|startfile)", name):
        return True
    if name in ("exec", "builtins.exec") and call.args:
        text = held_text(_compiled(call.args[0]))
        return text is None or _text_starts_code(text)
    if name in ("eval", "builtins.eval") and call.args:
        inner = call.args[0]  # eval(compile(text, name, "exec")) runs statements, as exec does
        return _compiled(inner) is not inner and held_text(_compiled(inner)) is None
    if isinstance(func, ast.Attribute) and func.attr in _RUNNING_ATTRIBUTES:
        return True
    if isinstance(func, ast.Attribute) and _ipython(func.value, qualname):
        return _ipython_call_starts_code(func.attr, call, held_text, local_module)
    return False


_PROCESS_CALLS = frozenset(
    {"run", "call", "check_call", "check_output", "Popen", "system", "popen", "getoutput", "run_path", "run_module",
     "execv", "execvp", "execl", "execlp", "spawnv", "spawnl", "exec", "reload", "execute_notebook", "run_line_magic",
     "run_cell_magic", "magic"}
)  # fmt: skip


def _text_starts_code(text: str) -> bool:
    """Whether Python text the file holds (a constant given to `exec`) starts code itself: any
    call of a process, exec or run function in it (text that does not parse: taken as starting)."""
    return len(text) > 100_000 or _python_starts_code(text, _anywhere, unparseable=True)


def _cell_starts_code(body: str, local_module: LocalModule) -> bool:
    """A cell body held as text: its `!` lines, `%run`-like magics and IPython calls."""
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("!") and command_starts_code(stripped.lstrip("!"), local_module):
            return True
        if stripped.startswith("%") and magic_starts_code(stripped.lstrip("%"), local_module):
            return True
    # IPython syntax does not parse: its `!` and `%` lines were read above
    return _python_starts_code(body, local_module, unparseable=False)


def _python_starts_code(text: str, local_module: LocalModule, *, unparseable: bool) -> bool:
    """Whether Python text calls something that starts code; `unparseable` when it does not parse."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return unparseable
    return any(isinstance(node, ast.Call) and _starting_call(node, local_module) for node in nodes_of(tree))


def _starting_call(call: ast.Call, local_module: LocalModule) -> bool:
    """In text the file holds: a process, exec or run call; a shell command by its own text."""
    name = name_of(call)
    if name in ("system", "getoutput") and call.args:
        command = call.args[0]
        if isinstance(command, ast.Constant) and isinstance(command.value, str):
            return command_starts_code(command.value, local_module)
    return name in _PROCESS_CALLS


def _compiled(node: ast.AST) -> ast.AST:
    """`compile(text, name, mode)` -> `text`."""
    if isinstance(node, ast.Call) and name_of(node) == "compile" and node.args:
        return node.args[0]
    return node


def _ipython(node: ast.AST, qualname: QualName) -> bool:
    """`get_ipython()` (however imported), or a name the code binds to it (`ip = get_ipython()`:
    the caller's qualname resolves such names to `get_ipython`)."""
    target = node.func if isinstance(node, ast.Call) else node
    resolved = qualname(target) or ""
    return resolved.rsplit(".", 1)[-1] == "get_ipython"


def _ipython_call_starts_code(
    attribute: str, call: ast.Call, held_text: Callable[[ast.AST], str | None], local_module: LocalModule
) -> bool:
    texts = [held_text(argument) for argument in call.args[:3]]
    if attribute in _IPYTHON_COMMANDS:
        return bool(texts) and (texts[0] is None or command_starts_code(texts[0], local_module))
    if attribute not in _IPYTHON_MAGICS:
        return attribute in ("run_cell", "ex", "ev", "safe_execfile", "safe_execfile_ipy", "safe_run_module")
    if not texts or texts[0] is None:
        return True  # a magic named at run time
    if attribute == "magic":
        return magic_starts_code(texts[0], local_module)
    line = f"{texts[0]} {texts[1] or ''}" if len(texts) > 1 else texts[0]
    if attribute == "run_cell_magic":
        body = texts[2] if len(texts) > 2 else None
        if texts[0] in _SHELL_CELL_MAGICS:
            return body is None or command_starts_code(body, local_module)
        # `%%time`, `%%capture`: the body is a cell IPython transforms and runs (an nbconvert export
        # keeps it as text): its `!` lines and IPython calls count like the notebook's own.
        return body is None or _cell_starts_code(body, local_module)
    return magic_starts_code(line, local_module)


def magic_starts_code(magic: str, local_module: LocalModule = _anywhere) -> bool:
    """Whether a line magic as written after its `%` runs code this file does not hold."""
    name, _, arguments = magic.strip().partition(" ")
    if name in _CODE_MAGICS:
        return True
    if name in _COMMAND_MAGICS:
        return command_starts_code(arguments, local_module)
    return False


def restored_names(magics: Sequence[str]) -> set[str] | None:
    """The names `%store -r` restores (None: every stored name, `%store -r` alone)."""
    restored: set[str] = set()
    for magic in magics:
        words = magic.split()
        if len(words) < 2 or words[0] != "store" or not words[1].startswith("-") or "r" not in words[1]:
            continue
        names = [word for word in words[2:] if not word.startswith("-")]
        if not names:
            return None
        restored.update(names)
    return restored


def single_literal_names(module: ast.Module) -> dict[str, str]:
    """Names the module binds exactly once, anywhere, and to a string literal (`SRC = "x = 1"`):
    text the file holds wherever the name is read."""
    bound: dict[str, int] = {}
    literal: dict[str, str] = {}
    for node in nodes_of(module):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] = bound.get(node.id, 0) + 1
        elif isinstance(node, (ast.arg, ast.alias)):
            name = node.arg if isinstance(node, ast.arg) else (node.asname or node.name)
            bound[name] = bound.get(name, 0) + 2
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            if not isinstance(node.value.value, str):
                continue
            for target in node.targets:
                if isinstance(target, ast.Name):
                    literal[target.id] = node.value.value
    return {name: text for name, text in literal.items() if bound.get(name) == 1}
