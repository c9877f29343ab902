"""Which parameters of a Flyte task the file's own workflows fill with another task's output.

    @task
    def fit(x: FlyteSchema) -> FlyteFile: ...         # joblib.dump(model, "model.joblib.dat")

    @task
    def predict(model_ser: FlyteFile, x: FlyteSchema):
        model = joblib.load(model_ser)

    @workflow
    def pipeline(dataset: FlyteFile):
        model = fit(x=...)
        predict(model_ser=model, x=...)

Flyte hands `predict` the file `fit` returned: loading it reads the pipeline's own output, like a
SageMaker step reading the previous step's model (pipeline_inputs.py). A parameter counts as fed
only when the file defines workflows, every call of the task in them passes that parameter by
keyword, and each value is the output of another task call of the same workflow (a name bound
to it, or an attribute or item of one). A workflow input (`dataset`), a constant or a task no
workflow of the file calls keeps its findings: anyone launching the task chooses those.
"""

from __future__ import annotations

import ast

from hooks.code.command_origin import name_of
from hooks.code.tree_nodes import nodes_of

_TASK_DECORATORS = frozenset({"task", "dynamic"})
_WORKFLOW_DECORATORS = frozenset({"workflow", "dynamic"})
Function = ast.FunctionDef | ast.AsyncFunctionDef


def fed_task_parameters(module: ast.Module) -> set[tuple[int, str]]:
    """(id(task function), parameter) pairs every workflow call fills with a task's output."""
    if not _imports_flytekit(module):
        return set()
    tasks: dict[str, Function] = {}
    workflows: list[Function] = []
    for node in module.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        decorators = {name_of(d) for d in node.decorator_list}
        if decorators & _TASK_DECORATORS:
            tasks[node.name] = node
        if decorators & _WORKFLOW_DECORATORS:
            workflows.append(node)
    verdicts: dict[tuple[str, str], bool] = {}
    in_workflows: set[int] = set()
    for workflow in workflows:
        # Statements in source order: a name counts as a task's output from the task call that
        # binds it until anything else rebinds it.
        outputs: set[str] = set()
        ordered = sorted(
            _nodes_in_order(workflow), key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0))
        )
        for step in ordered:
            if isinstance(step, ast.Call) and isinstance(step.func, ast.Name) and step.func.id in tasks:
                in_workflows.add(id(step))
                _judge_call(step, tasks, outputs, verdicts)
            elif isinstance(step, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.With, ast.NamedExpr)):
                _rebind(step, tasks, outputs)
    # A task called anywhere else (module level, `if __name__ == "__main__"`, another function, or
    # handed over by name to `partial`/`map`) gets its inputs from there: nothing is fed.
    for other in nodes_of(module):
        if isinstance(other, ast.Call) and id(other) not in in_workflows:
            called = other.func.id if isinstance(other.func, ast.Name) else ""  # `x.predict()` is a method
            handed = {a.id for a in other.args if isinstance(a, ast.Name)}
            for task in tasks:
                if called == task or task in handed:
                    for parameter in _parameters(tasks[task]) + [a.arg for a in tasks[task].args.kwonlyargs]:
                        verdicts[(task, parameter)] = False
    return {(id(tasks[task]), parameter) for (task, parameter), fed in verdicts.items() if fed}


def _nodes_in_order(function: Function) -> list[ast.AST]:
    return [
        n
        for n in ast.walk(function)
        if n is not function and hasattr(n, "lineno") and isinstance(n, (ast.stmt, ast.Call, ast.NamedExpr))
    ]


def _judge_call(
    call: ast.Call, tasks: dict[str, Function], outputs: set[str], verdicts: dict[tuple[str, str], bool]
) -> None:
    task = name_of(call.func)
    parameters = _parameters(tasks[task]) + [a.arg for a in tasks[task].args.kwonlyargs]
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        for parameter in parameters:
            verdicts[(task, parameter)] = False  # `**inputs`: not read here
        return
    for keyword in call.keywords:
        key = (task, keyword.arg or "")
        verdicts[key] = verdicts.get(key, True) and _root(keyword.value) in outputs
    for parameter in _parameters(tasks[task])[: len(call.args)]:
        verdicts[(task, parameter)] = False  # positional: not read here


def _rebind(node: ast.AST, tasks: dict[str, Function], outputs: set[str]) -> None:
    """Names `node` binds: a task's output when its value is a task call, else no longer one."""
    value = getattr(node, "value", None)
    from_task = (
        isinstance(node, ast.Assign)
        and isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in tasks
    )
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.NamedExpr)):
        targets = [node.target]
    elif isinstance(node, ast.With):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    names = {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}
    if from_task:
        outputs.update(names)
    else:
        outputs.difference_update(names)


def _root(node: ast.AST) -> str | None:
    """`model`, `model.model`, `outputs["m"]` -> `model`."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _parameters(function: Function) -> list[str]:
    return [a.arg for a in (*function.args.posonlyargs, *function.args.args)]


def _imports_flytekit(module: ast.Module) -> bool:
    for node in nodes_of(module):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".", 1)[0] == "flytekit":
            return True
        if isinstance(node, ast.Import) and any(a.name.split(".", 1)[0] == "flytekit" for a in node.names):
            return True
    return False
