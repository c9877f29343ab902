"""Git LFS pointer files: the few lines git stores in place of a large file until `git lfs pull`.

Recognised by the spec line they start with. The model is not there, so nothing can be shown
safe or unsafe: the pointer is reported (medium), never passed silently and never called "no
known format".
"""

from __future__ import annotations

from hooks.artifacts import rules
from hooks.artifacts.source import Format, Source, Walk

_SPEC = b"version https://git-lfs.github.com/spec/"


def _read(source: Source, walk: Walk) -> None:
    walk.analysis.add(
        rules.GIT_LFS_POINTER,
        source.label or "file",
        "is a Git LFS pointer: the model itself was not fetched, so it was not analysed (run `git lfs pull`; "
        "in GitHub Actions, `lfs: true` in actions/checkout)",
        f"{source.label}|lfs-pointer",
    )


GIT_LFS_POINTER = Format("git-lfs-pointer", lambda head: head.startswith(_SPEC), _read)
