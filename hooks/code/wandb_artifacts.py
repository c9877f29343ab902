"""Loads of a Weights & Biases artifact the same notebook or script logged.

A W&B pipeline notebook writes a file, logs it as an artifact, and a later step downloads that
artifact by name and loads the file:

    raw = wandb.Artifact("mnist-raw", type="dataset")
    with raw.new_file("training.pt", mode="wb") as file:
        torch.save(data, file)
    run.log_artifact(raw)
    ...
    folder = run.use_artifact("mnist-raw:latest").download()
    data = torch.load(os.path.join(folder, "training.pt"))

The name `mnist-raw` resolves in the run's own project, where the code itself logged it: the
bytes loaded are the code's own, as for a file it wrote (load_context.py) or an MLflow run it
started (mlflow_store.py). That holds only when:

- the name asked for is a bare artifact name (`name` or `name:alias`, no `entity/project/` in
  front: that may be anyone's) spelled as a constant;
- the code creates an artifact of that very name (`wandb.Artifact("mnist-raw", ...)`, the name a
  constant) and hands that object to `log_artifact`;
- every `wandb.init` in the code names the same project and entity (the same constant or the same
  name), so the step that uses the artifact runs in the project the step that logged it wrote to;
- the loaded path is the download folder itself or built on it (`os.path.join(folder, ...)`,
  `f"{folder}/..."`, `folder + "/..."`, `Path(folder) / ...`), or one entry's download
  (`artifact.get_entry("x").download()`, `get_path`), each name on the way bound once, to that.

Anything else (a registry path, a name from a variable, an artifact the code does not log, a
second project) keeps the load's severity. Nothing is imported or run.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from hooks.code.command_origin import DEFINED, CommandOrigins, Function

QualName = Callable[[ast.AST], "str | None"]
ConstantText = Callable[[ast.AST], "str | None"]

_ARTIFACT_CLASSES = frozenset({"wandb.Artifact", "wandb.sdk.Artifact", "wandb.sdk.artifacts.artifact.Artifact"})
_ENTRY_GETTERS = frozenset({"get_entry", "get_path"})
_MAX_DEPTH = 8


class OwnArtifacts:
    """What one module logs to W&B and where it runs, read once from its whole tree."""

    def __init__(self, module: ast.Module, qualname: QualName, constant_text: ConstantText, origins: CommandOrigins):
        self._qualname = qualname
        self._text = constant_text
        self._origins = origins
        self.logged = self._logged_names(module) if self._one_project(module) else frozenset()

    def reads_own_artifact(self, target: ast.AST | None, function: Function | None) -> bool:
        """Whether `target`, a load's path in `function`, is a file of an artifact this code logged."""
        if target is None or not self.logged:
            return False
        return self._own_download(target, function, 0)

    # --- what the module logs ------------------------------------------------------------------
    def _one_project(self, module: ast.Module) -> bool:
        """Every `wandb.init` names the same project and entity (constants or the same names)."""
        seen: set[tuple[str, str]] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and self._qualname(node.func) == "wandb.init":
                if any(keyword.arg is None for keyword in node.keywords):
                    return False  # wandb.init(**settings): any project
                seen.add((self._spelled(node, "project"), self._spelled(node, "entity")))
        return len(seen) <= 1

    def _spelled(self, call: ast.Call, keyword: str) -> str:
        for given in call.keywords:
            if given.arg == keyword:
                text = self._text(given.value)
                if text is not None:
                    return "c:" + text
                if isinstance(given.value, ast.Name):
                    return "n:" + given.value.id
                return "?:" + str(id(given))  # anything else: unlike every other spelling
        return ""

    def _logged_names(self, module: ast.Module) -> frozenset[str]:
        """Names of `wandb.Artifact(...)` objects, held by a name, that the code hands to
        `log_artifact` under that name."""
        created: dict[str, set[str]] = {}
        handed: set[str] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name = self._artifact_name(node.value)
                if name is not None:
                    created.setdefault(node.targets[0].id, set()).add(name)
            elif (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "log_artifact"
            ):
                given = node.args[0] if node.args else _keyword(node, "artifact_or_path")
                if isinstance(given, ast.Name):
                    handed.add(given.id)
        return frozenset(name for holder in handed for name in created.get(holder, ()))

    def _artifact_name(self, value: ast.AST) -> str | None:
        if not (isinstance(value, ast.Call) and self._qualname(value.func) in _ARTIFACT_CLASSES):
            return None
        given = value.args[0] if value.args else _keyword(value, "name")
        text = self._text(given) if given is not None else None
        return text if text and _bare_name(text) else None

    # --- what a load reads ---------------------------------------------------------------------
    def _own_download(self, node: ast.AST, function: Function | None, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            value = self._single_value(node.id, function)
            return value is not None and self._own_download(value, function, depth + 1)
        if isinstance(node, ast.JoinedStr):  # f"{folder}/x.pt": the folder is its first part
            first = node.values[0] if node.values else None
            return isinstance(first, ast.FormattedValue) and self._own_download(first.value, function, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):  # folder + "/x", Path(f) / "x"
            return self._own_download(node.left, function, depth + 1)
        if not isinstance(node, ast.Call):
            return False
        called = self._qualname(node.func) or ""
        if called in ("os.path.join", "posixpath.join", "pathlib.Path", "Path") and node.args:
            return self._own_download(node.args[0], function, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("download", "file"):
            return self._own_artifact(node.func.value, function, depth + 1)
        return False

    def _own_artifact(self, node: ast.AST, function: Function | None, depth: int) -> bool:
        """`run.use_artifact("name:alias")` (or an entry of it), held by a name bound once."""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            value = self._single_value(node.id, function)
            return value is not None and self._own_artifact(value, function, depth + 1)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return False
        if node.func.attr in _ENTRY_GETTERS:
            return self._own_artifact(node.func.value, function, depth + 1)
        if node.func.attr != "use_artifact":
            return False
        asked = node.args[0] if node.args else _keyword(node, "artifact_or_name")
        text = self._text(asked) if asked is not None else None
        return text is not None and _bare_name(text) and text.split(":", 1)[0] in self.logged

    def _single_value(self, name: str, function: Function | None) -> ast.AST | None:
        """The one value `name` holds where `function` reads it: bound once, by an assignment."""
        found = self._origins.bound_values(name, function)
        if found is None or len(found[0]) != 1 or found[0][0] is DEFINED:
            return None
        return found[0][0]


def _bare_name(text: str) -> bool:
    """`mnist-raw` or `mnist-raw:latest`: no entity or project in front, nothing odd in it."""
    name = text.split(":", 1)[0]
    return bool(name) and "/" not in text and not any(c.isspace() for c in text)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)
