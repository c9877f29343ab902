"""What the code logs to W&B, pushes to the Hub or registers in MLflow and reads back is low; a
name it did not log, someone else's project, a path that leaves the download and a load before
the logging stay at their severity; `profile: strict` keeps everything."""

from __future__ import annotations

import ast
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.command_origin import CommandOrigins
from hooks.code.tracked_artifacts import collect, reads_logged_artifact
from tests.code.helpers import notebook, scan_code

_LOGGED = (
    "import os, torch, wandb\nrun = wandb.init(project='p')\n"
    "art = wandb.Artifact('convnet', type='model')\ntorch.save(net.state_dict(), 'm.pth')\n"
    "art.add_file('m.pth')\nrun.log_artifact(art)"
)


def graded(findings: list) -> list[tuple[int | None, str]]:  # type: ignore[type-arg]
    return [(f.cell, f.severity.value) for f in findings if f.rule_id == "MLS306"]


def test_a_wandb_artifact_the_notebook_logged_and_reads_back_is_low(tmp_path: Path) -> None:
    text = notebook(
        _LOGGED,
        "model_artifact = run.use_artifact('convnet:latest')\nmodel_dir = model_artifact.download()\n"
        "model_path = os.path.join(model_dir, 'm.pth')\nnet.load_state_dict(torch.load(model_path))",
        "net.load_state_dict(torch.load(run.use_artifact('convnet:v0').get_entry('m.pth').download()))",
        "folder = run.use_artifact('convnet:latest').download()\nstate = torch.load(f'{folder}/m.pth')\n"
        "state = torch.load(folder + '/m.pth')",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert graded(findings) == [(2, "low"), (3, "low"), (4, "low"), (4, "low")]
    assert all("W&B artifact 'convnet'" in f.message for f in findings if f.rule_id == "MLS306")


def test_a_name_reused_for_the_next_artifact_follows_the_binding_that_reaches_the_load(tmp_path: Path) -> None:
    """Pipeline notebooks reuse `model_artifact` for the artifact they use and the one they log."""
    text = notebook(
        _LOGGED,
        "def train_and_log():\n    model_artifact = run.use_artifact('convnet:latest')\n"
        "    model_dir = model_artifact.download()\n"
        "    net.load_state_dict(torch.load(os.path.join(model_dir, 'm.pth')))\n"
        "    model_artifact = wandb.Artifact('trained', type='model')\n    run.log_artifact(model_artifact)\n"
        "def evaluate():\n    d = run.use_artifact('trained:latest').download()\n"
        "    return torch.load(os.path.join(d, 'trained.pth'))\ntrain_and_log()\nevaluate()",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "low"), (2, "low")]


def test_artifact_look_alikes_stay_high(tmp_path: Path) -> None:
    text = notebook(
        _LOGGED,
        "a = torch.load(run.use_artifact('team/proj/convnet:latest').download())",  # another project's
        "b = torch.load(run.use_artifact('other:latest').download())",  # not logged here
        "d = run.use_artifact('convnet:latest').download()\nc = torch.load(os.path.join(d, '../x.pth'))",
        "e = torch.load(d + 'x.pth')",  # a sibling of the folder
        "f = torch.load(os.path.join(d, name))",  # a part that is not a constant
        "g = torch.load(run.use_artifact('wandb-registry-model/convnet:latest').download())",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(c, "high") for c in (2, 3, 4, 5, 6, 7)]


def test_a_load_before_the_artifact_is_logged_or_a_binding_that_may_not_reach_it_stays_high(tmp_path: Path) -> None:
    text = notebook(
        "import os, torch, wandb\nrun = wandb.init(project='p')",
        "x = torch.load(run.use_artifact('convnet:latest').download())",  # logged only later
        _LOGGED,
        "if fresh:\n    a = run.use_artifact('team/p/evil:v0')\nelse:\n    a = run.use_artifact('convnet:v1')\n"
        "y = torch.load(a.download())",
        "a = run.use_artifact('convnet:v1')\nfor step in steps:\n    z = torch.load(a.download())\n"
        "    a = run.use_artifact('team/p/evil:v0')",
        "def swap():\n    global b\n    b = run.use_artifact('team/p/evil:v0')\n"
        "b = run.use_artifact('convnet:v1')\nswap()\nw = torch.load(b.download())",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(c, "high") for c in (2, 4, 5, 6)]


def test_an_artifact_that_references_outside_bytes_stays_high(tmp_path: Path) -> None:
    """`add_reference(url)` records where the bytes are; `download()` fetches them from there."""
    text = notebook(
        "import torch, wandb\nrun = wandb.init(project='p')\nart = wandb.Artifact('weights', type='model')\n"
        "art.add_reference('https://example.org/weights.pt', name='w')\nrun.log_artifact(art)",
        "w = torch.load(run.use_artifact('weights:latest').get_entry('w').download())",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "high")]


def test_a_script_may_log_anywhere_and_strict_keeps_the_load_high(tmp_path: Path) -> None:
    source = (
        "import torch, wandb\n\n"
        "def evaluate(run):\n    return torch.load(run.use_artifact('convnet:latest').download())\n\n"
        "def train(run, net):\n    art = wandb.Artifact('convnet', type='model')\n    run.log_artifact(art)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS306"] == ["low"]
    strict = Policy(root=tmp_path, profile="strict")
    assert [f.severity.value for f in scan_code(tmp_path, source, "job.py", strict) if f.rule_id == "MLS306"] == [
        "high"
    ]
    unlogged = source.replace("wandb.Artifact('convnet'", "wandb.Artifact('convnet-v2'")
    assert [f.severity.value for f in scan_code(tmp_path, unlogged, "job.py") if f.rule_id == "MLS306"] == ["high"]


def test_remote_code_of_a_hub_repository_a_script_pushed_is_low(tmp_path: Path) -> None:
    """A failed push stops a script before its load; a notebook's reader runs the next cell anyway,
    so there the author's repository (`m-ric/my_agent` in smolagents' docs) is someone else's."""
    source = (
        "from smolagents import CodeAgent\n\ndef publish(agent):\n    agent.push_to_hub('me/my_agent')\n"
        "    a = CodeAgent.from_hub('me/my_agent', trust_remote_code=True)\n"
        "    b = CodeAgent.from_hub('someone/agent', trust_remote_code=True)\n"
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, source, "publish.py") if f.rule_id == "MLS307"]
    assert found == [(5, "low"), (6, "high")]
    text = notebook(
        "from smolagents import CodeAgent\nagent.push_to_hub('m-ric/my_agent')",
        "a = CodeAgent.from_hub('m-ric/my_agent', trust_remote_code=True)",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS307"]
    assert found == ["high"]
    strict = Policy(root=tmp_path, profile="strict")
    found = [f.severity.value for f in scan_code(tmp_path, source, "publish.py", strict) if f.rule_id == "MLS307"]
    assert found == ["high", "high"]


def test_a_notebook_that_logs_under_the_authors_entity_keeps_its_loads_high(tmp_path: Path) -> None:
    """A reader cannot log into the author's entity; the next cell then reads the author's artifact."""
    text = notebook(
        _LOGGED.replace("project='p'", "entity='wandb', project='p'"),
        "m = torch.load(run.use_artifact('convnet:latest').download())",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "high")]
    own = notebook(
        _LOGGED.replace("project='p'", "entity=None, project='p'"),
        "m = torch.load(run.use_artifact('convnet:latest').download())",
    )
    assert graded(scan_code(tmp_path, own, "nb.ipynb")) == [(2, "low")]


def test_mlflow_autolog_and_models_the_notebook_registered(tmp_path: Path) -> None:
    text = notebook(
        "import mlflow\nmlflow.tensorflow.autolog()\nrun = mlflow.start_run()\nmodel.fit(x, y)",
        "m = mlflow.keras.load_model(f'runs:/{run.info.run_id}/model')",
        "NAME = 'churn'\nmlflow.register_model(f'runs:/{run.info.run_id}/model', NAME)",
        "r = mlflow.pyfunc.load_model(f'models:/{NAME}/Staging')",
        "s = mlflow.pyfunc.load_model('models:/fraud@champion')",  # not registered here
    )
    found = [(f.cell, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS312"]
    assert found == [(2, "low"), (4, "low"), (5, "medium")]
    logged = notebook(
        "import mlflow\nmlflow.sklearn.log_model(clf, 'model', registered_model_name='churn')",
        "r = mlflow.sklearn.load_model('models:/churn/1')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, logged, "nb.ipynb") if f.rule_id == "MLS312"]
    assert found == ["low"]
    early = notebook(
        "import mlflow\nr = mlflow.sklearn.load_model('models:/churn/1')",
        "mlflow.register_model('runs:/abc/model', 'churn')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, early, "nb.ipynb") if f.rule_id == "MLS312"]
    assert found == ["medium"]


def test_outside_bytes_logged_for_lineage_or_a_folder_stay_high(tmp_path: Path) -> None:
    """Red team: a downloaded file added to an artifact is still the download's bytes."""
    text = notebook(
        "import os, torch, wandb\nrun = wandb.init(project='p')\n!wget -q https://example.com/convnet.pth\n"
        "art = wandb.Artifact('base-model', type='model')\nart.add_file('convnet.pth')\nrun.log_artifact(art)\n"
        "tree = wandb.Artifact('tree', type='model')\ntree.add_dir('weights')\nrun.log_artifact(tree)",
        "d = run.use_artifact('base-model:latest').download()\nm = torch.load(os.path.join(d, 'convnet.pth'))",
        "t = torch.load(os.path.join(run.use_artifact('tree:latest').download(), 'x.pt'))",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "high"), (3, "high")]


def test_logging_that_may_not_run_or_another_project_keeps_the_load_high(tmp_path: Path) -> None:
    logged_in_unused_function = notebook(
        "import torch, wandb\nrun = wandb.init(project='p')\n"
        "def unused():\n    art = wandb.Artifact('convnet')\n    run.log_artifact(art)",
        "m = torch.load(run.use_artifact('convnet:latest').download())",
    )
    logged_in_try = notebook(
        "import torch, wandb\nrun = wandb.init(project='p')\n"
        "try:\n    art = wandb.Artifact('convnet')\n    run.log_artifact(art)\nexcept Exception:\n    pass",
        "m = torch.load(run.use_artifact('convnet:latest').download())",
    )
    two_projects = notebook(
        _LOGGED,
        "other = wandb.init(entity='someone-else', project='public-models')\n"
        "m = torch.load(other.use_artifact('convnet:latest').download())",
    )
    api = notebook(_LOGGED, "m = torch.load(wandb.Api().artifact('convnet:latest').download())")
    for text in (logged_in_unused_function, logged_in_try, two_projects, api):
        assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "high")]


def test_a_top_level_name_bound_only_after_the_load_and_windows_separators_stay_high(tmp_path: Path) -> None:
    text = notebook(
        _LOGGED + "\nfrom config import *",
        "x = torch.load(os.path.join(model_dir, 'm.pth'))",
        "model_dir = run.use_artifact('convnet:latest').download()",
        "y = torch.load(os.path.join(model_dir, '..\\\\..\\\\evil.pth'))",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [(2, "high"), (4, "high")]


def test_rebinding_names_over_and_over_is_followed_in_bounded_time(tmp_path: Path) -> None:
    """Red team: each rebinding re-judged every other one (188 s for 45 lines); now memoised."""
    swaps = "".join("b = a\na = b\n" for _ in range(40))
    text = notebook(_LOGGED, "a = run.use_artifact('convnet:v0').download()\n" + swaps + "torch.load(a)\n" * 5)
    started = time.perf_counter()
    scan_code(tmp_path, text, "nb.ipynb")
    assert time.perf_counter() - started < 20.0


def test_hub_pushes_that_may_not_happen_or_other_repositories_keep_remote_code_high(tmp_path: Path) -> None:
    cases = [
        "m.push_to_hub('me/chatglm-ft')\n"
        "p = pipeline('text-generation', model='me/chatglm-ft', tokenizer='THUDM/chatglm3-6b', trust_remote_code=True)",
        "m.push_to_hub('me/helper')\nx = AutoModel.from_pretrained('evil/x', path='me/helper', trust_remote_code=True)",
        "def never():\n    m.push_to_hub('me/m')\nx = AutoModel.from_pretrained('me/m', trust_remote_code=True)",
        "try:\n    m.push_to_hub('me/m')\nexcept Exception:\n    pass\n"
        "x = AutoModel.from_pretrained('me/m', trust_remote_code=True)",
        "if False:\n    m.push_to_hub('me/m')\nx = AutoModel.from_pretrained('me/m', trust_remote_code=True)",
    ]
    for case in cases:
        source = "from transformers import AutoModel, pipeline\n" + case + "\n"
        found = [f.severity.value for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS307"]
        assert found == ["high"], case
    pushed = (
        "from transformers import pipeline\nm.push_to_hub('me/m')\ntok.push_to_hub('me/tok')\n"
        "p = pipeline('text-generation', model='me/m', tokenizer='me/tok', trust_remote_code=True)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, pushed, "job.py") if f.rule_id == "MLS307"] == ["low"]


def test_mlflow_models_the_code_did_not_log_stay_medium(tmp_path: Path) -> None:
    cases = [
        "mlflow.autolog(disable=True)\nm = mlflow.pyfunc.load_model(f'runs:/{run_id}/model')",
        "mlflow.sklearn.autolog(log_models=False)\nm = mlflow.pyfunc.load_model(f'runs:/{run_id}/model')",
        "mlflow.autolog()\nm = mlflow.pyfunc.load_model('runs:/3f2a9c0d1b7e4d6a8f0b2c4e6a8d0f12/model')",
        "mlflow.log_metric('a', 1)\nmlflow.register_model('s3://vendor/models/churn', 'churn')\n"
        "m = mlflow.pyfunc.load_model('models:/churn/latest')",
        "mlflow.register_model(f'runs:/{run_id}/model', 'churn')\nm = mlflow.pyfunc.load_model('models:/churn/1')",
    ]
    for case in cases:
        text = notebook("import mlflow", case)
        found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS312"]
        assert found == ["medium"], case


_FRAGMENTS = [
    "a = wandb.Artifact('x')\n",
    "run.log_artifact(a)\n",
    "b = run.use_artifact('x:v0')\n",
    "d = b.download()\n",
    "d = b.get_entry('e').download()\n",
    "p = os.path.join(d, 'm.pt')\n",
    "p = d + '/m.pt'\n",
    "p = f'{d}/m.pt'\n",
    "torch.load(p)\n",
    "torch.load(d)\n",
    "if c:\n    b = run.use_artifact('y')\n",
    "for i in r:\n    d = b.download()\n",
    "def f():\n    global d\n    d = q\n",
    "b = b\n",
    "d = d / 'x'\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_following_any_arrangement_never_raises_and_stays_bounded(fragments: list[str]) -> None:
    module = ast.parse("".join(fragments))
    origins = CommandOrigins(module, unbound_outside=False, self_contained=True)
    found = collect(module, origins, lambda node: "wandb.Artifact" if "Artifact" in ast.unparse(node) else None)
    for node in ast.walk(module):
        if isinstance(node, ast.expr):
            name = reads_logged_artifact(node, 10**6, True, found, origins)
            assert name is None or name == "x"
