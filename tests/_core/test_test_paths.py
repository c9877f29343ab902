from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._core.test_paths import is_test_module, keeps_keys, place_in_tests, place_of_test_code


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("tests/test_api.py", "a test module"),
        ("pkg/api_test.py", "a test module"),
        ("conftest.py", "a test module"),
        ("server/handler_test.go", "a test module"),
        ("web/src/App.test.tsx", "a test module"),
        ("web/src/app.spec.js", "a test module"),
        ("tests/fixtures/creds.json", "a test folder"),
        ("src/app/fixtures/prod_config.py", None),  # Django's fixtures load into a real database
        ("k8s/overlays/test/db-secret.yaml", None),  # a deployment's test environment
        ("infra/environments/test/main.tf", None),
        ("deploy/test/group_vars/all.yml", None),
        ("e2e/.env", None),  # an environment file configures a running system
        ("tests/prod.tfvars", None),
        ("tests/.env.test", None),
        ("test/e2e/logger/s3_utils.py", "a test folder"),
        ("Tests/Data/x.yaml", "a test folder"),
        ("src/__mocks__/client.js", "a test folder"),
        # look-alikes: a word in a name is no test convention
        ("test.py", None),
        ("latest/config.yaml", None),
        ("contest/app.py", None),
        ("attestation/keys.py", None),
        ("testing_notes.md", None),
        ("scripts/test", None),  # a file called test, not a folder
        ("protest_test.txt", None),
    ],
)
def test_place_in_tests(path: str, place: str | None) -> None:
    assert place_in_tests(path) == place


def test_a_test_module_is_named_by_the_runner_conventions_only() -> None:
    assert is_test_module("a/b/test_x.py") and not is_test_module("tests/helpers.py")


def test_a_python_module_named_like_a_test_must_look_like_one() -> None:
    assert place_in_tests("tests/test_db.py", "import pytest\nPASSWORD = 'x'\n") == "a test module"
    assert place_in_tests("pkg/db_test.py", "def test_connect():\n    pass\n") == "a test module"
    # an evaluation script and an A/B-serving module only share the name
    assert place_in_tests("tools/test_net.py", "import argparse\ndef test(cfg): ...\n") is None
    assert place_in_tests("src/serve/ab_test.py", "TOKEN = 'x'\n") is None
    # in a test folder it is still the tests' (a helper), whatever it defines
    assert place_in_tests("tests/helpers/ab_test.py", "TOKEN = 'x'\n") == "a test folder"


def test_a_test_module_below_a_deployment_folder_is_the_deployments() -> None:
    assert place_in_tests("deploy/conftest.py", "import pytest\n") is None
    assert place_in_tests("k8s/tls_test.go") is None
    assert place_in_tests("src/conftest.py", "import pytest\n") == "a test module"  # look-alike


def test_key_folders() -> None:
    assert keeps_keys("secrets/test/tls.key") and keeps_keys("app/config/test/server.key")
    assert not keeps_keys("tests/data/localhost.key") and not keeps_keys("config.key")


def test_test_code_in_a_test_folder_reads_no_command_line() -> None:
    tool = "import argparse\nparser = argparse.ArgumentParser()\n"
    assert place_of_test_code("test/benchmark/bench_qps.py", tool) is None
    assert place_of_test_code("test/benchmark/bench_qps.py", "import torch\nMODEL = 'm'\n") == "a test folder"
    # A test module keeps its place: pytest's own options are not a command line it reads.
    assert place_of_test_code("tests/test_io.py", "import pytest\ndef test_x():\n    pass\n") == "a test module"
    assert place_of_test_code("src/io.py", "import torch\n") is None


def test_folders_outside_the_repository_are_never_test_folders() -> None:
    """Display paths are repository-relative; one outside it is shown as given, and a `tests`
    folder above the project (`/srv/tests/project/`) must not lower what the project holds."""
    assert place_in_tests("/srv/tests/project/app/settings.py") is None
    assert place_in_tests("../tests/project/app/settings.py") is None
    assert place_in_tests("project/tests/settings.py") == "a test folder"
    # A file named by the runners' conventions is a test module wherever it is.
    assert place_in_tests("/srv/project/tests/test_app.py") == "a test module"


@given(st.text(max_size=60), st.text(max_size=400))
def test_test_code_place_never_raises_on_garbage(path: str, text: str) -> None:
    assert place_of_test_code(path, text) in (None, "a test module", "a test folder")
