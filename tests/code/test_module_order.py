"""The bindings of a module-level name that reach a read, checked against Python running the module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import CommandOrigins
from tests.code.helpers import notebook, scan_code


def _constant_at(text: str, line: int, name: str = "model") -> str | None:
    """What CommandOrigins says the `name` read on `line` holds, as a constant."""
    module = ast.parse(text)
    origins = CommandOrigins(module)
    [read] = [
        n
        for n in ast.walk(module)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id == name and n.lineno == line
    ]
    return origins.constant_value(read, origins.function_of(read))


def test_a_name_rebound_by_the_call_it_is_passed_to_holds_the_string_bound_before() -> None:
    text = "model = 'org/m'\nmodel = load(model)\nuse(model)\n"
    assert _constant_at(text, 2) == "org/m"
    assert _constant_at(text, 3) is None  # after the rebinding: the call's result


def test_reads_the_order_cannot_settle_keep_every_binding() -> None:
    """A read in a function, a lambda, a generator, a loop or an `if` may run after a later
    binding; a name a function rebinds through `global`, or a walrus binds, is not placed."""
    for text, line in (
        ("model = 'org/m'\ndef f():\n    return load(model)\nmodel = load(model)\n", 3),
        ("model = 'org/m'\ng = lambda: load(model)\nmodel = load(model)\n", 2),
        ("model = 'org/m'\ng = (load(model) for _ in range(2))\nmodel = load(model)\n", 2),
        ("model = 'org/m'\nfor i in range(2):\n    model = load(model)\n", 3),
        ("model = 'org/m'\nif flag:\n    x = load(model)\nmodel = load(model)\n", 3),
        ("model = 'org/m'\ndef f():\n    global model\n    model = other()\nf()\nx = load(model)\n", 6),
        ("model = 'org/m'\nx = load((model := other()), model)\n", 2),
        ("model = 'org/m'\nx = [load(model) for model in names]\n", 2),
        ("model = 'org/m'\nprint({k: load(model) for k, model in pairs})\n", 2),
    ):
        assert _constant_at(text, line) is None, text


def test_a_conditional_or_augmenting_binding_after_the_last_plain_one_still_reaches() -> None:
    assert _constant_at("model = 'a'\nif c:\n    model = 'b'\nx = load(model)\n", 4) is None
    assert _constant_at("model = 'a'\nmodel += 'b'\nx = load(model)\n", 3) is None
    assert _constant_at("model = 'a'\nif c:\n    model = 'a'\nx = load(model)\n", 4) == "a"
    assert _constant_at("model = 'a'\ntry:\n    model = f()\nexcept E:\n    pass\nx = load(model)\n", 6) is None
    assert _constant_at("if c:\n    model = 'a'\nmodel = 'b'\nx = load(model)\n", 4) == "b"


# Straight-line modules of `model = <const or call>`, `if c: model = ...`, `model += ...` and
# reads `seen.append(model)`, run for real (they are the test's own text): every value a read
# sees must be what the index says when it names a constant.
_STATEMENTS = st.sampled_from(
    [
        "model = 'a'",
        "model = 'b'",
        "model = other(model)",
        "model = other('x')",
        "if flip():\n    model = 'c'",
        "model += 'd'",
        "seen.append((LINE, model))",
        "[seen.append((LINE, model)) for model in ['e']]",
        "x = other(model)",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_STATEMENTS, min_size=1, max_size=12), st.lists(st.booleans(), max_size=12))
def test_what_the_index_calls_constant_is_what_python_reads(statements: list[str], flips: list[bool]) -> None:
    lines: list[str] = ["model = 'start'"]
    for statement in statements:
        lines.append(statement.replace("LINE", str(sum(part.count("\n") + 1 for part in lines) + 1)))
    text = "\n".join(lines) + "\n"
    coins = iter(flips)
    seen: list[tuple[int, object]] = []
    calls = iter(range(1000))
    namespace = {"seen": seen, "other": lambda *a: f"call{next(calls)}", "flip": lambda: next(coins, True)}
    exec(compile(text, "<generated>", "exec"), namespace)  # the test's own generated text
    for line, value in seen:
        constant = _constant_at(text, line)
        if constant is not None:
            assert value == constant, (text, line)


def test_a_tuple_of_names_bound_to_a_tuple_of_constants_binds_each() -> None:
    assert _constant_at("model, sha = 'org/m', 'abc'\nx = load(model)\n", 2) == "org/m"
    assert _constant_at("(model, (a, b)) = ('org/m', (1, 2))\nx = load(model)\n", 2) == "org/m"
    assert _constant_at("model, *rest = 'org/m', 'x', 'y'\nx = load(model)\n", 2) is None
    assert _constant_at("model, sha = pair\nx = load(model)\n", 2) is None
    assert _constant_at("def f():\n    model, sha = 'org/m', 'abc'\n    return load(model)\n", 3) == "org/m"


@pytest.mark.parametrize(
    "writer",
    [
        "globals()['model'] = sys.argv[1]",
        "globals().update(model=sys.argv[1])",
        "vars()['model'] = sys.argv[1]",
        "sys.modules[__name__].model = sys.argv[1]",
        "exec(open('configurator.py').read())",
        "from settings import *",
        "import __main__; __main__.model = sys.argv[1]",
        "inspect.currentframe().f_globals['model'] = sys.argv[1]",
        "importlib.import_module(__name__).model = sys.argv[1]",
        "load.__globals__['model'] = sys.argv[1]",
    ],
)
def test_a_module_that_may_bind_names_out_of_sight_keeps_every_binding(writer: str) -> None:
    """`model = "org/m"`, something that rebinds `model` without an assignment (nanoGPT's
    configurator, `globals()`, a star import), then the load that rebinds it: no order is read."""
    text = f"import sys, inspect, importlib\nmodel = 'org/m'\n{writer}\nmodel = load(model)\n"
    assert _constant_at(text, 4) is None


def test_what_only_looks_like_a_namespace_writer_leaves_the_order_read() -> None:
    """torch's `model.modules()`, a method named `eval`, an object's `__dict__` of its own."""
    for other in ("n = len(list(net.modules()))", "net.eval()", "cfg.__dict__.update(opts)"):
        text = f"model = 'org/m'\n{other}\nmodel = load(model)\n"
        assert _constant_at(text, 3) == "org/m", other
    text = "from sys import modules\nmodel = 'org/m'\nmodules[__name__].model = x\nmodel = load(model)\n"
    assert _constant_at(text, 4) is None


def test_a_name_the_module_deletes_or_a_function_imports_under_global_keeps_every_binding() -> None:
    assert _constant_at("model = 'org/m'\ndel model\nmodel = load(model)\n", 3) is None
    for imported in ("from config import model", "from config import name as model", "import config as model"):
        text = f"model = 'org/m'\ndef setup():\n    global model\n    {imported}\nsetup()\nmodel = load(model)\n"
        assert _constant_at(text, 6) is None, imported


@pytest.mark.parametrize(
    "magic",
    ["%run config.py", "%store -r model", "%pylab inline", "%%capture model\nx = 1", "%%bash --out model\necho x"],
)
def test_a_notebook_magic_that_binds_names_keeps_every_binding(tmp_path: Path, magic: str) -> None:
    """A notebook's `%run`, `%store -r`, `%pylab`, `%%capture NAME` or `--out NAME` binds names the
    code never assigns; the load after it keeps blocking. `%matplotlib` binds nothing."""
    sha = "2f5c3cd4eace6be6c0f12981f377fb35e5bf6ee5"
    load = f"model = AutoModel.from_pretrained(model, revision='{sha}', trust_remote_code=True)"
    for between, severity in ((magic, "high"), ("%matplotlib inline", "low")):
        cells = ["from transformers import AutoModel\nmodel = 'org/m'", between, load]
        found = [f for f in scan_code(tmp_path, notebook(*cells), "n.ipynb") if f.rule_id == "MLS307"]
        assert [f.severity.value for f in found] == [severity], between
