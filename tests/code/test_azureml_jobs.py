"""A script's load of an option that every Azure ML pipeline running it fills with another job's
output is low; a pipeline input, a path, a job started on its own, a component nobody is seen
using, a definition that cannot be read, serving code and `profile: strict` keep the severity."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.code.azureml_jobs import _facts_under, _parsed_command, _read_yaml, fed_options, option_destinations
from tests.code.helpers import notebook, scan_code

EVALUATE = (
    "import argparse\n"
    "import mlflow\n"
    "def parse_args():\n"
    "    parser = argparse.ArgumentParser()\n"
    "    parser.add_argument('--model_input', type=str)\n"
    "    parser.add_argument('--baseline', type=str)\n"
    "    args = parser.parse_args()\n"
    "    return args\n"
    "def main(args):\n"
    "    model = mlflow.sklearn.load_model(args.model_input)\n"
    "    return model\n"
    "if __name__ == '__main__':\n"
    "    args = parse_args()\n"
    "    main(args)\n"
)

TRAIN_AND_EVALUATE = """\
$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
type: pipeline
jobs:
  train_model:
    code: ../../src
    command: >-
      python train.py --model_output ${{{{outputs.model_output}}}}
  evaluate_model:
    code: ../../src
    command: >-
      python evaluate.py
      --model_input ${{{{inputs.model_input}}}}
      --baseline ${{{{inputs.baseline}}}}
    inputs:
      model_input: {model_input}
      baseline: ${{{{parent.inputs.baseline}}}}
"""

FED = "${{parent.jobs.train_model.outputs.model_output}}"


def _project(tmp_path: Path, pipeline: str, script: str = EVALUATE) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.py").write_text("print('train')\n")
    (tmp_path / "mlops" / "train").mkdir(parents=True)
    (tmp_path / "mlops" / "train" / "pipeline.yml").write_text(pipeline)
    return tmp_path / "src"


def _loads(folder: Path, script: str = EVALUATE, rules: tuple[str, ...] = ("MLS312", "MLS306", "B301")) -> list:  # type: ignore[type-arg]
    findings = scan_code(folder, script, "evaluate.py", Policy(root=folder.parent))
    return sorted((f.rule_id, f.line, f.severity) for f in findings if f.rule_id in rules)


def test_a_job_output_wired_in_a_pipeline_yaml_is_low(tmp_path: Path) -> None:
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    assert _loads(folder) == [("MLS312", 10, Severity.LOW)]


def test_a_pipeline_input_keeps_the_severity(tmp_path: Path) -> None:
    # The look-alike: the same job, its model handed in by whoever starts the pipeline.
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input="${{parent.inputs.model}}"))
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


def test_an_option_the_pipeline_does_not_feed_keeps_the_severity(tmp_path: Path) -> None:
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    script = EVALUATE.replace("load_model(args.model_input)", "load_model(args.baseline)")
    assert _loads(folder, script) == [("MLS312", 10, Severity.MEDIUM)]
    both = EVALUATE.replace("load_model(args.model_input)", "load_model(args.model_input + args.baseline)")
    assert _loads(folder, both) == [("MLS312", 10, Severity.MEDIUM)]


def test_paths_inside_the_fed_folder_are_low(tmp_path: Path) -> None:
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    for built in (
        "os.path.join(args.model_input, 'model.pt')",
        "Path(args.model_input) / 'model.pt'",
        "f'{args.model_input}/model.pt'",
    ):
        script = EVALUATE.replace("import mlflow\n", "import mlflow, os, torch\nfrom pathlib import Path\n").replace(
            "mlflow.sklearn.load_model(args.model_input)", f"torch.load({built})"
        )
        assert _loads(folder, script) == [("MLS306", 11, Severity.LOW)], built


def test_main_called_with_something_else_keeps_the_severity(tmp_path: Path) -> None:
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    script = EVALUATE.replace("    main(args)\n", "    main(args)\n    main(load_settings())\n")
    assert _loads(folder, script) == [("MLS312", 10, Severity.MEDIUM)]


def test_serving_code_and_strict_keep_the_severity(tmp_path: Path) -> None:
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    serving = EVALUATE + (
        "from fastapi import FastAPI\napp = FastAPI()\n@app.post('/p')\ndef predict(x: dict):\n    return x\n"
    )
    assert _loads(folder, serving) == [("MLS312", 10, Severity.MEDIUM)]
    strict = Policy(root=tmp_path, profile="strict")
    findings = scan_code(folder, EVALUATE, "evaluate.py", strict)
    assert [(f.rule_id, f.severity) for f in findings if f.rule_id == "MLS312"] == [("MLS312", Severity.MEDIUM)]


COMPONENT = """\
$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
type: command
inputs:
  model_input:
    type: mlflow_model
code: ./src
command: python evaluate.py --model_input ${{inputs.model_input}}
"""


def _component_project(tmp_path: Path, *uses: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "src").mkdir()
    (tmp_path / "evaluate.yml").write_text(COMPONENT)
    for index, use in enumerate(uses):
        (tmp_path / f"pipeline{index}.yml").write_text(
            "jobs:\n  train:\n    component: ./train.yml\n  evaluate:\n    component: file:./evaluate.yml\n"
            f"    inputs:\n      model_input: {use}\n"
        )
    return tmp_path / "src"


def test_a_component_every_pipeline_feeds_is_low(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    assert _loads(folder) == [("MLS312", 10, Severity.LOW)]


def test_a_component_one_pipeline_hands_a_registered_model_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}", "azureml:taxi-model:3")
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


def test_a_component_nobody_is_seen_using_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path)
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


def test_a_job_started_on_its_own_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    job = COMPONENT.replace("commandComponent", "commandJob").replace("type: mlflow_model", "path: azureml:m:1")
    (tmp_path / "job.yml").write_text(job)
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


def test_a_definition_that_cannot_be_read_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    (tmp_path / "other.yml").write_text(
        "base: &b {code: ./src}\njobs:\n  e:\n    <<: *b\n    command: python evaluate.py --model_input ${{inputs.m}}\n"
    )
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


SDK_NOTEBOOK = notebook(
    "from azure.ai.ml import load_component, Input\nfrom azure.ai.ml.dsl import pipeline\n",
    "train = load_component(source='./train.yml')\nevaluate = load_component(source=parent + './evaluate.yml')\n",
    "@pipeline()\ndef flow(data):\n    trained = train(data=data)\n    evaluate(model_input={model})\n",
)


def test_a_component_the_python_sdk_feeds_is_low(tmp_path: Path) -> None:
    folder = _component_project(tmp_path)
    (tmp_path / "run.ipynb").write_text(
        SDK_NOTEBOOK.replace("{model}", "trained.outputs.model").replace("parent + ", "")
    )
    assert _loads(folder) == [("MLS312", 10, Severity.LOW)]


def test_the_python_sdk_handing_a_pipeline_input_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path)
    (tmp_path / "run.ipynb").write_text(SDK_NOTEBOOK.replace("{model}", "data").replace("parent + ", ""))
    assert _loads(folder) == [("MLS312", 10, Severity.MEDIUM)]


def test_a_python_sdk_command_submitted_on_its_own_keeps_the_severity(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "src").mkdir()
    builder = (
        "from azure.ai.ml import command, Input\n"
        "job = command(code='./src', command='python evaluate.py --model_input ${{inputs.model_input}}',\n"
        "              inputs={'model_input': Input(path='azureml:m:1')})\n"
        "{use}\n"
    )
    (tmp_path / "run.py").write_text(builder.replace("{use}", "ml_client.jobs.create_or_update(job)"))
    assert _loads(tmp_path / "src") == [("MLS312", 10, Severity.MEDIUM)]


def test_a_python_sdk_command_fed_inside_a_pipeline_is_low(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "data-science" / "src").mkdir(parents=True)
    (tmp_path / "mlops").mkdir()
    (tmp_path / "mlops" / "run_pipeline.py").write_text(
        "import os\nfrom azure.ai.ml import command\nfrom azure.ai.ml.dsl import pipeline\n"
        "parent_dir = 'data-science/src'\n"
        "evaluate_model = command(code=os.path.join(parent_dir), command='python evaluate.py \\\n"
        "    --model_input ${{inputs.model_input}}')\n"
        "@pipeline()\ndef flow(raw):\n    train = train_model(data=raw)\n"
        "    evaluate_model(model_input=train.outputs.model_output)\n"
    )
    assert _loads(tmp_path / "data-science" / "src") == [("MLS312", 10, Severity.LOW)]


def test_option_destinations_follow_argparse() -> None:
    module = ast.parse(
        "p.add_argument('--model-input')\np.add_argument('-m', '--model_dir', dest='where')\n"
        "p.add_argument('--twice')\np.add_argument('--twice')\n"
    )
    options = frozenset({"--model-input", "-m", "--twice", "--absent"})
    assert option_destinations(module, options) == frozenset({"model_input", "where"})


def test_commands_are_read_as_a_shell_reads_them(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    (tmp_path / "src" / "b.py").write_text("")
    found = _parsed_command(
        "src",
        "pip install x && python -u a.py --m ${{inputs.m}} --k=${{inputs.k}} $[[--o ${{inputs.o}}]] "
        "--p ${{inputs.p}}/sub; python3 b.py --q ${{inputs.q}}",
        [tmp_path],
    )
    assert found is not None
    assert [(Path(c.script).name, c.options) for c in found] == [
        ("a.py", (("--m", "m"), ("--k", "k"), ("--o", "o"))),
        ("b.py", (("--q", "q"),)),
    ]
    assert _parsed_command("src", "python -m package.main --m ${{inputs.m}}", [tmp_path]) == []
    assert _parsed_command("azureml:code:1", "python a.py", [tmp_path]) == []
    assert _parsed_command("src", "python 'a.py", [tmp_path]) is None  # an open quote
    assert _parsed_command("src", "python missing.py", [tmp_path]) is None


def test_past_the_bounds_nothing_is_fed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import hooks.code.azureml_jobs as module

    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    (folder / "evaluate.py").write_text(EVALUATE)
    monkeypatch.setattr(module, "_MAX_READ", 1)
    module._facts_cache.clear()
    assert fed_options(folder / "evaluate.py") == frozenset()
    assert not _facts_under(tmp_path).complete
    monkeypatch.setattr(module, "_MAX_READ", 2_000)
    module._facts_cache.clear()
    assert fed_options(folder / "evaluate.py") == frozenset({"--model_input"})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-{}[]$*&!|>\n '\"#.python.yml${{inputs.x}}")), max_size=300))
def test_garbage_definitions_never_raise(text: str) -> None:
    from hooks.code.azureml_jobs import _Facts

    facts = _Facts()
    _read_yaml(Path("/nonexistent/p.yml"), "command: ${{inputs.x}}\n" + text, facts)
    _parsed_command("src", text, [Path("/nonexistent")])
