"""Python 3.12's type-parameter syntax (PEP 695) read by a hook running on an older Python."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.type_params import rewrite_type_params
from tests.code.helpers import scan_code


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("type Vector = list[float]\n", "Vector      = list[float]\n"),
        ("    type X[T] = dict[str, T]", "    X         = dict[str, T]"),
        ("def first[T](xs: list[T]) -> T:\n    pass", "def first   (xs: list[T]) -> T:\n    pass"),
        ("class Box[T: int, *Ts, **P](Base):\n    pass", "class Box                  (Base):\n    pass"),
        ("a = 1; type B = int", "a = 1; B      = int"),
    ],
)
def test_type_parameters_become_spaces_in_place(source: str, expected: str) -> None:
    assert rewrite_type_params(source) == expected


@pytest.mark.parametrize("source", ["type(x)", "x = type", "type = 3", "print(type[int])", "class A:\n    pass"])
def test_the_builtin_type_and_plain_code_are_left_alone(source: str) -> None:
    assert rewrite_type_params(source) is None


@pytest.mark.parametrize(
    "head",
    ["type Vector = list[float]", "def first[T](xs: list[T]) -> T:\n    return xs[0]", "class Box[T]:\n    pass"],
)
def test_a_file_of_the_newer_grammar_is_analysed_not_passed(tmp_path: Path, head: str) -> None:
    source = f"import pickle\n{head}\nmodel = pickle.load(open(path, 'rb'))\n"
    rules = [f.rule_id for f in scan_code(tmp_path, source)]
    assert "B301" in rules and "MLS907" not in rules


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="type defclass[]():=, \nTxab*0123#'\"\\", max_size=80))
def test_garbage_never_raises(source: str) -> None:
    rewritten = rewrite_type_params(source)
    assert rewritten is None or rewritten.count("\n") == source.count("\n")


@pytest.mark.parametrize(
    "source",
    [
        "type V[T] = list[T]\nx = 1\n",
        "def f[T](a: T) -> T:\n    return a\n",
        "class C[T: (int, str), *Ts, **P]:\n    def m[U](self, u: U) -> U:\n        return u\n",
        "if True:\n    type Alias = int\n",
    ],
)
def test_the_rewrite_parses_on_the_running_python(source: str) -> None:
    rewritten = rewrite_type_params(source)
    assert rewritten is not None and len(rewritten) == len(source)
    ast.parse(rewritten)


@pytest.mark.parametrize(
    "head",
    ['def f[T: __import__("os").system("id")](x):\n    return x', "class C[T = pickle.load(open(p, 'rb'))]:\n    pass"],
)
def test_bounds_that_run_code_are_not_blanked_but_block_unread(tmp_path: Path, head: str) -> None:
    # Python 3.12 evaluates a bound or default when it is read: blanking it would hide the call.
    assert rewrite_type_params(head) is None
    found = scan_code(tmp_path, f"import pickle\n{head}\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS907", "medium")]


def test_an_alias_after_a_compound_statements_colon_is_rewritten() -> None:
    assert rewrite_type_params("if True: type X = int") == "if True: X      = int"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="a Python that parses PEP 701 reads the file")
def test_an_fstring_this_python_cannot_read_blocks(tmp_path: Path) -> None:
    nested = 'label = f"{f"{f"{f"{f"{f"{1}"}"}"}"}"}"\n'
    found = scan_code(tmp_path, f"import os\n{nested}os.system(cmd)\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS907", "medium")]


@pytest.mark.parametrize(
    "line",
    [
        "print(f\"Context: {raw['train'][0]['context']\")",  # an unclosed field: broken on every Python
        'print(f"{}")',  # an empty field: 3.12 refuses it too
    ],
)
def test_an_fstring_broken_on_every_python_stays_low(tmp_path: Path, line: str) -> None:
    found = scan_code(tmp_path, f"{line}\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS907", "low")]
