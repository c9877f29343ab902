"""Databricks notebooks exported as source: the cells a `.py` file's comments hold.

Databricks keeps a notebook in a repository as a Python file whose first line is
`# Databricks notebook source`. Cells are separated by `# COMMAND ----------` lines; a cell of
another language or a magic command keeps every line behind `# MAGIC ` (`# MAGIC %sh`,
`# MAGIC %pip install x`, `# MAGIC %md`). Databricks imports such a file as a notebook and runs it
as one: cell by cell in one session, with the names of the notebooks `%run` ran in scope, its `%sh`
cells as shell scripts and its `%pip` lines as installs. Read as a plain script the magics are
comments nobody checks, and every name a `%run` notebook defines looks unbound.

This module turns such a file into a `Notebook` whose cells are what Databricks runs, each with the
file line its first line stands on, so findings are reported at the file's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hooks._core.findings import Finding
from hooks._core.notebooks import Cell, Notebook

HEADER = "# Databricks notebook source"
_SEPARATOR = re.compile(r"# COMMAND -{10}[ \t]*")
_MAGIC_PREFIX = re.compile(r"# MAGIC(?: |$)")
_TITLE = re.compile(r"# DBTITLE \d+,")
# The magic that makes a cell another language (Databricks' `%lang` as a cell's first word).
_LANGUAGE_MAGICS = {"scala": "scala", "r": "r", "java": "java"}
_MARKDOWN_MAGICS = frozenset({"md", "md-sandbox"})
_DIRECTIVE = re.compile(r"%(?P<name>[A-Za-z][\w-]*)(?P<rest>.*)", re.DOTALL)


@dataclass(frozen=True)
class SourceNotebook:
    notebook: Notebook
    # File line (1-based) that each cell's line 1 stands for, by cell number; a line the reader
    # adds before a cell's first line of text (`%%sh` for `%sh ls`) maps to the line before it.
    first_lines: dict[int, int]
    # Per cell, the columns of the file line in front of each cell line's text (`# MAGIC `).
    indents: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def other_languages(self) -> list[tuple[Cell, str]]:
        """The cells Databricks runs in another language (`%scala`, `%r`, `%java`), each with it."""
        found = [(cell, cell.metadata.get("databricks_language")) for cell in self.notebook.cells]
        return [(cell, language) for cell, language in found if isinstance(language, str)]

    def file_line(self, cell: int, line: int) -> int:
        return max(1, self.first_lines.get(cell, 1) + line - 1)

    def file_column(self, cell: int, line: int, column: int) -> int:
        indents = self.indents.get(cell, ())
        return column + (indents[line - 1] if 0 < line <= len(indents) else 0)

    def placed(self, finding: Finding, cell: int) -> Finding:
        """`finding`, found at a line and column of `cell`, at the file's own line and column."""
        end_line = None if finding.end_line is None else self.file_line(cell, finding.end_line)
        line, column = self.file_line(cell, finding.line), self.file_column(cell, finding.line, finding.column)
        return replace(finding, cell=None, line=line, column=column, end_line=end_line)


def is_databricks_source(text: str) -> bool:
    """Whether the file is a Databricks notebook exported as Python source (its first line is the
    header Databricks writes and reads)."""
    first = text[: len(HEADER) + 8].lstrip("\ufeff").split("\n", 1)[0]
    return first.rstrip("\r \t") == HEADER


def read_databricks_source(text: str) -> SourceNotebook:
    lines = text.lstrip("\ufeff").split("\n")
    cells: list[Cell] = []
    first_lines: dict[int, int] = {}
    indents: dict[int, tuple[int, ...]] = {}
    chunk: list[str] = []
    start = 2  # the file line of the chunk's first line (line 1 is the header)
    for number, line in enumerate(lines[1:], start=2):
        if _SEPARATOR.fullmatch(line.rstrip("\r")):
            _add_cell(cells, first_lines, indents, chunk, start)
            chunk, start = [], number + 1
        else:
            chunk.append(line)
    _add_cell(cells, first_lines, indents, chunk, start)
    return SourceNotebook(Notebook(cells), first_lines, indents)


def _add_cell(
    cells: list[Cell],
    first_lines: dict[int, int],
    indents: dict[int, tuple[int, ...]],
    chunk: list[str],
    start: int,
) -> None:
    number = len(cells) + 1
    written = [index for index, line in enumerate(chunk) if line.strip()]
    if not written:
        return
    # The blank lines Databricks writes around each separator belong to no cell.
    chunk, line_of_body = chunk[written[0] : written[-1] + 1], start + written[0]
    # A cell's title (`# DBTITLE 1,Install tools`) stands before its magic.
    while len(chunk) > 1 and _TITLE.match(chunk[0]):
        chunk, line_of_body = chunk[1:], line_of_body + 1
    if not _MAGIC_PREFIX.match(chunk[0]):
        cells.append(Cell(number, "code", "\n".join(chunk)))
        first_lines[number] = line_of_body
        return
    if any(line.strip() and not _MAGIC_PREFIX.match(line) for line in chunk):
        # Lines without the prefix in a magic cell: Databricks never writes them, and the file run
        # as a Python script (a job's Python file task) runs them; they are read as Python too.
        python = [line if line.strip() and not _MAGIC_PREFIX.match(line) else "" for line in chunk]
        cells.append(Cell(number, "code", "\n".join(python)))
        first_lines[number] = line_of_body
        number += 1
    # A magic cell: Databricks writes every line behind `# MAGIC`; a line without it is kept as it
    # stands (to the cell's language, a comment or a line of its own).
    prefixes = [_prefix_width(line) for line in chunk]
    body = [line[width:] for line, width in zip(chunk, prefixes, strict=True)]
    first_lines[number] = line_of_body
    directive = _DIRECTIVE.fullmatch(body[0].strip())
    if directive is None:
        # `# MAGIC` lines with no magic first: Python as Databricks runs a cell with no magic.
        cells.append(Cell(number, "code", "\n".join(body)))
        indents[number] = tuple(prefixes)
        return
    name, rest = directive["name"], directive["rest"].strip()
    # Where the text after the magic's name starts on its line (`# MAGIC %sh ls -la`: at `ls`).
    rest_at = prefixes[0] + (body[0].index(rest) if rest else len(body[0]))
    lowered = name.lower()
    if lowered == "sh":
        # The whole cell is one shell script, its first command on the magic's own line when one
        # is written there: IPython's `%%sh` cell with that command on the line after the magic.
        if rest:
            cells.append(Cell(number, "code", "\n".join(["%%sh", rest, *body[1:]])))
            first_lines[number] = line_of_body - 1
            indents[number] = (0, rest_at, *prefixes[1:])
            return
        cells.append(Cell(number, "code", "\n".join(["%%sh", *body[1:]])))
        indents[number] = tuple(prefixes)
        return
    if lowered in _MARKDOWN_MAGICS or lowered in ("python", "sql") or lowered in _LANGUAGE_MAGICS:
        # The magic's name goes; what follows it on its line is the cell's first line.
        text = "\n".join([rest, *body[1:]])
        if lowered in _MARKDOWN_MAGICS:
            cells.append(Cell(number, "markdown", text))
        elif lowered == "sql":
            # Spark SQL: a query, run as IPython's `%%sql` cells are (no code for the code hook's
            # rules; the secrets hook reads it as text).
            cells.append(Cell(number, "raw", text))
        elif lowered == "python":
            cells.append(Cell(number, "code", text))
        else:
            # Databricks runs it in that language whatever it looks like: never read as Python, even
            # where the text parses as Python (an R `system(...)` call does).
            cells.append(Cell(number, "raw", text, metadata={"databricks_language": _LANGUAGE_MAGICS[lowered]}))
        indents[number] = (rest_at, *prefixes[1:])
        return
    # `%pip`, `%run`, `%conda`, `%fs` and other line magics: IPython's own syntax.
    cells.append(Cell(number, "code", "\n".join(body)))
    indents[number] = tuple(prefixes)


def _prefix_width(line: str) -> int:
    match = _MAGIC_PREFIX.match(line)
    return match.end() if match else 0
