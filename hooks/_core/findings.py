"""The one record type every scanner produces, and its ordering and fingerprint."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hooks._core.rules import Rule
from hooks._core.severity import Severity

__all__ = ["FileError", "Finding", "Issue", "Severity", "fingerprint", "make_finding"]


def fingerprint(rule_id: str, path: str, content_key: str) -> str:
    """Identify a finding by what was flagged, never by where, so edits elsewhere keep it stable.

    Whitespace in the flagged content is dropped before hashing: re-indenting or re-spacing the
    flagged line (a formatter run) is not a new finding and does not escape the baseline."""
    import hashlib

    content = "".join(content_key.split())
    digest = hashlib.sha256(f"{rule_id}\0{path}\0{content}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def spaced_fingerprint(rule_id: str, path: str, content_key: str) -> str | None:
    """The fingerprint before whitespace was dropped (0.1 baselines), when it differs."""
    if "".join(content_key.split()) == content_key:
        return None
    import hashlib

    digest = hashlib.sha256(f"{rule_id}\0{path}\0{content_key}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


# A finding's fields in reports (JSON, SARIF properties) and in cache entries, in that order.
REPORT_FIELDS = (
    "rule_id",
    "severity",
    "path",
    "line",
    "column",
    "cell",
    "output",
    "message",
    "fingerprint",
    "end_line",
    "confidence",
)


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    fingerprint: str
    cell: int | None = None
    output: int | None = None
    end_line: int | None = None  # last line of a finding that spans several (None: one line)
    confidence: str | None = None  # "high", "medium" or "low" where the scanner grades it
    # The 0.1 fingerprint (whitespace kept), so a baseline written by 0.1 still covers the finding.
    # Not part of any report.
    earlier_fingerprint: str | None = field(default=None, compare=False, repr=False)

    @property
    def sort_key(self) -> tuple[str, int, int, int, int, str, str]:
        return (
            self.path,
            self.cell if self.cell is not None else 0,
            -1 if self.output is None else self.output,
            self.line,
            self.column,
            self.rule_id,
            self.message,
        )

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def as_dict(self) -> dict[str, object]:
        document: dict[str, object] = {name: getattr(self, name) for name in REPORT_FIELDS}
        document["severity"] = self.severity.value  # in its place: the keys keep REPORT_FIELDS' order
        return document


def make_finding(
    rule: Rule,
    path: str,
    message: str,
    *,
    content_key: str,
    line: int = 1,
    column: int = 1,
    cell: int | None = None,
    output: int | None = None,
    severity: Severity | None = None,
    end_line: int | None = None,
    confidence: str | None = None,
) -> Finding:
    """Build a finding with the rule's default severity unless the scanner grades it."""
    return Finding(
        rule_id=rule.rule_id,
        severity=severity if severity is not None else rule.severity,
        path=path,
        line=max(1, line),
        column=max(1, column),
        message=message,
        fingerprint=fingerprint(rule.rule_id, path, content_key),
        cell=cell,
        output=output,
        end_line=end_line if end_line is not None and end_line > max(1, line) else None,
        confidence=confidence,
        earlier_fingerprint=spaced_fingerprint(rule.rule_id, path, content_key),
    )


@dataclass(frozen=True)
class FileError:
    """A file the run could not read at all: reported, and the run exits 2."""

    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@dataclass(frozen=True)
class Issue:
    """A finding before the scanner places it in a file (path, notebook cell, output).

    Checks that see only a piece of text or a parsed structure return these; the scanner that
    knows where the text came from turns them into findings.
    """

    rule: Rule
    message: str
    key: str  # what was flagged, for the fingerprint (never the line number)
    line: int = 1
    column: int = 1
    severity: Severity | None = None
    end_line: int | None = None
    confidence: str | None = None

    def at(self, path: str, *, cell: int | None = None, output: int | None = None, line_offset: int = 0) -> Finding:
        return make_finding(
            self.rule,
            path,
            self.message,
            content_key=self.key,
            line=self.line + line_offset,
            column=self.column,
            cell=cell,
            output=output,
            severity=self.severity,
            end_line=None if self.end_line is None else self.end_line + line_offset,
            confidence=self.confidence,
        )
