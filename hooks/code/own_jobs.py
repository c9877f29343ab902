"""Which cloud runs a notebook or script submitted itself, so that a file it downloads from one
of them is that job's output, not someone else's file.

An Azure ML notebook trains on a cluster and then fetches what its training script wrote:

    run = Experiment(ws, "train").submit(ScriptRunConfig(source_directory=".", script="train.py"))
    run.wait_for_completion()
    run.download_file("outputs/x_test.pkl", output_file_path="x_test.pkl")
    x_test = joblib.load("x_test.pkl")

The run is one this code started, running code the project holds, so `x_test.pkl` is the
project's own output, like `joblib.load` of a file the notebook dumped a few cells earlier. A run
the code looks up instead (`Run.get(ws, run_id)`, `Run(experiment, run_id=...)`,
`AutoMLRun(experiment, run_id)`, a registered `Model(ws, name)`, a run handed in as a parameter)
may be anyone's in a shared workspace: a file downloaded from it stays someone else's.

A name counts as a run the code submitted only when every binding of it anywhere in the module is
one: `<experiment>.submit(config)` on azureml's `Experiment(...)` (or a name every binding of which
is one) of a configuration the code builds itself (`ScriptRunConfig(...)`, `Pipeline(...)`, or a
name bound only to such a constructor; not `PublishedPipeline.get(ws, id)`), or a run found from
such a run (`get_best_run_by_primary_metric()`, `find_step_run(...)[0]`,
`HyperDriveStepRun(step_run=...)`, the first item of `get_output()`). A name also bound any other
way (a loop, a parameter, an import, `global`, a `match` capture), or rebound where no assignment
shows it (through the module object, `%store -r`), is not followed; and none is when the code can
rebind names unseen (a star import, `%run`/`%load`, `exec` of text it does not hold) or replaces
the methods themselves (`run.download_file = ...`). The code the job runs is taken as the
project's: a configuration pointing at a folder the code cloned from elsewhere is not told apart.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hooks.code.mlflow_store import binding_counts, last_name
from hooks.code.tree_nodes import nodes_of

QualName = Callable[[ast.AST], "str | None"]

_EXPERIMENT = "Experiment"  # azureml.core.Experiment (or azureml.core.experiment.Experiment)
_AZUREML = "azureml."
_CONFIG_KEYWORD = "config"  # Experiment.submit(config, tags=None, **kwargs)
# Methods whose replacement (`run.download_file = other.download_file`) makes a call of them anyone's.
_REPLACEABLE = frozenset({"submit", "download_file", "get_output", "find_step_run", "get_best_run_by_primary_metric"})
_FOUND_FROM_A_RUN = frozenset({"get_best_run_by_primary_metric", "find_step_run"})
_STEP_RUN_WRAPPERS = frozenset({"HyperDriveStepRun", "AutoMLStepRun", "StepRun"})  # (step_run=<run>)
_OUTPUT_PAIR = "get_output"  # AutoML: `best_run, fitted_model = run.get_output()`
_DOWNLOAD = "download_file"  # Run.download_file(name, output_file_path=None, ...)
_ROUNDS = 8  # runs found from runs found from runs: deeper chains are not followed


class OwnJobs:
    """The module's names that hold runs it submitted itself (filled by `prepare`)."""

    def __init__(self) -> None:
        self._runs: frozenset[str] = frozenset()

    def prepare(
        self,
        nodes: Sequence[ast.AST],
        qualname: QualName,
        rebound_unseen: frozenset[str] | None = frozenset(),
    ) -> None:
        """Which names hold only runs the code submitted, from every node of the module.
        `rebound_unseen`: names rebound where no assignment shows it (None: any name may be)."""
        self._runs = frozenset()
        counts = binding_counts(nodes)
        if rebound_unseen is None or counts["*"]:
            return
        values = _bound_values(nodes)
        if _methods_replaced(nodes, frozenset(name for name, bound in values.items() if any(map(_run_like, bound)))):
            return
        values = {name: bound for name, bound in values.items() if name not in rebound_unseen}
        single = frozenset(name for name, bound in values.items() if len(bound) == counts[name])
        imported = Counter((node.asname or node.name).split(".", 1)[0] for node in nodes if isinstance(node, ast.alias))
        # Names bound some way other than an import (`class Experiment:`, `Experiment = f`), or
        # imported from two places (the later import wins at run time, whichever the visit read).
        assigned = (
            frozenset(name for name, count in counts.items() if count > imported[name])
            | _imported_twice(nodes)
            | rebound_unseen  # `globals()["Experiment"] = ...`, `%store -r Experiment`
        )
        configs = frozenset(name for name in single if all(_builds(value) for value in values[name]))
        experiments = frozenset(
            name for name in single if all(_makes_experiment(value, qualname, assigned) for value in values[name])
        )
        own = _Own(experiments, configs, assigned, qualname)
        runs: frozenset[str] = frozenset()
        for _ in range(_ROUNDS):
            found = frozenset(name for name in single if all(own.run(value, runs) for value in values[name]))
            if found == runs:
                break
            runs = found
        self._runs = runs

    def downloaded_to(self, call: ast.Call) -> ast.expr | None:
        """The local path `<run>.download_file(name, path)` writes when the run is one the code
        submitted; None for any other call (another run, a missing or unpacked path)."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == _DOWNLOAD):
            return None
        if not isinstance(func.value, ast.Name) or func.value.id not in self._runs:
            return None
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None  # `*parts`, `**options`: which argument is the path is not known
        target = call.args[1] if len(call.args) > 1 else None
        keyword = next((k.value for k in call.keywords if k.arg == "output_file_path"), None)
        return keyword if keyword is not None and target is None else target


def _bound_values(nodes: Sequence[ast.AST]) -> dict[str, list[ast.AST | _FirstOfPair]]:
    """Name -> the value of each of its plain bindings: `x = v`, `x: T = v`, `with v as x`, and the
    first name of `a, b = run.get_output()` (bound to a marker call naming the run the pair comes from)."""
    values: dict[str, list[ast.AST | _FirstOfPair]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values.setdefault(target.id, []).append(node.value)
            elif isinstance(target, (ast.Tuple, ast.List)) and target.elts:
                first = target.elts[0]
                if isinstance(first, ast.Name):
                    values.setdefault(first.id, []).append(_FirstOfPair(node.value))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            values.setdefault(node.target.id, []).append(node.value)  # `src: ScriptRunConfig = ScriptRunConfig()`
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    values.setdefault(item.optional_vars.id, []).append(item.context_expr)
    return values


@dataclass(frozen=True)
class _FirstOfPair:
    """The first item of an unpacked value (only `run.get_output()` is ever an own run's)."""

    value: ast.expr


_REBINDING_MAGICS = frozenset({"run", "load", "loadpy"})  # run code into the notebook's namespace
_IPYTHON_RUNNERS = frozenset({"run_line_magic", "magic", "run_cell_magic"})
_NAMESPACES = frozenset({"globals", "vars", "locals"})


def rebound_names(nodes: Sequence[ast.AST], magics: Sequence[str]) -> frozenset[str] | None:
    """The names the code binds where no assignment shows it; None when it may bind any: `%run`
    (the script's globals land in the notebook's), `%load`, `exec` of text not held or not
    parsed, `eval(compile(...))` or of text with `:=`, IPython's `run_cell` or
    `run_line_magic("run", ...)`, a store into `globals()` or `vars()` under a name not known.
    `exec("run = x")` and `globals()["run"] = x` give the names they bind. (`%store -r` is read
    by started_code.restored_names.)"""
    if any(magic.split(None, 1)[0] in _REBINDING_MAGICS for magic in magics if magic.strip()):
        return None
    names: set[str] = set()
    parents = {id(child): node for node in nodes for child in ast.iter_child_nodes(node)}
    for node in nodes:
        if _namespace(node) and not _namespace_read_or_known(node, parents):
            return None  # `g = globals()`, `f(globals())`: stores through it are not seen
        if isinstance(node, ast.Name) and node.id in ("exec", "eval") and not _called(node, parents):
            return None  # `e = exec`: called under another name
        if isinstance(node, ast.Attribute) and (
            node.attr in ("user_ns", "load_session")
            or (
                node.attr == "push"
                and last_name(node.value.func if isinstance(node.value, ast.Call) else node.value) in _IPYTHON_SHELLS
            )
        ):
            return None  # IPython's `user_ns[...]`, `get_ipython().push(...)`, `dill.load_session()`
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and _namespace(node.value):
            key = node.slice  # `globals()["run"] = ...`
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                return None
            names.add(key.value)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and _namespace(func.value) and func.attr in _FILLERS:
            given = _filled_names(node, func.attr)  # `globals().update(run=...)`
            if given is None:
                return None
            names |= given
            continue
        called = last_name(func)
        builtin = isinstance(func, ast.Name) or (
            isinstance(func, ast.Attribute) and last_name(func.value) in ("builtins", "__builtins__")
        )
        if called == "run_cell":
            return None
        if builtin and called == "exec":
            bound = _bound_by_text(node.args[0] if node.args else None)
            if bound is None:
                return None
            names |= bound
        elif builtin and called == "eval" and _may_bind(node):
            return None
        elif called in _IPYTHON_RUNNERS:
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                return None
            words = first.value.lstrip("%").split(None, 1)
            if not words or words[0] in _REBINDING_MAGICS:
                return None
    return frozenset(names)


_FILLERS = frozenset({"update", "setdefault", "__setitem__"})
# What writes the notebook's namespace: IPython's `user_ns` and `push` (on its shell), dill's
# `load_session`.
_IPYTHON_SHELLS = frozenset({"get_ipython", "ip", "ipython", "shell"})
_READS = frozenset({"get", "keys", "items", "values", "copy", "__contains__", "__getitem__"})


def _namespace(node: ast.AST) -> bool:
    """`globals()`, `vars()`, `locals()` without arguments, or `vars()` of the module object
    (`vars(sys.modules[__name__])`): the namespace a store into binds a name in (`vars(args)` is
    an object's attributes)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NAMESPACES):
        return False
    if node.keywords:
        return False
    if not node.args:
        return True
    if len(node.args) != 1:
        return False
    return any(
        (isinstance(part, ast.Attribute) and part.attr in ("modules", "import_module"))
        or (isinstance(part, ast.Name) and part.id in ("__main__", "__name__", "import_module"))
        or (isinstance(part, ast.Constant) and part.value == "__main__")
        for part in ast.walk(node.args[0])
    )


def _namespace_read_or_known(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether a namespace call is used where this pass sees what it binds: subscripted
    (`globals()["x"]`, read or stored), a reading method (`globals().get("x")`), a filler whose
    names are read (`globals().update(x=1)`), or iterated (`"x" in globals()`)."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return parent.attr in _READS or parent.attr in _FILLERS
    return isinstance(parent, (ast.Compare, ast.comprehension, ast.For))


def _called(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    return isinstance(parent, ast.Call) and parent.func is node


def _filled_names(call: ast.Call, method: str) -> set[str] | None:
    """The names `globals().update(run=x)`, `.setdefault("run", x)` or `.__setitem__("run", x)`
    binds; None when not known."""
    if method in ("setdefault", "__setitem__"):
        key = call.args[0] if call.args else None
        return {key.value} if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
    if call.args or any(k.arg is None for k in call.keywords):
        return None  # a mapping or `**values`: any names
    return {k.arg for k in call.keywords if k.arg is not None}


def _bound_by_text(text: ast.AST | None) -> set[str] | None:
    """The names `exec(text)` binds when the text is a literal that parses; None otherwise."""
    if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
        return None
    try:
        tree = ast.parse(text.value)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    nodes = list(nodes_of(tree))
    counts = binding_counts(nodes)
    # Text that calls anything, or stores into an attribute or an item, may bind or replace
    # anything (`globals()["run"] = x`, `Run.download_file = f`): only plain bindings are read.
    stores = any(
        isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, (ast.Store, ast.Del)) for n in nodes
    )
    if counts["*"] or stores or any(isinstance(n, ast.Call) for n in nodes):
        return None
    return set(counts)


def _may_bind(call: ast.Call) -> bool:
    """`eval(compile(text, name, "exec"))` runs statements and `eval("(run := x)")` binds a name;
    an expression read at run time (`eval(metric_name)`) or a literal one without `:=` binds
    nothing the code's own runs are (`model.eval()` is no builtin and never asked)."""
    first = call.args[0] if call.args else None
    if isinstance(first, ast.Constant):
        return isinstance(first.value, str) and ":=" in first.value
    return isinstance(first, ast.Call) and last_name(first.func) == "compile"


def _imported_twice(nodes: Sequence[ast.AST]) -> frozenset[str]:
    """Names imported from more than one package or under more than one original name."""
    origins: dict[str, set[str]] = {}
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            module = f"{'.' * node.level}{node.module or ''}" if isinstance(node, ast.ImportFrom) else ""
            for alias in node.names:
                local = (alias.asname or alias.name).split(".", 1)[0]
                # By package and name: `azureml.core.Experiment` and `azureml.core.experiment.Experiment`
                # are one class, re-exported.
                package = (module or alias.name).split(".", 1)[0]
                origins.setdefault(local, set()).add(f"{package}:{alias.name.rsplit('.', 1)[-1]}")
    return frozenset(name for name, found in origins.items() if len(found) > 1)


def _methods_replaced(nodes: Sequence[ast.AST], run_like: frozenset[str]) -> bool:
    """`run.download_file = other.download_file`, `Run.download_file = f`, `setattr(Run,
    "submit", f)`: a call of the method may then do anything. Only on a class (a capitalised
    name) or a name bound to a run: `args.submit = True` replaces nothing of a run's."""

    def of_a_run(owner: ast.AST) -> bool:
        name = last_name(owner)
        return name[:1].isupper() or name in run_like

    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
            # `submit` is also a common flag (`args.submit = True`); the others are runs' only.
            if node.attr in _REPLACEABLE and (node.attr != "submit" or of_a_run(node.value)):
                return True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _patch_target(node.value):
            return True  # `mock.patch("azureml.core.Run.download_file", f)`
        elif isinstance(node, ast.Call) and last_name(node.func) == "object" and len(node.args) > 1:
            method = node.args[1]  # `mock.patch.object(Run, "download_file", f)`
            if isinstance(method, ast.Constant) and method.value in _REPLACEABLE:
                return True
        elif isinstance(node, ast.Call) and last_name(node.func) == "setattr" and len(node.args) > 1:
            name = node.args[1]
            known = name.value if isinstance(name, ast.Constant) and isinstance(name.value, str) else None
            if of_a_run(node.args[0]) and (known is None or known in _REPLACEABLE):
                return True
    return False


def _patch_target(text: str) -> bool:
    """A dotted name of a run's method, as `mock.patch` is given it."""
    return "." in text and " " not in text and text.rsplit(".", 1)[-1] in _REPLACEABLE


def _run_like(value: ast.AST | _FirstOfPair) -> bool:
    """A value that may be a run: a `submit(...)`, a run found from one, a step run's wrapper."""
    if isinstance(value, _FirstOfPair):
        return True
    if isinstance(value, ast.Subscript):
        return _run_like(value.value)
    if not isinstance(value, ast.Call):
        return False
    called = last_name(value.func)
    return called == "submit" or called in _FOUND_FROM_A_RUN or called in _STEP_RUN_WRAPPERS


def _makes_experiment(value: ast.AST | _FirstOfPair, qualname: QualName, assigned: frozenset[str]) -> bool:
    """`Experiment(ws, name)` of azureml, under a name the code binds only by importing it."""
    if not isinstance(value, ast.Call):
        return False
    called = qualname(value.func) or ""
    if not (called.startswith(_AZUREML) and called.rsplit(".", 1)[-1] == _EXPERIMENT):
        return False
    root = value.func
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id not in assigned


def _builds(value: ast.AST | _FirstOfPair) -> bool:
    """A configuration the code constructs (`ScriptRunConfig(...)`, `Pipeline(...)`,
    `automl.AutoMLConfig(...)`): a call of a class name, not a lookup (`PublishedPipeline.get`)."""
    return isinstance(value, ast.Call) and last_name(value.func)[:1].isupper()


@dataclass(frozen=True)
class _Own:
    """What the module shows: experiments and configurations it builds, how often names are bound."""

    experiments: frozenset[str]
    configs: frozenset[str]
    assigned: frozenset[str]  # names bound some way other than an import
    qualname: QualName

    def run(self, value: ast.AST | _FirstOfPair, runs: frozenset[str]) -> bool:
        """Whether the bound value is a run the code submitted, or one found from such a run."""
        if isinstance(value, _FirstOfPair):
            inner = value.value
            return (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == _OUTPUT_PAIR
                and _is_run(inner.func.value, runs)
            )
        if isinstance(value, ast.Subscript):  # `pipeline_run.find_step_run("train")[0]`
            return self.run(value.value, runs)
        if not isinstance(value, ast.Call):
            return False
        func = value.func
        if isinstance(func, ast.Attribute) and func.attr == "submit":
            owner = func.value
            made = (
                owner.id in self.experiments
                if isinstance(owner, ast.Name)
                else _makes_experiment(owner, self.qualname, self.assigned)
            )
            return made and self._submits_own_config(value)
        if isinstance(func, ast.Attribute) and func.attr in _FOUND_FROM_A_RUN:
            return _is_run(func.value, runs)
        if last_name(func) in _STEP_RUN_WRAPPERS and not value.args:
            given = [k for k in value.keywords if k.arg == "step_run"]
            return len(given) == len(value.keywords) == 1 and (
                _is_run(given[0].value, runs) or self.run(given[0].value, runs)
            )
        return False

    def _submits_own_config(self, call: ast.Call) -> bool:
        config = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == _CONFIG_KEYWORD), None)
        if config is None or isinstance(config, ast.Starred) or any(k.arg is None for k in call.keywords):
            return False
        if isinstance(config, ast.Name):
            return config.id in self.configs
        return _builds(config)


def _is_run(node: ast.AST, runs: frozenset[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in runs
