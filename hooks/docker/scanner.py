"""`mlsec-dockerfile`: training and serving images checked before they are built."""

from __future__ import annotations

from pathlib import Path

from hooks._core.display import line_list
from hooks._core.findings import make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport, WrittenFile
from hooks._core.severity import Severity
from hooks._core.textfile import read_text
from hooks._shared.dockerfile import DockerfileError, parse
from hooks._shared.shell import installed_requirements
from hooks.docker import rules
from hooks.docker.checks import check, run_commands
from hooks.docker.template import blank_placeholders

MAX_BYTES = 4 << 20


class DockerfileScanner:
    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        read = read_text(path, MAX_BYTES)
        if not read.ok:
            message = f"not a Dockerfile ({read.problem}); not analysed"
            return FileReport([make_finding(rules.DOCKERFILE_UNPARSEABLE, display, message, content_key=read.kind)])
        return self.scan_text(read.text, display, display, policy)

    def scan_text(self, text: str, name: str, display: str, policy: Policy) -> FileReport:
        """A Dockerfile's text: a committed one, or one a notebook cell writes (`name`)."""
        del name  # every Dockerfile is read the same way whatever its name
        template_lines: list[int] = []
        try:
            try:
                dockerfile = parse(text)
            except DockerfileError:
                filled, template_lines = blank_placeholders(text)
                if not template_lines:
                    raise
                dockerfile = parse(filled)
        except DockerfileError as exc:
            # A file of comments only (an exercise's `# TODO` stub) builds nothing and holds nothing
            # to check, so it is fully read: low. Anything else not understood stays at the rule's severity.
            finding = make_finding(
                rules.DOCKERFILE_UNPARSEABLE,
                display,
                f"cannot be parsed: {exc}",
                content_key="parse",
                line=exc.line,
                severity=Severity.LOW if exc.empty else None,
            )
            return FileReport([finding])
        except RecursionError:
            message = "cannot be parsed: nested too deeply"
            return FileReport([make_finding(rules.DOCKERFILE_UNPARSEABLE, display, message, content_key="parse")])
        report = FileReport()
        report.read(display, text)
        if template_lines:
            shown = line_list(template_lines, 5)
            report.findings.append(
                make_finding(
                    rules.DOCKERFILE_UNPARSEABLE,
                    display,
                    f"a template: line(s) {shown} hold placeholders or template tags a generator fills in "
                    "before the build; what they insert could not be checked, everything else was",
                    content_key="template",
                    line=template_lines[0],
                    severity=Severity.LOW,
                )
            )
        if dockerfile.fragment:
            report.findings.append(
                make_finding(
                    rules.DOCKERFILE_UNPARSEABLE,
                    display,
                    "no FROM: a fragment of steps added to a base image named elsewhere (Azure ML's "
                    "extra_docker_file_steps, a generator's include); its instructions were checked, the base "
                    "image and the user it runs as could not be",
                    content_key="fragment",
                    line=dockerfile.instructions[0].line,
                    # strict keeps what the default lowers: there the unknown base and user block
                    severity=None if policy.profile == "strict" else Severity.LOW,
                )
            )
        seen: set[tuple[str, int, str]] = set()
        for issue in sorted(
            check(dockerfile, strict=policy.profile == "strict"), key=lambda i: (i.line, i.rule.rule_id)
        ):
            if (issue.rule.rule_id, issue.line, issue.key) not in seen:
                seen.add((issue.rule.rule_id, issue.line, issue.key))
                report.findings.append(issue.at(display))
        # The packages RUN lines install, for mlsec-deps' name and advisory checks (core runs them;
        # a Dockerfile that a notebook writes is checked without them).
        for line, names in installed_requirements(run_commands(dockerfile)):
            written = WrittenFile("requirements.txt", "\n".join(names), None, line, installed=True)
            report.written.append(written)
        return report
