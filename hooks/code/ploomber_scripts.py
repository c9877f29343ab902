"""What a Ploomber task script reads through `upstream` and writes through `product`, read from its
syntax tree and text alone (ploomber_tasks.py decides what the pipeline wires into them).

Ploomber runs a script task as a notebook: jupytext turns the `.py` file into cells, and Ploomber
adds a cell after the one tagged `parameters` that rebinds `upstream` and `product` to the paths
of the pipeline definition. Two things can make the notebook run differ from the script's own
syntax tree, and both make a script unreadable here (`runs_more_as_notebook`):

- comments jupytext turns back into code: magics (`# %store -r upstream`, `# %%bash`), shell lines
  (`# !cp ...`, `# x = !ls`), IPython's alias commands (`# cp a b`, `# mv`, `# rm`), and cells
  marked to run only in the notebook (`# %% active="ipynb"`, the `active-ipynb` tag), whose
  commented lines become code;
- anything that rebinds the names by their text (`globals()`, `exec`, a star import, `builtins`).

A read (`upstream_item`) is `upstream[task]` or `upstream[task][key]` given straight to a reader
(a function named `load*` or `read*`: `pickle.load`, `joblib.load`, `pd.read_pickle`), through
`pathlib.Path(...)`, `str(...)`, a read-mode `open(...)`, `.read_bytes()` or a `with` handle. The
script binds `upstream` once, at its top level, to a list or tuple of names or None (the
parameters cell), and every other use of it is such a read: a script that writes, downloads,
copies or hands the path on (`urlretrieve(url, upstream[...])`, `open(..., "wb")`) reads nothing
the pipeline vouches for.

A write (`serialised_products`) is a serialiser's output to `product[key]` (or `product`):
`Path(product[k]).write_bytes(pickle.dumps(x))`, `pickle.dump(x, open(product[k], "wb"))` or a
`with` handle of it, `joblib.dump(x, product[k])`, `torch.save(x, product[k])`,
`df.to_pickle(product[k])`. `fetches` says whether the script downloads, copies, moves or runs
anything (then what it writes may be someone else's bytes).
"""

from __future__ import annotations

import ast
import re

from hooks.code.bindings import names_bound_by
from hooks.code.dotted_names import dotted_name

UPSTREAM = "upstream"
PRODUCT = "product"

# Comments jupytext turns into code when it makes a notebook of the script.
_CELL_MARKER = re.compile(r"^[ \t]*#[ \t]*(?:%%|\+)(?=[ \t]|$)(?P<rest>.*)$", re.MULTILINE)
_COMMENTED_CODE = re.compile(
    r"^[ \t]*#[ \t]*(?:%%\S|%[^%]|!|[A-Za-z_]\w*[ \t]*=[ \t]*[!%]"
    r"|(?:cat|cd|cp|env|ldir|less|lf|lk|ll|ls|lx|man|mkdir|more|mv|pip|conda|pwd|rm|rmdir|set_env|store|sx|system)"
    r"(?:[ \t]|$))",
    re.MULTILINE,
)
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
        "builtins",
        "__builtins__",
    }
)
_SERIALISERS = frozenset(
    {
        "pickle.dump",
        "cloudpickle.dump",
        "dill.dump",
        "joblib.dump",
        "torch.save",
    }
)
_DUMPS = frozenset({"pickle.dumps", "cloudpickle.dumps", "dill.dumps"})
# What downloads, copies, moves or runs something: a script doing any of it may write other bytes.
_FETCHING_MODULES = frozenset(
    {
        "requests",
        "httpx",
        "urllib",
        "urllib3",
        "aiohttp",
        "wget",
        "gdown",
        "huggingface_hub",
        "boto3",
        "botocore",
        "fsspec",
        "s3fs",
        "gcsfs",
        "smart_open",
        "subprocess",
        "shutil",
        "kaggle",
        "pooch",
        "paramiko",
        "ftplib",
        "google",
        "azure",
        "mlflow",
        "wandb",
        "dvc",
        "datasets",
    }
)
_FETCHING_CALLS = frozenset(
    {
        "os.system",
        "os.popen",
        "os.rename",
        "os.replace",
        "os.link",
        "os.symlink",
        "os.spawnl",
        "os.execv",
        "os.execvp",
    }
)
_FETCHING_NAMES = re.compile(r"(?:download|fetch_|urlretrieve|urlopen|rename|replace|symlink_to|hardlink_to|copy)\w*")


def runs_more_as_notebook(text: str) -> bool:
    """Whether jupytext would run more than the script's syntax tree shows (see the module doc)."""
    if _COMMENTED_CODE.search(text):
        return True
    return any("active" in marker.group("rest") for marker in _CELL_MARKER.finditer(text))


class TaskScript:
    """One task script's syntax tree, and the facts about `upstream` and `product` it holds."""

    def __init__(self, module: ast.Module) -> None:
        self.module = module
        self._parents: dict[int, ast.AST] = {}
        self._bindings: dict[str, list[ast.AST]] = {}
        self.dynamic = False
        for node in ast.walk(module):
            for child in ast.iter_child_nodes(node):
                self._parents[id(child)] = node
            for name in names_bound_by(node, deletions=True):
                self._bindings.setdefault(name, []).append(node)
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                self.dynamic = True
            elif (isinstance(node, ast.Name) and node.id in _DYNAMIC) or (
                isinstance(node, ast.Attribute) and node.attr in _DYNAMIC | {UPSTREAM, PRODUCT}
            ):
                self.dynamic = True  # `sys.modules[__name__].upstream = ...`, `builtins.open = ...`
        self._imports = _imports(module)
        self._upstream_read_only: bool | None = None

    # --- reads --------------------------------------------------------------------------------
    def upstream_item(self, target: ast.expr) -> tuple[str, str | None] | None:
        """(task, key) when a load's path argument `target` reads `upstream[task][key]` (or
        `upstream[task]`) and the script leaves `upstream` to Ploomber; None otherwise."""
        expression = self._path_of(target)
        item = _item(expression, UPSTREAM) if expression is not None else None
        if item is None or self.dynamic:
            return None
        if self._upstream_read_only is None:
            self._upstream_read_only = self._declared_names(UPSTREAM) and self._only_read(UPSTREAM)
        return item if self._upstream_read_only else None

    def _declared_names(self, name: str) -> bool:
        """Bound once, at the top level, to a list or tuple of names or None."""
        bindings = self._bindings.get(name, [])
        if len(bindings) != 1:
            return False
        declared = next(
            (s for s in self.module.body if isinstance(s, ast.Assign) and s.targets == [bindings[0]]),
            None,
        )
        if declared is None:
            return False
        value = declared.value
        if isinstance(value, ast.Constant):
            return value.value is None
        return isinstance(value, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
        )

    def _only_read(self, name: str) -> bool:
        """Every use of `name` but its binding is an item of an item given to a reader."""
        binding = self._bindings[name][0]
        for node in ast.walk(self.module):
            if not (isinstance(node, ast.Name) and node.id == name) or node is binding:
                continue
            item = self._item_above(node)
            if item is None or not self._read_by_a_reader(item):
                return False
        return True

    def _item_above(self, name: ast.Name) -> ast.Subscript | None:
        """`upstream[a]` or `upstream[a][b]` around the name, read and with constant keys."""
        current: ast.AST = name
        depth = 0
        while isinstance(parent := self._parents.get(id(current)), ast.Subscript) and parent.value is current:
            index = parent.slice
            if not (isinstance(index, ast.Constant) and isinstance(index.value, str)):
                return None
            if not isinstance(parent.ctx, ast.Load):
                return None
            current = parent
            depth += 1
        return current if isinstance(current, ast.Subscript) and 1 <= depth <= 2 else None

    def _read_by_a_reader(self, node: ast.AST) -> bool:
        """Whether the path `node` reaches, through path wrappers and read-mode opens only, a
        function named `load*`/`read*` as its first argument, or a `with` handle."""
        current = node
        for _ in range(8):
            parent = self._parents.get(id(current))
            if isinstance(parent, ast.Call) and parent.args and parent.args[0] is current:
                callee = dotted_name(parent.func).rsplit(".", 1)[-1]
                if self._wraps_path(parent) or (self._is_open(parent) and _read_mode(parent)):
                    current = parent
                    continue
                return callee.startswith(("load", "read"))
            if isinstance(parent, ast.Attribute) and parent.value is current:
                call = self._parents.get(id(parent))
                if not (isinstance(call, ast.Call) and call.func is parent):
                    return False
                if parent.attr in ("read_bytes", "read_text") and not call.args:
                    current = call
                    continue
                if parent.attr == "open" and _read_mode(call, first=0):
                    current = call
                    continue
                return False
            if isinstance(parent, ast.withitem) and parent.context_expr is current:
                return current is not node  # `with open(upstream[...]) as f`, not the path itself
            return False
        return False

    def _path_of(self, target: ast.expr) -> ast.expr | None:
        """The path a load's argument stands for, unwrapping what `_read_by_a_reader` allows."""
        for _ in range(8):
            if isinstance(target, ast.Name):
                opening = self._handle_source(target)
                if opening is None:
                    return None
                target = opening
                continue
            if not isinstance(target, ast.Call):
                return target
            func = target.func
            if isinstance(func, ast.Attribute) and func.attr in ("read_bytes", "read_text", "open"):
                target = func.value
            elif (self._wraps_path(target) or self._is_open(target)) and target.args:
                target = target.args[0]
            else:
                return None
        return None

    def _handle_source(self, handle: ast.Name) -> ast.expr | None:
        """The opening call of `with <call> as handle:` whose body reads `handle`, when nothing in
        that body binds the name again."""
        innermost: ast.With | ast.AsyncWith | None = None
        for node in ast.walk(self.module):  # outer statements before inner ones
            if (
                isinstance(node, (ast.With, ast.AsyncWith))
                and any(isinstance(i.optional_vars, ast.Name) and i.optional_vars.id == handle.id for i in node.items)
                and any(handle is n for statement in node.body for n in ast.walk(statement))
            ):
                innermost = node
        if innermost is None:
            return None
        for statement in innermost.body:
            if any(handle.id in names_bound_by(n, deletions=True) for n in ast.walk(statement)):
                return None
        opening = next(
            i.context_expr
            for i in innermost.items
            if isinstance(i.optional_vars, ast.Name) and i.optional_vars.id == handle.id
        )
        return opening if isinstance(opening, ast.Call) else None

    # --- names --------------------------------------------------------------------------------
    def _wraps_path(self, call: ast.Call) -> bool:
        """`Path(p)` of pathlib, `pathlib.Path(p)`, or the builtin `str(p)`."""
        if len(call.args) != 1 or call.keywords:
            return False
        name = dotted_name(call.func)
        if name == "str":
            return "str" not in self._bindings
        if name == "Path":
            return self._imports.get("Path") == "pathlib.Path" and len(self._bindings.get("Path", [])) == 1
        if name.count(".") == 1 and name.endswith(".Path"):
            module = name.split(".", 1)[0]
            return self._imports.get(module) == "pathlib" and len(self._bindings.get(module, [])) == 1
        return False

    def _is_open(self, call: ast.Call) -> bool:
        return isinstance(call.func, ast.Name) and call.func.id == "open" and "open" not in self._bindings

    def qualified(self, call: ast.Call) -> str:
        name = dotted_name(call.func)
        head, _, rest = name.partition(".")
        full = self._imports.get(head)
        return (full + ("." + rest if rest else "")) if full else name

    # --- writes -------------------------------------------------------------------------------
    def serialised_products(self) -> set[tuple[str, ...]]:
        """The `product` items (`(key,)`, or `()` for `product` itself) a serialiser writes."""
        if self.dynamic or not self._declared_product():
            return set()
        written: set[tuple[str, ...]] = set()
        for node in ast.walk(self.module):
            if not isinstance(node, ast.Call):
                continue
            name = self.qualified(node)
            if name in _SERIALISERS:
                destination = node.args[1] if len(node.args) > 1 else None
                item = self._written_item(destination)
            elif isinstance(node.func, ast.Attribute) and node.func.attr == "to_pickle" and node.args:
                item = self._product_item(node.args[0])
            elif (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "write_bytes"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Call)
                and self.qualified(node.args[0]) in _DUMPS
                and isinstance(node.func.value, ast.Call)
                and self._wraps_path(node.func.value)
            ):
                item = self._product_item(node.func.value.args[0])
            else:
                item = None
            if item is not None:
                written.add(item)
        return written

    def _declared_product(self) -> bool:
        bindings = self._bindings.get(PRODUCT, [])
        if not bindings:
            return False
        # The parameters cell's `product = None`; jupytext's injected cell may be committed too,
        # a dict of paths; nothing else may bind it.
        for binding in bindings:
            statement = next(
                (s for s in self.module.body if isinstance(s, ast.Assign) and s.targets == [binding]), None
            )
            if statement is None or not isinstance(statement.value, (ast.Constant, ast.Dict)):
                return False
        return True

    def _written_item(self, destination: ast.expr | None) -> tuple[str, ...] | None:
        """The product item a serialiser's destination names: the path, `open(path, "wb")`, or a
        `with open(path, "wb") as f` handle."""
        if destination is None:
            return None
        if isinstance(destination, ast.Name):
            opening = self._handle_source(destination)
            if opening is None:
                return None
            destination = opening
        if isinstance(destination, ast.Call) and self._is_open(destination) and destination.args:
            destination = destination.args[0]
        return self._product_item(destination)

    def _product_item(self, node: ast.expr) -> tuple[str, ...] | None:
        if isinstance(node, ast.Call) and self._wraps_path(node):
            node = node.args[0]
        if isinstance(node, ast.Name) and node.id == PRODUCT:
            return ()
        found = _item(node, PRODUCT)
        if found is None or found[1] is not None:
            return None
        return (found[0],)

    def fetches(self) -> bool:
        """Whether the script downloads, copies, moves or runs anything (a fetching module
        imported, or a call of one)."""
        if any(full.split(".", 1)[0] in _FETCHING_MODULES for full in self._imports.values()):
            return True
        for node in ast.walk(self.module):
            if isinstance(node, ast.Call):
                name = self.qualified(node)
                if name in _FETCHING_CALLS or _FETCHING_NAMES.fullmatch(name.rsplit(".", 1)[-1]):
                    return True
        return False


def _item(node: ast.AST, name: str) -> tuple[str, str | None] | None:
    keys: list[str] = []
    while isinstance(node, ast.Subscript):
        index = node.slice
        if not (isinstance(index, ast.Constant) and isinstance(index.value, str)):
            return None
        keys.insert(0, index.value)
        node = node.value
    if not (isinstance(node, ast.Name) and node.id == name) or not 1 <= len(keys) <= 2:
        return None
    return keys[0], keys[1] if len(keys) == 2 else None


def _read_mode(call: ast.Call, first: int = 1) -> bool:
    """`open(p)`, `open(p, "rb")`, `path.open("r")`: a mode written out that neither writes,
    appends nor creates."""
    mode = (
        call.args[first] if len(call.args) > first else next((k.value for k in call.keywords if k.arg == "mode"), None)
    )
    if mode is None:
        return True
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and not set(mode.value) & set("wax+")


def _imports(module: ast.Module) -> dict[str, str]:
    """Local name -> what it imports (`np` -> "numpy", `Path` -> "pathlib.Path")."""
    found: dict[str, str] = {}
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.asname or alias.name.split(".", 1)[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found
