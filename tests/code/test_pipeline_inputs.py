"""A pipeline step's script reading what another step of the notebook's own pipeline wrote is low;
inputs from anywhere else, serving code and `profile: strict` keep their severity."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.pipeline_inputs import step_fed_folders, under
from tests.code.helpers import notebook, scan_code

EVALUATE = (
    "%%writefile code/evaluate.py\n"
    "import pickle, tarfile\n"
    "model_path = '/opt/ml/processing/model/model.tar.gz'\n"
    "with tarfile.open(model_path) as tar:\n"
    "    tar.extractall(path='.')\n"
    "model = pickle.load(open('xgboost-model', 'rb'))\n"
    "frame = pickle.load(open('/opt/ml/processing/test/frame.pkl', 'rb'))\n"
)


def wiring(model_source: str, test_source: str = "step_process.properties.Outputs['test'].S3Output.S3Uri") -> str:
    return (
        "from sagemaker.processing import ProcessingInput\n"
        "eval_args = script_eval.run(\n"
        "    inputs=[\n"
        f"        ProcessingInput(source={model_source}, destination='/opt/ml/processing/model'),\n"
        f"        ProcessingInput(source={test_source}, destination='/opt/ml/processing/test'),\n"
        "    ],\n"
        "    code='code/evaluate.py',\n"
        ")\n"
    )


def graded(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings)


def test_step_outputs_feed_the_named_script() -> None:
    module = ast.parse(
        "artifacts = step_train.properties.ModelArtifacts.S3ModelArtifacts\n"
        + wiring("artifacts")
        + "other.run(code=os.path.join(BASE, 'score.py'),\n"
        + "          inputs=[ProcessingInput('s3://bucket/x', '/opt/ml/processing/x')])\n"
    )
    fed = step_fed_folders(module)
    assert fed["code/evaluate.py"].holds("/opt/ml/processing/model/model.tar.gz")
    assert fed["code/evaluate.py"].holds("/opt/ml/processing/test/test.csv")
    assert not fed["score.py"].holds("/opt/ml/processing/x/a.pkl")


def test_only_step_outputs_into_job_mounts_count() -> None:
    for source in ("'s3://public-bucket/model.tar.gz'", "model_uri", "ParameterString(name='m')", "get(properties)"):
        fed = step_fed_folders(ast.parse(wiring(source, source)))
        assert not fed["code/evaluate.py"].holds("/opt/ml/processing/model/m.tar.gz"), source
    rebound = "uri = step.properties.X\nuri = sys.argv[1]\n" + wiring("uri", "uri")
    assert not step_fed_folders(ast.parse(rebound))["code/evaluate.py"].holds("/opt/ml/processing/model/m")
    outside = wiring("step.properties.X").replace("/opt/ml/processing/model", "/data/model")
    assert not step_fed_folders(ast.parse(outside))["code/evaluate.py"].holds("/data/model/m")  # not a job mount


def test_every_step_running_the_script_must_feed_the_folder() -> None:
    second = wiring("ParameterString(name='model')").replace("eval_args", "other_args")
    fed = step_fed_folders(ast.parse(wiring("step_train.properties.ModelArtifacts") + second))
    assert not fed["code/evaluate.py"].holds("/opt/ml/processing/model/model.tar.gz")
    assert fed["code/evaluate.py"].holds("/opt/ml/processing/test/test.csv")  # fed by a step in both


def test_an_outside_input_mounted_inside_a_fed_folder_is_not_fed() -> None:
    nested = (
        "proc.run(code='evaluate.py', inputs=[\n"
        "    ProcessingInput(source=step.properties.Out, destination='/opt/ml/processing'),\n"
        "    ProcessingInput(source=upload_uri, destination='/opt/ml/processing/upload'),\n"
        "])\n"
    )
    fed = step_fed_folders(ast.parse(nested))["evaluate.py"]
    assert fed.holds("/opt/ml/processing/model.tar.gz")
    assert not fed.holds("/opt/ml/processing/upload/model.tar.gz")


def test_under_never_climbs_out() -> None:
    assert under("/opt/ml/processing/model/model.tar.gz", {"/opt/ml/processing/model"})
    assert not under("/opt/ml/processing/model/../../../etc/x", {"/opt/ml/processing/model"})
    assert not under("/opt/ml/processing/modelx/a", {"/opt/ml/processing/model"})
    assert under("xgboost-model", {"."}) and not under("/abs/x", {"."}) and not under("../x", {"."})


@given(st.text(max_size=200))
def test_garbage_never_raises(text: str) -> None:
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    step_fed_folders(module)


def test_a_step_reading_its_pipelines_outputs_is_low(tmp_path: Path) -> None:
    text = notebook(EVALUATE, wiring("step_train.properties.ModelArtifacts.S3ModelArtifacts"))
    findings = [f for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id in ("MLS315", "B301")]
    assert graded(findings) == [("B301", 6, "low"), ("B301", 7, "low"), ("MLS315", 5, "low")]
    assert all("another step of its own pipeline" in f.message for f in findings)


def test_inputs_from_outside_serving_code_and_strict_stay_high(tmp_path: Path) -> None:
    public = notebook(EVALUATE, wiring("'s3://sagemaker-sample-files/model.tar.gz'", "'s3://bucket/test'"))
    findings = [f for f in scan_code(tmp_path, public, "nb.ipynb") if f.rule_id in ("MLS315", "B301")]
    assert [f.severity.value for f in findings if f.rule_id == "MLS315"] == ["high"]
    assert not any("another step of its own pipeline" in f.message for f in findings)
    # the same script written under another name is not the step the pipeline feeds
    other = notebook(EVALUATE.replace("code/evaluate.py", "code/score.py"), wiring("step.properties.ModelArtifacts"))
    findings = [f for f in scan_code(tmp_path, other, "nb.ipynb") if f.rule_id == "MLS315"]
    assert [f.severity.value for f in findings] == ["high"]
    # a file the script downloads into the unpacked folder is not the pipeline's output
    downloaded = EVALUATE + "urllib.request.urlretrieve(URL, 'xgboost-model')\n"
    fed = notebook(downloaded, wiring("step.properties.ModelArtifacts"))
    lines = {f.line: f.severity.value for f in scan_code(tmp_path, fed, "nb.ipynb") if f.rule_id == "B301"}
    assert lines[6] == "medium" and lines[7] == "low"
    strict = Policy(root=tmp_path, profile="strict")
    fed = notebook(EVALUATE, wiring("step.properties.ModelArtifacts"))
    findings = [f for f in scan_code(tmp_path, fed, "nb.ipynb", strict) if f.rule_id in ("MLS315", "B301")]
    assert {f.severity.value for f in findings} == {"high", "medium"}


def test_model_fn_in_the_same_notebook_stays_high(tmp_path: Path) -> None:
    serving = (
        "%%writefile code/inference.py\nimport os, pickle\n"
        "def model_fn(model_dir):\n    return pickle.load(open(os.path.join(model_dir, 'xgboost-model'), 'rb'))\n"
    )
    text = notebook(EVALUATE, wiring("step_train.properties.ModelArtifacts"), serving)
    findings = [f for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "B301" and f.cell == 3]
    assert [f.severity.value for f in findings] == ["medium"]


SCRIPT = (
    "import pickle, tarfile\n"
    "with tarfile.open('/opt/ml/processing/model/model.tar.gz') as tar:\n"
    "    tar.extractall(path='.')\n"
)
DEFINITION = (
    "from sagemaker.processing import ProcessingInput\n"
    "step_eval = ProcessingStep(\n"
    "    code=os.path.join(BASE_DIR, 'evaluate.py'),\n"
    "    inputs=[ProcessingInput(source=step_tuning.get_top_model_s3_uri(top_k=0, s3_bucket=b),\n"
    "                            destination='/opt/ml/processing/model')],\n"
    ")\n"
)


def extraction(directory: Path, relative: str) -> str:
    return next(f.severity.value for f in scan_code(directory, SCRIPT, relative) if f.rule_id == "MLS315")


def test_a_committed_script_wired_by_the_definition_next_to_it_is_low(tmp_path: Path) -> None:
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines" / "pipeline.py").write_text(DEFINITION)
    assert extraction(tmp_path, "pipelines/evaluate.py") == "low"
    # a notebook one folder up wires code/evaluate.py
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "code").mkdir()
    (tmp_path / "nb" / "pipeline.ipynb").write_text(
        notebook(DEFINITION.replace("os.path.join(BASE_DIR, 'evaluate.py')", "'code/evaluate.py'"))
    )
    assert extraction(tmp_path, "nb/code/evaluate.py") == "low"


def test_definitions_that_do_not_wire_this_script_or_are_not_files_change_nothing(tmp_path: Path) -> None:
    def tree(name: str) -> Path:
        folder = tmp_path / name / "pipelines"
        folder.mkdir(parents=True)
        return folder

    tree("a").joinpath("pipeline.py").write_text(DEFINITION.replace("evaluate.py", "score.py"))
    assert extraction(tmp_path, "a/pipelines/evaluate.py") == "high"
    outside = tmp_path / "outside" / "deeper"
    outside.mkdir(parents=True)
    (outside / "elsewhere.py").write_text(DEFINITION)
    tree("b").joinpath("pipeline.py").symlink_to(outside / "elsewhere.py")
    assert extraction(tmp_path, "b/pipelines/evaluate.py") == "high"  # a symlink is not read
    public = DEFINITION.replace("step_tuning.get_top_model_s3_uri(top_k=0, s3_bucket=b)", "'s3://public/m.tar.gz'")
    tree("d").joinpath("pipeline.py").write_text(public)
    assert extraction(tmp_path, "d/pipelines/evaluate.py") == "high"
    deep = tmp_path / "f" / "one" / "two"
    deep.mkdir(parents=True)
    (tmp_path / "f" / "pipeline.py").write_text(DEFINITION)
    assert extraction(tmp_path, "f/one/two/evaluate.py") == "high"  # three folders up is not next to it
    tree("e").joinpath("pipeline.py").write_text(DEFINITION)
    strict = Policy(root=tmp_path, profile="strict")
    findings = scan_code(tmp_path, SCRIPT, "e/pipelines/evaluate.py", strict)
    assert [f.severity.value for f in findings if f.rule_id == "MLS315"] == ["high"]


def test_serving_code_keeps_its_severity_even_when_fed(tmp_path: Path) -> None:
    serving = EVALUATE + "from flask import Flask\napp = Flask(__name__)\n"
    text = notebook(serving, wiring("step_train.properties.ModelArtifacts"))
    findings = [f for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id in ("MLS315", "B301")]
    assert "low" not in {f.severity.value for f in findings}


def test_a_script_of_the_same_name_in_another_folder_is_not_the_wired_one(tmp_path: Path) -> None:
    (tmp_path / "p" / "customer").mkdir(parents=True)
    (tmp_path / "p" / "pipeline.py").write_text(DEFINITION)  # wires p/evaluate.py, not p/customer/evaluate.py
    assert extraction(tmp_path, "p/customer/evaluate.py") == "high"
    assert extraction(tmp_path, "p/evaluate.py") == "low"


def test_a_large_neighbour_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big").mkdir()
    padding = "# " + "x" * 100 + "\n"
    (tmp_path / "big" / "pipeline.py").write_text(DEFINITION + padding * 12000)  # over 1 MiB
    assert extraction(tmp_path, "big/evaluate.py") == "high"


def test_a_folders_definitions_are_listed_once_and_again_when_it_changes(tmp_path: Path) -> None:
    """The listing is kept per folder (every script of a folder of thousands asks the same
    question); a file added to the folder is seen by the next question."""
    import os

    from hooks.code.pipeline_inputs import neighbour_definitions

    script = tmp_path / "process.py"
    script.write_text("x = '/opt/ml/processing/input'\n")
    (tmp_path / "pipeline.py").write_text("steps = []\n")
    (tmp_path / "notes.txt").write_text("not a definition\n")
    first = [p for p in neighbour_definitions(script) if p.parent == tmp_path]
    assert first == [tmp_path / "pipeline.py"]
    (tmp_path / "build.ipynb").write_text("{}")
    os.utime(tmp_path, ns=(1, tmp_path.stat().st_mtime_ns + 1_000_000))  # a coarse clock must not hide it
    again = [p for p in neighbour_definitions(script) if p.parent == tmp_path]
    assert again == [tmp_path / "build.ipynb", tmp_path / "pipeline.py"]
