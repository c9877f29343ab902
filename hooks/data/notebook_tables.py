"""Dataframe outputs of notebook cells as (column, value, line) cells.

`display(df)` and a bare `df.head()` store an HTML table next to the plain-text repr; `print(df)`
stores only the text. The HTML table is read with the standard library's HTML parser (header
cells from `<thead>`, one `<th>` index cell per row); a text repr is split by where its
right-aligned header names end. Text that is neither is scanned as free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_CELLS = 200_000


@dataclass(frozen=True)
class TableCell:
    column: str | None
    value: str
    line: int  # 1-based, in the output's text


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.header: list[str] = []
        self.cells: list[tuple[int, str, int]] = []  # (column index, text, line)
        self._in_head = False
        self._row: list[tuple[str, int]] | None = None
        self._cell: list[str] | None = None
        self._cell_line = 0
        self._header_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._cell_line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(("".join(self._cell).strip(), self._cell_line))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            row, self._row = self._row, None
            if (self._in_head or not self._header_done) and not self.header:
                self.header = [text for text, _ in row]
                self._header_done = True
            elif not self._in_head and len(self.cells) < MAX_CELLS:
                self.cells.extend((index, text, line) for index, (text, line) in enumerate(row))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_table_cells(text: str) -> list[TableCell] | None:
    if "<table" not in text:
        return None
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):
        return None
    if not parser.cells:
        return None
    header = parser.header
    return [
        TableCell(header[index] if index < len(header) and header[index] else None, value, line)
        for index, value, line in parser.cells
    ]


_GAP = re.compile(r"\S+(?: \S+)*")


def text_table_cells(text: str) -> list[TableCell] | None:
    """A pandas text repr: a header line of names, then rows that start with an index."""
    lines = text.split("\n")
    if len(lines) < 2:
        return None
    header_line = lines[0]
    names = [(m.group(), m.end()) for m in re.finditer(r"\S+", header_line)]
    if not names or not any(line[:1].strip() and line.split()[0].isdigit() for line in lines[1:3] if line.strip()):
        return None
    cells: list[TableCell] = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("["):
            continue
        for match in _GAP.finditer(line):
            column = next((name for name, end in names if end >= match.end()), None)
            cells.append(TableCell(column, match.group(), number))
            if len(cells) > MAX_CELLS:
                return cells
    return cells
