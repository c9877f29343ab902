"""held_beside: a regular file git tracks inside the scanned folder, reached through no link;
imported_anywhere: whether any file of the repository may import a script."""

from __future__ import annotations

import subprocess
from pathlib import Path

from hooks._core.paths import find_repo_root
from hooks.code.committed_files import held_beside, imported_anywhere


def _git(top: Path, *files: str) -> None:
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    if files:
        subprocess.run(["git", "-C", str(top), "add", "--", *files], check=True)


def test_a_tracked_regular_file_beside_the_code_is_held(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "dv.bin").write_bytes(b"x")
    (tmp_path / "shared.bin").write_bytes(b"x")
    _git(tmp_path, "app/dv.bin", "shared.bin")
    assert held_beside(tmp_path / "app", tmp_path, "dv.bin")
    assert held_beside(tmp_path / "app", tmp_path, "./dv.bin")
    assert held_beside(tmp_path / "app", tmp_path, "../shared.bin")


def test_look_alikes_are_not_held(tmp_path: Path) -> None:
    top = tmp_path / "repo"
    (top / "app" / "models").mkdir(parents=True)
    (top / "app" / "cache" / "deep").mkdir(parents=True)
    (tmp_path / "outside.bin").write_bytes(b"x")
    (top / "app" / "link.bin").symlink_to(tmp_path / "outside.bin")
    (top / "app" / "linked").symlink_to(top / "app" / "models")
    (top / "app" / "hop").symlink_to(top / "app" / "cache" / "deep")
    (top / "app" / "models" / "m.bin").write_bytes(b"x")
    (top / "app" / "dv.bin").write_bytes(b"x")
    (top / "app" / "cache" / "dv.bin").write_bytes(b"x")
    (top / "app" / "untracked.bin").write_bytes(b"x")
    _git(top, "app/models/m.bin", "app/dv.bin", "app/cache/dv.bin")
    app = top / "app"
    assert not held_beside(app, top, "missing.bin")
    assert not held_beside(app, top, "untracked.bin")  # never committed: the model hook never sees it
    assert not held_beside(app, top, "models")  # a folder
    assert not held_beside(app, top, "link.bin")  # a link out of the repository
    assert not held_beside(app, top, "linked/m.bin")  # a link on the way, even to a file inside
    assert not held_beside(app, top, "hop/../dv.bin")  # the system resolves `..` after the link
    assert not held_beside(app, top, "models\\m.bin")  # read differently on another platform
    assert not held_beside(app, top, "~/dv.bin")
    assert not held_beside(app, top, "../../outside.bin")  # above the scanned folder
    assert not held_beside(app, top, str(tmp_path / "outside.bin"))  # absolute
    assert not held_beside(app, None, "models/m.bin")  # the scanned folder is not known
    assert not held_beside(app, top, "m\x00.bin")
    assert held_beside(app, top, "models/m.bin")
    assert held_beside(app, top, "dv.bin")


def test_a_script_imported_by_any_file_of_the_repository_is_imported(tmp_path: Path) -> None:
    (tmp_path / "predict.py").write_text("def load(p): ...\n")
    (tmp_path / "train.py").write_text("import pickle\n")
    assert not imported_anywhere(tmp_path, "predict")
    for importer in (
        "from predict import load\n",
        "import predict\n",
        "import predict as p\n",
        "import os, predict\n",
        "from .predict import load\n",
        "from . import predict\n",
        "from . import *\n",
        "m = importlib.import_module('predict')\n",
        "runpy.run_path('predict.py')\n",
    ):
        (tmp_path / "app.py").write_text(importer)
        find_repo_root(tmp_path)  # a new run reads the files again
        assert imported_anywhere(tmp_path, "predict"), importer
    (tmp_path / "app.py").write_text("from torch import *\nimport predictor\n")
    find_repo_root(tmp_path)
    assert not imported_anywhere(tmp_path, "predict")
    (tmp_path / "nb.ipynb").write_text('{"cells": [{"source": ["from predict import load\\n"]}]}')
    find_repo_root(tmp_path)
    assert imported_anywhere(tmp_path, "predict")
    assert imported_anywhere(None, "predict")
