"""Read a Jupyter notebook into cells, outputs and metadata, with positions people recognise.

nbformat reads and upgrades the file (it is imported only when a notebook is scanned); its
schema validation is skipped, because a notebook that fails validation must still be scanned.
Every place a notebook keeps text is reachable from here: cell sources, text outputs (stream,
execute_result, display_data in every text MIME type, error tracebacks), notebook and cell
metadata (papermill parameters, tags), saved widget state and attachment names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# Text-like output MIME types worth reading, in this order (what a person sees first); any other
# `text/*` or JSON type follows. Images and widget views are not text.
TEXT_MIME_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")
_MORE_TEXT = re.compile(
    r"text/[\w.+-]+|application/(?:javascript|x-javascript|[\w.-]+\+json|[\w.-]+\+xml|xml)|image/svg\+xml"
)
MAX_ATTACHMENT_TEXT = 1 << 20  # decoded characters read of one text attachment
_SKIPPED_MIME = frozenset({"application/vnd.jupyter.widget-view+json"})
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
MAX_METADATA_DEPTH = 32
MAX_METADATA_STRINGS = 100_000


NESTED_TOO_DEEPLY = "nested too deeply to parse"  # valid JSON past the parser's depth: editors open it


class NotebookError(Exception):
    """The file is not a notebook that can be read (bad JSON, wrong shape, too deep)."""


@dataclass(frozen=True)
class Output:
    index: int  # 0-based position among the cell's outputs
    text: str
    kind: str = ""  # the output_type: stream, execute_result, display_data, error


@dataclass(frozen=True)
class Cell:
    number: int  # 1-based position among all cells, markdown included (what a person counts)
    cell_type: str
    source: str
    outputs: list[Output] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    attachments: tuple[str, ...] = ()  # attachment names
    attachment_texts: tuple[tuple[str, str], ...] = ()  # (name, text) of attachments of a text type

    @property
    def tags(self) -> tuple[str, ...]:
        tags = self.metadata.get("tags")
        return tuple(str(tag) for tag in tags) if isinstance(tags, list) else ()

    @property
    def language(self) -> str | None:
        """The cell's own language where the editor records one (VS Code, polyglot notebooks)."""
        return _cell_language(self.metadata)


@dataclass(frozen=True)
class Notebook:
    cells: list[Cell]
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str | None:
        """The kernel's language (kernelspec / language_info), lower case."""
        return _language(self.metadata)

    @property
    def kernel_name(self) -> str | None:
        """The kernel Jupyter starts (`kernelspec.name`), lower case: the language fields only
        describe it, and may say something else."""
        spec = self.metadata.get("kernelspec") if isinstance(self.metadata, dict) else None
        name = spec.get("name") if isinstance(spec, dict) else None
        return name.strip().lower()[:80] if isinstance(name, str) and name.strip() else None


@dataclass(frozen=True)
class Widget:
    model_id: str
    model_name: str  # e.g. "PasswordModel", "TextModel"
    description: str
    value: str


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def _mime_types(data: dict[str, Any]) -> list[str]:
    ordered = [mime for mime in TEXT_MIME_TYPES if mime in data]
    extra = sorted(
        str(mime)
        for mime in data
        if mime not in ordered and mime not in _SKIPPED_MIME and _MORE_TEXT.fullmatch(str(mime))
    )
    return ordered + extra


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
    for mime in _mime_types(data):
        value = data[mime]
        as_json = mime.endswith("json") and not isinstance(value, str)
        parts.append(json.dumps(value, indent=1) if as_json else _joined(value))
    return strip_ansi("\n".join(parts))


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


def _major_version(value: Any) -> int:
    """nbformat's major version as editors read it: `4`, `"4"`, `4.5` and `5` are all 4 or later
    (VS Code opens them as v4); anything unreadable counts as 4."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return 4


def _number_text(digits: str) -> int | str:
    """A JSON integer as Python's parser would give it, or its text past Python's 4,300-digit
    limit for int(): valid JSON that JSON.parse (editors, VS Code) reads, so it is no reason to
    leave a notebook unread."""
    return int(digits) if len(digits) <= 4000 else digits


def load_json(text: str) -> Any:
    """`json.loads` that reads integers of any length (`_number_text`)."""
    return json.loads(text, parse_int=_number_text)


def read_notebook(text: str) -> Notebook:
    """Cells and metadata of a notebook (any nbformat version nbformat can upgrade to 4)."""
    import nbformat.converter
    import nbformat.reader

    try:
        # Plain JSON first: nbformat's reader builds its node objects recursively and gives up
        # near 500 levels, where editors (JSON.parse) still open the file. Only an older
        # nbformat, to convert, goes through it.
        notebook = load_json(text)
        if isinstance(notebook, dict) and _major_version(notebook.get("nbformat", 4)) < 4:
            notebook = nbformat.converter.convert(nbformat.reader.reads(text), 4)  # type: ignore[no-untyped-call]
    except RecursionError:
        raise NotebookError(NESTED_TOO_DEEPLY) from None
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
        texts = [
            Output(index, output_text(out), str(out.get("output_type", "")))
            for index, out in enumerate(outputs if isinstance(outputs, list) else [])
            if isinstance(out, dict)
        ]
        metadata = cell.get("metadata")
        attachments = cell.get("attachments")
        parsed.append(
            Cell(
                number,
                str(cell.get("cell_type", "")),
                _joined(cell.get("source")),
                texts,
                dict(metadata) if isinstance(metadata, dict) else {},
                tuple(str(name) for name in attachments) if isinstance(attachments, dict) else (),
                _attachment_texts(attachments),
            )
        )
    metadata = notebook.get("metadata")
    return Notebook(parsed, dict(metadata) if isinstance(metadata, dict) else {})


def _attachment_texts(attachments: Any) -> tuple[tuple[str, str], ...]:
    """The text of a markdown cell's attachments of a text type (`text/plain`, SVG, JSON), as
    written or decoded from base64: as readable as any output."""
    import base64
    import binascii

    if not isinstance(attachments, dict):
        return ()
    found: list[tuple[str, str]] = []
    for name, bundle in attachments.items():
        if not isinstance(bundle, dict):
            continue
        for mime, data in bundle.items():
            if not _MORE_TEXT.fullmatch(str(mime)) and mime not in TEXT_MIME_TYPES:
                continue
            text = data if isinstance(data, str) else _joined(data) if isinstance(data, list) else json.dumps(data)
            text = text[: MAX_ATTACHMENT_TEXT * 4 // 3 + 4]
            try:  # JupyterLab writes every attachment as base64; nbformat allows text as is
                decoded = base64.b64decode("".join(text.split()), validate=True).decode("utf-8")
            except (binascii.Error, ValueError):
                decoded = text
            found.append((str(name), decoded[:MAX_ATTACHMENT_TEXT]))
    return tuple(found)


def parse_notebook(text: str) -> list[Cell]:
    """Cells of a notebook (any nbformat version nbformat can upgrade to 4)."""
    return read_notebook(text).cells


def metadata_strings(
    metadata: Any, path: tuple[str, ...] = (), capped: list[str] | None = None
) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string in a metadata tree with the keys leading to it (list items repeat their
    key), depth- and count-bounded; the saved widget state is left to `widgets`. When a bound
    leaves part of the tree unread, its reason is appended to `capped` (so callers can say so)."""
    stack: list[tuple[tuple[str, ...], Any, int]] = [(path, metadata, 0)]
    count = 0
    while stack:
        if count >= MAX_METADATA_STRINGS:
            if capped is not None:
                capped.append(f"more than {MAX_METADATA_STRINGS:,} strings")
            return
        keys, node, depth = stack.pop()
        if isinstance(node, str):
            count += 1
            yield keys, node
        elif depth >= MAX_METADATA_DEPTH:
            if capped is not None and isinstance(node, (dict, list)) and node:
                capped.append(f"nested deeper than {MAX_METADATA_DEPTH} levels")
            continue
        elif isinstance(node, dict):
            for key, value in reversed(list(node.items())):
                if key != WIDGET_STATE:
                    stack.append(((*keys, str(key)), value, depth + 1))
        elif isinstance(node, list):
            stack.extend((keys, item, depth + 1) for item in reversed(node))


def widgets(metadata: dict[str, Any]) -> Iterator[Widget]:
    """String values of the saved ipywidgets state (`metadata.widgets[<widget-state MIME>]`)."""
    holder = metadata.get("widgets")
    state = holder.get(WIDGET_STATE) if isinstance(holder, dict) else None
    models = state.get("state") if isinstance(state, dict) else None
    if not isinstance(models, dict):
        return
    for model_id, model in models.items():
        if not isinstance(model, dict):
            continue
        fields = model.get("state")
        if not isinstance(fields, dict):
            continue
        value = fields.get("value")
        if isinstance(value, str) and value:
            description = fields.get("description")
            yield Widget(
                str(model_id),
                str(model.get("model_name", "")),
                description if isinstance(description, str) else "",
                value,
            )
