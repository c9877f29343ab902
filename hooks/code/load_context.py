"""Which files a notebook or script wrote itself, so that loading them again is not a blocker.

`joblib.dump(model, "model.pkl")` a few cells before `joblib.load("model.pkl")` reloads the
notebook's own object: whoever could swap that file could already change the notebook. Loads of
a constant path (or, in a notebook, the same variable) that the same file serialised earlier are
reported low; loads of downloaded files, parameters, environment values and request data are not
writes of this file and stay high.

Paths are compared as keys: `c:<text>` for a constant string (literals, names bound to one,
`os.path.join`/`Path`/f-strings of constants), `n:<expression>` for a path a notebook builds of
its variables, attributes and constants (`folder + "/m.pkl"`; a notebook's variables are its
author's own; a script's may be parameters, so only constants count there).
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Callable

# Serialisers: the call's attribute name -> positions of the path among positional arguments.
# Only serialisers count as writes: `open(p, "wb").write(requests.get(url).content)` writes a
# download, which must stay high when loaded.
_WRITERS: dict[str, tuple[int, ...]] = {
    "dump": (1,),  # pickle/joblib/cloudpickle/dill.dump(obj, target)
    "save": (0, 1),  # torch.save(obj, f), np.save(file, arr), model.save(path)
    "savez": (0,),
    "savez_compressed": (0,),
    "to_pickle": (0,),
    "save_local": (0,),  # LangChain vector stores
    "save_pretrained": (0,),
    "save_model": (1, 0),  # mlflow.<flavor>.save_model(model, path), keras save_model(model, path)
    "write_index": (1,),  # faiss.write_index(index, path)
}
_PATH_KEYWORDS = frozenset({"f", "file", "filename", "fname", "path", "filepath", "folder_path", "path_or_buf", "dst"})
_OPENERS = frozenset({"open", "builtins.open", "io.open", "gzip.open", "bz2.open", "lzma.open"})
QualName = Callable[[ast.AST], "str | None"]


def _text(node: ast.AST, constants: dict[str, str]) -> str | None:
    """The constant string an expression evaluates to, when it is built only of constants."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                inner = _text(value.value, constants)
                if inner is None or value.format_spec is not None:
                    return None
                parts.append(inner)
            else:
                text = _text(value, constants)
                if text is None:
                    return None
                parts.append(text)
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
        left, right = _text(node.left, constants), _text(node.right, constants)
        if left is None or right is None:
            return None
        return posixpath.join(left, right) if isinstance(node.op, ast.Div) else left + right
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("join", "Path", "PurePath", "PosixPath", "str", "abspath", "expanduser", "normpath"):
            texts = [_text(arg, constants) for arg in node.args]
            if any(t is None for t in texts):
                return None
            return posixpath.join(*(t for t in texts if t is not None))
    return None


def _path_of_names(node: ast.AST, depth: int = 0) -> bool:
    """A path a notebook builds from its own variables and constants (`folder`, `cfg.out`,
    `folder + "/m.pkl"`, `f"{folder}/m.pkl"`, `os.path.join(folder, "m.pkl")`): the same text twice
    is the same file."""
    if depth > 20:
        return False
    if isinstance(node, (ast.Name, ast.Attribute)):
        return isinstance(node, ast.Name) or _path_of_names(node.value, depth + 1)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
        return _path_of_names(node.left, depth + 1) and _path_of_names(node.right, depth + 1)
    if isinstance(node, ast.JoinedStr):
        return all(
            _path_of_names(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1)
            and not (isinstance(v, ast.FormattedValue) and v.format_spec is not None)
            for v in node.values
        )
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in ("join", "Path") and all(_path_of_names(arg, depth + 1) for arg in node.args)
    return False


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).removeprefix("./")


class LoadContext:
    """What the file has written so far; the visitor asks it about each load."""

    def __init__(self, notebook: bool) -> None:
        self.notebook = notebook
        self.constants: dict[str, str] = {}
        self.handles: dict[str, str] = {}  # variable -> key of the file `open()` gave it
        self.written: set[str] = set()
        self.mlflow_logged = False

    # --- keys --------------------------------------------------------------------------------
    def constant_text(self, node: ast.AST) -> str | None:
        """The text an expression evaluates to when it is built of constants only."""
        return _text(node, self.constants)

    def key(self, node: ast.AST | None) -> str | None:
        if node is None:
            return None
        text = _text(node, self.constants)
        if text is not None and text.strip():
            return "c:" + _normal(text)
        if self.notebook and _path_of_names(node):
            try:
                return "n:" + ast.unparse(node)
            except (ValueError, RecursionError):
                return None
        return None

    def remember_assignment(self, target: ast.AST, value: ast.AST) -> None:
        if not isinstance(target, ast.Name):
            return
        text = _text(value, self.constants)
        if text is not None:
            self.constants[target.id] = text
        else:
            self.constants.pop(target.id, None)
        handle = self._opened(value)
        if handle is not None:
            self.handles[target.id] = handle
        else:
            self.handles.pop(target.id, None)

    def _opened(self, value: ast.AST, qualname: QualName | None = None) -> str | None:
        if not isinstance(value, ast.Call) or not value.args:
            return None
        func = value.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in ("open",):
            return None
        return self.key(value.args[0])

    # --- writes --------------------------------------------------------------------------------
    def record_call(self, call: ast.Call, qualname: str) -> None:
        """Note the file a serialiser call writes."""
        func = call.func
        attribute = func.attr if isinstance(func, ast.Attribute) else qualname.rsplit(".", 1)[-1]
        if attribute == "log_model" or (attribute == "save_model" and qualname.startswith("mlflow.")):
            self.mlflow_logged = True
        positions = _WRITERS.get(attribute)
        if positions is None:
            return
        candidates: list[ast.AST] = [call.args[i] for i in positions if i < len(call.args)]
        candidates += [k.value for k in call.keywords if k.arg in _PATH_KEYWORDS]
        for candidate in candidates:
            if isinstance(candidate, ast.Name) and candidate.id in self.handles:
                self.written.add(self.handles[candidate.id])
                continue
            opened = self._opened(candidate)
            key = opened if opened is not None else self.key(candidate)
            if key is not None:
                self.written.add(key)

    # --- loads ---------------------------------------------------------------------------------
    def loads_own_file(self, call: ast.Call, qualname: str) -> bool:
        """Whether this load reads a file this notebook or script serialised earlier."""
        if qualname.startswith("mlflow.") and qualname.endswith("load_model"):
            uri = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "model_uri"), None)
            text = _uri_prefix(uri)
            if self.mlflow_logged and text is not None and text.startswith("runs:/"):
                return True
        target = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in _PATH_KEYWORDS), None)
        if target is None:
            return False
        if isinstance(target, ast.Name) and target.id in self.handles:
            return self.handles[target.id] in self.written
        opened = self._opened(target)
        key = opened if opened is not None else self.key(target)
        return key is not None and key in self.written


def _uri_prefix(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def prescan_writes(module: ast.Module, context: LoadContext, qualname: QualName) -> None:
    """For a script: every constant path it serialises anywhere (functions run in any order)."""
    for statement in module.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                context.remember_assignment(target, statement.value)
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            context.record_call(node, qualname(node.func) or "")
        elif isinstance(node, ast.With):
            for item in node.items:
                if item.optional_vars is not None:
                    context.remember_assignment(item.optional_vars, item.context_expr)
