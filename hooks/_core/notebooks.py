"""Read a Jupyter notebook into cells and text outputs, with positions people recognise.

nbformat reads and upgrades the file (it is imported only when a notebook is scanned); its
schema validation is skipped, because a notebook that fails validation must still be scanned.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# Text-like output MIME types worth reading; images, widgets and other binary payloads are not.
TEXT_MIME_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")


class NotebookError(Exception):
    """The file is not a notebook that can be read (bad JSON, wrong shape, too deep)."""


@dataclass(frozen=True)
class Output:
    index: int  # 0-based position among the cell's outputs
    text: str


@dataclass(frozen=True)
class Cell:
    number: int  # 1-based position among all cells, markdown included (what a person counts)
    cell_type: str
    source: str
    outputs: list[Output] = field(default_factory=list)
    language: str | None = None  # the cell's own language where the editor records one (VS Code)


@dataclass(frozen=True)
class Notebook:
    cells: list[Cell]
    language: str | None  # the kernel's language (kernelspec / language_info), lower case


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def output_text(output: dict[str, Any]) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return strip_ansi(_joined(output.get("text")))
    if kind == "error":
        traceback = output.get("traceback")
        lines = traceback if isinstance(traceback, list) else []
        head = f"{output.get('ename', '')}: {output.get('evalue', '')}"
        return strip_ansi("\n".join([head, *(str(line) for line in lines)]))
    data = output.get("data")
    if not isinstance(data, dict):
        return ""
    parts = []
    for mime in TEXT_MIME_TYPES:
        if mime in data:
            value = data[mime]
            parts.append(json.dumps(value, indent=1) if mime == "application/json" else _joined(value))
    return strip_ansi("\n".join(parts))


def parse_notebook(text: str) -> list[Cell]:
    """Cells of a notebook (any nbformat version nbformat can upgrade to 4)."""
    return read_notebook(text).cells


def _language(metadata: Any) -> str | None:
    if not isinstance(metadata, dict):
        return None
    for key in ("kernelspec", "language_info"):
        entry = metadata.get(key)
        if isinstance(entry, dict):
            value = entry.get("language") if key == "kernelspec" else entry.get("name")
            if isinstance(value, str) and value.strip():
                return value.strip().lower()[:40]
    return None


def _cell_language(metadata: Any) -> str | None:
    if not isinstance(metadata, dict):
        return None
    vscode = metadata.get("vscode")
    value = vscode.get("languageId") if isinstance(vscode, dict) else None
    if not isinstance(value, str):
        interactive = metadata.get("dotnet_interactive") or metadata.get("polyglot_notebook")
        value = interactive.get("language") or interactive.get("kernelName") if isinstance(interactive, dict) else None
    return value.strip().lower()[:40] if isinstance(value, str) and value.strip() else None


def read_notebook(text: str) -> Notebook:
    """A notebook's cells and its kernel language."""
    import nbformat.converter
    import nbformat.reader

    try:
        notebook = nbformat.reader.reads(text)  # type: ignore[no-untyped-call]
        if notebook.get("nbformat", 4) != 4:
            notebook = nbformat.converter.convert(notebook, 4)  # type: ignore[no-untyped-call]
    except RecursionError:
        raise NotebookError("nested too deeply to parse") from None
    except Exception as exc:  # noqa: BLE001 - nbformat raises many types on malformed files
        raise NotebookError(f"not a readable notebook ({type(exc).__name__})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("has no list of cells")
    parsed: list[Cell] = []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {number} is not an object")
        outputs = cell.get("outputs") if cell.get("cell_type") == "code" else None
        texts = [Output(index, output_text(out)) for index, out in enumerate(outputs or []) if isinstance(out, dict)]
        language = _cell_language(cell.get("metadata"))
        parsed.append(Cell(number, str(cell.get("cell_type", "")), _joined(cell.get("source")), texts, language))
    return Notebook(parsed, _language(notebook.get("metadata")))
