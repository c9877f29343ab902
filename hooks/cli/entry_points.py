"""Console scripts of the hooks: `mlsec-artifacts = hooks.cli.entry_points:mlsec_artifacts`.

Each hook's entry point is derived from the catalog, so a new hook needs no code here, only its
console-script line in setup.cfg (a test checks that every hook has one).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence


def __getattr__(name: str) -> Callable[[Sequence[str] | None], int]:
    from hooks.catalog import HOOK_MODULES

    hook_id = name.replace("_", "-")
    if hook_id not in HOOK_MODULES:
        raise AttributeError(name)

    def main(argv: Sequence[str] | None = None) -> int:
        from hooks.cli.run import run_hook

        code = run_hook(hook_id, argv)
        if argv is None:  # the console script itself (callers in Python pass argv)
            return exit_without_teardown(code)
        return code

    main.__name__ = name
    return main


def exit_without_teardown(code: int) -> int:
    """End the process at once with `code`, once stdout and stderr are flushed. The interpreter's
    teardown frees every module's objects one by one: about 9 ms, a sixth of a small hook run
    (mypy leaves the same way). Nothing of ours needs it: reports are written and closed before
    this point and no atexit handler is registered. Returns `code` only when a stream cannot be
    flushed (a closed pipe), so that the normal exit reports it."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return code
    os._exit(code)
