"""`--shard K/N`: every path in exactly one shard, by its path alone (hooks/_core/shard.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._core.errors import UsageError
from hooks._core.shard import MAX_SHARDS, Shard, shard_of


@pytest.mark.parametrize("text", ["", "1", "0/2", "3/2", "1/0", "-1/2", "a/b", "1/2/3", "1 /2x", f"1/{MAX_SHARDS + 1}"])
def test_malformed_shards_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        Shard.parse(text)


def test_a_shard_reads_like_a_ci_matrix() -> None:
    assert Shard.parse(" 2/4 ") == Shard(2, 4)
    assert Shard(2, 4).label == "shard-2-of-4"


@given(st.lists(st.text(min_size=1, max_size=40), max_size=60, unique=True), st.integers(1, 9))
def test_shards_partition_the_files(paths: list[str], count: int) -> None:
    shards = [Shard(index, count) for index in range(1, count + 1)]
    owners = [[shard for shard in shards if shard.holds(path)] for path in paths]
    assert all(len(found) == 1 for found in owners)


def test_the_split_is_stable_and_spread() -> None:
    paths = [f"notebooks/{index:04d}.ipynb" for index in range(4000)]
    counts = [sum(shard_of(path, 4) == index for path in paths) for index in range(1, 5)]
    assert min(counts) > 900  # close to 1000 each
    # Fixed forever (sha256 of the path): CI caches and reruns of one shard must see the same files,
    # whatever the Python hash seed or the machine.
    assert [shard_of(path, 4) for path in paths[:8]] == [2, 3, 1, 4, 4, 1, 3, 3]
    assert shard_of("train.py", 7) == 1
