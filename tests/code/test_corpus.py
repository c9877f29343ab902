"""The public code corpus: every expected line flagged, no safe or suppressed line flagged."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hooks._core.policy import Policy
from hooks.code.spec import SPEC as CODE_SPEC
from tests.conftest import CORPUS, corpus_entries, requires_shared
from tests.scanning import findings_of


def _entries() -> list[Any]:
    return corpus_entries("code")


@requires_shared
@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_corpus_file(tmp_path: Path, entry: dict[str, Any]) -> None:
    copy = tmp_path / Path(entry["file"]).name
    shutil.copyfile(CORPUS / "code" / entry["file"], copy)
    findings = findings_of(CODE_SPEC, copy, copy.name, Policy(root=tmp_path))
    flagged = {((f.cell - 1) if f.cell is not None else None, f.line) for f in findings}
    for label in entry["labels"]:
        lines = range(label["line"], label.get("end_line", label["line"]) + 1)
        hit = any((label.get("cell"), line) in flagged for line in lines)
        if label["kind"] == "expected":
            assert hit, label
        elif label["kind"] in ("safe", "suppressed"):
            assert not hit, (label, findings)
