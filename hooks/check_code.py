"""pre-commit hook `mlsec-code`: unsafe calls in scripts and notebook cells, magics and shell lines too."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.cli import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook("mlsec-code", argv)


if __name__ == "__main__":
    raise SystemExit(main())
