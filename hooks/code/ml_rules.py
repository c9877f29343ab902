"""ML-specific unsafe calls, found in one pass over the module's AST.

Names are resolved through the module's imports (`import torch as T`, `from pickle import loads
as x`), and variables remember what created them (`tar = tarfile.open(...)`), so the checks see
through aliases and through the `with ... as` forms ML code is written in.
"""

from __future__ import annotations

import ast
import posixpath
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from hooks._core.display import printable
from hooks._core.findings import Issue
from hooks._core.rules import Rule
from hooks._core.severity import Severity
from hooks._shared.urls import LOOPBACK_HOST
from hooks.code import rules
from hooks.code.arithmetic_guard import arithmetic_only
from hooks.code.bindings import assigned_names, names_bound_by
from hooks.code.command_origin import (
    DEFINED,
    CommandOrigins,
    module_aliases,
    name_of,
    parameter_default,
    parameters_of,
    qualified_name,
)
from hooks.code.flyte_inputs import fed_task_parameters
from hooks.code.ingestion import ingestion_issues
from hooks.code.launched import CommandFinder, wrappers_of
from hooks.code.load_context import (
    LoadContext,
    load_target,
    names_bound_from_the_side,
    names_bound_more_than_once,
    prescan_writes,
    read_texts_of,
)
from hooks.code.model_in_sight import model_in_sight
from hooks.code.own_jobs import rebound_names
from hooks.code.own_modules import defines_tar_helper, own_module_file
from hooks.code.pickle_free_reads import PickleFreeReads
from hooks.code.pipeline_inputs import FedFolders
from hooks.code.python_source import PythonSource, inert_mentions, may_write, read_mentions
from hooks.code.pyyaml_releases import old_pyyaml_possible, scan_root
from hooks.code.serialisers import built_writes, module_level_calls, writing_functions
from hooks.code.serving import served_model_functions, serves_requests
from hooks.code.started_code import call_starts_code, magic_starts_code, restored_names, single_literal_names
from hooks.code.string_values import StringResolver
from hooks.code.tar_member_checks import ModuleContext, checked_extractions
from hooks.code.test_fixtures import imports_fetchers, reads_tests_own_file, tests_own_value
from hooks.code.torch_releases import restricted_default_source
from hooks.code.tree_nodes import module_nodes, nodes_of
from hooks.code.yaml_loaders import SAFE_YAML_LOADERS, UNSAFE_YAML_LOADERS, OwnLoaders

_PICKLE_FORMATS = (".bin", ".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib", ".jbl", ".sav", ".npy")
_PICKLE_LIKE = {
    "joblib.load": (rules.JOBLIB_LOAD, "joblib.load unpickles the file: loading runs any code it carries"),
    "sklearn.externals.joblib.load": (
        rules.JOBLIB_LOAD,
        "joblib.load unpickles the file: loading runs any code it carries",
    ),
    "cloudpickle.load": (rules.PICKLE_LIKE_LOAD, "cloudpickle.load runs any code the data carries"),
    "cloudpickle.loads": (rules.PICKLE_LIKE_LOAD, "cloudpickle.loads runs any code the data carries"),
    "_pickle.load": (rules.PICKLE_LIKE_LOAD, "_pickle.load runs any code the data carries"),
    "_pickle.loads": (rules.PICKLE_LIKE_LOAD, "_pickle.loads runs any code the data carries"),
    "_pickle.Unpickler": (rules.PICKLE_LIKE_LOAD, "_pickle.Unpickler runs any code the data carries"),
    "cPickle.load": (rules.PICKLE_LIKE_LOAD, "cPickle.load runs any code the data carries"),
    "cPickle.loads": (rules.PICKLE_LIKE_LOAD, "cPickle.loads runs any code the data carries"),
    "pandas.read_pickle": (
        rules.PANDAS_READ_PICKLE,
        "pandas.read_pickle unpickles the file: loading runs any code it carries",
    ),
    "pandas.io.pickle.read_pickle": (
        rules.PANDAS_READ_PICKLE,
        "pandas.read_pickle unpickles the file: loading runs any code it carries",
    ),
}
_YAML_UNSAFE_FUNCTIONS = frozenset({"yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all"})
# FullLoader and what uses it: they build Python objects only before PyYAML 5.4 (pyyaml_releases.py).
_YAML_FULL_FUNCTIONS = frozenset({"yaml.full_load", "yaml.full_load_all"})
_FULL_LOADERS = frozenset({"yaml.FullLoader", "yaml.CFullLoader"})


def _full_loader_fixed(what: str) -> str:
    return (
        f"{what}: FullLoader builds no Python object since PyYAML 5.4, and the project holds no older"
        " release; low (older PyYAML, such as Ubuntu 20.04's python3-yaml, runs code: use yaml.safe_load)"
    )


_TORCH_LOAD = frozenset({"torch.load", "torch.serialization.load"})
_TORCH_HUB = frozenset({"torch.hub.load", "torch.hub.load_state_dict_from_url", "torch.utils.model_zoo.load_url"})
_KERAS_LAMBDA = re.compile(
    r"^(?:tensorflow\.|tf\.)?(?:keras\.)?(?:src\.)?layers\.(?:core\.)?Lambda$|^keras\.layers\.Lambda$"
)
_MLFLOW_LOAD = re.compile(r"^mlflow\.(?:\w+\.)?load_model$")
# Flavours whose loader reads the framework's own file format (no pickle). Their load_model still
# puts the model's bundled `code` folder first on sys.path and imports what its MLmodel names
# (xgboost's `model_class`), so an untrusted model still runs code: the message says how.
_MLFLOW_NATIVE_FORMATS = {
    "xgboost": "XGBoost's own format",
    "catboost": "CatBoost's own format",
    "onnx": "an ONNX protobuf",
    "prophet": "Prophet's JSON",
}


def _mlflow_load_effect(name: str) -> str:
    flavour = name.split(".")[1] if name.count(".") == 2 else ""
    if flavour in _MLFLOW_NATIVE_FORMATS:
        return (
            f"{name} reads {_MLFLOW_NATIVE_FORMATS[flavour]}, but puts the model's bundled code first on "
            "sys.path and imports what its MLmodel names: only load models you trust"
        )
    return f"{name} unpickles the model (cloudpickle): only load models you trust"


# Names of places, not of what a model said: `output_file`, `output_dir`, `prediction_uri`.
_PLACE_NAME = re.compile(
    r"(?i)(?:^|_)(?:file|path|dir|folder|uri|url|filename|bucket|prefix|location)s?$"
    r"|(?i:^|_)(?:s3|gcs|gs|blob|bucket|destination|dest)(?:_|$)"  # `s3_output`: where output is stored
)
# Names of what a program printed, not of what a model said: `shell_output`, `cmd_output`.
_PROCESS_NAME = re.compile(r"(?i)(?:^|_)(?:shell|cmd|command|process|proc|subprocess|stdout|stderr|console)(?:_|$)")
# Names of generated identifiers, not of generated text: `generate_uuid`, `generated_id`.
_IDENTITY_NAME = re.compile(r"(?i)(?:^|_)(?:uuid|guid|id|name|suffix|seed|salt|hash|timestamp)s?$")
# Names of what a test compares model output with, written by the test's author:
# `expected_output`, `golden_response`, `reference_answer`, `ground_truth_completion`.
_EXPECTED_NAME = re.compile(r"(?i)(?:^|_)(?:expected|golden|gold|reference|ground_truth|groundtruth)(?:_|$)")
# ... unless the name also says a model made it (`generated_reference_code`, `llm_golden_output`).
_MODEL_MADE_NAME = re.compile(r"(?i)(?:^|_)(?:generated?|llm|model|completion|chat|assistant|agent)(?:_|$)")
_LLM_HINT = re.compile(
    r"(?i)(?:^|_)(response|completion|generated?|generation|output|answer|reply|llm|chat|content|choices|"
    r"prediction|invoke|predict|agent|assistant)(?:$|_|s$)"
)
# The hints that name what a model makes (`prediction`, `completion`, `answer`), as against the
# nouns any program uses for its own data (`output`, `content`, `response`), which count only
# where a model or the network is in sight (hooks/code/model_in_sight.py).
_MODEL_WORD_HINT = re.compile(
    r"(?i)(?:^|_)(completion|generated?|generation|answer|reply|llm|chat|choices|prediction|invoke|predict|"
    r"agent|assistant)(?:$|_|s$)"
)
# torch.hub's `owner/name[:ref]` (hub.py's _parse_repo_info) and a full git commit id.
_HUB_REPOSITORY = re.compile(r"(?P<owner>[A-Za-z0-9_.-]+)/(?P<name>[A-Za-z0-9_.-]+)(?::(?P<ref>[^\s:]+))?")
_COMMIT_ID = re.compile(r"[0-9a-f]{40}")
_BRANCH_OR_TAG = re.compile(r"[A-Za-z0-9._-]{1,100}")  # `main`, `v0.10.0`; not `refs/pull/1/head`
# transformers.pipeline arguments that fetch nothing by themselves.
_INERT_PIPELINE_ARGUMENTS = frozenset(
    {
        "task",
        "model",
        "tokenizer",
        "trust_remote_code",
        "device",
        "device_map",
        "torch_dtype",
        "dtype",
        "framework",
        "batch_size",
        "use_fast",
    }
)
# Bind addresses of this machine alone, as a server's `host=` takes them.
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# A URL of this machine itself: localhost, 127.0.0.0/8, [::1], 0.0.0.0 (which connects locally).
# The host must end the authority: a path, query or fragment follows, or a port (whose digits may
# come from a variable: `f"https://localhost:{port}/x"`). `https://localhost:80@evil.com` is
# evil.com with a user name; `f"https://localhost{suffix}/x"` may be `localhost.evil.com`.
_LOOPBACK_URL = re.compile(rf"(?i)^https?://(?:{LOOPBACK_HOST}|0\.0\.0\.0)(?::\d{{0,5}}(?:[/?#]|$)|[/?#])")


_FILE_READS = frozenset({"read", "readlines", "readline", "read_text"})


def _read_from_file(value: ast.AST) -> bool:
    """`open(p).read()`, `handle.readlines()`, `Path(p).read_text()`: a file's text, which a
    name like `content` or `output` does not make a model's answer. The reader must be a file or
    a path (`open(...)`, a name, `Path(...)`), not a model's response object (`response.read()`
    is judged by what `response` holds)."""
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in _FILE_READS):
        return False
    reader = value.func.value
    if isinstance(reader, ast.Call):
        called = reader.func.attr if isinstance(reader.func, ast.Attribute) else getattr(reader.func, "id", "")
        return called in ("open", "Path", "PurePath")
    return isinstance(reader, ast.Name) and not _hinted(reader.id)


def _hinted(name: str) -> bool:
    """A name that says "what a model produced" and is not a place, a program's output, an id or
    the output a test expects."""
    return bool(
        _LLM_HINT.search(name)
        and not _PLACE_NAME.search(name)
        and not _PROCESS_NAME.search(name)
        and not _IDENTITY_NAME.search(name)
        and not (_EXPECTED_NAME.search(name) and not _MODEL_MADE_NAME.search(name))
    )


# pickle-module loads bandit reports as B301 (we add no rule of our own for them).
_BANDIT_PICKLE_LOADS = frozenset(
    {
        "pickle.load",
        "pickle.loads",
        "pickle.Unpickler",
        "dill.load",
        "dill.loads",
        "shelve.open",
        "jsonpickle.decode",
        "cPickle.load",
    }
)
# Serialisers whose bytes a pickle-family `loads` reads back in a round trip (`loads(dumps(x))`).
_PICKLE_DUMPS = frozenset({"pickle.dumps", "cloudpickle.dumps", "dill.dumps", "_pickle.dumps", "cPickle.dumps"})
# PyYAML's emitters, whose text (a `str` when no stream is given) an unsafe load reads back in a
# round trip (`yaml.unsafe_load(yaml.dump(cfg))`: a check that the config loads again).
_YAML_DUMPS = frozenset({"yaml.dump", "yaml.safe_dump", "yaml.dump_all", "yaml.safe_dump_all"})
# Programs that only create, copy, list or unpack files: what scripts run through a shell to
# prepare folders (`os.system("mkdir -p " + out_dir)`) or copy to and from a bucket (gsutil).
_FILE_UTILITIES = frozenset(
    "mkdir rmdir cp mv rm ls touch ln du df wc head tail unzip gzip gunzip tar gsutil azcopy".split()
)


def _rebinds_serialiser(
    node: ast.AST, qualname: Callable[[ast.AST], str | None], dumpers: frozenset[str], short: set[str]
) -> bool:
    """`yaml.dump = f`, `setattr(yaml, "dump", f)`: a statement that gives a serialiser's name to
    other code."""
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(target, ast.Attribute) and qualname(target) in dumpers for target in targets)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value in short
    )


def _makes_own_yaml_text(node: ast.AST) -> bool:
    """`yaml.add_representer(...)`, `add_multi_representer`, `dump(x, Dumper=MyDumper)`: the code
    decides what the emitted text says, tags that call functions included."""
    if isinstance(node, ast.Attribute) and node.attr in ("add_representer", "add_multi_representer"):
        return True
    if isinstance(node, ast.Name) and node.id in ("add_representer", "add_multi_representer"):
        return True
    return isinstance(node, ast.Call) and any(k.arg == "Dumper" for k in node.keywords)


def _runs_text_as_code(module: ast.Module) -> bool:
    """`exec("text = ...")`, `eval(...)`, `sys.modules[__name__].text = ...`: module-level names
    bound by code the reading does not see."""
    for node in nodes_of(module):
        if isinstance(node, ast.Name) and node.id in ("exec", "eval", "compile"):
            return True
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "modules"
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            return True
    return False


def _emits_text(call: ast.Call, name: str | None) -> bool:
    """Whether a serialiser call returns what it wrote: PyYAML's emitters do only without a stream
    (a second positional argument or `stream=`), pickle's `dumps` always."""
    if name not in _YAML_DUMPS:
        return True
    return len(call.args) < 2 and not any(k.arg == "stream" for k in call.keywords)


def _leading_text(node: ast.AST) -> str | None:
    """The constant text a built string starts with: `"mkdir " + p`, `f"mkdir {p}"`,
    `"mkdir {}".format(p)`, `"mkdir %s" % p`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _leading_text(node.values[0])
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _leading_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _leading_text(node.func.value)
    return None


def _file_utility(argument: ast.AST) -> bool:
    """A command that is one file-system utility and nothing else (no `;`, `&&`, pipes, `$(...)`
    in its constant text)."""
    leading = _leading_text(argument)
    if not leading:
        return False
    words = leading.split()
    if not words or words[0] not in _FILE_UTILITIES:
        return False
    constants = " ".join(
        n.value for n in ast.walk(argument) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    )
    return not re.search(r"[;&|`<>]|\$\(", constants)


# Calls whose first argument is a shell command or code text, with the bandit id that reports them.
_COMMAND_RUNNERS = {
    "os.system": "B605",
    "os.popen": "B605",
    "os.popen2": "B605",
    "os.popen3": "B605",
    "os.popen4": "B605",
    "commands.getoutput": "B605",
    "commands.getstatusoutput": "B605",
    "eval": "B307",
    "builtins.eval": "B307",
    "exec": "B102",
    "builtins.exec": "B102",
}
# trust_remote_code=True as text: lm-eval's `model_args="pretrained=x,trust_remote_code=True"`.
TRUST_REMOTE_CODE_TEXT = re.compile(r"(?:^|,)\s*trust_remote_code\s*=\s*True\s*(?:,|$)")
_KEY_VALUE_LIST = re.compile(r"^\s*[^\s=,]+\s*=[^,]*(?:,\s*[^\s=,]+\s*=[^,]*)*$")
_TRUST_REMOTE_CODE_NAME = re.compile(r"(?:^|_)trust_remote_code$")
_SANITISERS = frozenset({"basename", "secure_filename", "is_relative_to", "commonpath", "realpath", "abspath"})
_NOT_TAR_ARCHIVES = ("zipfile.", "py7zr.", "rarfile.", "libarchive.")
_TAR_ORIGINS = frozenset({"tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open"})
_FLYTE_OUTPUT = (
    "another task's output in its own Flyte workflow: every workflow of the file passes this parameter the "
    "file a task of the same workflow returned"
)
_MATERIALIZER_OUTPUT = (
    "a ZenML materializer's load(): it reads, from the pipeline's own artifact store, the artifact its "
    "save() wrote for an earlier step"
)
_AZUREML_OUTPUT = (
    "another job's output in its own Azure ML pipeline: every pipeline definition found that runs this script "
    "passes this option the output of another job of the same pipeline"
)
_PIPELINE_OUTPUT = (
    "the output of another step of its own pipeline: the pipeline definition wires this input from that "
    "step's properties, not from outside"
)


def _archive_path(call: ast.Call) -> ast.expr | None:
    """The path `tarfile.open(path)` / `tarfile.open(name=path)` reads."""
    return call.args[0] if call.args else _keyword(call, "name")


_ARCHIVE_LISTINGS = frozenset({"namelist", "infolist", "getmembers", "getnames"})


_PLACEHOLDER_REPOSITORY = re.compile(r"<[^<>/]*>|\{[^{}/]*\}|(?i:\byour[-_ ]?\w*|\busername\b|\bxxx+\b)")
_REPOSITORY_KEYWORDS = ("pretrained_model_name_or_path", "repo_id", "model_id", "path", "model")


# A Hub commit: what `revision=` pins when it is one (a branch or tag name moves).
_HUB_COMMIT = re.compile(r"[0-9a-f]{40}")
# A Hub repository id (`org/name`), not a folder (`./model`, `/models/x`, `~/m`, `models/x/y`).
_HF_REPOSITORY_ID = re.compile(r"[A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96}")
# Keywords of from_pretrained and pipeline that may name another repository to load from.
_OTHER_REPOSITORY_KEYWORDS = frozenset(
    {"tokenizer", "config", "feature_extractor", "image_processor", "processor", "adapter", "peft_model_id"}
)

# Of those, the ones whose loaded object is used as it is (a config is not: its `auto_map` still
# says which repository's code the model call fetches).
_LOADED_OBJECT_KEYWORDS = frozenset({"tokenizer", "feature_extractor", "image_processor", "processor"})


def _placeholder_repository(call: ast.Call) -> bool:
    """The repository argument is a constant with a placeholder in it (`"<user>/<model>"`,
    `"{your_username}/tool"`, `"YOUR_ORG/model"`); an f-string fills its fields, so it is not."""
    candidates = [*call.args[:1], *(k.value for k in call.keywords if k.arg in _REPOSITORY_KEYWORDS)]
    for candidate in candidates:
        if isinstance(candidate, ast.Constant) and isinstance(candidate.value, str):
            return bool(_PLACEHOLDER_REPOSITORY.search(candidate.value))
    return False


_RUAMEL_YAML = frozenset({"ruamel.yaml.YAML", "ruamel.yaml.main.YAML"})
_RUAMEL_LOADS = frozenset(f"{base}.{method}" for base in _RUAMEL_YAML for method in ("load", "load_all"))
_RUAMEL_SAFE_KINDS = frozenset({"rt", "safe", "base", "pure"})  # "pure": the Python flavour of one


# Calls that confine a member's path (normpath/abspath/realpath alone confine nothing).
_PATH_CONFINERS = frozenset({"basename", "commonpath", "is_relative_to", "isabs"})
_STDLIB_FILTERS = frozenset({"data_filter", "tar_filter"})


def _checks_members(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A tar filter function that really validates: every value it returns is the standard
    library's `data_filter`/`tar_filter` of the member, or it can refuse a member (returns None or
    raises) and confines paths (`os.path.basename`, `commonpath`, `is_relative_to`, `isabs`, a
    `..` test). A filter that logs and passes members through validates nothing."""
    returns = [node for node in ast.walk(function) if isinstance(node, ast.Return)]
    if returns and all(isinstance(r.value, ast.Call) and _called_name(r.value) in _STDLIB_FILTERS for r in returns):
        return True
    refuses = any(isinstance(node, ast.Raise) for node in ast.walk(function)) or any(
        r.value is None or (isinstance(r.value, ast.Constant) and r.value.value is None) for r in returns
    )
    confines = any(
        (isinstance(node, ast.Call) and _called_name(node) in _PATH_CONFINERS)
        or (isinstance(node, ast.Constant) and node.value == "..")
        for node in ast.walk(function)
    )
    return refuses and confines


# What a Flask app is used through when it only routes requests and runs: none of these can give
# its config a SERVER_NAME (`register_blueprint` can: a blueprint's callbacks receive the app).
_FLASK_APP_SAFE_ATTRIBUTES = frozenset(
    {"route", "get", "post", "put", "patch", "delete", "errorhandler", "before_request", "after_request"}
    | {"teardown_request", "teardown_appcontext", "context_processor", "template_filter", "template_global"}
    | {"add_url_rule", "run", "logger", "secret_key", "test_client"}
)
# Text that names Flask's or Werkzeug's code (a patch target given as a string).
_NAMES_THE_SERVER = re.compile(r"\b(?:werkzeug|flask)\.")
# Names through which code reaches a module's bindings from the side.
_SIDE_DOOR_NAMES = frozenset(
    {"globals", "vars", "locals", "setattr", "getattr", "exec", "eval", "__import__", "import_module", "modules"}
    | {"__dict__", "__globals__", "__setattr__", "mock", "monkeypatch"}
)


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _materializer_load_calls(nodes: Sequence[ast.AST]) -> set[int]:
    """Deserialising calls in the `load` method (and its `_load_*` helpers) of a ZenML materializer
    (a class of a module that imports zenml, with a base named `...Materializer`) whose target is
    built from `self.uri`: ZenML calls `load` with the URI of an artifact in the pipeline's artifact
    store, which the same class's `save` wrote when an earlier step returned it. A target from a
    parameter, a URL or anything fetched keeps its finding."""
    if not any(
        (isinstance(n, ast.ImportFrom) and (n.module or "").split(".", 1)[0] == "zenml")
        or (isinstance(n, ast.Import) and any(a.name.split(".", 1)[0] == "zenml" for a in n.names))
        for n in nodes
    ):
        return set()
    found: set[int] = set()
    for node in nodes:
        if not isinstance(node, ast.ClassDef) or not any(name_of(b).endswith("Materializer") for b in node.bases):
            continue
        for method in node.body:
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                method.name == "load" or method.name.startswith("_load")
            ):
                found.update(_uri_loads(method))
    return found


def _uri_loads(method: ast.FunctionDef | ast.AsyncFunctionDef) -> set[int]:
    """Calls in `method` whose first argument is built from `self.uri` (directly, or through names
    and `with ... as f` handles bound from it), with nothing fetched on the way."""
    derived: set[str] = set()

    def from_uri(expression: ast.AST) -> bool:
        if any(isinstance(n, ast.Call) and _fetches(n) for n in ast.walk(expression)):
            return False
        return any(
            (
                isinstance(n, ast.Attribute)
                and n.attr == "uri"
                and isinstance(n.value, ast.Name)
                and n.value.id == "self"
            )
            or (isinstance(n, ast.Name) and n.id in derived)
            for n in ast.walk(expression)
        )

    for _ in range(3):  # names bound from names bound from self.uri
        for node in ast.walk(method):
            if isinstance(node, ast.Assign) and from_uri(node.value):
                derived.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif (
                isinstance(node, ast.withitem)
                and isinstance(node.optional_vars, ast.Name)
                and from_uri(node.context_expr)
            ):
                derived.add(node.optional_vars.id)
    return {
        id(call) for call in ast.walk(method) if isinstance(call, ast.Call) and call.args and from_uri(call.args[0])
    }


_HTTP_FETCHERS = frozenset({"get", "post", "urlopen", "urlretrieve", "request", "download", "hf_hub_download"})


def _fetches(call: ast.Call) -> bool:
    return name_of(call) in _HTTP_FETCHERS


def _compiled_text(node: ast.expr) -> ast.expr:
    """`compile(text, name, "exec")` -> `text`: exec of compiled source runs that source."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "compile" and node.args:
        return node.args[0]
    return node


def _ruamel_kind(typ: ast.expr | None) -> str | None:
    """`typ` of `YAML(typ=...)`: "rt" when left out; a list's only entry (`typ=["safe"]`); None when
    it is not a constant."""
    if typ is None:
        return "rt"
    if isinstance(typ, (ast.List, ast.Tuple)) and len(typ.elts) == 1:
        typ = typ.elts[0]
    if isinstance(typ, ast.Constant) and isinstance(typ.value, str):
        return typ.value
    return None


def _const_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _const_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


_NOT_CONSTANT = object()


_CODE_BUILTINS = ("eval", "exec")
_BUILTIN_MODULES = frozenset({"builtins", "__builtins__", "__builtin__"})


def _builtin_under_another_name(node: ast.Call, name: str, aliases: dict[str, str]) -> str | None:
    """`eval` or `exec` when the call reaches the builtin by a name other than its own:
    `builtins.eval(...)`, `from builtins import exec as run`, `__builtins__["eval"]`,
    `getattr(builtins, "exec")`. The plain name is bandit's (B307, B102)."""
    func = node.func
    if isinstance(func, ast.Name) and func.id in _CODE_BUILTINS:
        return None
    module, _, attribute = name.rpartition(".")
    if module in _BUILTIN_MODULES and attribute in _CODE_BUILTINS:
        return attribute
    if isinstance(func, ast.Subscript) and _names_builtins(func.value, aliases):
        key = func.slice
        if isinstance(key, ast.Constant) and key.value in _CODE_BUILTINS:
            return str(key.value)
    if (
        isinstance(func, ast.Call)
        and isinstance(func.func, ast.Name)
        and func.func.id == "getattr"
        and len(func.args) >= 2
        and _names_builtins(func.args[0], aliases)
        and isinstance(func.args[1], ast.Constant)
        and func.args[1].value in _CODE_BUILTINS
    ):
        return str(func.args[1].value)
    return None


def _names_builtins(node: ast.AST, aliases: dict[str, str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _BUILTIN_MODULES or aliases.get(node.id, "") in _BUILTIN_MODULES
    return False


_REACHES_BUILTIN = frozenset({"eval", "exec", "compile", "builtins", "__builtins__", "__import__", "getattr"})
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _binds_otherwise(node: ast.AST, name: str, defs: Sequence[ast.AST]) -> bool:
    """Whether `node` binds `name` in a way other than `defs`: an assignment or deletion, a loop,
    `except ... as` or `match` target, an import, a parameter, `global`/`nonlocal`, or another
    `def`/`class` (`if cond: def eval(s): return builtins.eval(s)`)."""
    return name in names_bound_by(node, deletions=True) and not any(node is d for d in defs)


_REBINDERS = frozenset({"globals", "vars", "setattr", "locals", "__dict__", "__builtins__"})


def _reaches_builtin_code(function: ast.AST) -> bool:
    """Whether a function of the code's own named `eval` may hand over to the builtin."""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id in _REACHES_BUILTIN:
            return True
        if isinstance(node, ast.Attribute) and node.attr in _REACHES_BUILTIN:
            return True
    return False


def _rebinds_unseen(module: ast.Module, stars_before: int = 0) -> bool:
    """A star import or a way to bind names without naming them (`globals()[...] = ...`).
    `stars_before`: a star import that is a statement of the module's top level on an earlier line
    does not count (a `def` after `from fastai.vision.all import *` rebinds the name after it)."""
    for node in nodes_of(module):
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            if node.lineno < stars_before and any(node is statement for statement in module.body):
                continue
            return True
        if isinstance(node, ast.Name) and node.id in _REBINDERS:
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("run_line_magic", "magic")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and str(node.args[0].value).split(" ", 1)[0].lstrip("%") in ("run", "load", "loadpy")
        ):
            return True  # `%run helpers.py` (IPython's `run_line_magic("run", ...)`): its names land unseen
        if isinstance(node, ast.Attribute) and node.attr in _REBINDERS:
            return True
    return False


def _folded_constant(node: ast.expr, depth: int = 0, *, builtins: bool = True) -> object:
    """The value of an expression built only of constants, `not`, `and`/`or` and (`builtins`:
    when the module does not rebind them) `bool()`/`int()` of them (`not True`, `bool(0)`,
    `False or 0`); _NOT_CONSTANT for anything else."""
    if depth > 20:
        return _NOT_CONSTANT
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _folded_constant(node.operand, depth + 1, builtins=builtins)
        return _NOT_CONSTANT if inner is _NOT_CONSTANT else not inner
    if isinstance(node, ast.BoolOp):
        values = [_folded_constant(v, depth + 1, builtins=builtins) for v in node.values]
        if _NOT_CONSTANT in values:
            return _NOT_CONSTANT
        result = values[0]
        for value in values[1:]:
            result = (result and value) if isinstance(node.op, ast.And) else (result or value)
        return result
    if (
        builtins
        and isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("bool", "int")
        and len(node.args) == 1
        and not node.keywords
    ):
        inner = _folded_constant(node.args[0], depth + 1, builtins=builtins)
        if inner is _NOT_CONSTANT or not isinstance(inner, (bool, int)):
            return _NOT_CONSTANT
        return bool(inner) if node.func.id == "bool" else int(inner)
    return _NOT_CONSTANT


def _asked_trust_flags(test: ast.expr) -> set[str]:
    """The trust_remote_code flags an `if` test asks, alone or in `and` (`if self.trust_remote_code
    and "AutoModel" in auto_map:`), so that its body runs only when the caller set one: the code
    that sets the flag is judged where it does. Not another name that merely ends so
    (`no_trust_remote_code`); a flag the module sets True is ruled out where it is used."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return {flag for value in test.values for flag in _asked_trust_flags(value)}
    flag = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
    return {flag} if flag in _TRUST_FLAG_NAMES else set()


_TRUST_FLAG_NAMES = frozenset({"trust_remote_code", "_trust_remote_code"})


def _flags_set_true(module: ast.Module) -> frozenset[str]:
    """Names and attributes called trust_remote_code that the module ever sets True: assigned a
    true constant (`self.trust_remote_code = True`, a class attribute), a parameter defaulting to
    True, or an option declared with `default=True`."""
    found: set[str] = set()
    for node in ast.walk(module):
        pairs: list[tuple[ast.AST, ast.AST | None]] = []
        if isinstance(node, ast.Assign):
            pairs = [(target, node.value) for target in node.targets]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.arguments):
            positional = [*node.posonlyargs, *node.args]
            pairs = [
                (a, d) for a, d in zip(positional[len(positional) - len(node.defaults) :], node.defaults, strict=True)
            ]
            pairs += [(a, d) for a, d in zip(node.kwonlyargs, node.kw_defaults, strict=True)]
        elif isinstance(node, ast.Call) and _const_true(_keyword(node, "default")):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if any("trust" in text.replace("-", "_") for text in texts):
                found.update(_TRUST_FLAG_NAMES)
        for target, value in pairs:
            if isinstance(target, ast.Name):
                name = target.id
            elif isinstance(target, ast.Attribute):
                name = target.attr
            else:
                name = target.arg if isinstance(target, ast.arg) else ""
            if name in _TRUST_FLAG_NAMES and value is not None and _const_true(value):
                found.add(name)
    return frozenset(found)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _has_star_kwargs(call: ast.Call) -> bool:
    return any(keyword.arg is None for keyword in call.keywords)


def _constant_text(node: ast.AST) -> str | None:
    """A string argument's text; an f-string's with `x` for each field."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = node.values
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x" for v in parts)
    return None


def _lines_of(node: ast.AST) -> range:
    """Every line a node spans: bandit reports a call on any one of them."""
    start = getattr(node, "lineno", 1)
    return range(start, (getattr(node, "end_lineno", None) or start) + 1)


# `transformers.GenerationConfig.from_pretrained`, `transformers.LlamaConfig.from_pretrained`: a
# configuration class named directly. Their from_pretrained reads the JSON file and builds the
# object from it; dynamic modules (a repository's own Python) are imported only through the Auto
# classes and pipeline, which resolve a class from the repository's `auto_map`.
# Concrete transformers classes whose from_pretrained reads a JSON file and never imports
# repository code, whatever trust_remote_code says: a config (it pops the flag and warns that it
# "has no effect here"), an image processor, a feature extractor. Not a model class: a generating
# model's from_pretrained loads the repository's `custom_generate/generate.py` when the flag is
# True (transformers 4.56 and later); not a tokenizer (a concrete tokenizer may ask AutoConfig with
# the flag) nor a processor (its parts may be Auto classes).
_CONCRETE_LOADER = re.compile(
    r"transformers(?:\.[a-z_][a-z0-9_]*)*\."
    r"(?P<cls>(?!Auto|TF|Flax)[A-Z][A-Za-z0-9]*(?:Config|ImageProcessor|ImageProcessorFast|FeatureExtractor))"
    r"\.from_pretrained"
)


def _concrete_loader_class(qualname: str | None) -> str | None:
    match = _CONCRETE_LOADER.fullmatch(qualname or "")
    return match.group("cls") if match else None


def _from_pretrained(node: ast.AST) -> bool:
    """`X.from_pretrained(...)`: what it returns is a loaded model, tokenizer or processor."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "from_pretrained"


# Objects that hold a program's options (argparse's namespace and the like): their `verify` is an
# option of that program (ramalama's model verification), not a TLS session's setting.
_OPTIONS_OBJECT = re.compile(r"(?:cli_|parsed_)?args|opts|options|namespace|flags|arguments|hparams")


class MLRuleVisitor(ast.NodeVisitor):
    def __init__(
        self,
        *,
        notebook: bool = False,
        strict: bool = False,
        pipeline_fed: FedFolders | None = None,
        source_folder: str = "",
        code_file: Path | None = None,
        in_tests: str | None = None,
        filled_in: re.Pattern[str] | None = None,
    ) -> None:
        self.notebook = notebook  # cells run top to bottom: "written earlier" is "in an earlier statement"
        self.strict = strict  # `profile: strict`: context never lowers a severity
        # How the file belongs to the project's tests ("a test module", "a test folder"), or None.
        self.in_tests = in_tests
        self.aliases: dict[str, str] = {}
        self.origins: dict[str, str] = {}  # variable -> qualified name of the call that made it
        self.llm_values: set[str] = set()  # variables holding model or LLM output
        self.file_texts: set[str] = set()  # variables holding text read from a file (whatever their name)
        self.issues: list[Issue] = []
        # (line, bandit id) pairs this pass knows to be wrong, e.g. B202 on a zipfile.
        self.bandit_false_positives: set[tuple[int, str]] = set()
        # (line, bandit id) pairs whose context makes them hygiene (a load of a file written earlier).
        self.quiet_bandit: dict[tuple[int, str], str] = {}
        self.loud_bandit: set[tuple[int, str]] = set()  # lines where a call keeps bandit's severity
        self.loads = LoadContext(notebook)
        # `python -c` code the shell or IPython fills in (`'$CKPT'`, `'{path}'`) before it runs: a
        # constant path holding such a place is not the file that is read.
        self.loads.filled_in = filled_in
        self.loads.pipeline_fed = pipeline_fed or FedFolders()
        self.loads.source_folder = source_folder
        self.loads.code_file = code_file
        self.archive_paths: dict[str, ast.expr] = {}  # variable -> path of the tar archive opened into it
        self.ruamel_loaders: dict[str, ast.Call] = {}  # variable -> the `ruamel.yaml.YAML(...)` call that made it
        self._imported_names: set[str] = set()  # names some import binds anywhere in the module
        # Names local to the function being visited (assigned in it, not declared global): Python
        # binds them for the whole function, so there an assignment decides what the name is.
        self._function_locals: set[str] | None = None
        self._materializer_loads: set[int] = set()  # calls inside a ZenML materializer's load()
        self._flyte_fed: set[tuple[int, str]] = set()  # (id(task), parameter) the workflows fill
        self._azureml_destinations: frozenset[str] | None = None  # options Azure ML pipelines fill, once asked
        self._parsed_attributes: frozenset[str] | None = None  # what the script's plain parser stores
        self.serving = True  # until prepare() has seen the module: no load is quiet for being fixed
        self._served_model_functions: frozenset[int] = frozenset()  # ids: an MLflow pyfunc model's methods
        self._test_fetchers = True  # a test module imports what can fetch files (set in prepare())
        self.truthy_flags: set[str] = set()  # names (`x`, `self.x`) holding trust_remote_code=True
        # The trust_remote_code flags asked by the `if` bodies the visit is in (`if trust_remote_code
        # and auto_map:`): the flag's value decides what runs there.
        self.trust_flag_guards: list[set[str]] = []
        self._trust_set_true: frozenset[str] | None = None  # flags the module sets True (_flags_set_true)
        self._rebinders: frozenset[str] | None = None  # see _rebound_elsewhere
        self._assigned: frozenset[str] | None = None  # see _assigned_names
        self.commands = CommandFinder(self.loads.constant_text)  # shell commands the code starts
        self._module: ast.Module | None = None
        self._lambda_names: frozenset[str] | None = None  # parameters of the module's lambdas
        self._pyyaml_fixed: bool | None = None  # _pyyaml_is_fixed, once asked
        self._torch_requirement: str | None = None  # _torch_restricts_by_default, once asked ("" = no)
        self._imported_only: dict[str, str] | None = None  # see _import_only_names
        self.command_texts = ""  # a notebook's shell lines, installs and written files (set by the scanner)
        self._other_texts: list[str] = []
        self._pickle_free: PickleFreeReads | None = None
        # Loads of a notebook helper's parameter, judged at the end: (issue index, helper, parameter).
        self._helper_loads: list[tuple[int | None, int, ast.FunctionDef, str]] = []
        self._function_mentions: dict[int, dict[str, list[tuple[ast.Name, ast.AST]]]] = {}
        self._origins: CommandOrigins | None = None
        self._magics: list[str] = []  # a notebook's magic lines, for CommandOrigins
        self._trusted_loaders: dict[tuple[str, frozenset[tuple[str, str]]], bool] = {}
        self._own_loaders: OwnLoaders | None = None
        self._module_facts: dict[tuple[object, ...], bool] = {}  # _shadowed's walks of the whole module
        self._model_in_sight: bool | None = None  # see _named_output
        self._extractall_lines: set[int] = set()  # lines with a call of a method named extractall
        self._named_like_extractall: list[tuple[int, str]] = []  # calls named like it (bandit's B202)

    def prepare(
        self,
        module: ast.Module,
        shell_lines: Sequence[tuple[int, str]] = (),
        folder_changes: Sequence[tuple[int, str]] = (),
        magic_lines: Sequence[tuple[int, str]] = (),
    ) -> None:
        """Before the visit: whether the code serves requests, every text that could name a file
        (string constants and shell commands), the files its shell lines download (at their
        lines) and, for a script (not a notebook), the files it serialises anywhere. A notebook's
        shell and magic lines are kept whole for the pickle-free read check (pickle_free_reads.py)."""
        self._module = module
        self._lambda_names = None
        shell = [command for _, command in shell_lines]
        magics = [magic for _, magic in magic_lines]
        self._magics = magics
        self._other_texts = [*shell, *magics]  # a notebook's shell and magic lines: text outside the tree
        # Names rebound through the module object or restored by `%store -r` are never taken as
        # constants (None: any name may be), nor filled into a notebook's shell lines.
        side, restored = names_bound_from_the_side(module), restored_names(magics)
        unseen = self.loads.never_constant = None if side is None or restored is None else side | restored
        if self.notebook and unseen is not None:
            literals = single_literal_names(module)
            self.loads.shell_literals = {name: text for name, text in literals.items() if name not in unseen}
        self.loads.record_shell_downloads(shell_lines)
        if folder_changes:
            self.loads.record_folder_changes(folder_changes)
        nodes = module_nodes(module)
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._imported_names.update((a.asname or a.name).split(".", 1)[0] for a in node.names)
        self._materializer_loads = _materializer_load_calls(nodes)
        # Module names bound more than once (or declared global in a function): a function may run
        # after any of the bindings, so inside one they are not taken as the constant seen last.
        self.loads.rebound_module_names = names_bound_more_than_once(module)
        # Names a function declares `global`: any call may run it and rebind them.
        self.loads.declared_names = {n for node in nodes if isinstance(node, ast.Global) for n in node.names}
        self._record_started_code(module, nodes, magic_lines)
        self._flyte_fed = fed_task_parameters(module)
        self.serving = serves_requests(nodes)
        self._test_fetchers = self.in_tests is not None and imports_fetchers(module)
        aliases = module_aliases(nodes)  # the visitor learns imports in order; wrappers are found before it
        self._served_model_functions = served_model_functions(nodes, lambda node: qualified_name(node, aliases))
        # Before the texts: a download from the code's own run is its job's output, not a fetch.
        rebound = rebound_names(nodes, magics)
        self.loads.own_jobs.prepare(
            nodes,
            lambda node: qualified_name(node, aliases),
            None if unseen is None or rebound is None else frozenset(unseen) | rebound,
        )
        self.loads.remember_texts(nodes, shell, magics)
        self.loads.own_caches.scan(module)
        self.loads.writing_functions = writing_functions(module)
        self.loads.built_writes = built_writes(module)
        self.loads.module_level_calls = module_level_calls(module) if self.loads.built_writes else set()
        self.commands.wrappers = wrappers_of(module, lambda node: qualified_name(node, aliases))
        self.loads.mlflow.prepare(nodes, lambda node: qualified_name(node, aliases))
        if not self.notebook:
            # Names as the module's imports bind them (`from shutil import unpack_archive as ua`):
            # the visitor learns imports in order, and the prescan runs before it.
            prescan_writes(module, self.loads, lambda node: qualified_name(node, aliases), self.commands.wrappers)

    def _record_started_code(
        self, module: ast.Module, nodes: Sequence[ast.AST], magic_lines: Sequence[tuple[int, str]]
    ) -> None:
        """Where the code starts code it does not hold (started_code.py): magics at their lines,
        Python calls that run files, modules, notebooks or text; for a notebook, where each of its
        top-level functions is called (code a helper starts runs there)."""
        local = self.loads.local_module
        started = self.loads.code_started_lines
        started.extend(line for line, magic in magic_lines if magic_starts_code(magic, local))
        aliases = module_aliases(nodes)
        ipython_names = {
            target.id
            for node in nodes
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and name_of(node.value) == "get_ipython"
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        literals = single_literal_names(module)

        def qualname(node: ast.AST) -> str | None:
            if isinstance(node, ast.Name) and node.id in ipython_names:
                return "get_ipython"
            return qualified_name(node, aliases)

        def held_text(node: ast.AST) -> str | None:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                return node.value
            if isinstance(node, ast.JoinedStr):  # `f"x_{1} = 1"`: every part a constant
                parts = [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
                constants = [p for p in parts if isinstance(p, ast.Constant)]
                return "".join(str(c.value) for c in constants) if len(constants) == len(parts) else None
            return literals.get(node.id) if isinstance(node, ast.Name) else None

        started.extend(
            node.lineno
            for node in nodes
            if isinstance(node, ast.Call) and call_starts_code(node, qualname, held_text, local)
        )
        # `get_ipython().run_line_magic("store", "-r P")` (an nbconvert export's `%store -r P`)
        magics = [
            f"{held_text(node.args[0])} {held_text(node.args[1]) or ''}" if name_of(node) == "run_line_magic" else held
            for node in nodes
            if isinstance(node, ast.Call)
            and name_of(node) in ("run_line_magic", "magic")
            and node.args
            and (held := held_text(node.args[0])) is not None
            and (name_of(node) == "magic" or len(node.args) > 1)
        ]
        restored = restored_names(magics)
        if self.loads.never_constant is not None:
            self.loads.never_constant = None if restored is None else self.loads.never_constant | restored
        if self.notebook:
            # A first import of the project's own module runs its top-level code there.
            for node in nodes:
                if isinstance(node, ast.ImportFrom) and node.level:
                    started.append(node.lineno)
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                    if any(module and local(module.split(".", 1)[0]) for module in modules):
                        started.append(node.lineno)
            for statement in module.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    end = getattr(statement, "end_lineno", None) or statement.lineno
                    self.loads.function_spans.append((statement.lineno, end, statement.name))
            names = {name for _, _, name in self.loads.function_spans}
            for node in nodes:
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                    self.loads.call_lines.setdefault(node.func.id, []).append(node.lineno)

    def visit_Module(self, node: ast.Module) -> None:
        self.generic_visit(node)
        self._own_extractall_wrappers(node)
        self._name_checked_extractions(node)
        self._judge_helper_loads(node)
        for key in self.loud_bandit:
            self.quiet_bandit.pop(key, None)
        # unsafe data ingestion (MLS330-332)
        self.issues.extend(ingestion_issues(node, self.qualname, strict=self.strict))

    # --- names ---------------------------------------------------------------------------
    def qualname(self, node: ast.AST) -> str | None:
        return qualified_name(node, self.aliases)

    def _add(self, rule: Rule, node: ast.AST, message: str, severity: Severity | None = None) -> None:
        line, column = getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1
        self.issues.append(Issue(rule, message, "", line=line, column=column, severity=severity))

    def _quiet_load(self, node: ast.Call, name: str) -> str | None:
        """Why a deserialising load is low: it reads back a file this notebook or script wrote, or
        a fixed path of the repository in code that serves no requests."""
        if self.strict:
            return None
        if self._round_trip(node):
            return "a round trip: it reads back the bytes it serialised itself, in memory"
        if self._peer_rank_bytes(node):
            return (
                "bytes a peer rank of the same torch.distributed job sent into a tensor this code made, as "
                "broadcast_object_list unpickles them"
            )
        if self.loads.loads_own_file(node, name):
            if self.loads.reads_job_output(node):
                return (
                    f"a file a run this {'notebook' if self.notebook else 'script'} submitted wrote, downloaded from it"
                )
            return f"a file this {'notebook' if self.notebook else 'script'} wrote itself"
        # A pyfunc model's `load_context` and the methods of a pyfunc model class run where the model
        # is served (MLflow calls them there, with the served model's artifacts and each request),
        # whatever the rest of the file does
        function = self.command_origins().function_of(node)
        serving = (
            self.serving
            or (function is not None and function.name == "load_context")
            or id(function) in self._served_model_functions
        )
        if not serving and self.loads.own_mlflow_run(node, name):
            return f"the model of a run this {'notebook' if self.notebook else 'script'} started and logged it in"
        if not serving and self.loads.own_registered_model(node, name, function is not None):
            return (
                f"a registered model this {'notebook' if self.notebook else 'script'} registers itself, from a model"
                " it logs"
            )
        if not serving and self.loads.local_tracking_store(node, name) is not None:
            # Not the URI itself in the message: it may carry a password (`http://u:p@localhost`).
            return "a run or registered model of the MLflow tracking store on this machine that it sets"
        if self.loads.reads_own_cache(node):
            return "its own cache: when the file is missing, the same code builds and saves it"
        if not serving and self.loads.loads_pipeline_output(node):
            return _PIPELINE_OUTPUT
        if id(node) in self._materializer_loads:
            return _MATERIALIZER_OUTPUT
        if self._flyte_fed and self._reads_fed_task_input(node):
            return _FLYTE_OUTPUT
        if not serving and not self.notebook and self._reads_fed_job_input(node):
            return _AZUREML_OUTPUT
        if not serving and self.loads.repository_file(node):
            return "a fixed path of the repository, in code that serves no requests"
        if (
            self.in_tests is not None
            and not serving
            and not self.loads.fetches
            and not self._test_fetchers
            and reads_tests_own_file(node, self.command_origins())
        ):
            # A local file the tests commit or write themselves (hooks/code/test_fixtures.py). A
            # test that downloads, copies or unpacks anything, or loads a parameter, a variable
            # from outside, a URL or bytes from a client, may load someone else's file: that blocks.
            return f"in {self.in_tests} that fetches nothing: a local file of the tests"
        return None

    def _reads_fed_job_input(self, call: ast.Call) -> bool:
        """The load reads a path given by an option that every Azure ML pipeline running this
        script fills with another job's output (azureml_jobs.py)."""
        target = load_target(call) or _keyword(call, "model_uri")
        if target is None or self.loads.code_file is None or self._module is None:
            return False
        # Imported here: most scripts load nothing through an option, and start-up stays lean.
        from hooks.code.azureml_jobs import runs_of
        from hooks.code.azureml_script import fed_destinations, options_read, parsed_attributes

        origins = self.command_origins()
        function = origins.function_of(call)
        if self._parsed_attributes is None:
            self._parsed_attributes = parsed_attributes(self._module)
        # Other files are asked only about a load that reads an option as the parser stored it:
        # any other verdict stays the file's own (and cacheable).
        read = options_read(target, function, self._parsed_attributes, origins, self._module)
        if not read:
            return False
        if self._azureml_destinations is None:
            self.loads.consulted_tooling = True  # the verdict reads other files: not cached
            runs = runs_of(self.loads.code_file)
            self._azureml_destinations = fed_destinations(self._module, runs, self.loads.code_file.parent)
        return read <= self._azureml_destinations

    def _reads_fed_task_input(self, call: ast.Call) -> bool:
        """The load reads a Flyte task's parameter that every workflow of the file fills with
        another task's output (flyte_inputs.py), and the task never rebinds it."""
        target = call.args[0] if call.args else None
        while isinstance(target, (ast.Attribute, ast.Subscript)):
            target = target.value  # `model_ser.path`
        if not isinstance(target, ast.Name):
            return False
        origins = self.command_origins()
        function = origins.function_of(call)
        if function is None or (id(function), target.id) not in self._flyte_fed:
            return False
        bound = origins.bound_values(target.id, function)
        return bound is None or not bound[0]

    def _round_trip(self, node: ast.Call) -> bool:
        """`loads(dumps(obj))`, or `loads(blob)` with `blob = dumps(obj)`: a copy or a test of
        picklability, no bytes from anywhere else. The same for PyYAML's text (`dumped =
        yaml.dump(cfg)` then `yaml.unsafe_load(dumped)`), an emitter given no stream returning it."""
        loader = self.qualname(node.func) or ""
        if not node.args:
            return False
        if loader.endswith("loads"):
            dumpers = _PICKLE_DUMPS
        elif loader in _YAML_UNSAFE_FUNCTIONS or loader in ("yaml.load", "yaml.load_all"):
            dumpers = _YAML_DUMPS
        else:
            return False
        data = node.args[0]
        if isinstance(data, ast.Call):
            return self._emitted_by_the_library(data, dumpers)
        if not isinstance(data, ast.Name):
            return False
        # Every value the name may hold where it is read (assignments, loop and unpacking targets,
        # `+=`, in the scope that binds it: its own or, for a closure, the enclosing function's; a
        # parameter has none known) is a dumps call, or None (`blob = None` before the branch that
        # serialises: loads(None) only raises), and at least one is a dumps call.
        origins = self.command_origins()
        found = origins.bound_values(data.id, origins.function_of(node))
        if found is None:
            return False
        module = self._module or ast.Module(body=[], type_ignores=[])
        first_binding = min((getattr(value, "lineno", 0) for value in found[0]), default=0)
        if found[1] is None and (_rebinds_unseen(module, stars_before=first_binding) or _runs_text_as_code(module)):
            # a module-level name that a star import after it or `globals()[...]` may rebind unseen
            return False
        dumped = [isinstance(value, ast.Call) and self._emitted_by_the_library(value, dumpers) for value in found[0]]
        # A `None` written in the code; not what an import, a def or `except ... as` binds (DEFINED).
        unset = [isinstance(value, ast.Constant) and value.value is None and value is not DEFINED for value in found[0]]
        return any(dumped) and all(d or u for d, u in zip(dumped, unset, strict=True))

    def _emitted_by_the_library(self, call: ast.Call, dumpers: frozenset[str]) -> bool:
        """Whether `call` returns text one of `dumpers` emitted, as the library wrote it: the call
        is one of them, given no stream, and `_serialiser_rebound` and `_dumper_is_the_library`
        find nothing that puts other code behind its name or other text in its output."""
        dumper = self.qualname(call.func)
        module = self._module or ast.Module(body=[], type_ignores=[])
        return (
            dumper in dumpers
            and _emits_text(call, dumper)
            and not self._serialiser_rebound(module, dumpers)
            and self._dumper_is_the_library(call)
        )

    def _serialiser_rebound(self, module: ast.Module, dumpers: frozenset[str]) -> bool:
        """Whether the module assigns over a serialiser (`yaml.dump = f`, `setattr(yaml, "dump",
        f)`) or defines one of their names at its top level: then a call of that name is not the
        library's. Worked out once per module and serialiser family."""
        key = ("serialiser rebound", dumpers)
        if key not in self._module_facts:
            short = {name.rsplit(".", 1)[-1] for name in dumpers}
            # A top-level `def dump(...)` rebinds `from yaml import dump`; a method of that name does not.
            self._module_facts[key] = any(
                isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in short
                for statement in module.body
            ) or any(_rebinds_serialiser(other, self.qualname, dumpers, short) for other in nodes_of(module))
        return bool(self._module_facts[key])

    def _dumper_is_the_library(self, call: ast.Call) -> bool:
        """Whether the name the serialiser is called through (`dump` of `from yaml import dump`,
        `yaml` of `yaml.dump`) is bound only by its import, and no representer or Dumper of the
        code's own makes the text (`yaml.add_representer(str, ...)` can emit a
        `python/object/apply` tag for any string)."""
        root: ast.expr = call.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        module = self._module or ast.Module(body=[], type_ignores=[])
        key = ("dumper bound by its import", root.id)
        if key not in self._module_facts:
            imports: list[ast.alias] = []
            imported: set[tuple[str | None, str]] = set()
            for statement in nodes_of(module):
                if isinstance(statement, (ast.Import, ast.ImportFrom)):
                    for alias in statement.names:
                        if root.id in names_bound_by(alias):
                            imports.append(alias)
                            imported.add((getattr(statement, "module", None), alias.name))
            # The same import again (a notebook's cells each `import pickle`) binds the same module.
            self._module_facts[key] = len(imported) == 1 and not any(
                _binds_otherwise(other, root.id, imports) for other in nodes_of(module)
            )
        if not self._module_facts[key]:
            return False
        if (self.qualname(call.func) or "") not in _YAML_DUMPS:
            return True
        own_text = ("own yaml text",)
        if own_text not in self._module_facts:
            self._module_facts[own_text] = any(_makes_own_yaml_text(other) for other in nodes_of(module))
        return not self._module_facts[own_text]

    def _peer_rank_bytes(self, node: ast.Call) -> bool:
        """`pickle.loads(t.cpu().numpy().tobytes())` where `t` is a tensor the same function made
        empty (`torch.empty`, `zeros`...) and filled only through a collective of torch.distributed
        (`broadcast`, `recv`, `all_gather`...): Megatron's way of sending end strings to the other
        ranks, which torch's own `broadcast_object_list` does by unpickling the same bytes. Every
        other mention of the tensor must only read its bytes on their way here or its size: a
        view, a numpy array or a storage of it may be filled with anything."""
        if not node.args or not (self.qualname(node.func) or "").endswith("loads"):
            return False
        origins = self.command_origins()
        function = origins.function_of(node)
        if function is None:
            return False
        chain: set[int] = set()  # the Name nodes of the tensors met on the way to `loads`
        tensors = _tensors_of_bytes(node.args[0], origins, function, chain=chain)
        return bool(tensors) and all(self._filled_by_a_collective(t, function, chain) for t in tensors or ())

    def _filled_by_a_collective(self, tensor: str, function: ast.AST, chain: set[int]) -> bool:
        """Whether the function makes `tensor` once, empty, hands it to torch.distributed
        collectives, and otherwise only reads it on the way to the load (`chain`) or reads its size."""
        found = self.command_origins().bound_values(tensor, function)  # type: ignore[arg-type]
        if found is None or found[1] is not function or len(found[0]) != 1:
            return False  # made once, in this function
        made = found[0][0]
        if not (isinstance(made, ast.Call) and (self.qualname(made.func) or "") in _TENSOR_MAKERS):
            return False
        filled = False
        for mention, parent in self._mentions(function).get(tensor, ()):
            if id(mention) in chain:
                continue
            if isinstance(parent, ast.Attribute) and parent.attr in _TENSOR_METADATA:
                continue  # `t.shape`, `t.size()`, `t.numel()`
            if isinstance(parent, ast.Call) and name_of(parent.func) == "len":
                continue
            if isinstance(parent, ast.Call) and mention is not parent.func:
                called = self.qualname(parent.func) or ""
                if called.startswith("torch.distributed.") and called.rsplit(".", 1)[-1] in _COLLECTIVES:
                    filled = True
                    continue
            return False  # a view, an array, a storage, another function: may be filled with anything
        return filled

    def _mentions(self, function: ast.AST) -> dict[str, list[tuple[ast.Name, ast.AST]]]:
        """Each name the function reads, with the node holding each read; listed once per function."""
        found = self._function_mentions.get(id(function))
        if found is None:
            found = {}
            for parent in ast.walk(function):
                for child in ast.iter_child_nodes(parent):
                    if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load):
                        found.setdefault(child.id, []).append((child, parent))
            self._function_mentions[id(function)] = found
        return found

    def _add_load(self, rule: Rule, node: ast.Call, message: str, name: str) -> None:
        """A deserialising load: low when `_quiet_load` says why."""
        reason = self._quiet_load(node, name)
        if reason is not None:
            self._add(rule, node, f"{message} ({reason})", Severity.LOW)
            return
        self._add(rule, node, message)
        self._remember_helper_load(node, len(self.issues) - 1)

    def _remember_helper_load(self, node: ast.Call, index: int | None) -> None:
        """A load of a module-level function's parameter, judged once every caller is seen
        (_judge_helper_loads); `index` is the load's issue, None for bandit's (B301)."""
        if self.notebook and not self.strict and not self.serving:
            helper = _helper_parameter(node, self.command_origins())
            if helper is not None:
                self._helper_loads.append((index, node.lineno, *helper))

    def _judge_helper_loads(self, module: ast.Module) -> None:
        """A notebook helper's load of its parameter (`def load_checkpoint(path): torch.load(path)`)
        reads what its callers pass: low when the notebook's cells are its only callers, by name,
        and every call passes a path the notebook wrote before that call. Judged once the whole
        notebook is read, since the helper is defined before the cells that call it."""
        if not self._helper_loads or self.loads.fetches:
            return  # a fetch may replace the file under a name no text spells
        calls: dict[str, list[ast.Call]] = {}
        referenced: set[str] = set()
        for node in nodes_of(module):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                calls.setdefault(node.func.id, []).append(node)
        callees = {id(call.func) for found in calls.values() for call in found}
        for node in nodes_of(module):
            if isinstance(node, ast.Name) and id(node) not in callees:
                referenced.add(node.id)  # passed on, stored or rebound: other callers are possible
        # An attribute of the name may reach the function (`__main__.load(x)`, `this.load`), unless
        # it is another imported module's (`pickle.load` beside `def load(filename)`).
        own = {"__main__", self.loads.code_file.stem if self.loads.code_file is not None else "__main__"}
        named_elsewhere = {
            node.attr
            for node in nodes_of(module)
            if isinstance(node, ast.Attribute) and not self._other_module(node, own)
        } | set(self.loads.texts)
        for index, line, function, parameter in self._helper_loads:
            callers = calls.get(function.name, [])
            if not callers or function.name in referenced or function.name in named_elsewhere:
                continue  # `globals()["load"](x)`, `__main__.load(x)`: callers this cannot see
            if function.decorator_list:
                continue  # a route, a task, a callback, an exit hook: called from outside the notebook
            if not (
                all(self._passes_own_file(call, function, parameter) for call in callers)
                and self._only_written(callers, function, parameter)
            ):
                continue
            reason = f"a file this notebook wrote: every call of {function.name}() passes one"
            if index is None:  # bandit's own finding (B301 of `pickle.load`), matched by line
                self.quiet_bandit.setdefault((line, "B301"), reason)
                continue
            issue = self.issues[index]
            self.issues[index] = replace(issue, message=f"{issue.message} ({reason})", severity=Severity.LOW)

    def _other_module(self, node: ast.Attribute, own: set[str]) -> bool:
        """Whether `node` is an attribute of a name bound only by `import` of another module."""
        owner = node.value
        if not isinstance(owner, ast.Name):
            return False
        imported = self._import_only_names().get(owner.id)
        if imported is None or own & set(imported.split(".")):
            return False
        # A module of the project's own (`helpers.py` beside it) may re-export the helper itself.
        return not self.loads.local_module(imported.split(".")[0])

    def _import_only_names(self) -> dict[str, str]:
        """The names the module binds by `import x` / `import x.y as z` and by nothing else, and
        the module each names."""
        if self._imported_only is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            imported: dict[str, str] = {}
            for node in nodes_of(module):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        bound = alias.asname or alias.name.split(".")[0]
                        imported[bound] = alias.name if alias.asname else bound
            rebound = names_bound_more_than_once(module)
            self._imported_only = {name: found for name, found in imported.items() if name not in rebound}
        return self._imported_only

    def _only_written(self, callers: list[ast.Call], function: ast.FunctionDef, parameter: str) -> bool:
        """No text names the files but the notebook's own writes, the helper's calls and other
        loads of them: a download or copy to the same name (`!wget -O checkpoint.pth`) would
        replace the file; `torch.load("checkpoint.pth")` in an earlier cell only reads it."""
        passed: dict[str, int] = {}
        for call in callers:
            given = _argument_for(call, function, parameter)
            key = self.loads.key(given) if given is not None else None
            if key is not None:
                # A helper named like a load (`load_model("m.pt")`) has its calls counted among the
                # loads' texts too: count each call once.
                read = isinstance(given, ast.Constant) and given.value in read_texts_of(call)
                passed[key] = passed.get(key, 0) + (0 if read else 1)
        return all(
            self.loads.mentions(key[2:])
            <= len(self.loads.write_lines.get(key, ())) + count + self.loads.read_mentions(key[2:])
            for key, count in passed.items()
        )

    def _passes_own_file(self, call: ast.Call, function: ast.FunctionDef, parameter: str) -> bool:
        given = _argument_for(call, function, parameter)
        key = self.loads.key(given) if given is not None else None
        if key is None or not key.startswith("c:"):
            return False
        written = self.loads.write_lines.get(key)
        # `%cd ..` between the save and the call: the helper loads another folder's file
        return written is not None and written[0] < call.lineno and not self.loads.moved_away(key, call.lineno)

    def visit_Import(self, node: ast.Import) -> None:
        self.loads.forget({(a.asname or a.name).split(".", 1)[0] for a in node.names})
        for alias in node.names:
            self.ruamel_loaders.pop(alias.asname or alias.name.split(".", 1)[0], None)  # rebound by the import
            if alias.asname:
                self.aliases[alias.asname] = alias.name
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.loads.forget(None if any(a.name == "*" for a in node.names) else {a.asname or a.name for a in node.names})
        if node.module and not node.level:
            for alias in node.names:
                self.ruamel_loaders.pop(alias.asname or alias.name, None)
                self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                if alias.name == "Lambda" and "keras" in node.module:
                    self._add(
                        rules.KERAS_LAMBDA_IN_CODE,
                        node,
                        "imports the Keras Lambda layer: a saved Lambda is marshalled bytecode",
                    )
        self.generic_visit(node)

    def _remember(self, target: ast.AST, value: ast.AST) -> None:
        if not isinstance(target, ast.Name):
            return
        origin = self.qualname(value) if isinstance(value, ast.Call) else None
        self.loads.remember_assignment(target, value)
        archive = _archive_path(value) if origin in _TAR_ORIGINS and isinstance(value, ast.Call) else None
        if archive is not None:
            self.archive_paths[target.id] = archive
        else:
            self.archive_paths.pop(target.id, None)
        self.commands.remember(target, value)
        local = self._function_locals is not None and target.id in self._function_locals
        if origin in _RUAMEL_YAML and isinstance(value, ast.Call) and (local or target.id not in self._imported_names):
            # Outside a function, a name some import also binds (`try: import yaml` / `except: yaml =
            # YAML()`) may be either at run time: it keeps PyYAML's judgement.
            self.ruamel_loaders[target.id] = value
        else:
            self.ruamel_loaders.pop(target.id, None)
        if origin:
            self.origins[target.id] = origin
        else:
            self.origins.pop(target.id, None)  # rebound to something no call made
        if self._looks_like_llm_output(value):
            self.llm_values.add(target.id)
        else:
            self.llm_values.discard(target.id)
        if _read_from_file(value) and not _MODEL_MADE_NAME.search(target.id):
            # `generated_code = open(p).read()`: a name that says a model made the file keeps its hint
            self.file_texts.add(target.id)  # `content = f.read()`: named like output, holds a file's text
        else:
            self.file_texts.discard(target.id)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if not isinstance(target, ast.Name):
                self.loads.forget(_names_stored(target))  # `OUT, n = argv[1], 2`; `globals()["OUT"] = x`
            self._remember(target, node.value)
            self._flag(target, node.value)
            if (
                isinstance(target, ast.Attribute)
                and target.attr == "verify"
                and _const_false(node.value)
                and not _OPTIONS_OBJECT.fullmatch(name_of(target.value).rsplit(".", 1)[-1])
            ):
                self._add(
                    rules.TLS_VERIFICATION_DISABLED,
                    node,
                    "TLS certificate verification switched off (`.verify = False`)",
                )
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._remember(node.target, node.value)  # `OUT: str = sys.argv[1]` rebinds OUT
            self._flag(node.target, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.loads.forget(_names_stored(node.target))  # `OUT += "/w.bin"`
        self.generic_visit(node)

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self.loads.forget(_names_stored_in_loop(node))  # visit_For (below, with the zip-slip check) does the same
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        self.loads.forget(_names_stored_in_loop(node))
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        self.visit(node.test)
        self.trust_flag_guards.append(_asked_trust_flags(node.test))
        for statement in node.body:
            self.visit(statement)
        self.trust_flag_guards.pop()
        for statement in node.orelse:
            self.visit(statement)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.generic_visit(node)
        self._remember(node.target, node.value)  # `(OUT := argv[1])`

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self.loads.forget(_names_stored(target))
        self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.loads.forget({node.name})
        self.generic_visit(node)

    def visit_Match(self, node: ast.Match) -> None:
        self.loads.forget(
            {n.name for n in ast.walk(node) if isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name}
            | {n.rest for n in ast.walk(node) if isinstance(n, ast.MatchMapping) and n.rest}
        )
        self.generic_visit(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        # Its parameters hide the outer names (`lambda FILE: torch.load(FILE)` reads what the caller
        # passes), and its body runs when it is called, like a function's.
        names = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
        # As in a def, a module name bound twice holds an unknown value there: only those it reads
        # are hidden (a copy of every such name per lambda would be quadratic).
        read = {n.id for n in ast.walk(node.body) if isinstance(n, ast.Name)} & self.loads.rebound_module_names
        hidden_names = names | read
        hidden = self.loads.enter_function(hidden_names)
        outer_opaque = self.loads.opaque
        self.loads.opaque = (outer_opaque | read) - names
        self.generic_visit(node)
        self.loads.opaque = outer_opaque
        self.loads.leave_function(hidden_names, hidden)

    def _visit_comprehension(self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp) -> None:
        # Its targets are its own names (`[torch.load(P) for P in sys.argv[1:]]`), not the module's.
        names = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        hidden = self.loads.hide_constants(names)
        self.generic_visit(node)
        self.loads.forget(names)
        self.loads.constants.update(hidden)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _visit_comprehension

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.loads.forget({node.name})
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        pairs = list(zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True) if d is not None]
        outer = set(self.truthy_flags)
        every = [*positional, *arguments.kwonlyargs]
        self.truthy_flags -= {a.arg for a in every}  # parameters shadow the names outside
        for argument, default in pairs:
            if _TRUST_REMOTE_CODE_NAME.search(argument.arg) and _const_true(default):
                self.truthy_flags.add(argument.arg)
        names = {a.arg for a in every} | {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
        outer_commands = self.commands.enter_function(names)
        outer_ruamel = dict(self.ruamel_loaders)
        outer_locals = self._function_locals
        self._function_locals = assigned_names(node)
        for name in names:
            self.ruamel_loaders.pop(name, None)  # a parameter named `yaml` is not the outer instance
        hidden_names = names | self.loads.rebound_module_names
        hidden = self.loads.enter_function(hidden_names)
        outer_opaque = self.loads.opaque
        # Module names bound twice are not known inside; a parameter is the function's own.
        self.loads.opaque = (outer_opaque | self.loads.rebound_module_names) - names
        self.generic_visit(node)
        self.loads.opaque = outer_opaque
        self.loads.leave_function(hidden_names, hidden)
        self.ruamel_loaders = outer_ruamel  # a function's locals end with it
        self._function_locals = outer_locals
        self.commands.leave_function(outer_commands)
        self.truthy_flags = outer | {f for f in self.truthy_flags if f not in {a.arg for a in every}}

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.loads.forget({node.name})
        outer_ruamel = dict(self.ruamel_loaders)
        self.generic_visit(node)
        self.ruamel_loaders = outer_ruamel  # `yaml = YAML()` in a class body is a class attribute

    def _flag(self, target: ast.AST, value: ast.AST) -> None:
        """Remember names like `self.trust_remote_code` set to True (they reach from_pretrained later)."""
        name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
        if name and _TRUST_REMOTE_CODE_NAME.search(name):
            if _const_true(value):
                self.truthy_flags.add(name)
            else:
                self.truthy_flags.discard(name)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                self._remember(item.optional_vars, item.context_expr)
        calls = sum(isinstance(n, ast.Call) for item in node.items for n in ast.walk(item.context_expr))
        end = node.end_lineno or node.lineno
        for item in node.items:
            if isinstance(item.context_expr, ast.Call):
                name = self.qualname(item.context_expr.func) or ""
                self.loads.record_block_folder(item.context_expr, name, end, other_calls=calls > 1)
        self.generic_visit(node)

    visit_AsyncWith = visit_With  # type: ignore[assignment]

    def visit_Dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values, strict=False):
            if isinstance(key, ast.Constant) and key.value == "trust_remote_code" and _const_true(value):
                self._add(
                    rules.TRUST_REMOTE_CODE,
                    node,
                    "trust_remote_code=True (in a kwargs dict) runs code from the model repository",
                )
        self.generic_visit(node)

    # --- calls ---------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualname(node.func) or ""
        func = node.func
        instance = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(func, ast.Attribute) and isinstance(instance, ast.Name) and instance.id in self.ruamel_loaders:
            # `yaml = YAML(typ="safe")` then `yaml.load(text)`: the instance's method, not PyYAML's
            # module function, whatever the variable is called.
            name = f"ruamel.yaml.YAML.{func.attr}"
        self._deserialisation(node, name)
        self._model_loading(node, name)
        self._archives(node, name)
        self._dynamic_code(node, name)
        self._loopback_tls(node)
        self._loopback_debugger(node)
        if isinstance(func, ast.Attribute) and func.attr in ("format", "format_map"):
            self._shell_placeholder(node)
        self.loads.record_call(node, name)
        started = len(self.commands.commands)
        self.commands.record_call(node, name)
        # `os.system("cp /content/x.pt m.pt")`, `subprocess.run(["wget", "-O", "m.pt", url])`: a
        # command the code starts copies or downloads over files as a notebook's `!` line does.
        self.loads.record_shell_downloads(
            [(c.line, c.text) for c in self.commands.commands[started:]], unpacks=self.notebook
        )
        self.generic_visit(node)
        if _binds_names_unseen(node, name):
            self.loads.forget(None)  # `exec(text)`, `globals().update(...)`: any name may now hold anything

    def _shell_placeholder(self, node: ast.Call) -> None:
        """`"{shell} -c {cmd}".format(shell="env", ...)` builds text and runs nothing, but bandit's
        B604 reads any call given a truthy `shell=` as starting a shell. Its finding is matched by
        line, so it is dropped only where no other call on those lines is given `shell=`."""
        if not any(k.arg == "shell" for k in node.keywords) or self._module is None:
            return
        lines = set(_lines_of(node))
        for other in nodes_of(self._module):
            if (
                isinstance(other, ast.Call)
                and other is not node
                and any(k.arg == "shell" for k in other.keywords)
                and lines & set(_lines_of(other))
            ):
                return
        for line in lines:
            self.bandit_false_positives.add((line, "B604"))

    def _ruamel_load(self, node: ast.Call, name: str) -> None:
        """ruamel's `YAML(typ=...)`: the default round-trip loader and `safe`/`base` build only
        plain data; `unsafe` (and the older `full`) construct Python objects from tags, like
        PyYAML's UnsafeLoader. A `typ` that is not a constant is reported as unknown."""
        func = node.func
        made = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(made, ast.Name):
            made = self.ruamel_loaders.get(made.id)
        if not isinstance(made, ast.Call):
            return
        typ = _keyword(made, "typ")
        kind = _ruamel_kind(typ)
        self.bandit_false_positives.add((node.lineno, "B506"))
        if kind in _RUAMEL_SAFE_KINDS:
            return
        if kind is None and typ is not None and not self.strict:
            # `YAML(typ=typ)`: judged by the values it can hold here, like torch's weights_only
            possible = StringResolver(
                self._module or ast.Module(body=[], type_ignores=[]),
                self.command_origins().bound_values,
                self.command_origins().function_of,
                lambda bound: bound in self._rebound_elsewhere() or self._rewritten_unseen(bound),
            ).values(typ, made)
            unsafe = sorted(possible.strings - _RUAMEL_SAFE_KINDS)
            if not possible.other and not possible.untraced and not unsafe:
                return
            if unsafe:
                kind = unsafe[0]
            elif not possible.untraced:
                shown = ast.unparse(typ)[:60]
                self._add(
                    rules.UNSAFE_YAML_LOAD,
                    node,
                    f"ruamel YAML(typ={shown}): the code decides at run time which loader builds the objects;"
                    " reported low (only typ='unsafe' or 'full' builds arbitrary Python objects)",
                    Severity.LOW,
                )
                return
        detail = f"YAML(typ={kind!r})" if kind is not None else "YAML(typ=...) with a typ not known here"
        self._add_load(
            rules.UNSAFE_YAML_LOAD, node, f"ruamel {detail} builds arbitrary Python objects; use typ='safe'", name
        )

    def _deserialisation(self, node: ast.Call, name: str) -> None:
        if name in _PICKLE_LIKE:
            rule_id, message = _PICKLE_LIKE[name]
            self._add_load(rule_id, node, message, name)
        elif name in _BANDIT_PICKLE_LOADS:
            reason = self._quiet_load(node, name)
            if reason is not None:
                self.quiet_bandit[(node.lineno, "B301")] = reason
            else:
                self._remember_helper_load(node, None)
        elif name == "numpy.load" and _const_true(_keyword(node, "allow_pickle")):
            self._add_load(
                rules.NUMPY_LOAD_ALLOW_PICKLE,
                node,
                "numpy.load with allow_pickle set to True unpickles object arrays: loading runs their code",
                name,
            )
        elif name in _YAML_UNSAFE_FUNCTIONS:
            # A deserialising load like pickle's: the same context (the file this code wrote, a
            # fixed file of the repository in code that serves nothing) makes it low.
            message = f"{name} builds arbitrary Python objects; use yaml.safe_load"
            if name in _YAML_FULL_FUNCTIONS and self._pyyaml_is_fixed():
                self._add(rules.UNSAFE_YAML_LOAD, node, _full_loader_fixed(f"{name} uses FullLoader"), Severity.LOW)
            else:
                self._add_load(rules.UNSAFE_YAML_LOAD, node, message, name)
        elif name in _RUAMEL_LOADS:
            self._ruamel_load(node, name)
        elif name in ("yaml.load", "yaml.load_all"):
            loader = _keyword(node, "Loader") or (node.args[1] if len(node.args) > 1 else None)
            loader_name = self.qualname(loader) if loader is not None else None
            if loader is None and not _has_star_kwargs(node):
                if self._pyyaml_is_fixed():
                    detail = f"{name} without a Loader raises on PyYAML 6 and uses FullLoader on 5.4"
                    self._add(rules.UNSAFE_YAML_LOAD, node, _full_loader_fixed(detail), Severity.LOW)
                    return
                self._add_load(
                    rules.UNSAFE_YAML_LOAD,
                    node,
                    f"{name} without a Loader builds arbitrary objects; use yaml.safe_load",
                    name,
                )
            elif loader_name in SAFE_YAML_LOADERS or (
                isinstance(loader, ast.Name) and self._module is not None and self._own_safe_loader(loader.id)
            ):
                # bandit trusts only SafeLoader/CSafeLoader; BaseLoader builds strings, lists and
                # dicts; the code's own subclass of a safe loader (`class FloatSafeLoader(
                # yaml.SafeLoader)`) builds what its base does unless it adds Python's constructors
                self.bandit_false_positives.add((node.lineno, "B506"))
            elif loader_name in _FULL_LOADERS and self._pyyaml_is_fixed():
                self._add(rules.UNSAFE_YAML_LOAD, node, _full_loader_fixed(f"{name} with {loader_name}"), Severity.LOW)
            elif loader_name in UNSAFE_YAML_LOADERS:
                self._add_load(
                    rules.UNSAFE_YAML_LOAD,
                    node,
                    f"{name} with {loader_name} builds arbitrary objects; use SafeLoader",
                    name,
                )
            elif loader_name is not None and loader_name not in SAFE_YAML_LOADERS and "Safe" not in loader_name:
                return
        elif name in _TORCH_LOAD:
            weights_only = _keyword(node, "weights_only")
            if _const_true(weights_only):
                return
            if _const_false(weights_only):
                self._add_load(
                    rules.TORCH_LOAD_WITHOUT_WEIGHTS_ONLY,
                    node,
                    f"{name}(weights_only=False) unpickles arbitrary objects: loading runs code",
                    name,
                )
            elif weights_only is None or (isinstance(weights_only, ast.Constant) and weights_only.value is None):
                # `weights_only=None` is torch's own default, as when it is left out (False when a
                # pickle_module is given, and on torch before 2.6)
                requirement = self._torch_restricts_by_default(node)
                if requirement is not None:
                    self._add(
                        rules.TORCH_LOAD_WITHOUT_WEIGHTS_ONLY,
                        node,
                        f"{name} without weights_only relies on torch's default: {requirement} requires torch "
                        ">= 2.6, whose default is weights_only=True, the restricted unpickler, as if passed "
                        "(its own flaws are torch advisories, MLS401); pass weights_only=True",
                        Severity.LOW,
                    )
                    return
                self._add_load(
                    rules.TORCH_LOAD_WITHOUT_WEIGHTS_ONLY,
                    node,
                    f"{name} without weights_only=True unpickles arbitrary objects",
                    name,
                )
            elif not self.strict:
                self._weights_only_expression(node, name, weights_only)

    def _rewritten_unseen(self, name: str) -> bool:
        """`flag ^= True` (the binding index keeps only the operand) or `globals()[...] = ...`
        anywhere in the module: the name's values are not the constants it was bound to."""
        for node in ast.walk(self._module or ast.Module(body=[], type_ignores=[])):
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("globals", "vars"):
                return True
        return False

    def _weights_only_expression(self, node: ast.Call, name: str, weights_only: ast.expr) -> None:
        """`weights_only=<expression>`: the code decides at run time (`not self.unsafe`, a CLI
        flag), which is low, unless the expression folds to constants (`not True`, `bool(0)`) or
        is a local name bound only to such: truthy everywhere is weights-only, any falsy value but
        None unpickles (torch tests `if weights_only:`). bandit's B614 gives way to this finding
        (on this line it stands for B614), so the decision is reported once and not blocking."""
        values = self._constant_flag_values(node, weights_only)
        shown = ast.unparse(weights_only)[:60]
        if values and all(value for value in values):
            self.bandit_false_positives.add((node.lineno, "B614"))
        elif any(not value and value is not None for value in values):
            # torch.load tests `if weights_only:`; None alone means torch's own default
            self._add_load(
                rules.TORCH_LOAD_WITHOUT_WEIGHTS_ONLY,
                node,
                f"{name}(weights_only={shown}), which is set False: unpickles arbitrary objects",
                name,
            )
        else:
            self._add(
                rules.TORCH_LOAD_WITHOUT_WEIGHTS_ONLY,
                node,
                f"{name}(weights_only={shown}): the code decides at run time whether it unpickles arbitrary "
                "objects; reported low (only a False value loads pickles)",
                Severity.LOW,
            )

    def _constant_flag_values(self, call: ast.Call, value: ast.expr) -> set[object]:
        """The constant an expression folds to, or the constants a local name holds where `call`
        reads it; empty when any of its values is not one, or it is a parameter, an attribute or a
        name rebound unseen."""
        builtins = not {"bool", "int"} & (self._assigned_names() | self._rebound_elsewhere())
        folded = _folded_constant(value, builtins=builtins)
        if folded is not _NOT_CONSTANT:
            return {folded}
        if not isinstance(value, ast.Name) or value.id in self._rebound_elsewhere():
            return set()
        origins = self.command_origins()
        function = origins.function_of(call)
        if function is not None and value.id in parameters_of(function):
            default = parameter_default(function, value.id)
            folded = _NOT_CONSTANT if default is None else _folded_constant(default, builtins=builtins)
            # `def load(path, weights_only=False)`: what callers get unless they say otherwise
            return {folded} if folded is not _NOT_CONSTANT and not folded and folded is not None else set()
        if self._rewritten_unseen(value.id):
            return set()
        bound = origins.bound_values(value.id, function)
        if bound is None or not bound[0]:
            return set()
        values = {
            _folded_constant(v, builtins=builtins) if isinstance(v, ast.expr) else _NOT_CONSTANT for v in bound[0]
        }
        return set() if _NOT_CONSTANT in values else values

    def _mcp_consent(self, node: ast.Call) -> bool:
        """smolagents' `ToolCollection.from_mcp(server, trust_remote_code=True)`."""
        return (self.qualname(node.func) or "").endswith("ToolCollection.from_mcp")

    def _pipeline_of_loaded_objects(self, node: ast.Call) -> bool:
        """`transformers.pipeline(task, model=model, tokenizer=tokenizer, trust_remote_code=True)`
        where both names hold only what `from_pretrained` calls returned: transformers builds the
        pipeline from those objects and fetches no code of its own. Only those arguments and a few
        that load nothing (device, dtype, batch size): a config, processor, feature extractor or
        image processor given by name, a config that may declare a custom pipeline, `**kwargs`, or
        a tokenizer left for it to find are all fetched with that flag."""
        if self.qualname(node.func) != "transformers.pipeline" or len(node.args) > 2:
            return False
        if any(k.arg is None or k.arg not in _INERT_PIPELINE_ARGUMENTS for k in node.keywords):
            return False
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        model = keywords.get("model", node.args[1] if len(node.args) > 1 else None)
        tokenizer = keywords.get("tokenizer")
        return self._holds_loaded_object(node, model) and self._holds_loaded_object(node, tokenizer)

    def _holds_loaded_object(self, call: ast.Call, value: ast.expr | None) -> bool:
        """A transformers `from_pretrained` call, or a local name that only such calls bind (not a
        parameter, which a caller may pass as a repository's name; not where the module may bind
        names unseen: `globals()[...] = text`, `exec`, `%run`). A `from_pretrained` of the
        project's own (a class of that name defined or rebound here) may return anything."""
        origins = self.command_origins()
        if origins.bindings_hidden():
            return False
        if isinstance(value, ast.Call):
            return self._transformers_load(value)
        if not isinstance(value, ast.Name):
            return False
        function = origins.function_of(call)
        if function is not None and value.id in parameters_of(function):
            return False
        if value.id in self._rebound_elsewhere() or origins.deleted(value.id):
            return False  # a `nonlocal`/`global`, a `match` capture or a `del` may change it unseen
        bound = origins.bound_values(value.id, function)
        return bound is not None and all(isinstance(v, ast.Call) and self._transformers_load(v) for v in bound[0])

    def _transformers_load(self, call: ast.Call) -> bool:
        """`X.from_pretrained(...)` where X is transformers' (or tokenizers') own class."""
        if not _from_pretrained(call) or self._rebinds_callee(call):
            return False
        return (self.qualname(call.func) or "").startswith(("transformers.", "tokenizers."))

    def _rebinds_callee(self, node: ast.Call) -> bool:
        """The name the call's receiver starts from (`LlamaConfig` in `LlamaConfig.from_pretrained`)
        is also bound in the module (assigned, a parameter, a def or class), so the import alone
        does not say what it is."""
        base = node.func
        while isinstance(base, ast.Attribute):
            base = base.value
        if not isinstance(base, ast.Name):
            return True
        return base.id in self._assigned_names() or base.id in self._rebound_elsewhere()

    def _assigned_names(self) -> frozenset[str]:
        if self._assigned is None:
            found: set[str] = set()
            for node in ast.walk(self._module or ast.Module(body=[], type_ignores=[])):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    found.add(node.id)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    found.add(node.name)  # a def or class of that name shadows the import
                elif isinstance(node, ast.arg):
                    found.add(node.arg)  # so does a parameter (`def load(LlamaConfig=AutoModel)`)
            self._assigned = frozenset(found)
        return self._assigned

    def _rebound_elsewhere(self) -> frozenset[str]:
        """Names a `nonlocal` or `global` statement or a `match` pattern binds anywhere in the module."""
        if self._rebinders is None:
            found: set[str] = set()
            for node in ast.walk(self._module or ast.Module(body=[], type_ignores=[])):
                if isinstance(node, (ast.Nonlocal, ast.Global)):
                    found.update(node.names)
                elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
                    found.add(node.name)
                elif isinstance(node, ast.MatchMapping) and node.rest:
                    found.add(node.rest)
            self._rebinders = frozenset(found)
        return self._rebinders

    def _flag_loads_nothing(self, node: ast.Call, flag: str) -> str | None:
        """Why `flag=True` on this call downloads no repository code into this process, if it does not."""
        if self._mcp_consent(node):
            # smolagents' ToolCollection.from_mcp refuses every MCP server without it: it is the
            # consent to use the server's tools, not a download of code into this process. What
            # runs is the server itself (a package `uvx` starts, or a URL): a dependency.
            return (
                f"{flag}=True lets the agent use the tools of the MCP server it names; the server "
                "(the package or URL given) is what runs: pin and review it like a dependency"
            )
        if self._pipeline_of_loaded_objects(node):
            return (
                f"{flag}=True on a pipeline given a model and a tokenizer already loaded: it loads "
                "nothing more (the from_pretrained calls that loaded them are judged on their own lines)"
            )
        concrete = _concrete_loader_class(self.qualname(node.func))
        if concrete is not None and not self._rebinds_callee(node):
            return (
                f"{flag}=True on {concrete}.from_pretrained, which reads a JSON file and imports no code "
                "from the repository whatever the flag says (only the Auto classes, pipeline, tokenizers and models do)"
            )
        return None

    def _pinned_commit(self, node: ast.Call) -> str | None:
        """The commit `revision=` pins (and `code_revision=`, when given) on a call whose repository
        is named by constants; None when either is a branch, a tag, a parameter or unknown."""
        origins = self.command_origins()
        function = origins.function_of(node)
        revision = _keyword(node, "revision")
        commit = origins.constant_value(revision, function) if revision is not None else None
        if commit is None or not _HUB_COMMIT.fullmatch(commit):
            return None
        code_revision = _keyword(node, "code_revision")
        if code_revision is not None:
            code_commit = origins.constant_value(code_revision, function)
            if code_commit is None or not _HUB_COMMIT.fullmatch(code_commit):
                return None
        if any(keyword.arg is None for keyword in node.keywords):
            return None  # `**options` may set another revision, code_revision or repository
        # pipeline(task, model, ...): the repository is its second argument; any further positional
        # argument (a config, a tokenizer) may name another repository
        is_pipeline = (self.qualname(node.func) or "").endswith("pipeline")
        positional = node.args[1:2] if is_pipeline else node.args[:1]
        if len(node.args) > (2 if is_pipeline else 1):
            return None
        named = [*(k.value for k in node.keywords if k.arg in _REPOSITORY_KEYWORDS), *positional]
        repository = origins.constant_value(named[0], function) if named else None
        if repository is None or not _HF_REPOSITORY_ID.fullmatch(repository):
            return None  # a parameter, or a local folder (its config's auto_map may fetch code unpinned)
        hidden = self._lambda_parameters()
        if any(isinstance(n, ast.Name) and n.id in hidden for n in ast.walk(node)):
            return None  # a lambda's parameter shadows the module's constant of that name
        for keyword in node.keywords:
            if keyword.arg not in _OTHER_REPOSITORY_KEYWORDS:
                continue
            if origins.constant_value(keyword.value, function) is not None:
                continue
            if keyword.arg in _LOADED_OBJECT_KEYWORDS and self._holds_loaded_object(node, keyword.value):
                continue  # a tokenizer `from_pretrained` already loaded: judged on its own line
            return None  # `tokenizer=request.args["t"]`: another repository, perhaps not pinned
        return commit

    def _lambda_parameters(self) -> frozenset[str]:
        """The names any lambda of the module takes as parameters (read once)."""
        if self._lambda_names is None:
            module = self._module
            self._lambda_names = frozenset(
                argument.arg
                for node in (nodes_of(module) if module is not None else ())
                if isinstance(node, ast.Lambda)
                for argument in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
            )
        return self._lambda_names

    def _trust_remote_code(self, node: ast.Call) -> None:
        """trust_remote_code=True as a keyword, under another name, through a flag set True, or
        inside a `key=value,...` argument string (lm-eval's model_args)."""
        for keyword in node.keywords:
            if keyword.arg is None or not _TRUST_REMOTE_CODE_NAME.search(keyword.arg):
                continue
            value = keyword.value
            quiet = self._flag_loads_nothing(node, keyword.arg) if _const_true(value) and not self.strict else None
            if quiet is not None:
                self._add(rules.TRUST_REMOTE_CODE, node, quiet, Severity.LOW)
                return
            if _const_true(value):
                message = f"{keyword.arg}=True runs Python code from the model or dataset repository"
                pinned = None if self.strict else self._pinned_commit(node)
                if pinned is not None:
                    # The documented fix: the code that runs is that commit's, which was reviewable
                    # when it was pinned (a commit's id fixes its files).
                    message += (
                        f", pinned to commit {pinned[:12]} of a repository named in the code: the code is that"
                        " commit's (review it; a config there that names another repository's code still"
                        " fetches that repository's latest)"
                    )
                    self._add(rules.TRUST_REMOTE_CODE, node, message, Severity.LOW)
                    return
                if not self.strict and _placeholder_repository(node):
                    # Documentation's `"<your-username>/<repo>"`: the reader's own repository.
                    message += " (the repository name is a placeholder for the reader's own)"
                    self._add(rules.TRUST_REMOTE_CODE, node, message, Severity.LOW)
                    return
                self._add(rules.TRUST_REMOTE_CODE, node, message)
                return
            flag = value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else ""
            if flag in self.truthy_flags:
                self._add(
                    rules.TRUST_REMOTE_CODE,
                    node,
                    f"{keyword.arg}={ast.unparse(value)[:60]}, which is set True: runs Python code from the model "
                    "repository",
                )
                return
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            text = _constant_text(argument)
            if text is not None and TRUST_REMOTE_CODE_TEXT.search(text) and _KEY_VALUE_LIST.match(text):
                self._add(
                    rules.TRUST_REMOTE_CODE,
                    argument,
                    "trust_remote_code=True in an argument string (model_args): runs Python code from the model "
                    "repository",
                )
                return

    def _trust_guarded(self) -> bool:
        """Whether an enclosing `if` asks a trust_remote_code flag the module never sets True."""
        asked = set().union(*self.trust_flag_guards) if self.trust_flag_guards else set()
        if not asked:
            return False
        if self._trust_set_true is None:  # read once, and only for a module that needs it
            self._trust_set_true = _flags_set_true(self._module) if self._module is not None else frozenset()
        return bool(asked - self._trust_set_true)

    def _dynamic_module_class(self, node: ast.Call) -> None:
        """transformers' `get_class_from_dynamic_module(class_reference, repo, revision=...,
        code_revision=...)` downloads the repository's module file and imports it, with no
        trust_remote_code asked. The code is fetched at `code_revision`, or at `revision` when the
        class reference names no other repository (`"other/repo--module.Class"`): low only when that
        is a commit of a repository the code names, as for trust_remote_code."""
        message = "get_class_from_dynamic_module imports Python code from the model repository"
        if not self.strict:
            origins = self.command_origins()
            function = origins.function_of(node)
            reference = node.args[0] if node.args else _keyword(node, "class_reference")
            reference_text = origins.constant_value(reference, function) if reference is not None else None
            repository = node.args[1] if len(node.args) > 1 else _keyword(node, "pretrained_model_name_or_path")
            repository_text = origins.constant_value(repository, function) if repository is not None else None
            pinning = _keyword(node, "code_revision")
            if isinstance(pinning, ast.Constant) and pinning.value is None:
                pinning = None  # `code_revision=None`: as if left out
            if pinning is None and reference_text is not None and "--" not in reference_text:
                pinning = _keyword(node, "revision")
            commit = origins.constant_value(pinning, function) if pinning is not None else None
            other = reference_text.split("--", 1)[0] if reference_text and "--" in reference_text else repository_text
            if (
                commit is not None
                and _HUB_COMMIT.fullmatch(commit)
                and other is not None
                and _HF_REPOSITORY_ID.fullmatch(other)
                and len(node.args) <= 2
                and all(keyword.arg is not None for keyword in node.keywords)
            ):
                message += f", pinned to commit {commit[:12]} of a repository named in the code (review that commit)"
                self._add(rules.TRUST_REMOTE_CODE, node, message, Severity.LOW)
                return
        self._add(rules.TRUST_REMOTE_CODE, node, message)

    def _model_loading(self, node: ast.Call, name: str) -> None:
        self._trust_remote_code(node)
        if "." in name and name.rsplit(".", 1)[-1] == "get_class_from_dynamic_module" and not self._trust_guarded():
            self._dynamic_module_class(node)
        if _const_true(_keyword(node, "local_files_only")):
            # `from_pretrained(path, local_files_only=True)`: nothing is downloaded, so bandit's
            # B615 (a Hub download without a pinned revision) does not hold.
            for line in _lines_of(node):
                self.bandit_false_positives.add((line, "B615"))
        if _const_true(_keyword(node, "allow_dangerous_deserialization")):
            self._add_load(
                rules.DANGEROUS_DESERIALIZATION_ALLOWED,
                node,
                "allow_dangerous_deserialization=True unpickles the stored index: loading runs code",
                name,
            )
        if name in _TORCH_HUB and not (name != "torch.hub.load" and _const_true(_keyword(node, "weights_only"))):
            what = "runs hubconf.py from a remote repository" if name == "torch.hub.load" else "unpickles a remote file"
            trusted = self._trusted_hub_repository(node) if name == "torch.hub.load" else None
            if trusted is not None:
                self._add(rules.TORCH_HUB_LOAD, node, f"{name} {what} ({trusted})", Severity.LOW)
            else:
                self._add(rules.TORCH_HUB_LOAD, node, f"{name} {what}")
        if name.endswith("load_model") and _const_false(_keyword(node, "safe_mode")):
            self._add(
                rules.KERAS_UNSAFE_LOAD,
                node,
                "Keras load_model(safe_mode=False) deserialises Lambda bytecode and custom code",
            )
        if _KERAS_LAMBDA.match(name) or (name == "Lambda" and self.aliases.get("Lambda", "").endswith("layers.Lambda")):
            self._add(
                rules.KERAS_LAMBDA_IN_CODE,
                node,
                "Keras Lambda layer: saved as marshalled bytecode that runs when loaded",
            )
        if name.endswith("hf_hub_download"):
            filename = _keyword(node, "filename") or (node.args[1] if len(node.args) > 1 else None)
            if (
                isinstance(filename, ast.Constant)
                and isinstance(filename.value, str)
                and filename.value.lower().endswith(_PICKLE_FORMATS)
            ):
                message = f"downloads a pickle-format file ({filename.value}); prefer safetensors"
                if not self.strict and self._pickle_free_reads().read_without_unpickling(node):
                    self._add(
                        rules.HUB_PICKLE_DOWNLOAD,
                        node,
                        f"{message} (only read by loaders that refuse pickles)",
                        Severity.LOW,
                    )
                else:
                    self._add(rules.HUB_PICKLE_DOWNLOAD, node, message)
        if _MLFLOW_LOAD.match(name):
            self._add_load(rules.MLFLOW_LOAD_MODEL, node, _mlflow_load_effect(name), name)

    def _name_checked_extractions(self, module: ast.Module) -> None:
        """bandit's B202 says "without any validation"; a function that first walks the same
        archive's members and refuses one landing outside the target (tar_member_checks.py) does
        validate. What such a loop rarely checks are link targets: a symlink member can still lead
        a later member outside, which `filter='data'` refuses. So the finding says which, reported
        low (strict: as before)."""
        if self.strict:
            return
        context: ModuleContext | None = None
        for function in nodes_of(module):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if not any(isinstance(n, ast.Attribute) and n.attr == "extractall" for n in ast.walk(function)):
                continue
            context = context or ModuleContext.of(module)
            for checked in checked_extractions(function, context):
                call = checked.call
                self.bandit_false_positives.add((call.lineno, "B202"))
                receiver = call.func.value if isinstance(call.func, ast.Attribute) else call.func
                if self._archive_origin(receiver).startswith(_NOT_TAR_ARCHIVES):
                    continue  # a zip or another library's archive: no tar links to follow
                self.issues = [
                    issue
                    for issue in self.issues
                    if not (issue.rule is rules.TAR_EXTRACT_WITHOUT_FILTER and issue.line == call.lineno)
                ]
                message = (
                    "extractall() after a loop that refuses members outside the target and tests links; "
                    "filter='data' is tarfile's complete check (hard links and relative link targets included)"
                    if checked.links_refused
                    else "extractall() after checking member names only: a symlink member can still lead a later "
                    "member outside the target; filter='data' checks links too"
                )
                self._add(rules.TAR_EXTRACT_WITHOUT_FILTER, call, message, Severity.LOW)

    def _archive_origin(self, receiver: ast.expr) -> str:
        """What made the archive an extract is called on (`tarfile.open`, `zipfile.ZipFile`), or ""."""
        if isinstance(receiver, ast.Name):
            return self.origins.get(receiver.id, "")
        return self.qualname(receiver) or ""

    def _own_extractall_wrappers(self, module: ast.Module) -> None:
        """Drop bandit's B202 on a line whose only extractall-like call is of a function the code
        defines itself (`def _safe_extractall(self, to)`) and never binds otherwise, or imports
        from the project's own module that defines it (`_imported_from_project`): a name bound to
        tarfile's method (`unpack_extractall = tar.extractall`), or both imported and defined (a
        `try: import / except: def` fallback), keeps the finding."""
        if not self._named_like_extractall:
            return
        defined: set[str] = set()
        bound: set[str] = set()
        imported: dict[str, list[tuple[str, int, str]]] = {}  # local name -> (module, level, name there)
        for node in nodes_of(module):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bound.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                bound.add(node.attr)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    local = alias.asname or alias.name
                    imported.setdefault(local, []).append((node.module or "", node.level, alias.name))
            elif isinstance(node, ast.Import):
                bound.update((alias.asname or alias.name).rsplit(".", 1)[-1] for alias in node.names)
        judged: dict[str, bool] = {}  # an imported name's verdict, looked up once
        for line, called in self._named_like_extractall:
            if line in self._extractall_lines or called in bound:
                continue
            if called in imported and called not in defined:
                if called not in judged:
                    judged[called] = self._imported_from_project(imported[called])
                own = judged[called]
            else:
                own = called in defined and called not in imported  # a `try: import / except: def` keeps it
            if own:
                self.bandit_false_positives.add((line, "B202"))

    def _imported_from_project(self, sources: list[tuple[str, int, str]]) -> bool:
        """Whether a name's imports are all of one module of the project that defines it at its top
        level and imports tarfile: the project's function (`from pkg.common_utils import
        custom_extractall_tarfile`), whose own extractall call bandit and MLS315 judge where it
        stands (hooks/code/own_modules.py)."""
        code_file = self.loads.code_file
        if len(set(sources)) != 1 or code_file is None:
            return False  # never imported, or from two places
        module, level, name = sources[0]
        top = scan_root(code_file.parent, self.loads.source_folder)
        self.loads.consulted_tooling = True  # the verdict reads another file: not cached
        found = own_module_file(code_file, top, module, level)
        return found is not None and defines_tar_helper(found, name)

    def _archives(self, node: ast.Call, name: str) -> None:
        called = _called_name(node)
        if called == "extractall":
            self._extractall_lines.add(node.lineno)
        elif "extractall" in called:
            # bandit's B202 takes any call whose name holds "extractall" for tarfile's: the code's
            # own `self._safe_extractall(path)` is not, and its own extractall call is judged where
            # it stands (visit_Module drops B202 on lines with no real extractall call).
            self._named_like_extractall.append((node.lineno, called))
        if not isinstance(node.func, ast.Attribute) or node.func.attr not in ("extractall", "extract"):
            return
        receiver = node.func.value
        origin = self._archive_origin(receiver)
        if origin in ("zipfile.ZipFile", "zipfile.ZipFile.open"):
            self.bandit_false_positives.add((node.lineno, "B202"))  # zipfile sanitises member names itself
        tar_filter = _keyword(node, "filter")
        if origin in _TAR_ORIGINS and tar_filter is not None:
            verdict = self._tar_filter_verdict(tar_filter)
            if verdict == "safe":
                # bandit's B202 says "without any validation": a filter is that validation
                self.bandit_false_positives.add((node.lineno, "B202"))
            elif verdict == "trusted":
                self._add(
                    rules.TAR_EXTRACT_WITHOUT_FILTER,
                    node,
                    f"tarfile {node.func.attr}() with filter='fully_trusted' writes wherever member names point",
                )
        if origin in _TAR_ORIGINS and tar_filter is None:
            message = f"tarfile {node.func.attr}() without filter='data' can write outside the target (CVE-2007-4559)"
            archive = (
                self.archive_paths.get(receiver.id)
                if isinstance(receiver, ast.Name)
                else _archive_path(receiver)
                if isinstance(receiver, ast.Call)
                else None
            )
            destination = _keyword(node, "path") or (
                node.args[0] if node.args and node.func.attr == "extractall" else None
            )
            if not self.strict and not self.serving and self.loads.unpacked(archive, destination):
                self._add(rules.TAR_EXTRACT_WITHOUT_FILTER, node, f"{message} ({_PIPELINE_OUTPUT})", Severity.LOW)
            elif self.notebook and not self.strict:
                # A notebook unpacks the dataset its author just fetched, on the author's own
                # machine; jobs and services that unpack archives handed to them stay high.
                self._add(rules.TAR_EXTRACT_WITHOUT_FILTER, node, f"{message} (in a notebook)", Severity.LOW)
            else:
                self._add(rules.TAR_EXTRACT_WITHOUT_FILTER, node, message)

    def _tar_filter_verdict(self, tar_filter: ast.expr) -> str:
        """`filter=` of tarfile's extract: "trusted" for `fully_trusted` (extraction as before
        Python 3.12: no check at all), "safe" for the `data`/`tar` filters or a filter function of
        this file that checks or rewrites the member (`if ...`, `os.path.basename`,
        `tarfile.data_filter(member, path)`), else "unknown" (a parameter, a lambda, another
        module's function: nothing this pass can read)."""
        if isinstance(tar_filter, ast.Constant):
            if tar_filter.value in ("data", "tar"):
                return "safe"
            return "trusted" if tar_filter.value == "fully_trusted" else "unknown"
        name = self.qualname(tar_filter) or ""
        if name.endswith(("tarfile.data_filter", "tarfile.tar_filter")):
            return "safe"
        if name.endswith("tarfile.fully_trusted_filter"):
            return "trusted"
        if isinstance(tar_filter, ast.Name):
            found = self.command_origins().functions.get(tar_filter.id, [])
            # One definition only: a name defined twice may be either at run time.
            return "safe" if len(found) == 1 and _checks_members(found[0]) else "unknown"
        return "unknown"

    def _constant_commands(self, node: ast.Call, name: str) -> None:
        """A shell command or eval'd text built only of constants is as safe as a literal, which
        bandit already reports low: treat it the same (`os.system(f"gsutil cp {BUCKET}/x .")`
        with `BUCKET = "gs://b"`)."""
        if not node.args:
            return
        bandit_id = _COMMAND_RUNNERS.get(name)
        if bandit_id is None and name.rsplit(".", 1)[-1] == "exec_command" and "paramiko" in self._imported_names:
            bandit_id = "B601"  # bandit's test: any `exec_command` call where paramiko is imported
        if bandit_id is None:
            shell = _keyword(node, "shell")
            # bandit also reports `shell=use_shell`: a shell is possible unless it is a false constant.
            if shell is None or (isinstance(shell, ast.Constant) and not shell.value):
                return
            bandit_id = "B602" if name.startswith("subprocess.") else "B604"
        if self.strict:
            return
        argument = node.args[0]
        parts = argument.elts if isinstance(argument, (ast.List, ast.Tuple)) else [argument]
        origins = self.command_origins()
        function = origins.function_of(node)
        reason: str | None = None
        if parts and all(origins.constant_value(part, function) is not None for part in parts):
            reason = "built only of constants, like a literal"
        elif bandit_id in ("B102", "B307") and parts and all(origins.of_constants(part, function) for part in parts):
            # `for m in ["llama", "qwen2"]: exec(f"import transformers.models.{m}")`: each pass
            # runs text of constants.
            reason = "built only of constants (a loop's items, their case and replacements), like a literal"
        elif (
            bandit_id == "B102"
            and (fixed := self.loads.read_fixed_file(_compiled_text(argument))) is not None
            and not may_write(self._module, posixpath.basename(fixed))
            and not _MODEL_MADE_NAME.search(posixpath.basename(fixed).rsplit(".", 1)[0])
        ):
            # exec(open("scripts/setup.py").read()): the repository's own code, as importing it would run
            reason = "the text of a fixed file of the repository: its own code"
        elif bandit_id in ("B102", "B307") and (source := self._own_python_file(argument, node)) is not None:
            # exec(version_line), the `__version__` line picked out of `pkg/__init__.py`
            reason = f"the text of the project's Python file {printable(source)}: what importing it runs"
        elif self._looks_like_llm_output(argument):
            pass  # model output: someone else's text runs
        elif bandit_id in ("B102", "B307"):
            # Code text: the script's own arguments and environment are the operator's code; a
            # function's parameter is whatever its callers pass, so it keeps bandit's severity.
            if origins.operator_only(argument, function):
                reason = "code text of the operator's own arguments or environment"
        elif bandit_id == "B601":
            # A remote shell: the other host's names and output, a request's or a download's text
            # and the environment a client may set (CGI, SSH forced commands) are not the operator's.
            if self.notebook and not self.serving and not origins.from_outside(argument, function):
                reason = "a command of the notebook's own session"
        elif origins.from_outside(argument, function):
            pass  # a file's or a socket's text, a request, a route's or a tool's argument: bandit's severity
        elif self.notebook:
            # A notebook runs as its author, interactively: a command built from the notebook's own
            # variables (a bucket, a path, a project id) is the author's command, not an injection.
            reason = "a command of the notebook's own session"
        elif bandit_id != "B604" and _file_utility(argument):
            # `os.system("mkdir " + path)`: a fixed file-system utility on the script's own paths.
            reason = "a fixed file-system command on the script's own paths"
        else:
            # An install script's `pip install -r {path}`, a launcher's `mpirun {args.hosts}`: the
            # operator's own values; text from files, the network, a request or a model stays high.
            reason = "the script's own values (constants, arguments, environment); no outside text reaches it"
        if reason is None and bandit_id in ("B102", "B307") and self._tests_own_code(argument, node):
            reason = f"in {self.in_tests} that fetches nothing: text of the tests"
        lines = _lines_of(node)
        if reason is None:
            # Another call on the same line may be quiet; bandit's findings are matched by line,
            # so one that keeps its severity keeps the line's (`os.system("ls"); os.system(q)`).
            self.loud_bandit.update((line, bandit_id) for line in lines)
        else:
            # bandit reports a call on one of its lines (the line of `shell=True`, say).
            for line in lines:
                self.quiet_bandit.setdefault((line, bandit_id), reason)

    def _pickle_free_reads(self) -> PickleFreeReads:
        """Built on the first pickle-format download: most files make none."""
        if self._pickle_free is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            self._pickle_free = PickleFreeReads(module, self._other_texts)
        return self._pickle_free

    def _own_safe_loader(self, loader: str) -> bool:
        """OwnLoaders.trusts, once per loader name and set of imports seen; the module's facts are
        read once (a file of thousands of loaders would otherwise walk it once per loader)."""
        key = (loader, frozenset(self.aliases.items()))
        if key not in self._trusted_loaders:
            if self._own_loaders is None:
                self._own_loaders = OwnLoaders(self._module or ast.Module(body=[], type_ignores=[]))
            self._trusted_loaders[key] = self._own_loaders.trusts(loader, self.aliases)
        return self._trusted_loaders[key]

    def command_origins(self) -> CommandOrigins:
        """Built on the first shell call: most files start none."""
        if self._origins is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            self._origins = CommandOrigins(
                module, unbound_outside=not self.notebook, self_contained=self.notebook, magics=self._magics
            )
        return self._origins

    def _trusted_hub_repository(self, node: ast.Call) -> str | None:
        """Why a `torch.hub.load` runs code a reviewer need not hold the change for: the folder
        is local (`source="local"`, the repository's own hubconf.py), the repository is the
        PyTorch project's own (`pytorch/vision`, what torchvision's docs load), or its ref is a
        full commit id (the code cannot change under the caller). Anything else stays high."""
        if self.strict:
            return None
        source = _keyword(node, "source")
        if isinstance(source, ast.Constant) and source.value == "local":
            return "a local folder: the repository's own hubconf.py"
        skip_validation = _keyword(node, "skip_validation")
        if skip_validation is not None and not _const_false(skip_validation):
            return None  # without torch's fork check a parent's name serves a fork's commit
        repository = _keyword(node, "repo_or_dir") or (node.args[0] if node.args else None)
        origins = self.command_origins()
        text = origins.constant_value(repository, origins.function_of(node)) if repository is not None else None
        match = _HUB_REPOSITORY.fullmatch(text or "")
        if match is None:
            return None
        ref = match["ref"]
        if ref and _COMMIT_ID.fullmatch(ref):
            return "pinned to a commit"
        if match["owner"].lower() == "pytorch" and (ref is None or _BRANCH_OR_TAG.fullmatch(ref)):
            return "the PyTorch project's own repository"
        return None

    def _loopback_debugger(self, node: ast.Call) -> None:
        """`app.run(host="127.0.0.1", debug=True)`: Werkzeug's debugger listens on this machine
        only, behind its PIN; nobody on the network reaches it. An explicit host wins over Flask's
        SERVER_NAME, and Dash and Connexion pass it through. No host (Flask's default is loopback,
        but SERVER_NAME, Dash's HOST variable or Connexion choose others), any other host, or one
        from a variable keeps bandit's B201."""
        if self.strict or not (isinstance(node.func, ast.Attribute) and node.func.attr == "run"):
            return
        debug = _keyword(node, "debug")
        if not (isinstance(debug, ast.Constant) and debug.value is True):
            return
        if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
            return  # `**options`, `*args`: what else is passed is unknown
        if len(node.args) > 2:
            return  # a positional debug or load_dotenv beside debug=True: not Flask's signature
        host = _keyword(node, "host") or (node.args[0] if node.args else None)
        if isinstance(host, ast.Constant) and host.value in _LOOPBACK_HOSTS:
            reason = "the debugger listens on this machine only (an explicit loopback host)"
        elif host is None and self._plain_flask_app(node.func.value):
            # Flask's run() takes its host from SERVER_NAME, else 127.0.0.1.
            reason = "the debugger listens on this machine only (Flask's default host, 127.0.0.1)"
        else:
            return  # no host is not loopback everywhere: SERVER_NAME, Dash's HOST, Connexion's 0.0.0.0
        for line in _lines_of(node):
            self.quiet_bandit[(line, "B201")] = reason

    def _plain_flask_app(self, receiver: ast.expr) -> bool:
        """Whether `receiver` names a `flask.Flask(...)` whose config nothing can have given a
        SERVER_NAME (from which run() takes its host; else it binds 127.0.0.1): the name is bound
        once, to that call, and used only through attributes that route requests or run the app
        (never handed to another function, aliased, or reached through `config`), in a module
        with no `config` or `default_config` attribute, no SERVER_NAME text and no side door
        (a star import, `globals()`, `setattr`, `exec`)."""
        if not isinstance(receiver, ast.Name) or self.origins.get(receiver.id) != "flask.Flask":
            return False
        module = self._module
        if module is None or receiver.id in self.loads.rebound_module_names:
            return False
        name = receiver.id
        used_as_attribute: set[int] = set()
        for node in module_nodes(module):
            if isinstance(node, ast.Constant) and (
                node.value == "SERVER_NAME" or (isinstance(node.value, str) and _NAMES_THE_SERVER.search(node.value))
            ):
                return False  # `mock.patch("werkzeug.serving.run_simple", ...)` patches by name
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                return False
            if _imports_mock(node):
                return False  # `patch.object(werkzeug.serving, "run_simple", ...)`: a patch with no assignment
            if isinstance(node, ast.Name) and node.id in _SIDE_DOOR_NAMES:
                return False
            if isinstance(node, ast.Attribute):
                if node.attr in ("config", "default_config", "SERVER_NAME") or node.attr in _SIDE_DOOR_NAMES:
                    return False
                if not isinstance(node.ctx, ast.Load) and not (
                    isinstance(node.value, ast.Name) and node.value.id == name and node.attr == "secret_key"
                ):
                    # `flask.Flask.run = partialmethod(...)`, `werkzeug.serving.run_simple = ...`
                    # (through an import, a parameter or a loop), `app.run = partial(...)`: what
                    # run() does is no longer Flask's.
                    return False
                if isinstance(node.value, ast.Name) and node.value.id == name:
                    if node.attr not in _FLASK_APP_SAFE_ATTRIBUTES:
                        return False
                    used_as_attribute.add(id(node.value))
        bindings = 0
        for node in module_nodes(module):
            if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                if id(node) not in used_as_attribute:
                    return False  # handed on (`init_app(app)`, `run_with_ngrok(app)`), aliased or returned
            elif name in names_bound_by(node):
                bindings += 1  # a parameter, a local import, a match capture: another app under the name
        return bindings == 1 and self._constructor_imported_once(module, name)

    @staticmethod
    def _constructor_imported_once(module: ast.Module, name: str) -> bool:
        """Whether `name = Flask(...)` (or `flask.Flask(...)`) calls a name bound once in the
        module, by an import at its top level: a class of the same name (`class Flask(Flask)`), a
        rebinding (`Flask = make_class()`) or an import in a try/except fallback may give the app a
        default_config with a SERVER_NAME."""
        constructor: ast.expr | None = None
        for node in module_nodes(module):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == name
                and isinstance(node.value, ast.Call)
            ):
                constructor = node.value.func
        if isinstance(constructor, ast.Name):
            # The class named once, to build the app: `Flask.config_class = ...`, `Flask.run =
            # partialmethod(...)` or a subclass change what every app of it does.
            uses = [n for n in module_nodes(module) if isinstance(n, ast.Name) and n.id == constructor.id]
            return len(uses) == 1 and _bound_once_by_top_level_import(module, constructor.id)
        if not (
            isinstance(constructor, ast.Attribute)
            and constructor.attr == "Flask"
            and isinstance(constructor.value, ast.Name)
        ):
            return False
        package = constructor.value.id
        for node in module_nodes(module):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == package):
                continue
            if node is not constructor and node.attr in ("Flask", "Config"):
                return False  # the class or its config class reached again: changed or subclassed
        return _bound_once_by_top_level_import(module, package)

    def _loopback_tls(self, node: ast.Call) -> None:
        """`requests.get("https://localhost:8443/ping", verify=False)`: certificate checks off
        against this machine's own address (a local server's self-signed certificate). No network
        lies between the two ends, so nobody can step in; any other host keeps bandit's B501."""
        verify = _keyword(node, "verify")
        if self.strict or not (isinstance(verify, ast.Constant) and verify.value is False):
            return
        url = _keyword(node, "url") or (node.args[0] if node.args else None)
        if url is None:
            return
        origins = self.command_origins()
        leading = origins.leading_texts(url, origins.function_of(node))
        if leading and all(_LOOPBACK_URL.match(text) for text in leading):
            for line in _lines_of(node):
                self.quiet_bandit[(line, "B501")] = "certificate checks off against this machine's own address"

    def _dynamic_code(self, node: ast.Call, name: str) -> None:
        hidden = _builtin_under_another_name(node, name, self.aliases)
        if hidden is not None:
            self._add(
                rules.DYNAMIC_CODE_UNDER_ANOTHER_NAME,
                node,
                f"{hidden}() called under another name runs text as Python code (bandit's B307/B102 do not see it)",
            )
            name = f"builtins.{hidden}"
        if name in ("eval", "exec") and isinstance(node.func, ast.Name) and self._shadowed(node.func.id, node):
            # `def eval(model, X, y): ...` then `eval(model, ...)`: the code's own function, not the
            # builtin, so neither bandit's finding nor MLS314 holds; a builtin eval inside that
            # function is a call of its own, judged where it stands.
            for line in _lines_of(node):
                self.bandit_false_positives.add((line, "B307" if name == "eval" else "B102"))
            return
        elif name in ("eval", "builtins.eval") and not self.strict and self._arithmetic_only(node):
            # `if not re.match(r'^[\d+\-*/().\s]+$', eq): return` then `eval(eq)`: no name can
            # be written with those characters, so only arithmetic runs (hooks/code/arithmetic_guard.py).
            for line in _lines_of(node):
                self.quiet_bandit.setdefault((line, "B307"), "text a regex limited to digits, operators and brackets")
            return
        else:
            self._constant_commands(node, name)
        if name not in ("eval", "exec", "builtins.eval", "builtins.exec") or not node.args:
            return
        argument = node.args[0]
        if self._own_python_file(argument, node) is not None:
            return  # a `.py` file's text, not a model's (bandit's finding is judged in _constant_commands)
        tainted = any(isinstance(n, ast.Name) and n.id in self.llm_values for n in ast.walk(argument))
        if tainted or self._looks_like_llm_output(argument):
            self._add(
                rules.EVAL_OF_MODEL_OUTPUT,
                node,
                f"{name.split('.')[-1]}() on model or LLM output runs whatever the model wrote",
            )

    def _tests_own_code(self, argument: ast.AST, node: ast.Call) -> bool:
        """exec/eval in the project's tests of text the tests keep or write themselves (a snippet
        constant, a file in `tmp_path`), in a module that serves nothing and fetches nothing."""
        if self.in_tests is None or self.serving or self.loads.fetches or self._test_fetchers:
            return False
        if self._looks_like_llm_output(argument):
            return False
        if any(isinstance(n, ast.Name) and n.id in self.llm_values for n in ast.walk(argument)):
            return False
        return tests_own_value(argument, node, self.command_origins())

    def _torch_restricts_by_default(self, node: ast.Call) -> str | None:
        """The package metadata that keeps torch at 2.6 or later for this code, where a load with
        no weights_only unpickles nothing but tensors and plain values (torch_releases.py); None
        when the call passes a pickle_module (positionally too) or splats keywords, under
        `profile: strict`, or when anything in the repository leaves doubt."""
        starred = any(isinstance(argument, ast.Starred) for argument in node.args)  # `*args` may hold one
        if self.strict or starred or len(node.args) > 2 or any(k.arg in (None, "pickle_module") for k in node.keywords):
            return None
        if self._torch_requirement is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            # the module's strings and the names it uses, in one walk (`torch.load.__defaults__ = ...`)
            words = [self.command_texts]
            for part in nodes_of(module):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    words.append(part.value)
                elif isinstance(part, ast.Name):
                    words.append(part.id)
                elif isinstance(part, ast.Attribute):
                    words.append(part.attr)
            own = "\n".join(words)
            code_file = self.loads.code_file
            top = scan_root(code_file.parent, self.loads.source_folder) if code_file is not None else None
            self.loads.consulted_tooling = True  # the verdict reads other files: not cached
            self._torch_requirement = restricted_default_source(code_file, top, own) or ""
        return self._torch_requirement or None

    def _pyyaml_is_fixed(self) -> bool:
        """Whether FullLoader can no longer build objects where this code runs: nothing the
        project declares (or this file installs) holds PyYAML before 5.4 (pyyaml_releases.py).
        Asked once per file; the answer reads other files, so the verdict is not cached."""
        if self.strict:
            return False
        if self._pyyaml_fixed is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            texts = [n.value for n in nodes_of(module) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            own = "\n".join([self.command_texts, *(text for text in texts if "yaml" in text.lower())])
            code_file = self.loads.code_file
            top = scan_root(code_file.parent, self.loads.source_folder) if code_file is not None else None
            self.loads.consulted_tooling = True  # the verdict reads other files: not cached
            self._pyyaml_fixed = not old_pyyaml_possible(code_file, top, own)
        return self._pyyaml_fixed

    def _own_python_file(self, argument: ast.AST, node: ast.Call) -> str | None:
        """The `*.py` file of the checkout whose text `exec`/`eval` runs (hooks/code/python_source.py),
        when nothing in the code could have put other bytes there: the file's name is written in
        the path alone, every part of the path is the code's own, the code fetches, copies and
        unpacks nothing, and it serves no requests."""
        if self.serving:
            return None  # code that answers requests: its folders may come from them
        origins = self.command_origins()
        model_made = _MODEL_MADE_NAME.search
        module = self._module or ast.Module(body=[], type_ignores=[])
        source = PythonSource(
            module, origins, self.qualname, lambda name: model_made(name) is not None, self.loads.source_folder
        ).file_of(argument, origins.function_of(node))
        if source is None or self.loads.fetches:
            return None
        # Any other text naming the file may be a command that writes it; the labels compile()
        # gives the code it makes and further reads of the same file write nothing.
        if self.loads.mentions(source) - inert_mentions(module, source) - max(read_mentions(module, source), 1) > 0:
            return None
        if self.loads.project_fetches(source):
            return None  # the project's Makefile, scripts, image or CI may put other bytes there
        return source

    def _shadowed(self, name: str, node: ast.Call) -> bool:
        """Whether the call's `eval`/`exec` is the code's own function: a `def` (or `class`) of that
        name directly in the calling function's body or at the module's top level (before the
        call when the call is at top level: a function body runs after the module has loaded),
        and the name bound no other way anywhere. A method named `eval` is an attribute, never in
        scope; a `def` inside `try`/`if` may not run. The def must be plain: no decorator (which
        may return the builtin), nothing in it that reaches the builtin (`builtins.eval`, a call
        of `eval`/`exec`), and no star import, `globals()`, `vars()`, `setattr` or `__dict__` in
        the module, any of which can rebind the name unseen."""
        module = self._module
        if module is None or self.aliases.get(name, "").startswith("builtins."):
            return False
        function = self.command_origins().function_of(node)
        bodies = [module.body] if function is None else [function.body, module.body]
        defs = [
            statement
            for body in bodies
            for statement in body
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and statement.name == name
        ]
        if not defs or (function is None and min(d.lineno for d in defs) >= node.lineno):
            return False
        if any(isinstance(d, ast.ClassDef) or d.decorator_list or _reaches_builtin_code(d) for d in defs):
            return False
        # A star import above every top-level def of the name is rebound by that def; a def in the
        # calling function's body is a local name no module-level import reaches.
        top_level = [d.lineno for d in defs if any(d is statement for statement in module.body)]
        local = len(top_level) < len(defs)
        first = sys.maxsize if local else min(top_level)
        if function is not None and not local and self._runs_functions_before(first):
            return False  # `cfg = load_cfg(p)` above `def eval`: load_cfg's eval ran as the builtin
        return self._bound_only_by(name, defs, first)

    def _runs_functions_before(self, line: int) -> bool:
        """Whether a top-level statement above `line` may call one of the module's functions while
        the module loads: a call of its name (a class body's, a default's, a decorator's included)."""
        key = ("runs before", line)
        if key not in self._module_facts:
            module = self._module or ast.Module(body=[], type_ignores=[])
            functions = {s.name for s in module.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
            found = False
            for statement in module.body:
                if statement.lineno >= line:
                    break
                decorators = statement.decorator_list if isinstance(statement, _DEFINITIONS) else []
                if any(isinstance(d, ast.Name) and d.id in functions for d in decorators):
                    found = True
                    break
                running: list[ast.AST] = []
                if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    running.append(statement)  # a class body runs where it stands
                running += [*decorators, *getattr(getattr(statement, "args", None), "defaults", [])]
                if any(
                    isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in functions
                    for part in running
                    for n in ast.walk(part)
                ):
                    found = True
                    break
            self._module_facts[key] = found
        return bool(self._module_facts[key])

    def _bound_only_by(self, name: str, defs: Sequence[ast.stmt], first: int) -> bool:
        """Whether `defs` are the only bindings of `name` in the module: no star import after the
        first top-level one (`first`), no `%run`/`%load`, no name bound unseen, and no other
        binding (an assignment, a loop or `except ... as` target, an import, a parameter, another
        `def` or `class` anywhere). Worked out once per name and place: it walks the whole module."""
        key = ("bound only by", name, first, tuple(id(d) for d in defs))
        if key in self._module_facts:
            return bool(self._module_facts[key])
        module = self._module or ast.Module(body=[], type_ignores=[])
        answer = not _rebinds_unseen(module, stars_before=first) and not any(
            _binds_otherwise(other, name, defs) for other in nodes_of(module)
        )
        self._module_facts[key] = answer
        return answer

    def _arithmetic_only(self, node: ast.Call) -> bool:
        origins = self.command_origins()
        scope: ast.AST | None = origins.function_of(node) or self._module
        return scope is not None and arithmetic_only(node, scope)

    def _looks_like_llm_output(self, node: ast.AST, depth: int = 0) -> bool:
        """Whether a value is what a model said, judged by what the value itself is called: the
        last attribute of a chain (`response.content`, not `job.outputs[0].destination`), the
        function that made it (`llm.invoke(...)`), or a variable that held model output."""
        if depth > 30 or isinstance(node, ast.Constant):
            return False
        if isinstance(node, ast.Name):
            return node.id in self.llm_values or (node.id not in self.file_texts and self._named_output(node.id))
        if isinstance(node, ast.Attribute):
            return self._named_output(node.attr) or self._held_model_output(node.value)
        if isinstance(node, ast.Subscript):
            return self._looks_like_llm_output(node.value, depth + 1)
        if isinstance(node, ast.Call):
            name = self.qualname(node.func) or ""
            if name.startswith(("subprocess.", "os.popen")):
                return False  # what a program printed (`subprocess.check_output`), not what a model said
            called = node.func.attr if isinstance(node.func, ast.Attribute) else name
            if self._named_output(called) or (
                isinstance(node.func, ast.Attribute) and self._held_model_output(node.func.value)
            ):
                return True
            # What a function makes of model output is model output: `extract_code(full_response)`,
            # `str(answer)`, `" ".join(parts)`.
            arguments = (*node.args, *(k.value for k in node.keywords))
            return any(self._looks_like_llm_output(a, depth + 1) for a in arguments)
        return any(self._looks_like_llm_output(child, depth + 1) for child in ast.iter_child_nodes(node))

    def _named_output(self, name: str) -> bool:
        """A name hint of model output. A word for what models make (`prediction`, `completion`,
        `answer`, `llm_output`) counts anywhere; a noun every program uses for its own data
        (`response`, `content`, `output`) only where a model or the network is in sight
        (hooks/code/model_in_sight.py): a workflow engine's `exec(block.content)` runs its user's
        code, not a model's."""
        if not _hinted(name):
            return False
        if _MODEL_MADE_NAME.search(name) or _MODEL_WORD_HINT.search(name):
            return True
        if self._model_in_sight is None:
            module = self._module or ast.Module(body=[], type_ignores=[])
            self._model_in_sight = model_in_sight(module, self.serving or imports_fetchers(module))
        return self._model_in_sight

    def _held_model_output(self, node: ast.AST) -> bool:
        """A chain whose root variable holds model output (`answer.text`, `result["x"].y`)."""
        while isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        return isinstance(node, ast.Name) and node.id in self.llm_values

    # --- manual archive extraction (zip slip) --------------------------------------------
    def visit_For(self, node: ast.For) -> None:
        self.loads.forget(_names_stored_in_loop(node))  # `for OUT in sys.argv[1:]`
        iterator = node.iter
        if (
            isinstance(iterator, ast.Call)
            and isinstance(iterator.func, ast.Attribute)
            and iterator.func.attr in _ARCHIVE_LISTINGS
            and isinstance(node.target, ast.Name)
        ):
            self._zip_slip(node, node.target.id)
        self.generic_visit(node)

    def _zip_slip(self, loop: ast.For, member: str) -> None:
        tainted = {member}
        body = ast.Module(body=loop.body, type_ignores=[])
        if any(isinstance(n, ast.Attribute) and n.attr in _SANITISERS for n in ast.walk(body)) or any(
            isinstance(n, ast.Name) and n.id in _SANITISERS for n in ast.walk(body)
        ):
            return
        for statement in ast.walk(body):
            if isinstance(statement, ast.Assign) and any(
                isinstance(n, ast.Name) and n.id in tainted for n in ast.walk(statement.value)
            ):
                tainted.update(t.id for t in statement.targets if isinstance(t, ast.Name))
        for call in ast.walk(body):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            opened = self.qualname(call.func) in ("open", "builtins.open", "io.open")
            written = isinstance(call.func, ast.Attribute) and call.func.attr in ("write_bytes", "write_text")
            target: ast.expr | None = None
            if opened:
                target = call.args[0]
            elif written and isinstance(call.func, ast.Attribute):
                target = call.func.value
            if target is None or not any(isinstance(n, ast.Name) and n.id in tainted for n in ast.walk(target)):
                continue
            mode = call.args[1] if opened and len(call.args) > 1 else _keyword(call, "mode")
            if opened and not (isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "w" in mode.value):
                continue
            self._add(
                rules.ZIP_SLIP,
                call,
                "writes an archive member to a path built from its name without sanitising it "
                "(zip slip): a member named ../../x escapes the target folder",
            )


def _helper_parameter(call: ast.Call, origins: CommandOrigins) -> tuple[ast.FunctionDef, str] | None:
    """(the module-level function, its parameter) when a load reads that parameter itself."""
    target = call.args[0] if call.args else None
    function = origins.function_of(call)
    if not isinstance(target, ast.Name) or not isinstance(function, ast.FunctionDef):
        return None
    if origins.enclosing.get(id(function)) is not None:
        return None  # a nested function or a method: called through more than its name
    arguments = function.args
    parameters = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    name = target.id
    if name not in parameters:
        # `with open(path, "rb") as f: return pickle.load(f)`: the handle of the parameter's file,
        # bound by that `with` alone.
        opened = [
            item.context_expr.args[0]
            for node in ast.walk(function)
            if isinstance(node, (ast.With, ast.AsyncWith))
            for item in node.items
            if isinstance(item.optional_vars, ast.Name)
            and item.optional_vars.id == name
            and isinstance(item.context_expr, ast.Call)
            and isinstance(item.context_expr.func, ast.Name)
            and item.context_expr.func.id == "open"
            and item.context_expr.args
        ]
        if len(opened) != 1 or not isinstance(opened[0], ast.Name) or opened[0].id not in parameters:
            return None
        if _stores(function, name) != 1:
            return None
        name = opened[0].id
    return None if _stores(function, name) else (function, name)


# What makes a fresh tensor (its contents are what the code then puts in it), and the
# collectives of torch.distributed that fill a tensor with another rank's data.
_TENSOR_MAKERS = frozenset(f"torch.{name}" for name in ("empty", "zeros", "ones", "full", "empty_like", "zeros_like"))
_TENSOR_METADATA = frozenset({"shape", "size", "numel", "dtype", "device", "dim", "nelement", "element_size"})
_COLLECTIVES = frozenset(
    {"broadcast", "recv", "irecv", "all_gather", "all_gather_into_tensor", "all_reduce", "scatter", "gather"}
)
# Calls and attributes that only move or reshape a tensor's bytes on their way to `loads`.
_BYTE_STEPS = frozenset({"cpu", "numpy", "tobytes", "tolist", "contiguous", "detach", "to", "cuda", "view"})


def _byte_step(node: ast.AST) -> bool:
    """One step of moving a tensor's bytes: `x.cpu()`, `x.tobytes()`, `bytes(x)`, `x[:n]`."""
    if isinstance(node, ast.Subscript):
        return True
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id in ("bytes", "bytearray")) or (
        isinstance(func, ast.Attribute) and func.attr in _BYTE_STEPS
    )


def _tensors_of_bytes(
    data: ast.AST, origins: CommandOrigins, function: ast.AST, depth: int = 0, *, chain: set[int]
) -> set[str] | None:
    """The local names of the tensors whose bytes `data` may be: `t.cpu().numpy().tobytes()`,
    `bytes(t.tolist())`, `t[:n].cpu()...`, or a name the function binds only to such values."""
    if depth > 8:
        return None
    if isinstance(data, ast.Name):
        found = origins.bound_values(data.id, function)  # type: ignore[arg-type]
        if found is None or found[1] is not function:
            return None
        chain.add(id(data))
        if not all(_byte_step(value) for value in found[0]):
            return {data.id}  # the tensor itself (what made it is judged by the caller)
        tensors: set[str] = set()
        for value in found[0]:
            more = _tensors_of_bytes(value, origins, function, depth + 1, chain=chain)
            if more is None:
                return None
            tensors |= more
        return tensors
    if isinstance(data, ast.Call) and isinstance(data.func, ast.Name) and data.func.id in ("bytes", "bytearray"):
        if len(data.args) != 1:
            return None
        return _tensors_of_bytes(data.args[0], origins, function, depth + 1, chain=chain)
    if isinstance(data, ast.Call) and isinstance(data.func, ast.Attribute) and data.func.attr in _BYTE_STEPS:
        return _tensors_of_bytes(data.func.value, origins, function, depth + 1, chain=chain)
    if isinstance(data, ast.Subscript):
        return _tensors_of_bytes(data.value, origins, function, depth + 1, chain=chain)
    return None


def _stores(function: ast.FunctionDef, name: str) -> int:
    """How many places in `function`'s body bind `name` (an assignment, a loop, `with`, `except`,
    an import, a `match` capture, a comprehension, a nested def, `global`/`nonlocal`). Its own
    parameters live in `function.args`, outside the body, so they are not counted."""
    return sum(names_bound_by(node).count(name) for statement in function.body for node in ast.walk(statement))


def _argument_for(call: ast.Call, function: ast.FunctionDef, parameter: str) -> ast.expr | None:
    """What `call` passes for `parameter`: by keyword, by position, else the default."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None  # *args / **kwargs: cannot tell
    for keyword in call.keywords:
        if keyword.arg == parameter:
            return keyword.value
    positional = [*function.args.posonlyargs, *function.args.args]
    names = [a.arg for a in positional]
    if parameter in names:
        position = names.index(parameter)
        if position < len(call.args):
            return call.args[position]
        defaults = function.args.defaults
        offset = position - (len(positional) - len(defaults))
        return defaults[offset] if 0 <= offset < len(defaults) else None
    return None


def _names_stored(target: ast.AST) -> set[str] | None:
    """The names an assignment target binds (`a`, `a, *b`, `[a, b]`); None when it may bind any
    name (`globals()[k] = v`, `vars()[k] = v`); attributes and other subscripts bind none."""
    names: set[str] = set()
    for node in ast.walk(target):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call):
            called = node.value.func
            if isinstance(called, ast.Name) and called.id in ("globals", "vars", "locals"):
                key = node.slice
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    return None
                names.add(key.value)
    return names


def _names_stored_in_loop(node: ast.For | ast.AsyncFor | ast.While) -> set[str]:
    """The names a loop binds anywhere (its target, and any statement of its body, after a load
    in it too): on the next pass they may hold what a later line of the body put there."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _binds_names_unseen(call: ast.Call, name: str) -> bool:
    """A call that can bind the module's names without an assignment the visit sees: `exec(text)`,
    `globals().update(...)` (or vars()/locals()), `setattr(sys.modules[__name__], "OUT", x)`."""
    if name in ("exec", "builtins.exec", "eval", "builtins.eval"):
        return True  # eval too: `eval("(OUT := x)")` binds OUT
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in ("update", "__setitem__", "setdefault"):
        owner = func.value
        return (
            isinstance(owner, ast.Call)
            and isinstance(owner.func, ast.Name)
            and owner.func.id in ("globals", "vars", "locals")
        )
    if name in ("setattr", "builtins.setattr") and call.args:
        return any(
            (isinstance(n, ast.Attribute) and n.attr == "modules") or (isinstance(n, ast.Name) and n.id == "__name__")
            for n in ast.walk(call.args[0])
        )
    return False


def _imports_mock(node: ast.AST) -> bool:
    """`import mock`, `from unittest import mock as um`, `from unittest.mock import patch`."""
    if isinstance(node, ast.Import):
        return any("mock" in alias.name.split(".") for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return "mock" in (node.module or "").split(".") or any(alias.name == "mock" for alias in node.names)
    return False


def _bound_once_by_top_level_import(module: ast.Module, name: str) -> bool:
    """Whether `name` has exactly one binding in the module, an import statement directly in its
    body (not in a try, an if or a function); no class, function, assignment, loop, handler,
    parameter or `global` binds it again."""
    top_level = {id(statement) for statement in module.body}
    bindings: list[ast.AST] = []
    for node in module_nodes(module):
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            bindings.extend(node for alias in node.names if names_bound_by(alias) == [name])
        elif not isinstance(node, ast.alias) and name in names_bound_by(node):
            bindings.append(node)
    return len(bindings) == 1 and isinstance(bindings[0], (ast.Import, ast.ImportFrom)) and id(bindings[0]) in top_level
