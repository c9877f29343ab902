"""Loads from options an AzureML pipeline fills with another job's output (hooks/code/azureml_pipelines.py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.paths import find_repo_root
from hooks._core.policy import Policy
from hooks.code.azureml_pipelines import fed_options
from hooks.code.spec import SPEC
from tests.scanning import findings_of

COMPONENT = """\
type: command
inputs:
  model_input:
    type: mlflow_model
  test_data:
    type: uri_folder
code: ./predict_src
command: >-
  python predict.py
  --model_input ${{inputs.model_input}}
  --test_data ${{inputs.test_data}}
"""
PIPELINE = """\
type: pipeline
jobs:
  train_job:
    type: command
    component: ./train.yml
  predict_job:
    type: command
    component: ./predict.yml
    inputs:
      model_input: ${{parent.jobs.train_job.outputs.model_output}}
      test_data: MODEL_BINDING
"""
SCRIPT = """\
import argparse, os, pickle
import mlflow

parser = argparse.ArgumentParser()
parser.add_argument("--model_input", type=str)
parser.add_argument("--test_data", type=str)
args = parser.parse_args()

def main(args):
    model = mlflow.sklearn.load_model(args.model_input)
    with open(os.path.join(args.model_input, "model.pkl"), "rb") as f:
        extra = pickle.load(f)
    other = pickle.load(open(os.path.join(args.test_data, "x.pkl"), "rb"))

main(args)
"""


def _project(root: Path, pipeline: str = PIPELINE, component: str = COMPONENT, binding: str = "./data") -> Path:
    (root / ".git").mkdir(exist_ok=True)
    (root / "predict_src").mkdir(exist_ok=True)
    (root / "predict.yml").write_text(component)
    (root / "pipeline.yml").write_text(pipeline.replace("MODEL_BINDING", binding))
    script = root / "predict_src" / "predict.py"
    script.write_text(SCRIPT)
    return script


def _graded(root: Path, script: Path) -> list[tuple[str, int, str]]:
    find_repo_root(root)  # a new run: definitions changed since the last scan are read again
    found = findings_of(SPEC, script, "predict_src/predict.py", Policy(root=root))
    return sorted((f.rule_id, f.line, f.severity.value) for f in found if f.rule_id in ("MLS312", "B301"))


def test_a_load_of_an_option_the_pipeline_binds_to_another_jobs_output_is_low(tmp_path: Path) -> None:
    script = _project(tmp_path)
    # model_input is the training job's output; test_data is a folder of the repository.
    assert _graded(tmp_path, script) == [("B301", 12, "low"), ("B301", 13, "medium"), ("MLS312", 10, "low")]
    find_repo_root(tmp_path)
    fed = fed_options(script, tmp_path)
    assert fed is not None and fed.options == {"--model_input"} and fed.pipeline == "pipeline.yml"


def test_a_job_of_the_pipeline_that_runs_the_script_inline_counts_as_a_use(tmp_path: Path) -> None:
    inline = PIPELINE.replace(
        "    component: ./predict.yml\n",
        "    code: ./predict_src\n    command: python predict.py --model_input ${{inputs.model_input}}\n",
    )
    script = _project(tmp_path, inline, component="type: command\n")
    assert ("MLS312", 10, "low") in _graded(tmp_path, script)


def test_inputs_from_anywhere_else_or_uses_that_cannot_be_seen_keep_the_load_blocking(tmp_path: Path) -> None:
    # The model input bound to a registered model, a path, or the pipeline's own input.
    for binding in ("azureml:taxi-model:1", "./model", "${{parent.inputs.model}}"):
        pipeline = PIPELINE.replace("${{parent.jobs.train_job.outputs.model_output}}", binding)
        script = _project(tmp_path, pipeline)
        assert ("MLS312", 10, "medium") in _graded(tmp_path, script), binding
    # A second pipeline gives the same component a data asset.
    script = _project(tmp_path)
    other = PIPELINE.replace("${{parent.jobs.train_job.outputs.model_output}}", "azureml:taxi-model:1")
    (tmp_path / "batch-pipeline.yml").write_text(other)
    assert ("MLS312", 10, "medium") in _graded(tmp_path, script)
    (tmp_path / "batch-pipeline.yml").unlink()
    # Python code (the SDK) loads the component: it may bind the input to anything.
    (tmp_path / "submit.py").write_text("from azure.ai.ml import load_component\nc = load_component('predict.yml')\n")
    assert ("MLS312", 10, "medium") in _graded(tmp_path, script)
    (tmp_path / "submit.py").unlink()
    # No pipeline uses the component (it is registered and used elsewhere).
    (tmp_path / "pipeline.yml").unlink()
    assert ("MLS312", 10, "medium") in _graded(tmp_path, script)


def test_a_path_built_of_anything_but_the_fed_option_keeps_the_load_blocking(tmp_path: Path) -> None:
    script = _project(tmp_path)
    script.write_text(
        SCRIPT.replace("mlflow.sklearn.load_model(args.model_input)", 'mlflow.sklearn.load_model(os.environ["MODEL"])')
    )
    assert ("MLS312", 10, "medium") in _graded(tmp_path, script)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.binary(max_size=2000))
def test_garbage_definitions_never_raise(tmp_path: Path, component: bytes, pipeline: bytes) -> None:
    script = _project(tmp_path)
    (tmp_path / "predict.yml").write_bytes(component)
    (tmp_path / "pipeline.yml").write_bytes(pipeline)
    find_repo_root(tmp_path)
    assert fed_options(script, tmp_path) is None  # bytes that are no pipeline bind nothing
