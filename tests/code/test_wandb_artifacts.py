"""Loads of a W&B artifact the same notebook or script logged are low; an artifact named by
anyone else, or in another project, keeps its severity."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import notebook, scan_code

LOG = (
    "import os, torch, wandb\n"
    "with wandb.init(project='p', job_type='load') as run:\n"
    "    raw = wandb.Artifact('mnist-raw', type='dataset')\n"
    "    with raw.new_file('training.pt', mode='wb') as file:\n"
    "        torch.save(data, file)\n"
    "    run.log_artifact(raw)\n"
)


def severities(found: list) -> list[str]:  # type: ignore[type-arg]
    return [f.severity.value for f in found if f.rule_id == "MLS306"]


@pytest.mark.parametrize(
    "use",
    [
        "    folder = run.use_artifact('mnist-raw:latest').download()\n"
        "    data = torch.load(os.path.join(folder, 'training.pt'))\n",
        "    art = run.use_artifact('mnist-raw:v3')\n    folder = art.download()\n"
        "    data = torch.load(f'{folder}/training.pt')\n",
        "    art = run.use_artifact(artifact_or_name='mnist-raw')\n"
        "    data = torch.load(art.get_entry('training.pt').download())\n",
        "    folder = run.use_artifact('mnist-raw:latest').download()\n"
        "    data = torch.load(folder + '/training.pt')\n",
    ],
)
def test_a_load_of_an_artifact_the_notebook_logged_is_low(tmp_path: Path, use: str) -> None:
    text = notebook(LOG, "with wandb.init(project='p', job_type='train') as run:\n" + use)
    found = scan_code(tmp_path, text, "nb.ipynb")
    assert severities(found) == ["low"]
    assert "a W&B artifact this notebook logged itself" in next(f for f in found if f.rule_id == "MLS306").message


@pytest.mark.parametrize(
    ("log", "use"),
    [
        # an entity/project in front: anyone's artifact
        (LOG, "    folder = run.use_artifact('team/p/mnist-raw:latest').download()\n"),
        # a name the code does not log
        (LOG, "    folder = run.use_artifact('mnist-clean:latest').download()\n"),
        # created but never logged
        (LOG.replace("    run.log_artifact(raw)\n", ""), "    folder = run.use_artifact('mnist-raw').download()\n"),
        # the name from a variable
        (LOG, "    folder = run.use_artifact(NAME).download()\n"),
        # the folder bound twice
        (LOG, "    folder = run.use_artifact('mnist-raw').download()\n    folder = other\n"),
    ],
)
def test_look_alikes_keep_their_severity(tmp_path: Path, log: str, use: str) -> None:
    train = "with wandb.init(project='p', job_type='train') as run:\n" + use
    train += "    data = torch.load(os.path.join(folder, 'training.pt'))\n"
    assert severities(scan_code(tmp_path, notebook(log, train), "nb.ipynb")) == ["high"]


@pytest.mark.parametrize(
    "init",
    [
        "with wandb.init(project='other', job_type='train') as run:\n",  # another project
        "with wandb.init(project='p', entity='someone-else') as run:\n",  # another entity
        "with wandb.init(**settings) as run:\n",  # any project
    ],
)
def test_a_second_project_keeps_the_severity(tmp_path: Path, init: str) -> None:
    use = "    folder = run.use_artifact('mnist-raw:latest').download()\n"
    use += "    data = torch.load(os.path.join(folder, 'training.pt'))\n"
    assert severities(scan_code(tmp_path, notebook(LOG, init + use), "nb.ipynb")) == ["high"]


def test_serving_code_keeps_the_severity(tmp_path: Path) -> None:
    use = "folder = run.use_artifact('mnist-raw:latest').download()\nmodel = torch.load(folder + '/training.pt')\n"
    app = "from fastapi import FastAPI\n" + LOG + "app = FastAPI()\n" + use
    assert severities(scan_code(tmp_path, app, "serve.py")) == ["high"]


def test_a_script_logging_and_loading_its_artifact_is_low(tmp_path: Path) -> None:
    use = "folder = run.use_artifact('mnist-raw:latest').download()\nmodel = torch.load(folder + '/training.pt')\n"
    assert severities(scan_code(tmp_path, LOG + use, "pipeline.py")) == ["low"]


SCRIPT_LOG = (
    "import os, sys, shutil, torch, wandb, urllib.request\nfrom pathlib import Path\n"
    "run = wandb.init(project='p')\nraw = wandb.Artifact('mnist-raw', type='dataset')\nrun.log_artifact(raw)\n"
)
USE = "folder = run.use_artifact('mnist-raw:latest').download()\n"


@pytest.mark.parametrize(
    "rest",
    [
        # the receiver is not one of the code's runs: a class of its own may add entity/project
        "class Hub:\n    def use_artifact(self, name):\n        return wandb.Api().artifact('x/y/' + name)\n"
        "folder = Hub().use_artifact('mnist-raw:latest').download()\n"
        "data = torch.load(os.path.join(folder, 'x.pt'))\n",
        # the path leaves the folder, or is chosen at run time
        USE + "data = torch.load(os.path.join(folder, sys.argv[1]))\n",
        USE + "data = torch.load(os.path.join(folder, '/tmp/shared/model.pt'))\n",
        USE + "data = torch.load(Path(folder) / '/tmp/shared/model.pt')\n",
        USE + "data = torch.load(folder + '/../../tmp/model.pt')\n",
        USE + "data = torch.load(f'{folder}{sys.argv[1]}')\n",
        # the folder is written over, or is another folder
        USE + "urllib.request.urlretrieve(URL, os.path.join(folder, 'x.pt'))\n"
        "data = torch.load(os.path.join(folder, 'x.pt'))\n",
        USE + "os.system(f'wget -O {folder}/x.pt ' + URL)\ndata = torch.load(os.path.join(folder, 'x.pt'))\n",
        "folder = run.use_artifact('mnist-raw:latest').download(root='/tmp/shared')\n"
        "data = torch.load(os.path.join(folder, 'x.pt'))\n",
        # names may be rebound unseen
        USE + "globals()['folder'] = sys.argv[1]\ndata = torch.load(os.path.join(folder, 'x.pt'))\n",
    ],
)
def test_red_team_look_alikes_keep_their_severity(tmp_path: Path, rest: str) -> None:
    assert severities(scan_code(tmp_path, SCRIPT_LOG + rest, "pipeline.py")) == ["high"]


@pytest.mark.parametrize(
    "log",
    [
        # the project chosen at run time, positionally, by settings or by the environment
        SCRIPT_LOG.replace("wandb.init(project='p')", "wandb.init(project=sys.argv[1])"),
        SCRIPT_LOG.replace("wandb.init(project='p')", "wandb.init('someone', 'p')"),
        SCRIPT_LOG.replace("wandb.init(project='p')", "wandb.init(project='p', settings=wandb.Settings(x=1))"),
        SCRIPT_LOG + "os.environ['WANDB_PROJECT'] = 'other'\n",
        SCRIPT_LOG + "start = wandb.init\n",
        SCRIPT_LOG + "wandb.login(host='https://other.example')\n",
        # "logged" means this object, on one of the code's runs
        SCRIPT_LOG.replace("run.log_artifact(raw)", "import mlflow\nmlflow.log_artifact(raw)"),
        SCRIPT_LOG.replace("run.log_artifact(raw)", "raw = wandb.Artifact('other', type='x')\nrun.log_artifact(raw)"),
    ],
)
def test_a_project_or_log_not_known_to_be_the_codes_keeps_the_severity(tmp_path: Path, log: str) -> None:
    rest = USE + "data = torch.load(os.path.join(folder, 'x.pt'))\n"
    assert severities(scan_code(tmp_path, log + rest, "pipeline.py")) == ["high"]


def test_a_name_logged_in_another_scope_under_the_same_holder_is_not_logged(tmp_path: Path) -> None:
    source = (
        "import os, torch, wandb\n"
        "def make():\n    artifact = wandb.Artifact('resnet', type='model')\n    return artifact\n"
        "def log(run):\n    artifact = wandb.Artifact('mnist-raw', type='dataset')\n    run.log_artifact(artifact)\n"
        "run = wandb.init(project='p')\nlog(run)\n"
        "folder = run.use_artifact('resnet:latest').download()\ndata = torch.load(os.path.join(folder, 'x.pt'))\n"
    )
    assert severities(scan_code(tmp_path, source, "pipeline.py")) == ["high"]


def test_an_artifact_used_above_the_line_that_logs_it_is_not_its_own(tmp_path: Path) -> None:
    use = "with wandb.init(project='p') as run:\n" + "    " + USE + "    data = torch.load(folder + '/x.pt')\n"
    assert severities(scan_code(tmp_path, notebook(use, LOG), "nb.ipynb")) == ["high"]


def test_a_download_of_another_artifact_into_its_own_folder_does_not_spoil_the_load(tmp_path: Path) -> None:
    other = "    other = run.use_artifact('team/q/embeddings:v2').download()\n"
    use = "with wandb.init(project='p') as run:\n" + other + "    " + USE + "    data = torch.load(folder + '/x.pt')\n"
    assert severities(scan_code(tmp_path, notebook(LOG, use), "nb.ipynb")) == ["low"]
