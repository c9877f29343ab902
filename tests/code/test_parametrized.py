"""Text a test builds only of its own parametrize constants is the test's own (eval, exec, shell)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.parametrized import built_of_parametrized_constants
from tests.code.helpers import scan_code

HEAD = "import pytest, subprocess, requests\nmnist = ['0', '1']\n"
FETCHES = "r = requests.get('https://example.com/x.npy')\n"  # the module fetches: not the tests' own text


def _blocking(tmp_path: Path, source: str, policy: Policy | None = None) -> list[tuple[str, int]]:
    found = scan_code(tmp_path, source, "test_cases.py", policy)
    return sorted(
        (f.rule_id, f.line) for f in found if f.rule_id in ("B307", "B102", "B602") and f.severity.value != "low"
    )


@pytest.mark.parametrize(
    "test",
    [
        '@pytest.mark.parametrize("name", ["mnist", "imdb"])\ndef test_x(name):\n    return eval(name)\n',
        '@pytest.mark.parametrize("a,name", [(1, "mnist"), pytest.param(2, "imdb", id="i")])\n'
        "def test_x(a, name):\n    return eval(name)\n",
        '@pytest.mark.parametrize("name", ("mnist", "imdb"))\ndef test_x(name):\n    exec(f"x = {name}")\n',
        '@pytest.mark.parametrize("script", ["a.py", "b.py"])\ndef test_x(script):\n'
        '    subprocess.run("python " + script, shell=True)\n',
    ],
)
def test_text_of_the_tests_own_parametrize_constants_is_low(tmp_path: Path, test: str) -> None:
    source = HEAD + FETCHES + test
    assert _blocking(tmp_path, source) == []
    assert _blocking(tmp_path, source, Policy(root=tmp_path, profile="strict")) != []


@pytest.mark.parametrize(
    "test",
    [
        # a value that is not a constant
        '@pytest.mark.parametrize("name", [load_case()])\ndef test_x(name):\n    return eval(name)\n',
        # a fixture turns the value into something else
        '@pytest.mark.parametrize("name", ["mnist"], indirect=True)\ndef test_x(name):\n    return eval(name)\n',
        '@pytest.mark.parametrize("name", ["mnist"], indirect=["name"])\ndef test_x(name):\n    return eval(name)\n',
        # the parameter is a fixture the decorator does not list
        '@pytest.mark.parametrize("other", ["mnist"])\ndef test_x(other, name):\n    return eval(name)\n',
        # rebound in the body
        '@pytest.mark.parametrize("name", ["mnist"])\ndef test_x(name):\n    name = r.text\n    return eval(name)\n',
        # the module calls it itself with anything
        '@pytest.mark.parametrize("name", ["mnist"])\ndef test_x(name):\n    return eval(name)\ntest_x(r.text)\n',
        # a row of the wrong width, values from a variable
        '@pytest.mark.parametrize("a,name", [("x",)])\ndef test_x(a, name):\n    return eval(name)\n',
        '@pytest.mark.parametrize("name", CASES)\ndef test_x(name):\n    return eval(name)\n',
        # another part of the text comes from outside
        '@pytest.mark.parametrize("name", ["mnist"])\ndef test_x(name):\n    return eval(name + r.text)\n',
        # a parametrize decorator of something else
        '@other.parametrize("name", ["mnist"])\ndef test_x(name):\n    return eval(name)\n',
    ],
)
def test_anything_else_keeps_bandits_severity(tmp_path: Path, test: str) -> None:
    assert _blocking(tmp_path, HEAD + FETCHES + test) != [], test


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="@pytest.mark.parametrize(\"n, ]['1)\ndef x:eval=", max_size=80))
def test_garbage_decorators_never_raise(text: str) -> None:
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and call.args:
                    built_of_parametrized_constants(call.args[0], node, module, lambda n: None)
