"""Every node of a parsed module, walked once.

The code hook's passes each look at the whole module (its writes, its bindings, its wrappers, its
imports...): twenty-odd walks of the same tree per file, a third of the hook's time on large
repositories. A module is not changed once it is assembled (scanner.py builds it from the parsed
pieces, then only reads it), so its nodes are listed once, in `ast.walk`'s order, and kept on the
tree. Any other node is walked as before: subtrees are many and small, and keeping their lists
would cost memory for little.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

_NODES = "_mlsec_nodes"


def nodes_of(tree: ast.AST) -> Iterable[ast.AST]:
    """The nodes `ast.walk(tree)` yields, in its order; listed once per module."""
    return module_nodes(tree) if isinstance(tree, ast.Module) else ast.walk(tree)


def module_nodes(module: ast.Module) -> tuple[ast.AST, ...]:
    """The module's nodes in `ast.walk`'s order, listed on first asking and kept on the tree."""
    listed: tuple[ast.AST, ...] | None = module.__dict__.get(_NODES)
    if listed is None:
        listed = tuple(ast.walk(module))
        setattr(module, _NODES, listed)
    return listed
