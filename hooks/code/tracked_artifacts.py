"""What a notebook or script logs to an experiment tracker or pushes to the Hub, and reads back.

Tracking code stores its own outputs remotely and fetches them again a few cells later: the load
then reads bytes the same code produced, like a file it wrote itself (load_context.py), and is
reported low. Three shapes, each matched by the exact name the code gives on both sides:

- W&B: `art = wandb.Artifact("convnet", type="model")` handed to `log_artifact`/`link_artifact`,
  then a load of a path under `run.use_artifact("convnet:latest").download()` (or an entry's
  `.get_entry("x").download()`). Only a bare name counts: `team/project/convnet:v0` and registry
  paths (`wandb-registry-model/...`) may hold someone else's artifact; an artifact given
  `add_reference(url)` downloads outside bytes, so it does not count either.
- Hugging Face Hub: `agent.push_to_hub("user/agent")`, then `from_hub("user/agent",
  trust_remote_code=True)`: the remote code is what the same notebook just pushed.
- MLflow: `mlflow.register_model(uri, "name")` or `log_model(..., registered_model_name="name")`,
  then `load_model("models:/name/Staging")` (load_context.py asks `registered`).

In a notebook the logging must come before the load (cells run in order); a script's functions
run in any order, so there any logging of the name counts. The path under a downloaded folder
may only add constant, relative parts without `..`: `os.path.join(folder, "model.pth")`,
`f"{folder}/model.pth"`, `folder + "/model.pth"`, `Path(folder) / "model.pth"`.
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.code.command_origin import CommandOrigins, Function

_LOGGING = frozenset({"log_artifact", "link_artifact"})
_REFERENCING = frozenset({"add_reference"})
_USING = frozenset({"use_artifact", "artifact"})  # `run.use_artifact(name)`, `wandb.Api().artifact(name)`
_ENTRY = frozenset({"get_entry", "get_path", "get"})
_FETCH = frozenset({"download", "file"})
_JOINS = frozenset({"os.path.join", "posixpath.join", "ntpath.join", "pathlib.Path", "Path", "PurePath", "PosixPath"})
_MAX_DEPTH = 6
_ARTIFACT_CLASSES = frozenset({"wandb.Artifact", "wandb.sdk.Artifact", "wandb.sdk.artifacts.artifact.Artifact"})


@dataclass
class TrackedArtifacts:
    """Names the code logs, pushes or registers, each with the first line that does it."""

    logged: dict[str, int] = field(default_factory=dict)  # W&B artifact names
    pushed: dict[str, int] = field(default_factory=dict)  # Hub repository ids
    registered: dict[str, int] = field(default_factory=dict)  # MLflow registered model names
    parents: dict[int, ast.AST] = field(default_factory=dict)  # the module's nodes -> their parent


def collect(module: ast.Module, origins: CommandOrigins, qualname: Callable[[ast.AST], str | None]) -> TrackedArtifacts:
    found = TrackedArtifacts(parents=parents_of(module))
    names = _Names(origins, found.parents, qualname)
    referencing: set[str] = set()
    for node in ast.walk(module):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attribute = node.func.attr
        function = origins.function_of(node)
        if attribute in _REFERENCING:
            # `art.add_reference("s3://bucket/x")`: the artifact records where outside bytes are,
            # and `download()` fetches them from there; not bytes the code produced.
            named = names.made_artifact(node.func.value, function, 0)
            referencing.add(named if named is not None else "*")
        elif attribute in _LOGGING:
            name = names.made_artifact(_argument(node, 0, ("artifact", "artifact_or_path")), function, 0)
            if name is not None:
                _first(found.logged, name, node.lineno)
        elif attribute == "push_to_hub":
            repository = _text(_argument(node, 0, ("repo_id",)), function, origins)
            if repository and "/" in repository:
                _first(found.pushed, repository, node.lineno)
        elif attribute == "register_model" and (qualname(node.func) or "").startswith("mlflow"):
            registered = _text(_argument(node, 1, ("name",)), function, origins)
            if registered:
                _first(found.registered, registered, node.lineno)
        if attribute == "log_model" or (attribute == "autolog" and (qualname(node.func) or "").startswith("mlflow")):
            registered = _text(_argument(node, None, ("registered_model_name",)), function, origins)
            if registered:
                _first(found.registered, registered, node.lineno)
    if "*" in referencing:
        found.logged.clear()  # a reference added to an artifact not followed: any could hold one
    for name in referencing:
        found.logged.pop(name, None)
    return found


def reads_logged_artifact(
    target: ast.AST | None, line: int, notebook: bool, found: TrackedArtifacts, origins: CommandOrigins
) -> str | None:
    """The W&B artifact name a load's path lies in, when the code itself logged that artifact
    (before `line`, in a notebook); else None."""
    if target is None or not found.logged:
        return None
    name = _Names(origins, found.parents, lambda _: None).folder(target, origins.function_of(target), 0)
    if name is None or name not in found.logged:
        return None
    if notebook and found.logged[name] >= line:
        return None
    return name


def pushed_before(repository: str | None, line: int, notebook: bool, found: TrackedArtifacts) -> bool:
    """Whether the code pushed this Hub repository itself (before `line`, in a notebook)."""
    if repository is None or repository not in found.pushed:
        return False
    return not notebook or found.pushed[repository] < line


def _first(table: dict[str, int], name: str, line: int) -> None:
    table[name] = min(line, table.get(name, line))


def _argument(call: ast.Call, position: int | None, keywords: tuple[str, ...]) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg in keywords:
            return keyword.value
    if position is not None and len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def _text(node: ast.AST | None, function: Function | None, origins: CommandOrigins) -> str | None:
    if node is None:
        return None
    text = origins.constant_value(node, function)
    return text.strip() if text is not None and text.strip() else None


_Judge = Callable[[ast.AST, "Function | None", int], "str | None"]


class _Names:
    """Follows an expression through the names bound to it, to the artifact it stands for."""

    def __init__(
        self, origins: CommandOrigins, parents: dict[int, ast.AST], qualname: Callable[[ast.AST], str | None]
    ) -> None:
        self.origins = origins
        self.parents = parents
        self.qualname = qualname

    def made_artifact(self, node: ast.AST | None, function: Function | None, depth: int) -> str | None:
        """The name of the `wandb.Artifact(...)` an expression holds."""
        if node is None or depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Call):
            maker = self.qualname(node.func) or ""
            if maker not in _ARTIFACT_CLASSES:
                return None
            return _text(_argument(node, 0, ("name",)), function, self.origins)
        if isinstance(node, ast.Name):
            return self._binding(node, function, depth, self.made_artifact)
        return None

    def used_artifact(self, node: ast.AST, function: Function | None, depth: int) -> str | None:
        """The bare artifact name an expression holds: `run.use_artifact("convnet:latest")`."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _USING:
            text = _text(_argument(node, 0, ("artifact_or_name", "name")), function, self.origins)
            if text is None:
                return None
            bare = text.split(":", 1)[0]
            return bare if bare and "/" not in bare else None
        if isinstance(node, ast.Name):
            return self._binding(node, function, depth, self.used_artifact)
        return None

    def fetched(self, node: ast.AST, function: Function | None, depth: int) -> str | None:
        """The artifact a `.download()` (of the artifact or of one of its entries) fetches."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _FETCH):
            return None
        receiver = node.func.value
        if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr in _ENTRY:
            receiver = receiver.func.value
        return self.used_artifact(receiver, function, depth + 1)

    def folder(self, node: ast.AST, function: Function | None, depth: int) -> str | None:
        """The artifact whose downloaded folder or file `node` names, with only constant
        relative parts added."""
        if depth > _MAX_DEPTH:
            return None
        fetched = self.fetched(node, function, depth)
        if fetched is not None:
            return fetched
        if isinstance(node, ast.Name):
            return self._binding(node, function, depth, self.folder)
        if isinstance(node, ast.Call):
            joined = _join_parts(node)
            if joined is None or not joined[1:] or not all(self._relative(p, function) for p in joined[1:]):
                return None
            return self.folder(joined[0], function, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
            right = _text(node.right, function, self.origins)
            if right is None or ".." in right.split("/"):
                return None
            if isinstance(node.op, ast.Add) and not right.startswith("/"):
                return None  # `folder + "x"` names a sibling of the folder, not a file in it
            if isinstance(node.op, ast.Div) and right.startswith("/"):
                return None
            return self.folder(node.left, function, depth + 1)
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.FormattedValue):
            first, rest = node.values[0], node.values[1:]
            if first.format_spec is not None or not rest:
                return None
            if not all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in rest):
                return None
            tail = "".join(v.value for v in rest if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if not tail.startswith("/") or ".." in tail.split("/"):
                return None
            return self.folder(first.value, function, depth + 1)
        return None

    def _relative(self, node: ast.AST, function: Function | None) -> bool:
        text = _text(node, function, self.origins)
        return text is not None and not text.startswith(("/", "\\")) and ".." not in posixpath.normpath(text).split("/")

    def _binding(self, use: ast.Name, function: Function | None, depth: int, judge: _Judge) -> str | None:
        """The one artifact the bindings of `use` that can reach it give under `judge`: every
        binding, or, when the name is bound more than once (a notebook reusing
        `model_artifact`), the last one before the use when it runs on every path to it and
        nothing binds the name again in a loop around the use. None for a parameter or a name
        bound nowhere."""
        bound = self.origins.bound_values(use.id, function)
        if bound is None or not bound[0]:
            return None
        values, scope = bound
        verdicts = {judge(value, scope, depth + 1) for value in values}
        if len(verdicts) == 1:
            return verdicts.pop()
        reaching = _reaching(use, values, scope, self.origins, self.parents)
        return judge(reaching, scope, depth + 1) if reaching is not None else None


def _join_parts(call: ast.Call) -> list[ast.expr] | None:
    func = call.func
    dotted = ast.unparse(func) if isinstance(func, (ast.Name, ast.Attribute)) else ""
    if dotted not in _JOINS or call.keywords or not call.args:
        return None
    if any(isinstance(argument, ast.Starred) for argument in call.args):
        return None
    return list(call.args)


_LOOPS: tuple[type[ast.AST], ...] = (ast.For, ast.AsyncFor, ast.While)
# Statements whose body may not run, or not before what follows them: a binding inside one
# reaches a use only when the use is inside it too.
_COMPOUND: tuple[type[ast.AST], ...] = (
    ast.If,
    *_LOOPS,
    ast.Try,
    ast.With,
    ast.AsyncWith,
    ast.Match,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)


def _reaching(
    use: ast.Name, values: list[ast.AST], scope: Function | None, origins: CommandOrigins, parents: dict[int, ast.AST]
) -> ast.AST | None:
    if any(id(value) not in parents or origins.function_of(value) is not scope for value in values):
        return None  # a synthetic binding (a parameter, an inner write) or one made in another function
    before = [value for value in values if _position(value) < _position(use)]
    if not before:
        return None
    last = max(before, key=_position)
    around_use = {id(node) for node in _ancestors(use, parents)}
    if any(isinstance(node, _COMPOUND) and id(node) not in around_use for node in _ancestors(last, parents)):
        return None  # the binding may not run before the use (a branch, a loop body, a function)
    loops = {id(node) for node in _ancestors(use, parents) if isinstance(node, _LOOPS)}
    for value in values:
        if _position(value) >= _position(use) and any(id(node) in loops for node in _ancestors(value, parents)):
            return None  # bound again later in a loop that runs the use again
    return last


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def _ancestors(node: ast.AST, parents: dict[int, ast.AST]) -> list[ast.AST]:
    found: list[ast.AST] = []
    current = parents.get(id(node))
    while current is not None and len(found) < 10_000:
        found.append(current)
        current = parents.get(id(current))
    return found


def parents_of(module: ast.Module) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(module) for child in ast.iter_child_nodes(node)}
