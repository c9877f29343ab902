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
