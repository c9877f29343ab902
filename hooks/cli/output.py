"""What a run shows besides the report: rule selection (`--select`/`--ignore`), `--statistics`,
colour, the one-line summary and the progress line. Kept apart from args.py/run.py so that the
report options stay one place and the run stays a short tail."""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from hooks._core.errors import UsageError
from hooks._core.findings import Finding
from hooks._core.registry import RuleRegistry
from hooks._core.severity import Severity

if TYPE_CHECKING:
    import threading

COULD_NOT_ANALYSE = "MLS9"  # fail closed: --select never hides these, only an explicit --ignore does


def parse_rule_list(text: str | None) -> tuple[str, ...]:
    """`MLS1,B3` -> ("MLS1", "B3"): ids or id prefixes, comma- or space-separated, upper-cased."""
    if not text:
        return ()
    return tuple(word.strip().upper() for word in text.replace(" ", ",").split(",") if word.strip())


def check_rule_list(option: str, prefixes: Sequence[str], registry: RuleRegistry) -> None:
    """A selector must name at least one known rule (as ruff does): a typo is a usage error, not a silent no-op."""
    if not prefixes:
        return
    known = registry.ids()
    for prefix in prefixes:
        if prefix == "ALL":
            continue
        if re.fullmatch(r"B\d{0,3}", prefix):
            continue  # bandit's ids pass through; the installed bandit decides which exist
        if not any(rule_id.startswith(prefix) for rule_id in known):
            raise UsageError(f"{option} {prefix}: no rule id starts with it (see `mlsec rules`)")


def _matches(rule_id: str, prefixes: Iterable[str]) -> bool:
    return any(prefix == "ALL" or rule_id.startswith(prefix) for prefix in prefixes)


def select_findings(findings: Sequence[Finding], select: Sequence[str], ignore: Sequence[str]) -> list[Finding]:
    """ruff's semantics: `--select` keeps the findings of those ids/prefixes, `--ignore` drops them
    (the longer match wins when both name the same rule). "Could not analyse" rules (MLS9xx) are
    kept unless `--ignore` names them: selecting a family never makes an unread file pass."""
    kept: list[Finding] = []
    for finding in findings:
        rule_id = finding.rule_id
        selected = _longest(rule_id, select)
        ignored = _longest(rule_id, ignore)
        if ignored and ignored >= selected:
            continue
        if select and not selected and not rule_id.startswith(COULD_NOT_ANALYSE):
            continue
        kept.append(finding)
    return kept


def _longest(rule_id: str, prefixes: Iterable[str]) -> int:
    lengths = [0 if p == "ALL" else len(p) for p in prefixes if _matches(rule_id, [p])]
    return max(lengths) + 1 if lengths else 0


def statistics(findings: Sequence[Finding], registry: RuleRegistry) -> str:
    """ruff-style counts per rule, most frequent first: `  12  MLS301  [high]  title`."""
    counts = Counter(f.rule_id for f in findings)
    worst: dict[str, Severity] = {}
    for finding in findings:
        current = worst.get(finding.rule_id)
        if current is None or finding.severity.rank > current.rank:
            worst[finding.rule_id] = finding.severity
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = registry.get(rule_id)
        title = rule.title if rule is not None else ""
        lines.append(f"{count:>{width}}  {rule_id:<7} [{worst[rule_id].value}]  {title}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def use_color(choice: str, stream: TextIO) -> bool:
    """`--color auto` colours a terminal unless NO_COLOR is set (no-color.org); FORCE_COLOR
    forces it on (for CI logs); `always`/`never` win over both."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def summary_line(prog: str, files: int, findings: Sequence[Finding], errors: int, seconds: float) -> str:
    """`mlsec: 42 files, 3 findings (1 critical, 2 high), 0.8 s`."""
    by_severity = Counter(f.severity for f in findings)
    parts = [f"{by_severity[s]} {s.value}" for s in sorted(by_severity, key=lambda s: -s.rank)]
    found = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    if parts:
        found += f" ({', '.join(parts)})"
    unread = f", {errors} unreadable" if errors else ""
    return f"{prog}: {files} file{'s' if files != 1 else ''}, {found}{unread}, {seconds:.1f} s"


class Progress:
    """A `scanning N files... 3 s` line on stderr, shown only on a terminal and only once a scan
    has run for `delay` seconds; erased when the scan ends, so logs and pipes never see it."""

    def __init__(self, prog: str, files: int, stream: TextIO | None = None, delay: float = 2.0) -> None:
        self.prog = prog
        self.files = files
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self._stop: threading.Event | None = None  # made with the thread, on a terminal only
        self._thread: threading.Thread | None = None
        self._shown = False
        self._start = time.monotonic()

    def __enter__(self) -> Progress:
        isatty = getattr(self.stream, "isatty", None)
        if isatty is not None and isatty():
            import threading  # pipes and CI logs never show it: they never import it

            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._run, name="mlsec-progress", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        assert self._stop is not None
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            elapsed = time.monotonic() - self._start
            self._write(f"\r{self.prog}: scanning {self.files} files... {elapsed:.0f} s")
            self._shown = True
            self._stop.wait(1.0)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            if self._stop is not None:
                self._stop.set()

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self._write("\r\033[K")
