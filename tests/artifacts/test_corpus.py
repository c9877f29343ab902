"""The public corpus: every malicious file fails the hook, every benign one passes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hooks.cli.entry_points import mlsec_artifacts as main
from tests.conftest import CORPUS, corpus_entries, requires_shared


def _entries() -> list[Any]:
    return corpus_entries("artifacts")


@requires_shared
@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_corpus_file(entry: dict[str, str], repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = CORPUS / "artifacts" / entry["file"]
    copy = repo / Path(entry["file"]).name
    shutil.copyfile(source, copy)  # the corpus is read-only; scanning never needs more than a copy
    code = main([copy.name])
    output = capsys.readouterr().out
    if entry["label"] == "malicious":
        assert code == 1, output
        assert "MLS1" in output  # a real detection, not only a could-not-parse finding
    else:
        assert code == 0, output
        assert output == ""
    assert not list(repo.glob("canary_pickle_*"))
