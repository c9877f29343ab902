"""A script an Azure ML pipeline beside it runs, loading what another job of that pipeline wrote
(through the option the component binds to that job's output), is low; a registered asset, a
datastore URI, the pipeline's own input, a component nobody beside it uses, serving code and
`profile: strict` keep their severity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.azureml_inputs import definitions_read
from hooks.code.azureml_inputs import fed_options as fed_command
from tests.code.helpers import scan_code


def fed_options(script: Path, root: Path) -> frozenset[str]:
    """The options every job beside the script (inside `root`) fills with another job's output."""
    return fed_command(script, root).fed


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
        "  prep_job:\n"
        "    component: ./prep.yml\n"
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
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == {"--model_input", "--test_data"}
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
        assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path), binding
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
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()
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
        "  train_job:\n"
        "    component: ./train.yml\n"
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
            "jobs:\n  train:\n    type: command\n    component: ./train.yml\n  eval:\n    code: src\n"
            f"    command: python main.py --model-dir ${{{{inputs.model_dir}}}}{suffix}\n"
            "    inputs:\n      model_dir: ${{parent.jobs.train.outputs.model_dir}}\n"
        )
        assert ("--model-dir" in fed_options(root / "src" / "main.py", tmp_path)) is fed


def test_an_option_passed_again_with_another_value_is_not_fed(tmp_path: Path) -> None:
    root = project(
        tmp_path / "p",
        pipeline(TRAIN_OUTPUT),
        component=COMPONENT.replace("  --test_data ${{inputs.test_data}}\n", "  --model_input ./defaults\n"),
    )
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path)


def test_a_sweep_trial_is_a_use_of_its_component(tmp_path: Path) -> None:
    root = project(tmp_path / "p")
    (root / "sweep.yml").write_text(
        "jobs:\n  train_job:\n    component: ./train.yml\n  sweep_step:\n    type: sweep\n    trial: ./predict.yml\n"
        f"    inputs:\n      model_input: {TRAIN_OUTPUT}\n      test_data: 3\n"
    )
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == {"--model_input"}


def test_a_script_elsewhere_with_the_same_name_is_not_the_one_run(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    (root / "other_src").mkdir()
    assert fed_options(root / "other_src" / "predict.py", tmp_path) == frozenset()
    assert fed_options(root / "predict.py", tmp_path) == frozenset()


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
    assert fed_options(far / "predict.py", tmp_path) == frozenset()  # four folders up is not beside it
    big = project(tmp_path / "big")
    (big / "pipeline.yml").write_text(pipeline(TRAIN_OUTPUT) + "# " + "x" * (1 << 20) + "\n")
    assert fed_options(big / "predict_src" / "predict.py", tmp_path) == frozenset()
    linked = project(tmp_path / "linked")
    (tmp_path / "elsewhere.yml").write_text(pipeline(TRAIN_OUTPUT))
    (linked / "pipeline.yml").symlink_to(tmp_path / "elsewhere.yml")
    assert fed_options(linked / "predict_src" / "predict.py", tmp_path) == frozenset()


def test_the_definitions_read_are_the_cache_inputs(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    read = definitions_read(root / "predict_src" / "predict.py", tmp_path)
    assert root / "predict.yml" in read and root / "pipeline0.yml" in read


def test_aliases_do_not_multiply_the_work(tmp_path: Path) -> None:
    laughs = "a: &a ['${{x}}', '${{x}}', '${{x}}', '${{x}}']\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    laughs += "jobs: *j\ncommand: *j\ninputs: *j\n"
    root = project(tmp_path / "p", laughs)
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()


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
        assert isinstance(fed_options(root / "src" / "main.py", root), frozenset)


# --- red-team pass: every way a definition could hide another value, or cost unbounded work ---------


def inline(command: str, model: str = TRAIN_OUTPUT, extra: str = "") -> str:
    return (
        "jobs:\n"
        "  train_job:\n    component: ./train.yml\n"
        "  predict_job:\n    type: command\n    code: ./predict_src\n"
        f"    command: {command}\n"
        f"    inputs:\n      model_input: {model}\n{extra}"
    )


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        # a word whose value could add options, or that the shell expands
        (
            "python predict.py --model_input ${{inputs.model_input}} ${{inputs.more}}",
            "      more: '--model_input /x'\n",
        ),
        ("python predict.py --model_input ${{inputs.model_input}} --n ${{inputs.more}}", "      more: 'a b'\n"),
        ("python predict.py --model_input ${{inputs.model_input}} $EXTRA", ""),
        ("python predict.py --model_input ${{inputs.model_input}} `cat f`", ""),
        ("python predict.py --model_input ${{inputs.model_input}} > log 2>&1", ""),
        # a run that does not pass the option (argparse's default), or passes it twice
        ("python predict.py --model_input ${{inputs.model_input}} && python predict.py --eval", ""),
        ("python predict.py --model_input ${{inputs.model_input}} --model_input ./defaults", ""),
        ("|\n      python predict.py\n      python other.py --model_input ${{inputs.model_input}}", ""),
        ("python predict.py & python other.py --model_input ${{inputs.model_input}}", ""),
    ],
)
def test_a_command_that_could_pass_something_else_feeds_nothing(tmp_path: Path, command: str, extra: str) -> None:
    root = tmp_path / "p"
    (root / "predict_src").mkdir(parents=True)
    (root / "pipeline.yml").write_text(inline(command, extra=extra))
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path)
    # the same job with a plain command is fed: what changed is what the command may pass
    (root / "pipeline.yml").write_text(inline("python predict.py --model_input ${{inputs.model_input}} --n 3"))
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == {"--model_input"}


@pytest.mark.parametrize(
    "command",
    [
        "torchrun predict.py --model_input ${{inputs.model_input}}",
        "accelerate launch predict.py --model_input ${{inputs.model_input}}",
        "python -W ignore predict.py --model_input ${{inputs.model_input}}",
        "python -m torch.distributed.run predict.py --model_input ${{inputs.model_input}}",
        "bash -c 'python predict.py --model_input ${{inputs.model_input}}'",
    ],
)
def test_a_launcher_the_module_does_not_follow_makes_the_script_not_fed(tmp_path: Path, command: str) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    (root / "other.yml").write_text(inline(command, model="azureml:evil@latest"))
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()


def test_a_run_from_another_folder_is_not_this_script(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    (root / "other.yml").write_text(
        inline("cd predict_src && python predict.py --model_input ${{inputs.model_input}}").replace(
            "./predict_src", "."
        )
    )
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()


@pytest.mark.parametrize(
    "producer",
    [
        "  train_job:\n    type: import_data\n",  # a database or a share: outside data
        "  train_job:\n    type: data_transfer\n",
        "  train_job:\n    component: ./train.yml\n    outputs:\n      model_output:\n        path: azureml://datastores/shared/paths/drop/\n",
        "  train_job:\n    component: ./train.yml\n    outputs:\n      model_output: ${{parent.outputs.kept}}\n",
        "  other_job:\n    component: ./train.yml\n",  # no train_job at all
    ],
)
def test_only_an_existing_jobs_unpinned_output_is_another_jobs_output(tmp_path: Path, producer: str) -> None:
    root = project(tmp_path / "p")
    text = pipeline(TRAIN_OUTPUT).replace("  train_job:\n    type: command\n    component: ./train.yml\n", producer)
    text += "outputs:\n  kept:\n    path: azureml://datastores/shared/paths/kept/\n"
    (root / "pipeline0.yml").write_text(text)
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path)


def test_a_pipeline_naming_the_registered_component_or_a_sweep_file_of_it_feeds_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT), pipeline(TRAIN_OUTPUT, "azureml:predict@latest"))
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()
    root = project(tmp_path / "q", pipeline(TRAIN_OUTPUT))
    (root / "sweep.yml").write_text("type: sweep\ntrial: ./predict.yml\ninputs:\n  model_input: azureml:evil:1\n")
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()


def test_a_definition_not_read_whole_leaves_the_wiring_unknown(tmp_path: Path) -> None:
    escaped = project(tmp_path / "escaped", pipeline(TRAIN_OUTPUT))
    hidden = pipeline("azureml:evil@latest").replace("jobs:", '"jo\\x62s":')  # no "jobs" in the text
    (escaped / "zz.yml").write_text(hidden)  # read as YAML reads it: a use that binds an asset
    assert "--model_input" not in fed_options(escaped / "predict_src" / "predict.py", tmp_path)
    crowded = project(tmp_path / "crowded", pipeline(TRAIN_OUTPUT))
    for index in range(200):
        (crowded / f"b{index:03}.txt").write_text("")
    assert fed_options(crowded / "predict_src" / "predict.py", tmp_path) == frozenset()
    broken = project(tmp_path / "broken", pipeline(TRAIN_OUTPUT))
    (broken / "broken.yml").write_text("jobs: [unclosed\n")
    assert fed_options(broken / "predict_src" / "predict.py", tmp_path) == frozenset()


def test_definitions_above_the_repository_are_not_read(tmp_path: Path) -> None:
    project(tmp_path, pipeline(TRAIN_OUTPUT))  # predict.yml and the pipeline in tmp_path itself
    repository = tmp_path / "predict_src"
    assert fed_options(repository / "predict.py", tmp_path) == {"--model_input", "--test_data"}
    assert fed_options(repository / "predict.py", repository) == frozenset()


def test_one_command_aliased_by_many_jobs_is_bounded(tmp_path: Path) -> None:
    import time

    root = tmp_path / "p"
    (root / "predict_src").mkdir(parents=True)
    long_command = "python predict.py --model_input ${{inputs.m}} " + "--n 1 " * 5000
    jobs = "".join(f"  j{index}: {{code: ./predict_src, command: *c}}\n" for index in range(500))
    (root / "pipeline.yml").write_text(f"x: &c '{long_command}'\njobs:\n{jobs}")
    started = time.monotonic()
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()
    assert time.monotonic() - started < 5


# --- red-team pass 2 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        # a parallel job, an inline component, `python -m`, an escaped name: other runs of the script
        "jobs:\n  p:\n    type: parallel\n    task:\n      code: ./predict_src\n      entry_script: predict.py\n"
        "      program_arguments: --model_input ${{inputs.m}}\n    inputs:\n      m: azureml:evil@latest\n",
        "jobs:\n  p:\n    component:\n      code: ./predict_src\n"
        "      command: python predict.py --model_input ${{inputs.model_input}}\n"
        "    inputs:\n      model_input: azureml:evil@latest\n",
        "jobs:\n  p:\n    code: ./predict_src\n    command: python -m predict --model_input ${{inputs.m}}\n",
        "jobs:\n  p:\n    code: ./predict_src\n    command: python pred\\ict.py --model_input ${{inputs.m}}\n",
        # the registered component named by its registry URI
        "jobs:\n  p:\n    component: azureml://registries/r/components/predict/versions/1\n"
        "    inputs:\n      model_input: azureml:evil@latest\n",
    ],
)
def test_every_other_way_to_run_the_script_or_its_component_is_seen(tmp_path: Path, other: str) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    assert "--model_input" in fed_options(root / "predict_src" / "predict.py", tmp_path)
    (root / "other.yml").write_text(other)
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path), other


def test_caps_make_a_file_unknown_rather_than_skip_its_parts(tmp_path: Path) -> None:
    many_jobs = "jobs:\n" + "".join(f"  j{i}: {{component: ./other.yml}}\n" for i in range(501))
    root = project(tmp_path / "jobs", pipeline(TRAIN_OUTPUT), many_jobs)
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()
    inputs = "".join(f"  i{i}:\n    type: string\n" for i in range(501))
    component = COMPONENT.replace("inputs:\n", "inputs:\n" + inputs, 1)
    root = project(tmp_path / "inputs", pipeline(TRAIN_OUTPUT), component=component)
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()


def test_a_linked_code_folder_runs_the_real_script(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    (root / "src_link").symlink_to(root / "predict_src", target_is_directory=True)
    (root / "other.yml").write_text(
        inline("python predict.py --model_input ${{inputs.model_input}}", model="azureml:evil@latest").replace(
            "./predict_src", "./src_link"
        )
    )
    assert "--model_input" not in fed_options(root / "predict_src" / "predict.py", tmp_path)


def test_a_crowded_folder_is_part_of_the_cache_key(tmp_path: Path) -> None:
    root = project(tmp_path / "p", pipeline(TRAIN_OUTPUT))
    before = definitions_read(root / "predict_src" / "predict.py", tmp_path)
    for index in range(200):
        (root / f"b{index:03}.txt").write_text("")
    after = definitions_read(root / "predict_src" / "predict.py", tmp_path)
    assert before != after and any(isinstance(item, str) and "crowded" in item for item in after)


def test_hostile_definitions_cost_bounded_time(tmp_path: Path) -> None:
    import time

    root = tmp_path / "p"
    (root / "predict_src").mkdir(parents=True)
    (root / "optional.yml").write_text(
        "jobs:\n  j:\n    code: ./predict_src\n    command: 'python predict.py " + "$[[ " * 4000 + "'\n"
    )
    inputs = "{" + ", ".join(f"i{i}: x" for i in range(400)) + "}"
    jobs = "".join(f"  j{i}: {{component: ./predict.yml, inputs: *ins}}\n" for i in range(400))
    (root / "many.yml").write_text(f"x: &ins {inputs}\njobs:\n{jobs}")
    started = time.monotonic()
    assert fed_options(root / "predict_src" / "predict.py", tmp_path) == frozenset()
    assert time.monotonic() - started < 5
