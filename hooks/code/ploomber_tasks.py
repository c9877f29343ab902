"""Which loads of a Ploomber script task read a file another task of its own pipeline serialised.

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
Ploomber runs the script as a notebook and adds a cell after the parameters cell that rebinds
`upstream` to those tasks' products, so `upstream["split"]["X_train"]` in `fit.py` is
`output/split-X_train.pkl`. When `split.py` itself serialises its own objects there
(`Path(product["X_train"]).write_bytes(pickle.dumps(X_train))`) and fetches nothing, a load of
it in `fit.py` reads the pipeline's own output, as a SageMaker or Azure ML step reads the
previous step's (pipeline_inputs.py, azureml_jobs.py). Run any other way, the script's own
`upstream` (a list of names, or None) has no such item and raises before anything is loaded.

What counts (`reads_upstream_product`), on top of what ploomber_scripts.py reads in the scripts:
- every pipeline definition in the repository that lists the script lists it as a task, and in
  each, the upstream task is one other plain task (keys Ploomber uses to run a script, no
  `class`, `grid`, `product_client`, `on_*` hook) whose source is a `.py` script of the
  repository that serialises that product item itself and downloads, copies, moves and runs
  nothing;
- the product is a relative path inside the definition's folder with no `{{placeholder}}`
  (the person running fills those), and neither the file nor Ploomber's `.name.metadata` record
  of it is in the checkout (a committed product with its record is taken as up to date, and
  Ploomber skips the task that writes it);
- the definition's folder is its project's root: no `setup.py` above it (a packaged pipeline,
  `src/pkg/pipeline.yaml`, resolves paths from the package's root), no `clients` (products kept
  in remote storage are downloaded instead of built) and no `import_tasks_from`/`source_loader`;
- nothing else may run the script: no other file of the repository names it (a Makefile,
  Jenkinsfile, CI workflow or shell script running papermill, the paired `.ipynb` of jupytext),
  and no Python code that builds a Ploomber DAG lists a folder (a glob picks any script) or
  spells the script's name (`f"tasks/{name}.py"` for a name in a list).

The whole repository (up to its `.git` folder) is read within bounds: past them, or at a symbolic
link or a definition that cannot be read, nothing is fed. Prose (`.md`, `.rst`, `.txt`, ...) and
binary files name nothing; a notebook names only what its code cells say. Only YAML, text and
syntax trees are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.definition_files import Unbounded, load_documents, read_head, regular_files
from hooks.code.ploomber_scripts import TaskScript, runs_more_as_notebook

_MAX_LEVELS = 16  # folders above the script's where the repository's top may be
_MAX_ENTRIES = 20_000  # directory entries looked through in the repository
_MAX_BYTES_READ = 48 << 20  # text read in all
_MAX_FILE_BYTES = 1 << 20
_MAX_SCRIPT_BYTES = 16 << 20
_PROSE = (".md", ".rst", ".txt", ".html", ".htm", ".adoc", ".tex", ".csv", ".tsv", ".svg", ".css", ".lock", ".log")
_UNREAD_KEYS = frozenset({"clients", "import_tasks_from", "source_loader"})
# A task's keys that change neither what runs nor where its products come from.
_PLAIN_TASK_KEYS = frozenset(
    {
        "source",
        "product",
        "name",
        "params",
        "upstream",
        "papermill_params",
        "nbconvert_export_kwargs",
        "nbconvert_exporter_name",
        "local_execution",
        "kernelspec_name",
        "static_analysis",
    }
)
_DAG_CODE = re.compile(r"\b(?:DAGSpec|NotebookRunner|ScriptRunner|PythonCallable|DAG\s*\()")
_NOTEBOOK_SUFFIXES = (".py", ".ipynb")
_LISTS_FOLDERS = re.compile(r"\b(?:i?glob|rglob|listdir|scandir|walk|iterdir)\b")


@dataclass(frozen=True)
class Task:
    """One task of a pipeline definition."""

    name: str
    source: str  # the real path of the file it runs, or its text when not a file of the repository
    product: str | dict[str, str] | None  # None when the task is not plain or its product not a path
    here: str  # the definition's folder (real path)


@dataclass
class _Facts:
    """What the repository's files say."""

    pipelines: list[list[Task]] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # real paths of tasks definitions run in ways not read
    named: dict[str, dict[str, int]] = field(default_factory=dict)  # file name -> {naming file: times}
    dag_code: list[str] = field(default_factory=list)  # Python that builds DAGs (lower case)
    complete: bool = True


_facts_cache: dict[tuple[str, int], _Facts] = {}
_scripts_cache: dict[tuple[str, int], TaskScript | None] = {}


def reads_upstream_product(call_target: ast.expr, script: TaskScript, path: Path) -> bool:
    """Whether the load's path is the product another task of every Ploomber pipeline running
    `path` serialises itself (see the module's doc)."""
    read = script.upstream_item(call_target)
    if read is None:
        return False
    try:
        text = read_head(path, _MAX_SCRIPT_BYTES)
        if text is None or runs_more_as_notebook(text):
            return False
        pipelines = pipelines_running(path)
        if not pipelines:
            return False
        task, key = read
        return all(_fed(tasks, os.path.realpath(path), task, key) for tasks in pipelines)
    except (OSError, ValueError, RecursionError, MemoryError):
        return False


def pipelines_running(script: Path) -> list[list[Task]] | None:
    """The tasks of every pipeline definition that lists `script`; None when the script may be
    run in a way not read."""
    real = os.path.realpath(script)
    top = _repository_top(Path(real).parent)
    if top is None:
        return None
    key = (str(top), run_generation())
    if key not in _facts_cache:
        if len(_facts_cache) > 16:
            _facts_cache.clear()
        _facts_cache[key] = _facts_under(top)
    facts = _facts_cache[key]
    if not facts.complete or real in facts.unread:
        return None
    stem = posixpath.splitext(posixpath.basename(real))[0].lower()
    # Python code building a DAG runs what it lists or globs: a folder's listing, or the
    # script's name put together (`f"tasks/{name}.py"` for a name in a list).
    word = re.compile(rf"(?<![\w-]){re.escape(stem)}(?![\w-])")
    if any(_LISTS_FOLDERS.search(code) or word.search(code) for code in facts.dag_code):
        return None
    for name in (stem + suffix for suffix in _NOTEBOOK_SUFFIXES):
        if any(times > 0 for naming, times in facts.named.get(name, {}).items() if naming != real):
            return None
    return [tasks for tasks in facts.pipelines if any(t.source == real for t in tasks)]


def _repository_top(folder: Path) -> Path | None:
    for _ in range(_MAX_LEVELS):
        if (folder / ".git").is_dir():
            return folder
        if folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _fed(tasks: list[Task], script: str, task: str, key: str | None) -> bool:
    named = [t for t in tasks if t.name == task]
    if len(named) != 1 or named[0].source == script or named[0].product is None:
        return False
    upstream = named[0]
    product = upstream.product
    if isinstance(product, dict):
        path = product.get(key) if key is not None else None
        item: tuple[str, ...] = (key,) if key is not None else ()
    else:
        path = product if key is None else None
        item = ()
    if path is None or not _inside(upstream.here, path):
        return False
    written = Path(upstream.here) / path
    metadata = written.with_name(f".{written.name}.metadata")
    if os.path.lexists(written) or os.path.lexists(metadata):
        return False  # a product in the checkout is taken as built: the task that writes it may not run
    writer = _script(upstream.source)
    return writer is not None and item in writer.serialised_products() and not writer.fetches()


def _inside(here: str, path: str) -> bool:
    """A relative path below the definition's folder, with nothing the person running fills in."""
    if not path or "{{" in path or "[[" in path or "://" in path or path.startswith(("~", "/", "\\")):
        return False
    parts = path.replace("\\", "/").split("/")
    return ".." not in parts and not re.match(r"[A-Za-z]:", path)


def _script(source: str) -> TaskScript | None:
    """The upstream task's script, when it is a `.py` file of the repository read whole."""
    if not source.endswith(".py") or not Path(source).is_absolute():
        return None
    key = (source, run_generation())
    if key not in _scripts_cache:
        if len(_scripts_cache) > 64:
            _scripts_cache.clear()
        text = read_head(Path(source), _MAX_SCRIPT_BYTES)
        script: TaskScript | None = None
        if text is not None and not runs_more_as_notebook(text) and len(text) < _MAX_SCRIPT_BYTES:
            try:
                script = TaskScript(ast.parse(text))
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                script = None
        _scripts_cache[key] = script
    return _scripts_cache[key]


def _facts_under(top: Path) -> _Facts:
    facts = _Facts()
    budget = _MAX_BYTES_READ
    try:
        for entry in regular_files(top, _MAX_ENTRIES, lambda folder: folder.name == ".git"):
            name = entry.name.lower()
            if name.endswith(_PROSE):
                continue
            text = read_head(Path(entry.path), _MAX_FILE_BYTES + 1)
            if text is None or "\x00" in text[:8192]:
                continue  # binary: it names no script
            budget -= len(text)
            if budget < 0 or len(text) > _MAX_FILE_BYTES:
                facts.complete = False  # a file not read whole may run anything
                return facts
            real = os.path.realpath(entry.path)
            if name.endswith(".ipynb"):
                text = _code_cells(text)
            if name.endswith((".py", ".ipynb")) and "ploomber" in text and _DAG_CODE.search(text):
                facts.dag_code.append(text.lower())
            outputs: list[str] = []
            if name.endswith((".yml", ".yaml")):
                outputs = _read_definition(Path(real), text, facts)
                if not facts.complete:
                    return facts
            _count_names(real, text, facts, outputs)
    except Unbounded:
        facts.complete = False  # past the bounds, a symbolic link or a folder not listed: a runner unseen
    return facts


def _read_definition(path: Path, text: str, facts: _Facts) -> list[str]:
    """The tasks of a Ploomber definition, added to `facts`; the texts of its `source:` and
    `product:` values (which name the tasks and their outputs, not other runs)."""
    if "tasks" not in text or "source" not in text:
        return []
    documents = load_documents(text)
    if documents is None:
        facts.complete = False  # it may be a definition: nothing in the repository is fed
        return []
    if len(documents) != 1:
        return []  # Ploomber reads one document: a stream of several (manifests) is no definition
    document = documents[0]
    # A bare list of tasks is a definition too, or the part another one imports (paths then
    # resolve elsewhere): its tasks are not read as fed.
    bare = isinstance(document, list)
    specs = document if bare else document.get("tasks") if isinstance(document, dict) else None
    if not isinstance(specs, list) or not any(isinstance(s, dict) and "source" in s for s in specs):
        return []  # some other YAML (a CI workflow, a playbook): its texts count as namings
    meta = document.get("meta") if isinstance(document, dict) else None
    here = str(path.parent)
    unread = (
        bare
        or (isinstance(document, dict) and bool(_UNREAD_KEYS & set(document)))
        or (isinstance(meta, dict) and bool(_UNREAD_KEYS & set(meta)))
        or _packaged(path.parent)
    )
    tasks: list[Task] = []
    outputs: list[str] = []
    for spec in specs:
        task = _task(here, spec)
        if task is None:
            facts.complete = False
            return []
        tasks.append(task)
        if isinstance(spec, dict):
            outputs.extend(_strings(spec.get("source")) + _strings(spec.get("product")))
        if unread and Path(task.source).is_absolute():
            facts.unread.add(task.source)
    facts.pipelines.append(tasks)
    return outputs


def _packaged(folder: Path) -> bool:
    """A `setup.py` in a folder above the definition's: Ploomber takes that folder for the
    project's root and resolves the definition's paths from there."""
    for above in list(folder.parents)[:_MAX_LEVELS]:
        if (above / "setup.py").exists():
            return True
        if (above / ".git").is_dir():
            return False
    return False


def _task(here: str, spec: object) -> Task | None:
    if not isinstance(spec, dict) or not isinstance(spec.get("source"), str):
        return None
    source: str = spec["source"]
    plain = set(spec) <= _PLAIN_TASK_KEYS
    if source.lower().endswith((".py", ".ipynb", ".r", ".rmd")) and _inside(here, source):
        real = os.path.realpath(Path(here) / source)
        default_name = posixpath.splitext(posixpath.basename(source))[0]
    else:
        real, default_name, plain = source, source.rsplit(".", 1)[-1], False  # a function, SQL, a template
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
    return Task(name=name, source=real, product=product, here=here)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return []


_SCRIPT_NAME = re.compile(r"(?<![\w.-])[\w.-]{1,200}\.(?:py|ipynb)(?!\w)", re.IGNORECASE)


def _count_names(naming: str, text: str, facts: _Facts, outputs: list[str]) -> None:
    """Count the script file names a text names; a definition's own sources and products are not."""
    for match in _SCRIPT_NAME.finditer(text):
        counts = facts.named.setdefault(match.group(0).lower(), {})
        counts[naming] = counts.get(naming, 0) + 1
    for output in outputs:
        for match in _SCRIPT_NAME.finditer(output):
            counts = facts.named.setdefault(match.group(0).lower(), {})
            counts[naming] = counts.get(naming, 0) - 1


def _code_cells(text: str) -> str:
    """The code cells' sources of a notebook; the whole text when it does not read as one."""
    import json

    try:
        cells = json.loads(text).get("cells")
        sources = [c.get("source", "") for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]
        return "\n".join(s if isinstance(s, str) else "".join(str(line) for line in s) for s in sources)
    except (ValueError, AttributeError, TypeError, RecursionError):
        return text
