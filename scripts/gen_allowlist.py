"""Regenerate hooks/artifacts/allowlist_data.py from the installed ML libraries.

Run it in a throwaway environment holding the frameworks (it imports them, which the hooks
never do):  python scripts/gen_allowlist.py > hooks/artifacts/allowlist_data.py

What it collects, and why each is safe to construct from a pickle:
- torch.nn module classes (full-model saves pickle them; their __setstate__ only restores
  attributes);
- scikit-learn estimator, tree, loss and neighbour classes (constructors store parameters);
- pandas and scipy.sparse container classes and pandas' named unpickling helpers;
- lightgbm's estimator classes;
- Hugging Face TrainingArguments (training_args.bin) and the enums and accelerate state in it;
  trl's and sentence-transformers' TrainingArguments subclasses and their own enum fields;
- pyannote.audio's task Specifications and its enums (the metadata of its checkpoints);
- ultralytics' model classes (a YOLO checkpoint), without rebuild hooks of their own;
- every enum of the libraries whose classes a pickle may rebuild (REBUILD_ROOTS, where installed):
  a pickle rebuilds an enum member by calling its class with the value (`DtypeKind(3)`), which
  looks the member up;
- those libraries' subclasses of the standard containers (dict, list, set, OrderedDict, Counter,
  defaultdict, deque, UserDict, UserList) whose constructors are Python the sink check can read:
  the containers' own __reduce__ calls the class with the items (`FreqDist({...})`).
Private test helpers, deprecated shims and anything in a denylisted module are skipped.
Each entry is then checked by scripts/allowlist_sinks.py: a class whose constructor or state
restoration reaches a file, process, network, import or loader function (read from the library
source) is listed in GENERATED_REFUSED with the call path, and the hook refuses it; so is every
class of the libraries whose names a pickle may rebuild without __init__ (LIBRARY_ROOTS) whose
state restoration reaches one (torch's DataPipe wrappers pickle.loads their state).
Each library's modules are also listed under their pre-privatisation names
(`sklearn.ensemble.forest` for `sklearn.ensemble._forest`), which older pickles use.

Libraries that cannot share one environment (pandas 3 beside libraries pinned below it) are
introspected in several: `--merge hooks/artifacts/allowlist_data.py` adds what an earlier run
found, each entry checked in the environment that produced it; a refusal from any run wins.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import pkgutil
import re
import sys
import warnings
from collections.abc import Callable

SKIP_MODULE = re.compile(
    r"(^|\.)(tests?|_testing|testing|conftest|externals|_build_utils|_distributor_init|"
    r"__check_build|_show_versions|io|plotting|computation|compat|_config|util|api|errors)(\.|$)"
)
UNPICKLE_HELPER = re.compile(
    r"^(newObj|_new_\w+|_unpickle\w*|__pyx_unpickle\w+|_reconstruct\w*|_restore\w*|"
    r"__nat_unpickle|_timedelta_unpickle|_unpickle_timestamp)$"
)


def walk(package: str) -> list[object]:
    root = importlib.import_module(package)
    modules = [root]
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if SKIP_MODULE.search(info.name):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                modules.append(importlib.import_module(info.name))
        except Exception:  # noqa: BLE001 - optional submodules may need extras
            continue
    return modules


def classes_in(modules: list[object], prefix: str, base: type | None = None) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for module in modules:
        for _, value in inspect.getmembers(module):
            if not inspect.isclass(value):
                continue
            owner = getattr(value, "__module__", "") or ""
            qualname = getattr(value, "__qualname__", "")
            if not owner.startswith(prefix) or "<" in qualname or "." in qualname:
                continue
            if SKIP_MODULE.search(owner):
                continue
            if base is not None and not (isinstance(value, type) and issubclass(value, base)):
                continue
            found.add((owner, qualname))
    return found


def helpers_in(modules: list[object], prefix: str) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for module in modules:
        for name, value in vars(module).items():
            if callable(value) and UNPICKLE_HELPER.match(name):
                found.add((module.__name__, name))
            owner = getattr(value, "__module__", None)
            if callable(value) and isinstance(owner, str) and owner.startswith(prefix) and UNPICKLE_HELPER.match(name):
                found.add((owner, name))
    return found


HISTORY_FILE = "scripts/data/trl_config_history.txt"


def released_names(path: str) -> dict[tuple[str, str], str]:
    """`module name kind` lines written by scripts/trl_config_history.py."""
    names: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and not line.startswith("#"):
                module, name, kind = line.split()
                names[(module, name)] = kind
    return names


# Special methods that run when a pickle rebuilds or drops an object: a model class defining one
# in ultralytics' own code is left out unless read and listed here.
_REBUILD_HOOKS = ("__setstate__", "__del__", "__setattr__", "__getattr__", "__getattribute__", "__new__")
_REVIEWED_HOOKS = {
    # super().__setstate__(state), then all_head_dim from two numbers of that state if missing
    ("ultralytics.nn.modules.block", "AAttn"),
}


def ultralytics_model_classes(module_base: type) -> set[tuple[str, str]]:
    tasks = importlib.import_module("ultralytics.nn.tasks")
    modules = [*walk("ultralytics.nn.modules"), tasks]
    found: set[tuple[str, str]] = set()
    for module, name in classes_in(modules, "ultralytics.nn", module_base):
        if not (module == "ultralytics.nn.tasks" or module.startswith("ultralytics.nn.modules.")):
            continue
        cls = getattr(importlib.import_module(module), name)
        own = [k for k in cls.__mro__ if str(getattr(k, "__module__", "")).startswith("ultralytics.")]
        if any(hook in vars(k) for k in own for hook in _REBUILD_HOOKS) and (module, name) not in _REVIEWED_HOOKS:
            continue
        found.add((module, name))
        if module.startswith("ultralytics.nn.modules."):
            found.add(("ultralytics.nn.modules", name))  # the package's re-export (8.0's flat module)
    return found


def value_types_in(module: object) -> set[tuple[str, str]]:
    """The enums and dataclasses a module defines: the plain records a checkpoint's metadata holds."""
    import dataclasses
    import enum

    found: set[tuple[str, str]] = set()
    for _, value in inspect.getmembers(module, inspect.isclass):
        if value.__module__ != getattr(module, "__name__", None) or "<" in value.__qualname__:
            continue
        if issubclass(value, enum.Enum) or dataclasses.is_dataclass(value):
            found.add((value.__module__, value.__qualname__))
    return found


def training_arguments_in(modules: list[object], prefix: str, base: type) -> set[tuple[str, str]]:
    """A package's subclasses of `base` (a TrainingArguments) and the package's enums their fields hold.

    A saved training_args.bin rebuilds the class without __init__ and calls each enum field's
    class with its value (`BatchSamplers("batch_sampler")`), so both must be allowed by name.
    """
    import dataclasses
    import enum
    import typing

    found = classes_in(modules, prefix, base)
    for module in modules:
        for _, value in inspect.getmembers(module):
            if not (inspect.isclass(value) and issubclass(value, base) and dataclasses.is_dataclass(value)):
                continue
            if not str(getattr(value, "__module__", "")).startswith(prefix):
                continue
            try:
                hints = list(typing.get_type_hints(value).values())
            except Exception:  # noqa: BLE001 - hints naming optional packages: defaults still count
                hints = []
            held = [field.default for field in dataclasses.fields(value)] + hints
            while held:
                item = held.pop()
                held.extend(typing.get_args(item))
                kind = item if isinstance(item, type) else type(item)
                owner = str(getattr(kind, "__module__", ""))
                if issubclass(kind, enum.Enum) and owner.startswith(prefix) and "<" not in kind.__qualname__:
                    found.add((owner, kind.__qualname__))
    return found


def with_legacy_names(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    out = set(pairs)
    for module, name in pairs:
        legacy = ".".join(part.lstrip("_") if i else part for i, part in enumerate(module.split(".")))
        if legacy != module:
            out.add((legacy, name))
    return out


def enums_in(root: str) -> set[tuple[str, str]]:
    """The enums a library defines at module level (its modules as allowlist_sinks walks them)."""
    import enum

    from scripts.allowlist_sinks import _modules

    found: set[tuple[str, str]] = set()
    for module in _modules(root):
        for value in list(vars(module).values()):
            owner = getattr(value, "__module__", None)
            if not (isinstance(value, type) and issubclass(value, enum.Enum) and isinstance(owner, str)):
                continue
            if owner.split(".", 1)[0] != root or "<" in value.__qualname__ or "." in value.__qualname__:
                continue
            found.add((owner, value.__qualname__))
    return found


_CONTAINERS = ("dict", "list", "set", "OrderedDict", "Counter", "defaultdict", "deque", "UserDict", "UserList")


def containers_in(root: str) -> set[tuple[str, str]]:
    """A library's module-level subclasses of the standard containers whose construction and
    state restoration are Python functions (read by the sink check), not C code it cannot read."""
    import builtins
    import collections

    from scripts.allowlist_sinks import _modules

    bases = tuple(getattr(collections, name, None) or getattr(builtins, name, None) for name in _CONTAINERS)
    kinds = tuple(kind for kind in bases if isinstance(kind, type))
    found: set[tuple[str, str]] = set()
    for module in _modules(root):
        for value in list(vars(module).values()):
            owner = getattr(value, "__module__", None)
            if not (isinstance(value, type) and issubclass(value, kinds) and isinstance(owner, str)):
                continue
            if owner.split(".", 1)[0] != root or "<" in value.__qualname__ or "." in value.__qualname__:
                continue
            own = [k for k in value.__mro__ if str(getattr(k, "__module__", "")).split(".", 1)[0] == root]
            methods = ("__init__", "__new__", "__setstate__", "__setitem__", "__reduce__", "__reduce_ex__")
            if all(inspect.isfunction(vars(k)[m]) for k in own for m in methods if m in vars(k)):
                found.add((owner, value.__qualname__))
    return found


def merged_with(path: str) -> tuple[list[str], set[tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    """The versions, allowed pairs and refusals an earlier run wrote to `path`."""
    namespace: dict[str, object] = {}
    with open(path, encoding="utf-8") as source:
        exec(compile(source.read(), path, "exec"), namespace)
    header = str(namespace["__doc__"]).split("from:", 1)[1].split("Generated;", 1)[0]
    versions = [line.strip().rstrip(";.") for line in header.strip().splitlines() if line.strip()]
    allowed = {
        (line.split(" ", 1)[0], line.split(" ", 1)[1])
        for line in str(namespace["GENERATED_ALLOWED"]).splitlines()
        if line
    }
    refused: dict[tuple[str, str], tuple[str, str]] = {}
    for line in str(namespace["GENERATED_REFUSED"]).splitlines():
        if line:
            pair, when, reason = line.split("\t", 2)
            module, name = pair.split(" ", 1)
            refused[(module, name)] = (when, reason)
    return versions, allowed, refused


# Functions older pandas releases name in their pickles that the helper pattern does not catch:
# pandas 1.3 and 1.4 pickled each block as a call of `new_block(values, placement, ndim)`.
PANDAS_PICKLE_CALLS = (("pandas.core.internals.blocks", "new_block"),)


def pandas_pairs(versions: list[str]) -> set[tuple[str, str]]:
    """pandas' container classes, its named unpickling helpers and the public names a pickle
    rebuilds, as the installed release has them (run again under an older release with `--only
    pandas --merge` for the names its pickles use: `Int64Index` up to 1.5)."""
    import pandas

    versions.append(f"pandas {pandas.__version__}")
    pandas_modules = walk("pandas")
    pairs = {(m, n) for (m, n) in classes_in(pandas_modules, "pandas") if not n.startswith("_")}
    pairs |= helpers_in(pandas_modules, "pandas")
    for public in (
        "DataFrame",
        "Series",
        "Index",
        "RangeIndex",
        "MultiIndex",
        "DatetimeIndex",
        "Categorical",
        "CategoricalDtype",
        "CategoricalIndex",
        "StringDtype",
        "Timestamp",
        "Timedelta",
        "Period",
        "Interval",
        "IntervalIndex",
        "PeriodIndex",
        "TimedeltaIndex",
        "DatetimeTZDtype",
        "NA",
        "NaT",
    ):
        pairs.add(("pandas", public))
    for module, name in PANDAS_PICKLE_CALLS:
        if _load(module, name) is not None:
            pairs.add((module, name))
    return pairs


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--merge", help="an allowlist_data.py an earlier run wrote, in another environment")
    parser.add_argument("--only", choices=sorted(ALONE), help="introspect this library alone (an older release)")
    args = parser.parse_args()
    pairs: set[tuple[str, str]] = set()
    versions: list[str] = []
    if args.only:
        write(*only_library(args.only, versions), args.merge)
        return
    import torch

    versions.append(f"torch {torch.__version__}")
    pairs |= classes_in(walk("torch.nn.modules"), "torch.nn.modules", torch.nn.Module)
    import sklearn

    versions.append(f"scikit-learn {sklearn.__version__}")
    sklearn_modules = walk("sklearn")
    pairs |= with_legacy_names(classes_in(sklearn_modules, "sklearn") | helpers_in(sklearn_modules, "sklearn"))
    import numpy

    versions.append(f"numpy {numpy.__version__}")
    pairs |= helpers_in(walk("numpy.random"), "numpy.random")
    pairs |= pandas_pairs(versions)
    import scipy.sparse

    versions.append(f"scipy {scipy.__version__}")
    pairs |= classes_in(walk("scipy.sparse"), "scipy.sparse")
    import lightgbm

    versions.append(f"lightgbm {lightgbm.__version__}")
    pairs |= classes_in(
        [importlib.import_module("lightgbm.basic"), importlib.import_module("lightgbm.sklearn")], "lightgbm"
    )
    # Hugging Face Trainer checkpoints hold a pickled TrainingArguments (training_args.bin):
    # the dataclasses and enums it is made of, and accelerate's state it carries.
    import accelerate
    import transformers

    versions.append(f"transformers {transformers.__version__}, accelerate {accelerate.__version__}")
    hf_modules = [
        importlib.import_module(name)
        for name in (
            "transformers.training_args",
            "transformers.training_args_seq2seq",
            "transformers.trainer_utils",
            "transformers.trainer_pt_utils",
            "transformers.debug_utils",
            "accelerate.state",
            "accelerate.utils.dataclasses",
        )
    ]
    pairs |= classes_in(hf_modules, "transformers") | classes_in(hf_modules, "accelerate")
    # Trainers built on transformers' Trainer save their own TrainingArguments subclass the same
    # way: trl's SFTConfig/DPOConfig/GRPOConfig..., sentence-transformers' training arguments.
    import sentence_transformers
    import trl

    versions.append(f"trl {trl.__version__}, sentence-transformers {sentence_transformers.__version__}")
    for package in ("trl", "sentence_transformers"):
        pairs |= training_arguments_in(walk(package), package, transformers.TrainingArguments)
    # and the names older trl releases saved them under (scripts/data/trl_config_history.txt)
    trl_history = released_names(HISTORY_FILE)
    pairs |= set(trl_history)
    # A YOLO checkpoint pickles ultralytics' model: the torch.nn classes of ultralytics.nn.tasks and
    # ultralytics.nn.modules (also under the package's re-exported names, which older checkpoints
    # use). Not its backends, text models or distillation wrappers, whose import installs packages
    # or whose state restoration or finaliser calls objects from the file.
    import ultralytics

    versions.append(f"ultralytics {ultralytics.__version__}")
    pairs |= ultralytics_model_classes(torch.nn.Module)
    # pyannote.audio checkpoints (its segmentation and embedding models) record the task they were
    # trained for: a Specifications dataclass holding Problem and Resolution enums.
    from importlib.metadata import version

    versions.append(f"pyannote.audio {version('pyannote.audio')}")
    pairs |= value_types_in(importlib.import_module("pyannote.audio.core.task"))
    sys.path.insert(0, ".")
    from hooks.artifacts.globals_policy import is_dangerous
    from scripts.allowlist_sinks import REBUILD_ROOTS, function_sinks, rebuild_sinks, refused

    # Every enum of the rebuildable libraries: a pickle calls the class with the member's value.
    with contextlib.redirect_stdout(sys.stderr):
        for root in REBUILD_ROOTS:
            pairs |= enums_in(root) | containers_in(root)
    for root in ("networkx", "optuna", "nltk", "lifelines", "river", "hdbscan", "shap", "sktime", "prophet"):
        with contextlib.suppress(Exception):
            versions.append(f"{root} {version(root.replace('_', '-'))}")
    pairs = {pair for pair in pairs if not is_dangerous(*pair)}

    with contextlib.redirect_stdout(sys.stderr):  # libraries print while their modules import
        sinks = {**function_sinks(), **rebuild_sinks(), **refused(pairs, _load)}
    # A released trl config class the installed trl no longer has cannot be read for sinks; it is
    # a TrainingArguments subclass, so it is refused on call as TrainingArguments is.
    base = sinks[("transformers.training_args", "TrainingArguments")]
    for (module, name), kind in sorted(trl_history.items()):
        if kind == "arguments" and (module, name) not in sinks and _load(module, name) is None:
            sinks[(module, name)] = (base[0], f"{name} (an older trl release's) inherits TrainingArguments: {base[1]}")
    write(versions, pairs, sinks, args.merge)


def write(
    versions: list[str],
    pairs: set[tuple[str, str]],
    sinks: dict[tuple[str, str], tuple[str, str]],
    merge: str | None,
) -> None:
    """Print the module, with what an earlier run wrote to `merge` added (a refusal from any run wins)."""
    if merge:
        earlier_versions, earlier_pairs, earlier_sinks = merged_with(merge)
        versions = [*earlier_versions, *(v for v in versions if v not in earlier_versions)]
        pairs |= earlier_pairs
        for key, (when, reason) in earlier_sinks.items():
            if key not in sinks or (when == "always" and sinks[key][0] != "always"):
                sinks[key] = (when, reason)
    print("# ruff: noqa: E501 (generated: a refused entry's call path is one line)")
    print('"""Framework classes allowed in pickles, introspected by scripts/gen_allowlist.py from:')
    print(";\n".join(versions) + '.\n\nGenerated; edit the script, not this file."""\n')
    print("# One `module name` pair per line; a string loads faster than 2,000 tuple constants.")
    print('GENERATED_ALLOWED = """\\')
    for module, name in sorted(pairs):
        print(f"{module} {name}")
    print('"""')
    print()
    print("# Entries whose constructor or state restoration reaches a sink (scripts/allowlist_sinks.py):")
    print("# refused with the reason. `module name<TAB>when<TAB>how`: when is `always` (any rebuild reaches")
    print("# it) or `call` (only calling the class, REDUCE/INST/OBJ, runs the constructor that does).")
    print('GENERATED_REFUSED = """\\')
    for (module, name), (when, reason) in sorted(sinks.items()):
        print(f"{module} {name}\t{when}\t{reason}")
    print('"""')


# Libraries `--only` introspects alone (an older release in its own environment): their pairs.
ALONE: dict[str, Callable[[list[str]], set[tuple[str, str]]]] = {"pandas": pandas_pairs}


def only_library(
    library: str, versions: list[str]
) -> tuple[list[str], set[tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    """Versions, allowed pairs and refusals of one library introspected alone (`--only`), each
    checked for sinks in this environment."""
    sys.path.insert(0, ".")
    from hooks.artifacts.globals_policy import is_dangerous
    from scripts.allowlist_sinks import function_sinks, rebuild_sinks, refused

    with contextlib.redirect_stdout(sys.stderr):
        pairs = ALONE[library](versions) | enums_in(library) | containers_in(library)
    pairs = {pair for pair in pairs if not is_dangerous(*pair)}
    with contextlib.redirect_stdout(sys.stderr):
        sinks = {**function_sinks((library,)), **rebuild_sinks((library,)), **refused(pairs, _load)}
    return versions, pairs, sinks


def _load(module: str, name: str) -> object | None:
    try:
        obj: object = importlib.import_module(module)
        for part in name.split("."):
            obj = getattr(obj, part)
    except Exception:  # noqa: BLE001 - a name the library no longer has is simply not checked
        return None
    return obj


if __name__ == "__main__":
    main()
