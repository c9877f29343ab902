"""Whose model an `mlflow.<flavor>.load_model(uri)` reads: a run or registered model of this
notebook's or script's own making, or of a tracking store on this machine.

A `runs:/<id>/...` or `models:/<name>/...` URI is resolved by the tracking server the code talks
to. Two cases put the model in the author's own hands:

- the code logs models itself (`log_model`, `save_model`, or `autolog`, which logs the model of
  every training call unless `log_models=False`) and loads a `runs:/` URI; or it registers the
  name it loads (`register_model(uri, "name")`, `log_model(..., registered_model_name="name")`)
  and loads `models:/name/...`;
- the code points MLflow at a store on this machine (`set_tracking_uri("sqlite:///mlflow.db")`,
  a `file:` or plain folder, `http://localhost:5000`, `http://127.0.0.1:5000`) and to no other
  store: every run and registered model in it was logged from this machine.

Anything else (a remote tracking server, a direct `s3://` or `https://` URI, a URI built from a
parameter) names a model someone else may have logged: the load keeps its severity.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from urllib.parse import urlsplit

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_STORE_URIS = ("runs:/", "models:/")
_HOSTED_SCHEMES = frozenset({"databricks", "databricks-uc", "uc"})  # named services, not folders


def uri_prefix(node: ast.AST | None) -> str | None:
    """The constant start of a string or f-string (`f"runs:/{run_id}/model"` -> `runs:/`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def local_store(uri: str) -> bool:
    """Whether a tracking URI names a store on this machine."""
    text = uri.strip()
    if not text:
        return False
    if text.startswith("sqlite:"):
        return True
    if text.startswith("file:"):
        # `file:///srv/mlruns`, `file:mlruns`; `file://host/share` is another machine's folder
        host = urlsplit(text).netloc.lower()
        return host in ("", "localhost")
    if text.split(":", 1)[0] in _HOSTED_SCHEMES:  # `databricks`, `databricks://profile`
        return False
    parts = urlsplit(text)
    if not parts.scheme or (len(parts.scheme) == 1 and text[1:2] == ":"):  # `mlruns`, `C:\mlruns`
        return "://" not in text
    if parts.scheme in ("http", "https"):
        return (parts.hostname or "") in _LOCAL_HOSTS
    return False


class MlflowStore:
    """What a notebook or script tells MLflow, recorded call by call."""

    def __init__(self, constant_text: Callable[[ast.AST], str | None]) -> None:
        self._constant_text = constant_text
        self.logs_models = False  # log_model, save_model or autolog seen
        self.local_store: str | None = None  # the tracking URI on this machine it set
        self._other_store = False  # it also sets a remote tracking URI, or one not known
        self._other_registry = False  # it sets a model registry URI (models:/ resolves there) not local
        self._registered: set[str] = set()  # keys of the model names it registers
        self._uris: dict[str, ast.AST] = {}  # name -> the runs:/ or models:/ URI assigned to it

    def remember_assignment(self, target: ast.AST, value: ast.AST) -> None:
        if not isinstance(target, ast.Name):
            return
        prefix = uri_prefix(value)
        if prefix is not None and prefix.startswith(_STORE_URIS):
            self._uris[target.id] = value
        else:
            self._uris.pop(target.id, None)

    def record_call(self, call: ast.Call, qualname: str) -> None:
        if not qualname.startswith("mlflow."):
            return
        attribute = qualname.rsplit(".", 1)[-1]
        if attribute == "autolog":
            self.logs_models |= not _keyword_false(call, "log_models")
        elif attribute == "log_model" or attribute == "save_model":
            self.logs_models = True
            self._register(_argument(call, None, "registered_model_name"))
        elif attribute == "register_model":
            self._register(_argument(call, 1, "name"))
        elif attribute == "set_tracking_uri":
            # Only the global URI: `MlflowClient(tracking_uri=...)` serves that client's calls,
            # not `mlflow.<flavor>.load_model`. A script's calls are seen in no particular order,
            # so a second, remote or unknown, URI anywhere undoes the local one.
            uri = _argument(call, 0, "uri")
            text = self._constant_text(uri) if uri is not None else None
            if text is not None and local_store(text):
                self.local_store = text.strip()
            else:
                self._other_store = True
        elif attribute == "set_registry_uri":
            uri = _argument(call, 0, "uri")
            text = self._constant_text(uri) if uri is not None else None
            self._other_registry |= text is None or not local_store(text)

    def own_model(self, uri: ast.AST | None) -> bool:
        """The URI names a run or registered model this code logged or registered itself."""
        uri = self._resolved(uri)
        text = uri_prefix(uri)
        if text is None:
            return False
        if text.startswith("runs:/"):
            return self.logs_models
        if text.startswith("models:/"):
            name = _model_name(uri, text, self._constant_text)
            return name is not None and name in self._registered
        return False

    def local_model(self, uri: ast.AST | None) -> str | None:
        """The local tracking URI a `runs:/` or `models:/` load resolves against, if any."""
        text = uri_prefix(self._resolved(uri))
        if text is None or self.local_store is None or self._other_store:
            return None
        if text.startswith("models:/"):
            # registered models live in the registry, which defaults to the tracking store
            return None if self._other_registry else self.local_store
        return self.local_store if text.startswith("runs:/") else None

    def _resolved(self, uri: ast.AST | None) -> ast.AST | None:
        if isinstance(uri, ast.Name):
            return self._uris.get(uri.id)
        return uri

    def _register(self, name: ast.AST | None) -> None:
        key = _name_key(name, self._constant_text)
        if key is not None:
            self._registered.add(key)


def _argument(call: ast.Call, position: int | None, keyword: str) -> ast.AST | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    if position is not None and position < len(call.args):
        return call.args[position]
    return None


def _keyword_false(call: ast.Call, keyword: str) -> bool:
    value = _argument(call, None, keyword)
    return isinstance(value, ast.Constant) and value.value is False


def _name_key(node: ast.AST | None, constant_text: Callable[[ast.AST], str | None]) -> str | None:
    if node is None:
        return None
    text = constant_text(node)
    if text is not None and text.strip():
        return "c:" + text.strip()
    if isinstance(node, ast.Name):
        return "n:" + node.id
    return None


def _model_name(uri: ast.AST | None, prefix: str, constant_text: Callable[[ast.AST], str | None]) -> str | None:
    """The key of the registered name a `models:/` URI loads (`models:/name/1`,
    `f"models:/{model_name}/Staging"`)."""
    rest = prefix[len("models:/") :]
    if rest:
        # `models:/name/1`, `models:/name/Staging`, `models:/name@champion`; an f-string's constant
        # start (`f"models:/churn{suffix}/1"`) ends the name only where a `/` or `@` does.
        name = re.split(r"[/@]", rest, maxsplit=1)[0]
        complete = len(name) < len(rest) or isinstance(uri, ast.Constant)
        return "c:" + name if name and complete else None
    if isinstance(uri, ast.JoinedStr) and len(uri.values) > 1:
        value = uri.values[1]
        if isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name):
            return _name_key(value.value, constant_text)
    return None
