"""`mlsec-code`: bandit plus ML rules on Python files and notebook code cells, magics included."""

from __future__ import annotations

import ast
import bisect
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from hooks._core.errors import UsageError
from hooks._core.findings import Finding, Issue, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks._core.textfile import read_text
from hooks._shared.shell import ShellRules, install_issues, shell_issues
from hooks.code import rules
from hooks.code.bandit_rules import bandit_fallback_rule, bandit_rule
from hooks.code.bandit_runner import DEFAULT_SKIPS, BanditIssue, BanditRunner, nosec_lines
from hooks.code.cells import CellSource, transform_cell
from hooks.code.ml_rules import MLRuleVisitor
from hooks.code.rules import EQUIVALENT_BANDIT_IDS

MAX_BYTES = 8 << 20
SHELL_RULES = ShellRules(
    piped_to_shell=rules.DOWNLOAD_PIPED_TO_SHELL,
    downloaded_run=rules.DOWNLOADED_FILE_RUN,
    unpinned_install=rules.NOTEBOOK_UNPINNED_INSTALL,
    unsafe_index=rules.NOTEBOOK_UNSAFE_INDEX,
)


@dataclass(frozen=True)
class Piece:
    """One parseable stretch of source: a whole script, or a notebook code cell."""

    cell: int | None
    original: str  # what the user wrote (for suppression comments)
    transformed: CellSource

    @cached_property
    def nosec(self) -> dict[int, set[str]]:
        return nosec_lines(self.original)


class CodeScanner:
    def __init__(self) -> None:
        self._bandit = PolicySettings(
            lambda policy: BanditRunner(tuple(policy.section("code").get("bandit_skip", DEFAULT_SKIPS)))
        )

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        read = read_text(path, MAX_BYTES, binary_check=False)
        if not read.ok:
            message = f"{read.problem}; not analysed"
            return FileReport([make_finding(rules.CODE_NOT_ANALYSED, display, message, content_key=read.kind)])
        text = read.text
        if display.lower().endswith(".ipynb"):
            return self._scan_notebook(text, display, policy)
        piece = Piece(None, text, CellSource(text))
        return self._scan_pieces([piece], display, policy)

    def _scan_notebook(self, text: str, display: str, policy: Policy) -> FileReport:
        from hooks._core.notebooks import NotebookError, parse_notebook

        try:
            cells = parse_notebook(text)
        except NotebookError as exc:
            message = f"notebook {exc.args[0]}; code not analysed"
            return FileReport([make_finding(rules.CODE_NOT_ANALYSED, display, message, content_key="notebook")])
        pieces = [Piece(c.number, c.source, transform_cell(c.source)) for c in cells if c.cell_type == "code"]
        return self._scan_pieces(pieces, display, policy)

    def _scan_pieces(self, pieces: list[Piece], display: str, policy: Policy) -> FileReport:
        report = FileReport()
        module_body: list[ast.stmt] = []
        virtual_lines: list[str] = []
        starts: list[int] = []  # virtual line where each piece starts (0-based offset)
        nosec: dict[int, set[str]] = {}
        visitor = MLRuleVisitor()
        per_piece: list[list[Issue]] = []
        for piece in pieces:
            located: list[Issue] = []
            per_piece.append(located)
            offset = len(virtual_lines)
            starts.append(offset)
            source = piece.transformed.python
            virtual_lines.extend(source.split("\n"))
            for line, ids in piece.nosec.items():
                nosec[line + offset] = ids
            tree = self._parse(source, located)
            if tree is not None:
                ast.increment_lineno(tree, offset)
                module_body.extend(tree.body)
            shell = piece.transformed.shell
            located.extend(
                shell_issues(shell, SHELL_RULES) + install_issues(shell + piece.transformed.installs, SHELL_RULES)
            )
        module = ast.Module(body=module_body, type_ignores=[])
        raw_ml: list[Issue] = []
        bandit: list[BanditIssue] = []
        if module_body:
            try:
                visitor.visit(module)
                raw_ml = visitor.issues
                bandit = self._bandit(policy).run(display, "\n".join(virtual_lines), module, nosec)
            except RecursionError:
                per_piece[0].append(Issue(rules.CODE_NOT_ANALYSED, "code nested too deeply to analyse", "nested"))
            except UsageError:
                raise
        for issue in raw_ml:
            index, line = self._place(starts, issue.line)
            column = issue.column + pieces[index].transformed.python_offsets.get(line, 0)
            per_piece[index].append(replace(issue, line=line, column=column))
        for result in bandit:
            if (result.line, result.test_id) in visitor.bandit_false_positives:
                continue
            index, line = self._place(starts, result.line)
            message = f"{result.text} (bandit, confidence {result.confidence})"
            severity = Severity(result.severity) if result.severity in ("low", "medium", "high") else Severity.MEDIUM
            column = result.column + pieces[index].transformed.python_offsets.get(line, 0)
            rule = bandit_rule(result.test_id) or bandit_fallback_rule(result.test_id)
            per_piece[index].append(Issue(rule, message, "", line=line, column=column, severity=severity))
        for piece, located in zip(pieces, per_piece, strict=True):
            report.findings.extend(self._report(piece, located, display))
            report.read(display, piece.original, piece.cell)
        return report

    @staticmethod
    def _parse(source: str, located: list[Issue]) -> ast.Module | None:
        try:
            return ast.parse(source)
        except SyntaxError as exc:
            message = f"does not parse as Python ({exc.msg})"
            located.append(Issue(rules.CODE_NOT_ANALYSED, message, "", line=exc.lineno or 1, column=exc.offset or 1))
        except (ValueError, RecursionError, MemoryError) as exc:
            message = f"does not parse as Python ({type(exc).__name__}: {exc})"
            located.append(Issue(rules.CODE_NOT_ANALYSED, message, ""))
        return None

    @staticmethod
    def _place(starts: list[int], virtual_line: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(starts, virtual_line - 1) - 1)
        return index, virtual_line - starts[index]

    @staticmethod
    def _report(piece: Piece, located: list[Issue], display: str) -> list[Finding]:
        """Findings of one piece; bandit's finding gives way to ours on the same line."""
        lines = piece.original.split("\n")
        ours_on_line = {
            (item.line, bandit_id) for item in located for bandit_id in EQUIVALENT_BANDIT_IDS.get(item.rule.rule_id, ())
        }
        findings: list[Finding] = []
        for item in sorted(located, key=lambda i: (i.line, i.column, i.rule.rule_id)):
            if (item.line, item.rule.rule_id) in ours_on_line:
                continue  # our rule already reports this line with an ML-specific message
            text = lines[item.line - 1] if 0 < item.line <= len(lines) else ""
            key = item.key or f"{item.rule.rule_id}:{text.strip()}"
            findings.append(replace(item, key=key).at(display, cell=piece.cell))
        return findings
