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
    for workflow in workflows:
        outputs: set[str] = set()
        for statement in ast.walk(workflow):
            made_by_task = isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
            if made_by_task and name_of(statement.value.func) in tasks:  # type: ignore[attr-defined]
                for target in statement.targets:  # type: ignore[attr-defined]
                    outputs.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
            if not isinstance(statement, ast.Call) or name_of(statement.func) not in tasks:
                continue
            task = name_of(statement.func)
            for keyword in statement.keywords:
                if keyword.arg is None:
                    continue
                fed = _root(keyword.value) in outputs
                key = (task, keyword.arg)
                verdicts[key] = verdicts.get(key, True) and fed
            if statement.args:
                for parameter in _parameters(tasks[task])[: len(statement.args)]:
                    verdicts[(task, parameter)] = False  # positional: not read here
    return {(id(tasks[task]), parameter) for (task, parameter), fed in verdicts.items() if fed}


def _root(node: ast.AST) -> str | None:
    """`model`, `model.model`, `outputs["m"]` -> `model`."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _parameters(function: Function) -> list[str]:
    return [a.arg for a in (*function.args.posonlyargs, *function.args.args)]


def _imports_flytekit(module: ast.Module) -> bool:
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".", 1)[0] == "flytekit":
            return True
        if isinstance(node, ast.Import) and any(a.name.split(".", 1)[0] == "flytekit" for a in node.names):
            return True
    return False
