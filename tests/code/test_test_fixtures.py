"""What a test's load reads: the tests' own local files, or anything else."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import CommandOrigins
from hooks.code.test_fixtures import reads_tests_own_file


def judge(source: str) -> bool:
    module = ast.parse(source)
    origins = CommandOrigins(module)
    (load,) = [n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "load"]
    return reads_tests_own_file(load, origins)


@pytest.mark.parametrize(
    "source",
    [
        "def test_a(tmp_path):\n    joblib.dump(m, tmp_path / 'm.pkl')\n"
        "    pickle.load(open(tmp_path / 'm.pkl', 'rb'))",
        "def test_a(tmp_path):\n    (tmp_path / 'm.pkl').write_bytes(b)\n"
        "    pickle.load(open(f'{tmp_path}/m.pkl', 'rb'))",
        "def test_a(tmpdir):\n    torch.save(m, tmpdir.join('m.pkl'))\n"
        "    pickle.load(open(tmpdir.join('m.pkl'), 'rb'))",
        # pytest's parametrize values spelled out beside the test are the test's own text
        "@pytest.mark.parametrize('name', ['a.pkl', pytest.param('b.pkl', marks=slow)])\n"
        "def test_a(name):\n    pickle.load(open(os.path.join('tests', 'data', name), 'rb'))",
        "@pytest.mark.parametrize(('name', 'n'), [('a.pkl', 1), ('b.pkl', 2)])\n"
        "def test_a(name, n):\n    pickle.load(open('tests/data/' + name, 'rb'))",
        "@pytest.mark.parametrize('n, name', [(1, 'a.pkl')])\ndef test_a(n, name):\n    pickle.load(open(name, 'rb'))",
        "def test_a():\n    d = tempfile.mkdtemp()\n    p = os.path.join(d, 'm.pkl')\n    with open(p, 'wb') as f:\n"
        "        f.write(b)\n    pickle.load(open(p, 'rb'))",
        "NAME = 'm.pkl'\ndef test_a():\n    with open(Path('tests', 'data', NAME), 'rb') as f:\n        pickle.load(f)",
        "@pytest.fixture\ndef model(tmp_path):\n    torch.save(m, tmp_path / 'm')\n"
        "    return pickle.load(open(tmp_path / 'm', 'rb'))",
    ],
)
def test_the_tests_own_local_files(source: str) -> None:
    assert judge(source)


@pytest.mark.parametrize(
    "source",
    [
        "def test_a(model_dir):\n    pickle.load(open(model_dir / 'm.pkl', 'rb'))",
        # pytest's folder, but the test never writes the file: an autouse fixture may have downloaded it.
        "def test_a(tmp_path):\n    pickle.load(open(tmp_path / 'm.pkl', 'rb'))",
        "def test_a(tmp_path):\n    json.dump(c, open(tmp_path / 'c.json', 'w'))\n"
        "    pickle.load(open(tmp_path / 'm.pkl', 'rb'))",
        # A conftest's own fixture name: any folder, filled by anything.
        "def test_a(tmp_dir):\n    torch.save(m, tmp_dir / 'm.pkl')\n    pickle.load(open(tmp_dir / 'm.pkl', 'rb'))",
        "def test_a():\n    pickle.load(open(os.path.join(tempfile.gettempdir(), 'm.pkl'), 'rb'))",
        "def test_a():\n    pickle.load(open('https:' + '//host/m.pkl', 'rb'))",
        "def helper(tmp_path):\n    pickle.load(open(tmp_path / 'm.pkl', 'rb'))",
        "def test_a():\n    pickle.load(open(os.environ['M'], 'rb'))",
        "def test_a():\n    pickle.load(open(os.path.expandvars('$HOME/m.pkl'), 'rb'))",
        "def test_a():\n    pickle.load(open(Path.home() / 'm.pkl', 'rb'))",
        "def test_a():\n    pickle.load(open('/tmp/m.pkl', 'rb'))",
        "def test_a():\n    pickle.load(open('s3://b/m.pkl', 'rb'))",
        "def test_a():\n    pickle.load(open('ht' + 'tp://x/m.pkl', 'rb'))",
        "def test_a(mode):\n    pickle.load(open('m.pkl', mode))",
        "PATHS = {'m': 'm.pkl'}\ndef test_a(key):\n    pickle.load(open(PATHS[key], 'rb'))",
        # parametrize look-alikes: handed to a fixture, built elsewhere, a URL among them, another name
        "@pytest.mark.parametrize('name', ['a.pkl'], indirect=True)\n"
        "def test_a(name):\n    pickle.load(open(name, 'rb'))",
        "@pytest.mark.parametrize('name', NAMES)\ndef test_a(name):\n    pickle.load(open(name, 'rb'))",
        "@pytest.mark.parametrize('name', ['a.pkl', 'https://h/m.pkl'])\n"
        "def test_a(name):\n    pickle.load(open(name, 'rb'))",
        "@pytest.mark.parametrize('other', ['a.pkl'])\ndef test_a(other, name):\n    pickle.load(open(name, 'rb'))",
        "@pytest.mark.parametrize('name', ['a.pkl'])\ndef helper(name):\n    pickle.load(open(name, 'rb'))",
        "@pytest.mark.parametrize('name, n', [('a.pkl',)])\ndef test_a(name, n):\n    pickle.load(open(name, 'rb'))",
    ],
)
def test_anything_else(source: str) -> None:
    assert not judge(source)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeft_()[]'\"/+.:%{} \n=", max_size=80))
def test_garbage_never_raises(text: str) -> None:
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    origins = CommandOrigins(module)
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            assert reads_tests_own_file(node, origins) in (True, False)
