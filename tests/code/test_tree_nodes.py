"""A module's nodes are listed once, in ast.walk's order; other nodes are walked as before."""

from __future__ import annotations

import ast

from hypothesis import given
from hypothesis import strategies as st

from hooks.code.tree_nodes import nodes_of

SOURCE = """
import torch
def load(path, *, device="cpu"):
    with open(path, "rb") as handle:
        return torch.load(handle, map_location=device)
class Model:
    weights = [load(p) for p in ("a.pt", "b.pt") if p]
"""


def test_a_modules_nodes_are_ast_walks_in_its_order_and_listed_once() -> None:
    module = ast.parse(SOURCE)
    first = nodes_of(module)
    assert list(first) == list(ast.walk(module))
    assert nodes_of(module) is first  # listed once, then kept on the tree
    function = module.body[1]
    assert list(nodes_of(function)) == list(ast.walk(function))
    assert not isinstance(nodes_of(function), tuple)  # a subtree is walked, not kept


def test_two_modules_keep_their_own_lists() -> None:
    one, two = ast.parse("a = 1\n"), ast.parse("b = [2, 3]\n")
    assert [type(n) for n in nodes_of(one)] != [type(n) for n in nodes_of(two)]
    assert list(nodes_of(two)) == list(ast.walk(two))


_NAMES = st.sampled_from(["a", "b", "model", "path"])
_STATEMENTS = st.one_of(
    st.builds("{} = {}\n".format, _NAMES, st.integers(-5, 5)),
    st.builds("{} = load({!r})\n".format, _NAMES, st.text("xyz./", max_size=6)),
    st.builds("def f_{}(x):\n    return {}\n".format, _NAMES, _NAMES),
    st.builds("if {}:\n    {} = [i for i in range(3)]\n".format, _NAMES, _NAMES),
)


@given(st.lists(_STATEMENTS, max_size=12))
def test_listing_agrees_with_ast_walk_on_generated_modules(statements: list[str]) -> None:
    module = ast.parse("".join(statements))
    assert list(nodes_of(module)) == list(ast.walk(module))
    assert list(nodes_of(module)) == list(ast.walk(module))  # the kept list, asked again
