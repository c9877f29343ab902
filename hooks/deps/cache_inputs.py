"""What a dependency file's verdict depends on besides its own bytes (for hooks/_core/cache.py):
the advisory source and the day (`advisories.verdict_inputs`: a configured snapshot by content,
the online API by URL and hour, else the installed snapshot; MLS416 follows the snapshot's age),
and the files it includes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy
from hooks.deps.spec import DEPENDENCY_FILES, LOCK_FILES

_OWN_FILES = re.compile(DEPENDENCY_FILES)
_BESIDE = (*LOCK_FILES, "pyproject.toml")

# `-r other.txt`, `--constraint c.txt`, also inside environment.yml pip lists: the verdict then
# depends on other files, so the file is not cached at all (dependency files are few and small).
_INCLUDE = re.compile(rb"(?:^|[\s\"'\[,=])(?:-r|-c|--requirements?|--constraints?)(?:\b|=)", re.MULTILINE)

# The advisory inputs, computed once per run (a configured folder is stat'ed file by file): a run
# has one policy object, kept here so that its id is never reused. A process that runs twice (a
# test, an IDE) sees a refreshed snapshot.
_RUN: list[tuple[Policy, list[str] | None]] = []


def _advisory_inputs(policy: Policy) -> list[str] | None:
    if _RUN and _RUN[0][0] is policy:
        return _RUN[0][1]
    from hooks.deps.advisories import verdict_inputs

    inputs = verdict_inputs(policy.section("deps"), policy.root)
    _RUN[:] = [(policy, inputs)]
    return inputs


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    advisory = _advisory_inputs(policy)
    if advisory is None:
        return None
    # A lock file or a pyproject's resolution settings beside the file decide whether a range of
    # compromised releases is judged by its newest (scanner.installs_newest): they are inputs too.
    beside: list[Path | str] = []
    names = [name for name in _BESIDE if (path.parent / name).exists()]
    beside.append("beside:" + ",".join(names))
    beside.extend(path.parent / name for name in names)
    if not _OWN_FILES.search(display):
        # Not a dependency file on disk (a notebook, or a file whose written requirements and
        # install commands other hooks hand to deps): includes are not followed there.
        return [*advisory, *beside]
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return None
    if _INCLUDE.search(head):
        return None
    return [*advisory, *beside]
