"""The project's own tests: what needs outside data to matter is low there, when the test reads
only its own local files and takes no outside input; everything else keeps its severity."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.code.helpers import scan_code

LOADS = (
    "import pickle, yaml, torch\n"
    "from pathlib import Path\n"
    "def test_round_trip(tmp_path):\n"
    "    pickle.dump(OBJ, open(tmp_path / 'fixture.pkl', 'wb'))\n"
    "    torch.save(OBJ, os.path.join(tmp_path, 'weights' + SUFFIX))\n"
    "    open(f'{tmp_path}/config.yaml', 'w').write('a: 1')\n"
    "    (tmp_path / 'ones').write_bytes(DATA)\n"
    "    with open(tmp_path / 'fixture.pkl', 'rb') as handle:\n"
    "        assert pickle.load(handle)\n"
    "    assert torch.load(os.path.join(tmp_path, 'weights' + SUFFIX))\n"
    "    assert yaml.load(open(f'{tmp_path}/config.yaml'))\n"
    "    assert pickle.loads(Path(tmp_path, 'ones').read_bytes())\n"
    "SUFFIX = '.pt'\n"
)
EXEC_AND_SQL = (
    "SNIPPET, EXPRESSION = open('snippet.txt').read(), open('expression.txt').read()\n"
    "def run_query(name):\n"
    '    return db.execute("SELECT * FROM t WHERE name = \'" + name + "\'")\n'
    "def test_exec():\n"
    "    exec(SNIPPET)\n"
    "    assert eval(EXPRESSION)\n"
)


def blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


def in_tests(tmp_path: Path, source: str, name: str = "tests/test_io.py") -> list[tuple[str, int]]:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    return blocking(scan_code(tmp_path, source, name))


def test_loads_of_the_tests_own_local_files_are_low(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    found = scan_code(tmp_path, LOADS, "tests/test_io.py")
    assert blocking(found) == []
    assert {f.rule_id for f in found} >= {"B301", "MLS306", "MLS305"}
    assert any("a local file of the tests" in f.message for f in found if f.rule_id in ("B301", "MLS306", "MLS305"))


def test_the_same_loads_outside_the_tests_block(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "requirements.txt").write_text("PyYAML==5.3.1\n")  # yaml.load without a Loader runs code there
    found = scan_code(tmp_path, LOADS, "src/io_utils.py")
    # (torch.save then torch.load of one path is low anywhere: a file the script wrote itself.)
    assert {rule for rule, _ in blocking(found)} >= {"B301", "MLS305"}


@pytest.mark.parametrize(
    "load",
    [
        # A fixture or helper parameter: a conftest may fill it with a download.
        "def test_model(model_dir):\n    torch.load(os.path.join(model_dir, 'pytorch_model.bin'))\n",
        "def test_model():\n    joblib.load(fetch_model())\n",
        # A URL, an environment variable, bytes from a client or a cache.
        "def test_frame():\n    pd.read_pickle('https://example.com/frame.pkl')\n",
        "def test_frame():\n    pd.read_pickle('s3://bucket/frame.pkl')\n",
        "def test_env():\n    pickle.load(open(os.environ['MODEL_PATH'], 'rb'))\n",
        "def test_s3():\n    torch.load(io.BytesIO(boto3.client('s3').get_object(Key='k')['Body'].read()))\n",
        "def test_cache():\n    pickle.loads(redis.Redis(host='cache').get('model'))\n",
        "def test_attr(self):\n    pickle.load(open(self.path, 'rb'))\n",
        # A scheme split across pieces, a shared or home folder, a path climbing out of the checkout.
        "def test_glued():\n    pd.read_pickle('ht' + 'tp://example.com/frame.pkl')\n",
        "def test_shared():\n    pickle.load(open('/tmp/model.pkl', 'rb'))\n",
        "def test_home():\n    pickle.load(open('~/model.pkl', 'rb'))\n",
        "def test_up():\n    pickle.load(open('../../shared/model.pkl', 'rb'))\n",
        "def test_root(tmp_path):\n    pickle.load(open(tmp_path / '/etc/model.pkl', 'rb'))\n",
        # `tmp_path` as a helper's own parameter is whatever its caller passes (a download folder).
        "def load_from(tmp_path):\n    return pickle.load(open(tmp_path / 'm.pkl', 'rb'))\n",
    ],
)
def test_a_load_of_anything_but_the_tests_local_files_keeps_blocking(tmp_path: Path, load: str) -> None:
    source = "import io, os, pickle, torch, joblib, boto3, redis\nimport pandas as pd\n" + load
    assert [rule for rule, line in in_tests(tmp_path, source) if line == 4] != []


def test_a_file_in_tmp_path_the_test_did_not_write_keeps_blocking(tmp_path: Path) -> None:
    """An autouse fixture may download into the same `tmp_path`; a write of another file there
    says nothing about the one loaded."""
    source = (
        "import torch, json\n"
        "def test_model(tmp_path):\n"
        "    json.dump({}, open(tmp_path / 'config.json', 'w'))\n"
        "    torch.load(tmp_path / 'model.bin')\n"
    )
    assert ("MLS306", 4) in in_tests(tmp_path, source)
    written = source.replace(
        "json.dump({}, open(tmp_path / 'config.json', 'w'))", "torch.save({}, tmp_path / 'model.bin')"
    )
    assert ("MLS306", 4) not in in_tests(tmp_path, written)


@pytest.mark.parametrize(
    "fetch",
    [
        "urllib.request.urlretrieve(URL, 'tests/m.pkl')",
        "CMD = ['wget', '-O', 'tests/m.pkl', URL]\nsubprocess.run(CMD)",
        "subprocess.run(['dvc', 'pull', 'tests/m.pkl.dvc'])",
        "subprocess.run(['git', 'lfs', 'pull'])",
        "storage.Client().bucket('b').blob('m').download_to_filename('tests/m.pkl')",
        # Whatever a fetching module's call is named or aliased to.
        "from requests import get as g\nopen('m', 'wb').write(g(URL).content)",
        "import huggingface_hub as h\nh.hf_hub_download('org/m', 'm.pkl', local_dir='tests')",
        "fetch = getattr(__import__('urllib.request').request, 'urlretrieve')",
    ],
)
def test_a_test_that_fetches_keeps_its_loads_of_local_files_blocking(tmp_path: Path, fetch: str) -> None:
    source = f"import pickle, subprocess, urllib.request\n{fetch}\ndef test_m(tmp_path):\n"
    source += "    pickle.load(open(tmp_path / 'm', 'rb'))\n"
    found = in_tests(tmp_path, source)
    assert any(rule == "B301" for rule, _ in found), found


def test_a_notebook_in_a_test_folder_that_downloads_with_gdown_keeps_blocking(tmp_path: Path) -> None:
    from tests.code.helpers import notebook

    text = notebook("%%bash\ngdown 1AbC -O n.pkl", "import pickle\nm = pickle.load(open('n.pkl', 'rb'))")
    assert any(rule == "B301" for rule, _ in in_tests(tmp_path, text, "tests/demo.ipynb"))


def test_a_script_named_like_a_test_that_reads_a_command_line_is_not_a_test(tmp_path: Path) -> None:
    source = "import argparse\nimport pickle\ndef test_model(tmp_path):\n"
    source += "    return pickle.load(open(tmp_path / 'm', 'rb'))\n"
    assert ("B301", 4) in blocking(scan_code(tmp_path, source, "test_model.py"))


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("test/benchmark/bench_load.py", "import argparse\n"),  # a tool with a command line
        ("tests/tools/inspect_ckpt.py", "import fileinput\n"),  # a tool reading its input
        ("tests/mock_server.py", "import http.server\n"),  # a server: its input comes from outside
        ("tests/ws_server.py", "import websockets\n"),
        ("tests/test_app.py", "web = importlib.import_module('flask')\n"),
        ("serve/ab_test.py", "from kafka import KafkaConsumer\n"),  # a consumer named like a test
        ("serve/ab_test.py", ""),  # `*_test.py` outside a test folder, no test framework imported
        ("src/pkg/testing/reference.py", ""),  # a package's public test helpers ship to users
    ],
)
def test_what_only_looks_like_a_test_keeps_its_severity(tmp_path: Path, name: str, header: str) -> None:
    source = header + "import pickle\ndef test_group(tmp_path):\n    return pickle.load(open(tmp_path / 'm', 'rb'))\n"
    line = header.count("\n") + 3
    assert ("B301", line) in in_tests(tmp_path, source, name)


def test_a_test_module_named_with_the_suffix_in_a_test_folder_or_importing_pytest_is_a_test(tmp_path: Path) -> None:
    source = (
        "import pickle\ndef test_group(tmp_path):\n    pickle.dump(OBJ, open(tmp_path / 'm', 'wb'))\n"
        "    return pickle.load(open(tmp_path / 'm', 'rb'))\n"
    )
    assert in_tests(tmp_path, source, "tests/unit/model_test.py") == []
    assert in_tests(tmp_path, "import pytest\n" + source, "pkg/model_test.py") == []


def test_sql_exec_and_tls_in_a_test_module_are_low_and_elsewhere_keep_their_severity(tmp_path: Path) -> None:
    # A query taking a helper's parameter as a value: in the tests the parameter is a fixture or a
    # case (every B608 in tests labelled on real repositories was noise or false), elsewhere the
    # caller's text.
    assert in_tests(tmp_path, EXEC_AND_SQL, "tests/test_db.py") == []
    assert blocking(scan_code(tmp_path, EXEC_AND_SQL, "db.py")) == [("B102", 5), ("B307", 6), ("B608", 3)]


def test_exec_in_a_test_that_downloads_keeps_its_severity(tmp_path: Path) -> None:
    source = "import shutil\nshutil.copy(SOURCE, 'tests/snippet.py')\n" + EXEC_AND_SQL
    assert in_tests(tmp_path, source, "tests/test_db.py") == [("B102", 7), ("B307", 8)]


def test_a_shell_command_from_model_output_keeps_its_severity_in_a_test(tmp_path: Path) -> None:
    source = (
        "import subprocess\nfrom openai import OpenAI\n"
        "def test_agent():\n"
        "    code = OpenAI().chat.completions.create(model='m', messages=[]).choices[0].message.content\n"
        "    subprocess.run(code, shell=True)\n"
        "def test_own():\n"
        "    subprocess.run('ls ' + FOLDER, shell=True)\n"
        "FOLDER = 'tests'\n"
    )
    # Shell text is judged as anywhere else: the model's output blocks, the test's own text is low.
    assert ("B602", 5) in in_tests(tmp_path, source, "tests/test_agent.py")
    assert ("B602", 7) not in in_tests(tmp_path, source, "tests/test_agent.py")


def test_tls_checks_off_in_a_test_module_are_low(tmp_path: Path) -> None:
    source = "import requests\ndef test_server():\n    requests.get(SERVER, verify=False, timeout=5)\n"
    assert in_tests(tmp_path, source, "tests/test_server.py") == []
    assert blocking(scan_code(tmp_path, source, "client.py")) == [("B501", 3)]


def test_a_test_module_that_serves_requests_is_not_quiet(tmp_path: Path) -> None:
    source = (
        "import pickle\nfrom flask import Flask, request\napp = Flask(__name__)\n"
        "@app.route('/p', methods=['POST'])\ndef predict():\n    return pickle.loads(request.data)\n"
        "def test_app():\n    assert app\n"
    )
    assert ("B301", 6) in in_tests(tmp_path, source, "tests/test_app.py")


def test_strict_profile_blocks_in_the_tests_too(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    strict = Policy(root=tmp_path, profile="strict")
    assert {rule for rule, _ in blocking(scan_code(tmp_path, LOADS, "tests/test_io.py", strict))} >= {
        "B301",
        "MLS306",
    }
    assert blocking(scan_code(tmp_path, EXEC_AND_SQL, "tests/test_db.py", strict)) == [
        ("B102", 5),
        ("B307", 6),
        ("B608", 3),
    ]


def test_an_async_main_or_a_trainer_run_is_no_program_and_fetches_nothing(tmp_path: Path) -> None:
    source = (
        "import asyncio, pickle\nfrom pathlib import Path\n"
        "def test_async(tmp_path):\n    asyncio.run(main(tmp_path))\n"
        "    Path(tmp_path, 'm').write_bytes(DATA)\n"
        "    assert pickle.loads(Path(tmp_path, 'm').read_bytes())\n"
    )
    assert in_tests(tmp_path, source, "tests/test_async.py") == []
    started = source.replace("asyncio.run(main(tmp_path))", "subprocess.run(COMMAND)").replace("asyncio", "subprocess")
    assert ("B301", 6) in in_tests(tmp_path, started, "tests/test_async.py")


def test_eval_of_a_tests_parametrize_values_is_low_and_a_fixtures_value_blocks(tmp_path: Path) -> None:
    source = (
        "import pytest\n"
        "@pytest.mark.parametrize('expression', ['1 + 1', 'abs(-1)'])\n"
        "def test_eval(expression):\n"
        "    assert eval(expression)\n"
    )
    assert in_tests(tmp_path, source, "tests/test_eval.py") == []
    assert blocking(scan_code(tmp_path, source, "evaluate.py")) == [("B307", 4)]
    # The look-alike: the same values handed to a fixture (a conftest may fetch what it returns).
    indirect = source.replace("'abs(-1)'])", "'abs(-1)'], indirect=True)")
    assert in_tests(tmp_path, indirect, "tests/test_eval.py") == [("B307", 4)]
