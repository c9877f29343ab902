"""Which file names reach mlsec-dockerfile: Dockerfiles and Containerfiles under any suffix, not
the ignore lists Docker reads beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.selection import selects
from hooks.docker.spec import SPEC


@pytest.mark.parametrize(
    "name",
    [
        "Dockerfile",
        "docker/Dockerfile.gpu",
        "Containerfile",
        "Dockerfile.model",
        "Dockerfile.dockerignore-tools",
        "serve.Dockerfile",
        "a/b.dockerfile",
    ],
)
def test_dockerfiles_are_selected(tmp_path: Path, name: str) -> None:
    path = tmp_path / "file"
    path.write_text("FROM python:3.12\n")
    assert selects(SPEC, path, name)


@pytest.mark.parametrize(
    "name",
    [
        "Dockerfile.dockerignore",
        "docker/Containerfile.dockerignore",
        "docker/Dockerfile.gpu-runtime.dockerignore",
        ".dockerignore",
        "Dockerfiles/x.py",
    ],
)
def test_ignore_lists_and_look_alikes_are_not(tmp_path: Path, name: str) -> None:
    path = tmp_path / "file"
    path.write_text("**/__pycache__\n*.pt\n")
    assert not selects(SPEC, path, name)
