"""Rewrite README's rule table and `.pre-commit-hooks.yaml` from the catalog (tests fail when they disagree)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks._core.selection import render_hooks_yaml  # noqa: E402
from hooks.catalog import HOOKS  # noqa: E402
from hooks.cli.mlsec import rules_markdown_table  # noqa: E402


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = f"<!-- rules:start -->\n{rules_markdown_table()}\n<!-- rules:end -->"
    readme.write_text(re.sub(r"<!-- rules:start -->.*?<!-- rules:end -->", lambda _: block, text, flags=re.S))
    (ROOT / ".pre-commit-hooks.yaml").write_text(render_hooks_yaml(HOOKS))


if __name__ == "__main__":
    main()
