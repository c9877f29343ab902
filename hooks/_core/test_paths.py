"""Whether a path is part of a project's own tests, by the conventions test runners follow.

Two strengths, because they say different things:
- a *test module* is a file a test runner collects by its name (`test_*.py`, `*_test.py`,
  `conftest.py`, `*_test.go`, `*.test.ts`, `*.spec.js`): the code in it runs under the runner,
  on the fixtures the test names;
- a file in a *test folder* (`tests/`, `test/`, `e2e/`, `testdata/`, `fixtures/`, `__mocks__/`)
  may also be a helper script, a benchmark or a fixture file of any type.

Hooks use this only to lower values that are judged by shape (a generic secret-looking value, a
flag in a test module), never to skip reading a file, and `profile: strict` undoes it.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_TEST_FOLDERS = frozenset(
    ["test", "tests", "testing", "__tests__", "e2e", "testdata", "test_data", "test-data", "fixtures", "__mocks__"]
)
_TEST_MODULE = re.compile(r"(?:test_[^/]+\.py|[^/]+_test\.(?:py|go)|conftest\.py|[^/]+\.(?:test|spec)\.[cm]?[jt]sx?)")


def is_test_module(path: str) -> bool:
    """A file a test runner collects by its name."""
    return _TEST_MODULE.fullmatch(PurePosixPath(path).name.lower()) is not None


def place_in_tests(path: str) -> str | None:
    """How the path belongs to the tests ("a test module", "a test folder"), or None."""
    if is_test_module(path):
        return "a test module"
    folders = PurePosixPath(path.lower()).parts[:-1]
    return "a test folder" if any(part in _TEST_FOLDERS for part in folders) else None
