"""Python pipelines of the Azure ML SDK: a component's input given another node's output is a job
output; assets, the pipeline's parameters, fetched jobs, constants, uses the code cannot see whole
and components handed on are not."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.azureml_inputs import fed_options
from hooks.code.azureml_sdk import SdkFile, sdk_file
from tests.code.helpers import notebook, scan_code
from tests.code.test_azureml_inputs import COMPONENT, PREDICT

LOADS = (
    "from azure.ai.ml import load_component, Input\n"
    "from azure.ai.ml.dsl import pipeline\n"
    "parent_dir = '.'\n"
    "train = load_component(source=parent_dir + '/train.yml')\n"
    "predict = load_component(source=f'{parent_dir}/predict.yml')\n"
)


def wired(model: str, *, extra: str = "") -> str:
    return LOADS + (
        "@pipeline()\n"
        "def regression(raw):\n"
        "    train_node = train(training_data=raw)\n"
        f"    predict_node = predict(model_input={model}, test_data=train_node.outputs.test_data)\n"
        "    return {'p': predict_node.outputs.predictions}\n"
        "job = regression(Input(type='uri_folder', path='./data'))\n" + extra
    )


def fed(tmp_path: Path, definition: str, name: str = "pipeline.py") -> frozenset[str]:
    root = tmp_path / name.replace(".", "_")
    (root / "predict_src").mkdir(parents=True)
    (root / "predict.yml").write_text(COMPONENT)
    (root / name).write_text(notebook(definition) if name.endswith(".ipynb") else definition)
    return fed_options(root / "predict_src" / "predict.py", tmp_path).fed


def test_another_nodes_output_feeds_the_input(tmp_path: Path) -> None:
    assert fed(tmp_path, wired("train_node.outputs.model_output")) == {"--model_input", "--test_data"}
    assert fed(tmp_path, wired("train_node.outputs.model_output"), "pipeline.ipynb") == {
        "--model_input",
        "--test_data",
    }


def test_a_scanned_step_script_is_low(tmp_path: Path) -> None:
    (tmp_path / "p" / "predict_src").mkdir(parents=True)
    (tmp_path / "p" / "predict.yml").write_text(COMPONENT)
    (tmp_path / "p" / "build.py").write_text(wired("train_node.outputs.model_output"))
    findings = scan_code(tmp_path, PREDICT, "p/predict_src/predict.py")
    assert sorted(f.severity.value for f in findings if f.rule_id in ("MLS312", "B301")) == ["low", "low"]


def test_other_values_are_not_another_jobs_output(tmp_path: Path) -> None:
    for index, model in enumerate(
        (
            "Input(type='mlflow_model', path='azureml:registered@latest')",
            "raw",  # the pipeline's own parameter
            "'./local-model'",
            "fetched.outputs.model_output",
            "train_node.outputs",
        )
    ):
        extra = "fetched = ml_client.jobs.get('someone-elses-job')\n"
        assert "--model_input" not in fed(tmp_path / str(index), wired(model, extra=extra)), model


def test_uses_the_code_cannot_see_whole_feed_nothing(tmp_path: Path) -> None:
    good = "train_node.outputs.model_output"
    for index, extra in enumerate(
        (
            "ml_client.components.create_or_update(predict)\n",  # registered: anyone may run it
            "steps = [predict]\n",
            "other = predict(**settings)\n",
            "other = predict(train_node.outputs.model_output)\n",
        )
    ):
        assert fed(tmp_path / str(index), wired(good, extra=extra)) == frozenset(), extra


def test_a_node_name_bound_twice_is_not_one_node(tmp_path: Path) -> None:
    twice = wired("train_node.outputs.model_output", extra="train_node = ml_client.jobs.get('x')\n")
    assert "--model_input" not in fed(tmp_path, twice)


def test_a_component_loaded_from_elsewhere_is_not_this_one(tmp_path: Path) -> None:
    other = wired("train_node.outputs.model_output").replace("f'{parent_dir}/predict.yml'", "'../other/predict.yml'")
    assert fed(tmp_path, other) == frozenset()
    remote = wired("train_node.outputs.model_output").replace("f'{parent_dir}/predict.yml'", "'azureml:predict:1'")
    assert fed(tmp_path / "r", remote) == frozenset()


def test_a_file_without_load_component_is_not_parsed_and_an_unreadable_one_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "plain.py"
    path.write_text("predict(model_input=train_node.outputs.model_output)\nthis is not python\n")
    assert sdk_file(path, 1 << 20) == SdkFile()
    escaped = tmp_path / "escaped.py"  # NFKC: a fullwidth letter is the same identifier to Python
    escaped.write_text(LOADS.replace("load_component(source=f", "\uff4coad_component(source=f") + "x = (\n")
    assert sdk_file(escaped, 1 << 20) is None  # it may load one, and is not parsed: unknown
    big = tmp_path / "big.py"
    big.write_text(LOADS + "#" * (1 << 20))
    assert sdk_file(big, 1 << 20) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_garbage_never_raises(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pipeline.py"
        path.write_text("load_component\n" + text, encoding="utf-8", errors="surrogatepass")
        found = sdk_file(path, 1 << 20)
        assert found is None or isinstance(found, SdkFile)


@pytest.mark.parametrize(
    "extra",
    [
        "predict_node.inputs.model_input = Input(path='azureml:evil@latest')\n",
        "train_node.outputs['model_output'].path = 'azureml://datastores/shared/paths/drop/'\n",
        "out = train_node.outputs.model_output\nout.path = 'azureml://datastores/shared/paths/drop/'\n",
        "other = load_component(source=Path(__file__).parent / 'predict.yml')\n",
        "load_component('./predict.yml')(model_input=Input(path='azureml:evil@latest'))\n",
        "table = {'p': load_component('./predict.yml')}\n",
    ],
)
def test_wiring_changed_or_built_another_way_leaves_the_file_unknown(tmp_path: Path, extra: str) -> None:
    assert fed(tmp_path, wired("train_node.outputs.model_output", extra=extra)) == frozenset(), extra


def test_a_node_name_shadowed_by_a_parameter_is_not_a_node(tmp_path: Path) -> None:
    shadowed = LOADS + (
        "t = train(training_data=x)\n"
        "@pipeline()\n"
        "def p(t):\n"
        "    predict(model_input=t.outputs.model_output, test_data=t.outputs.test_data)\n"
    )
    assert fed(tmp_path, shadowed) == frozenset()


@pytest.mark.parametrize(
    "submit",
    [
        "job = command(code='./predict_src', command='python predict.py --model_input ${{inputs.m}}')\n",
        "job = load_job('pipeline.yml')\n",
        "print('python -m predict --model_input x')\n",
    ],
)
def test_code_that_could_run_the_script_another_way_makes_it_not_fed(tmp_path: Path, submit: str) -> None:
    root = tmp_path / "p"
    (root / "predict_src").mkdir(parents=True)
    (root / "predict.yml").write_text(COMPONENT)
    (root / "build.py").write_text(wired("train_node.outputs.model_output"))
    assert fed_options(root / "predict_src" / "predict.py", tmp_path).fed == {"--model_input", "--test_data"}
    (root / "submit.py").write_text(submit)
    assert fed_options(root / "predict_src" / "predict.py", tmp_path).fed == frozenset()
