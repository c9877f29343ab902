"""The public Dockerfile corpus: every expected instruction flagged, no safe one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hooks._core.policy import Policy
from hooks.docker.spec import SPEC as DOCKER_SPEC
from tests.conftest import CORPUS, corpus_entries, requires_shared
from tests.scanning import findings_of


def _entries() -> list[Any]:
    return corpus_entries("docker")


@requires_shared
@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_corpus_file(tmp_path: Path, entry: dict[str, Any]) -> None:
    copy = tmp_path / "Dockerfile"
    shutil.copyfile(CORPUS / "docker" / entry["file"], copy)
    lines = {f.line for f in findings_of(DOCKER_SPEC, copy, "Dockerfile", Policy(root=tmp_path))}
    for label in entry["labels"]:
        hit = any(line in lines for line in range(label["line"], label.get("end_line", label["line"]) + 1))
        if label["kind"] == "expected":
            assert hit, label
        elif label["kind"] == "safe":
            assert not hit, label
