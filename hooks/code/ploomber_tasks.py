"""Which loads of a Ploomber task read what an upstream task of the same pipeline wrote.

Ploomber runs a script task listed in a `pipeline.yaml`

    tasks:
      - source: tasks/split.py
        product: {X_train: output/X_train.pkl, nb: output/split.ipynb}
      - source: tasks/fit.py
        product: {nb: output/fit.ipynb}

with the script's parameters cell replaced: `upstream = ['split']` becomes `upstream = {'split':
{'X_train': 'output/X_train.pkl', ...}}`, the products the `split` task of the same pipeline
declares and writes before `fit` starts. `pickle.loads(Path(upstream['split']['X_train']).read_bytes())`
in `tasks/fit.py` therefore reads back a file the pipeline wrote itself, as a notebook reads back
what it dumped a few cells earlier.

Only when all of it holds: the script binds `upstream` once, to a list of constant task names;
a `pipeline*.yaml` in its folder or up to three folders above lists it as a task's `source`; the
name the load reads is one of the declared upstream tasks, a task of the same file (its `name`, or
its source's file name without the suffix), other than the script itself; and the key read is one
of that task's declared products, a path in the project (not a URL, not a folder every user of the
machine writes). Anything else keeps the load's severity.
"""

from __future__ import annotations

import ast
import os
import posixpath
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from hooks.code.bindings import writes_namespace
from hooks.code.command_origin import name_of
from hooks.code.definition_files import load_documents, read_head
from hooks.code.serialisers import opened_to_read

_LEVELS = 4  # the script's folder and three above: where Ploomber looks for its pipeline.yaml
_MAX_DEFINITION_BYTES = 512 * 1024
_MAX_DEFINITIONS = 16  # pipeline*.yaml files read per folder
_SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")  # noqa: S108 - the folders looked for
# Products per upstream task the script may read: None for a task whose product is one path.
Products = dict[str, "frozenset[str] | None"]


def fed_products(module: ast.Module, script: Path | None) -> Products:
    """The upstream tasks (and their product keys) a Ploomber pipeline feeds this script."""
    if script is None:
        return {}
    declared = _declared_upstream(module)
    if not declared:
        return {}
    found: Products = {}
    for definition in _definitions(script):
        tasks = _tasks(definition)
        if not any(_source_is(task, definition, script) for task in tasks):
            continue
        by_name = {_task_name(task): task for task in tasks}
        for name in declared:
            task = by_name.get(name)
            if task is None or _source_is(task, definition, script):
                continue
            files, keys = _products(task.get("product"))
            product = task.get("product")
            if files and isinstance(product, (str, dict)) and _injected_agrees(module, name, product):
                found[name] = keys
    return found


def reads_upstream_product(call: ast.Call, module: ast.Module, fed: Products) -> bool:
    """Whether the load's data comes from `upstream['task']['key']` (or `upstream['task']` for a
    task with one product) of a task and key the pipeline feeds: directly, through `Path(...)`,
    `open(...)`, `.read_bytes()`, or a handle `with open(upstream[...], "rb") as f` binds once."""
    if not fed or not call.args:
        return False
    target = _unwrapped(call.args[0])
    if isinstance(target, ast.Name):
        opened = _single_handle(module, target.id)
        if opened is None:
            return False
        target = opened
    return _fed_subscript(target, fed)


def _unwrapped(node: ast.AST) -> ast.AST:
    for _ in range(8):
        func = node.func if isinstance(node, ast.Call) else None
        reader = isinstance(func, ast.Attribute) and func.attr in ("read_bytes", "open")
        if (
            isinstance(node, ast.Call)
            and isinstance(func, ast.Attribute)
            and reader
            and not node.args
            and not node.keywords
        ):
            node = func.value  # Path(p).read_bytes(), Path(p).open(): read
            continue
        wraps = isinstance(node, ast.Call) and name_of(node.func) in ("Path", "PurePath", "PosixPath", "str", "fspath")
        if wraps and isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
            node = node.args[0]
            continue
        if isinstance(node, ast.Call) and name_of(node.func) == "open" and node.args and opened_to_read(node):
            node = node.args[0]
            continue
        return node
    return node


def _single_handle(module: ast.Module, name: str) -> ast.AST | None:
    """What `name` is opened on, when the module binds it once, to `open(<path>)` for reading
    (`with open(upstream["a"]["b"], "rb") as f`, `f = open(...)`)."""
    bindings = [
        node
        for node in ast.walk(module)
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del))
    ]
    if len(bindings) != 1:
        return None
    for node in ast.walk(module):
        pairs: list[tuple[ast.AST, ast.AST]] = []
        if isinstance(node, ast.withitem) and node.optional_vars is not None:
            pairs = [(node.optional_vars, node.context_expr)]
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            pairs = [(node.targets[0], node.value)]
        for target, value in pairs:
            if target is bindings[0]:
                if (
                    isinstance(value, ast.Call)
                    and name_of(value.func) == "open"
                    and value.args
                    and opened_to_read(value)
                ):
                    return _unwrapped(value.args[0])
                return None
    return None


def _fed_subscript(node: ast.AST, fed: Products) -> bool:
    if not isinstance(node, ast.Subscript):
        return False
    inner = node.value
    if isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name) and inner.value.id == "upstream":
        task, key = _constant(inner.slice), _constant(node.slice)
        keys = fed.get(task) if task is not None else None
        return task in fed and keys is not None and key in keys
    if isinstance(inner, ast.Name) and inner.id == "upstream":
        task = _constant(node.slice)
        return task is not None and task in fed and fed[task] is None
    return False


def _constant(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _declared_upstream(module: ast.Module) -> list[str]:
    """The task names of the module's one binding `upstream = ['a', 'b']`; none when `upstream` is
    bound any other way too, or the module writes its own namespace."""
    value: ast.AST | None = None
    for statement in module.body:
        if (
            isinstance(statement, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == "upstream" for target in statement.targets)
            and not isinstance(statement.value, ast.Dict)
        ):
            value = statement.value if len(statement.targets) == 1 else None
    if not isinstance(value, (ast.List, ast.Tuple)):
        return []  # most modules: no parameters cell of a Ploomber task, and no walk of the tree
    bindings = -len(_injected_cells(module, declared_value=value))
    for node in ast.walk(module):
        if isinstance(node, ast.Name) and node.id == "upstream" and isinstance(node.ctx, (ast.Store, ast.Del)):
            bindings += 1
        elif (
            (isinstance(node, (ast.Global, ast.Nonlocal)) and "upstream" in node.names)
            or (isinstance(node, ast.arg) and node.arg == "upstream")
            or writes_namespace(node)
        ):
            return []  # bound where the parameters cell does not show, or the namespace written
    if bindings != 1:
        return []
    names = [_constant(element) for element in value.elts]
    return [name for name in names if name is not None and "*" not in name]


def _injected_cells(module: ast.Module, declared_value: ast.AST) -> list[ast.Dict]:
    """The cells Ploomber's editor plug-in injected and the script kept (`upstream = {"split":
    {"X": "/home/me/output/split-X.pkl"}}` after the parameters cell): top-level dicts of constant
    paths for declared tasks only. Ploomber injects them again from pipeline.yaml when it runs the
    task; they are checked against it (injected_agrees)."""
    declared = {name for element in getattr(declared_value, "elts", []) if (name := _constant(element)) is not None}
    found: list[ast.Dict] = []
    for statement in module.body:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == "upstream"
        ):
            continue
        value = statement.value
        if isinstance(value, ast.Dict) and _injected_shape(value, declared):
            found.append(value)
    return found


def _injected_shape(value: ast.Dict, declared: set[str]) -> bool:
    for key, inner in zip(value.keys, value.values, strict=True):
        task = _constant(key) if key is not None else None
        if task not in declared:
            return False
        if isinstance(inner, ast.Dict):
            if not all(
                k is not None and _constant(k) is not None and _constant(v)
                for k, v in zip(inner.keys, inner.values, strict=True)
            ):
                return False
        elif _constant(inner) is None:
            return False
    return True


def _injected_agrees(module: ast.Module, task: str, products: dict[str, str] | str) -> bool:
    """Whether every injected path of the task names the file its product does (the same file name,
    outside the folders every user writes): a kept cell that points elsewhere is not Ploomber's."""
    declared = next(
        (
            s.value
            for s in module.body
            if isinstance(s, ast.Assign)
            and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name)
            and s.targets[0].id == "upstream"
            and not isinstance(s.value, ast.Dict)
        ),
        None,
    )
    if declared is None:
        return False
    for cell in _injected_cells(module, declared):
        for key, inner in zip(cell.keys, cell.values, strict=True):
            if key is None or _constant(key) != task:
                continue
            pairs = (
                [
                    (_constant(k) if k is not None else None, _constant(v))
                    for k, v in zip(inner.keys, inner.values, strict=True)
                ]
                if isinstance(inner, ast.Dict)
                else [(None, _constant(inner))]
            )
            for product_key, path in pairs:
                expected = products if isinstance(products, str) else products.get(product_key or "")
                if path is None or expected is None or not _project_path(path):
                    return False
                if PurePosixPath(path).name != PurePosixPath(expected).name:
                    return False
    return True


def _definitions(script: Path) -> Iterator[Path]:
    folder = script.parent
    for _ in range(_LEVELS):
        try:
            with os.scandir(folder) as listing:
                names = sorted(
                    entry.name
                    for entry in listing
                    if entry.name.startswith("pipeline")
                    and entry.name.endswith((".yaml", ".yml"))
                    and entry.is_file(follow_symlinks=False)
                )
        except OSError:
            names = []
        for name in names[:_MAX_DEFINITIONS]:
            yield folder / name
        if (folder / ".git").exists() or folder.parent == folder:
            return
        folder = folder.parent


def _tasks(definition: Path) -> list[dict[str, object]]:
    text = read_head(definition, _MAX_DEFINITION_BYTES + 1)
    if text is None or len(text) > _MAX_DEFINITION_BYTES:
        return []
    documents = load_documents(text)
    if not documents or not isinstance(documents[0], dict):
        return []
    tasks = documents[0].get("tasks")
    if not isinstance(tasks, list):
        return []
    return [task for task in tasks if isinstance(task, dict) and isinstance(task.get("source"), str)]


def _source_is(task: dict[str, object], definition: Path, script: Path) -> bool:
    source = task.get("source")
    if not isinstance(source, str) or "://" in source or "{{" in source:
        return False
    listed = posixpath.normpath(posixpath.join(definition.parent.absolute().as_posix(), source))
    return listed == posixpath.normpath(script.absolute().as_posix())


def _task_name(task: dict[str, object]) -> str:
    name = task.get("name")
    if isinstance(name, str):
        return name
    return PurePosixPath(str(task.get("source"))).stem


def _products(product: object) -> tuple[bool, frozenset[str] | None]:
    """Whether a task's products are files of the project, and their keys (None for one path)."""
    if isinstance(product, str):
        return _project_path(product), None
    if isinstance(product, dict) and product:
        if not all(isinstance(key, str) and isinstance(value, str) for key, value in product.items()):
            return False, None
        return True, frozenset(key for key, value in product.items() if _project_path(value))
    return False, None


def _project_path(value: str) -> bool:
    return "://" not in value and not value.startswith(_SHARED_FOLDERS)
