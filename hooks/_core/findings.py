"""The one record type every scanner produces, and its ordering and fingerprint."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace


class Severity(str, enum.Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {text!r} (choose one of: {choices})") from None


_RANKS = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


def fingerprint(rule_id: str, path: str, content_key: str) -> str:
    """Identify a finding by what was flagged, never by where, so edits elsewhere keep it stable."""
    import hashlib

    digest = hashlib.sha256(f"{rule_id}\0{path}\0{content_key}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


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
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "cell": self.cell,
            "output": self.output,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


def make_finding(
    rule_id: str,
    path: str,
    message: str,
    *,
    content_key: str,
    line: int = 1,
    column: int = 1,
    cell: int | None = None,
    output: int | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Build a finding with the registry's default severity unless the scanner grades it."""
    from hooks._core.rules import rule_for

    return Finding(
        rule_id=rule_id,
        severity=severity if severity is not None else rule_for(rule_id).severity,
        path=path,
        line=max(1, line),
        column=max(1, column),
        message=message,
        fingerprint=fingerprint(rule_id, path, content_key),
        cell=cell,
        output=output,
    )


@dataclass(frozen=True)
class FileError:
    """A file the run could not read at all: reported, and the run exits 2."""

    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}
