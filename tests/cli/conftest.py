from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

UNSAFE_CODE = "import torch\nimport yaml\nm = torch.load(path)\nd = yaml.load(open(config_path), Loader=yaml.Loader)\n"


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real git repository as the working directory (mlsec baseline reads what git tracks)."""
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path
