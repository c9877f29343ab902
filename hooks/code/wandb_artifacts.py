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

_VERSION = re.compile(r"v\d{1,9}")
_PATH_JOINS = frozenset({"os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"})
_MAX_DEPTH = 8  # names bound to names bound to ...: deeper chains are not followed


class WandbArtifacts:
    """The artifacts a module logs, and which of its loads read one of them."""

    def __init__(self, module: ast.Module, qualname: QualName, origins: CommandOrigins) -> None:
        self.qualname = qualname
        self.origins = origins
        self._parents: dict[int, ast.AST] = {}
        self._block_of: dict[int, list[ast.stmt]] = {}  # statement -> the body list holding it
        for parent in ast.walk(module):
            for field_name, field in ast.iter_fields(parent):
                del field_name
                if isinstance(field, list) and field and all(isinstance(item, ast.stmt) for item in field):
                    for item in field:
                        self._block_of[id(item)] = field
            for child in ast.iter_child_nodes(parent):
                self._parents[id(child)] = parent
        self.logged: set[str] = set()  # artifact names the code logs
        self.aliases: dict[str, set[str]] = {}  # name -> aliases the code gives its logged versions
        inits: list[str] = []
        built: list[tuple[ast.expr, str]] = []  # (name node bound to a wandb.Artifact(...), its name)
        logged_values: list[tuple[ast.Call, ast.expr]] = []  # (log call, what it logs)
        for node in ast.walk(module):
            if not isinstance(node, ast.Call):
                continue
            name = qualname(node.func) or ""
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name == "wandb.init":
                where = sorted((k.arg, ast.dump(k.value)) for k in node.keywords if k.arg in ("project", "entity"))
                inits.append(repr(where))
            elif name == "wandb.Artifact":
                text = self._text(_argument(node, 0, "name"), node)
                if text is not None:
                    built.append((node, text))
            elif method == "log_artifact" or name == "wandb.log_artifact":
                value = _argument(node, 0, "artifact_or_path")
                if value is not None:
                    logged_values.append((node, value))
        if len(set(inits)) > 1:
            return  # runs of this code write to more than one project: a name may be anyone's there
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
        if node is None:
            return None
        return self.origins.constant_value(node, self.origins.function_of(at))

    # --- what a load reads -------------------------------------------------------------------
    def reads_own_artifact(self, target: ast.AST | None, at: ast.AST) -> bool:
        """Whether the path a load reads is a file of an artifact version this code logs."""
        if not self.logged or target is None:
            return False
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
                return self._own_handle(node.func.value, at, depth + 1)
            if (self.qualname(node.func) or "") in _PATH_JOINS and node.args and not node.keywords:
                return self._inside_own_folder(node.args[0], at, depth + 1) and all(
                    self._text(part, at) is not None for part in node.args[1:]
                )
            return False
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            return self._inside_own_folder(node.left, at, depth + 1) and self._text(node.right, at) is not None
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if not isinstance(first, ast.FormattedValue) or first.conversion != -1 or first.format_spec:
                return False
            rest = ast.JoinedStr(values=node.values[1:])
            return self._inside_own_folder(first.value, at, depth + 1) and (
                not node.values[1:] or self._text(rest, at) is not None
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
        owner = self.qualname(node.func.value) or ""
        if (
            isinstance(node.func.value, ast.Name)
            and owner not in ("wandb", "wandb.run")
            and not self._is_run(node.func.value, at)
        ):
            return False
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
        found = self.origins.bound_values(node.id, self.origins.function_of(at))
        if found is None or not found[0]:
            return False
        if all(test(value, at, depth + 1) for value in found[0]):
            return True
        reaching = self._only_reaching(found[0], node)
        return reaching is not None and test(reaching, at, depth + 1)

    def _only_reaching(self, values: list[ast.AST], use: ast.AST) -> ast.AST | None:
        """The bound value that alone reaches `use`: its assignment comes before the use in a block
        that holds the use, no other binding lies between them, and no binding after the use sits
        in a loop around it. None when that cannot be told."""
        line = getattr(use, "lineno", None)
        if line is None:
            return None
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
