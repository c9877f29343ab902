"""Which files a Ploomber pipeline hands a script task through `upstream`.

A Ploomber pipeline lists its tasks in a YAML definition (`pipeline.yaml`), each with the file it
runs and the files it writes:

    tasks:
      - source: tasks/split.py
        product:
          X_train: output/split-X_train.pkl
          nb: output/split.ipynb
      - source: tasks/fit.py
        product: output/fit.ipynb

The script of a task declares the tasks it needs in its parameters cell, `upstream = ["split"]`.
Ploomber runs the script as a notebook and, before running it, adds a cell after the parameters
cell that rebinds `upstream` to those tasks' products, so `upstream["split"]["X_train"]` in
`fit.py` is `output/split-X_train.pkl`, the file the `split` task of the same pipeline wrote. A
load of it reads the pipeline's own output, as a SageMaker or Azure ML step reads the previous
step's (pipeline_inputs.py, azureml_jobs.py). Run any other way, the script's own `upstream` (a
list of names, or None) has no such item: `upstream["split"]` raises before anything is loaded.

What counts (`reads_upstream_product`): the load reads `upstream[task]` or `upstream[task][key]`
(through `open`, `Path(...)`, `.read_bytes()` or a `with open(...) as f` handle); the script
binds `upstream` once, at its top level, to a list or tuple of names or None, and never stores
into it, hands it on or reaches it another way (`globals()`, `exec`, a star import, a commented
magic jupytext turns back into one); every pipeline definition found that names the script lists
it as a task; and in each, `task` is one other plain task (a file or a function, no `class`, no
`grid`) whose product (its `key`) is a local path. A definition that cannot be read, one that
keeps products in remote storage (`clients`) or imports its tasks from elsewhere, or any other
file that names the script (a Makefile, a Python DAG, a shell script running papermill) keeps the
load's finding: whoever runs the script that way chooses what `upstream` holds.

Definitions are looked for below the folder three levels above the script's, within bounds (the
limits of azureml_jobs.py). Only YAML and text are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.bindings import names_bound_by

_LEVELS = 3  # folders above the script's where its pipeline definition may live
_MAX_ENTRIES = 20_000  # directory entries looked through below that folder
_MAX_READ = 5_000  # candidate files read
_MAX_BYTES = 1 << 20  # a definition or a file that may name the script
_MAX_SCRIPT_BYTES = 16 << 20
_MAX_NODES = 50_000  # YAML values walked in one file
_SKIPPED_FOLDERS = frozenset({".git", "node_modules", "__pycache__", "site-packages"})
_READ_SUFFIXES = (".yml", ".yaml", ".json", ".py", ".ipynb", ".sh", ".bash", ".zsh", ".mk", ".toml", ".cfg", ".ini")
_READ_NAMES = frozenset({"makefile", "justfile", "taskfile", "dockerfile", "procfile"})
_TASK_SOURCES = (".py", ".ipynb", ".r", ".rmd")
_DOTTED = re.compile(r"[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){1,20}")
_UNREAD_KEYS = frozenset({"clients", "import_tasks_from", "source_loader"})  # keys that move tasks or products
_PARAMETER = "upstream"
# Names that read or rebind a module's variables by their text.
_DYNAMIC = frozenset(
    {
        "globals",
        "locals",
        "vars",
        "exec",
        "eval",
        "setattr",
        "__import__",
        "execfile",
        "get_ipython",
        "__dict__",
        "user_ns",
    }
)
# A jupytext comment magic (`# %store -r upstream`, `# !cp x y`): run when the script is a notebook.
_COMMENT_MAGIC = re.compile(r"^[ \t]*#[ \t]*(?:%(?!%)|!)", re.MULTILINE)


@dataclass(frozen=True)
class Task:
    """One task of a pipeline definition."""

    name: str
    source: str  # the real path of the file it runs, or a dotted function name
    product: str | dict[str, str] | None  # local paths; None when not plain (remote, SQL, templated grid)


@dataclass
class _Facts:
    """What the files below one folder say."""

    pipelines: list[list[Task]] = field(default_factory=list)  # every definition read
    unread: set[str] = field(default_factory=set)  # real paths of tasks some definition runs in ways not read
    named: dict[str, dict[str, int]] = field(default_factory=dict)  # file name -> {naming file: times}
    complete: bool = True


_facts_cache: dict[tuple[str, int], _Facts] = {}


def reads_upstream_product(call_target: ast.expr, module: ast.Module, script: Path) -> bool:
    """Whether the load's path is the product of another task of every Ploomber pipeline that
    runs `script` (see the module's doc)."""
    read = upstream_item(call_target, module)
    if read is None:
        return False
    try:
        text = _read(script, _MAX_SCRIPT_BYTES)
        if text is None or _COMMENT_MAGIC.search(text):
            return False
        pipelines = pipelines_running(script)
    except (OSError, ValueError, RecursionError, MemoryError):
        return False
    if not pipelines:
        return False
    task, key = read
    return all(_fed(tasks, script, task, key) for tasks in pipelines)


# The script ---------------------------------------------------------------------------------


def upstream_item(target: ast.expr, module: ast.Module) -> tuple[str, str | None] | None:
    """(task, key) when `target` reads `upstream[task]` or `upstream[task][key]` and the module
    leaves `upstream` to Ploomber; None for anything else."""
    expression = _path_expression(target, module)
    if expression is None:
        return None
    keys: list[str] = []
    while isinstance(expression, ast.Subscript):
        index = expression.slice
        if not (isinstance(index, ast.Constant) and isinstance(index.value, str)):
            return None
        keys.insert(0, index.value)
        expression = expression.value
    if not (isinstance(expression, ast.Name) and expression.id == _PARAMETER) or not 1 <= len(keys) <= 2:
        return None
    if not _left_to_ploomber(module):
        return None
    return keys[0], keys[1] if len(keys) == 2 else None


def _path_expression(target: ast.expr, module: ast.Module) -> ast.expr | None:
    """The path a load's argument stands for: `open(p, "rb")`, `Path(p).read_bytes()`,
    `Path(p).open("rb")`, `str(p)`, or a `with open(p) as f` handle bound nowhere else."""
    for _ in range(8):
        if isinstance(target, ast.Name):
            opening = _handle_source(target, module)
            if opening is None:
                return None
            target = opening
            continue
        if not isinstance(target, ast.Call):
            return target
        func = target.func
        if isinstance(func, ast.Attribute) and func.attr in ("read_bytes", "open") and not target.args:
            target = func.value
        elif isinstance(func, ast.Attribute) and func.attr == "open":
            target = func.value  # Path(p).open("rb")
        elif isinstance(func, ast.Name) and func.id in ("open", "Path", "str") and target.args:
            if func.id == "open" and _bound_anywhere(module, "open"):
                return None  # `open = fs.open` reads something else
            target = target.args[0]
        elif isinstance(func, ast.Attribute) and func.attr == "Path" and target.args:
            target = target.args[0]  # pathlib.Path(p)
        else:
            return None
    return None


def _handle_source(handle: ast.Name, module: ast.Module) -> ast.expr | None:
    """The opening call of `with <call> as handle:` whose body reads `handle`, when nothing in
    that body binds the name again."""
    innermost: ast.With | ast.AsyncWith | None = None
    for node in ast.walk(module):  # outer statements before inner ones
        if not isinstance(node, (ast.With, ast.AsyncWith)):
            continue
        if any(isinstance(i.optional_vars, ast.Name) and i.optional_vars.id == handle.id for i in node.items) and any(
            handle is n for statement in node.body for n in ast.walk(statement)
        ):
            innermost = node
    if innermost is None:
        return None
    rebound = [
        n for statement in innermost.body for n in ast.walk(statement) if handle.id in names_bound_by(n, deletions=True)
    ]
    opening = next(
        i.context_expr
        for i in innermost.items
        if isinstance(i.optional_vars, ast.Name) and i.optional_vars.id == handle.id
    )
    return None if rebound or not isinstance(opening, ast.Call) else opening


def _bound_anywhere(module: ast.Module, name: str) -> bool:
    return any(name in names_bound_by(n, deletions=True) for n in ast.walk(module))


def _left_to_ploomber(module: ast.Module) -> bool:
    """`upstream` is bound once, at the top level, to a list or tuple of names or None (Ploomber's
    parameters cell; Ploomber's own cell rebinds it), and the code never changes it or reaches it
    any other way than reading an item of an item."""
    bindings = [n for n in ast.walk(module) if _PARAMETER in names_bound_by(n, deletions=True)]
    if len(bindings) != 1:
        return False
    declared = next(
        (s for s in module.body if isinstance(s, ast.Assign) and len(s.targets) == 1 and s.targets[0] is bindings[0]),
        None,
    )
    if declared is None or not _names_or_none(declared.value):
        return False
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(module):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            return False
        if isinstance(node, ast.Name) and node.id in _DYNAMIC:
            return False
        if isinstance(node, ast.Attribute) and node.attr in _DYNAMIC | {_PARAMETER}:
            return False  # `sys.modules[__name__].upstream = ...`, `builtins.exec(...)`
    for node in ast.walk(module):
        if not (isinstance(node, ast.Name) and node.id == _PARAMETER) or node is bindings[0]:
            continue
        # Only `upstream[...]` or `upstream[...][...]`, read, and used as a value (not stored into,
        # deleted, called, or a method's owner).
        current: ast.AST = node
        depth = 0
        while isinstance(parent := parents.get(id(current)), ast.Subscript) and parent.value is current:
            if not isinstance(parent.ctx, ast.Load):
                return False
            current = parent
            depth += 1
        if depth == 0 or depth > 2:
            return False
        holder = parents.get(id(current))
        if isinstance(holder, (ast.Attribute, ast.AugAssign)) or (
            isinstance(holder, ast.Call) and holder.func is current
        ):
            return False
    return True


def _names_or_none(value: ast.expr) -> bool:
    if isinstance(value, ast.Constant):
        return value.value is None
    return isinstance(value, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
    )


# The pipeline definitions ---------------------------------------------------------------------


def pipelines_running(script: Path) -> list[list[Task]] | None:
    """The tasks of every pipeline definition that lists `script` as a task; None when the script
    may be run in a way not read (a definition that cannot be read, or another text naming it)."""
    real = os.path.realpath(script)
    folder = Path(real).parent
    for _ in range(_LEVELS):
        if (folder / ".git").is_dir() or folder.parent == folder:
            break
        folder = folder.parent
    key = (str(folder), run_generation())
    if key not in _facts_cache:
        if len(_facts_cache) > 64:
            _facts_cache.clear()
        _facts_cache[key] = _facts_under(folder)
    facts = _facts_cache[key]
    if not facts.complete or real in facts.unread:
        return None
    name = posixpath.basename(real).lower()
    # A definition's `source:` entries are taken off its count: any other text naming the script
    # (but the script's own) may run it some other way.
    if any(times > 0 for naming, times in facts.named.get(name, {}).items() if naming != real):
        return None
    return [tasks for tasks in facts.pipelines if any(t.source == real for t in tasks)]


def _fed(tasks: list[Task], script: Path, task: str, key: str | None) -> bool:
    real = os.path.realpath(script)
    named = [t for t in tasks if t.name == task]
    if len(named) != 1 or named[0].source == real:
        return False
    product = named[0].product
    path = product.get(key) if isinstance(product, dict) and key is not None else product if key is None else None
    return isinstance(path, str) and _local(path)


def _local(path: str) -> bool:
    return bool(path) and "://" not in path and not path.startswith("~") and "[[" not in path


def _facts_under(folder: Path) -> _Facts:
    facts = _Facts()
    entries = 0
    read = 0
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in found:
            entries += 1
            if entries > _MAX_ENTRIES:
                facts.complete = False
                return facts
            try:
                if entry.is_symlink():
                    facts.complete = False  # a definition or a task behind it would go unseen
                    return facts
                if entry.is_dir(follow_symlinks=False):
                    folder_path = Path(entry.path)
                    if entry.name not in _SKIPPED_FOLDERS and not (folder_path / "pyvenv.cfg").is_file():
                        stack.append(folder_path)
                    continue
                name = entry.name.lower()
                if not (name.endswith(_READ_SUFFIXES) or name in _READ_NAMES) or not entry.is_file(
                    follow_symlinks=False
                ):
                    continue
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            read += 1
            if read > _MAX_READ:
                facts.complete = False
                return facts
            text = _read(Path(entry.path), _MAX_BYTES)
            if text is None:
                continue
            if size > _MAX_BYTES and "tasks" in text:
                facts.complete = False  # a definition not read whole may run anything
                return facts
            listed = _read_definition(Path(entry.path), text, facts) if name.endswith((".yml", ".yaml")) else None
            if not facts.complete:
                return facts
            if name.endswith(".ipynb"):
                text = _code_cells(text)  # what a notebook runs; its prose and outputs name files too
            _count_names(os.path.realpath(entry.path), text, facts, listed or [])
    return facts


def _read_definition(path: Path, text: str, facts: _Facts) -> list[str] | None:
    """The tasks of a Ploomber definition, added to `facts`; the file names of their sources."""
    if "tasks" not in text or "source" not in text:
        return None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # Aliases are not followed (nested ones grow exponentially): such a file is not read.
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            facts.complete = False
            return None
        document = yaml.load(text, Loader=loader)  # noqa: S506 # nosec B506 - CSafeLoader or SafeLoader
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError):
        facts.complete = False  # it may be a definition: nothing below the folder is fed
        return None
    if _size(document) > _MAX_NODES:
        facts.complete = False
        return None
    # A bare list of tasks is a definition too, or the part another one imports (paths then
    # resolve elsewhere): its tasks are not read as fed.
    bare = isinstance(document, list)
    if bare:
        document = {"tasks": document}
    specs = document.get("tasks") if isinstance(document, dict) else None
    if not isinstance(specs, list) or not any(isinstance(s, dict) and "source" in s for s in specs):
        return None  # some other YAML (a CI workflow, a playbook): its texts count as namings
    assert isinstance(document, dict)
    meta = document.get("meta")
    # Products kept in remote storage, tasks imported or loaded from elsewhere: what `upstream`
    # holds comes from somewhere this reading does not follow.
    unread = bare or bool(_UNREAD_KEYS & set(document)) or (isinstance(meta, dict) and bool(_UNREAD_KEYS & set(meta)))
    tasks: list[Task] = []
    names: list[str] = []
    for spec in specs:
        task = _task(path.parent, spec)
        if task is None:
            facts.complete = False
            return None
        tasks.append(task)
        if Path(task.source).is_absolute():
            names.append(posixpath.basename(task.source).lower())
            if unread:
                facts.unread.add(task.source)
    facts.pipelines.append(tasks)
    return names


def _task(here: Path, spec: object) -> Task | None:
    if not isinstance(spec, dict) or not isinstance(spec.get("source"), str):
        return None
    source = spec["source"]
    plain = not ({"class", "grid"} & set(spec))
    if source.lower().endswith(_TASK_SOURCES):
        if "{{" in source or Path(source).is_absolute():
            return None
        real = os.path.realpath(here / source)
        default_name = posixpath.splitext(posixpath.basename(source))[0]
    elif _DOTTED.fullmatch(source):
        real = source
        default_name = source.rsplit(".", 1)[1]
    else:
        real, default_name, plain = source, source, False  # SQL, a template: not followed
    name = spec.get("name", default_name)
    if not isinstance(name, str):
        return None
    product = spec.get("product")
    if not plain:
        product = None
    elif isinstance(product, dict):
        product = {str(k): v for k, v in product.items() if isinstance(v, str)} or None
    elif not isinstance(product, str):
        product = None
    return Task(name=name, source=real, product=product)


def _count_names(naming: str, text: str, facts: _Facts, listed: list[str]) -> None:
    """Count the script file names a text names; a definition's own `source:` entries are not."""
    for match in _SCRIPT_NAME.finditer(text):
        counts = facts.named.setdefault(match.group(0).lower(), {})
        counts[naming] = counts.get(naming, 0) + 1
    for name in listed:
        counts = facts.named.setdefault(name, {})
        counts[naming] = counts.get(naming, 0) - 1


_SCRIPT_NAME = re.compile(r"(?<![\w.-])[\w.-]{1,200}\.(?:py|ipynb)(?![\w])", re.IGNORECASE)


def _code_cells(text: str) -> str:
    """The code cells' sources of a notebook; the whole text when it does not read as one."""
    import json

    try:
        cells = json.loads(text).get("cells")
        sources = [c.get("source", "") for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]
        return "\n".join(s if isinstance(s, str) else "".join(str(line) for line in s) for s in sources)
    except (ValueError, AttributeError, TypeError, RecursionError):
        return text


def _read(path: Path, limit: int) -> str | None:
    try:
        with path.open("rb") as handle:
            return handle.read(limit).decode("utf-8", "replace")
    except OSError:
        return None


def _size(value: object) -> int:
    count = 0
    stack = [value]
    while stack and count <= _MAX_NODES:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count
