"""bandit's checks, run in process on a tree we already parsed (no subprocess, no temp files)."""

from __future__ import annotations

import ast
import io
import logging
import re
import tokenize
import warnings
from dataclasses import dataclass
from typing import Any

# Tests whose findings are noise in ML code (or belong to another hook) unless a project asks
# for them: asserts, `import pickle`/`import subprocess` notices, list-form subprocess calls,
# `random`, and hard-coded password guesses (mlsec-secrets does that job precisely).
DEFAULT_SKIPS = ("B101", "B105", "B106", "B107", "B110", "B112", "B311", "B403", "B404", "B603", "B607")
_NOSEC = re.compile(r"#\s*nosec\b:?(?P<ids>[\sA-Za-z0-9_,-]*)")


@dataclass(frozen=True)
class BanditIssue:
    test_id: str
    severity: str
    confidence: str
    text: str
    line: int
    column: int


def nosec_lines(source: str) -> dict[int, set[str]]:
    """Line -> ids named by `# nosec` (an empty set means every test), as bandit reads them."""
    found: dict[int, set[str]] = {}
    if "nosec" not in source:
        return found  # the common case: no tokenizing at all
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        tokens = []
    for token in tokens:
        if token.type == tokenize.COMMENT:
            match = _NOSEC.search(token.string)
            if match:
                ids = {part for part in re.split(r"[\s,]+", match.group("ids")) if re.fullmatch(r"[A-Z]+\d+", part)}
                found[token.start[0]] = ids
    return found


def _skip_line_walks_without_nosec() -> None:
    """bandit asks, for every node and test, whether any line the node spans holds a `# nosec`,
    walking the node's whole line range even when the file has none: a 10,000-line dictionary
    literal then costs seconds per node and a 500 KB word list a minute. With no `# nosec` in the
    file, no line holds one: the answer is None without the walk (what bandit's loop returns)."""
    from bandit.core import utils as bandit_utils

    original = getattr(bandit_utils, "get_nosec", None)
    if original is None or getattr(original, "skips_empty", False):
        return  # a bandit without it (the contract test names the move), or already wrapped

    def get_nosec(nosec_lines: dict[int, set[str]], context: dict[str, Any]) -> set[str] | None:
        if not nosec_lines:
            return None
        found: set[str] | None = original(nosec_lines, context)
        return found

    get_nosec.skips_empty = True  # type: ignore[attr-defined]
    bandit_utils.get_nosec = get_nosec


class BanditRunner:
    def __init__(self, skips: tuple[str, ...] = DEFAULT_SKIPS) -> None:
        # bandit logs its plugins' own failures (a bad coding cookie, ...) with tracebacks on
        # stderr; the findings are ours to report, so its log stays silent.
        logging.getLogger("bandit").setLevel(logging.CRITICAL + 1)
        profile = {"include": set(), "exclude": set(skips)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # stevedore's, raised inside bandit
            from bandit.core import config as bandit_config
            from bandit.core import manager as bandit_manager

            self.manager: Any = bandit_manager.BanditManager(bandit_config.BanditConfig(), "file", profile=profile)
        _skip_line_walks_without_nosec()

    def run(self, name: str, source: str, tree: ast.AST, nosec: dict[int, set[str]]) -> list[BanditIssue]:
        from bandit.core import node_visitor

        data = source.encode("utf-8", "surrogateescape")
        manager = self.manager
        manager.metrics.begin(name)
        visitor = node_visitor.BanditNodeVisitor(
            name, io.BytesIO(data), manager.b_ma, manager.b_ts, False, nosec, manager.metrics
        )
        visitor.generic_visit(tree)
        visitor.context = {
            "file_data": io.BytesIO(data),
            "filename": name,
            "lineno": 0,
            "linerange": [0, 1],
            "col_offset": 0,
        }
        visitor.update_scores(visitor.tester.run_tests(visitor.context, "File"))
        return [
            BanditIssue(
                issue.test_id,
                issue.severity.lower(),
                issue.confidence.lower(),
                issue.text,
                issue.lineno,
                (issue.col_offset or 0) + 1,
            )
            for issue in visitor.tester.results
        ]
