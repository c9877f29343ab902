"""What a script's cached verdict is keyed on besides its bytes (hooks/code/cache_inputs.py)."""

from __future__ import annotations

from pathlib import Path

from hooks._core.cache import ResultCache
from hooks._core.policy import Policy
from hooks.catalog import spec_for
from hooks.code.cache_inputs import cache_inputs

CODE = spec_for("mlsec-code")


def test_a_script_reading_the_mount_is_keyed_on_the_definitions_beside_it(tmp_path: Path) -> None:
    policy = Policy(root=tmp_path)
    (tmp_path / "steps").mkdir()
    script = tmp_path / "steps" / "evaluate.py"
    script.write_text("import joblib\nm = joblib.load('/opt/ml/processing/model/model.joblib')\n")
    definition = tmp_path / "pipeline.py"
    definition.write_text("steps = []\n")
    inputs = cache_inputs(script, "steps/evaluate.py", policy)
    assert inputs is not None and definition in inputs
    cache = ResultCache.open(tmp_path / "cache")
    before = cache.probe(CODE, script, "steps/evaluate.py", policy)
    definition.write_text("steps = ['wired']\n")
    cache = ResultCache.open(tmp_path / "cache")  # a new run: file digests are read again
    after = cache.probe(CODE, script, "steps/evaluate.py", policy)
    assert before is not None and after is not None and before.key != after.key


def test_other_scripts_and_notebooks_are_keyed_on_their_own_bytes(tmp_path: Path) -> None:
    policy = Policy(root=tmp_path)
    script = tmp_path / "report.py"
    script.write_text("print('no file is read here')\n")
    (tmp_path / "pipeline.py").write_text("steps = []\n")
    assert cache_inputs(script, "report.py", policy) == []
    (tmp_path / "nb.ipynb").write_text('{"cells": []}')
    assert cache_inputs(tmp_path / "nb.ipynb", "nb.ipynb", policy) == []
    assert cache_inputs(tmp_path / "gone.py", "gone.py", policy) is None


def test_a_verdict_that_asked_the_projects_tooling_is_not_cached(tmp_path: Path) -> None:
    # A fixed-path load is low until a Makefile, CI step or a script beside it fetches that file:
    # such a verdict depends on other files, so the scan says it may not be kept.
    from hooks.code.scanner import CodeScanner

    policy = Policy(root=tmp_path)
    (tmp_path / "batch.py").write_text("import joblib\nm = joblib.load('model.joblib')\n")
    (tmp_path / "report.py").write_text("print('nothing loaded')\n")
    scanner = CodeScanner()
    assert not scanner.scan_file(tmp_path / "batch.py", "batch.py", policy).cacheable
    assert scanner.scan_file(tmp_path / "report.py", "report.py", policy).cacheable
    assert cache_inputs(tmp_path / "batch.py", "batch.py", policy) == []
