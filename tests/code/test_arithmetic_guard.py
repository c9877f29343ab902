"""Which regex guards limit `eval`'s text to arithmetic (hooks/code/arithmetic_guard.py)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.arithmetic_guard import _arithmetic_class, arithmetic_only


@pytest.mark.parametrize(
    ("pattern", "fullmatch", "arithmetic"),
    [
        (r"^[\d+\-*/().\s]+$", False, True),  # the Countdown reward's guard
        (r"^[\d]+\Z", False, True),
        (r"[0-9+*/ ()-]+", True, True),  # a digit range and a trailing literal `-`
        (r"[!-~]+", True, False),  # a range that spans the letters
        (r"^[\w+]+$", False, False),  # \w: letters and underscores
        (r"^[\d]+$|.*", False, False),  # an alternative lets anything through
        (r"[\d+]+", False, False),  # re.match without `$`: a prefix is enough
        (r"[^a-z]+", True, False),  # a negated class admits `_` and capitals
        (r"^[\d\S]+$", False, False),  # \S admits letters
        (r"[\!-\~]+", True, False),  # a range between escaped characters spans the letters too
        (r"^[\d\s\*\/\(\)\+-\~]+$", False, False),
    ],
)
def test_arithmetic_classes(pattern: str, fullmatch: bool, arithmetic: bool) -> None:
    assert _arithmetic_class(pattern, anchored=fullmatch) is arithmetic


def _eval_call(module: ast.Module) -> ast.Call:
    return next(n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "eval")


GUARD = "    if not re.match(r'^[\\d+]+$', e):\n        return None\n"
NESTED = GUARD.replace("\n    ", "\n        ")  # one block deeper


@pytest.mark.parametrize(
    ("source", "guarded"),
    [
        (f"def f(e):\n{GUARD}    return eval(e)\n", True),
        (
            f"def f(e):\n    try:\n    {NESTED}        return eval(e)\n    except Exception:\n        return None\n",
            True,
        ),
        (
            f"def f(e, m):\n    if m:\n    {NESTED}    return eval(e)\n",
            False,
        ),
        (f"def f(e):\n{GUARD}    e = e + 'x'\n    return eval(e)\n", False),
        (f"def f(e, g):\n{GUARD}    return eval(g)\n", False),  # another text
        (f"def f(e):\n    return eval(e)\n{GUARD}", False),  # checked after
        (f"def f(e):\n{GUARD}    while e:\n        print(eval(e))\n        e = input()\n", False),  # a REPL
        (f"def f(e):\n{GUARD.replace(', e)', ', e, re.M)')}    return eval(e)\n", False),  # `$` at any line
        (f"def f(e):\n{GUARD.replace('re.match', 'checker.match')}    return eval(e)\n", False),  # any match()
        (
            "def f(cs):\n    for c in cs:\n        e = c.strip()\n"
            "        if not re.match(r'^[\\d+]+$', e):\n            continue\n        print(eval(e))\n",
            True,
        ),  # checked again on every turn
        (f"def f(e, es):\n{GUARD}    return [eval(e) for e in es]\n", False),  # another `e`
        (f"def f(e):\n{GUARD}    return (lambda e: eval(e))(input())\n", False),
        (
            "p = r'^[\\d+]+$'\nif cond:\n    p += '|.*'\ndef f(e):\n    if not re.match(p, e):\n"
            "        return\n    return eval(e)\n",
            False,
        ),  # the pattern is changed on a branch
        (f"def f(e):\n    global e2\n{GUARD}    return eval(e)\n", True),  # another name is global
        (f"def f(e):\n    global e\n{GUARD}    load()\n    return eval(e)\n", False),  # load() may rebind it
    ],
)
def test_the_guard_must_refuse_before_the_eval_in_the_same_block(source: str, guarded: bool) -> None:
    module = ast.parse(source)
    assert arithmetic_only(_eval_call(module), module) is guarded


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.booleans())
def test_any_pattern_is_judged_without_error(pattern: str, fullmatch: bool) -> None:
    assert _arithmetic_class(pattern, anchored=fullmatch) in (True, False)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="e()[]+-*/\\^$dws.", max_size=30))
def test_any_guard_text_in_code_is_judged_without_error(pattern: str) -> None:
    source = f"def f(e):\n    if not re.match({pattern!r}, e):\n        return\n    return eval(e)\n"
    module = ast.parse(source)
    assert arithmetic_only(_eval_call(module), module) in (True, False)
