"""Whose file a load reads when it reads a Weights & Biases artifact: one the same notebook or
script logs itself.

`run.use_artifact("convnet:latest").download()` fetches an artifact version from the W&B project
the run belongs to; the name alone says nothing of who logged it. One case puts it in the author's
own hands: the code logs that very artifact name itself, from a `wandb.Artifact("convnet", ...)`
it builds and hands to `run.log_artifact` (or `wandb.log_artifact`), every run of the code writes
to one project (the `project=` and `entity=` of all its `wandb.init` calls are the same
expression), and the version it uses is `latest`, a version number (`v3`) or an alias the code
gives its own logged version (`log_artifact(artifact, aliases=["best"])`). The versions under that
name are then the ones the code logs (another writer needs write access to the project), as for
MLflow's registered models in mlflow_store.py. The load reads such an artifact when its path is
the artifact's download folder or a constant path inside it (`os.path.join(model_dir,
"model.pth")`, `f"{data_dir}/train.pt"`), an entry's download (`data.get_entry("train").download()`)
or its single file (`artifact.file()`), through names bound to nothing else.

Anything else keeps the severity: an artifact named with an entity or project (`team/proj/name:v0`,
someone's published model), a registry path, a name the code does not log, a computed name, an
alias the code does not set, inits writing to different projects, and any load in serving code
(the caller decides what is served).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from hooks.code.command_origin import CommandOrigins

QualName = Callable[[ast.AST], "str | None"]

_VERSION = re.compile(r"v[0-9]{1,9}")
_PATH_JOINS = frozenset({"os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"})
_MAX_DEPTH = 8  # names bound to names bound to ...: deeper chains are not followed
_MAX_STEPS = 2_000  # names looked up for one load: past it the load keeps its severity


class WandbArtifacts:
    """The artifacts a module logs, and which of its loads read one of them."""

    def __init__(
        self,
        module: ast.Module,
        qualname: QualName,
        origins: CommandOrigins,
        unseen: frozenset[str] | None,
        declared_global: set[str],
    ) -> None:
        """`unseen`: names the code may rebind where no assignment shows it (through the module
        object, `globals()`, `exec`, a star import); None when that may be any name. Names a
        function declares `global` are rebound by whatever calls it: neither is followed."""
        self.qualname = qualname
        self.origins = origins
        self.unfollowed = set(unseen or ()) | declared_global
        self.logged: set[str] = set()  # artifact names the code logs
        self.aliases: dict[str, set[str]] = {}  # name -> aliases the code gives its logged versions
        self._steps = 0
        self._parents: dict[int, ast.AST] = {}
        self._block_of: dict[int, list[ast.stmt]] = {}  # statement -> the body list holding it
        if unseen is None or any(
            isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names)
            for node in ast.walk(module)
        ):
            return  # any name may be rebound unseen (a star import among them): nothing here can be told
        for parent in ast.walk(module):
            for _, field in ast.iter_fields(parent):
                if isinstance(field, list) and field and all(isinstance(item, ast.stmt) for item in field):
                    for item in field:
                        self._block_of[id(item)] = field
            for child in ast.iter_child_nodes(parent):
                self._parents[id(child)] = parent
        projects: set[tuple[str | None, str | None]] = set()
        built: list[tuple[ast.expr, str]] = []  # (a wandb.Artifact(...) call, its name)
        logged_values: list[tuple[ast.Call, ast.expr]] = []  # (log call, what it logs)
        for node in ast.walk(module):
            if self._hides_a_run(node):
                return
            if not isinstance(node, ast.Call):
                continue
            name = qualname(node.func) or ""
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name == "wandb.init":
                where = self._project(node)
                if where is None:
                    return  # a project or entity this cannot read: runs may write anywhere
                projects.add(where)
            elif name == "wandb.Artifact":
                text = self._text(_argument(node, 0, "name"), node)
                if text is not None:
                    built.append((node, text))
            elif name == "wandb.log_artifact" or (
                method == "log_artifact" and isinstance(node.func, ast.Attribute) and self._run_receiver(node.func)
            ):
                value = _argument(node, 0, "artifact_or_path")
                if value is not None:
                    logged_values.append((node, value))
        if len(projects) != 1:
            return  # no run, or runs of this code writing to more than one project
        artifacts = {id(call): text for call, text in built}
        for call, value in logged_values:
            names = self._artifact_names(value, call, artifacts)
            if not names:
                # `run.log_artifact("model.pth", name="convnet", type="model")`: a file logged under a name
                named = self._text(_keyword(call, "name"), call)
                names = [named] if named is not None else []
            for text in names:
                self.logged.add(text)
                aliases = _keyword(call, "aliases")
                if isinstance(aliases, (ast.List, ast.Tuple)):
                    for alias in aliases.elts:
                        if isinstance(alias, ast.Constant) and isinstance(alias.value, str):
                            self.aliases.setdefault(text, set()).add(alias.value)

    def _hides_a_run(self, node: ast.AST) -> bool:
        """A run this cannot see the project of: `start = wandb.init`, `wb = wandb`,
        `getattr(wandb, "init")` (the module or its `init` under another name)."""
        if isinstance(node, ast.Attribute) and (self.qualname(node) or "") == "wandb.init":
            parent = self._parents.get(id(node))
            return not (isinstance(parent, ast.Call) and parent.func is node)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and isinstance(
            node.value, (ast.Name, ast.Attribute)
        ):
            return (self.qualname(node.value) or "") in ("wandb", "wandb.init")
        if isinstance(node, ast.Call) and (self.qualname(node.func) or "") in ("getattr", "builtins.getattr"):
            return bool(node.args) and (self.qualname(node.args[0]) or "") == "wandb"
        return False

    def _project(self, init: ast.Call) -> tuple[str | None, str | None] | None:
        """The (entity, project) a `wandb.init` call writes to, as constants; None when a keyword
        holds anything else, when settings or `**options` may choose them, or when no project is
        named (the environment's WANDB_PROJECT then decides)."""
        found: dict[str, str | None] = {"entity": None, "project": None}
        if init.args:
            return None
        for keyword in init.keywords:
            if keyword.arg is None or keyword.arg == "settings":
                return None
            if keyword.arg in found:
                if self._none(keyword.value, init):
                    continue  # `entity=None`: the default, as if not given
                text = self._text(keyword.value, init)
                if text is None:
                    return None
                found[keyword.arg] = text
        if found["project"] is None:
            return None
        return found["entity"], found["project"]

    def _none(self, node: ast.expr, at: ast.AST) -> bool:
        """`None`, or a name every binding of which is `None` (`entity = None  # your team here`)."""
        if isinstance(node, ast.Constant):
            return node.value is None
        if not isinstance(node, ast.Name) or node.id in self.unfollowed:
            return False
        found = self.origins.bound_values(node.id, self.origins.function_of(at))
        return (
            found is not None
            and bool(found[0])
            and all(isinstance(value, ast.Constant) and value.value is None for value in found[0])
        )

    def _run_receiver(self, func: ast.Attribute) -> bool:
        """`m(...)` called on the `wandb` module, on `wandb.run`, or on a name bound only to a run."""
        owner = func.value
        if (self.qualname(owner) or "") in ("wandb", "wandb.run"):
            return True
        return isinstance(owner, ast.Name) and self._is_run(owner, func)

    # --- what the code logs ------------------------------------------------------------------
    def _artifact_names(self, value: ast.expr, at: ast.AST, artifacts: dict[int, str]) -> list[str]:
        """The names of the `wandb.Artifact(...)` objects `value` may be (every binding of a name
        must be one), or [] when any is something else."""
        if isinstance(value, ast.Call):
            text = artifacts.get(id(value))
            return [text] if text is not None else []
        if not isinstance(value, ast.Name):
            return []
        found = self.origins.bound_values(value.id, self.origins.function_of(at))
        if found is None or not found[0]:
            return []
        names = [artifacts.get(id(bound)) if isinstance(bound, ast.Call) else None for bound in found[0]]
        if all(text is not None for text in names):
            return [text for text in names if text is not None]
        reaching = self._only_reaching(found[0], value)
        text = artifacts.get(id(reaching)) if isinstance(reaching, ast.Call) else None
        return [text] if text is not None else []

    def _text(self, node: ast.AST | None, at: ast.AST) -> str | None:
        """The constant text `node` is, built of names this follows (not ones rebound unseen)."""
        if node is None or any(isinstance(n, ast.Name) and n.id in self.unfollowed for n in ast.walk(node)):
            return None
        return self.origins.constant_value(node, self.origins.function_of(at))

    # --- what a load reads -------------------------------------------------------------------
    def reads_own_artifact(self, target: ast.AST | None, at: ast.AST) -> bool:
        """Whether the path a load reads is a file of an artifact version this code logs."""
        if not self.logged or target is None:
            return False
        self._steps = 0
        return self._own_file(target, at, 0)

    def _own_file(self, node: ast.AST, at: ast.AST, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            return self._every_binding(node, at, depth, self._own_file)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("download", "file")
            and _own_folder_call(node)
            and self._own_handle(node.func.value, at, depth + 1)
        ):
            return True
        return self._inside_own_folder(node, at, depth)

    def _inside_own_folder(self, node: ast.AST, at: ast.AST, depth: int) -> bool:
        """An own artifact's download folder, or a constant path joined below it."""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            return self._every_binding(node, at, depth, self._inside_own_folder)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr == "download":
                return _own_folder_call(node) and self._own_handle(node.func.value, at, depth + 1)
            if (self.qualname(node.func) or "") in _PATH_JOINS and node.args and not node.keywords:
                return self._inside_own_folder(node.args[0], at, depth + 1) and all(
                    _stays_inside(self._text(part, at)) for part in node.args[1:]
                )
            return False
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            # `folder + "/m.pt"` appends text; `Path(folder) / "m.pt"` joins (an absolute part replaces)
            text = self._text(node.right, at)
            return self._inside_own_folder(node.left, at, depth + 1) and _stays_inside(
                text, appended=isinstance(node.op, ast.Add)
            )
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if not isinstance(first, ast.FormattedValue) or first.conversion != -1 or first.format_spec:
                return False
            rest = ast.JoinedStr(values=node.values[1:])
            return self._inside_own_folder(first.value, at, depth + 1) and (
                not node.values[1:] or _stays_inside(self._text(rest, at), appended=True)
            )
        return False

    def _own_handle(self, node: ast.AST, at: ast.AST, depth: int) -> bool:
        """`run.use_artifact("name:latest")` of a name the code logs, an entry of one
        (`.get_entry("x")`, `.get_path("x")`), or a name bound only to such."""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            return self._every_binding(node, at, depth, self._own_handle)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return False
        if node.func.attr in ("get_entry", "get_path"):
            return self._own_handle(node.func.value, at, depth + 1)
        if node.func.attr != "use_artifact":
            return False
        if not self._run_receiver(node.func):
            return False  # `self.run`, a helper's return value, an Api object: any project's
        wanted = self._text(_argument(node, 0, "artifact_or_name"), at)
        return wanted is not None and self._logged_version(wanted)

    def _is_run(self, node: ast.Name, at: ast.AST) -> bool:
        """A name bound only to `wandb.init(...)` (an assignment or `with ... as run`) or `wandb.run`."""
        found = self.origins.bound_values(node.id, self.origins.function_of(at))
        if found is None or not found[0]:
            return False
        made = [self.qualname(value.func if isinstance(value, ast.Call) else value) for value in found[0]]
        return all(name in ("wandb.init", "wandb.run") for name in made)

    def _logged_version(self, wanted: str) -> bool:
        """`name`, `name:latest`, `name:v3` or `name:<alias the code sets>` of a name it logs;
        never a path with an entity, a project or a registry in it."""
        name, _, version = wanted.partition(":")
        if "/" in name or name not in self.logged:
            return False
        return (
            version in ("", "latest")
            or _VERSION.fullmatch(version) is not None
            or version in self.aliases.get(name, set())
        )

    def _every_binding(
        self, node: ast.Name, at: ast.AST, depth: int, test: Callable[[ast.AST, ast.AST, int], bool]
    ) -> bool:
        """Whether every value the name may hold where it is read passes `test`: all its bindings,
        or the one binding that reaches the read for certain (`model_artifact = use_artifact(...)`
        before the read, `model_artifact = wandb.Artifact(...)` after it)."""
        self._steps += 1
        if self._steps > _MAX_STEPS or node.id in self.unfollowed or self._bound_around(node):
            return False  # past the budget, rebound unseen, or a lambda's or comprehension's own name
        function = self.origins.function_of(node)
        found = self.origins.bound_values(node.id, function)
        if found is None or not found[0]:
            return False
        if all(test(value, at, depth + 1) for value in found[0]):
            return True
        if found[1] is not function:
            return False  # bound in an enclosing scope: the function may run after any binding
        reaching = self._only_reaching(found[0], node)
        return reaching is not None and test(reaching, at, depth + 1)

    def _bound_around(self, node: ast.Name) -> bool:
        """Whether a lambda or a comprehension around the name binds it (a parameter, a loop
        variable, a walrus inside it): the scopes CommandOrigins models do not include those."""
        current = self._parents.get(id(node))
        while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            if isinstance(current, ast.Lambda) and node.id in {a.arg for a in _all_arguments(current.args)}:
                return True
            if isinstance(current, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) and any(
                isinstance(child, ast.Name) and child.id == node.id and isinstance(child.ctx, ast.Store)
                for child in ast.walk(current)
            ):
                return True
            current = self._parents.get(id(current))
        return False

    def _only_reaching(self, values: list[ast.AST], use: ast.AST) -> ast.AST | None:
        """The bound value that alone reaches `use`: its assignment comes before the use in a block
        that holds the use, no other binding lies between them, and no binding after the use sits
        in a loop around it. None when that cannot be told."""
        line = getattr(use, "lineno", None)
        if line is None or self._inside_lambda(use):
            return None  # a lambda runs whenever it is called, after any binding
        statements = [self._statement_of(value) for value in values]
        if any(statement is None for statement in statements):
            return None
        pairs = [(v, s) for v, s in zip(values, statements, strict=True) if s is not None]
        before = [(s.lineno, v, s) for v, s in pairs if s.lineno < line]
        after = [s for s in statements if s is not None and s.lineno >= line]
        if not before:
            return None
        before.sort(key=lambda item: item[0])
        _, value, statement = before[-1]
        if sum(1 for item in before if item[0] == before[-1][0]) > 1:
            return None  # two bindings on one line (`a = b = ...`, a tuple): not told apart
        if not self._dominates(statement, use):
            return None
        for loop in self._loops_around(use):
            if any(loop.lineno <= s.lineno <= (loop.end_lineno or loop.lineno) for s in after):
                return None  # the next iteration reads what a later binding wrote
        return value

    def _statement_of(self, node: ast.AST) -> ast.stmt | None:
        current: ast.AST | None = node
        while current is not None and not isinstance(current, ast.stmt):
            current = self._parents.get(id(current))
        return current

    def _dominates(self, statement: ast.stmt, use: ast.AST) -> bool:
        """Whether `statement` runs before `use` on every path: it stands in a block (a body list)
        that also holds a statement enclosing `use`, earlier in that block."""
        block = self._block_of.get(id(statement))
        if block is None:
            return False
        current: ast.AST | None = use
        while current is not None:
            if isinstance(current, ast.stmt) and self._block_of.get(id(current)) is block:
                return block.index(statement) < block.index(current)
            current = self._parents.get(id(current))
        return False

    def _inside_lambda(self, node: ast.AST) -> bool:
        current = self._parents.get(id(node))
        while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if isinstance(current, ast.Lambda):
                return True
            current = self._parents.get(id(current))
        return False

    def _loops_around(self, use: ast.AST) -> list[ast.For | ast.While | ast.AsyncFor]:
        loops = []
        current = self._parents.get(id(use))
        while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if isinstance(current, (ast.For, ast.While, ast.AsyncFor)):
                loops.append(current)
            current = self._parents.get(id(current))
        return loops


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    found = _keyword(call, name)
    if found is not None:
        return found
    return call.args[index] if len(call.args) > index and not isinstance(call.args[index], ast.Starred) else None


def _own_folder_call(call: ast.Call) -> bool:
    """`artifact.download()` into the folder W&B makes for it (`./artifacts/<name>:<version>`), not
    into one the caller names (`download(root="/tmp")`: other files may be there)."""
    allowed = ("path_prefix", "skip_cache", "allow_missing_references")
    return not call.args and all(keyword.arg in allowed for keyword in call.keywords)


def _stays_inside(text: str | None, *, appended: bool = False) -> bool:
    """A constant path that cannot leave the folder it is joined to (`appended`: text added to
    the folder's own text, where a leading separator only starts the next part)."""
    if text is None:
        return False
    if appended:
        if text and not text.startswith(("/", "\\")):
            return False  # `folder + "_old/m.pt"` names a sibling folder, not one inside
        text = text.lstrip("/\\")
        if not text:
            return True
    if not text or text.startswith(("/", "\\", "~")) or ":" in text:
        return False
    return ".." not in re.split(r"[/\\]", text)


def _all_arguments(arguments: ast.arguments) -> list[ast.arg]:
    found = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    return found + [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
