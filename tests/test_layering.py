"""Dependencies point down (DESIGN.md): cli -> reporters/_core/scanners -> _shared -> _core.

The test reads every module of `hooks/` with `ast` (imports at module level and inside
functions alike) and fails on an import that points up or sideways, and on any import cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from tests.test_import_graph import find_cycles

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hooks"
SCANNERS = frozenset({"artifacts", "secrets", "code", "deps", "docker", "data", "gate"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every `hooks...` module a file imports, resolved to the deepest module that exists."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("hooks"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base.startswith("hooks"):
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    found.add(candidate if _exists(candidate) else base)
    return {_deepest(module) for module in found}


def _exists(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _deepest(module: str) -> str:
    parts = module.split(".")
    while parts and not _exists(".".join(parts)):
        parts.pop()
    return ".".join(parts)


def graph() -> dict[str, set[str]]:
    return {module_name(path): imports_of(path) - {module_name(path)} for path in PACKAGE.rglob("*.py")}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "hooks"


# Entry points inside a package: `mlsec gate` runs the artifact scan, hands the scanner's
# allowlist to the gate's loader and renders SARIF, as hooks/cli does for the hooks.
ENTRY_POINTS = frozenset({"hooks.gate.command"})


def allowed(source: str, target: str) -> bool:
    src, dst = layer(source), layer(target)
    if source in ENTRY_POINTS:
        return True
    if src == dst or dst in ("hooks", "_version"):
        return True
    if src == "_core":
        return False
    if src == "_shared":
        return dst == "_core"
    if src in SCANNERS:
        return dst in ("_core", "_shared")
    if src == "reporters":
        return dst == "_core"
    if src == "catalog":
        return dst == "_core" or (dst in SCANNERS and target.endswith(".spec"))
    return src == "cli"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The modules of each import cycle, sorted (the search is test_import_graph's)."""
    return [sorted(set(cycle)) for cycle in find_cycles(edges)]


def _violations(edges: dict[str, set[str]]) -> Iterable[str]:
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            if not allowed(source, target):
                yield f"{source} -> {target}"


def test_dependencies_point_down() -> None:
    assert list(_violations(graph())) == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_the_checker_sees_violations_and_cycles() -> None:
    assert not allowed("hooks._core.runner", "hooks.reporters")
    assert not allowed("hooks._core.tail", "hooks.secrets.rules")
    assert not allowed("hooks.docker.checks", "hooks.code.rules")
    assert not allowed("hooks._shared.shell", "hooks.code.rules")
    assert allowed("hooks.cli.run", "hooks.reporters")
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
