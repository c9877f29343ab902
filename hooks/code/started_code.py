"""Code a notebook or script starts that the file itself does not hold.

The own-file rule (load_context.py) lowers `joblib.load("m.pkl")` after the same notebook's
`joblib.dump(m, "m.pkl")`: the file is its own output. That holds only if nothing else ran in
between that may write the file without naming it here: a script the notebook runs (`!python
fetch.py`, `%run fetch.py`, `!bash get.sh`, `!./download`, `!make data`), another notebook it
executes (`papermill`, `jupyter nbconvert --execute`), a module run or re-run in its namespace
(`runpy.run_path`, `importlib.reload`), or text it executes (`exec(source)`). Each such start is
a line after which the notebook's own write is no longer known to be what the load reads.

Installers (`pip install`, `python -m pip`), interpreters asked only for their version, and
programs that are no interpreter (`ls`, `nvidia-smi`, `git status`) start no code of the project.
`%store -r` restores variables from IPython's store: a path held in one then names whatever was
stored, so loads through notebook variables are no longer the notebook's own.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

from hooks._shared.shell import command_segments
from hooks.code.command_origin import name_of

# Programs that run code given to them: a script's path, a module, inline text or stdin.
_INTERPRETERS = re.compile(
    r"^(?:python[0-9.]*|pypy[0-9.]*|ipython[0-9]*|bash|sh|zsh|ksh|dash|fish|source|\.|make|gmake|"
    r"papermill|Rscript|node|deno|bun|perl|ruby|php|julia|torchrun|accelerate|deepspeed|mpirun|"
    r"mpiexec|srun|horovodrun|streamlit|jupyter-nbconvert|jupyter-execute)$"
)
_PYTHON_PLACEHOLDER = re.compile(r"(?i)python|executable")
_SYSTEM_FOLDERS = ("/usr/", "/bin/", "/sbin/")  # the machine's programs, not the project's
# `python -m X`: these modules install packages or report, and run no project code.
_TOOLING_MODULES = frozenset({"pip", "ensurepip", "venv", "site", "json.tool", "pip_audit"})
_VERSION_OPTIONS = frozenset({"--version", "-V", "-VV", "--help", "-h"})
# Python calls that run other code in or beside the process.
_RUNNING_CALLS = frozenset(
    {
        "run_path",
        "run_module",
        "execute_notebook",
        "reload",
        "execfile",
        "run_line_magic",
        "run_cell_magic",
        "run_cell",
        "safe_execfile",
        "safe_execfile_ipy",
        "safe_run_module",
    }
)
_RUNNING_OWNERS = frozenset({"runpy", "papermill", "pm", "importlib", "imp"})
# os's calls that replace the process or start another program: `os.execv(python, [...])`, `os.spawnl(...)`.
_OS_STARTS = re.compile(r"^(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|startfile)$")

# Line magics that run code this file does not hold (`%run x.py`, `%rerun`, a macro's text).
_CODE_MAGICS = frozenset({"run", "rerun", "macro"})


def command_starts_code(command: str) -> bool:
    """Whether a shell command line runs a script, notebook or inline code (any of its parts)."""
    return any(words and _segment_starts_code(words) for _, words in command_segments(command))


def _segment_starts_code(words: list[str]) -> bool:
    program = words[0].rsplit("/", 1)[-1]
    if _PYTHON_PLACEHOLDER.search(program):
        program = "python"  # `!{sys.executable} train.py`, `$PYTHON x.py`: IPython or the shell puts Python in
    elif words[0].startswith(("{", "$", "`")):
        return True  # `!{cmd}`, `$RUNNER x`: a program only known at run time
    if program == "jupyter":
        return (
            len(words) > 1 and words[1] in ("execute", "nbconvert") and (words[1] == "execute" or "--execute" in words)
        )
    if _INTERPRETERS.match(program):
        rest = words[1:]
        if not rest:
            return program in ("bash", "sh", "zsh", "ksh", "dash", "fish")  # reads its script from stdin
        if rest[0] in _VERSION_OPTIONS:
            return False
        tooling = len(rest) > 1 and rest[0] == "-m" and rest[1] in _TOOLING_MODULES
        return not (program.startswith("python") and tooling)
    # `./download.sh`, `scripts/fetch`, `~/bin/x`: a program of the project or the machine's own.
    return "/" in words[0] and not words[0].startswith(_SYSTEM_FOLDERS)


def call_starts_code(call: ast.Call) -> bool:
    """Whether a Python call runs other code: `runpy.run_path(p)`, `papermill.execute_notebook(...)`,
    `importlib.reload(m)`, `get_ipython().run_line_magic("run", ...)`, `os.execv(...)`, `exec(text)`
    of text that is not a constant. subprocess and os.system commands are judged by their text
    (command_starts_code) where the command finder reads it, through the code's own wrappers too;
    a command a helper is handed as a parameter is its callers', judged where they pass it."""
    func = call.func
    name = name_of(call)
    owner_name = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    if owner_name == "os" and _OS_STARTS.match(name):
        return True
    if name == "exec" and isinstance(func, ast.Name):
        return bool(call.args) and not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))
    if name not in _RUNNING_CALLS:
        return False
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name):
            return owner.id in _RUNNING_OWNERS or name.startswith(("run_", "safe_"))
        return isinstance(owner, ast.Call) and name_of(owner) == "get_ipython"
    return name in ("run_path", "run_module", "execute_notebook", "reload", "execfile")


def magics_start_code(magics: Sequence[str]) -> tuple[bool, bool]:
    """(whether a line magic runs code this file does not hold, whether one restores variables
    from IPython's store). Magic lines carry no position, so either holds for the whole notebook."""
    runs = restores = False
    for magic in magics:
        words = magic.split()
        if not words:
            continue
        if words[0] in _CODE_MAGICS:
            runs = True
        elif words[0] == "store" and any(word.startswith("-") and "r" in word for word in words[1:]):
            restores = True
    return runs, restores
