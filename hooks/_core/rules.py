"""What a rule is, and the rules core itself reports (suppression hygiene, scanner crashes).

Each scanner package owns its rules in its own `rules.py`, built with a `RuleBook` so that an id
outside the package's series, a duplicate id or a malformed name fails when the module is
imported. Call sites use the rule constants, never id strings. The registry that joins every
package's book lives above core (`hooks/catalog.py`), because core never imports a scanner.

Ids are stable. MLS0xx core, MLS1xx artifacts, MLS2xx secrets, MLS3xx code (bandit's own Bnnn
ids pass through), MLS4xx dependencies, MLS5xx Dockerfiles, MLS6xx data, MLS7xx the model gate,
MLS9xx "could not analyse" (any package).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hooks._core.severity import Severity

RULE_ID = re.compile(r"^(?:MLS\d{3}|B\d{3})$")
_PASCAL_CASE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# The hundreds digit each scanner package owns; 9xx ("could not analyse") is shared.
SERIES = {"core": "0", "artifacts": "1", "secrets": "2", "code": "3", "deps": "4", "dockerfile": "5", "data": "6"}
SERIES["gate"] = "7"


class RuleDefinitionError(Exception):
    """A rule table is wrong: raised at import time, so a typo never ships."""


@dataclass(frozen=True)
class Rule:
    rule_id: str
    name: str  # PascalCase identifier (SARIF `name`, docs page title)
    scanner: str
    severity: Severity  # default profile
    title: str
    cwe: int | None = None
    what: str = ""  # what it finds
    why: str = ""  # why it is dangerous
    example: str = ""  # input that triggers it
    fix: str = ""  # what to do
    references: tuple[str, ...] = ()
    strict_severity: Severity | None = None  # under `profile: strict`, when it differs
    precision: str = "high"  # SARIF precision: how often a finding of this rule is right
    # The condition belongs to the run, not to a file (no advisory data): reported once per run
    # and message, on the first file it concerns (hooks/_core/tail.py collapse_run_wide).
    run_wide: bool = False
    # The decision a reviewer makes about a file, when this rule's findings are parts of it (the
    # personal data in a dataset): a file's findings of one decision block once
    # (hooks/_core/decisions.py). Empty: each finding is its own decision.
    decided_per_file: str = ""

    @property
    def help(self) -> str:
        """One paragraph: what, why and the fix (SARIF `fullDescription`, `mlsec rules`)."""
        return " ".join(part for part in (self.what, self.why, self.fix) if part)

    def severity_for(self, profile: str) -> Severity:
        if profile == "strict" and self.strict_severity is not None:
            return self.strict_severity
        return self.severity


class RuleBook:
    """The rules of one scanner package, checked as they are declared."""

    def __init__(self, scanner: str) -> None:
        if scanner not in SERIES:
            raise RuleDefinitionError(f"unknown scanner package {scanner!r}; add its series to SERIES")
        self.scanner = scanner
        self._rules: dict[str, Rule] = {}

    def rule(
        self,
        rule_id: str,
        name: str,
        severity: str,
        title: str,
        *,
        cwe: int | None = None,
        what: str = "",
        why: str = "",
        example: str = "",
        fix: str = "",
        references: tuple[str, ...] = (),
        strict: str | None = None,
        precision: str = "high",
        run_wide: bool = False,
        decided_per_file: str = "",
    ) -> Rule:
        if not re.fullmatch(r"MLS\d{3}", rule_id) or rule_id[3] not in (SERIES[self.scanner], "9"):
            raise RuleDefinitionError(f"{rule_id}: not an id of the {self.scanner} series")
        if rule_id in self._rules:
            raise RuleDefinitionError(f"{rule_id}: declared twice in {self.scanner}")
        if not _PASCAL_CASE.match(name) or any(r.name == name for r in self._rules.values()):
            raise RuleDefinitionError(f"{rule_id}: name {name!r} must be a unique PascalCase identifier")
        if not title or not what:
            raise RuleDefinitionError(f"{rule_id}: needs a title and a description of what it finds")
        if precision not in ("very-high", "high", "medium", "low"):
            raise RuleDefinitionError(f"{rule_id}: precision must be very-high, high, medium or low")
        created = Rule(
            rule_id,
            name,
            self.scanner,
            Severity(severity),
            title,
            cwe,
            what,
            why,
            example,
            fix,
            references,
            Severity(strict) if strict is not None else None,
            precision,
            run_wide,
            decided_per_file,
        )
        self._rules[rule_id] = created
        return created

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(self._rules.values())


# --- core's own rules ------------------------------------------------------------------------
BOOK = RuleBook("core")

BARE_SUPPRESSION = BOOK.rule(
    "MLS001",
    "BareSuppression",
    "low",
    "Suppression comment without a rule id",
    what="`# mlsec: ignore` must name the rules it silences, e.g. `# mlsec: ignore[MLS301] reason`.",
    why="A bare marker suppresses nothing, so a reviewer can see exactly what was accepted.",
    example="model = joblib.load(path)  # mlsec: ignore",
    fix="Name the rule: `# mlsec: ignore[MLS301] reason`.",
)
UNKNOWN_SUPPRESSION = BOOK.rule(
    "MLS002",
    "UnknownRuleInSuppression",
    "low",
    "Suppression comment names an unknown rule",
    what="`# mlsec: ignore[...]` names an id that no rule has (a typo, or a rule that was renamed).",
    why="The marker silences nothing, while the reader believes a finding was accepted on purpose.",
    example="x = torch.load(f)  # mlsec: ignore[MLS360] reviewed",
    fix="Correct the id (`mlsec rules` lists them) or remove the marker.",
)
UNUSED_SUPPRESSION = BOOK.rule(
    "MLS003",
    "UnusedSuppression",
    "low",
    "Suppression comment that silences nothing",
    what="`# mlsec: ignore[ID]` names a rule that reports nothing on that line.",
    why="Stale markers hide future findings on the same line and mislead reviewers about what was accepted.",
    example="data = json.load(f)  # mlsec: ignore[MLS301] old comment",
    fix="Remove the marker, or the id that no longer applies.",
)
SCANNER_FAILED = BOOK.rule(
    "MLS900",
    "ScannerFailed",
    "high",
    "Scanner failed on this file",
    what="The scanner stopped with an internal error on this file, so the file was not analysed.",
    why="A file that was not analysed may hide anything the scanner looks for; it is not passed silently.",
    fix="Report the message to the mlsec-hooks maintainers; review the file by hand meanwhile.",
)
ANALYSIS_TIME_EXCEEDED = BOOK.rule(
    "MLS914",
    "AnalysisTimeExceeded",
    "medium",
    "File not fully analysed within its time budget",
    cwe=400,
    what=(
        "The analysis of this file used more CPU time than the hook's budget (`max_seconds` in the hook's policy "
        "section, 60 s by default), so it was stopped and the file was not fully analysed."
    ),
    why=(
        "The work a scanner does grows with the shape of what it reads, which whoever wrote the file chooses: a "
        "file built to be slow to analyse would otherwise stall every commit, or pass unread."
    ),
    example="generated_calls.py: analysis stopped after 60 s of CPU time (code.max_seconds); not fully analysed",
    fix=(
        "Review the file by hand; if it is legitimate (a large generated module), exclude it or raise the hook's "
        "`max_seconds`."
    ),
)
SYMLINK_OUTSIDE = BOOK.rule(
    "MLS910",
    "SymlinkOutsideRepository",
    "medium",
    "Symbolic link leaves the repository",
    cwe=59,
    what="A committed symbolic link points outside the repository (e.g. `requirements.txt -> ~/.aws/credentials`)"
    " or into its `.git/` folder, which holds git's configuration (CI tokens) rather than the repository's files.",
    why="Whatever the link reaches on a developer's machine or a CI runner is read by tools that follow it, and"
    " can end up in logs, images or reports; the link itself was not read.",
    fix="Commit the file itself, or remove the link.",
)
SYMLINK_BROKEN = BOOK.rule(
    "MLS911",
    "SymlinkBroken",
    "low",
    "Symbolic link that points nowhere",
    cwe=59,
    what="A symbolic link is dangling or part of a loop, so there is no content to analyse.",
    why="Nothing can hide in it today, but a file created at its target later would be picked up unreviewed.",
    fix="Remove the link or point it at a file in the repository.",
)
