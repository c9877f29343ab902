"""A script an Azure ML pipeline beside it runs, loading what another job of that pipeline wrote
(through the option the component binds to that job's output), is low; a registered asset, a
datastore URI, the pipeline's own input, a component nobody beside it uses, serving code and
`profile: strict` keep their severity."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.azureml_inputs import definitions_read, fed_options
from tests.code.helpers import scan_code

PREDICT = (
    "import argparse, mlflow, pickle\n"
    "from pathlib import Path\n"
    "parser = argparse.ArgumentParser()\n"
    "parser.add_argument('--model_input', type=str)\n"
    "parser.add_argument('--test_data', type=str)\n"
    "args = parser.parse_args()\n"
    "model = mlflow.sklearn.load_model(args.model_input)\n"
    "other = pickle.load(open(Path(args.model_input) / 'model.sav', 'rb'))\n"
)

COMPONENT = (
    "$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\n"
    "name: predict\n"
    "type: command\n"
    "inputs:\n"
    "  model_input:\n"
    "    type: mlflow_model\n"
    "  test_data:\n"
    "    type: uri_folder\n"
    "code: ./predict_src\n"
    "command: >-\n"
    "  pip install 'mlflow<3' -q &&\n"
    "  python predict.py\n"
    "  --model_input ${{inputs.model_input}}\n"
    "  --test_data ${{inputs.test_data}}\n"
)


def pipeline(model_binding: str, component: str = "./predict.yml") -> str:
    return (
        "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\n"
        "type: pipeline\n"
        "jobs:\n"
        "  train_job:\n"
        "    type: command\n"
        "    component: ./train.yml\n"
        "  predict_job:\n"
        "    type: command\n"
        f"    component: {component}\n"
        "    inputs:\n"
        f"      model_input: {model_binding}\n"
        "      test_data: ${{parent.jobs.prep_job.outputs.test_data}}\n"
    )


TRAIN_OUTPUT = "${{parent.jobs.train_job.outputs.model_output}}"


def project(root: Path, *pipelines: str, component: str = COMPONENT) -> Path:
    (root / "predict_src").mkdir(parents=True, exist_ok=True)
    (root / "predict.yml").write_text(component)
    for index, text in enumerate(pipelines):
        (root / f"pipeline{index}.yml").write_text(text)
    return root


def severities(root: Path, tmp_path: Path, source: str = PREDICT, policy: Policy | None = None) -> list[str]:
    relative = (root / "predict_src" / "predict.py").relative_to(tmp_path).as_posix()
    findings = scan_code(tmp_path, source, relative, policy)
    return sorted(f.severity.value for f in findings if f.rule_id in ("MLS312", "B301", "MLS301"))


def test_a_component_fed_by_another_jobs_output_loads_it_at_low(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    assert fed_options(root / "predict_src" / "predict.py") == {"--model_input", "--test_data"}
    assert severities(root, tmp_path) == ["low", "low"]


def test_assets_uris_pipeline_inputs_and_literals_are_not_another_jobs_output(tmp_path: Path) -> None:
    for index, binding in enumerate(
        (
            "\n        path: azureml:heart-classifier@latest\n        type: mlflow_model",
            "azureml:heart-classifier:1",
            "\n        path: azureml://datastores/blob/paths/model\n        type: mlflow_model",
            "https://example.com/model",
            "${{parent.inputs.model}}",
            "\n        path: ./local-model\n        type: mlflow_model",
            "${{parent.jobs.train_job.outputs.model_output}} extra",
            "'${{parent.jobs.train_job.outputs.model_output}}/../../x'",
        )
    ):
        root = project(tmp_path / f"p{index}", pipeline(binding))
        assert "--model_input" not in fed_options(root / "predict_src" / "predict.py"), binding
        assert severities(root, tmp_path) == ["medium", "medium"], binding


def test_every_pipeline_that_uses_the_component_must_feed_it(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT), pipeline("azureml:registered@latest"))
    assert severities(root, tmp_path) == ["medium", "medium"]
    # a use that binds only assets and literals holds no `${{` at all: it still counts
    assets_only = "jobs:\n  score:\n    component: ./predict.yml\n    inputs:\n      model_input: azureml:m:1\n"
    root = project(tmp_path / "q", pipeline(TRAIN_OUTPUT), assets_only)
    assert severities(root, tmp_path) == ["medium", "medium"]


def test_a_component_no_pipeline_beside_it_uses_is_not_fed(tmp_path: Path) -> None:
    root = project(tmp_path / "p")
    assert fed_options(root / "predict_src" / "predict.py") == frozenset()
    # a pipeline that uses another component, or names it through the registry, does not count
    root = project(tmp_path / "q", pipeline(TRAIN_OUTPUT, "./other.yml"), pipeline(TRAIN_OUTPUT, "azureml:predict:1"))
    assert severities(root, tmp_path) == ["medium", "medium"]


def test_a_component_without_a_schema_is_taken_as_a_job_whose_declarations_feed_nothing(tmp_path: Path) -> None:
    bare = "\n".join(line for line in COMPONENT.splitlines() if not line.startswith("$schema")) + "\n"
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT), component=bare)
    assert severities(root, tmp_path) == ["medium", "medium"]


def test_an_inline_command_job_fed_by_another_job_is_low(tmp_path: Path) -> None:
    root = tmp_path / "nyc"
    (root / "src" / "predict").mkdir(parents=True)
    inline = (
        "type: pipeline\n"
        "jobs:\n"
        "  predict_job:\n"
        "    type: command\n"
        "    inputs:\n"
        f"      model_input: {TRAIN_OUTPUT}\n"
        "    code: src/predict\n"
        "    command: >-\n"
        "      python -u predict.py --model_input=${{inputs.model_input}}\n"
    )
    (root / "pipeline.yml").write_text(inline)
    findings = scan_code(tmp_path, PREDICT, "nyc/src/predict/predict.py")
    assert sorted(f.severity.value for f in findings if f.rule_id in ("MLS312", "B301")) == ["low", "low"]
    # the same job given a registered model instead
    (root / "pipeline.yml").write_text(inline.replace(TRAIN_OUTPUT, "azureml:m@latest"))
    findings = scan_code(tmp_path, PREDICT, "nyc/src/predict/predict.py")
    assert sorted(f.severity.value for f in findings if f.rule_id in ("MLS312", "B301")) == ["medium", "medium"]


def test_a_folder_inside_the_output_is_fed_and_a_climb_out_of_it_is_not(tmp_path: Path) -> None:
    for suffix, fed in (("/model", True), ("/../other", False)):
        root = tmp_path / ("in" if fed else "out")
        (root / "src").mkdir(parents=True)
        (root / "pipeline.yml").write_text(
            "jobs:\n  eval:\n    code: src\n"
            f"    command: python main.py --model-dir ${{{{inputs.model_dir}}}}{suffix}\n"
            "    inputs:\n      model_dir: ${{parent.jobs.train.outputs.model_dir}}\n"
        )
        assert ("--model-dir" in fed_options(root / "src" / "main.py")) is fed


def test_an_option_passed_again_with_another_value_is_not_fed(tmp_path: Path) -> None:
    root = project(
        tmp_path / "p",
        pipeline(TRAIN_OUTPUT),
        component=COMPONENT.replace("  --test_data ${{inputs.test_data}}\n", "  --model_input ./defaults\n"),
    )
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py")


def test_a_sweep_trial_is_a_use_of_its_component(tmp_path: Path) -> None:
    root = project(tmp_path / "p")
    (root / "sweep.yml").write_text(
        "jobs:\n  sweep_step:\n    type: sweep\n    trial: ./predict.yml\n"
        f"    inputs:\n      model_input: {TRAIN_OUTPUT}\n      test_data: 3\n"
    )
    assert fed_options(root / "predict_src" / "predict.py") == {"--model_input"}


def test_a_script_elsewhere_with_the_same_name_is_not_the_one_run(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    (root / "other_src").mkdir()
    assert fed_options(root / "other_src" / "predict.py") == frozenset()
    assert fed_options(root / "predict.py") == frozenset()


def test_serving_code_and_strict_keep_their_severity(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    serving = PREDICT + "from flask import Flask\napp = Flask(__name__)\n"
    assert severities(root, tmp_path, serving) == ["medium", "medium"]
    assert severities(root, tmp_path, PREDICT, Policy(root=tmp_path, profile="strict")) == ["medium", "medium"]


def test_large_symlinked_and_far_definitions_are_not_read(tmp_path: Path) -> None:
    far = tmp_path / "far" / "a" / "b" / "c" / "d"
    far.mkdir(parents=True)
    (tmp_path / "far" / "predict.yml").write_text(COMPONENT.replace("./predict_src", "a/b/c/d"))
    (tmp_path / "far" / "pipeline.yml").write_text(pipeline(TRAIN_OUTPUT))
    assert fed_options(far / "predict.py") == frozenset()  # four folders up is not beside it
    big = project(tmp_path / "big")
    (big / "pipeline.yml").write_text(pipeline(TRAIN_OUTPUT) + "# " + "x" * (1 << 20) + "\n")
    assert fed_options(big / "predict_src" / "predict.py") == frozenset()
    linked = project(tmp_path / "linked")
    (tmp_path / "elsewhere.yml").write_text(pipeline(TRAIN_OUTPUT))
    (linked / "pipeline.yml").symlink_to(tmp_path / "elsewhere.yml")
    assert fed_options(linked / "predict_src" / "predict.py") == frozenset()


def test_the_definitions_read_are_the_cache_inputs(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    read = definitions_read(root / "predict_src" / "predict.py")
    assert root / "predict.yml" in read and root / "pipeline0.yml" in read


def test_aliases_do_not_multiply_the_work(tmp_path: Path) -> None:
    laughs = "a: &a ['${{x}}', '${{x}}', '${{x}}', '${{x}}']\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    laughs += "jobs: *j\ncommand: *j\ninputs: *j\n"
    root = project(tmp_path / "p", laughs)
    assert fed_options(root / "predict_src" / "predict.py") == frozenset()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_garbage_definitions_never_raise(tmp_path_factory: object, text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "src").mkdir()
        (root / "pipeline.yml").write_text("${{\n" + text, encoding="utf-8", errors="surrogatepass")
        (root / "component.yaml").write_text(
            "$schema: component\ncode: src\ncommand: python main.py " + text + "\n",
            encoding="utf-8",
            errors="surrogatepass",
        )
        assert isinstance(fed_options(root / "src" / "main.py"), frozenset)
