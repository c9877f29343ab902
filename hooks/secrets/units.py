"""What the secrets hook reads in one file: stretches of text with their own line numbers (the
file, or each notebook cell source and output) and single values with a name (notebook and
cell metadata, saved widget state, attachment names)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from hooks._core.display import printable

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


# A JSON file that is a list of training records (ShareGPT's `conversations`, OpenAI's `messages`,
# Alpaca's `instruction`, preference pairs' `chosen`): a dataset of other people's or a model's
# text, read as data like a `.jsonl` one. Only when every record holds nothing but a dataset's
# fields: a record with any other key (`api_key`, `password`, `model`) is a config, whatever
# its first key says.
_DATASET_HEAD = re.compile(
    r"\ufeff?\s{0,200}\[\s{0,200}\{\s{0,200}\"(?:conversations|messages|instruction|chosen|prompt|question|query)\"\s{0,20}:"
)
_DATASET_LIMIT = 16 << 20  # characters of a JSON file parsed to tell (a larger one stays text)
_RECORD_KEYS = frozenset(
    "conversations messages instruction input output system history chosen rejected prompt completion question "
    "answer answers query response context text id images videos audios tools label kto_tag category source "
    "lang language task title choices options explanation rationale reference references target score "
    "difficulty".split()
)
_TURN_KEYS = frozenset("from value role content name tool_calls tool_call_id weight loss reasoning_content".split())
_PART_KEYS = frozenset("type text image image_url url audio video input_audio detail".split())
_CALL_KEYS = frozenset("id type function name arguments".split())


def _training_records(text: str) -> bool:
    if len(text) > _DATASET_LIMIT or not _DATASET_HEAD.match(text):
        return False
    try:
        records = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(records, list) and bool(records) and all(_record(r) for r in records)


def _record(record: object) -> bool:
    return isinstance(record, dict) and all(k in _RECORD_KEYS and _field(k, v) for k, v in record.items())


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _field(key: str, value: object) -> bool:
    """A record's field: text or numbers, lists of them (`history`: pairs), or turns."""
    if _scalar(value):
        return True
    if isinstance(value, dict):
        return _turn(value)  # LLaMA-Factory's preference pairs: `"chosen": {"from": ..., "value": ...}`
    if isinstance(value, list):
        return all(
            _scalar(item) or (isinstance(item, list) and all(_scalar(i) for i in item)) or _turn(item) for item in value
        )
    return False


def _turn(turn: object) -> bool:
    """One message: who says it and what, its content parts, its tool calls."""
    if not isinstance(turn, dict):
        return False
    for key, value in turn.items():
        if key not in _TURN_KEYS:
            return False
        if _scalar(value):
            continue
        allowed = _CALL_KEYS if key == "tool_calls" else _PART_KEYS
        if not (isinstance(value, list) and all(_keyed(item, allowed) for item in value)):
            return False
    return True


def _keyed(item: object, allowed: frozenset[str]) -> bool:
    """A content part or a tool call: its own keys, text inside (a call's `function` one level down)."""
    if not isinstance(item, dict):
        return False
    for key, value in item.items():
        if key not in allowed:
            return False
        if isinstance(value, dict):
            if not all(k in _CALL_KEYS | _PART_KEYS and _scalar(v) for k, v in value.items()):
                return False
        elif not _scalar(value):
            return False
    return True


def file_unit(text: str, display: str) -> Unit:
    name = PurePosixPath(display).name
    kind = kind_for(name)
    if kind == TEXT and name.lower().endswith(".json") and _training_records(text):
        kind = DATA
    return Unit(text, kind, name, prose=PurePosixPath(name).suffix.lower() in PROSE_SUFFIXES)


def cell_unit(cell: Cell, notebook_name: str) -> Unit:
    if cell.cell_type != "code":
        return Unit(cell.source, TEXT, notebook_name, cell.number, prose=cell.cell_type == "markdown")
    head = cell.source.lstrip().split("\n", 1)[0].strip()
    written = _WRITEFILE.match(head)
    if written:
        target = PurePosixPath(written.group("path").strip("\"'")).name or notebook_name
        return Unit(cell.source, kind_for(target), target, cell.number, place=" (in a %%writefile cell)")
    if head.startswith("%%"):
        magic = head[2:].split(None, 1)[0] if head[2:].split() else ""
        if magic in _SHELL_MAGICS or magic in _TEXT_MAGICS:
            return Unit(cell.source, TEXT, notebook_name, cell.number)
    return Unit(cell.source, CODE, notebook_name, cell.number)


def notebook_units(notebook: Notebook, notebook_name: str) -> Iterator[Unit]:
    for cell in notebook.cells:
        yield cell_unit(cell, notebook_name)
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
