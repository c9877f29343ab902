"""`mlsec-secrets`: credentials in text files and notebooks (every cell source and text output)."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from hooks._core.errors import UsageError
from hooks._core.findings import Finding, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks._core.textfile import read_text
from hooks._shared.credential_filters import is_placeholder, is_weak_value
from hooks._shared.credential_patterns import (
    DELEGATED_ANCHOR,
    DELEGATED_PLUGINS,
    DETECTORS,
    FILE_DETECTORS,
    Detector,
)
from hooks.secrets import rules
from hooks.secrets.rules import RULE_FOR_KIND

MAX_BYTES = 32 << 20
_GENERIC = frozenset({"url_credentials", "password_assignment", "jwt"})
_CODE_SUFFIXES = frozenset({".py", ".pyw", ".pyi", ".ipynb"})
_DB_SCHEMES = re.compile(
    r"(?i)^(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|mssql|oracle|"
    r"snowflake|clickhouse|cockroachdb|sqlserver|jdbc|db2|neo4j|bolt)([+:].*)?$"
)
# Adjacent string literals (implicit concatenation, `+`, across lines inside brackets).
_LITERAL = re.compile(r"""[rRbBuU]{0,2}(?:"([^"\\\n]*(?:\\.[^"\\\n]*)*)"|'([^'\\\n]*(?:\\.[^'\\\n]*)*)')""")
_LITERAL_GAP = re.compile(r"\s*(?:\+\s*)?(?:\\\n\s*)?")


@dataclass(frozen=True)
class Unit:
    """A stretch of text with its own line numbering: a file, a cell source or a cell output."""

    text: str
    code: bool
    file_name: str
    cell: int | None = None
    output: int | None = None


@dataclass(frozen=True)
class Hit:
    detector: Detector
    value: str
    start: int
    end: int
    detail: str = ""


def secret_hash(value: str) -> str:
    import hashlib

    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        if not 1 <= number <= len(self.starts):
            return ""
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]


@dataclass
class SecretSettings:
    disabled: frozenset[str]
    placeholders: tuple[re.Pattern[str], ...]
    allowed: dict[str, tuple[str, str | None]]  # hash or fingerprint -> (reason, expires)
    detect_secrets_hashes: frozenset[str]


def load_settings(policy: Policy) -> SecretSettings:
    section = policy.section("secrets")
    patterns = []
    for index, text in enumerate(section.get("placeholder_patterns", [])):
        try:
            patterns.append(re.compile(text))
        except re.error as exc:
            raise UsageError(f"{policy.source}: secrets.placeholder_patterns[{index}]: invalid regex ({exc})") from None
    allowed = {entry["fingerprint"]: (entry["reason"], entry.get("expires")) for entry in section.get("allowlist", [])}
    baseline_name = section.get("detect_secrets_baseline", ".secrets.baseline")
    return SecretSettings(
        disabled=frozenset(section.get("disable", [])),
        placeholders=tuple(patterns),
        allowed=allowed,
        detect_secrets_hashes=_detect_secrets_baseline(
            policy.root / baseline_name, explicit="detect_secrets_baseline" in section
        ),
    )


def _detect_secrets_baseline(path: Path, *, explicit: bool) -> frozenset[str]:
    """Hashed secrets accepted in a detect-secrets `.secrets.baseline` (SHA-1 of the value)."""
    if not path.is_file():
        if explicit:
            raise UsageError(f"secrets.detect_secrets_baseline: {path} does not exist")
        return frozenset()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        results = document["results"]
        return frozenset(
            entry["hashed_secret"] for entries in results.values() for entry in entries if "hashed_secret" in entry
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(f"{path}: not a detect-secrets baseline; fix or remove it") from None


class SecretScanner:
    def __init__(self) -> None:
        self._settings = PolicySettings(load_settings)

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        settings = self._settings(policy)
        read = read_text(path, MAX_BYTES)
        if not read.ok:
            message = f"{read.problem}; not scanned for secrets"
            return FileReport([make_finding(rules.NOT_SCANNED_FOR_SECRETS, display, message, content_key=read.kind)])
        text = read.text
        report = FileReport()
        for unit in self._units(text, display, report.findings):
            report.findings.extend(self._scan_unit(unit, display, settings))
            if unit.output is None:
                report.read(display, unit.text, unit.cell)
        return report

    def _units(self, text: str, display: str, findings: list[Finding]) -> Iterator[Unit]:
        name = PurePosixPath(display).name
        code = PurePosixPath(display).suffix.lower() in _CODE_SUFFIXES
        if not display.lower().endswith(".ipynb"):
            yield Unit(text, code, name)
            return
        from hooks._core.notebooks import NotebookError, parse_notebook

        try:
            cells = parse_notebook(text)
        except NotebookError as exc:
            findings.append(
                make_finding(
                    rules.NOTEBOOK_UNPARSEABLE,
                    display,
                    f"notebook {exc.args[0]}; scanned as plain text",
                    content_key="unparsable",
                )
            )
            yield Unit(text, False, name)
            return
        for cell in cells:
            yield Unit(cell.source, cell.cell_type == "code", name, cell.number)
            for output in cell.outputs:
                yield Unit(output.text, False, name, cell.number, output.index)

    # --- detection -----------------------------------------------------------------------
    def _hits(self, unit: Unit, settings: SecretSettings) -> list[Hit]:
        hits: list[Hit] = []
        for detector in (*DETECTORS, *FILE_DETECTORS.get(unit.file_name, ())):
            if detector.name in settings.disabled or RULE_FOR_KIND[detector.name].rule_id in settings.disabled:
                continue
            for match in detector.pattern.finditer(unit.text):
                value = match.group("secret")
                hit = self._accept(detector, match, value, unit, settings)
                if hit is not None:
                    hits.append(hit)
        if unit.code:
            hits.extend(self._joined_literal_hits(unit, settings))
        if DELEGATED_ANCHOR.search(unit.text):
            hits.extend(self._delegated_hits(unit, settings))
        return _dedupe(hits, per_value=unit.output is not None)

    def _accept(
        self, detector: Detector, match: re.Match[str], value: str, unit: Unit, settings: SecretSettings
    ) -> Hit | None:
        if is_placeholder(value, settings.placeholders):
            return None
        detail = ""
        if detector.name == "url_credentials":
            if is_weak_value(value) or value == match.group("user"):
                return None
            detail = _url_kind(match.group("scheme"), match.group("host"), unit.text, match.start())
        elif detector.name == "password_assignment":
            if unit.code and not match.group("quote"):
                return None  # in code, an unquoted value is an expression, not a literal
            if is_weak_value(value):
                return None
        return Hit(detector, value, match.start("secret"), match.end("secret"), detail)

    def _joined_literal_hits(self, unit: Unit, settings: SecretSettings) -> list[Hit]:
        """Tokens split over adjacent literals (`"hf_" "AbC..."`) are matched once joined."""
        hits: list[Hit] = []
        literals = list(_LITERAL.finditer(unit.text))
        index = 0
        while index < len(literals):
            run = [literals[index]]
            while index + 1 < len(literals):
                gap = unit.text[run[-1].end() : literals[index + 1].start()]
                if not _LITERAL_GAP.fullmatch(gap):
                    break
                index += 1
                run.append(literals[index])
            index += 1
            if len(run) < 2:
                continue
            joined = "".join(m.group(1) if m.group(1) is not None else m.group(2) or "" for m in run)
            for detector in DETECTORS:
                if detector.name in _GENERIC or detector.name in settings.disabled:
                    continue
                for match in detector.pattern.finditer(joined):
                    value = match.group("secret")
                    if not is_placeholder(value, settings.placeholders):
                        hits.append(Hit(detector, value, run[0].start(), run[-1].end(), " split across strings"))
        return hits

    def _delegated_hits(self, unit: Unit, settings: SecretSettings) -> list[Hit]:
        import importlib

        hits: list[Hit] = []
        lines = _Lines(unit.text)
        for name, (module_name, anchor) in DELEGATED_PLUGINS.items():
            if name in settings.disabled or not re.search(anchor, unit.text):
                continue
            plugin = getattr(importlib.import_module(module_name), name)()
            for number, line in enumerate(unit.text.split("\n"), 1):
                if not re.search(anchor, line):
                    continue
                for secret in plugin.analyze_line(filename="-", line=line, line_number=number):
                    value = secret.secret_value or ""
                    if not value or is_placeholder(value, settings.placeholders):
                        continue
                    offset = lines.starts[number - 1] + max(0, line.find(value))
                    detector = Detector(name, f"{secret.type} (detect-secrets)", re.compile(""))
                    hits.append(Hit(detector, value, offset, offset + len(value)))
        return hits

    # --- reporting -----------------------------------------------------------------------
    def _scan_unit(self, unit: Unit, display: str, settings: SecretSettings) -> list[Finding]:
        lines = _Lines(unit.text)
        findings: list[Finding] = []
        for hit in self._hits(unit, settings):
            line, column = lines.position(hit.start)
            last_line, _ = lines.position(max(hit.start, hit.end - 1))
            digest = secret_hash(hit.value)
            # detect-secrets' baseline format identifies secrets by SHA-1: an identifier, not protection.
            import hashlib

            if hashlib.sha1(hit.value.encode(), usedforsecurity=False).hexdigest() in settings.detect_secrets_hashes:
                continue
            finding = make_finding(
                RULE_FOR_KIND.get(hit.detector.name, rules.DETECT_SECRETS_PLUGIN_TOKEN),
                display,
                f"{hit.detector.label}{hit.detail} (hash {digest[:8]})",
                content_key=f"secret:{digest}",
                line=line,
                column=column,
                cell=unit.cell,
                output=unit.output,
                end_line=last_line,
            )
            allowed, note = _allowlisted(finding, digest, settings)
            if not allowed:
                findings.append(replace(finding, message=finding.message + note) if note else finding)
        return findings


def _dedupe(hits: list[Hit], *, per_value: bool) -> list[Hit]:
    """One finding per secret occurrence: a specific detector wins over a generic one. In a
    generated output (`per_value`) a secret echoed several times is reported once."""
    ordered = sorted(hits, key=lambda h: (h.detector.name in _GENERIC, h.detail.startswith(" split"), h.start))
    kept: list[Hit] = []
    for hit in ordered:
        if per_value and any(hit.value == other.value for other in kept):
            continue
        if any(hit.start < other.end and other.start < hit.end for other in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _url_kind(scheme: str, host: str, text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    context = text[line_start:offset].lower()
    if "mlflow" in host.lower() or "mlflow" in context:
        return " (MLflow tracking URI)"
    if _DB_SCHEMES.match(scheme):
        return " (database URL)"
    if (
        "index-url" in context
        or "find-links" in context
        or "pip_" in context
        or "/simple" in text[offset : offset + 300]
    ):
        return " (package index URL)"
    return ""


def _allowlisted(finding: Finding, digest: str, settings: SecretSettings) -> tuple[bool, str]:
    """Whether the policy accepts this secret, and a note when its acceptance has expired."""
    import datetime

    for key, (_reason, expires) in settings.allowed.items():
        if key == finding.fingerprint or (len(key) >= 8 and digest.startswith(key)):
            if expires is None or datetime.date.fromisoformat(str(expires)) >= datetime.date.today():
                return True, ""
            return False, f"; its allowlist entry expired on {expires}"
    return False, ""
