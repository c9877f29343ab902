"""uv's index settings, in pyproject.toml's `[tool.uv]` or a uv.toml: the indexes uv installs from.

uv reads `index-url`, `extra-index-url`, `find-links`, `allow-insecure-host`, `index-strategy` and
`[[index]]` tables (`[tool.uv.pip]` holds the same keys for `uv pip` commands). They become
IndexOption entries with pip's meaning, so the index checks judge them as a requirements file's:
an http:// index, credentials in a URL, a host whose TLS checks are off, an index outside
`deps.allowed_indexes`.

Whether an extra index can shadow a private name is uv's index strategy: by default
(`first-index`) uv takes each name from the first index that has it, so an extra index is no
dependency confusion and is judged as an index of its own; `unsafe-first-match` and
`unsafe-best-match` look at every index for every name, as pip does, so an extra index there is
`--extra-index-url`'s finding. An `explicit = true` index serves only the packages the project
pins to it (`[tool.uv.sources]`); a `default = true` index replaces PyPI; a `format = "flat"` one is
a find-links page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from hooks._core.display import printable
from hooks._shared.indexes import IndexOption
from hooks.deps.model import DependencyFile

_UNSAFE_STRATEGIES = frozenset({"unsafe-first-match", "unsafe-best-match"})


def uv_indexes(settings: dict[str, Any], line_of: Callable[[str], int], where: str) -> list[IndexOption]:
    """The indexes of one uv settings table (`[tool.uv]` or a uv.toml's top level), `where` naming
    it in messages; `line_of(text)` is the line of a quoted string."""
    found: list[IndexOption] = []
    pip = settings.get("pip")
    tables = [(settings, where)] + ([(pip, f"{where} pip")] if isinstance(pip, dict) else [])
    for table, place in tables:
        strategy = table.get("index-strategy", settings.get("index-strategy"))
        shadowing = (
            f"uv's index-strategy {strategy} takes each name from any index" if strategy in _UNSAFE_STRATEGIES else ""
        )
        for url in _strings(table.get("index-url")):
            found.append(IndexOption(line_of(url), "--index-url", url, f"{place} index-url"))
        for url in _strings(table.get("extra-index-url")):
            found.append(_extra(line_of(url), url, f"{place} extra-index-url", shadowing))
        for url in _strings(table.get("find-links")):
            found.append(IndexOption(line_of(url), "--find-links", url, f"{place} find-links"))
        for host in _strings(table.get("allow-insecure-host")):
            found.append(IndexOption(line_of(host), "--trusted-host", host, f"{place} allow-insecure-host"))
        if table is settings:
            found.extend(_index_tables(table.get("index"), line_of, place, shadowing))
    return found


def _index_tables(value: object, line_of: Callable[[str], int], place: str, shadowing: str) -> Iterator[IndexOption]:
    for entry in value if isinstance(value, list) else []:
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str):
            continue  # uv refuses such a table: nothing is installed from it
        assert isinstance(entry, dict)
        name = entry.get("name")
        written = f"{place} index {printable(name[:60])}" if isinstance(name, str) else f"{place} index"
        line = line_of(url)
        if entry.get("format") == "flat":
            yield IndexOption(line, "--find-links", url, written, explicit=entry.get("explicit") is True)
        elif entry.get("explicit") is True:
            yield IndexOption(line, "--index-url", url, written, explicit=True)
        elif entry.get("default") is True:
            yield IndexOption(line, "--index-url", url, written)
        else:
            yield _extra(line, url, written, shadowing)


def _extra(line: int, url: str, written: str, shadowing: str) -> IndexOption:
    """An index uv consults before the default one: pip's extra index only under an unsafe strategy."""
    return IndexOption(line, "--extra-index-url" if shadowing else "--index-url", url, written, shadowing)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def parse_uv_toml(text: str) -> DependencyFile:
    """A uv.toml: uv's settings at its top level, no dependencies."""
    from hooks.deps.pyproject import LineFinder, read_toml

    result = DependencyFile(lines=text.splitlines())
    result.indexes.extend(uv_indexes(read_toml(text), LineFinder(result.lines).find, "uv.toml"))
    return result
