"""No scanned content ever runs, whichever command reads it: every hook, `mlsec scan` and
`mlsec explain`, on a repository where every file tries to run something when loaded, imported,
executed or YAML-constructed.

The commands run in a fresh interpreter behind an audit hook that refuses (raises in) every
way content could run: unpickling any global, starting a process, and executing code compiled
from a file of the repository or importing a module named like one. Each payload would also
write its own canary file, so a payload that ran by a path the hook does not see is caught too.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hooks.catalog import HOOKS
from tests.artifacts.helpers import Payload

GUARD = r"""
import os, sys
REPO = os.path.realpath(sys.argv[1])
SCANNED_MODULES = {"setup", "train", "conftest", "evil", "sitecustomize", "usercustomize"}
REFUSED = ("pickle.find_class", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "os.fork")

def guard(event, args):
    if event in REFUSED:
        raise RuntimeError(f"refused {event} {args[:2]!r}")
    if event == "exec" and args and getattr(args[0], "co_filename", "").startswith(REPO):
        raise RuntimeError(f"refused exec of {args[0].co_filename}")
    if event == "import" and args and args[0].split(".")[0] in SCANNED_MODULES:
        raise RuntimeError(f"refused import of {args[0]}")

sys.addaudithook(guard)
os.chdir(REPO)
from hooks.cli.mlsec import main as mlsec
from hooks.cli.entry_points import __getattr__ as hook
kind, name = sys.argv[2], sys.argv[3]
argv = sys.argv[4:]
code = mlsec(argv) if kind == "mlsec" else hook(name)(argv)
print(f"EXIT {code}", file=sys.stderr)
"""


def _canary_code(canary: Path) -> str:
    return f"open({str(canary)!r}, 'w').close()\n"


def _build(repo: Path) -> dict[str, Path]:
    """Every file tries to write its canary; returns canary paths by the file that holds them."""
    canaries: dict[str, Path] = {}

    def canary(name: str) -> Path:
        canaries[name] = repo / f"canary-{len(canaries)}"
        return canaries[name]

    def touch(name: str) -> str:
        return f"touch {canary(name)}"

    (repo / "model.pkl").write_bytes(pickle.dumps(Payload(os.system, touch("model.pkl")), protocol=2))
    with zipfile.ZipFile(repo / "model.pt", "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps(Payload(exec, _canary_code(canary("model.pt"))), protocol=2))
        archive.writestr("archive/version", "3\n")
    header = b"{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
    header += b" " * (127 - 10 - len(header)) + b"\n"
    npy = b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header
    (repo / "names.npy").write_bytes(npy + pickle.dumps(Payload(os.system, touch("names.npy")), protocol=3))
    (repo / "evil.pth").write_text(f"import os; os.system({touch('evil.pth')!r})\n")
    for name in ("setup.py", "train.py", "conftest.py", "evil.py"):
        # mlsec-code blocks on the unpickling line (commands of constants are low): exit 1 shows it read it.
        unpickle = "import pickle, sys\npickle.loads(sys.stdin.buffer.read())\n"
        (repo / name).write_text(f"import os\n{_canary_code(canary(name))}os.system({touch(name)!r})\n{unpickle}")
    (repo / "requirements.txt").write_text("-e .\n./\ntorch==2.3.0\n")
    (repo / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "evil"\n'
        '[project]\nname = "x"\ndependencies = ["torch==2.3.0"]\n'
    )
    yaml_bomb = f'!!python/object/apply:os.system ["{touch("yaml")}"]'
    (repo / "environment.yml").write_text(f"name: {yaml_bomb}\ndependencies:\n  - python=3.11\n")
    (repo / "config.yaml").write_text(f"model: {yaml_bomb}\n")
    (repo / ".mlsec.yaml").write_text("# a valid policy: the commands must get past it and read every file\n")
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": [_canary_code(canary("notebook-code")), f"!{touch('notebook-shell')}\n", "%run evil.py\n"],
            },
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (repo / "train.ipynb").write_text(json.dumps(notebook))
    (repo / "Dockerfile").write_text(f"FROM python:3.11\nRUN {touch('Dockerfile')}\n")
    (repo / "data.csv").write_text(f"id,cmd\n1,\"=cmd|'/c {touch('data.csv')}'!A0\"\n")
    return canaries


def _run(repo: Path, kind: str, name: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MLSEC_JOBS": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", GUARD, str(repo), kind, name, *argv],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    repo = tmp_path_factory.mktemp("nothing_runs")
    (repo / ".git").mkdir()
    return repo, _build(repo)


def _files(repo: Path) -> list[str]:
    return sorted(p.name for p in repo.iterdir() if p.is_file() and not p.name.startswith("canary-"))


COMMANDS = [("mlsec", "scan", ["scan", "."]), ("mlsec", "explain", ["explain", "model.pkl", "model.pt", "names.npy"])]
COMMANDS += [("hook", spec.hook_id.replace("-", "_"), []) for spec in HOOKS]


@pytest.mark.parametrize(("kind", "name", "argv"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_no_command_runs_scanned_content(
    hostile_repo: tuple[Path, dict[str, Path]], kind: str, name: str, argv: list[str]
) -> None:
    repo, canaries = hostile_repo
    result = _run(repo, kind, name, argv or _files(repo))
    fired = [holder for holder, path in canaries.items() if path.exists()]
    assert not fired, f"payloads ran: {fired}"
    assert "refused" not in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    # The command got past the policy and read the files (scan and the hooks with something to
    # say here end in findings); it did not stop early with a usage error.
    quiet = {"explain": "EXIT 0", "mlsec_secrets": "EXIT 0", "mlsec_data": "EXIT 0"}
    assert result.stderr.strip().splitlines()[-1] == quiet.get(name, "EXIT 1"), result.stderr[-2000:]


def test_a_policy_with_a_python_tag_runs_nothing(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    canary = tmp_path / "canary-policy"
    (tmp_path / ".mlsec.yaml").write_text(f'artifacts: !!python/object/apply:os.system ["touch {canary}"]\n')
    (tmp_path / "model.pkl").write_bytes(pickle.dumps({"a": 1}))
    result = _run(tmp_path, "mlsec", "scan", ["scan", "."])
    assert not canary.exists()
    assert "refused" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1] == "EXIT 2"  # one line about the policy, exit 2


def test_the_guard_refuses_what_it_should(tmp_path: Path) -> None:
    """The audit hook is live: a real unpickle and a process start under it are refused."""
    probe = (
        "import sys; sys.argv = ['x', sys.argv[1], 'mlsec', 'x']\n"
        + GUARD.split("from hooks.cli")[0]
        + "import pickle, subprocess\n"
        + "for act in (lambda: pickle.loads(pickle.dumps(print)), lambda: subprocess.run(['true'])):\n"
        + "    try:\n        act()\n        print('RAN')\n"
        + "    except RuntimeError as exc:\n        print('REFUSED', exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert out.stdout.count("REFUSED") == 2 and "RAN" not in out.stdout, out.stdout + out.stderr
