"""What strings an argument can hold where a call reads it, as the module says."""

from __future__ import annotations

import ast

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import CommandOrigins
from hooks.code.string_values import StringResolver, StringValues


def _values(source: str) -> StringValues:
    """The values of `typ=` in the module's call of `Y`."""
    module = ast.parse(source)
    origins = CommandOrigins(module)
    call = next(
        n for n in ast.walk(module) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Y"
    )
    typ = next(k.value for k in call.keywords if k.arg == "typ")
    return StringResolver(module, origins.bound_values, origins.function_of, lambda name: False).values(typ, call)


def test_constants_folds_and_bindings() -> None:
    assert _values("Y(typ='safe')").strings == {"safe"}
    assert _values("Y(typ=['un' + 'safe'])").strings == {"unsafe"}
    both = _values("def f(c):\n    k = 'a' if c else 'b'\n    Y(typ=k)\n")
    assert (both.strings, both.other) == ({"a", "b"}, False)


def test_run_time_sources_are_other_and_keep_their_defaults() -> None:
    env = _values("import os\nY(typ=os.environ.get('T', 'rt'))\n")
    assert (env.strings, env.other) == ({"rt"}, True)
    parameter = _values("def f(t, typ='safe'):\n    Y(typ=typ)\nf(1, typ='full')\n")
    assert (parameter.strings, parameter.other) == ({"safe", "full"}, True)
    option = _values("p.add_argument('--yaml-typ', default='base')\nY(typ=args.yaml_typ)\n")
    assert (option.strings, option.other) == ({"base"}, True)


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.sampled_from(["'a'", "x", "1", "f()", "[x]", "os.getenv('A', 'b')"]),
        lambda inner: st.tuples(inner, st.sampled_from([" + ", " if c else "]), inner).map("".join),
        max_leaves=12,
    )
)
def test_any_expression_resolves_without_error(expression: str) -> None:
    found = _values(f"x = 'q'\nY(typ={expression})\n")
    assert isinstance(found.strings, set)
