"""pre-commit hook `mlsec-dockerfile`: training and serving images checked before they are built."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.cli import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook("mlsec-dockerfile", argv)


if __name__ == "__main__":
    raise SystemExit(main())
