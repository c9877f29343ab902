"""pre-commit hook `mlsec-secrets`: credentials in text files and in notebook sources and outputs."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.cli import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook("mlsec-secrets", argv)


if __name__ == "__main__":
    raise SystemExit(main())
