"""The project's own tests take no outside input: what needs outside data to matter is low there."""

from __future__ import annotations

from pathlib import Path

from hooks._core.policy import Policy
from tests.code.helpers import scan_code

LOADS = (
    "import pickle, yaml, torch\n"
    "def check(path):\n"
    "    with open(path, 'rb') as handle:\n"
    "        assert pickle.load(handle)\n"
    "    assert torch.load(path)\n"
    "    assert yaml.load(open(path))\n"
    "def test_round_trip(tmp_path):\n"
    "    check(tmp_path / 'fixture.pkl')\n"
)
EXEC_AND_SQL = (
    "import ssl\n"
    "def run_query(name):\n"
    "    return db.execute(\"SELECT * FROM t WHERE name = '\" + name + \"'\")\n"
    "def test_exec():\n"
    "    exec(SNIPPET)\n"
    "    assert eval(EXPRESSION)\n"
)


def graded(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings)


def blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


def test_loads_of_the_tests_own_fixtures_are_low(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    found = scan_code(tmp_path, LOADS, "tests/test_io.py")
    assert blocking(found) == []
    assert {f.rule_id for f in found} >= {"B301", "MLS306", "MLS305"}
    assert all("a fixture of the tests" in f.message for f in found if f.rule_id in ("B301", "MLS306"))


def test_the_same_loads_outside_the_tests_block(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    found = scan_code(tmp_path, LOADS, "src/io_utils.py")
    assert {rule for rule, _ in blocking(found)} >= {"B301", "MLS306", "MLS305"}


def test_a_test_that_downloads_anything_keeps_its_loads_blocking(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    source = "import urllib.request\nurllib.request.urlretrieve(URL, 'fixture.pkl')\n" + LOADS
    found = scan_code(tmp_path, source, "tests/test_io.py")
    assert ("B301", 6) in blocking(found)
    assert ("MLS306", 7) in blocking(found)
    assert ("MLS305", 8) in blocking(found)


def test_a_script_named_like_a_test_that_reads_a_command_line_is_not_a_test(tmp_path: Path) -> None:
    source = "import argparse\nimport pickle\ndef test_model(path):\n    return pickle.load(open(path, 'rb'))\n"
    assert ("B301", 4) in blocking(scan_code(tmp_path, source, "test_model.py"))


def test_a_tool_in_a_test_folder_that_reads_a_command_line_is_not_a_test(tmp_path: Path) -> None:
    (tmp_path / "test" / "benchmark").mkdir(parents=True)
    source = "import argparse\nimport torch\ndef main(path):\n    return torch.load(path)\n"
    assert ("MLS306", 4) in blocking(scan_code(tmp_path, source, "test/benchmark/bench_load.py"))
    assert blocking(scan_code(tmp_path, source.replace("import argparse\n", ""), "test/benchmark/bench_load.py")) == []


def test_sql_exec_and_tls_in_a_test_module_are_low_and_elsewhere_keep_their_severity(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    assert blocking(scan_code(tmp_path, EXEC_AND_SQL, "tests/test_db.py")) == []
    assert blocking(scan_code(tmp_path, EXEC_AND_SQL, "db.py")) == [("B102", 5), ("B307", 6), ("B608", 3)]


def test_exec_in_a_test_that_downloads_keeps_its_severity(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    source = "import shutil\nshutil.copy(SOURCE, 'tests/snippet.py')\n" + EXEC_AND_SQL
    assert blocking(scan_code(tmp_path, source, "tests/test_db.py")) == [("B102", 7), ("B307", 8)]


def test_tls_checks_off_in_a_test_module_are_low(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    source = "import requests\ndef test_server():\n    requests.get(SERVER, verify=False, timeout=5)\n"
    assert blocking(scan_code(tmp_path, source, "tests/test_server.py")) == []
    assert blocking(scan_code(tmp_path, source, "client.py")) == [("B501", 3)]


def test_a_test_module_that_serves_requests_is_not_quiet(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    source = (
        "import pickle\nfrom flask import Flask, request\napp = Flask(__name__)\n"
        "@app.route('/p', methods=['POST'])\ndef predict():\n    return pickle.loads(request.data)\n"
        "def test_app():\n    assert app\n"
    )
    assert ("B301", 6) in blocking(scan_code(tmp_path, source, "tests/test_app.py"))


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
