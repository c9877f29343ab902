"""What the secrets hook reads in one file: stretches of text with their own line numbers (the
file, or each notebook cell source and output) and single values with a name (notebook and
cell metadata, saved widget state, attachment names)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from hooks._core.display import printable
from hooks._shared.notebook_magics import DefinedMagic, defined_cell_magics
from hooks.secrets.training_records import training_records

if TYPE_CHECKING:
    from hooks._core.notebooks import Cell, Notebook

# Source code: a bare right-hand side is an expression there, so only string literals are values.
CODE_SUFFIXES = frozenset(
    ".py .pyw .pyi .js .jsx .mjs .cjs .ts .tsx .go .rs .java .kt .kts .scala .sc .groovy .gradle .r .jl .rb "
    ".php .cs .fs .swift .c .cc .cpp .cxx .h .hpp .m .mm .lua .pl .pm .dart .gs .jsonnet .libsonnet .tf .hcl "
    ".vue .svelte .ex .exs .erl .clj .hs .ml .zig .nim .v .sol".split()
    # GraphQL: a string is always quoted; a bare word after `name:` is a type (`Boolean!`), an enum
    # value or a variable.
    + ".graphql .graphqls .gql".split()
)
# Data files hold other people's text (issues, chats, scraped pages): a token there is most
# likely not the repository's own, so it is reported low unless its checksum proves its format.
DATA_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".psv"})

CODE = "code"  # Python: only literals are values, except on `!shell` and `%magic` lines
TEXT = "text"  # configs, shell, Markdown, outputs: a bare value is a value
DATA = "data"

# Cell magics whose body is not Python.
_SHELL_MAGICS = frozenset({"bash", "sh", "script", "system", "!", "zsh"})
_TEXT_MAGICS = frozenset({"html", "markdown", "latex", "javascript", "js", "sql", "svg", "perl", "ruby", "md"})
_WRITEFILE = re.compile(r"%%(?:writefile|file)(?:[ \t]+-a|[ \t]+--append)?[ \t]+(?P<path>\S+)")


@dataclass(frozen=True)
class Unit:
    text: str
    kind: str  # CODE, TEXT or DATA
    file_name: str  # the name whose format the text has (a `%%writefile` cell: the file it writes)
    cell: int | None = None
    output: int | None = None
    place: str = ""  # said in messages: "", " (in a %%writefile cell)"
    prose: bool = False  # the repository's own prose (Markdown, reStructuredText, a markdown cell)


@dataclass(frozen=True)
class Field:
    """One value a notebook keeps outside its cells' text."""

    name: str  # the key (or widget description) it is stored under
    value: str
    place: str  # "notebook metadata", "cell metadata", "widget state", "attachment name"
    strength: int  # how surely the place holds a credential whatever the name: 0, 1 or 2
    cell: int | None = None
    at_file_level: bool = False  # reported at its line in the raw .ipynb (found only when reported)


def kind_for(file_name: str) -> str:
    suffix = PurePosixPath(file_name).suffix.lower()
    if suffix in CODE_SUFFIXES:
        return CODE
    if suffix in DATA_SUFFIXES:
        return DATA
    return TEXT


PROSE_SUFFIXES = frozenset({".md", ".markdown", ".rst", ".txt", ".adoc", ".org"})


def file_unit(text: str, display: str) -> Unit:
    name = PurePosixPath(display).name
    kind = kind_for(name)
    if kind == TEXT and name.lower().endswith(".json") and training_records(text):
        kind = DATA
    return Unit(text, kind, name, prose=PurePosixPath(name).suffix.lower() in PROSE_SUFFIXES)


def cell_unit(cell: Cell, notebook_name: str, defined: Mapping[str, DefinedMagic] | None = None) -> Unit:
    """`defined`: the cell magics the notebook defines itself (hooks/_shared/notebook_magics.py);
    a cell whose magic writes its body to a file is read as that file."""
    if cell.cell_type != "code":
        return Unit(cell.source, TEXT, notebook_name, cell.number, prose=cell.cell_type == "markdown")
    head = cell.source.lstrip().split("\n", 1)[0].strip()
    written = _WRITEFILE.match(head)
    if written:
        target = PurePosixPath(written.group("path").strip("\"'")).name or notebook_name
        return Unit(cell.source, kind_for(target), target, cell.number, place=" (in a %%writefile cell)")
    if head.startswith("%%") and defined:
        name, _, line = head[2:].partition(" ")
        own = defined.get(name)
        path = own.written_name(line) if own is not None and not own.runs else None
        if path:
            target = PurePosixPath(path.strip("\"'")).name or notebook_name
            place = f" (in a %%{printable(name[:40])} cell)"
            return Unit(cell.source, kind_for(target), target, cell.number, place=place)
    if head.startswith("%%"):
        magic = head[2:].split(None, 1)[0] if head[2:].split() else ""
        if magic in _SHELL_MAGICS or magic in _TEXT_MAGICS:
            return Unit(cell.source, TEXT, notebook_name, cell.number)
    return Unit(cell.source, CODE, notebook_name, cell.number)


def notebook_units(notebook: Notebook, notebook_name: str) -> Iterator[Unit]:
    defined = defined_cell_magics(cell.source for cell in notebook.cells if cell.cell_type == "code")
    for cell in notebook.cells:
        yield cell_unit(cell, notebook_name, defined)
        for output in cell.outputs:
            yield Unit(output.text, TEXT, notebook_name, cell.number, output.index)
        for name, text in cell.attachment_texts:
            yield Unit(text, TEXT, notebook_name, cell.number, place=f" in attachment {printable(name[:60])}")


def notebook_fields(notebook: Notebook, capped: list[str] | None = None) -> Iterator[Field]:
    """Metadata values, widget values and attachment names; where a bound leaves metadata
    unread, the reason goes to `capped`."""
    from hooks._core.notebooks import metadata_strings, widgets

    for keys, value in metadata_strings(notebook.metadata, capped=capped):
        name = keys[-1] if keys else ""
        place = "papermill parameters" if keys[:2] == ("papermill", "parameters") else "notebook metadata"
        yield Field(name, value, place, 0, None, True)
    for widget in widgets(notebook.metadata):
        password = widget.model_name == "PasswordModel"
        name = widget.description.rstrip(": ") or ("password" if password else "value")
        yield Field(name, widget.value, "widget state", 2 if password else 0, None, True)
    for cell in notebook.cells:
        for keys, value in metadata_strings(cell.metadata, capped=capped):
            yield Field(keys[-1] if keys else "", value, "cell metadata", 0, cell.number)
        for attachment in cell.attachments:
            stem = attachment.rsplit(".", 1)[0] if "." in attachment else attachment
            yield Field("attachment", stem, "attachment name", 1, cell.number)


def raw_line(raw: str, value: str, *, last: bool = False) -> int:
    """The line of the .ipynb file where `value` is written as a JSON string, else 1."""
    for encoded in {json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}:
        offset = raw.rfind(encoded) if last else raw.find(encoded)
        if offset >= 0:
            return raw.count("\n", 0, offset) + 1
    return 1
