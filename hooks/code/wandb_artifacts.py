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
started (mlflow_store.py). That holds only when (each point closed a hole a red team found):

- the runs are the code's own: every `log_artifact`/`use_artifact` is called on a name bound only
  to `wandb.init(...)` (a `with wandb.init(...) as run` or `run = wandb.init(...)`) or on the
  `wandb` module itself, never on another object (a Lightning logger, a tracker, a class of the
  code's own that may add `entity/project/` in front);
- they run in one project: every `wandb.init` passes `project=` (and `entity=`, if any) as the same
  constant, by keyword only, with nothing else that may choose the project or the server
  (`settings=`, `**options`, `wandb.setup`, `wandb.login`, `WANDB_*` environment variables set in
  the code or by `%env`, `wandb.init` handed on uncalled);
- the name asked for is a bare artifact name (`name` or `name:alias`, no `entity/project/`) spelled
  as a constant, and the code creates an artifact of that very name (`wandb.Artifact("mnist-raw",
  ...)`, held by a name bound once in its scope to that alone) and logs that object, on one of its
  runs, above the line that asks for it;
- the path loaded is the download folder itself or built on it with constant relative parts
  (`os.path.join(folder, "x.pt")`, `f"{folder}/x.pt"`, `folder + "/x.pt"`, `Path(folder) / "x.pt"`;
  no `..`, no absolute part), or one entry's download (`artifact.get_entry("x").download()`), each
  name on the way bound once, `download()` given no other folder (`root=`);
- the code downloads, copies, unpacks and runs nothing that could put other bytes there, and binds
  no name where the code does not show it (the caller passes those facts in).

Anything else keeps the load's severity. Nothing is imported or run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from hooks.code.command_origin import DEFINED, CommandOrigins, Function

QualName = Callable[[ast.AST], "str | None"]
ConstantText = Callable[[ast.AST], "str | None"]

_ARTIFACT_CLASSES = frozenset({"wandb.Artifact", "wandb.sdk.Artifact", "wandb.sdk.artifacts.artifact.Artifact"})
_ENTRY_GETTERS = frozenset({"get_entry", "get_path"})
_INIT_KEYWORDS = frozenset({"project", "entity", "job_type", "config", "name", "group", "tags", "notes", "reinit"})
_PROJECT_CHOOSERS = frozenset({"wandb.setup", "wandb.login", "wandb.Settings", "wandb.sdk.wandb_init.init"})
_WANDB_VARIABLES = re.compile(r"WANDB_(?:PROJECT|ENTITY|BASE_URL|API_KEY|DIR|ARTIFACT_DIR|CACHE_DIR)")
_MAX_DEPTH = 8
_PROGRAM_STARTERS = ("os.system", "os.popen", "os.exec", "os.spawn", "subprocess.", "commands.", "pty.spawn")


class OwnArtifacts:
    """What one module logs to W&B and where it runs, read once from its whole tree."""

    def __init__(
        self,
        module: ast.Module,
        qualname: QualName,
        constant_text: ConstantText,
        origins: CommandOrigins,
        other_texts: list[str],
        rebound_unseen: frozenset[str] = frozenset(),
    ) -> None:
        self._qualname = qualname
        self._rebound_unseen = rebound_unseen  # `globals()["folder"] = ...`: bound where no assignment shows
        self._text = constant_text
        self._origins = origins
        self._logged: dict[str, int] = {}  # artifact name -> first line that logs it
        if self._one_project(module, other_texts):
            self._logged = self._logged_names(module)

    def downloads_own_artifact(self, call: ast.Call) -> bool:
        """Whether `call` is the download of an artifact the code logged above it (a fetch that
        brings back the code's own bytes, not someone else's)."""
        if not self._logged or not isinstance(call.func, ast.Attribute) or call.func.attr not in ("download", "file"):
            return False
        if call.args or call.keywords:
            return False
        return self._own_artifact(call.func.value, self._origins.function_of(call), call.lineno, 0)

    def elsewhere_download(self, call: ast.Call) -> bool:
        """Whether `call` downloads a W&B artifact into its own folder (`artifacts/<name>:<version>`,
        no `root=`) that cannot put someone else's bytes over the code's own artifacts: every
        artifact it may be is one the code created, one asked for by a bare name on one of the
        code's runs (its own project), or one of a name the code never logs. A download this cannot
        resolve to artifacts is not."""
        if not isinstance(call.func, ast.Attribute) or call.func.attr not in ("download", "file"):
            return False
        if call.args or call.keywords:
            return False
        sources = self._artifact_sources(call.func.value, self._origins.function_of(call), 0)
        return sources is not None and all(own or name not in self._logged for name, own in sources)

    def _artifact_sources(self, node: ast.AST, function: Function | None, depth: int) -> set[tuple[str, bool]] | None:
        """(bare name, whether it is the code's own project's) of each artifact `node` may be: a
        `use_artifact` of a constant name, an entry of one, or a `wandb.Artifact` the code
        creates; None when it may be anything else."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Name):
            found = self._origins.bound_values(node.id, function)
            if node.id in self._rebound_unseen or found is None or not found[0]:
                return None
            if any(value is DEFINED for value in found[0]):
                return None
            sources: set[tuple[str, bool]] = set()
            for value in found[0]:
                more = self._artifact_sources(value, function, depth + 1)
                if more is None:
                    return None
                sources |= more
            return sources
        if not isinstance(node, ast.Call):
            return None
        if isinstance(node.func, ast.Attribute) and node.func.attr in _ENTRY_GETTERS:
            return self._artifact_sources(node.func.value, function, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "use_artifact":
            asked = node.args[0] if node.args else _keyword(node, "artifact_or_name")
            text = self._text(asked) if asked is not None else None
            if not text:
                return None
            own = _bare_name(text) and self._run(node.func.value, self._origins.function_of(node))
            return {(text.rsplit("/", 1)[-1].split(":", 1)[0], own)}
        created = self._artifact_name(node)
        return {(created, True)} if created is not None else None

    def reads_own_artifact(self, target: ast.AST | None, function: Function | None, line: int) -> bool:
        """Whether `target`, a load's path in `function` at `line`, is a file of an artifact this
        code logged above that line."""
        if target is None or not self._logged:
            return False
        return self._own_download(target, function, line, 0)

    # --- where the code's runs log --------------------------------------------------------------
    def _one_project(self, module: ast.Module, other_texts: list[str]) -> bool:
        """Every `wandb.init` names the same constant project and entity, by keyword, and nothing
        else in the code may choose the project or the server."""
        if any(_WANDB_VARIABLES.search(text) for text in other_texts):
            return False  # `%env WANDB_PROJECT=other`, `!export WANDB_ENTITY=...`
        called = {id(node.func) for node in ast.walk(module) if isinstance(node, ast.Call)}
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and (self._qualname(node.func) or "").startswith(_PROGRAM_STARTERS):
                return False  # `os.system(f"wget -O {folder}/x.pt ...")`: a program may write anything
        seen: set[tuple[str | None, str | None]] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _WANDB_VARIABLES.search(node.value):
                return False  # os.environ["WANDB_PROJECT"] = ...
            if not isinstance(node, (ast.Attribute, ast.Name)):
                continue
            name = self._qualname(node)
            if name in _PROJECT_CHOOSERS:
                return False
            if name != "wandb.init":
                continue
            if id(node) not in called:
                return False  # `functools.partial(wandb.init, project=...)`, `start = wandb.init`
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and self._qualname(node.func) == "wandb.init":
                if node.args or any(k.arg not in _INIT_KEYWORDS for k in node.keywords):
                    return False  # positional entity/project, settings=, **options
                project, entity = self._given(node, "project"), self._given(node, "entity")
                if project is None or (entity is None and _keyword(node, "entity") is not None):
                    return False  # a project (or entity) chosen at run time
                seen.add((project, entity))
        return len(seen) == 1

    def _given(self, call: ast.Call, keyword: str) -> str | None:
        value = _keyword(call, keyword)
        return self._text(value) if value is not None else None

    def _run(self, node: ast.AST, function: Function | None) -> bool:
        """The `wandb` module, or a name bound only to `wandb.init(...)` (each `with wandb.init()
        as run` of a pipeline binds `run` again: every one of them is a run of the one project)."""
        if isinstance(node, ast.Name) and self._qualname(node) == "wandb":
            return True
        if not isinstance(node, ast.Name):
            return False
        found = self._origins.bound_values(node.id, function)
        return (
            node.id not in self._rebound_unseen
            and found is not None
            and bool(found[0])
            and all(isinstance(value, ast.Call) and self._qualname(value.func) == "wandb.init" for value in found[0])
        )

    def _logged_names(self, module: ast.Module) -> dict[str, int]:
        """Names of artifacts the code creates and logs on one of its runs: `log_artifact(raw)`
        where `raw`, in the scope of that call, is bound once, to `wandb.Artifact("name", ...)`."""
        logged: dict[str, int] = {}
        for node in ast.walk(module):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "log_artifact":
                continue
            function = self._origins.function_of(node)
            if not self._run(node.func.value, function):
                continue  # `mlflow.log_artifact(raw)`, a logger's or a tracker's method
            given = node.args[0] if node.args else _keyword(node, "artifact_or_path")
            if not isinstance(given, ast.Name):
                continue
            name = self._artifact_name(self._single_value(given.id, function))
            if name is not None:
                logged[name] = min(logged.get(name, node.lineno), node.lineno)
        return logged

    def _artifact_name(self, value: ast.AST | None) -> str | None:
        if not (isinstance(value, ast.Call) and self._qualname(value.func) in _ARTIFACT_CLASSES):
            return None
        given = value.args[0] if value.args else _keyword(value, "name")
        text = self._text(given) if given is not None else None
        return text if text and _bare_name(text) else None

    # --- what a load reads ---------------------------------------------------------------------
    def _own_download(self, node: ast.AST, function: Function | None, line: int, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            value = self._single_value(node.id, function)
            return value is not None and self._own_download(value, function, line, depth + 1)
        if isinstance(node, ast.JoinedStr):  # f"{folder}/x.pt"
            first, rest = (node.values[0], node.values[1:]) if node.values else (None, [])
            return (
                isinstance(first, ast.FormattedValue)
                and self._relative_parts(rest, leading_separator=True)
                and self._own_download(first.value, function, line, depth + 1)
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):  # folder + "/x", Path(f) / "x"
            return self._relative_parts(
                [node.right], leading_separator=isinstance(node.op, ast.Add)
            ) and self._own_download(node.left, function, line, depth + 1)
        if not isinstance(node, ast.Call):
            return False
        called = self._qualname(node.func) or ""
        if called in ("os.path.join", "posixpath.join", "pathlib.Path", "Path") and node.args and not node.keywords:
            return self._relative_parts(node.args[1:]) and self._own_download(node.args[0], function, line, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("download", "file"):
            if node.args or node.keywords:
                return False  # download(root="/tmp/shared"): another folder, maybe shared
            return self._own_artifact(node.func.value, function, line, depth + 1)
        return False

    def _relative_parts(self, parts: list[ast.expr], *, leading_separator: bool = False) -> bool:
        """Constant parts of a path below the folder: no `..`, nothing absolute (but the `/`
        that joins a text to the folder), nothing chosen at run time."""
        texts = [self._text(part) if not isinstance(part, ast.Constant) else part.value for part in parts]
        if any(not isinstance(text, str) for text in texts):
            return False
        joined = "".join(str(text) for text in texts)
        if leading_separator:
            if joined and not joined.startswith("/"):
                return False  # f"{folder}x": another name beside the folder
            joined = joined[1:]
        elif any(str(text).startswith(("/", "\\")) for text in texts):
            return False
        return ".." not in re.split(r"[/\\]", joined) and not re.match(r"[A-Za-z]:", joined)

    def _own_artifact(self, node: ast.AST, function: Function | None, line: int, depth: int) -> bool:
        """`run.use_artifact("name:alias")` (or an entry of it) on one of the code's runs, held by
        a name bound once, for a name the code logged above `line`."""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(node, ast.Name):
            value = self._single_value(node.id, function)
            return value is not None and self._own_artifact(value, function, line, depth + 1)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return False
        if node.func.attr in _ENTRY_GETTERS:
            return self._own_artifact(node.func.value, function, line, depth + 1)
        if node.func.attr != "use_artifact" or not self._run(node.func.value, self._origins.function_of(node)):
            return False
        asked = node.args[0] if node.args else _keyword(node, "artifact_or_name")
        text = self._text(asked) if asked is not None else None
        if text is None or not _bare_name(text):
            return False
        logged_at = self._logged.get(text.split(":", 1)[0])
        return logged_at is not None and logged_at < node.lineno <= line

    def _single_value(self, name: str, function: Function | None) -> ast.AST | None:
        """The one value `name` holds where `function` reads it: bound once, by an assignment."""
        if name in self._rebound_unseen:
            return None
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
