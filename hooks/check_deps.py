"""pre-commit hook `mlsec-deps`: vulnerable, malicious and unsafe dependencies, offline first."""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.cli import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    return run_hook("mlsec-deps", argv)


if __name__ == "__main__":
    raise SystemExit(main())
