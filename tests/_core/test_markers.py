from __future__ import annotations

import re

import pytest

from hooks._core.markers import MAX_MARKER_IDS, MAX_QUOTED_MARKERS, bare_markers, parse_markers
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


def test_a_marker_after_a_few_quoted_look_alikes_counts() -> None:
    line = "x = '" + "# mlsec: ignore[MLS301] " * 3 + "'  # mlsec: ignore[MLS302] real"
    (marker,) = parse_markers(line)
    assert marker.ids == ("MLS302",)


def test_past_the_quoted_look_alike_cap_a_marker_silences_nothing() -> None:
    """Red team: each quoted look-alike cost a scan of the text before it, so a line of 70,000
    took minutes; past MAX_QUOTED_MARKERS the line has no marker (the findings stay)."""
    line = "x = '" + "#mlsec:ignore" * (MAX_QUOTED_MARKERS + 1) + "'  # mlsec: ignore[MLS302]"
    assert parse_markers(line) == []
    assert parse_markers("x = '" + "#mlsec:ignore" * 70_000 + "'") == []


def test_a_marker_names_at_most_max_marker_ids_rules() -> None:
    ids = ", ".join(f"MLS{300 + i}" for i in range(MAX_MARKER_IDS + 5))
    (marker,) = parse_markers(f"x  # mlsec: ignore[{ids}]")
    assert len(marker.ids) == MAX_MARKER_IDS and marker.ids[0] == "MLS300"
    (few,) = parse_markers("x  # mlsec: ignore[MLS301, MLS302]")
    assert few.ids == ("MLS301", "MLS302")
