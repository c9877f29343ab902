"""Rewrite README's rule table, `docs/rules/` and `.pre-commit-hooks.yaml` from the catalog (tests fail when
they disagree)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks._core.selection import render_hooks_yaml  # noqa: E402
from hooks.catalog import HOOKS, registry  # noqa: E402
from hooks.cli.mlsec import rules_markdown_table  # noqa: E402
from hooks.reporters.rule_docs import rule_pages  # noqa: E402


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = f"<!-- rules:start -->\n{rules_markdown_table()}\n<!-- rules:end -->"
    readme.write_text(re.sub(r"<!-- rules:start -->.*?<!-- rules:end -->", lambda _: block, text, flags=re.S))
    (ROOT / ".pre-commit-hooks.yaml").write_text(render_hooks_yaml(HOOKS))
    folder = ROOT / "docs" / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    pages = rule_pages(registry())
    for old in folder.glob("*.md"):
        if old.name not in pages:
            old.unlink()
    for name, content in pages.items():
        (folder / name).write_text(content)


if __name__ == "__main__":
    main()
