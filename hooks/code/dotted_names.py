"""The dotted name a syntax-tree node spells (`os.environ.get`), shared by the modules that judge
where values come from."""

from __future__ import annotations

import ast


def dotted_name(node: ast.AST) -> str:
    """`a.b.c` for an attribute chain on a name, the called name for a call (`f().x` is "f.x"),
    "" otherwise (a chain on anything else keeps a leading dot: `a[0].b` is ".b")."""
    if isinstance(node, ast.Call):
        return dotted_name(node.func)
    if isinstance(node, ast.Attribute):
        return f"{dotted_name(node.value)}.{node.attr}"
    if isinstance(node, ast.Name):
        return node.id
    return ""
