"""Text and notebook builders that remember where each planted value lands.

A `Doc` is a list of lines; `mark` ties the lines just added to a manifest entry. A `Notebook`
is built cell by cell and serialised by `dump_tracked`, which writes nbformat's layout
(one key per line, `indent=1`, sorted keys, one list element per line) and records the line of
every key and list element, so each entry also knows its raw line in the `.ipynb` file: the
line a tool that reads notebooks as plain text (detect-secrets, gitleaks) reports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[Any, ...]


@dataclass
class Entry:
    """One labelled place in the generated tree (a planted credential or a decoy)."""

    file: str
    place: str
    expected: str  # secret | decoy | low | optional
    ctype: str | None = None  # credential type (providers.py), for secrets
    group: str | None = None
    family: str | None = None  # decoy family
    variant: str | None = None
    value: str = ""
    line: int | None = None  # text file line, or line inside the notebook unit
    end_line: int | None = None
    cell: int | None = None  # 1-based, markdown included (what mlsec and nbQA report)
    part: str | None = None  # source | output | notebook_metadata | cell_metadata | attachment
    output: int | None = None  # 0-based output index
    raw_line: int | None = None  # line in the .ipynb JSON text
    raw_end_line: int | None = None
    also: list[str] = field(default_factory=list)  # other forms a tool may report (decoded, whole URL)
    id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: val for k, val in self.__dict__.items() if val not in (None, [], "") or k == "value"}


@dataclass
class Doc:
    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> tuple[int, int]:
        """Append lines; returns the 1-based (first, last) line numbers they got."""
        first = len(self.lines) + 1
        for chunk in lines:
            self.lines.extend(chunk.split("\n"))
        return first, len(self.lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def dump_tracked(document: Any) -> tuple[str, dict[Path_, int]]:
    """JSON in nbformat's layout, and the 1-based line of every key and list element."""
    out: list[str] = []
    where: dict[Path_, int] = {}

    def emit(value: Any, path: Path_, indent: int, prefix: str, suffix: str) -> None:
        pad = " " * indent
        where[path] = len(out) + 1
        if isinstance(value, dict) and value:
            out.append(f"{pad}{prefix}{{")
            keys = sorted(value)
            for i, key in enumerate(keys):
                emit(
                    value[key],
                    (*path, key),
                    indent + 1,
                    json.dumps(key, ensure_ascii=False) + ": ",
                    "," if i < len(keys) - 1 else "",
                )
            out.append(f"{pad}}}{suffix}")
        elif isinstance(value, list) and value:
            out.append(f"{pad}{prefix}[")
            for i, item in enumerate(value):
                emit(item, (*path, i), indent + 1, "", "," if i < len(value) - 1 else "")
            out.append(f"{pad}]{suffix}")
        else:
            out.append(f"{pad}{prefix}{json.dumps(value, ensure_ascii=False)}{suffix}")

    emit(document, (), 0, "", "")
    return "\n".join(out) + "\n", where


def source_lines(text: str) -> list[str]:
    """nbformat's multiline string: a list of lines, each but the last ending in a newline."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


@dataclass
class PendingMark:
    """An entry whose position is known by JSON path until the notebook is serialised."""

    entry: Entry
    path: Path_
    path_end: Path_ | None = None


@dataclass
class Notebook:
    cells: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(
        default_factory=lambda: {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.7"},
        }
    )
    marks: list[PendingMark] = field(default_factory=list)

    def code(self, source: str, outputs: list[dict[str, Any]] | None = None, **metadata: Any) -> int:
        self.cells.append(
            {
                "cell_type": "code",
                "execution_count": len(self.cells) + 1,
                "id": f"c{len(self.cells):04x}",
                "metadata": dict(metadata),
                "outputs": outputs or [],
                "source": source_lines(source),
            }
        )
        return len(self.cells)

    def markdown(self, source: str, attachments: dict[str, Any] | None = None) -> int:
        cell: dict[str, Any] = {"cell_type": "markdown", "id": f"c{len(self.cells):04x}", "metadata": {}}
        if attachments:
            cell["attachments"] = attachments
        cell["source"] = source_lines(source)
        self.cells.append(cell)
        return len(self.cells)

    def mark_source(self, entry: Entry, cell: int, line: int, end_line: int | None = None) -> None:
        """`line` is 1-based inside the cell source."""
        entry.cell, entry.part, entry.line, entry.end_line = cell, "source", line, end_line or line
        self.marks.append(
            PendingMark(
                entry, ("cells", cell - 1, "source", line - 1), ("cells", cell - 1, "source", (end_line or line) - 1)
            )
        )

    def mark_output(self, entry: Entry, cell: int, index: int, unit_line: int, path_tail: Path_) -> None:
        """`unit_line` is the line in the output's text as mlsec reads it; `path_tail` locates it
        in the output's JSON (e.g. ("text", 3) or ("data", "text/html", 2))."""
        entry.cell, entry.part, entry.output, entry.line, entry.end_line = cell, "output", index, unit_line, unit_line
        self.marks.append(PendingMark(entry, ("cells", cell - 1, "outputs", index, *path_tail)))

    def mark_path(self, entry: Entry, part: str, path: Path_, cell: int | None = None) -> None:
        entry.cell, entry.part = cell, part
        self.marks.append(PendingMark(entry, path))

    def render(self) -> str:
        document = {"cells": self.cells, "metadata": self.metadata, "nbformat": 4, "nbformat_minor": 5}
        text, where = dump_tracked(document)
        for mark in self.marks:
            mark.entry.raw_line = where[mark.path]
            mark.entry.raw_end_line = where[mark.path_end] if mark.path_end else mark.entry.raw_line
        return text


def stream(text: str, name: str = "stdout") -> dict[str, Any]:
    return {"name": name, "output_type": "stream", "text": source_lines(text)}


def result(plain: str, html: str | None = None, kind: str = "execute_result", count: int = 1) -> dict[str, Any]:
    data: dict[str, Any] = {"text/plain": source_lines(plain)}
    if html is not None:
        data["text/html"] = source_lines(html)
    out: dict[str, Any] = {"data": data, "metadata": {}, "output_type": kind}
    if kind == "execute_result":
        out["execution_count"] = count
    return out


def error(ename: str, evalue: str, traceback: list[str]) -> dict[str, Any]:
    return {"ename": ename, "evalue": evalue, "output_type": "error", "traceback": traceback}
