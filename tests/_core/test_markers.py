from __future__ import annotations

import re

import pytest

from hooks._core.markers import bare_markers, parse_markers
from hooks._core.spec import ForeignMarker

NOSEC = ForeignMarker("nosec", "nosec", re.compile(r"#\s*nosec\b:?(?P<ids>(?:[\s,]*(?:[A-Za-z]+\d+))*)"), r"B\d{3}")


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        ("x = load(f)  # mlsec: ignore[MLS301] reviewed", ("MLS301",)),
        ("x = 1  # mlsec: ignore[MLS301, mls302] two", ("MLS301", "MLS302")),
        ("x  #mlsec:ignore[B614]", ("B614",)),
        ("x  # MLSEC: IGNORE[MLS101] caps", ("MLS101",)),
        ("x  # mlsec: ignore[MLS999]", ("MLS999",)),
    ],
)
def test_marker_with_ids(line: str, ids: tuple[str, ...]) -> None:
    (marker,) = parse_markers(line)
    assert marker.kind == "mlsec" and marker.ids == ids and not marker.is_bare and not marker.own_line


@pytest.mark.parametrize("line", ["x  # mlsec: ignore", "x  # mlsec: ignore because", "x # mlsec: ignore[]"])
def test_bare_markers(line: str) -> None:
    (marker,) = parse_markers(line)
    assert marker.is_bare


def test_lookalikes_are_not_markers() -> None:
    assert parse_markers("x = 'mlsec ignore'  # just a comment") == []
    assert parse_markers("x = '# mlsec: ignore[MLS301]'") == []
    assert parse_markers("y = 2  # mlsec: ignore[MLS301]")[0].column == 8
    assert bare_markers("a  # mlsec: ignore\nb = '# mlsec: ignore'\n") == [(1, 4)]


def test_comment_line_markers_are_marked_own_line() -> None:
    assert parse_markers("    # mlsec: ignore[MLS306] reviewed")[0].own_line


def test_foreign_markers() -> None:
    (marker,) = parse_markers("x = pickle.loads(d)  # nosec B301, B403 reviewed", (NOSEC,))
    assert marker.kind == "nosec" and marker.ids == ("B301", "B403")
    (bare,) = parse_markers("x = pickle.loads(d)  # nosec", (NOSEC,))
    assert bare.is_bare
    assert parse_markers("x = 'nosec'", (NOSEC,)) == []
