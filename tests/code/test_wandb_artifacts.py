"""Loads of a W&B artifact the same notebook or script logs are low; someone else's artifact, a
name it does not log, an alias it does not set, runs in several projects or serving code keep
the severity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import CommandOrigins, module_aliases, qualified_name
from hooks.code.wandb_artifacts import WandbArtifacts
from tests.code.helpers import notebook, scan_code

LOGS = """
import os, torch, wandb
with wandb.init(project="pipeline", job_type="build") as run:
    artifact = wandb.Artifact("convnet", type="model")
    torch.save(model.state_dict(), "model.pth")
    artifact.add_file("model.pth")
    run.log_artifact(artifact)
"""
USE = 'with wandb.init(project="pipeline") as run:\n    torch.load(run.use_artifact("convnet:latest").file())\n'


def load_levels(directory: Path, source: str, name: str = "job.py") -> list[str]:
    found = scan_code(directory, source, name)
    return [f.severity.value for f in found if f.rule_id == "MLS306"]


def test_a_folder_of_an_artifact_the_script_logs_is_low(tmp_path: Path) -> None:
    uses = """
with wandb.init(project="pipeline", job_type="train") as run:
    model_dir = run.use_artifact("convnet:latest").download()
    state = torch.load(os.path.join(model_dir, "model.pth"))
"""
    assert load_levels(tmp_path, LOGS + uses) == ["low"]
    found = scan_code(tmp_path, LOGS + uses)
    assert any("W&B artifact this script logs itself" in f.message for f in found)


@pytest.mark.parametrize(
    "use",
    [
        'run.use_artifact("convnet:v3").get_entry("weights").download()',  # an entry, a version number
        "f\"{run.use_artifact('convnet').download()}/model.pth\"",  # an f-string below the folder
        'run.use_artifact("convnet:latest").file()',  # its single file
    ],
)
def test_other_ways_to_read_an_own_artifact(tmp_path: Path, use: str) -> None:
    source = LOGS + f'\nwith wandb.init(project="pipeline") as run:\n    state = torch.load({use})\n'
    assert load_levels(tmp_path, source) == ["low"]


@pytest.mark.parametrize(
    "use",
    [
        '"someone/their-project/convnet:latest"',  # another entity's project: a published model
        '"resnet:latest"',  # a name the script does not log
        '"convnet:production"',  # an alias the script does not set
        '"wandb-registry-model/convnet:v0"',  # a registry collection
        "ARTIFACT",  # computed: an argument of the script
    ],
)
def test_someone_elses_artifact_keeps_the_severity(tmp_path: Path, use: str) -> None:
    source = LOGS + (
        "import sys\nARTIFACT = sys.argv[1]\n"
        'with wandb.init(project="pipeline") as run:\n'
        f"    state = torch.load(os.path.join(run.use_artifact({use}).download(), 'model.pth'))\n"
    )
    assert load_levels(tmp_path, source) == ["high"]


def test_an_alias_the_code_sets_itself_is_its_own(tmp_path: Path) -> None:
    source = LOGS.replace("run.log_artifact(artifact)", 'run.log_artifact(artifact, aliases=["production"])')
    source += USE.replace("latest", "production")
    assert load_levels(tmp_path, source) == ["low"]


def test_runs_in_different_projects_share_no_names(tmp_path: Path) -> None:
    source = LOGS + USE.replace("pipeline", "other")
    assert load_levels(tmp_path, source) == ["high"]


def test_an_artifact_built_but_never_logged_is_not_the_codes(tmp_path: Path) -> None:
    source = LOGS.replace("    run.log_artifact(artifact)\n", "")
    source += USE
    assert load_levels(tmp_path, source) == ["high"]


def test_serving_code_keeps_the_severity(tmp_path: Path) -> None:
    source = (
        LOGS
        + "from flask import Flask\napp = Flask(__name__)\n"
        + '@app.route("/predict")\ndef predict():\n'
        + '    with wandb.init(project="pipeline") as run:\n'
        + '        return torch.load(run.use_artifact("convnet:latest").file())\n'
    )
    assert load_levels(tmp_path, source) == ["high"]


def test_the_binding_that_reaches_the_load_decides(tmp_path: Path) -> None:
    """`handle` is the used artifact where the load reads it and a new artifact afterwards."""
    reads = """
with wandb.init(project="pipeline") as run:
    handle = run.use_artifact("convnet:latest")
    state = torch.load(os.path.join(handle.download(), "model.pth"))
    handle = wandb.Artifact("trained", type="model")
    run.log_artifact(handle)
"""
    assert load_levels(tmp_path, LOGS + reads) == ["low"]
    # look-alike: in a loop the next round reads what the later binding wrote
    looped = """
with wandb.init(project="pipeline") as run:
    handle = run.use_artifact("convnet:latest")
    for step in range(3):
        state = torch.load(os.path.join(handle.download(), "model.pth"))
        handle = somebody_elses_artifact()
"""
    assert load_levels(tmp_path, LOGS + looped) == ["high"]
    # look-alike: a branch may bind it to something else between
    branched = """
with wandb.init(project="pipeline") as run:
    handle = run.use_artifact("convnet:latest")
    if flag:
        handle = somebody_elses_artifact()
    state = torch.load(os.path.join(handle.download(), "model.pth"))
"""
    assert load_levels(tmp_path, LOGS + branched) == ["high"]


def test_a_notebook_that_logs_then_loads_across_cells(tmp_path: Path) -> None:
    source = notebook(
        LOGS,
        'with wandb.init(project="pipeline") as run:\n'
        '    data = run.use_artifact("convnet:latest")\n'
        '    torch.load(data.get_entry("model.pth").download(), weights_only=False)\n',
    )
    found = scan_code(tmp_path, source, "pipeline.ipynb")
    assert [(f.rule_id, f.severity.value) for f in found if f.rule_id == "MLS306"] == [("MLS306", "low")]
    assert "this notebook logs itself" in next(f.message for f in found if f.rule_id == "MLS306")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_code(text: str) -> None:
    """Whatever parses, the analysis answers without raising."""
    try:
        module = ast.parse(LOGS + text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    aliases = module_aliases(list(ast.walk(module)))
    artifacts = WandbArtifacts(
        module, lambda node: qualified_name(node, aliases), CommandOrigins(module), frozenset(), set()
    )
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and node.args:
            artifacts.reads_own_artifact(node.args[0], node)


# --- red-team cases (stop 73): each kept the severity after its mend ---------------------------
_OWN = 'run = wandb.init(project="pipeline")\nhandle = run.use_artifact("convnet:latest")\n'
_BYPASSES = {
    "absolute part in a join": 'torch.load(os.path.join(handle.download(), "/mnt/incoming/model.pth"))',
    "parent folder in an f-string": 'torch.load(f"{handle.download()}/../../Downloads/model.pth")',
    "absolute part after Path /": 'from pathlib import Path\ntorch.load(Path(handle.download()) / "/tmp/m.pth")',
    "a sibling folder by concatenation": 'torch.load(handle.download() + "_old/model.pth")',
    "a download into a shared folder": 'torch.load(os.path.join(handle.download(root="/tmp"), "m.pth"))',
    "a star import may rebind the handle": "from team_helpers import *\ntorch.load(handle.file())",
    "a globals() store": 'globals()["handle"] = other()\ntorch.load(handle.file())',
    "a comprehension's own name": "[torch.load(handle.file()) for handle in api.artifacts('x')]",
    "a lambda's parameter": "load = lambda handle: torch.load(handle.file())",
    "a lambda in a loop": (
        "for name in names:\n    loader = lambda: torch.load(handle.file())\n    loader()\n"
        "    handle = api.artifact(name)"
    ),
    "a function run after a later binding": (
        "def load():\n    return torch.load(handle.file())\nhandle = api.artifact('them/p/convnet:v0')\nload()"
    ),
    "a global rebinding": "def swap():\n    global handle\n    handle = other()\nswap()\ntorch.load(handle.file())",
}


@pytest.mark.parametrize("case", sorted(_BYPASSES))
def test_red_team_reads_keep_the_severity(tmp_path: Path, case: str) -> None:
    assert load_levels(tmp_path, LOGS + _OWN + _BYPASSES[case] + "\n") == ["high"]


_RUNS = {
    "a project from a parameter": (
        "def evaluate(project):\n    with wandb.init(project=project) as run:\n"
        '        return torch.load(run.use_artifact("convnet:latest").file())\n'
    ),
    "a project name rebound": (
        'PROJECT = "pipeline"\nPROJECT = "their-project"\nwith wandb.init(project=PROJECT) as run:\n'
        '    torch.load(run.use_artifact("convnet:latest").file())\n'
    ),
    "an entity through **options": (
        'with wandb.init(project="pipeline", **{"entity": "someone"}) as run:\n'
        '    torch.load(run.use_artifact("convnet:latest").file())\n'
    ),
    "settings choose the entity": (
        'with wandb.init(project="pipeline", settings=wandb.Settings(entity="someone")) as run:\n'
        '    torch.load(run.use_artifact("convnet:latest").file())\n'
    ),
    "the receiver is an attribute": (
        "class Evaluator:\n    def load(self):\n"
        '        return torch.load(self.run.use_artifact("convnet:latest").file())\n'
    ),
    "the receiver is a helper's return value": (
        'from helpers import eval_run\ntorch.load(eval_run("them/p").use_artifact("convnet:latest").file())\n'
    ),
    "init under another name": (
        'start = wandb.init\nrun = start(entity="someone", project="p")\n'
        'torch.load(run.use_artifact("convnet:latest").file())\n'
    ),
    "the module under another name": (
        'wb = wandb\nwb.init(entity="someone", project="p")\ntorch.load(wandb.use_artifact("convnet:latest").file())\n'
    ),
    "init looked up by getattr": (
        'run = getattr(wandb, "init")(entity="someone", project="p")\n'
        'torch.load(wandb.use_artifact("convnet:latest").file())\n'
    ),
}


@pytest.mark.parametrize("case", sorted(_RUNS))
def test_red_team_runs_keep_the_severity(tmp_path: Path, case: str) -> None:
    assert load_levels(tmp_path, LOGS + _RUNS[case]) == ["high"]


def test_a_run_finished_and_started_again_in_the_same_project_is_low(tmp_path: Path) -> None:
    """The usual notebook: `run = wandb.init(...)`, log, `run.finish()`, a new run that uses it."""
    source = (
        "import os, torch, wandb\n"
        'run = wandb.init(project="pipeline", job_type="build")\n'
        'artifact = wandb.Artifact("convnet", type="model")\n'
        'artifact.add_file("model.pth")\n'
        "run.log_artifact(artifact)\n"
        "run.finish()\n"
        'run = wandb.init(project="pipeline", job_type="eval")\n'
        'artifact = run.use_artifact("convnet:latest")\n'
        "model = torch.load(os.path.join(artifact.download(), 'model.pth'))\n"
    )
    assert load_levels(tmp_path, source) == ["low"]


def test_long_chains_of_names_stay_within_a_budget(tmp_path: Path) -> None:
    """Names bound many ways to names bound many ways: the walk stops at its budget and the load
    keeps its severity, quickly."""
    lines = [LOGS, _OWN]
    previous = "handle"
    for level in range(6):
        name = f"h{level}"
        lines += [f"{name} = {previous}\n" for _ in range(16)]
        previous = name
    lines.append(f"torch.load({previous}.file())\n")
    assert load_levels(tmp_path, "".join(lines)) == ["high"]


def test_an_entity_left_none_is_the_default(tmp_path: Path) -> None:
    """`entity = None  # your team here`, then `wandb.init(entity=entity, project=project)`."""
    names = 'entity = None\nproject = "pipeline"\n'
    logs = LOGS.replace('project="pipeline", job_type="build"', "entity=entity, project=project")
    use = USE.replace('wandb.init(project="pipeline")', "wandb.init(project=project, entity=entity)")
    assert load_levels(tmp_path, names + logs + use) == ["low"]
    # look-alike: an entity that is sometimes someone's
    other = names + 'if flag:\n    entity = "someone"\n'
    assert load_levels(tmp_path, other + logs + use) == ["high"]
