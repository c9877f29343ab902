"""What a notebook or script logs to an experiment tracker or pushes to the Hub, and reads back.

Tracking code stores its own outputs remotely and fetches them again a few cells later: the load
then reads bytes the same code produced, like a file it wrote itself (load_context.py), and is
reported low. Three shapes, each matched by the exact name the code gives on both sides:

- W&B: `art = wandb.Artifact("convnet", type="model")` handed to `log_artifact`/`link_artifact`,
  then a load of a path under `run.use_artifact("convnet:latest").download()` (or an entry's
  `.get_entry("x").download()`). Only a bare name counts: `team/project/convnet:v0` and registry
  paths (`wandb-registry-model/...`) may hold someone else's artifact; an artifact given
  `add_reference(url)` downloads outside bytes, so it does not count either. A notebook's runs
  must leave the entity to the reader (`wandb.init(project="p")`): with the author's entity the
  logging fails for a reader, and the next cell reads the author's artifact.
- Hugging Face Hub, in a script: `agent.push_to_hub("user/agent")`, then `from_hub("user/agent",
  trust_remote_code=True)`: the remote code is what the same script just pushed (a failed push
  stops it). Not in a notebook: a reader runs its cells one by one, the push to the author's
  namespace fails for everyone else, and the next cell runs the author's code.
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
# What puts bytes in an artifact: a file or folder the code names (checked: the code must have
# written it), a reference to bytes elsewhere (never the code's own), a file the code writes into.
_ADDING_PATHS = frozenset({"add_file", "add_dir"})
_REFERENCING = frozenset({"add_reference"})
_USING = frozenset({"use_artifact"})  # on a run; `wandb.Api().artifact(name)` resolves in another default project
_ENTRY = frozenset({"get_entry", "get_path", "get"})
_FETCH = frozenset({"download", "file"})
_JOINS = frozenset({"os.path.join", "posixpath.join", "pathlib.Path", "Path", "PurePath", "PosixPath"})
_MAX_DEPTH = 6
_BUDGET = 4_000  # expressions followed per question: a file of rebindings cannot make it slow
_ARTIFACT_CLASSES = frozenset({"wandb.Artifact", "wandb.sdk.Artifact", "wandb.sdk.artifacts.artifact.Artifact"})
_NOT_LOGGING = (("disable", True), ("log_models", False))  # `mlflow.autolog(disable=True)`


@dataclass
class TrackedArtifacts:
    """Names the code logs, pushes or registers, each with the line from which it holds."""

    logged: dict[str, int] = field(default_factory=dict)  # W&B artifact names
    pushed: dict[str, int] = field(default_factory=dict)  # Hub repository ids
    registered: dict[str, int] = field(default_factory=dict)  # MLflow registered model names
    # W&B artifact name -> (line, path text) of each file or folder added to it; text None when
    # the path is not a constant (then the artifact's bytes are not known to be the code's).
    added: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)
    parents: dict[int, ast.AST] = field(default_factory=dict)  # the module's nodes -> their parent
    runs: _Runs | None = None  # when a call takes effect


def collect(
    module: ast.Module, origins: CommandOrigins, qualname: Callable[[ast.AST], str | None], notebook: bool = False
) -> TrackedArtifacts:
    found = TrackedArtifacts(parents=parents_of(module))
    names = _Names(origins, found.parents, qualname)
    runs = found.runs = _Runs(module, found.parents, notebook)
    unknown: set[str] = set()  # artifacts given outside bytes, or whose bytes cannot be followed
    projects: set[tuple[str, str]] = set()
    registering: list[tuple[ast.Call, str]] = []
    logs_models = False
    for node in ast.walk(module):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attribute = node.func.attr
        function = origins.function_of(node)
        dotted = qualname(node.func) or ""
        if dotted == "wandb.init":
            # Runs in one project only: a bare artifact name resolves in the run's project.
            where = [_spelled(_argument(node, None, (key,)), function, origins) for key in ("entity", "project")]
            projects.add(
                (
                    where[0] if where[0] is not None else f"?{node.lineno}",  # unspelled: its own
                    where[1] if where[1] is not None else f"?{node.lineno}",
                )
            )
        elif attribute in _REFERENCING or attribute in _ADDING_PATHS:
            named = names.made_artifact(node.func.value, function, 0)
            if named is None or attribute in _REFERENCING or attribute == "add_dir":
                # A reference downloads outside bytes; a folder's files are not followed one by one.
                unknown.add(named if named is not None else "*")
                continue
            path = _argument(node, 0, ("local_path",))
            found.added.setdefault(named, []).append((node.lineno, _text(path, function, origins)))
        elif attribute in _LOGGING:
            name = names.made_artifact(_argument(node, 0, ("artifact", "artifact_or_path")), function, 0)
            line = runs.line(node)
            if name is not None and line is not None:
                _first(found.logged, name, line)
        elif attribute == "push_to_hub" and not notebook:
            # A reader runs a notebook's cells one by one: a push to the author's namespace fails
            # for everyone else, and the next cell loads the author's code. A script stops there.
            repository = _text(_argument(node, 0, ("repo_id",)), function, origins)
            line = runs.line(node)
            if repository and "/" in repository and line is not None:
                _first(found.pushed, repository, line)
        elif attribute == "register_model" and dotted.startswith("mlflow"):
            source = _text(_argument(node, 0, ("model_uri",)), function, origins) or _leading_text(node)
            registered = _text(_argument(node, 1, ("name",)), function, origins)
            if registered and source is not None and source.startswith("runs:/"):
                registering.append((node, registered))  # a model of a run, if the code logs models
        if attribute in ("log_model", "save_model") or (attribute == "autolog" and dotted.startswith("mlflow")):
            if attribute == "autolog" and any(_constant_is(node, key, value) for key, value in _NOT_LOGGING):
                continue
            logs_models = True
            registered = _text(_argument(node, None, ("registered_model_name",)), function, origins)
            line = runs.line(node)
            if registered and line is not None:
                _first(found.registered, registered, line)
    if logs_models:
        for node, registered in registering:
            line = runs.line(node)
            if line is not None:
                _first(found.registered, registered, line)
    foreign = notebook and any(entity != "" for entity, _ in projects)
    if len(projects) > 1 or "*" in unknown or foreign:
        # Runs in more than one project; an artifact not followed; or a notebook that names an
        # entity: a reader who cannot log there reads the author's artifact in the next cell.
        found.logged.clear()
    for name in unknown:
        found.logged.pop(name, None)
    return found


def reads_logged_artifact(
    target: ast.AST | None,
    line: int,
    notebook: bool,
    found: TrackedArtifacts,
    origins: CommandOrigins,
    wrote: Callable[[str, int], bool] = lambda path, line: False,
) -> str | None:
    """The W&B artifact name a load's path lies in, when the code itself logged that artifact
    (before `line`, in a notebook) and every file it added is one the code wrote itself before
    adding it (`wrote(path, line)`); else None."""
    if target is None or not found.logged:
        return None
    name = _Names(origins, found.parents, lambda _: None).folder(target, origins.function_of(target), 0)
    if name is None or name not in found.logged:
        return None
    if not _holds(found.logged[name], target, line, notebook, found):
        return None
    if not all(path is not None and wrote(path, added) for added, path in found.added.get(name, [])):
        return None  # a downloaded file added for lineage is still someone else's bytes
    return name


def pushed_before(repository: str | None, load: ast.AST, notebook: bool, found: TrackedArtifacts) -> bool:
    """Whether the code pushed this Hub repository itself before the load runs."""
    if repository is None or repository not in found.pushed:
        return False
    return _holds(found.pushed[repository], load, getattr(load, "lineno", 0), notebook, found)


def registered_before(model: str, load: ast.AST, notebook: bool, found: TrackedArtifacts) -> bool:
    """Whether the code registered this MLflow model itself before the load runs."""
    if model not in found.registered:
        return False
    return _holds(found.registered[model], load, getattr(load, "lineno", 0), notebook, found)


def _holds(since: int, load: ast.AST, line: int, notebook: bool, found: TrackedArtifacts) -> bool:
    """Whether logging that takes effect at line `since` comes before a load at `line`: in a
    notebook, before the line the load runs at (its own, or inside a function the first top-level
    call of it); in a script, always for a load inside a function (they run in any order) and,
    for a top-level load, when the logging is top-level code above it."""
    runs = found.runs
    if runs is None:
        return False
    if notebook:
        return since < runs.reached(load, line)
    return runs.in_function(load) or since < line


class _Runs:
    """Where a logging, push or registering call takes effect: its own line at a notebook's top
    level; inside a function, the first top-level call of that function. A call that may fail
    quietly (inside `try`) or never run (a notebook function nobody calls, `if False:`) counts
    nowhere. A script's functions run in any order and may be called from elsewhere: there any
    call counts, at its own line."""

    def __init__(self, module: ast.Module, parents: dict[int, ast.AST], notebook: bool) -> None:
        self.parents = parents
        self.notebook = notebook
        self.first_call: dict[str, int] = {}
        for node in ast.walk(module):
            top_level = not any(isinstance(a, _FUNCTIONS) for a in _ancestors(node, parents))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and top_level:
                _first(self.first_call, node.func.id, node.lineno)

    def in_function(self, node: ast.AST) -> bool:
        return self._outermost_function(node) is not None

    def reached(self, node: ast.AST, line: int) -> int:
        outermost = self._outermost_function(node)
        if not self.notebook or not isinstance(outermost, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return line
        return self.first_call.get(outermost.name, line)

    def _outermost_function(self, node: ast.AST) -> ast.AST | None:
        found = None
        for ancestor in _ancestors(node, self.parents):
            if isinstance(ancestor, _FUNCTIONS):
                found = ancestor
        return found

    def line(self, call: ast.Call) -> int | None:
        outermost: ast.AST | None = None
        for ancestor in _ancestors(call, self.parents):
            if isinstance(ancestor, _TRIES):
                return None  # an `except` may swallow its failure and the code goes on
            if isinstance(ancestor, ast.If) and isinstance(ancestor.test, ast.Constant) and not ancestor.test.value:
                return None
            if isinstance(ancestor, _FUNCTIONS):
                outermost = ancestor
        if outermost is None:
            return call.lineno
        if not self.notebook:
            return _IN_FUNCTIONS  # holds for loads inside functions only
        if isinstance(outermost, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self.first_call.get(outermost.name)
        return None


_IN_FUNCTIONS = 1 << 62  # a script's logging inside a function: before any function's load, not top-level code
_FUNCTIONS: tuple[type[ast.AST], ...] = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_TRIES: tuple[type[ast.AST], ...] = (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))


def _spelled(given: ast.expr | None, function: Function | None, origins: CommandOrigins) -> str | None:
    """How the code spells a run's entity or project: "" when not given (the default), the text
    of a constant, `None` for a name bound only to None (`entity = None`); else None (unknown)."""
    if given is None:
        return ""
    text = origins.constant_value(given, function)
    if text is not None:
        return text
    values: list[ast.AST] = [given]
    if isinstance(given, ast.Name):
        bound = origins.bound_values(given.id, function)
        values = list(bound[0]) if bound is not None else []
    if values and all(isinstance(v, ast.Constant) and v.value is None for v in values):
        return ""
    return None


def _constant_is(call: ast.Call, keyword: str, value: bool) -> bool:
    given = next((k.value for k in call.keywords if k.arg == keyword), None)
    return isinstance(given, ast.Constant) and given.value is value


def _leading_text(call: ast.Call) -> str | None:
    """The constant start of an f-string first argument: `f"runs:/{run_id}/model"` -> `runs:/`."""
    given = _argument(call, 0, ("model_uri",))
    if isinstance(given, ast.JoinedStr) and given.values:
        first = given.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


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
        self.budget = _BUDGET
        self.memo: dict[tuple[int, str, int], str | None] = {}

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
            if right is None or "\\" in right or ".." in right.split("/"):
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
            if not tail.startswith("/") or "\\" in tail or ".." in tail.split("/"):
                return None
            return self.folder(first.value, function, depth + 1)
        return None

    def _relative(self, node: ast.AST, function: Function | None) -> bool:
        text = _text(node, function, self.origins)
        return text is not None and _inside(text)

    def _binding(self, use: ast.Name, function: Function | None, depth: int, judge: _Judge) -> str | None:
        """The one artifact the bindings of `use` that can reach it give under `judge`: every
        binding, or, when the name is bound more than once (a notebook reusing
        `model_artifact`), the last one before the use when it runs on every path to it and
        nothing binds the name again in a loop around the use. None for a parameter or a name
        bound nowhere."""
        key = (id(use), judge.__name__, id(function))
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle of names gives nothing
        self.budget -= 1
        if self.budget < 0:
            return None  # a file built to make this slow: nothing is lowered
        bound = self.origins.bound_values(use.id, function)
        if bound is None or not bound[0]:
            return None
        values, scope = bound
        loops = {id(node) for node in _ancestors(use, self.parents) if isinstance(node, _LOOPS)}
        for value in values:
            if _position(value) >= _position(use) and any(id(n) in loops for n in _ancestors(value, self.parents)):
                return None  # bound again later in a loop that runs the use again
        if scope is None and self.origins.function_of(use) is None:
            # Top-level code runs in order: only a binding above the use can reach it.
            values = [value for value in values if _position(value) < _position(use)]
            if not values:
                return None
        verdicts = {judge(value, scope, depth + 1) for value in values}
        if len(verdicts) == 1:
            verdict = verdicts.pop()
        else:
            reaching = _reaching(use, values, scope, self.origins, self.parents)
            verdict = judge(reaching, scope, depth + 1) if reaching is not None else None
        self.memo[key] = verdict
        return verdict


def _inside(text: str) -> bool:
    """A relative path part that stays in the folder (no `..`, no root, no Windows separator)."""
    if not text or "\\" in text or text.startswith("/"):
        return False
    return ".." not in posixpath.normpath(text).split("/")


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
