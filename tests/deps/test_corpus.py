"""The public dependency corpus against the frozen PyPA advisory snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hooks._core.policy import Policy
from hooks.deps.spec import SPEC as DEPS_SPEC
from tests.conftest import CORPUS, SHARED, corpus_entries, requires_shared
from tests.scanning import findings_of


def _entries() -> list[Any]:
    return corpus_entries("deps")


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("advisory-cache")  # the 2,661-record index is built once


@requires_shared
@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_corpus_file(
    tmp_path: Path, entry: dict[str, Any], shared_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(shared_cache))
    copy = tmp_path / Path(entry["file"]).name
    shutil.copyfile(CORPUS / "deps" / entry["file"], copy)
    policy = Policy(root=tmp_path, sections={"deps": {"advisory_db": str(SHARED / "advisory-db" / "vulns")}})
    findings = findings_of(DEPS_SPEC, copy, copy.name, policy)
    by_line: dict[int, list[str]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding.message)
    for label in entry["labels"]:
        messages = " ".join(by_line.get(label["line"], []))
        if label["expect"] == "expected":
            assert messages, label
            for advisory in label.get("advisories", []):
                assert advisory in messages, (advisory, messages)
        else:
            assert not messages, (label, messages)
