"""Whose model an `mlflow.<flavor>.load_model(uri)` reads: a run this notebook or script started
and logged its model in, or a run or registered model of a tracking store on this machine.

A `runs:/<id>/...` or `models:/<name>/...` URI is resolved by the tracking server (for `models:/`,
the model registry) the code talks to, so the URI alone says nothing of who logged the model. Two
cases put the model in the author's own hands:

- the run is one the code started (`with mlflow.start_run() as run`, `mlflow.active_run()`,
  `mlflow.last_active_run()`), the URI names it (`f"runs:/{run.info.run_id}/model"`), and the code
  logs models (`log_model`, `save_model`, or `autolog` with its default `log_models=True`). A run
  id from anywhere else (a constant, an argument, a search) may be anyone's run on a shared server;
- the code points MLflow at a store on this machine at its top level (`set_tracking_uri(
  "sqlite:///mlflow.db")`, a `file:` URI or folder on this machine, `http://localhost:5000`) and at
  no other store or registry anywhere: every run and registered model in it was logged from here.

A third case follows from the first: `models:/<name>/latest`, `models:/<name>/<number>` or
`models:/<name>/{version}` of a name the code registers itself, from a model it logs
(`log_model(..., registered_model_name=name)`) or from its own run
(`mlflow.register_model(f"runs:/{run.info.run_id}/model", name)`): the versions of that name are
the ones it registers (another writer to the same name needs write access to that registered
model). A stage or an alias (`/Production`, `@champion`) counts only when the code itself points
it at a version its own registration returned (`client.set_registered_model_alias(name, "champion",
result.version)`); otherwise it is a promotion decided elsewhere. A name registered from any other
URI may hold anyone's model. Both keep the severity.

Serving code keeps the severity whatever the URI (the caller of a handler may choose the run), and
so does a `runs://profile@databricks/...` URI (another server), a direct `s3://` or `https://`
URI, or a URI held in a name bound more than once.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_HOSTED_SCHEMES = frozenset({"databricks", "databricks-uc", "uc"})  # named services, not folders
_RUN_STARTERS = frozenset({"start_run", "active_run", "last_active_run"})
_URI_SETTERS = frozenset({"set_tracking_uri", "set_registry_uri"})
# MlflowClient methods that add a version under a name: method -> (position, keyword) of that name
_VERSION_MAKERS = {"create_model_version": (0, "name"), "copy_model_version": (1, "dst_name")}
# MlflowClient methods that point an alias or a stage at a version: method -> its pointer's keyword
_PROMOTERS = {"set_registered_model_alias": "alias", "transition_model_version_stage": "stage"}

QualName = Callable[[ast.AST], "str | None"]


def uri_prefix(node: ast.AST | None) -> str | None:
    """The constant start of a string or f-string (`f"runs:/{run_id}/model"` -> `runs:/`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _store_uri(prefix: str, scheme: str) -> bool:
    """`runs:/...` or `models:/...` of the current store; `runs://profile@databricks/...` names
    another server."""
    return prefix.startswith(scheme + ":/") and not prefix.startswith(scheme + "://")


def local_store(uri: str) -> bool:
    """Whether a tracking URI names a store on this machine."""
    text = uri.strip()
    if not text or text.startswith(("//", "\\\\")):  # `//server/share`, `\\server\share`: a network share
        return False
    if text.split(":", 1)[0].lower() in _HOSTED_SCHEMES:  # `databricks`, `databricks://profile`
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # `http://[::1`: not a URI MLflow would reach either
        return False
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        return True
    if scheme == "file":
        # `file:///srv/mlruns`, `file:mlruns`; `file://host/share` and `file:////host/share` are
        # another machine's folder
        return parts.netloc.lower() in ("", "localhost") and not parts.path.startswith("//")
    if not scheme or (len(scheme) == 1 and text[1:2] == ":"):  # `mlruns`, `C:\mlruns`
        return "://" not in text
    if scheme in ("http", "https"):
        return host.lower() in _LOCAL_HOSTS
    return False


class MlflowStore:
    """What a notebook or script tells MLflow, recorded call by call."""

    def __init__(self, constant_text: Callable[[ast.AST], str | None]) -> None:
        self._constant_text = constant_text
        self.logs_models = False  # log_model, save_model or autolog logging models
        self.local_store: str | None = None  # the tracking URI on this machine set at the top level
        self._other_store = False  # a tracking URI set that is remote or not known, anywhere
        self._other_registry = False  # a registry URI (models:/ resolves there) not local
        self._uris: dict[str, ast.AST] = {}  # name bound once -> the runs:/ or models:/ URI
        self._bindings: Counter[str] = Counter()
        self._runs: frozenset[str] = frozenset()  # names bound only to runs the code started
        self._run_ids: frozenset[str] = frozenset()  # names bound only to such a run's id
        self._registered: set[str] = set()  # registered model names the code registers from its own models
        # (name, stage or alias) the code gives a version it registered itself
        self._promoted: set[tuple[str, str]] = set()
        # names (None: any) given a version that is not the code's own, and (name, pointer) pairs
        # (None: any) pointed at one: registering or promoting anything else under a name undoes it
        self._foreign: set[str | None] = set()
        self._foreign_pointers: set[tuple[str, str] | None] = set()
        self._dynamic_store = False  # a tracking or registry URI the code computes
        self._registered_at: dict[str, int] = {}  # registered name -> its first registration's order
        self._first_seen: dict[int, int] = {}  # id(call) -> the order it first came up in
        self._registrations: frozenset[str] = frozenset()  # names bound only to register_model's result
        self._logged: frozenset[str] = frozenset()  # names bound only to a log_model's result
        # anywhere in the file, whatever the order: a store or registry set, a registration that
        # is not of the code's own run (a load inside a function may run after either)
        self._any_store_setter = False
        self._setter_in_function = False
        self._registered_elsewhere = False

    def prepare(self, nodes: Sequence[ast.AST], qualname: QualName) -> None:
        """How often each name is bound, and which names hold the code's own runs, from every
        node of the module (the visitor's one walk)."""
        self._bindings = binding_counts(nodes)
        # A star import may bind any name: then no name is known to hold only what the code bound.
        candidates = {} if self._bindings["*"] else _bound_values(nodes)

        def bound_only(test: Callable[[str, ast.AST], bool]) -> frozenset[str]:
            """The names every binding of which passes `test`."""
            return frozenset(
                name
                for name, values in candidates.items()
                if len(values) == self._bindings[name] and all(test(name, value) for value in values)
            )

        self._runs = bound_only(lambda name, value: _starts_run(value, qualname, name))
        self._run_ids = bound_only(lambda _, value: self._run_id(value))
        # `info = mlflow.sklearn.log_model(...)`: names bound only to what logging a model returned
        self._logged = bound_only(
            lambda _, value: (
                isinstance(value, ast.Call)
                and last_name(value.func) == "log_model"
                and (qualname(value.func) or "").startswith("mlflow.")
            )
        )
        self._registrations = bound_only(
            lambda _, value: isinstance(value, ast.Call) and last_name(value.func) == "register_model"
        )
        # A notebook's cells are judged in order, so a remote URI set in a later cell would come
        # too late for a load in a function defined earlier: every setter is read here first.
        texts = {
            name: values[0].value
            for name, values in candidates.items()
            if self._bindings[name] == 1 and isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)
        }
        for node in nodes:
            if isinstance(node, ast.Call) and last_name(node.func) in ("register_model", *_VERSION_MAKERS):
                # A load inside a function runs whenever it is called: any registration anywhere
                # that is not of the code's own run (judged without the order of the calls) counts
                model_uri = _argument(node, 0, "model_uri")
                if last_name(node.func) != "register_model" or not self._run_uri(model_uri):
                    self._registered_elsewhere = True
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) and not self._setter_in_function:
                # a store set inside a function may be set whenever it is called, after a registration
                self._setter_in_function = any(
                    isinstance(inner, ast.Call) and last_name(inner.func) in _URI_SETTERS for inner in ast.walk(node)
                )
            if not (isinstance(node, ast.Call) and last_name(node.func) in _URI_SETTERS):
                continue
            self._any_store_setter = True
            called = qualname(node.func) or ""
            if called in ("mlflow.set_tracking_uri", "mlflow.set_registry_uri"):
                uri = _argument(node, 0, "uri")
                text = _literal(uri, texts)
                if text is None or not local_store(text):
                    if called.endswith("set_tracking_uri"):
                        self._other_store = True
                    else:
                        self._other_registry = True

    def remember_assignment(self, target: ast.AST, value: ast.AST) -> None:
        if not isinstance(target, ast.Name):
            return
        prefix = uri_prefix(value)
        if prefix is not None and (_store_uri(prefix, "runs") or _store_uri(prefix, "models")):
            self._uris[target.id] = value
        else:
            self._uris.pop(target.id, None)

    def record_call(self, call: ast.Call, qualname: str, top_level: bool) -> None:
        """`top_level`: the call runs when the module (or the notebook's cell) does, not in a function."""
        if last_name(call.func) in _PROMOTERS:
            self._promote(call, _PROMOTERS[last_name(call.func)])
        elif last_name(call.func) in _VERSION_MAKERS:
            # MlflowClient's create_model_version(name, source) / copy_model_version(src, dst_name):
            # a version from anywhere under that name
            position, keyword = _VERSION_MAKERS[last_name(call.func)]
            self._foreign.add(self._constant_text(_argument(call, position, keyword) or ast.Constant(None)) or None)
        if not qualname.startswith("mlflow."):
            return
        attribute = qualname.rsplit(".", 1)[-1]
        if attribute == "autolog":
            self.logs_models |= _autolog_logs_models(call)
        elif attribute in ("log_model", "save_model"):
            self.logs_models = True
            if attribute == "log_model":
                self._register(_argument(call, -1, "registered_model_name"), call)
        elif attribute == "register_model":
            if self.own_run(_argument(call, 0, "model_uri")):
                self._register(_argument(call, 1, "name"), call)
            else:
                name = _argument(call, 1, "name")
                self._foreign.add((self._constant_text(name) if name is not None else None) or None)
        if attribute in _URI_SETTERS:
            # a store chosen after the code registered its models: the name there may be anyone's
            # (calls are ordered by where they first came up: the walk may meet them twice)
            order = self._order(call)
            self._foreign |= {name for name, at in self._registered_at.items() if at < order}
        if attribute == "set_tracking_uri":
            # Only the global URI: `MlflowClient(tracking_uri=...)` serves that client's calls.
            # A script's calls are seen in no particular order, so a remote or unknown URI anywhere
            # undoes a local one; a local one counts only where it surely runs.
            text = self._uri_text(call)
            self._dynamic_store |= text is None
            if text is not None and local_store(text):
                if top_level:
                    self.local_store = text.strip()
            else:
                self._other_store = True
        elif attribute == "set_registry_uri":
            text = self._uri_text(call)
            self._dynamic_store |= text is None
            self._other_registry |= text is None or not local_store(text)

    def _run_uri(self, uri: ast.AST | None) -> bool:
        """`runs:/{run.info.run_id}/...` of a run the code started (whether or not it logs models)."""
        parts = _uri_parts(self._resolved(uri))
        if len(parts) < 2 or not (isinstance(parts[0], ast.Constant) and parts[0].value == "runs:/"):
            return False
        second = parts[1].value if isinstance(parts[1], ast.FormattedValue) else parts[1]
        return self._run_id(second)

    def own_run(self, uri: ast.AST | None) -> bool:
        """The URI names a run this code started (and it logs models): `f"runs:/{run.info.run_id}/m"`
        or `"runs:/" + run.info.run_id + "/m"`, or it is `info.model_uri` of what the code's own
        `log_model` returned (MLflow's documented way to load back the model just logged)."""
        if (
            isinstance(uri, ast.Attribute)
            and uri.attr == "model_uri"
            and isinstance(uri.value, ast.Name)
            and uri.value.id in self._logged
        ):
            return True
        parts = _uri_parts(self._resolved(uri))
        if not self.logs_models or len(parts) < 2:
            return False
        first, second = parts[0], parts[1]
        if not (isinstance(first, ast.Constant) and first.value == "runs:/"):
            return False
        if isinstance(second, ast.FormattedValue):
            if second.format_spec is not None or second.conversion != -1:
                return False
            second = second.value
        return self._run_id(second)

    def _promote(self, call: ast.Call, pointer_keyword: str) -> None:
        """`client.set_registered_model_alias(name, alias, version)` or
        `client.transition_model_version_stage(name, version, stage)` on a version this code's own
        registration returned (`result.version`, `result = mlflow.register_model(...)`), of a name
        it registers from its own models."""
        name = self._constant_text(_argument(call, 0, "name") or ast.Constant(None))
        version_position, pointer_position = (2, 1) if pointer_keyword == "alias" else (1, 2)
        pointer = self._constant_text(_argument(call, pointer_position, pointer_keyword) or ast.Constant(None))
        version = _argument(call, version_position, "version")
        own_version = self._registration_version(version)
        if name and pointer and own_version and name in self._registered:
            self._promoted.add((name, pointer))
        else:
            self._foreign_pointers.add((name, pointer) if name and pointer else None)

    def _register(self, name: ast.AST | None, call: ast.Call) -> None:
        text = self._constant_text(name) if name is not None else None
        if text:
            self._registered.add(text)
            self._registered_at.setdefault(text, self._order(call))

    def _order(self, call: ast.Call) -> int:
        """Where a call first came up among those recorded."""
        return self._first_seen.setdefault(id(call), len(self._first_seen))

    def registered_here(self, uri: ast.AST | None, in_function: bool = False) -> bool:
        """The URI is `models:/<name>/...` or `models:/<name>@alias` of a name this code registers
        from a model it logs or from its own run. Calls are judged in the order they come (a
        notebook's cells run in order); a load inside a function may run after anything in the
        file, so there no store may be set and no other registration made anywhere."""
        if self._dynamic_store or None in self._foreign:
            return False
        if self._setter_in_function or (in_function and (self._any_store_setter or self._registered_elsewhere)):
            return False
        name = self._model_name(self._resolved(uri))
        return name is not None and name in self._registered and name not in self._foreign

    def _model_name(self, uri: ast.AST | None) -> str | None:
        """The registered model name a `models:/` URI names, when its text up to the name is constant."""
        parts = _uri_parts(uri)
        text = ""
        computed: ast.AST | None = None  # the first part that is not constant
        for index, part in enumerate(parts):
            value = part.value if isinstance(part, ast.FormattedValue) else part
            if isinstance(part, ast.FormattedValue) and (part.format_spec is not None or part.conversion != -1):
                value_text = None
            else:
                value_text = self._constant_text(value)
            text += "\0" if value_text is None else value_text
            if "\0" in text:
                computed = value if index == len(parts) - 1 else None  # only as the URI's last part
                break
        if not text.startswith("models:/"):
            return None
        rest = text[len("models:/") :]
        cut = min((rest.index(mark) for mark in "/@" if mark in rest), default=-1)
        if cut <= 0:
            return None
        name, version = rest[:cut], rest[cut:]
        # the versions it registers: the latest, a number, one computed (its registration's), or
        # a stage or alias it gives one of its registrations itself
        pointer = (name, version[1:])
        own_pointer = pointer in self._promoted and not ({pointer, None} & self._foreign_pointers)
        own_version = version == "/\0" and self._registration_version(computed)
        if "\0" in name or not (version == "/latest" or version[1:].isdigit() or own_pointer or own_version):
            return None
        return name

    def _registration_version(self, node: ast.AST | None) -> bool:
        """`result.version` of a name bound only to the code's `register_model(...)` results."""
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "version"
            and isinstance(node.value, ast.Name)
            and node.value.id in self._registrations
        )

    def local_model(self, uri: ast.AST | None) -> str | None:
        """The local tracking URI a `runs:/` or `models:/` load resolves against, if any."""
        text = uri_prefix(self._resolved(uri))
        if text is None or self.local_store is None or self._other_store:
            return None
        if _store_uri(text, "models"):
            # registered models live in the registry, which defaults to the tracking store
            return None if self._other_registry else self.local_store
        return self.local_store if _store_uri(text, "runs") else None

    def _run_id(self, node: ast.AST) -> bool:
        """`run.info.run_id` of a run the code started, or a name bound only to one."""
        if isinstance(node, ast.Name):
            return node.id in self._run_ids
        return (
            isinstance(node, ast.Attribute)
            and node.attr == "run_id"
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "info"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id in self._runs
        )

    def _resolved(self, uri: ast.AST | None) -> ast.AST | None:
        if isinstance(uri, ast.Name):
            return self._uris.get(uri.id) if self._bindings[uri.id] == 1 else None
        return uri

    def _uri_text(self, call: ast.Call) -> str | None:
        uri = _argument(call, 0, "uri")
        return self._constant_text(uri) if uri is not None else None


def _uri_parts(uri: ast.AST | None) -> list[ast.expr]:
    """The pieces a URI is written in: an f-string's values, or the operands of a `+` chain."""
    if isinstance(uri, ast.JoinedStr):
        return list(uri.values)
    parts: list[ast.expr] = []
    pending = [uri] if isinstance(uri, ast.expr) else []
    while pending:
        node = pending.pop()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and len(parts) + len(pending) < 64:
            pending += [node.right, node.left]
        else:
            parts.append(node)
    return parts


def _argument(call: ast.Call, position: int, keyword: str) -> ast.AST | None:
    """The argument given by `keyword` or at `position` (-1: by keyword only)."""
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return call.args[position] if 0 <= position < len(call.args) else None


def _literal(node: ast.AST | None, texts: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return texts.get(node.id) if isinstance(node, ast.Name) else None


def _autolog_logs_models(call: ast.Call) -> bool:
    """`autolog()` logs each trained model unless told not to; keywords it cannot read (`**kw`,
    `log_models=flag`, `disable=...`) leave it unknown, so not counted."""
    for item in call.keywords:
        value = item.value
        if item.arg is None:
            return False
        if item.arg == "log_models" and not (isinstance(value, ast.Constant) and value.value is True):
            return False
        if item.arg == "disable" and not (isinstance(value, ast.Constant) and value.value is False):
            return False
    return True


def _starts_run(value: ast.AST, qualname: QualName, name: str) -> bool:
    """`mlflow.start_run(...)`, `mlflow.active_run()`, `mlflow.last_active_run()`, or
    `mlflow.get_run(<name>.info.run_id)` (the same run read again)."""
    if not isinstance(value, ast.Call) or last_name(value.func) not in _RUN_STARTERS | {"get_run"}:
        return False
    called = qualname(value.func) or ""
    if not called.startswith("mlflow."):
        return False
    attribute = called.rsplit(".", 1)[-1]
    if attribute in _RUN_STARTERS:
        return True
    if attribute == "get_run" and len(value.args) == 1:
        argument = value.args[0]
        return (
            isinstance(argument, ast.Attribute)
            and argument.attr == "run_id"
            and isinstance(argument.value, ast.Attribute)
            and isinstance(argument.value.value, ast.Name)
            and argument.value.value.id == name
        )
    return False


def last_name(func: ast.AST) -> str:
    """`set_tracking_uri` of `mlflow.set_tracking_uri` or of a bare imported name; "" for anything else."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _bound_values(nodes: Sequence[ast.AST]) -> dict[str, list[ast.AST]]:
    """Name -> the values of its plain bindings (`x = v`, `with v as x`)."""
    values: dict[str, list[ast.AST]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values.setdefault(node.targets[0].id, []).append(node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    values.setdefault(item.optional_vars.id, []).append(item.context_expr)
    return values


def binding_counts(nodes: Sequence[ast.AST]) -> Counter[str]:
    """How many times each name is bound anywhere in the module, in any form (assignment, loop,
    `with`/`except` target, walrus, parameter, import, definition, `match` capture); a star import,
    which may bind any name, counts under "*"."""
    counts: Counter[str] = Counter()
    for node in nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            counts[node.id] += 1
        elif isinstance(node, ast.arg):
            counts[node.arg] += 1
        elif isinstance(node, ast.alias):
            counts[(node.asname or node.name).split(".", 1)[0]] += 1  # `import *` counts as "*"
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)):
            if node.name:  # `case run:`, `case Run() as run:`, `case [*rest]`
                counts[node.name] += 1
        elif isinstance(node, ast.MatchMapping):
            if node.rest:  # `case {**rest}`
                counts[node.rest] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)):
            if node.name:  # an `except` without `as` binds nothing
                counts[node.name] += 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            counts.update({name: 2 for name in node.names})  # bound from elsewhere too
    return counts
