"""pyproject.toml: [project] dependencies and extras, [tool.poetry] dependencies and groups, and
uv's index settings (uv_settings.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hooks._core.findings import Issue, Severity
from hooks.deps import rules
from hooks.deps.model import Dependency, DependencyFile
from hooks.deps.reading import DependencyFileError
from hooks.deps.requirements import (
    SPECIFIER_NOTE,
    TEMPLATE_NOTE,
    _requirement,
    broken_specifier,
    describe,
    rendered_template,
    template_line,
)
from hooks.deps.toml_lines import LineFinder, read_toml

_POETRY_EXACT = re.compile(r"^\s*(?:==\s*)?\d[\w.!+-]*\s*$")
# Metadata a project publishes with; its version ranges are normal, not a finding.
_PUBLISHING_KEYS = ("classifiers", "license", "urls", "readme", "keywords", "authors", "maintainers")


def _listed(table: object, key: str) -> list[object]:
    """A list of requirements the standard defines (`dependencies = [...]`); a string or any other
    value there is refused by pip and build tools, and read letter by letter it would hide the
    names: the file is not read (fail closed)."""
    value = table.get(key) if isinstance(table, dict) else None
    if value is None:
        return []
    if not isinstance(value, list):
        raise DependencyFileError(f"`{key}` is a {type(value).__name__}, not a list of requirements")
    return value


def _mapping(table: object, key: str) -> dict[str, object]:
    value = table.get(key) if isinstance(table, dict) else None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DependencyFileError(f"`{key}` is a {type(value).__name__}, not a table")
    return value


def parse_pyproject(text: str, path: Path, root: Path, kind: str | None = None) -> DependencyFile:
    data = read_toml(text)
    result = DependencyFile(lines=text.splitlines())
    finder = LineFinder(result.lines)
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    assert isinstance(project, dict)
    library = (kind == "library") or (kind is None and any(key in project for key in _PUBLISHING_KEYS))
    strings: list[tuple[str, bool]] = [(s, False) for s in _listed(project, "dependencies") if isinstance(s, str)]
    for extra in _mapping(project, "optional-dependencies").values():
        strings.extend((s, False) for s in _listed({"extra": extra}, "extra") if isinstance(s, str))
    groups = _mapping(data, "dependency-groups")  # PEP 735
    tool = data.get("tool", {}) if isinstance(data.get("tool"), dict) else {}
    extra_lists = [_listed({"group": entries}, "group") for entries in groups.values()]
    # uv's overrides replace what any dependency asks for, and its constraints bound it: both
    # decide the release uv installs (`override-dependencies = ["ultralytics==8.3.41"]`).
    for key in ("dev-dependencies", "override-dependencies", "constraint-dependencies"):
        extra_lists.append(_listed(tool.get("uv") or {}, key))
    pdm_groups = _mapping(tool.get("pdm") or {}, "dev-dependencies")
    extra_lists.extend(_listed({"group": entries}, "group") for entries in pdm_groups.values())
    for entries in extra_lists:
        strings.extend((s, False) for s in entries if isinstance(s, str))
    build = data.get("build-system", {})
    if isinstance(build, dict):
        strings.extend((s, True) for s in _listed(build, "requires") if isinstance(s, str))
    for text_spec, build_only in strings:
        line = finder.find(text_spec)
        dependency = _requirement(text_spec, line, text_spec)
        if dependency is None:
            templated = template_line(text_spec)
            named = None if templated else broken_specifier(text_spec, line, text_spec)
            if templated:
                note = TEMPLATE_NOTE
            elif named is not None:
                note = SPECIFIER_NOTE
            else:
                note = f"cannot read the requirement on this line ({describe(text_spec)})"
            result.problems.append(
                Issue(
                    rules.DEPENDENCY_FILE_UNREADABLE,
                    note,
                    f"bad:{text_spec[:200]}",
                    line=line,
                    severity=Severity.LOW if templated or named is not None else None,
                )
            )
            rendered = rendered_template(text_spec, line, text_spec) if templated else named
            if rendered is not None:
                rendered.library, rendered.build_only = library, build_only
                result.dependencies.append(rendered)
            continue
        dependency.library, dependency.build_only = library, build_only
        result.dependencies.append(dependency)
    uv = tool.get("uv")
    if isinstance(uv, dict):
        from hooks.deps.uv_settings import source_archives, uv_indexes

        result.indexes.extend(uv_indexes(uv, finder.find, "[tool.uv]"))
        result.dependencies.extend(source_archives(uv.get("sources"), finder.find))
    poetry = data.get("tool", {}).get("poetry", {}) if isinstance(data.get("tool"), dict) else {}
    if isinstance(poetry, dict):
        library = library or kind == "library" or (kind is None and "packages" in poetry)
        tables = [poetry.get("dependencies", {}), poetry.get("dev-dependencies", {})]
        tables += [g.get("dependencies", {}) for g in (poetry.get("group") or {}).values() if isinstance(g, dict)]
        for table in tables:
            if isinstance(table, dict):
                for name, spec in table.items():
                    if name.lower() == "python":
                        continue
                    result.dependencies.append(_poetry_dependency(name, spec, finder, library))
    return result


def _poetry_dependency(name: str, spec: Any, finder: LineFinder, library: bool) -> Dependency:
    line = finder.find_key(name)
    if isinstance(spec, dict):
        if "git" in spec:
            rev = spec.get("rev") or spec.get("tag") or spec.get("branch") or ""
            url = f"git+{spec['git']}@{rev}" if rev else f"git+{spec['git']}"
            return Dependency(name, line, str(spec), source="vcs", url=url, library=library)
        if "url" in spec:
            return Dependency(name, line, str(spec), source="url", url=str(spec["url"]), library=library)
        if "path" in spec:
            return Dependency(name, line, str(spec), source="path", url=str(spec["path"]), library=library)
        spec = spec.get("version", "")
    text = str(spec).strip()
    if text in ("", "*"):
        return Dependency(name, line, text, library=library)
    specifier = f"=={text.lstrip('=').strip()}" if _POETRY_EXACT.match(text) else text
    return Dependency(name, line, text, specifier=specifier, library=library)
