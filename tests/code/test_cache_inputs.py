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


def test_a_load_is_keyed_on_what_the_tooling_around_it_fetches(tmp_path: Path) -> None:
    # A fixed-path load is low until a Makefile, CI step or a script beside it fetches that file:
    # the verdict is keyed on those files' fetching words, not on their every byte.
    policy = Policy(root=tmp_path)
    script = tmp_path / "batch.py"
    script.write_text("import joblib\nm = joblib.load('model.joblib')\n")
    first = cache_inputs(script, "batch.py", policy)
    assert first is not None and len(first) == 1 and str(first[0]).startswith("tooling:")
    (tmp_path / "Makefile").write_text("test:\n\tpytest -q\n")
    assert cache_inputs(script, "batch.py", policy) == first  # no fetching line: the same answers
    (tmp_path / "Makefile").write_text("model:\n\twget -O model.joblib $(URL)\n")
    assert cache_inputs(script, "batch.py", policy) != first
