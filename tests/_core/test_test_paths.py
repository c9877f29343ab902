from __future__ import annotations

import pytest

from hooks._core.test_paths import is_test_module, place_in_tests


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
        ("test/e2e/logger/s3_utils.py", "a test folder"),
        ("config/overlays/test/secret.yaml", "a test folder"),
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
