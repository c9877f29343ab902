"""Candidates counted per column, and the verdict on each column.

A column is reported for a kind when its valid values bring enough evidence (one strong value,
or several weak ones) and most of the values of that shape in it are valid: a column of order
numbers where one in ten passes Luhn by chance is not a column of cards. A column named like
the kind needs less evidence; a column named like an identifier of something else (`order_id`,
`version`) is never reported for digit-shaped kinds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.data.detectors import EMAIL, STRONG, Candidate
from hooks.data.locate import delimiters_outside_quotes
from hooks.data.redact import redact
from hooks.data.schema_names import kind_of

PartKey = tuple[int | None, int | None]  # (notebook cell, output) or (None, None) for a file
FILE_PART: PartKey = (None, None)


_MAX_DISTINCT = 4096  # values remembered per column to count each once
_SEPARATORS = {ord(c): None for c in " -.()+/"}  # `4111 1111 ...` and `4111-1111-...` are one value


@dataclass
class Tally:
    kind: str
    column: str | None
    valid: int = 0
    invalid: int = 0
    weight: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    example: str = ""
    line: int | None = None
    offset: int | None = None
    hinted: bool = False
    other_identifier: bool = False
    standalone: int = 0  # valid values that were a whole field, not words inside free text
    # The share that passes is taken over distinct values: a column holding one number 396 times
    # (a month's hash on every row) among 18 other long numbers is one value in 19 that passed a
    # checksum, not 396 cards; two cards a customer used on 60 rows are two cards in two, and 40
    # cards among 80 trace ids are 40 cards.
    distinct_valid: int = 0
    distinct_invalid: int = 0
    distinct_other: int = 0  # long numbers of no card's shape in a column of cards: they dilute
    seen: set[str] = field(default_factory=set, repr=False)

    def first_sight(self, value: str) -> bool:
        if value in self.seen:
            return False
        if len(self.seen) < _MAX_DISTINCT:
            self.seen.add(value)
        return True  # past the bound every value counts as new (evidence only grows)

    @property
    def ratio(self) -> float:
        return self.distinct_valid / max(1, self.distinct_valid + self.distinct_invalid)

    @property
    def above_chance(self) -> bool:
        """Two distinct valid values, or one that is not lost among other long numbers: a
        column's one Luhn pass among 19 month hashes is what chance gives (one in ten of the few
        with a scheme's prefix); a customer's one card on every row is not."""
        everything = self.distinct_valid + self.distinct_invalid + self.distinct_other
        return self.distinct_valid >= 2 or self.distinct_valid >= 0.25 * everything

    def reported(self) -> bool:
        if self.valid == 0:
            return False
        if self.hinted:
            return self.ratio >= 0.3
        if self.other_identifier and self.kind != EMAIL:
            return False
        return self.weight >= STRONG and self.ratio >= 0.5 and self.above_chance


# What may stand right before / after a value that is a whole field: a line edge, a CSV or table
# separator, a quote, or an HTML cell edge. Two or more spaces also separate aligned columns of a
# printed table; prose has one space and words around its values.
_FIELD_BEFORE = frozenset(b"\n\r,;\t|\"'>")
_FIELD_AFTER = frozenset(b"\n\r,;\t|\"'<")
_MAX_PADDING = 64


def stands_alone(data: bytes, start: int, end: int) -> bool:
    """Whether data[start:end] is a whole field (a record's value) rather than words in free text."""
    return _edge(data, start - 1, -1, _FIELD_BEFORE) and _edge(data, end, 1, _FIELD_AFTER)


def stands_alone_in_csv(
    data: bytes, start: int, end: int, delimiter: int, fields: int | None, line_fields: int | None = None
) -> bool:
    """Whether data[start:end] is a whole CSV field: bounded by the delimiter, a quote or a line
    end (a space of padding at most), on a line that is a record (as many delimiters outside
    quotes as the header has, when there is one; `line_fields`, when the caller has counted them).
    Spaces and tabs that align a signature inside a quoted post are layout of the prose; a line
    inside a multi-line cell is no record."""
    edges = frozenset({delimiter, 34, 10, 13})
    if not (_csv_edge(data, start - 1, -1, edges) and _csv_edge(data, end, 1, edges)):
        return False
    if fields is None or fields < 2:
        return True
    if line_fields is not None:
        return line_fields == fields
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    line = data[line_start : line_end if line_end != -1 else len(data)]
    return delimiters_outside_quotes(line, delimiter) == fields - 1


def _csv_edge(data: bytes, index: int, step: int, edges: frozenset[int]) -> bool:
    if 0 <= index < len(data) and data[index] == 0x20 and 0x20 not in edges:
        index += step  # one space of padding
    if not 0 <= index < len(data):
        return True
    return data[index] in edges


def _edge(data: bytes, index: int, step: int, field_edges: frozenset[int]) -> bool:
    spaces = 0
    while 0 <= index < len(data) and data[index] == 0x20 and spaces < _MAX_PADDING:
        index += step
        spaces += 1
    if not 0 <= index < len(data) or spaces >= 2:
        return True
    return data[index] in field_edges


Where = Callable[[], tuple[int | None, int | None]]  # lazily: (line, byte offset) of a value


# Columns of one kind in one part that get a finding each; the rest are counted together. A JSON
# object keyed by user id (`{"u1": "a@x.com", ...}`) is one column per key: 40,000 people would
# otherwise be 40,000 findings.
MAX_COLUMNS_PER_KIND = 8
OTHER_KEYS = "(other keys)"


class Evidence:
    def __init__(self) -> None:
        self.tallies: dict[tuple[PartKey, str | None, str], Tally] = {}
        self._columns: dict[tuple[PartKey, str], set[str | None]] = {}

    def tally(self, part: PartKey, column: str | None, kind: str) -> Tally:
        key = (part, column, kind)
        found = self.tallies.get(key)
        if found is None:
            columns = self._columns.setdefault((part, kind), set())
            # A column named for its kind (`dependent7_ssn`) always keeps its own tally: only
            # keys that say nothing (user ids) are folded.
            if len(columns) >= MAX_COLUMNS_PER_KIND and (column is None or kind_of(column) != kind):
                key = (part, OTHER_KEYS, kind)
                found = self.tallies.get(key)
                if found is not None:
                    return found
                column = OTHER_KEYS
            columns.add(column)
            found = self.tallies[key] = Tally(kind, column)
        return found

    def add(
        self, part: PartKey, column: str | None, candidate: Candidate, where: Where, *, standalone: bool = True
    ) -> None:
        tally = self.tally(part, column, candidate.kind)
        new = tally.first_sight(candidate.value.translate(_SEPARATORS))
        if not candidate.valid:
            if candidate.weight == 0:  # a long number of no card's shape (detectors.py)
                tally.distinct_other += new
                return
            tally.invalid += 1
            tally.distinct_invalid += new
            return
        tally.valid += 1
        tally.distinct_valid += new
        tally.standalone += standalone
        tally.weight += candidate.weight
        tally.labels[candidate.label] += 1
        if not tally.example:
            tally.example = redact(candidate.value, candidate.kind)
            tally.line, tally.offset = where()
