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
one: `<experiment>.submit(...)` on an `Experiment(...)` (or a name every binding of which is
one), a run found from such a run (`get_best_run_by_primary_metric()`, `find_step_run(...)[0]`,
`HyperDriveStepRun(step_run=...)`, the first item of `get_output()`). A name also bound any
other way (a loop, a parameter, an import, `global`) is not followed.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hooks.code.mlflow_store import binding_counts

QualName = Callable[[ast.AST], "str | None"]

_EXPERIMENT = "Experiment"  # azureml.core.Experiment, by its last name under any import
_FOUND_FROM_A_RUN = frozenset({"get_best_run_by_primary_metric", "find_step_run"})
_STEP_RUN_WRAPPERS = frozenset({"HyperDriveStepRun", "AutoMLStepRun", "StepRun"})  # (step_run=<run>)
_OUTPUT_PAIR = "get_output"  # AutoML: `best_run, fitted_model = run.get_output()`
_DOWNLOAD = "download_file"  # Run.download_file(name, output_file_path=None, ...)
_ROUNDS = 8  # runs found from runs found from runs: deeper chains are not followed


def _last_name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


class OwnJobs:
    """The module's names that hold runs it submitted itself (filled by `prepare`)."""

    def __init__(self) -> None:
        self._runs: frozenset[str] = frozenset()

    def prepare(self, nodes: Sequence[ast.AST], qualname: QualName) -> None:
        """Which names hold only runs the code submitted, from every node of the module."""
        counts = binding_counts(nodes)
        values = _bound_values(nodes)
        experiments = frozenset(
            name
            for name, bound in values.items()
            if len(bound) == counts[name] and all(_makes_experiment(value, qualname) for value in bound)
        )
        runs: frozenset[str] = frozenset()
        for _ in range(_ROUNDS):
            found = frozenset(
                name
                for name, bound in values.items()
                if len(bound) == counts[name]
                and all(_is_own_run(value, experiments, runs, qualname) for value in bound)
            )
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
    """Name -> the value of each of its plain bindings: `x = v`, `with v as x`, and the first name
    of `a, b = run.get_output()` (bound to a marker call naming the run the pair comes from)."""
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
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    values.setdefault(item.optional_vars.id, []).append(item.context_expr)
    return values


@dataclass(frozen=True)
class _FirstOfPair:
    """The first item of an unpacked value (only `run.get_output()` is ever an own run's)."""

    value: ast.expr


def _makes_experiment(value: ast.AST | _FirstOfPair, qualname: QualName) -> bool:
    return (
        isinstance(value, ast.Call)
        and (qualname(value.func) or _last_name(value.func)).rsplit(".", 1)[-1] == _EXPERIMENT
    )


def _is_own_run(
    value: ast.AST | _FirstOfPair, experiments: frozenset[str], runs: frozenset[str], qualname: QualName
) -> bool:
    if isinstance(value, _FirstOfPair):
        inner = value.value
        return (
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Attribute)
            and inner.func.attr == _OUTPUT_PAIR
            and _is_run(inner.func.value, runs)
        )
    if isinstance(value, ast.Subscript):  # `pipeline_run.find_step_run("train")[0]`
        return _is_own_run(value.value, experiments, runs, qualname)
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    if isinstance(func, ast.Attribute) and func.attr == "submit":
        owner = func.value
        if isinstance(owner, ast.Name):
            return owner.id in experiments
        return _makes_experiment(owner, qualname)
    if isinstance(func, ast.Attribute) and func.attr in _FOUND_FROM_A_RUN:
        return _is_run(func.value, runs)
    if _last_name(func) in _STEP_RUN_WRAPPERS and not value.args:
        given = [k for k in value.keywords if k.arg == "step_run"]
        return len(given) == len(value.keywords) == 1 and _is_own_run_or_name(
            given[0].value, experiments, runs, qualname
        )
    return False


def _is_own_run_or_name(value: ast.AST, experiments: frozenset[str], runs: frozenset[str], qualname: QualName) -> bool:
    return _is_run(value, runs) or _is_own_run(value, experiments, runs, qualname)


def _is_run(node: ast.AST, runs: frozenset[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in runs
