"""The `mlsec-deps` hook: which files it receives, its policy section, options and rules."""

from __future__ import annotations

import re
from pathlib import Path

from hooks._core.spec import CliOption, HookSpec
from hooks.deps import rules

# The dependency files the hook is handed on its own (an include with such a name is checked
# there, not twice).
# Lock files: beside a dependency file they decide which release an installer takes, not the
# newest a range admits (the scanner's judgement of compromised ranges, and its cache inputs).
LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "requirements.lock", "pixi.lock", "conda-lock.yml")
DEPENDENCY_FILES = (
    r"(^|/)((requirements|constraints)[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in)"
    r"|environment[^/]*\.ya?ml|pyproject\.toml|uv\.toml)$"
)
# Notebooks too: the dependency files their `%%writefile` cells write are checked there. And an
# installed distribution's METADATA, the release a `pip install --target` tree ships
# (installed_metadata.py).
# Lock files read for their releases (hooks/deps/locks.py), by format; PEP 751 names its locks
# `pylock.toml` or `pylock.<name>.toml`.
LOCK_KINDS = {
    "poetry.lock": "poetry",
    "uv.lock": "uv",
    "pdm.lock": "pdm",
    "Pipfile.lock": "pipfile",
    "pixi.lock": "pixi",
}
# Lock formats named by a pattern: PEP 751's `pylock.toml` / `pylock.<name>.toml`; conda-lock's
# `conda-lock.yml` (any `*conda-lock.yml` its `--lockfile` option writes, such as
# `environment.conda-lock.yml`, which is no environment file); rye's and `uv pip compile`'s
# `requirements.lock` / `requirements-dev.lock`, pip's format with every release pinned.
LOCK_PATTERNS = {
    r"pylock(?:\.[^/]+)?\.toml": "pylock",
    r"[^/]*conda-lock\.ya?ml": "conda-lock",
    r"requirements[^/]*\.lock": "requirements",
}
LOCKED_FILES = r"(^|/)(" + "|".join([*(re.escape(name) for name in LOCK_KINDS), *LOCK_PATTERNS]) + ")$"
FILES = DEPENDENCY_FILES + "|" + LOCKED_FILES + r"|\.ipynb$|\.dist-info/METADATA$"

SPEC = HookSpec(
    hook_id="mlsec-deps",
    name="mlsec: vulnerable, malicious and unsafe dependencies",
    description="Check requirements, constraints, environment.yml, pyproject.toml and lock files, offline first",
    scanner="hooks.deps.scanner:DepsScanner",
    cache_inputs="hooks.deps.cache_inputs:cache_inputs",
    policy_section="deps",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    types=("file",),
    files=FILES,
    options=(
        CliOption(
            "--advisory-db",
            "advisory_db",
            "OSV records: a folder of JSON/YAML files, an OSV zip export or an mlsec snapshot file",
            metavar="PATH",
        ),
        CliOption("--online", "online", "query the OSV API (cached on disk, short timeouts)", is_flag=True),
    ),
    marker_priority=20,
)
