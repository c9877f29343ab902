"""Whether a file is part of a project's own tests, by the conventions test runners follow.

Two strengths, because they say different things:
- a *test module* is a file a test runner collects by its name (`test_*.py`, `*_test.py`,
  `conftest.py`, `*_test.go`, `*.test.ts`, `*.spec.js`); a Python one must also look like one
  (it defines tests or imports a test framework, and reads no command line): `tools/test_net.py`
  evaluates whatever model it is given, and `serve/ab_test.py` serves an experiment;
- a file in a *test folder* (`tests/`, `test/`, `e2e/`, `testdata/`, `__mocks__/`) may also be a
  helper script or a fixture file of any type. A `test` folder that is a deployment environment
  (a test folder anywhere below `overlays/`, `environments/`, `deploy/`, `k8s/`, `argocd/`, ...) is
  not the tests, and neither are environment files (`.env*`, `.envrc`, `*.tfvars`) anywhere: they
  configure a running system.

Only the secrets hook uses this, to lower a value judged by its shape alone (a generic
secret-looking value), never to skip reading a file; `profile: strict` undoes it. Nothing that
runs code is lowered by a path: a test that loads remote code runs it in CI.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath

_TEST_FOLDERS = frozenset(
    ["test", "tests", "testing", "__tests__", "e2e", "testdata", "test_data", "test-data", "__mocks__"]
)
# Folders that hold deployments: a test folder below one is a deployment's test environment.
_DEPLOYMENT_FOLDERS = frozenset(
    [
        "overlays", "environments", "environment", "envs", "env", "stages", "inventories", "inventory",
        "group_vars", "host_vars", "clusters", "deploy", "deployment", "deployments", "terraform", "helm",
        "charts", "values", "infra", "infrastructure", "k8s", "kubernetes", "manifests", "kustomize",
        "argocd", "argo", "flux", "gitops", "ansible", "playbooks", "ops", "devops", "aws", "gcp", "azure",
    ]
)  # fmt: skip
_ENVIRONMENT_FILE = re.compile(r"\.env(?:rc)?(?:[.-].*)?|.*\.env(?:[.-].*)?|.*\.envrc|.*\.tfvars(?:\.json)?")
_TEST_MODULE = re.compile(r"(?:test_[^/]+\.py|[^/]+_test\.(?:py|go)|conftest\.py|[^/]+\.(?:test|spec)\.[cm]?[jt]sx?)")
_DEFINES_TESTS = re.compile(
    r"^(?:async\s+def\s+test|def\s+test|class\s+Test|import\s+(?:pytest|unittest)\b|from\s+(?:pytest|unittest)\b)",
    re.MULTILINE,
)
_READS_COMMAND_LINE = re.compile(
    r"^[ \t]*(?:import|from)[ \t]+(?:argparse|click|fire|typer|absl|optparse|docopt|jsonargparse|hydra)\b"
    r"|\bargv\b|HfArgumentParser|\baddoption\b|\bgetoption\b",
    re.MULTILINE,
)


# What only tests have: test functions (module-level or in a class) or a test framework imported.
# A class named `Test...` alone may be a product's model (`class TestRun`, a lab test, an exam).
_TEST_FUNCTIONS = re.compile(r"^[ \t]*(?:async[ \t]+)?def[ \t]+test", re.MULTILINE)


def defines_tests(text: str) -> bool:
    """Python text that defines test functions or imports pytest or unittest."""
    return _TEST_FUNCTIONS.search(text) is not None or _IMPORTS_A_TEST_FRAMEWORK.search(text) is not None


def is_test_module(path: str) -> bool:
    """A file a test runner collects by its name."""
    return _TEST_MODULE.fullmatch(PurePosixPath(path).name.lower()) is not None


@functools.lru_cache(maxsize=2)  # the file being scanned (a text may be 32 MiB: hold few)
def looks_like_python_tests(text: str) -> bool:
    """Python text that defines tests or imports a test framework, and reads no command line
    (argparse and its kin, `argv`, Hugging Face's argument parser, pytest's `addoption`). Cached:
    one file's hits ask about the same text."""
    return _DEFINES_TESTS.search(text) is not None and _READS_COMMAND_LINE.search(text) is None


def place_in_tests(path: str, text: str | None = None) -> str | None:
    """How the file belongs to the tests ("a test module", "a test folder"), or None. `text`, when
    given, is the file's content: a Python module named like a test must also look like one."""
    posix = PurePosixPath(path.lower())
    if _ENVIRONMENT_FILE.fullmatch(posix.name):
        return None
    folders = posix.parts[:-1]
    if any(part in _DEPLOYMENT_FOLDERS for part in folders):
        return None  # `overlays/test/`, `deploy/conftest.py`: a deployment's, whatever the file is called
    if is_test_module(path) and (text is None or not posix.name.endswith(".py") or looks_like_python_tests(text)):
        return "a test module"
    if posix.is_absolute() or ".." in folders:
        # A path outside the scanned repository (`mlsec scan /srv/tests/project/app.py`): its
        # folders above the project say nothing about the project, so none of them is a test folder.
        return None
    return "a test folder" if any(part in _TEST_FOLDERS for part in folders) else None


# Folders that hold a project's real keys and settings: a `test` folder below one (`secrets/test/`,
# `config/test/`) is the test environment's keys, not the tests' fixtures.
_KEY_FOLDERS = frozenset(["secrets", "secret", "credentials", "creds", "config", "configs", "conf"])


def keeps_keys(path: str) -> bool:
    """Whether a folder of the path is one that holds a project's real keys or settings."""
    return any(part in _KEY_FOLDERS for part in PurePosixPath(path.lower()).parts[:-1])


# What a module that only looks like a test may be instead: a server or a consumer of a queue (its
# input comes from outside), or a tool reading its input (standard input, `fileinput`).
_NOT_ONLY_A_TEST = re.compile(
    r"^[ \t]*(?:import|from)[ \t]+(?:http\.server|socketserver|xmlrpc\.server|wsgiref|websockets|zmq|kafka|"
    r"confluent_kafka|pika|aio_pika|celery|nats|paho|grpc|tornado|twisted|falcon|bottle|quart|litestar|sanic|"
    r"aiohttp|flask|fastapi|starlette|uvicorn|gunicorn|gradio|streamlit|fileinput)\b"
    r"|\bimport_module\s*\(|\b__import__\s*\(|\bsys\.stdin\b",
    re.MULTILINE,
)
_IMPORTS_A_TEST_FRAMEWORK = re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest)\b", re.MULTILINE)
# Folders that hold tests but may also be a package's public helpers (`numpy/testing/`): not counted here.
_SHIPPED_TEST_HELPERS = frozenset({"testing"})


def place_of_test_code(path: str, text: str) -> str | None:
    """Like `place_in_tests`, for code judged by where its input comes from, and stricter: a
    module named `*_test.py` (`ab_test.py`, `load_test.py`) is a test only in a test folder or when
    it imports pytest or unittest; a `testing/` package may ship to users; and a module that serves
    or consumes a network, or reads a command line or standard input, takes outside input wherever
    it sits (`test/benchmark/bench_qps.py --model X` is a tool someone runs on their own inputs)."""
    place = place_in_tests(path, text)
    if place is None or _READS_COMMAND_LINE.search(text) is not None or _NOT_ONLY_A_TEST.search(text) is not None:
        return None
    posix = PurePosixPath(path.lower())
    folders = [part for part in posix.parts[:-1] if part not in _SHIPPED_TEST_HELPERS]
    in_test_folder = not (posix.is_absolute() or ".." in folders) and any(part in _TEST_FOLDERS for part in folders)
    if place == "a test module":
        named_as_prefix = posix.name.startswith("test_") or posix.name == "conftest.py"
        if not (named_as_prefix or in_test_folder or _IMPORTS_A_TEST_FRAMEWORK.search(text)):
            return None
        return place
    return place if in_test_folder else None
