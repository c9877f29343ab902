"""The public secrets corpus: every expected secret is found, nothing else is reported."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hooks._core.policy import Policy
from hooks.secrets.spec import SPEC as SECRETS_SPEC
from tests.conftest import CORPUS, corpus_entries, requires_shared
from tests.scanning import findings_of


def _entries() -> list[Any]:
    return corpus_entries("secrets")


def _unit(finding: Any) -> tuple[int | None, str, int | None]:
    part = "output" if finding.output is not None else "source"
    return (finding.cell - 1 if finding.cell is not None else None, part, finding.output)


@requires_shared
@pytest.mark.parametrize(("name", "entry"), _entries(), ids=[e[0] for e in _entries()])
def test_corpus_file(tmp_path: Path, name: str, entry: dict[str, Any]) -> None:
    copy = tmp_path / Path(name).name
    shutil.copyfile(CORPUS / "secrets" / name, copy)
    findings = findings_of(SECRETS_SPEC, copy, copy.name, Policy(root=tmp_path))
    assert all(f.rule_id.startswith("MLS2") for f in findings), findings
    if entry["kind"] == "notebook":
        expected = {(e["cell"], e["part"], e.get("output_index")) for e in entry["expected"]}
        assert {_unit(f) for f in findings} == expected
    else:
        for item in entry["expected"]:
            assert any(item["line"] <= f.line <= item["end_line"] for f in findings), item["id"]
        ranges = [(e["line"], e["end_line"]) for e in entry["expected"]]
        assert all(any(lo <= f.line <= hi for lo, hi in ranges) for f in findings), findings
