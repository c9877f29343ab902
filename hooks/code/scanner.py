"""`mlsec-code`: bandit plus ML rules on Python files and notebook code cells, magics included."""

from __future__ import annotations

import ast
import bisect
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from hooks._core.errors import UsageError
from hooks._core.findings import Finding, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.suppressions import bare_marker_findings, is_suppressed
from hooks.code.bandit_runner import DEFAULT_SKIPS, BanditIssue, BanditRunner, nosec_lines
from hooks.code.cells import CellSource, transform_cell
from hooks.code.ml_rules import MLRuleVisitor, RawIssue
from hooks.code.shell_rules import install_issues, shell_issues

MAX_BYTES = 8 << 20
# Our rule and the bandit ids it stands for: one line, one finding; `# nosec B614` covers both.
EQUIVALENT_BANDIT_IDS: dict[str, frozenset[str]] = {
    "MLS301": frozenset({"B301", "B403"}),
    "MLS302": frozenset({"B301", "B403"}),
    "MLS304": frozenset({"B301"}),
    "MLS305": frozenset({"B506"}),
    "MLS306": frozenset({"B614"}),
    "MLS314": frozenset({"B102", "B307"}),
    "MLS315": frozenset({"B202"}),
}


@dataclass(frozen=True)
class Piece:
    """One parseable stretch of source: a whole script, or a notebook code cell."""

    cell: int | None
    original: str  # what the user wrote (for suppression comments)
    transformed: CellSource

    @cached_property
    def nosec(self) -> dict[int, set[str]]:
        return nosec_lines(self.original)


@dataclass(frozen=True)
class Located:
    rule_id: str
    line: int
    column: int
    message: str
    severity: Severity | None = None


class CodeScanner:
    def __init__(self) -> None:
        self._runner: tuple[tuple[str, ...], BanditRunner] | None = None

    def _bandit(self, policy: Policy) -> BanditRunner:
        section = policy.section("code")
        skips = tuple(section.get("bandit_skip", DEFAULT_SKIPS))
        if self._runner is None or self._runner[0] != skips:
            self._runner = (skips, BanditRunner(skips))
        return self._runner[1]

    def scan_file(self, path: Path, display: str, policy: Policy) -> list[Finding]:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return [
                make_finding(
                    "MLS907", display, f"larger than {MAX_BYTES >> 20} MiB; not analysed", content_key="too-large"
                )
            ]
        if display.lower().endswith(".ipynb"):
            return self._scan_notebook(data, display, policy)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        piece = Piece(None, text, CellSource(text))
        return self._scan_pieces([piece], display, policy)

    def _scan_notebook(self, data: bytes, display: str, policy: Policy) -> list[Finding]:
        from hooks._core.notebooks import NotebookError, parse_notebook

        try:
            cells = parse_notebook(data.decode("utf-8", errors="replace"))
        except NotebookError as exc:
            return [
                make_finding("MLS907", display, f"notebook {exc.args[0]}; code not analysed", content_key="notebook")
            ]
        pieces = [Piece(c.number, c.source, transform_cell(c.source)) for c in cells if c.cell_type == "code"]
        return self._scan_pieces(pieces, display, policy)

    def _scan_pieces(self, pieces: list[Piece], display: str, policy: Policy) -> list[Finding]:
        findings: list[Finding] = []
        module_body: list[ast.stmt] = []
        virtual_lines: list[str] = []
        starts: list[int] = []  # virtual line where each piece starts (0-based offset)
        nosec: dict[int, set[str]] = {}
        visitor = MLRuleVisitor()
        per_piece: list[list[Located]] = []
        for piece in pieces:
            located: list[Located] = []
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
            for issue in shell_issues(shell) + install_issues(shell + piece.transformed.installs):
                located.append(Located(issue.rule_id, issue.line, issue.column, issue.message))
        module = ast.Module(body=module_body, type_ignores=[])
        raw_ml: list[RawIssue] = []
        bandit: list[BanditIssue] = []
        if module_body:
            try:
                visitor.visit(module)
                raw_ml = visitor.issues
                bandit = self._bandit(policy).run(display, "\n".join(virtual_lines), module, nosec)
            except RecursionError:
                per_piece[0].append(Located("MLS907", 1, 1, "code nested too deeply to analyse"))
            except UsageError:
                raise
        for issue in raw_ml:
            index, line = self._place(starts, issue.line)
            column = issue.column + pieces[index].transformed.python_offsets.get(line, 0)
            per_piece[index].append(Located(issue.rule_id, line, column, issue.message))
        for result in bandit:
            if (result.line, result.test_id) in visitor.bandit_false_positives:
                continue
            index, line = self._place(starts, result.line)
            message = f"{result.text} (bandit, confidence {result.confidence})"
            severity = Severity(result.severity) if result.severity in ("low", "medium", "high") else Severity.MEDIUM
            column = result.column + pieces[index].transformed.python_offsets.get(line, 0)
            per_piece[index].append(Located(result.test_id, line, column, message, severity))
        for piece, located in zip(pieces, per_piece, strict=True):
            findings.extend(self._report(piece, located, display))
        return findings

    @staticmethod
    def _parse(source: str, located: list[Located]) -> ast.Module | None:
        try:
            return ast.parse(source)
        except SyntaxError as exc:
            line = exc.lineno or 1
            located.append(Located("MLS907", line, exc.offset or 1, f"does not parse as Python ({exc.msg})"))
        except (ValueError, RecursionError, MemoryError) as exc:
            located.append(Located("MLS907", 1, 1, f"does not parse as Python ({type(exc).__name__}: {exc})"))
        return None

    @staticmethod
    def _place(starts: list[int], virtual_line: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(starts, virtual_line - 1) - 1)
        return index, virtual_line - starts[index]

    def _report(self, piece: Piece, located: list[Located], display: str) -> list[Finding]:
        lines = piece.original.split("\n")
        ours_on_line = {
            (item.line, rule)
            for item in located
            if item.rule_id.startswith("MLS")
            for rule in EQUIVALENT_BANDIT_IDS.get(item.rule_id, ())
        }
        nosec = piece.nosec
        findings: list[Finding] = []
        for item in sorted(located, key=lambda i: (i.line, i.column, i.rule_id)):
            if (item.line, item.rule_id) in ours_on_line:
                continue  # our rule already reports this line with an ML-specific message
            text = lines[item.line - 1] if 0 < item.line <= len(lines) else ""
            if is_suppressed(item.rule_id, text) or any(
                is_suppressed(b, text) for b in EQUIVALENT_BANDIT_IDS.get(item.rule_id, ())
            ):
                continue
            if item.rule_id.startswith("MLS") and item.line in nosec:
                named = nosec[item.line]
                if not named or item.rule_id in named or named & EQUIVALENT_BANDIT_IDS.get(item.rule_id, frozenset()):
                    continue
            findings.append(
                make_finding(
                    item.rule_id,
                    display,
                    item.message,
                    content_key=f"{item.rule_id}:{text.strip()}",
                    line=item.line,
                    column=item.column,
                    cell=piece.cell,
                    severity=item.severity,
                )
            )
        findings.extend(bare_marker_findings(piece.original, display, piece.cell))
        return findings
