"""Whether a dependency file only sets up the project's own tests or its documentation build.

Such a file is installed where the project runs its test suite or builds its pages (CI, a docs
builder), never by a user of what the project ships, and nothing it installs serves requests: a
known vulnerability there is hygiene, not a blocked commit. Malware and typosquats are judged the
same everywhere (they run on install, wherever that is).

- tests: a file in a test folder (hooks/_core/test_paths.py, which leaves out a deployment's
  `overlays/test/` and environment files), or named for them: `requirements-test.txt`,
  `test-requirements.txt`, `requirements/tests.txt`, `requirements_testing.in`;
- documentation: the requirements or conda environment file of a docs folder itself
  (`docs/requirements.txt`, `doc/environment.yml`, Read the Docs' convention), or one named for
  it: `requirements-docs.txt`, `docs-requirements.txt`, `requirements/docs.txt`. An example's
  environment deeper in a docs folder (`docs/examples/conda/environment.yml`) is what readers
  install, so it is not one.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hooks._core.test_paths import place_in_tests

_DOCS_FOLDERS = frozenset({"doc", "docs", "documentation", "sphinx"})
_ENVIRONMENT_FILE = re.compile(r"(?:requirements?|environment|constraints?)(?:[._-][\w.-]*)?\.(?:txt|in|ya?ml)")
_NAMED_FOR = re.compile(
    r"(?:(?P<a>tests?|testing|docs?|documentation)[._-]requirements?|requirements?[._-](?P<b>tests?|testing|docs?"
    r"|documentation))(?:[._-][\w.-]*)?\.(?:txt|in)"
)
_IN_REQUIREMENTS_FOLDER = re.compile(r"(?P<c>tests?|testing|docs?|documentation)(?:[._-][\w.-]*)?\.(?:txt|in)")


def _kind(word: str) -> str:
    return "the project's tests" if word.startswith("test") else "the project's documentation build"


def side_environment(path: str) -> str | None:
    """What the file installs for ("the project's tests", "the project's documentation build"),
    when that is all it installs for; None for anything else."""
    posix = PurePosixPath(path.lower())
    name = posix.name
    if (named := _NAMED_FOR.fullmatch(name)) is not None:
        return _kind(named.group("a") or named.group("b"))
    parent = posix.parent.name
    if parent in ("requirements", "reqs") and (named := _IN_REQUIREMENTS_FOLDER.fullmatch(name)) is not None:
        return _kind(named.group("c"))
    if _ENVIRONMENT_FILE.fullmatch(name) is None and name != "pyproject.toml":
        return None
    if parent in _DOCS_FOLDERS and name != "pyproject.toml":
        return _kind("docs")
    if place_in_tests(path) == "a test folder":
        return _kind("tests")
    return None
