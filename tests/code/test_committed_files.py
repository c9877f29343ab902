from __future__ import annotations

import os
import pickle
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.committed_files import checkout_root, committed_file
from tests.code.helpers import notebook, scan_code

# A served model that loads its file at start-up: without context a load in serving code blocks.
APP = (
    "import pickle\nfrom flask import Flask, request\n"
    "with open('{path}', 'rb') as f:\n"
    "    model = pickle.load(f)\n"
    "app = Flask('m')\n"
    "@app.route('/predict', methods=['POST'])\n"
    "def predict():\n"
    "    return str(model.predict(request.get_json()))\n"
)
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 12\n"


def b301(findings: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    return [(f.line, f.severity.value) for f in findings if f.rule_id == "B301"]


def commit(root: Path, path: str, content: bytes = b"\x80\x04N.", *, track: bool = True) -> Path:
    """Write a file below `root` (a git repository, made on first use) and add it to the index."""
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    if track:
        subprocess.run(["git", "-C", str(root), "add", "--", path], check=True)
    return target


# --- the lookup ---------------------------------------------------------------------------------
def test_a_relative_path_is_looked_up_beside_the_code_and_for_scripts_at_the_top(tmp_path: Path) -> None:
    commit(tmp_path, "serve/model.bin")
    commit(tmp_path, "weights/dv.bin")
    folder = tmp_path / "serve"
    assert committed_file("model.bin", folder, "serve", notebook=False) == "serve/model.bin"
    assert committed_file("./model.bin", folder, "serve", notebook=True) == "serve/model.bin"
    assert committed_file("../weights/dv.bin", folder, "serve", notebook=True) == "weights/dv.bin"
    # From the top folder a script may read `weights/dv.bin`; a notebook runs in its own folder.
    assert committed_file("weights/dv.bin", folder, "serve", notebook=False) == "weights/dv.bin"
    assert committed_file("weights/dv.bin", folder, "serve", notebook=True) is None


def test_what_the_artifact_hook_does_not_see_is_not_committed(tmp_path: Path) -> None:
    commit(tmp_path, "outside.bin")
    repo = tmp_path / "repo"
    commit(repo, "app/pointer.bin", LFS_POINTER)
    (repo / "app").mkdir(exist_ok=True)
    os.symlink(tmp_path / "outside.bin", repo / "app" / "linked.bin")
    os.symlink(tmp_path, repo / "app" / "mnt")
    (repo / "app" / "folder.bin").mkdir()
    folder = repo / "app"
    assert committed_file("pointer.bin", folder, "app", notebook=False) is None  # the model was never fetched
    assert committed_file("linked.bin", folder, "app", notebook=False) is None  # a link may leave the checkout
    assert committed_file("mnt/outside.bin", folder, "app", notebook=False) is None  # so may a linked folder
    assert committed_file("folder.bin", folder, "app", notebook=False) is None
    assert committed_file("missing.bin", folder, "app", notebook=False) is None
    assert committed_file("../../outside.bin", folder, "app", notebook=False) is None  # above the checkout
    assert committed_file(str(tmp_path / "outside.bin"), folder, "app", notebook=False) is None  # absolute
    assert committed_file("pointer.bin", None, "app", notebook=False) is None  # code that runs elsewhere
    commit(repo, "app/untracked.bin", track=False)
    assert committed_file("untracked.bin", folder, "app", notebook=False) is None  # not in git's index
    commit(repo, "app/tracked.bin")
    assert committed_file("tracked.bin", folder, "app", notebook=False) == "app/tracked.bin"


def test_the_top_folder_comes_from_the_code_folder_only_when_the_names_line_up(tmp_path: Path) -> None:
    assert checkout_root(tmp_path / "a" / "b", "a/b") == tmp_path
    assert checkout_root(tmp_path / "a" / "b", "") == tmp_path / "a" / "b"
    assert checkout_root(tmp_path / "a" / "b", "x/b") is None
    assert checkout_root(tmp_path / "a", "../a") is None
    assert checkout_root(tmp_path / "a", "/abs/a") is None


@settings(max_examples=300, deadline=None)
@given(path=st.text(max_size=80), source_folder=st.text(max_size=40), as_notebook=st.booleans())
def test_garbage_paths_never_raise_and_never_leave_the_checkout(
    tmp_path_factory: pytest.TempPathFactory, path: str, source_folder: str, as_notebook: bool
) -> None:
    root = tmp_path_factory.getbasetemp() / "garbage-root"
    if not (root / "model.bin").exists():
        commit(root, "model.bin")
    found = committed_file(path, root, source_folder, notebook=as_notebook)
    assert found is None or (found == "model.bin" and (root / found).is_file())


# --- the code hook --------------------------------------------------------------------------------
def test_serving_code_that_loads_a_committed_file_is_low(tmp_path: Path) -> None:
    commit(tmp_path, "model.pkl", pickle.dumps({"weights": [1, 2]}))
    findings = scan_code(tmp_path, APP.format(path="model.pkl"), "app.py")
    assert b301(findings) == [(4, "low")]
    assert "model.pkl, a file committed in the repository" in next(f.message for f in findings if f.rule_id == "B301")


def test_serving_code_that_loads_anything_else_blocks(tmp_path: Path) -> None:
    # Nothing committed at that path: whatever is there when the server starts.
    assert b301(scan_code(tmp_path, APP.format(path="model.pkl"), "app.py")) == [(4, "medium")]
    # A Git LFS pointer: the model comes from the LFS server and was never analysed.
    commit(tmp_path, "lfs.pkl", LFS_POINTER)
    assert b301(scan_code(tmp_path, APP.format(path="lfs.pkl"), "app.py")) == [(4, "medium")]
    # A committed file the same code also downloads over: the bytes loaded are the download's.
    commit(tmp_path, "fetched.pkl")
    fetched = "import urllib.request\nurllib.request.urlretrieve(URL, 'fetched.pkl')\n" + APP.format(path="fetched.pkl")
    assert b301(scan_code(tmp_path, fetched, "app.py")) == [(6, "medium")]
    # A file on disk that git does not track (downloaded beside the code, never committed): the
    # artifact hook is never handed it, and a clean checkout does not have it.
    commit(tmp_path, "local.pkl", track=False)
    assert b301(scan_code(tmp_path, APP.format(path="local.pkl"), "app.py")) == [(4, "medium")]
    # A committed file of the same name elsewhere does not make this path committed.
    commit(tmp_path, "models/other.pkl")
    assert b301(scan_code(tmp_path, APP.format(path="other.pkl"), "app.py")) == [(4, "medium")]
    # `profile: strict` keeps every load's severity.
    commit(tmp_path, "model.pkl")
    strict = Policy(root=tmp_path, profile="strict")
    assert b301(scan_code(tmp_path, APP.format(path="model.pkl"), "app.py", policy=strict)) == [(4, "medium")]


def test_a_written_script_is_not_looked_up_beside_the_notebook(tmp_path: Path) -> None:
    # `%%writefile score.py` runs in a container, from another folder: a file committed beside the
    # notebook is not what it loads.
    commit(tmp_path, "model.pkl")
    cell = "%%writefile score.py\n" + APP.format(path="model.pkl")
    assert b301(scan_code(tmp_path, notebook(cell), "deploy.ipynb")) == [(5, "medium")]
