"""Tests for hooks/code/dotted_names.py."""

from __future__ import annotations

import ast

import pytest

from hooks.code.dotted_names import dotted_name


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("os.environ.get", "os.environ.get"),
        ("os.environ.get('X')", "os.environ.get"),
        ("name", "name"),
        ("f().x", "f.x"),  # a call stands for what it calls
        ("a[0].b", ".b"),
        ("'text'", ""),
    ],
)
def test_dotted_name_spells_attribute_chains_on_names(source: str, expected: str) -> None:
    assert dotted_name(ast.parse(source, mode="eval").body) == expected
