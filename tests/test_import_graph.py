"""The import graph of `hooks/`: built from the source with `ast`, it must have no cycle.

Imports count wherever they are written: at module level and inside functions (a lazy import
still runs, just later). Importing `a.b.c` also runs `a/__init__` and `a/b/__init__`, so those
edges count too. Imports under `if TYPE_CHECKING:` never run; `typing=True` counts them as well
(a cycle there is still a cycle in the design), which the artifact walker is held to.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "hooks"

ImportGraph = dict[str, set[str]]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(name: str, modules: set[str]) -> str | None:
    """The longest prefix of a dotted name that is one of our modules (`a.b.func` -> `a.b`)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST, typing: bool) -> Iterable[ast.AST]:
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        if not typing and _is_type_checking(node):
            assert isinstance(node, ast.If)
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))


def _imported_names(tree: ast.AST, module: str, is_package: bool, typing: bool) -> Iterable[str]:
    package = module if is_package else module.rpartition(".")[0]
    for node in _nodes(tree, typing):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(root: Path = HOOKS, *, typing: bool = False) -> ImportGraph:
    """module -> the modules of `root`'s package it imports (with their parent packages)."""
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    modules = set(files)
    graph: ImportGraph = {}
    for module, path in files.items():
        edges: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in _imported_names(tree, module, path.name == "__init__.py", typing):
            target = _resolve(name, modules)
            while target:
                edges.add(target)
                target = _resolve(target.rpartition(".")[0], modules)
        edges.discard(module)
        graph[module] = edges
    return graph


def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """One cycle per strongly connected component that has one (Tarjan), each as a path a -> ... -> a."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_in(sorted(component), graph) for component in components]


def _cycle_in(component: list[str], graph: Mapping[str, Iterable[str]]) -> list[str]:
    """A concrete path that leaves the component's first module and comes back to it."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph.get(node, ())):
            if target == start:
                return [*paths[node], start]
            if target in members and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return [*component, start]  # not reached: a strongly connected component always closes


def _cycles_text(cycles: list[list[str]]) -> str:
    return "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_the_import_graph_has_no_cycle() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, _cycles_text(cycles)


def test_the_artifact_walker_has_no_cycle_even_in_type_only_imports() -> None:
    graph = import_graph(typing=True)
    walker = {name: edges for name, edges in graph.items() if name.startswith("hooks.artifacts")}
    cycles = find_cycles(walker)
    assert not cycles, _cycles_text(cycles)


def test_the_graph_sees_function_level_imports_and_finds_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from ..a import thing\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n")
    graph = import_graph(package)
    assert graph["pkg.a"] == {"pkg", "pkg.sub", "pkg.sub.b"}
    assert graph["pkg.sub.b"] == {"pkg", "pkg.a"}
    assert graph["pkg.c"] == set()
    assert import_graph(package, typing=True)["pkg.c"] == {"pkg", "pkg.a"}
    assert find_cycles(graph) == [["pkg.a", "pkg.sub.b", "pkg.a"]]
    assert find_cycles({"x": {"y"}, "y": set()}) == []
