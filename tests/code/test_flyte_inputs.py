"""A Flyte task's input that every workflow of the file fills with another task's output is the
pipeline's own; workflow inputs, constants and tasks no workflow calls keep their findings."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.flyte_inputs import fed_task_parameters
from tests.code.helpers import scan_code

SOURCE = (
    "import joblib\n"
    "from flytekit import task, workflow\n"
    "from flytekit.types.file import FlyteFile\n"
    "@task\n"
    "def fit(x: int) -> FlyteFile:\n"
    "    joblib.dump(x, 'm.dat')\n"
    "    return FlyteFile('m.dat')\n"
    "@task\n"
    "def predict(model_ser: FlyteFile, x: int) -> int:\n"
    "    return joblib.load(model_ser).predict(x)\n"
    "@task\n"
    "def score(model_ser: FlyteFile) -> int:\n"
    "    return joblib.load(model_ser)\n"
    "@workflow\n"
    "def pipeline(x: int, outside: FlyteFile) -> int:\n"
    "    model = fit(x=x)\n"
    "    predict(model_ser=model, x=x)\n"
    "    return score(model_ser=outside)\n"
)


def test_a_task_input_fed_by_another_task_is_low_and_a_workflow_input_is_not(tmp_path: Path) -> None:
    found = {f.line: f.severity.value for f in scan_code(tmp_path, SOURCE, "wf.py") if f.rule_id == "MLS301"}
    assert found == {10: "low", 13: "high"}


def test_without_flytekit_or_a_workflow_nothing_is_fed() -> None:
    assert fed_task_parameters(ast.parse(SOURCE.replace("flytekit", "mylib"))) == set()
    no_workflow = SOURCE.split("@workflow")[0]
    assert fed_task_parameters(ast.parse(no_workflow)) == set()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["@task", "@workflow", "def f(a, b):", "    x = f(a=a)", "    f(a=x, b=1)", "    pass"]),
        max_size=30,
    )
)
def test_garbage_workflows_never_raise(lines: list[str]) -> None:
    text = "from flytekit import task, workflow\n" + "\n".join(lines) + "\n"
    try:
        module = ast.parse(text)
    except SyntaxError:
        return
    assert isinstance(fed_task_parameters(module), set)


def test_rebinding_main_calls_and_unpacked_inputs_feed_nothing(tmp_path: Path) -> None:
    rebound = SOURCE.replace(
        "    predict(model_ser=model, x=x)\n", "    model = outside\n    predict(model_ser=model, x=x)\n"
    )
    main = SOURCE + "if __name__ == '__main__':\n    predict(model_ser=FlyteFile(sys.argv[1]), x=1)\n"
    unpacked = SOURCE.replace("    predict(model_ser=model, x=x)\n", "    predict(**{'model_ser': outside, 'x': x})\n")
    handed = SOURCE + "from functools import partial\nrun = partial(predict, model_ser=FILE)\n"
    for variant in (rebound, main, unpacked, handed):
        found = [
            f.severity.value for f in scan_code(tmp_path, variant, "wf.py") if f.rule_id == "MLS301" and f.line == 10
        ]
        assert found == ["high"], variant
