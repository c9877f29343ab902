"""Suppression comments on a line: ours (`# mlsec: ignore[MLS301] reason`) and other tools'
that a hook honours (`# nosec B614`, `# pragma: allowlist secret`).

A marker counts only in comment position: quoted inside a string (a message, a docstring, JSON)
it is text. A marker applies to its own line; a marker standing alone on a comment line also
applies to the line below it (Dockerfiles have no end-of-line comments, and a long line reads
better with its reason above it).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from hooks._core.spec import ForeignMarker

OUR_MARKER = re.compile(r"#\s*mlsec:\s*ignore\b(?P<ids>\[[^\]\n]*\])?", re.IGNORECASE)
_ID_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Marker:
    kind: str  # "mlsec" or a ForeignMarker's name
    ids: tuple[str, ...]  # upper-cased, as written; empty = a bare marker
    column: int  # 1-based column of the marker
    own_line: bool  # the line holds nothing but comments
    next_line_only: bool = False

    @property
    def is_bare(self) -> bool:
        return not self.ids


def in_string(prefix: str) -> bool:
    """Whether text after `prefix` sits inside a quoted string (an odd count of quotes so far)."""
    unescaped = prefix.replace("\\\\", "").replace('\\"', "").replace("\\'", "")
    return unescaped.count('"') % 2 == 1 or unescaped.count("'") % 2 == 1 or unescaped.count("`") % 2 == 1


# A marker names a few rules; past these many ids the rest silence nothing (each id is judged,
# and an unknown one reported, so a marker of 40,000 made ids would cost minutes and lines).
MAX_MARKER_IDS = 32
# Marker look-alikes inside strings looked past on one line before a real marker: each costs a
# scan of the text before it, so a line of thousands would cost time of its length squared.
MAX_QUOTED_MARKERS = 16


def _ids(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = (part.upper() for part in _ID_SPLIT.split(text.strip("[] \t")) if part)
    return tuple(itertools.islice(parts, MAX_MARKER_IDS))


def _first_outside_strings(line: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of `pattern` not inside a quoted string; None past MAX_QUOTED_MARKERS
    quoted look-alikes (a marker found too late silences nothing: the finding stays)."""
    for count, match in enumerate(pattern.finditer(line)):
        if count >= MAX_QUOTED_MARKERS:
            return None
        if not in_string(line[: match.start()]):
            return match
    return None


def parse_markers(line: str, foreign: tuple[ForeignMarker, ...] = ()) -> list[Marker]:
    """Every suppression marker on a line, in comment position."""
    lowered = line.lower()
    found: list[Marker] = []
    own_line = line.lstrip().startswith("#")
    if "mlsec" in lowered:
        match = _first_outside_strings(line, OUR_MARKER)
        if match is not None:
            found.append(Marker("mlsec", _ids(match.group("ids")), match.start() + 1, own_line))
    for marker in foreign:
        if marker.keyword not in lowered:
            continue
        match = _first_outside_strings(line, marker.pattern)
        if match is not None:
            ids = _ids(match.groupdict().get("ids"))
            found.append(Marker(marker.name, ids, match.start() + 1, own_line, marker.next_line))
    return found


def bare_markers(text: str) -> list[tuple[int, int]]:
    """(line, column) of every bare `# mlsec: ignore` in a text (for tests and tools)."""
    if "mlsec" not in text.lower():
        return []
    return [
        (number, marker.column)
        for number, line in enumerate(text.split("\n"), 1)
        for marker in parse_markers(line)
        if marker.is_bare
    ]
