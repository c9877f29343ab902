from __future__ import annotations

import pytest

from hooks._core.suppressions import is_suppressed, parse_marker


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        ("x = load(f)  # mlsec: ignore[MLS301] reviewed", {"MLS301"}),
        ("x = 1  # mlsec: ignore[MLS301, mls302] two", {"MLS301", "MLS302"}),
        ("x  #mlsec:ignore[B614]", {"B614"}),
        ("x  # MLSEC: IGNORE[MLS101] caps", {"MLS101"}),
    ],
)
def test_marker_with_ids(line: str, ids: set[str]) -> None:
    marker = parse_marker(line)
    assert marker is not None and marker.rule_ids == ids and not marker.is_bare


@pytest.mark.parametrize("line", ["x  # mlsec: ignore", "x  # mlsec: ignore because", "x # mlsec: ignore[]"])
def test_bare_marker_suppresses_nothing(line: str) -> None:
    marker = parse_marker(line)
    assert marker is not None and marker.is_bare
    assert not is_suppressed("MLS301", line)


def test_lookalikes_are_not_markers() -> None:
    assert parse_marker("x = 'mlsec ignore'  # just a comment") is None
    assert not is_suppressed("MLS302", "x  # mlsec: ignore[MLS301]")
    assert parse_marker("y = 2  # mlsec: ignore[MLS301]").column == 8  # type: ignore[union-attr]
