"""Cells of an Excel workbook (`.xlsx`), by column, from its XML parts (no openpyxl).

A workbook is a zip: `xl/sharedStrings.xml` holds the strings, each `xl/worksheets/sheetN.xml`
the cells (`<c r="B7" t="s"><v>12</v></c>` is shared string 12 in column B, row 7). Row 1 is
taken as the header, as in the CSV reader. Every member is read up to a byte budget.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from hooks.data.notebook_tables import TableCell

_SHARED = re.compile(rb"<si>(.*?)</si>", re.S)
_TEXT = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_TYPE = re.compile(rb't="(\w+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_SHEET = re.compile(r"^xl/worksheets/sheet\d+\.xml$")
MAX_SHEETS = 16
MAX_CELLS = 500_000


def _read(archive: zipfile.ZipFile, name: str, budget: int) -> tuple[bytes, bool]:
    info = archive.getinfo(name)
    with archive.open(info) as member:
        data = member.read(budget)
    return data, len(data) >= info.file_size


def workbook_cells(path: Path, budget: int) -> tuple[list[TableCell], bool]:
    """(cells, every byte read)."""
    complete = True
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()[:2000]
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            data, whole = _read(archive, "xl/sharedStrings.xml", budget)
            complete &= whole
            for item in _SHARED.finditer(data):
                shared.append(html.unescape(b"".join(_TEXT.findall(item.group(1))).decode("utf-8", "replace")))
        sheets = sorted((n for n in names if _SHEET.match(n)), key=_sheet_number)
        if not sheets:
            raise KeyError("no worksheet")  # a zip named .xlsx with no sheet is not a workbook: fail closed
        cells: list[TableCell] = []
        for name in sheets[:MAX_SHEETS]:
            data, whole = _read(archive, name, budget)
            complete &= whole
            header: dict[bytes, str] = {}
            for match in _CELL.finditer(data):
                column, row = match.group(1), int(match.group(2))
                text = _cell_text(match.group(3), match.group(4) or b"", shared)
                if not text:
                    continue
                if row == 1:
                    header[column] = text
                    continue
                cells.append(TableCell(header.get(column) or f"column {column.decode()}", text, row))
                if len(cells) > MAX_CELLS:
                    return cells, False
    return cells, complete


def _cell_text(attributes: bytes, body: bytes, shared: list[str]) -> str:
    kind = _TYPE.search(attributes)
    value = _VALUE.search(body)
    if kind is not None and kind.group(1) == b"s":
        if value is None or not value.group(1).strip().isdigit():
            return ""
        index = int(value.group(1))
        return shared[index] if index < len(shared) else ""
    if kind is not None and kind.group(1) == b"inlineStr":
        return html.unescape(b"".join(_TEXT.findall(body)).decode("utf-8", "replace"))
    return html.unescape(value.group(1).decode("utf-8", "replace")) if value is not None else ""


def _sheet_number(name: str) -> int:
    digits = "".join(c for c in name if c.isdigit())
    return int(digits or 0)
