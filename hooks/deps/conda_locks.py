"""Conda environment locks read for the releases they pin: pixi's `pixi.lock` and conda-lock's
`conda-lock.yml`.

Both list conda packages and PyPI releases, once per platform. A PyPI release (pixi's `pypi:`
entry, `kind: pypi` or `manager: pypi` in pixi's older formats, conda-lock's `manager: pip`) is
read as any lock's entry: its name and version, or the release an archive's file name says (pixi
records the wheel it took); a VCS URL or a folder (`pypi: ./`, the project itself) is no
published release.

A conda package is judged only when it is a Python project, under the PyPI name the lock gives it:
pixi's `purls` (`pkg:pypi/<name>`; an empty list says it is none), or, in locks that carry no
purls, a package that depends on `python` or `python_abi` (conda-lock's `dependencies`, pixi's
`depends`) and whose build string is a Python build's (`py310h...`, `pyhd8ed1ab_0`), under its
conda name, translated where conda's differs (conda.CONDA_TO_PYPI). A channel's build of a
project carries the project's advisories; it is not PyPI's upload, so it is handed on with source
"conda" and the scanner judges neither its name nor PyPI's malware records by it (the pytorch
channel's own `torchtriton`). Other conda packages (compilers, C libraries) are not PyPI projects
and are not looked up.

Fail closed: text that is not YAML, a top level that is not a mapping, or no package list is a
DependencyFileError; an entry that is not a mapping, names no source of a known kind, or carries a
name or version of the wrong shape is one problem at its line (locks.parse_lock bounds them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from hooks._core.findings import Issue
from hooks._shared.indexes import IndexOption, private_index, public_pypi
from hooks._shared.requirements import archive_file, is_archive
from hooks._shared.urls import redact_url
from hooks.deps.lock_entries import PROJECT_NAME, archive_entry, by_name, is_version, problem, shown
from hooks.deps.model import Dependency
from hooks.deps.reading import DependencyFileError

# conda's package file names: `<name>-<version>-<build>.conda` or `.tar.bz2`.
_CONDA_FILE = re.compile(r"([^/]+)-([^-/]+)-([^-/]+)\.(?:conda|tar\.bz2)")
_PYPI_PURL = re.compile(r"pkg:pypi/([^@?#/]+)(?:@([^?#]+))?")
_PYTHON = frozenset({"python", "python_abi"})
# The interpreter's own packages depend on python too: they are no PyPI project.
_INTERPRETERS = re.compile(r"(?:c?python|pypy[0-9.]*|python_abi)", re.IGNORECASE)
_VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+")


def pixi_entries(text: str, indexes: list[IndexOption] | None = None) -> Iterator[Dependency | Issue]:
    """The releases of a pixi.lock: `packages` (version 4 and later; since version 6 an entry is
    `- conda: <url>`, `- conda_source: <name> @ <path>` or `- pypi: <url or path>`, before it
    `kind:` with `name`, `version`, `url`), or `package` (versions 1 to 3, conda-lock's shape with
    `manager: conda|pypi`)."""
    top = _top_level(text, "pixi.lock")
    if indexes is not None:
        indexes.extend(_environment_indexes(top.get("environments")))
    key = "packages" if "packages" in top else "package" if "package" in top else None
    if key is None:
        if "version" in top and ("environments" in top or "metadata" in top):
            return  # an environment without packages
        raise DependencyFileError("no `packages` list: not a pixi.lock this reader knows")
    for index, (line, entry) in enumerate(_entries(top[key], key)):
        yield from [entry] if isinstance(entry, Issue) else _releases(entry, line, index, key)


# An environment's keys that list where it installs from, and pip's meaning of each.
_ENVIRONMENT_SOURCES = {"indexes": "--index-url", "find-links": "--find-links", "channels": "channel"}


def _environment_indexes(environments: object) -> list[IndexOption]:
    """The PyPI indexes and conda channels pixi's environments install from (`indexes:`,
    `channels: - url:`), once each: judged for plain http, credentials and the allowed list. pixi
    resolves PyPI names with uv's first-index strategy, so an extra index shadows nothing unless
    it is PyPI looked at before a private default."""
    import yaml

    found: dict[tuple[str, str], IndexOption] = {}
    for _name, environment in environments.value if isinstance(environments, yaml.MappingNode) else []:
        for key, value in environment.value if isinstance(environment, yaml.MappingNode) else []:
            option = _ENVIRONMENT_SOURCES.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            if option is None:
                continue
            urls = _listed_urls(value)
            for position, (line, url) in enumerate(urls):
                shadowing = ""
                if option == "--index-url" and position > 0 and public_pypi(url) and private_index(urls[0][1]):
                    # pixi hands the first index to uv as the default and the rest as extra
                    # indexes, which uv looks at first: PyPI there shadows the private default.
                    shadowing = f"uv looks at it before {redact_url(urls[0][1])}, and PyPI has any name"
                judged = "--extra-index-url" if shadowing else option
                found.setdefault((judged, url), IndexOption(line, judged, url, f"pixi.lock {key.value}", shadowing))
    return list(found.values())


def _listed_urls(value: object) -> list[tuple[int, str]]:
    """(line, URL) of each item of a list of URLs or of `- url: ...` mappings."""
    import yaml

    urls: list[tuple[int, str]] = []
    for item in value.value if isinstance(value, yaml.SequenceNode) else []:
        if isinstance(item, yaml.MappingNode):
            item = next((v for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == "url"), None)
        if isinstance(item, yaml.ScalarNode):
            urls.append((item.start_mark.line + 1, str(item.value)))
    return urls


def conda_lock_entries(text: str) -> Iterator[Dependency | Issue]:
    """The releases of a conda-lock.yml (`package`: `name`, `version`, `manager`, `url`, `dependencies`)."""
    top = _top_level(text, "conda-lock file")
    if "package" not in top:
        if "metadata" in top:
            return  # an environment without packages
        raise DependencyFileError("no `package` list: not a conda-lock file this reader knows")
    for index, (line, entry) in enumerate(_entries(top["package"], "package")):
        yield from [entry] if isinstance(entry, Issue) else _releases(entry, line, index, "package")


def _releases(entry: dict[str, object], line: int, index: int, key: str) -> Iterator[Dependency | Issue]:
    """What one entry is, by every sign it gives: a `kind:`/`manager:` word (formats before pixi's
    version 6, conda-lock), or a `conda:`/`pypi:`/`conda_source:` key holding text (pixi since
    version 6). An entry that gives two answers is a problem, and each answer is judged: a PyPI
    release does not hide behind a `conda:` key."""
    declared = entry.get("kind", entry.get("manager"))
    location = next((str(entry[k]) for k in ("url", "path") if isinstance(entry.get(k), str)), None)
    kinds: dict[str, str | None] = {}
    if declared in ("pypi", "pip"):
        kinds["pypi"] = location
    elif declared == "conda":
        kinds["conda"] = location
    for kind in ("pypi", "conda", "conda_source"):
        if isinstance(entry.get(kind), str):
            kinds.setdefault(kind, str(entry[kind]))
    if len(kinds) > 1:
        yield problem(
            f"{key} entry {index + 1} is both a {' and a '.join(sorted(kinds))} entry", f"lock-kind:{index}", line
        )
    if "pypi" in kinds:
        yield from _pypi_release(entry, kinds["pypi"], line, index)
    if "conda" in kinds:
        yield from _conda_package(entry, kinds["conda"], line, index)
    # `conda_source:` is a package pixi builds from the workspace's own source: no published release.
    if not kinds:
        yield problem(
            f"{key} entry {index + 1} is neither a conda package nor a PyPI release", f"lock-kind:{index}", line
        )
        yield from _named(entry, line)


def _named(entry: dict[str, object], line: int) -> Iterator[Dependency]:
    """An entry of an unknown kind that names a project: judged by name (known-malicious names)."""
    name = entry.get("name")
    if isinstance(name, str) and PROJECT_NAME.fullmatch(name):
        yield by_name(name, line)


def _top_level(text: str, what: str) -> dict[str, object]:
    import yaml

    from hooks.deps.conda import compose_yaml

    document = compose_yaml(text)
    if not isinstance(document, yaml.MappingNode):
        raise DependencyFileError(f"not a {what} (top level is not a mapping)")
    return {key.value: value for key, value in document.value if isinstance(key, yaml.ScalarNode)}


def _entries(node: object, key: str) -> Iterator[tuple[int, dict[str, object] | Issue]]:
    """Each entry of the package list as (line, {key: plain value}), or a problem at its line."""
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        raise DependencyFileError(f"`{key}` is not a list")
    for index, item in enumerate(node.value):
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            yield line, problem(f"{key} entry {index + 1} is not a mapping", f"lock-entry:{index}", line)
            continue
        yield line, _mapping(item)


def _mapping(node: object) -> dict[str, object]:
    """A mapping's scalar keys and plain values, with YAML's merge key applied as a YAML loader
    applies it (conda-lock reads its files with one): `<<: {name: x}` gives `name` unless the
    mapping sets it itself."""
    import yaml

    assert isinstance(node, yaml.MappingNode)
    own = {k.value: _plain(v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value != "<<"}
    merged: dict[str, object] = {}
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == "<<":
            for part in v.value if isinstance(v, yaml.SequenceNode) else [v]:
                if isinstance(part, yaml.MappingNode):
                    for name, value in part.value:
                        if isinstance(name, yaml.ScalarNode):
                            merged.setdefault(name.value, _plain(value))
    return {**merged, **own}


def _plain(node: object) -> object:
    """A scalar's text, a sequence's scalars, a mapping's scalar keys; None for other shapes."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        # `~`, `null`, `true`: no text (a `conda: ~` key names no conda package)
        return None if node.tag.endswith((":null", ":bool")) else str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [str(item.value) for item in node.value if isinstance(item, yaml.ScalarNode)]
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): True for key, _value in node.value if isinstance(key, yaml.ScalarNode)}
    return None


def _conda_package(
    entry: dict[str, object], location: str | None, line: int, index: int
) -> Iterator[Dependency | Issue]:
    file = _CONDA_FILE.fullmatch(location.rsplit("/", 1)[-1]) if location else None
    name = entry.get("name", file.group(1) if file else None)
    version = entry.get("version", file.group(2) if file else None)
    if not isinstance(name, str) or not isinstance(version, str):
        yield problem(f"conda package entry {index + 1} names no package or version", f"lock-conda:{index}", line)
        return
    build = entry.get("build", file.group(3) if file else None)
    for project in _pypi_projects(name, entry, build if isinstance(build, str) else None):
        if not PROJECT_NAME.fullmatch(project):
            yield problem(f"{shown(project)} is no project name", f"lock-name:{index}", line)
        elif is_version(version):
            yield Dependency(project, line, f"{name}=={version}", "conda", f"=={version.strip()}")
        # A conda version that is no PEP 440 version (`2023c`, `1.0_1`) names no PyPI release:
        # no advisory range speaks of it.


def _pypi_projects(name: str, entry: dict[str, object], build: str | None) -> list[str]:
    """The PyPI projects a conda package is: its purls, or itself when it depends on Python and
    its build string, if known, is a Python build's (conda.python_build)."""
    from hooks.deps.conda import CONDA_TO_PYPI, python_build

    purls = entry.get("purls")
    if isinstance(purls, list):
        found = [_PYPI_PURL.match(purl) for purl in purls if isinstance(purl, str)]
        return [unquote(match.group(1)) for match in found if match is not None]
    # pixi's `depends` are specs (`python >=3.9`), conda-lock's `dependencies` a name -> spec map
    depends = entry.get("depends", entry.get("dependencies"))
    items = depends if isinstance(depends, (list, dict)) else ()
    needed = {re.split(r"[\s=<>!~\[]", item, maxsplit=1)[0] for item in items}
    if _INTERPRETERS.fullmatch(name):
        return []
    if (needed & _PYTHON or entry.get("noarch") == "python") and (build is None or python_build(build)):
        return [CONDA_TO_PYPI.get(name.lower(), name)]
    return []


def _pypi_release(
    entry: dict[str, object], location: str | None, line: int, index: int
) -> Iterator[Dependency | Issue]:
    name, version = entry.get("name"), entry.get("version")
    if not isinstance(name, str) or not PROJECT_NAME.fullmatch(name):
        what = shown(name) if isinstance(name, str) else f"PyPI entry {index + 1}"
        yield problem(f"{what} is no project name", f"lock-name:{index}", line)
        named = archive_file(location) if location is not None and is_archive(location) else None
        if named is not None and location is not None:
            found = archive_entry(named[0], location, line)  # the installer fetches that file
            if found is not None:
                yield found
        return
    if location is not None and location.startswith(_VCS_PREFIXES):
        return  # a VCS checkout: no published release
    if location is not None and is_archive(location):
        found = archive_entry(name, location, line)
        if found is not None:
            yield found
            return
    elif location is not None and not location.startswith(("http://", "https://")):
        return  # a folder: the project itself or a local source tree
    if version is None:
        yield problem(f"{name} is a release without a version", f"lock-version:{name}", line)
        yield by_name(name, line)
    elif not isinstance(version, str) or not is_version(version):
        yield problem(f"{name} has a version that is no release's", f"lock-version:{name}", line)
        yield by_name(name, line)
    else:
        yield Dependency(name, line, f"{name}=={version.strip()}", "pypi", f"=={version.strip()}")
