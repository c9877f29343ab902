"""Rewrite README's rule table from the registry (tests fail when the two disagree)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks._core.rules import rules_markdown_table  # noqa: E402


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = f"<!-- rules:start -->\n{rules_markdown_table()}\n<!-- rules:end -->"
    readme.write_text(re.sub(r"<!-- rules:start -->.*?<!-- rules:end -->", lambda _: block, text, flags=re.S))


if __name__ == "__main__":
    main()
