"""uv's index settings, in pyproject.toml's `[tool.uv]` or a uv.toml: the indexes uv installs from.

uv reads `index-url`, `extra-index-url`, `find-links`, `allow-insecure-host`, `index-strategy` and
`[[index]]` tables (`[tool.uv.pip]` holds the same keys for `uv pip` commands). They become
IndexOption entries with pip's meaning, so the index checks judge them as a requirements file's:
an http:// index, credentials in a URL, a host whose TLS checks are off, an index outside
`deps.allowed_indexes`.

Whether an extra index can shadow a private name is uv's index strategy and the indexes' order:
by default (`first-index`) uv takes each name from the first index that has it, looking at the
`[[index]]` tables and extra indexes in the order they are written and at the default index last,
so an extra index is dependency confusion only when it is PyPI (or a public mirror) looked at
before a private index; else it is judged as an index of its own. `unsafe-first-match` and
`unsafe-best-match` look at every index for every name, as pip does, so an extra index there is
`--extra-index-url`'s finding. An `explicit = true` index serves only the packages the project
pins to it (`[tool.uv.sources]`); a `default = true` index replaces PyPI; a `format = "flat"` one is
a find-links page. `[tool.uv.sources]` archives, overrides and constraints name releases too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from hooks._core.display import printable
from hooks._shared.indexes import IndexOption, private_index, public_pypi
from hooks._shared.requirements import is_archive
from hooks._shared.urls import redact_url
from hooks.deps.model import Dependency, DependencyFile

_UNSAFE_STRATEGIES = frozenset({"unsafe-first-match", "unsafe-best-match"})


def uv_indexes(settings: dict[str, Any], line_of: Callable[[str], int], where: str) -> list[IndexOption]:
    """The indexes of one uv settings table (`[tool.uv]` or a uv.toml's top level), `where` naming
    it in messages; `line_of(text)` is the line of a quoted string.

    `uv pip` commands use the top level's indexes with the pip table's strategy, so an unsafe
    strategy there makes the top level's extra indexes shadow too. Under `first-index` uv looks at
    the `[[index]]` tables and extra indexes in the order they are written, then the default one:
    PyPI (or a public mirror) before a private index shadows it for any name PyPI holds."""
    found: list[IndexOption] = []
    pip = settings.get("pip") if isinstance(settings.get("pip"), dict) else None
    top_strategy = settings.get("index-strategy")
    pip_strategy = pip.get("index-strategy", top_strategy) if pip is not None else None
    tables: list[tuple[dict[str, Any], str, str]] = [(settings, where, _shadowing(top_strategy, pip_strategy, where))]
    if pip is not None:
        tables.append((pip, f"{where} pip", _shadowing(pip_strategy, None, where)))
    for table, place, shadowing in tables:
        for url in _strings(table.get("index-url")):
            found.append(IndexOption(line_of(url), "--index-url", url, f"{place} index-url"))
        for url in _strings(table.get("find-links")):
            found.append(IndexOption(line_of(url), "--find-links", url, f"{place} find-links"))
        for host in _strings(table.get("allow-insecure-host")):
            found.append(IndexOption(line_of(host), "--trusted-host", host, f"{place} allow-insecure-host"))
        extras: list[tuple[int, str, str]] = []  # (line, url, how it is written), in the order uv looks
        if table is settings:
            found.extend(_index_tables(table.get("index"), line_of, place, extras))
        extras.extend((line_of(url), url, f"{place} extra-index-url") for url in _strings(table.get("extra-index-url")))
        default = _default_index(table, settings)
        for position, (line, url, written) in enumerate(extras):
            private = next((u for _, u, _ in extras[position + 1 :] if private_index(u)), default)
            why = shadowing
            if not why and private and public_pypi(url):
                why = f"uv looks at it before {redact_url(private)}, and PyPI has any name"
            found.append(IndexOption(line, "--extra-index-url" if why else "--index-url", url, written, why))
    return found


def _shadowing(strategy: object, pip_strategy: object, where: str) -> str:
    """Why an extra index lets a public package shadow a private one under these strategies, or ""."""
    # (a value of another type is one uv refuses: no strategy)
    if isinstance(strategy, str) and strategy in _UNSAFE_STRATEGIES:
        return f"uv's index-strategy {strategy} takes each name from any index"
    if isinstance(pip_strategy, str) and pip_strategy in _UNSAFE_STRATEGIES:
        return f"`uv pip` takes each name from any index ({where} pip index-strategy {pip_strategy})"
    return ""


def _default_index(table: dict[str, Any], settings: dict[str, Any]) -> str:
    """The default index's URL when it is private (`index-url`, or an `[[index]]` with
    `default = true`), else "": the index a private name is meant to come from."""
    urls = _strings(table.get("index-url")) or _strings(settings.get("index-url"))
    entries = settings.get("index")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("default") is True and isinstance(entry.get("url"), str):
            urls = urls or [entry["url"]]
    return next((url for url in urls if private_index(url)), "")


def _index_tables(
    value: object, line_of: Callable[[str], int], place: str, extras: list[tuple[int, str, str]]
) -> Iterator[IndexOption]:
    """The `[[index]]` tables: flat, explicit and default ones as they are; the others are
    appended to `extras`, in order, for uv_indexes to judge."""
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
            extras.append((line, url, written))


def source_archives(sources: object, line_of: Callable[[str], int]) -> list[Dependency]:
    """`[tool.uv.sources]` entries that give a wheel or sdist by URL or path: uv installs that
    file, the release its file name says, whatever range `dependencies` writes."""
    from hooks.deps.lock_entries import archive_entry

    found: list[Dependency] = []
    for name, source in sources.items() if isinstance(sources, dict) else []:
        for entry in source if isinstance(source, list) else [source]:  # (a list: one per marker)
            location = next(
                (entry[k] for k in ("url", "path") if isinstance(entry, dict) and isinstance(entry.get(k), str)), None
            )
            if isinstance(name, str) and location is not None and is_archive(location):
                archive = archive_entry(name, location, line_of(location))
                if archive is not None:
                    found.append(archive)
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def parse_uv_toml(text: str) -> DependencyFile:
    """A uv.toml: uv's settings at its top level (indexes, overrides and constraints)."""
    from hooks.deps.requirements import _requirement
    from hooks.deps.toml_lines import LineFinder, read_toml

    result = DependencyFile(lines=text.splitlines())
    settings = read_toml(text)
    finder = LineFinder(result.lines)
    result.indexes.extend(uv_indexes(settings, finder.find, "uv.toml"))
    # `uv pip` reads overrides and constraints from uv.toml too: they decide the release installed.
    for key in ("override-dependencies", "constraint-dependencies"):
        for written in _strings(settings.get(key)):
            dependency = _requirement(written, finder.find(written), written)
            if dependency is not None:
                result.dependencies.append(dependency)
    return result
