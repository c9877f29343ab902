"""Which allowlisted classes reach a load-time sink: used by scripts/gen_allowlist.py.

Unpickling a class runs its constructor (`__new__`, `__init__` and a dataclass's `__post_init__`
when the pickle calls the class through REDUCE/INST/OBJ) and its state restoration
(`__setstate__`, or `__setattr__` for each attribute of a plain BUILD). For each generated entry
this reads the source of those methods (with `ast`, nothing is called), follows calls to the
class's own methods and to Python functions of the same library a few levels deep, and reports
the first call that reaches a sink: the file, process, network, import or nested-loader
functions below, or builtins `open`/`exec`/`eval`/`compile`/`__import__`. Such an entry is
refused by the hook with the reason (pandas `ExcelWriter` creates the file it is given).

Static and conservative in one direction only: a call it cannot resolve (a method of an
argument, C code) is not followed, so an entry it passes is not proven safe; the hand table in
`globals_policy.SIDE_EFFECT_CLASSES` covers what this misses.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator

# Modules whose functions touch files, processes, the network or the import system, and the
# nested loaders. Narrower than the hook's denylist, which also grades attribute and functional
# helpers (operator, functools, types) that library constructors use harmlessly.
SINK_MODULES = (
    "os", "posix", "nt", "subprocess", "_posixsubprocess", "pty", "socket", "_socket", "ssl", "shutil",
    "tempfile", "io", "_io", "fileinput", "shelve", "dbm", "sqlite3", "pickle", "_pickle", "marshal", "dill",
    "cloudpickle", "urllib", "http", "ftplib", "smtplib", "requests", "httpx", "urllib3", "webbrowser",
    "importlib", "runpy", "ctypes", "multiprocessing", "pip", "setuptools", "h5py", "tables",
)  # fmt: skip
SINK_BUILTINS = frozenset({"open", "exec", "eval", "compile", "__import__"})
SINK_EXACT = frozenset(
    {
        ("numpy", "load"),
        ("numpy", "fromfile"),
        ("numpy", "memmap"),
        ("numpy", "loadtxt"),
        ("numpy", "genfromtxt"),
        ("torch", "load"),
        ("torch", "from_file"),
        ("joblib", "load"),
        ("pandas", "read_pickle"),
    }
)
# os functions that read process facts or convert paths: no file is opened or changed.
_HARMLESS_OS = frozenset(
    {"fspath", "fsencode", "fsdecode", "getpid", "cpu_count", "process_cpu_count", "getcwd", "getenv",
     "get_terminal_size", "urandom", "sched_getaffinity", "environ"}
)  # fmt: skip
# ctypes names that load a native library or touch raw memory; the rest are values and the
# library's own function pointers.
_CTYPES_LOADS = frozenset(
    {"CDLL", "PyDLL", "WinDLL", "OleDLL", "LibraryLoader", "LoadLibrary", "find_library", "memmove", "memset",
     "string_at", "wstring_at"}
)  # fmt: skip
_IMPORT_PROBES = frozenset({"find_spec", "version", "metadata", "distribution", "PackageNotFoundError"})
# What unpickling runs on a class: its constructor when called, its state restoration on BUILD.
# `__new__` and state restoration run on every rebuild (NEWOBJ, copyreg, BUILD); `__init__` and
# `__post_init__` only when the pickle calls the class (REDUCE, INST, OBJ).
ALWAYS_METHODS = ("__new__", "__setstate__", "__setattr__", "__del__")
# `__del__` runs when the loader drops an object it rebuilt (or when the program ends): a finaliser
# calling a method of one of the instance's own attributes (`self._done_event.set()`) calls what the
# file's state put there. Such calls are sinks in a finaliser (followed through the class's methods).
FINALISER = "__del__"
CALL_METHODS = ("__init__", "__post_init__")
MAX_DEPTH = 3


def sink_name(obj: object) -> str | None:
    """`module.name` of a sink function or class, else None."""
    if isinstance(obj, types.BuiltinFunctionType) and getattr(obj, "__self__", None) is builtins:
        return f"builtins.{obj.__name__}" if obj.__name__ in SINK_BUILTINS else None
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not isinstance(module, str) or not isinstance(name, str):
        return None
    if module == "builtins":
        return f"builtins.{name}" if name in SINK_BUILTINS else None
    root = module.split(".", 1)[0]
    if (module, name) in SINK_EXACT or (root, name) in SINK_EXACT:
        return f"{module}.{name}"
    if root in ("os", "posix", "nt") and name in _HARMLESS_OS:
        return None
    if root in ("io", "_io") and name in ("BytesIO", "StringIO"):
        return None  # in memory
    if root == "ctypes" and name.split(".")[-1] not in _CTYPES_LOADS:
        return None  # C values, buffers and the library's own native functions: no new library is loaded
    if module.startswith(("importlib.metadata", "importlib.util")) and name.split(".")[-1] in _IMPORT_PROBES:
        return None  # asks whether a package is installed; imports nothing
    if any(module == sink or module.startswith(sink + ".") for sink in SINK_MODULES):
        return f"{module}.{name}"
    return None


def _function_of(obj: object) -> types.FunctionType | None:
    """The Python function behind a method, staticmethod, classmethod or function."""
    obj = getattr(obj, "__func__", obj)
    obj = inspect.unwrap(obj) if callable(obj) else obj
    return obj if isinstance(obj, types.FunctionType) else None


def _calls(function: types.FunctionType) -> Iterator[ast.Call]:
    try:
        source = textwrap.dedent(inspect.getsource(function))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, IndentationError):
        return
    yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _dotted(node: ast.expr) -> list[str] | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def _resolve(parts: list[str], function: types.FunctionType, cls: type) -> object | None:
    """The object a dotted call target names inside `function` (a method of `cls`)."""
    head, rest = parts[0], parts[1:]
    if head in ("self", "cls") and rest:
        obj: object = cls
    elif head in function.__globals__:
        obj = function.__globals__[head]
    elif hasattr(builtins, head):
        obj = getattr(builtins, head)
    else:
        return None
    for part in rest:
        try:
            obj = inspect.getattr_static(obj, part)
        except AttributeError:
            return None
    return obj


def _unresolved_module(head: object) -> bool:
    """Whether a call through this global whose attribute did not resolve goes somewhere unread: a
    lazily imported module's proxy, say, but not a library's own ctypes handle (`_LIB.LGBM_Free`:
    its native functions, as sink_name treats them)."""
    import ctypes

    return head is not None and not isinstance(head, ctypes.CDLL)


# Libraries whose functions a rebuild may call without being followed: the checked ones (their
# functions are read where they are roots) and pure typing helpers.
_READ_ELSEWHERE = frozenset({"typing_extensions"})


def _unread_library(target: object, root: str) -> str | None:
    """`module.name` of a function or class from a third-party library outside the checked ones."""
    import sys

    owner = _function_of(target) or target
    module = getattr(owner, "__module__", None)
    name = getattr(owner, "__qualname__", None) or getattr(owner, "__name__", None)
    if not isinstance(module, str) or not isinstance(name, str):
        return None
    top = module.split(".", 1)[0]
    if top in (root, "builtins") or top in sys.stdlib_module_names or top in _READ_ELSEWHERE:
        return None
    if top in REBUILD_ROOTS or _inside_package(module, root):
        return None
    return f"{module}.{name}"


def _inside_package(module: str, root: str) -> bool:
    """Whether `module` is a file of `root`'s own package under another top-level name
    (catboost's native `_catboost` extension lives in the catboost folder)."""
    import os
    import sys

    where = getattr(sys.modules.get(module), "__file__", None)
    folders = getattr(sys.modules.get(root), "__path__", None) or []
    if not isinstance(where, str):
        return False
    here = os.path.dirname(os.path.realpath(where))
    return any(here == folder or here.startswith(folder + os.sep) for folder in map(os.path.realpath, folders))


def _same_library(obj: object, root: str) -> bool:
    module = getattr(_function_of(obj), "__module__", None)
    return isinstance(module, str) and module.split(".", 1)[0] == root


def function_sink(function: types.FunctionType, root: str) -> str | None:
    """How calling a library function reaches a sink (`run -> subprocess.Popen`), if it does."""
    holder = type("_Holder", (), {"__call__": staticmethod(function)})
    found = first_sink(holder, root, ("__call__",))
    return found.replace("_Holder.__call__", function.__qualname__, 1) if found else None


def function_sinks(roots: tuple[str, ...] | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """Every module-level function of these packages whose call reaches a sink. A pickle may keep
    a known library's function as a value (a scorer, an activation); what keeps it may call it
    later, by a name the scan cannot follow (a method the state overrides, an item a lookup
    answers), so a function that runs code, processes, files or the network is refused as a value too."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for root in REBUILD_ROOTS if roots is None else roots:
        seen: dict[int, str | None] = {}
        for module in _modules(root):
            for name, value in list(vars(module).items()):
                function = value if isinstance(value, types.FunctionType) else None
                owner = getattr(function, "__module__", None)
                if function is None or not isinstance(owner, str) or owner.split(".", 1)[0] != root:
                    continue
                if id(function) not in seen:
                    try:
                        seen[id(function)] = function_sink(function, root)
                    except Exception:  # noqa: BLE001 - odd wrappers: not checked
                        seen[id(function)] = None
                reason = seen[id(function)]
                if reason and not _imports_only(reason) and not any(reason.endswith(p) for p in REVIEWED):
                    out[(owner, function.__qualname__)] = ("always", reason)
                    if module.__name__ != owner:  # also under every name a module re-exports it by
                        out[(module.__name__, name)] = ("always", reason)
    return out


def _imports_only(reason: str) -> bool:
    """A lazy import of a fixed module (an optional dependency): no more than naming it does."""
    return " calls importlib." in reason or " calls builtins.__import__" in reason


def first_sink(cls: type, root: str, methods: tuple[str, ...] = ALWAYS_METHODS + CALL_METHODS) -> str | None:
    """How running these methods of `cls` reaches a sink (`__init__ -> get_handle -> io.open`), if it does."""
    seen: set[object] = set()
    imports: list[str] = []  # an import of a fixed optional dependency: reported if nothing worse is
    # What every rebuild runs (state restoration, finalisers) is held to more than constructors and
    # functions kept as values: a call it cannot resolve (a lazily imported module) or into a
    # library this check does not read counts as reaching a sink.
    at_load = all(method in ALWAYS_METHODS for method in methods)

    def visit(function: types.FunctionType, path: str, depth: int, finaliser: bool = False) -> str | None:
        if function in seen:
            return None
        seen.add(function)
        for call in _calls(function):
            parts = _dotted(call.func)
            if parts is None:
                continue
            target = _resolve(parts, function, cls)
            if target is None and finaliser and _state_method(parts, cls):
                return f"{path} calls {'.'.join(parts)}, a method of an object from the instance's state"
            if target is None and at_load and len(parts) > 1 and _unresolved_module(function.__globals__.get(parts[0])):
                # optuna's RDBStorage.__setstate__ calls sqlalchemy through a lazy-import proxy
                return f"{path} calls {'.'.join(parts)}, which this check cannot resolve"
            if target is None:
                continue
            sink = sink_name(getattr(target, "__func__", target))
            if sink is not None and sink.startswith(("importlib.", "builtins.__import__")):
                imports.append(f"{path} calls {sink}")
            elif sink is not None:
                return f"{path} calls {sink}"
            elif at_load and (foreign := _unread_library(target, root)) is not None:
                # optuna's RDBStorage.__setstate__ hands its state's URL and keyword arguments to
                # sqlalchemy.create_engine: code no check here reads may open, connect or call.
                return f"{path} calls {foreign}, code of a library this check does not read"
            inner = _function_of(target)
            if inner is not None and depth < MAX_DEPTH and _same_library(inner, root):
                found = visit(inner, f"{path} -> {inner.__qualname__}", depth + 1, finaliser)
                if found:
                    return found
        return None

    for method in methods:
        try:
            attribute = inspect.getattr_static(cls, method)
        except AttributeError:
            continue
        function = _function_of(attribute)
        if function is None or not _same_library(function, root):
            continue  # object's, a C type's or another library's own constructor
        found = visit(function, f"{cls.__qualname__}.{method}", 1, method == FINALISER)
        if found:
            return found
    return imports[0] if imports else None


def _state_method(parts: list[str], cls: type) -> bool:
    """`self.<attribute>.<method>(...)` where the class itself has no such attribute: the object
    is one the instance's state holds (`__dict__` is the instance's own dict, not state)."""
    if len(parts) < 3 or parts[0] != "self" or parts[1] == "__dict__":
        return False
    try:
        inspect.getattr_static(cls, parts[1])
    except AttributeError:
        return True
    return False


def refused(
    pairs: set[tuple[str, str]], load: Callable[[str, str], object | None]
) -> dict[tuple[str, str], tuple[str, str]]:
    """The entries whose unpickling reaches a sink: ("always", path) when any rebuild reaches it,
    ("call", path) when only calling the class does."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for module, name in sorted(pairs):
        obj = load(module, name)
        if not isinstance(obj, type):
            continue
        root = module.split(".", 1)[0]
        if reason := first_sink(obj, root, ALWAYS_METHODS):
            out[(module, name)] = ("always", reason)
        elif reason := first_sink(obj, root, CALL_METHODS):
            out[(module, name)] = ("call", reason)
    # first_sink follows only the class's own library, so a subclass from another library (trl's
    # SFTConfig over transformers' TrainingArguments) takes on what its refused bases reach.
    for module, name in sorted(pairs):
        obj = load(module, name)
        if not isinstance(obj, type):
            continue
        for base in obj.__mro__[1:]:
            inherited = out.get((getattr(base, "__module__", ""), getattr(base, "__qualname__", "")))
            if inherited is None:
                continue
            kind = "always" if "always" in (inherited[0], out.get((module, name), ("",))[0]) else inherited[0]
            if (module, name) not in out or (kind == "always" and out[(module, name)][0] != "always"):
                out[(module, name)] = (kind, f"{name} inherits {base.__qualname__}: {inherited[1]}")
    return out


# Packages whose classes the hook lets a pickle rebuild without __init__ (globals_policy's
# LIBRARY_ROOTS, where installed): their state restoration is checked library-wide, since a
# rebuilt instance's __setstate__ runs whatever it runs on state from the file.
REBUILD_ROOTS = (
    "sklearn", "pandas", "scipy", "torch", "transformers", "accelerate", "lightgbm", "xgboost", "catboost",
    "statsmodels", "pyarrow", "numpy", "tokenizers", "peft", "timm", "torchvision", "torchaudio",
    "lightning", "pytorch_lightning", "lightning_fabric", "omegaconf", "patsy", "dateutil", "pytz",
    "sentence_transformers", "imblearn", "category_encoders", "feature_engine",
    # fitted models pickled whole: forecasting, survival, online learning, graphs, tuning studies,
    # clustering, explainers (and the formula, array-slicing and Stan libraries they hold)
    "sktime", "pmdarima", "prophet", "cmdstanpy", "lifelines", "formulaic", "river", "networkx", "optuna",
    "nltk", "hdbscan", "shap", "slicer",
)  # fmt: skip
# Module parts not walked: test suites, build tools and command-line entry points (importing
# numpy.f2py's main prints usage and exits) and per-architecture model zoos (transformers.models
# classes are torch.nn modules whose state restoration is torch's).
_SKIP_PARTS = frozenset(
    {"tests", "test", "testing", "_testing", "conftest", "f2py", "distutils", "_build_utils", "__main__",
     "models", "benchmarks", "_pyinstaller"}
)  # fmt: skip
# Sinks the hook checks by argument instead of refusing the class (globals_policy.EXECUTED_STATE).
REVIEWED = {"rv_generic._attach_argparser_methods calls builtins.exec": "scipy.stats"}


def _modules(root: str) -> Iterator[types.ModuleType]:
    import importlib
    import pkgutil
    import warnings

    try:
        package = importlib.import_module(root)
    except BaseException:  # noqa: BLE001 - not installed, or fails to import: nothing to check
        return
    yield package
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), root + "."):
        if _SKIP_PARTS.intersection(info.name.split(".")):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield importlib.import_module(info.name)
        except BaseException:  # noqa: BLE001 - optional submodules, SystemExit from entry points
            continue


def rebuild_sinks(roots: tuple[str, ...] = REBUILD_ROOTS) -> dict[tuple[str, str], tuple[str, str]]:
    """Every class of these packages whose rebuild (`__new__`, `__setstate__`, `__setattr__`) reaches
    a sink, under its own name and every name a module of its package re-exports it by
    (`optuna.storages.RDBStorage` for `optuna.storages._rdb.storage.RDBStorage`)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for root in roots:
        seen: dict[tuple[str, str], str | None] = {}
        for module in _modules(root):
            for name, value in list(vars(module).items()):
                owner = getattr(value, "__module__", None)
                if not isinstance(value, type) or not isinstance(owner, str) or owner.split(".", 1)[0] != root:
                    continue
                key = (owner, value.__qualname__)
                if "<" in key[1]:
                    continue
                if key not in seen:
                    try:
                        seen[key] = first_sink(value, root, ALWAYS_METHODS)
                    except Exception:  # noqa: BLE001 - odd descriptors: not checked
                        seen[key] = None
                reason = seen[key]
                if reason and not any(reason.endswith(path) for path in REVIEWED):
                    out[key] = ("always", reason)
                    if module.__name__ != owner:
                        out[(module.__name__, name)] = ("always", reason)
    return out
