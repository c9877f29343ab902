"""Inline suppressions: `# mlsec: ignore[MLS301] reason` names the rules it silences.

The ecosystems' own markers (`# nosec`, `# pragma: allowlist secret`) are honoured by the
scanners that own them; this module handles ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hooks._core.findings import Finding

_MARKER = re.compile(r"#\s*mlsec:\s*ignore\b(?P<ids>\[[^\]]*\])?", re.IGNORECASE)
_RULE_ID = re.compile(r"^(?:MLS\d{3}|B\d{3})$")


@dataclass(frozen=True)
class InlineMarker:
    rule_ids: frozenset[str]
    column: int  # 1-based column of the `#`

    @property
    def is_bare(self) -> bool:
        return not self.rule_ids


def _in_string(prefix: str) -> bool:
    """Whether text after `prefix` sits inside a quoted string (an odd count of quotes so far)."""
    unescaped = prefix.replace("\\\\", "").replace('\\"', "").replace("\\'", "")
    return unescaped.count('"') % 2 == 1 or unescaped.count("'") % 2 == 1 or unescaped.count("`") % 2 == 1


def parse_marker(line: str) -> InlineMarker | None:
    """The `# mlsec: ignore[...]` marker in a comment on this line, if any; ids are upper-cased.

    A marker quoted inside a string (a message, a docstring, JSON) is text, not a marker.
    """
    for match in _MARKER.finditer(line):
        if _in_string(line[: match.start()]):
            continue
        ids_text = match.group("ids")
        ids: set[str] = set()
        if ids_text:
            for part in ids_text[1:-1].split(","):
                candidate = part.strip().upper()
                if _RULE_ID.match(candidate):
                    ids.add(candidate)
        return InlineMarker(frozenset(ids), match.start() + 1)
    return None


def is_suppressed(rule_id: str, line: str) -> bool:
    marker = parse_marker(line)
    return marker is not None and rule_id in marker.rule_ids


def bare_markers(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, line text) of every `# mlsec: ignore` that names no rule."""
    if "mlsec" not in text.lower():
        return
    for number, line in enumerate(text.split("\n"), 1):
        if "mlsec" in line.lower():
            marker = parse_marker(line)
            if marker is not None and marker.is_bare:
                yield number, marker.column, line


def bare_marker_findings(text: str, display: str, cell: int | None = None) -> list[Finding]:
    """MLS001 for each bare marker in a source text (a file, or a notebook cell)."""
    from hooks._core.findings import make_finding

    return [
        make_finding(
            "MLS001",
            display,
            "`# mlsec: ignore` without a rule id suppresses nothing; name the rule",
            content_key=f"bare:{line.strip()}",
            line=number,
            column=column,
            cell=cell,
        )
        for number, column, line in bare_markers(text)
    ]
