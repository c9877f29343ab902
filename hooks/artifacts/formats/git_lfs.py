"""Git LFS pointer files: the few lines git stores in place of a large file until `git lfs pull`.

Recognised by the spec line they start with (hooks/_shared/lfs.py). The model is not there, so nothing can be shown
safe or unsafe: a pointer named like a model or an archive is reported (medium), never passed
silently and never called "no known format". The hook is offered every file, so pointers of
images, documents and datasets come here too; they are reported low (what they hold arrives on
`git lfs pull` and is judged then, by name and content like any file).
"""

from __future__ import annotations

from hooks._core.findings import Severity
from hooks._shared.lfs import is_lfs_pointer
from hooks.artifacts import rules
from hooks.artifacts.names import named_like_artifact
from hooks.artifacts.source import Format, Source, Walk


def _read(source: Source, walk: Walk) -> None:
    if named_like_artifact(source.name):
        what, severity = "the model itself was not fetched", None
    else:
        what, severity = "not named like a model; its content was not fetched", Severity.LOW
    walk.analysis.add(
        rules.GIT_LFS_POINTER,
        source.label or "file",
        f"is a Git LFS pointer: {what}, so it was not analysed (run `git lfs pull`; "
        "in GitHub Actions, `lfs: true` in actions/checkout)",
        f"{source.label}|lfs-pointer",
        severity=severity,
    )


GIT_LFS_POINTER = Format("git-lfs-pointer", is_lfs_pointer, _read)
