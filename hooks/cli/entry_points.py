"""Console scripts of the hooks: `mlsec-artifacts = hooks.cli.entry_points:mlsec_artifacts`.

Each hook's entry point is derived from the catalog, so a new hook needs no code here, only its
console-script line in setup.cfg (a test checks that every hook has one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def __getattr__(name: str) -> Callable[[Sequence[str] | None], int]:
    from hooks.catalog import HOOKS

    hook_id = name.replace("_", "-")
    if not any(spec.hook_id == hook_id for spec in HOOKS):
        raise AttributeError(name)

    def main(argv: Sequence[str] | None = None) -> int:
        from hooks.cli.run import run_hook

        return run_hook(hook_id, argv)

    main.__name__ = name
    return main
