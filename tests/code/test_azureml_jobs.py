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
from hooks.code.azureml_jobs import Command, _Facts, _facts_cache, _facts_under, _read_yaml, parsed_command, runs_of
from hooks.code.azureml_script import fed_destinations
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
    (tmp_path / "src" / "train.py").write_text("print('train')\n")
    (tmp_path / "train.yml").write_text(
        COMPONENT.replace("evaluate.py --model_input ${{inputs.model_input}}", "train.py --out ${{outputs.model}}")
    )
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
    (tmp_path / "data-science" / "src" / "train.py").write_text("print('train')\n")
    (tmp_path / "mlops").mkdir()
    (tmp_path / "mlops" / "run_pipeline.py").write_text(
        "import os\nfrom azure.ai.ml import command\nfrom azure.ai.ml.dsl import pipeline\n"
        "def main():\n"
        "    parent_dir = 'data-science/src'\n"
        "    train_model = command(code=parent_dir, command='python train.py --out ${{outputs.model_output}}')\n"
        "    evaluate_model = command(code=os.path.join(parent_dir), command='python evaluate.py \\\n"
        "        --model_input ${{inputs.model_input}}')\n"
        "    @pipeline()\n    def flow(raw):\n        train = train_model(data=raw)\n"
        "        evaluate_model(model_input=train.outputs.model_output)\n"
        "    return flow\n"
    )
    assert _loads(tmp_path / "data-science" / "src") == [("MLS312", 10, Severity.LOW)]


PARSER = "import argparse\np = argparse.ArgumentParser()\n{body}a = p.parse_args()\n"


def _fed(body: str, *words: tuple[str, str | None], tmp_path: Path) -> frozenset[str]:
    """What a script with these `add_argument` lines gets fed by one run giving these words."""
    options = tuple((word, name) for word, name in words if name is not None)
    command = Command(str(tmp_path / "a.py"), options, tuple(word for word, _ in words))
    fed = frozenset(name for _, name in words if name is not None)
    return fed_destinations(ast.parse(PARSER.format(body=body)), [(command, fed)], tmp_path)


def test_the_one_word_argparse_takes_for_an_option_decides(tmp_path: Path) -> None:
    body = "p.add_argument('-m', '--model-input', '--model_input')\np.add_argument('--baseline')\n"
    assert _fed(body, ("--model-input", "m"), tmp_path=tmp_path) == frozenset({"model_input"})
    assert _fed(body, ("-m", "m"), tmp_path=tmp_path) == frozenset({"model_input"})
    assert "model_input" not in _fed(body, ("--baseline", "m"), tmp_path=tmp_path)  # absent: the default
    for words in (
        [("--model_input", "m"), ("-m", None)],  # another spelling later: the last wins
        [("--model_input", "m"), ("--model-in", None)],  # a prefix of another spelling
        [("--model_input", "m"), ("-mmodels:/x/3", None)],  # a short one with its value glued
        [("--model_input", None)],  # given, but not an input fed from a job
    ):
        assert _fed(body, *words, tmp_path=tmp_path) == frozenset(), words


def test_argparse_features_that_let_other_words_set_an_option_give_none(tmp_path: Path) -> None:
    plain = "p.add_argument('--model_input')\n"
    fed = ("--model_input", "m")
    assert _fed(plain, fed, tmp_path=tmp_path) == frozenset({"model_input"})
    for body in (
        plain + "p.add_argument('--model_input')\n",  # defined twice
        plain + "p.add_argument('--baseline', dest='model_input')\n",  # another option, the same attribute
        "p.add_argument('--model_input', action='store_const', const='https://evil.example/m')\n",
        "p.add_argument('--model_input', type=fetch)\n",
        "from helpers import Path\np.add_argument('--model_input', type=Path)\n",
        plain + "p.add_argument('rest', nargs='*')\n",  # a positional argument
        plain + "p.add_argument('--extra', nargs=argparse.REMAINDER)\n",
        plain + "p.set_defaults(model_input='models:/taxi/3')\n",
        plain + "s = p.add_subparsers()\n",
        plain + "p.parse_args = lambda: None\n",
        plain + "exec('x = 1')\n",
        plain + "from settings import *\n",
        plain + "import sys\nsys.modules['__main__'].a = None\n",
        plain + "b = p.parse_args(os.environ['EXTRA'].split())\n",
        plain + "q = argparse.ArgumentParser()\n",
        "p = argparse.ArgumentParser(fromfile_prefix_chars='@')\n" + plain,
        plain + "p.add_argument(*NAMES)\n",
    ):
        assert _fed(body, fed, tmp_path=tmp_path) == frozenset(), body
    (tmp_path / "argparse.py").write_text("")
    assert _fed(plain, fed, tmp_path=tmp_path) == frozenset()  # it imports the file beside it


def test_only_commands_read_whole_count(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    found = parsed_command(
        "src", "python -u a.py --m ${{inputs.m}} --k=${{inputs.k}} --n 3 --o ${{outputs.o}}", [tmp_path]
    )
    assert found is not None
    assert [(Path(c.script).name, c.options, c.words) for c in found] == [
        ("a.py", (("--m", "m"), ("--k", "k")), ("--m", "--k", "--n", "--o"))
    ]
    for command in (
        "pip install x && python a.py --m ${{inputs.m}}",
        "python a.py --m ${{inputs.m}} || echo --m x",
        "python a.py --m ${{inputs.m}};echo",
        "python a.py --m ${{inputs.m}} $EXTRA",
        "python a.py --m ${{inputs.m}} @over.txt",
        "python a.py -- --m ${{inputs.m}}",
        "python a.py $[[--m ${{inputs.m}}]]",
        "python a.py --m ${{inputs.m}}\npython a.py --m x",
        "torchrun a.py --m ${{inputs.m}}",
        "python -m src.a --m ${{inputs.m}}",
        "python -W ignore a.py --m ${{inputs.m}}",
        "cd src && python a.py --m ${{inputs.m}}",
        "python a.py --m\u00a0${{inputs.m}}",
        "python a.py --m ${{inputs.m}}\r",
        "python a.py positional --m ${{inputs.m}}",
    ):
        assert parsed_command("src", command, [tmp_path]) is None, command
    assert parsed_command("azureml:code:1", "python a.py", [tmp_path]) is None
    assert parsed_command("src", "python missing.py", [tmp_path]) is None
    assert parsed_command("src\x00", "python a.py", [tmp_path]) is None


def test_past_the_bounds_nothing_is_fed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import hooks.code.azureml_jobs as module

    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    (folder / "evaluate.py").write_text(EVALUATE)
    monkeypatch.setattr(module, "_MAX_READ", 1)
    module._facts_cache.clear()
    assert runs_of(folder / "evaluate.py") is None
    assert not _facts_under(tmp_path).complete
    monkeypatch.setattr(module, "_MAX_READ", 2_000)
    module._facts_cache.clear()
    runs = runs_of(folder / "evaluate.py")
    assert runs is not None and [dict(command.options) for command, _ in runs] == [
        {"--model_input": "model_input", "--baseline": "baseline"}
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-{}[]$*&!|>\n '\"#.python.yml${{inputs.x}}")), max_size=300))
def test_garbage_definitions_never_raise(text: str) -> None:
    facts = _Facts()
    _read_yaml(Path("/nonexistent/p.yml"), "command: ${{inputs.x}}\n" + text, facts)
    parsed_command("src", text, [Path("/nonexistent")])


SCRIPT_CHANGES = [
    (
        "the option reassigned in main",
        "    return model\n",
        "    return model\n",
        "    args.model_input = fetch(args.baseline)\n",
    ),
    (
        "an absolute part joined",
        "load_model(args.model_input)",
        "load_model(os.path.join(args.model_input, '/mnt/m'))",
        "",
    ),
    ("a parent part", "load_model(args.model_input)", "load_model(args.model_input + '/../../other')", ""),
    ("a sibling name", "load_model(args.model_input)", "load_model(args.model_input + 'model.pkl')", ""),
    ("a prefix", "load_model(args.model_input)", "load_model(f'https://evil.example/{args.model_input}')", ""),
    ("a fallback", "load_model(args.model_input)", "load_model(path)", "    path = 'https://evil.example/m'\n"),
    ("a helper that may change it", "    main(args)\n", "    patch(args)\n    main(args)\n", ""),
    ("vars of it", "    main(args)\n", "    vars(args).update(model_input='x')\n    main(args)\n", ""),
    ("a decorated main", "def main(args):\n", "@override\ndef main(args):\n", ""),
    # Third red team: what is patched, imported or handed on out of sight.
    ("argparse patched", "    main(args)\n", "    argparse.Namespace.model_input = property(f)\n    main(args)\n", ""),
    ("a builder of another module", "load_model(args.model_input)", "load_model(os.path.join(args.model_input))", ""),
    (
        "a helper returning the folder",
        "    return model\n",
        "    return model\ndef where():\n    return args.model_input\n",
        "",
    ),
    (
        "the platform's input variable",
        "    return model\n",
        "    os.environ['AZURE_ML_INPUT_model_input']\n    return model\n",
        "",
    ),
]


def test_what_the_script_does_to_the_option_can_keep_the_severity(tmp_path: Path) -> None:
    for index, (what, old, new, before_load) in enumerate(SCRIPT_CHANGES):
        case = tmp_path / str(index)
        case.mkdir()
        folder = _project(case, TRAIN_AND_EVALUATE.format(model_input=FED))
        imports = (
            "import mlflow\nfrom helpers import os\n"
            if what == "a builder of another module"
            else "import mlflow, os\n"
        )
        script = EVALUATE.replace("import mlflow\n", imports).replace(old, new)
        if before_load:
            script = script.replace("    model = mlflow", before_load + "    model = mlflow")
        assert [s for _, _, s in _loads(folder, script)] == [Severity.MEDIUM], what


def test_other_definitions_that_run_the_script_keep_the_severity(tmp_path: Path) -> None:
    others = {
        "a job without placeholders": (
            "job.yml",
            "$schema: x/commandJob.schema.json\ncode: ../../src\n"
            "command: python evaluate.py --model_input azureml:m:1\n",
        ),
        "a spark job's entry": ("spark.yml", "jobs:\n  s:\n    type: spark\n    entry:\n      file: evaluate.py\n"),
        "a torchrun command": (
            "t.yml",
            "jobs:\n  t:\n    code: ../../src\n    command: torchrun evaluate.py --model_input ${{inputs.m}}\n",
        ),
        "a module run": (
            "m.yml",
            "jobs:\n  t:\n    code: ../..\n    command: python -m src.evaluate --model_input ${{inputs.m}}\n",
        ),
        "a submission that overrides inputs": (
            "ci.sh",
            "az ml job create --file pipeline.yml --set jobs.evaluate_model.inputs.model_input.path=azureml:m:1\n",
        ),
    }
    for index, (what, (name, text)) in enumerate(others.items()):
        case = tmp_path / str(index)
        case.mkdir()
        folder = _project(case, TRAIN_AND_EVALUATE.format(model_input=FED))
        (case / "mlops" / "train" / name).write_text(text)
        assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM], what


def test_sdk_uses_that_may_hand_it_another_model_keep_the_severity(tmp_path: Path) -> None:
    cases = {
        "inputs changed after the call": "    step = evaluate(model_input=trained.outputs.model)\n"
        "    step.inputs.model_input = registered\n",
        "outputs of something not a job of the pipeline": "    evaluate(model_input=old.outputs.model)\n",
        "a call outside a pipeline function": (
            "    evaluate(model_input=trained.outputs.model)\nevaluate(model_input=x)\n"
        ),
    }
    for index, (what, body) in enumerate(cases.items()):
        case = tmp_path / str(index)
        case.mkdir()
        folder = _component_project(case)
        source = (
            "from azure.ai.ml import load_component\nfrom azure.ai.ml.dsl import pipeline\n"
            "train = load_component(source='./train.yml')\nevaluate = load_component(source='./evaluate.yml')\n"
            "@pipeline()\ndef flow(data):\n    trained = train(data=data)\n" + body
        )
        (case / "run.ipynb").write_text(notebook(source))
        assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM], what
    # A module may be imported: a component bound at its top level may be used anywhere.
    case = tmp_path / "module"
    case.mkdir()
    folder = _component_project(case, "${{parent.jobs.train.outputs.model}}")
    (case / "components.py").write_text(
        "from azure.ai.ml import load_component\nevaluate = load_component('evaluate.yml')\n"
    )
    assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM]


def test_a_registered_component_of_the_same_name_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    (tmp_path / "evaluate.yml").write_text(COMPONENT.replace("type: command\n", "type: command\nname: evaluate\n"))
    (tmp_path / "other.yml").write_text(
        "jobs:\n  e:\n    component: azureml:evaluate@latest\n    inputs:\n      model_input: ${{parent.inputs.m}}\n"
    )
    assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM]


def test_hostile_definitions_neither_crash_nor_lower(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    (tmp_path / "nul.yml").write_text('jobs:\n  e:\n    component: "./a\\0b.yml"\n')
    (tmp_path / "doubling.py").write_text(
        "from azure.ai.ml import command\na0 = 'x'\n" + "".join(f"a{i + 1} = a{i} + a{i}\n" for i in range(64))
    )
    findings = scan_code(folder, EVALUATE, "evaluate.py", Policy(root=tmp_path))
    assert [(f.rule_id, f.severity) for f in findings if f.rule_id in ("MLS312", "MLS900")] == [
        ("MLS312", Severity.LOW)
    ]
    # Definitions that cannot be read (YAML that does not parse, SDK code that does not) may run
    # the script any way: nothing is fed, nothing fails, and reading them stays linear.
    (tmp_path / "long.yml").write_text("command: ${{inputs.x}}\n" + "python" * 200_000 + " [\n")
    (tmp_path / "long.py").write_text("import azure.ai.ml\ncommand(\n" + "a" * 200_000 + ".yml(\n")
    _facts_cache.clear()  # one run reads the folder once; this is a second run
    findings = scan_code(folder, EVALUATE, "evaluate.py", Policy(root=tmp_path))
    assert [(f.rule_id, f.severity) for f in findings if f.rule_id in ("MLS312", "MLS900")] == [
        ("MLS312", Severity.MEDIUM)
    ]


def test_a_symbolic_link_below_the_search_folder_keeps_the_severity(tmp_path: Path) -> None:
    folder = _component_project(tmp_path, "${{parent.jobs.train.outputs.model}}")
    (tmp_path / "linked").symlink_to(tmp_path / "src")
    assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM]


def test_a_model_s_own_modules_are_not_the_interpreter_s(tmp_path: Path) -> None:
    # `model.modules()` (torch) is the model's, not `sys.modules`: the load stays low.
    folder = _project(tmp_path, TRAIN_AND_EVALUATE.format(model_input=FED))
    script = EVALUATE.replace("    return model\n", "    layers = list(model.modules())\n    return model\n")
    assert _loads(folder, script) == [("MLS312", 10, Severity.LOW)]


def test_third_red_team_shapes_keep_the_severity(tmp_path: Path) -> None:
    fed = TRAIN_AND_EVALUATE.format(model_input=FED)
    cases = {
        "a short-option cluster": ("--baseline ${{inputs.baseline}}", "--baseline ${{inputs.baseline}} -vm x"),
        "a job that sets PYTHONPATH": (
            "    inputs:\n      model_input:",
            "    environment_variables:\n      PYTHONPATH: shim\n    inputs:\n      model_input:",
        ),
    }
    for index, (what, (old, new)) in enumerate(cases.items()):
        assert old in fed, what
        case = tmp_path / str(index)
        case.mkdir()
        folder = _project(case, fed.replace(old, new))
        assert [s for _, _, s in _loads(folder)] == [Severity.MEDIUM], what
    # A module beside the script that it imports runs first (it may extend sys.argv).
    case = tmp_path / "local"
    case.mkdir()
    folder = _project(case, TRAIN_AND_EVALUATE.format(model_input=FED))
    (folder / "helpers.py").write_text("import sys\nsys.argv += ['--model_input', 'models:/x/3']\n")
    assert [s for _, _, s in _loads(folder, "import helpers\n" + EVALUATE)] == [Severity.MEDIUM]
    # The load inside a lambda, whose parameter may hide the parsed namespace.
    case = tmp_path / "lambda"
    case.mkdir()
    folder = _project(case, TRAIN_AND_EVALUATE.format(model_input=FED))
    script = EVALUATE.replace(
        "    model = mlflow.sklearn.load_model(args.model_input)\n",
        "    model = (lambda args: mlflow.sklearn.load_model(args.model_input))(other)\n",
    )
    assert [s for _, _, s in _loads(folder, script)] == [Severity.MEDIUM]
