"""`mlsec-dockerfile`: training and serving images checked before they are built."""

from __future__ import annotations

from pathlib import Path

from hooks._core.findings import Finding, make_finding
from hooks._core.policy import Policy
from hooks._core.suppressions import is_suppressed
from hooks.docker.parser import DockerfileError, parse
from hooks.docker.rules import check

MAX_BYTES = 4 << 20


class DockerfileScanner:
    def scan_file(self, path: Path, display: str, policy: Policy) -> list[Finding]:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES or b"\x00" in data[:8192]:
            return [
                make_finding("MLS909", display, "not a Dockerfile (binary or larger than 4 MiB)", content_key="binary")
            ]
        text = data.decode("utf-8", errors="replace")
        try:
            dockerfile = parse(text)
        except DockerfileError as exc:
            return [make_finding("MLS909", display, f"cannot be parsed: {exc}", content_key="parse", line=exc.line)]
        except RecursionError:
            return [make_finding("MLS909", display, "cannot be parsed: nested too deeply", content_key="parse")]
        lines = text.split("\n")
        issues = list(check(dockerfile))
        findings: list[Finding] = []
        seen: set[tuple[str, int, str]] = set()
        for issue in sorted(issues, key=lambda i: (i.line, i.rule_id)):
            if (issue.rule_id, issue.line, issue.key) in seen:
                continue
            seen.add((issue.rule_id, issue.line, issue.key))
            above = lines[issue.line - 2] if issue.line >= 2 else ""
            own = lines[issue.line - 1] if issue.line >= 1 else ""
            if is_suppressed(issue.rule_id, above) or is_suppressed(issue.rule_id, own):
                continue
            findings.append(make_finding(issue.rule_id, display, issue.message, content_key=issue.key, line=issue.line))
        return findings
