"""Which model files the result cache keys, and on what (hooks/artifacts/cache_inputs.py)."""

from __future__ import annotations

from pathlib import Path

from hooks._core.cache import ResultCache
from hooks._core.policy import Policy
from hooks.artifacts.cache_inputs import LARGEST_CACHED_BYTES, cache_inputs
from hooks.catalog import spec_for

ARTIFACTS = spec_for("mlsec-artifacts")


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(b"\x80\x04N.")
        handle.truncate(size)  # sparse: no disk used, the size is what counts
    return path


def test_a_checkpoint_larger_than_its_hash_is_worth_is_scanned_not_cached(tmp_path: Path) -> None:
    cache = ResultCache.open(tmp_path / "cache")
    policy = Policy(root=tmp_path)
    large = _sparse(tmp_path / "large.pt", LARGEST_CACHED_BYTES + 1)
    at_limit = _sparse(tmp_path / "at_limit.pt", LARGEST_CACHED_BYTES)
    assert cache_inputs(large, "large.pt", policy) is None
    assert cache.probe(ARTIFACTS, large, "large.pt", policy) is None
    assert cache.stats.uncacheable == 1
    assert cache.probe(ARTIFACTS, at_limit, "at_limit.pt", policy) is not None


def test_a_missing_file_is_not_cached(tmp_path: Path) -> None:
    assert cache_inputs(tmp_path / "gone.pt", "gone.pt", Policy(root=tmp_path)) is None


def test_the_gate_record_keys_a_gated_model(tmp_path: Path) -> None:
    model = _sparse(tmp_path / "model.safetensors", 16)
    required = Policy(root=tmp_path, sections={"artifacts": {"require_gate_record": True}})
    inputs = cache_inputs(model, "model.safetensors", required)
    assert inputs is not None and len(inputs) == 1 and isinstance(inputs[0], Path)
    assert cache_inputs(model, "model.safetensors", Policy(root=tmp_path)) == []


def test_a_shelves_index_keys_its_data_file(tmp_path: Path) -> None:
    """A change to the `.dir` alone changes which records of the `.dat` are read: the verdict of
    the data file is keyed on the index too, present or not."""
    cache = ResultCache.open(tmp_path / "cache")
    policy = Policy(root=tmp_path)
    data = _sparse(tmp_path / "cache.shelve.dat", 16)
    assert cache_inputs(data, "cache.shelve.dat", policy) == [tmp_path / "cache.shelve.dir"]
    without = cache.probe(ARTIFACTS, data, "cache.shelve.dat", policy)
    (tmp_path / "cache.shelve.dir").write_text("'a', (0, 4)\n")
    first = cache.probe(ARTIFACTS, data, "cache.shelve.dat", policy)
    (tmp_path / "cache.shelve.dir").write_text("'a', (0, 4)\n'b', (8, 4)\n")
    second = cache.probe(ARTIFACTS, data, "cache.shelve.dat", policy)
    assert without is not None and first is not None and second is not None
    assert len({without.key, first.key, second.key}) == 3
    assert cache_inputs(_sparse(tmp_path / "model.pt", 16), "model.pt", policy) == []
