"""pre-commit hook `mlsec-artifacts`: code execution in model artifacts, found without loading them."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.cli import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook("mlsec-artifacts", argv)


if __name__ == "__main__":
    raise SystemExit(main())
