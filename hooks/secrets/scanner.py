"""`mlsec-secrets`: credentials in text files and notebooks (every place a notebook keeps text)."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from hooks._core.databricks_source import is_databricks_source, read_databricks_source
from hooks._core.errors import UsageError
from hooks._core.findings import Finding, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks._core.severity import Severity
from hooks._core.test_paths import keeps_keys, place_in_tests
from hooks._core.textfile import read_any_text
from hooks._shared.credential_checks import DOUBTFUL, VERIFIED
from hooks._shared.credential_patterns import ENCODED_KEYS
from hooks._shared.installed_copy import installed_copy, lowered
from hooks._shared.written_language import text_catalogue
from hooks.secrets import rules
from hooks.secrets.declared_example import declared_example
from hooks.secrets.detection import (
    MAX_CONTEXT_VALUES,
    MAX_JUDGED_VALUES,
    MAX_PROVIDER_MATCHES,
    Budget,
    Hit,
    Options,
    field_hits,
    is_vendor_key,
    provider_hits,
    unit_hits,
)
from hooks.secrets.page_script import in_page_script
from hooks.secrets.rules import RULE_FOR_KIND
from hooks.secrets.sample_files import is_sample_file
from hooks.secrets.units import (
    DATA,
    Field,
    Unit,
    cell_unit,
    file_unit,
    notebook_fields,
    notebook_units,
    raw_line,
)

MAX_BYTES = 32 << 20
MAX_NOTEBOOK_BYTES = 128 << 20  # past MAX_BYTES a notebook's cell sources are still read, not its outputs
MAX_DETECT_SECRETS_BASELINE = 64 << 20  # read automatically from the repository: bounded like ours


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


@dataclass
class SecretSettings:
    disabled: frozenset[str]
    placeholders: tuple[re.Pattern[str], ...]
    allowed: dict[str, tuple[str, str | None]]  # hash or fingerprint -> (reason, expires)
    detect_secrets_hashes: frozenset[str]
    strict: bool = False  # `profile: strict`: a generic value in the tests blocks as anywhere else
    catalogue: bool = False  # the file being read is a catalogue of text (a translation file)

    @property
    def options(self) -> Options:
        return Options(self.disabled, self.placeholders, self.catalogue)


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
        strict=policy.profile == "strict",
    )


def _detect_secrets_baseline(path: Path, *, explicit: bool) -> frozenset[str]:
    """Hashed secrets accepted in a detect-secrets `.secrets.baseline` (SHA-1 of the value)."""
    if not path.is_file():
        if explicit:
            raise UsageError(f"secrets.detect_secrets_baseline: {path} does not exist")
        return frozenset()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DETECT_SECRETS_BASELINE + 1)
        if len(data) > MAX_DETECT_SECRETS_BASELINE:
            raise UsageError(f"{path}: larger than {MAX_DETECT_SECRETS_BASELINE >> 20} MiB; not read")
        document = json.loads(data.decode("utf-8"))
        results = document["results"]
        hashes = frozenset(
            entry["hashed_secret"] for entries in results.values() for entry in entries if "hashed_secret" in entry
        )
        if not all(isinstance(value, str) for value in hashes):
            raise TypeError
        return hashes
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise UsageError(f"{path}: not a detect-secrets baseline; fix or remove it") from None


class SecretScanner:
    def __init__(self) -> None:
        self._settings = PolicySettings(load_settings)

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        settings = self._settings(policy)
        notebook = display.lower().endswith(".ipynb")
        # A credential is in the file's bytes however a loader would read them: UTF-16 (PowerShell's
        # `>`) decoded, and a file named as text read as text despite a NUL (pre-commit hands it over).
        read = read_any_text(path, MAX_NOTEBOOK_BYTES if notebook else MAX_BYTES)
        if not read.ok:
            message = f"{read.problem}; not scanned for secrets"
            # A notebook past even its bound may hide credentials in code cells: that blocks.
            severity = Severity("medium") if notebook and read.kind == "too-large" else None
            finding = make_finding(
                rules.NOT_SCANNED_FOR_SECRETS, display, message, content_key=read.kind, severity=severity
            )
            return FileReport([replace(finding, confidence="high")])
        text = read.text
        budget = Budget()
        oversize = notebook and len(text) > MAX_BYTES
        report = self._scan_text(text, display, settings, budget, sources_only=oversize)
        if oversize:
            # Outputs (plots, logs) are what makes a notebook this large; its cells were read.
            message = f"larger than {MAX_BYTES >> 20} MiB: cell sources and metadata scanned, outputs not"
            finding = make_finding(rules.NOT_SCANNED_FOR_SECRETS, display, message, content_key="outputs-too-large")
            report.findings.append(replace(finding, confidence="high"))
        if budget.exhausted:
            report.findings.append(_budget_finding(display, data=file_unit("", display).kind == DATA))
        if report.findings and not notebook and not settings.strict:
            copy = installed_copy(path, policy.root)
            if copy is not None:
                report.findings = lowered(report.findings, copy)
        return report

    def _scan_text(
        self, text: str, display: str, settings: SecretSettings, budget: Budget, *, sources_only: bool = False
    ) -> FileReport:
        report = FileReport()
        if display.lower().endswith(".py") and is_databricks_source(text):
            report.findings.extend(self._databricks_findings(text, display, settings, budget))
            report.read(display, text)
            return report
        if not display.lower().endswith(".ipynb"):
            unit = file_unit(text, display)
            # A translation file's values are the interface's text in many languages: its words
            # are judged as words of their language (the content decides, never the file's name).
            file_settings = replace(settings, catalogue=text_catalogue(text))
            report.findings.extend(self._unit_findings(unit, display, file_settings, budget))
            report.read(display, text)
            return report
        from hooks._core.notebooks import NotebookError, read_notebook

        try:
            notebook = read_notebook(text)
        except NotebookError as exc:
            report.findings.append(
                replace(
                    make_finding(
                        rules.NOTEBOOK_UNPARSEABLE,
                        display,
                        f"notebook {exc.args[0]}; scanned as plain text",
                        content_key="unparsable",
                    ),
                    confidence="high",
                )
            )
            unit = Unit(text, "text", Path(display).name)
            report.findings.extend(self._unit_findings(unit, display, settings, budget))
            report.read(display, text)
            return report
        name = Path(display).name
        covered: list[str] = []  # every text the structured pass read, for the pass over the rest
        for unit in notebook_units(notebook, name):
            if sources_only and unit.output is not None:
                continue
            covered.append(unit.text)
            report.findings.extend(self._unit_findings(unit, display, settings, budget))
            if unit.output is None:
                report.read(display, unit.text, unit.cell)
        if not settings.strict:
            report.findings = _declared_in_another_cell(report.findings)
        capped: list[str] = []
        for item in notebook_fields(notebook, capped):
            covered.append(item.value)
            report.findings.extend(self._field_findings(item, display, settings, text, budget))
        if not sources_only:
            report.findings.extend(self._rest_findings(text, "\x00".join(covered), display, settings, budget))
        if capped:
            # Fail closed: metadata past a bound was not read, so it is not known to be clean.
            message = f"notebook metadata {capped[0]}; the rest was not scanned for secrets"
            finding = make_finding(
                rules.NOT_SCANNED_FOR_SECRETS,
                display,
                message,
                content_key="metadata-capped",
                severity=Severity("medium"),
            )
            report.findings.append(replace(finding, confidence="high"))
        return report

    def _databricks_findings(self, text: str, display: str, settings: SecretSettings, budget: Budget) -> list[Finding]:
        """A Databricks notebook kept as `.py` source (hooks/_core/databricks_source.py), read cell by
        cell as a notebook's: a `%sh` cell's values are shell's (`export DB_PASSWORD=...`, which the
        file read as Python holds only in comments), a `%md` cell is prose, a `%sql` cell text;
        every finding at the file's own line."""
        source = read_databricks_source(text)
        name = Path(display).name
        found: list[Finding] = []
        for cell in source.notebook.cells:
            unit = replace(cell_unit(cell, name), cell=None)
            found.extend(source.placed(f, cell.number) for f in self._unit_findings(unit, display, settings, budget))
        return found

    def _unit_findings(self, unit: Unit, display: str, settings: SecretSettings, budget: Budget) -> list[Finding]:
        hits = unit_hits(unit, settings.options, budget=budget)
        if not hits:
            return []
        lines = _Lines(unit.text)
        findings = []
        for hit in hits:
            line, column = lines.position(hit.start)
            last_line, _ = lines.position(max(hit.start, hit.end - 1))
            data = unit.kind == DATA
            authored = unit.output is None and not data and not unit.prose
            finding = _finding(
                hit, display, settings, data, unit.place, line, column, last_line, unit.text, authored, unit.file_name
            )
            if finding is not None:
                findings.append(replace(finding, cell=unit.cell, output=unit.output))
        return findings

    def _rest_findings(
        self, raw: str, covered: str, display: str, settings: SecretSettings, budget: Budget
    ) -> list[Finding]:
        """A credential of a provider's format anywhere else in the notebook's JSON (a cell's id, an
        extra key, an output's metadata, a key's name, a traceback written as one string), read as
        Jupyter reads it (`\\u` escapes decoded): parts no reader shows, but the file holds them.
        Values the cells, outputs and fields hold were judged there already; encoded media (a
        plot's base64 PNG) is bytes, not text."""
        from hooks._core.notebooks import load_json

        try:
            document = load_json(raw)
        except (ValueError, RecursionError):
            return []  # read as a notebook above: this cannot fail, and a failure hides nothing new
        findings = []
        lines = _Lines(raw)
        # One text of every key and string (NUL between them: no credential spans one), searched once.
        text = "\x00".join(_json_strings(document))
        for hit in provider_hits(text, text.lower(), settings.options, budget=budget):
            if hit.kind in ENCODED_KEYS or hit.value in covered:
                continue
            at = raw.find(hit.value)
            line, column = lines.position(at) if at >= 0 else (1, 1)
            place = " in a part of the notebook no cell, output or known field holds"
            finding = _finding(hit, display, settings, False, place, line, column, line)
            if finding is not None:
                findings.append(finding)
        return findings

    def _field_findings(
        self, item: Field, display: str, settings: SecretSettings, raw: str, budget: Budget
    ) -> list[Finding]:
        findings = []
        for hit in field_hits(item, settings.options, budget):
            line = raw_line(raw, item.value, last=item.place != "widget state") if item.at_file_level else 1
            finding = _finding(hit, display, settings, False, f" in {item.place}", line, 1, line)
            if finding is not None:
                findings.append(replace(finding, cell=item.cell))
        return findings


# Media types whose values are encoded bytes (base64), and what such a value is made of.
_MEDIA_TYPE = re.compile(r"(?:image|video|audio)/[A-Za-z0-9.+-]{1,40}|application/(?:pdf|octet-stream)")
_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/=\s]*")
_MAX_JSON_DEPTH = 64


def _json_strings(document: object) -> list[str]:
    """Every key and string of a JSON document, depth-first; a media type's base64 value left out."""
    found: list[str] = []
    stack: list[tuple[object, int, bool]] = [(document, 0, False)]
    while stack:
        value, depth, media = stack.pop()
        if isinstance(value, str):
            if not (media and _BASE64_TEXT.fullmatch(value)):
                found.append(value)
        elif depth < _MAX_JSON_DEPTH and isinstance(value, dict):
            for key, item in value.items():
                found.append(str(key))
                stack.append((item, depth + 1, _MEDIA_TYPE.fullmatch(str(key)) is not None))
        elif depth < _MAX_JSON_DEPTH and isinstance(value, list):
            stack.extend((item, depth + 1, media) for item in value)
    return found


def _budget_finding(display: str, *, data: bool) -> Finding:
    """Fail closed: values past the budget were not judged, so the file is not known to be clean
    (medium; low in a data file, where such runs are rows of someone else's records)."""
    message = (
        f"more than {MAX_JUDGED_VALUES:,} different values in a credential context (`password=`, `token:`),"
        f" {MAX_CONTEXT_VALUES:,} in all, or {MAX_PROVIDER_MATCHES:,} token-shaped strings; the rest were not judged"
    )
    finding = make_finding(
        rules.NOT_SCANNED_FOR_SECRETS,
        display,
        message,
        content_key="context-budget",
        severity=Severity("low" if data else "medium"),
    )
    return replace(finding, confidence="high")


def _finding(
    hit: Hit,
    display: str,
    settings: SecretSettings,
    data: bool,
    place: str,
    line: int,
    column: int,
    last_line: int,
    text: str | None = None,
    authored: bool = False,
    format_name: str = "",
) -> Finding | None:
    """`authored`: `text` is what the repository's author wrote (a file or a cell's source), not a
    program's output or a data file, so its comments speak for its values."""
    import hashlib

    # detect-secrets' baseline format identifies secrets by SHA-1: an identifier, not protection.
    if hashlib.sha1(hit.value.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest() in (
        settings.detect_secrets_hashes
    ):
        return None
    digest = secret_hash(hit.value)
    rule = RULE_FOR_KIND.get(hit.kind, rules.DETECT_SECRETS_PLUGIN_TOKEN)
    severity: Severity | None = None
    note = ""
    # A value judged only by its shape (no provider format, no vendor's layout, not a URL's
    # query parameter): where it sits may say it is a fixture's or a page's own.
    shape_only = (
        hit.kind == "password_assignment"
        and hit.verdict != VERIFIED
        and not settings.strict
        and not is_vendor_key(hit.value)
        and not hit.in_url_query
        and not hit.provider_uuid
    )
    if hit.verdict == DOUBTFUL:
        severity = Severity("low")
    elif hit.low_reason:
        severity = Severity("low")
        note = hit.low_reason
    elif data and hit.verdict != VERIFIED:
        severity = Severity("low")
        note = "; in a data file, most likely someone else's (reported low)"
    elif shape_only and (where := place_in_tests(display, text)):
        # A value judged only by its shape, in the project's tests: fixtures' passwords, mocked
        # access keys and throwaway services' defaults. Provider formats keep their severity here,
        # and so does a key of a vendor no rule names (a prefix, then a long generated part).
        severity = Severity("low")
        note = f"; in {where}, most likely a fixture's value (reported low; `profile: strict` blocks it)"
    elif shape_only and is_sample_file(display):
        # `.env.example`, `terraform.tfvars.template`: users copy the file and put their own values
        # in; what it holds are samples and defaults (hooks/secrets/sample_files.py). Provider formats
        # and keys of a vendor's layout keep blocking here, as a pasted real key would.
        severity = Severity("low")
        note = "; in an example configuration file, a sample to replace (reported low; `profile: strict` blocks it)"
    elif (
        shape_only
        and authored
        and text is not None
        and declared_example(text, hit.start, hit.end, format_name or display)
    ):
        # `key = "Gx5e..."  # This is an example key and will not work.`: the author says, where the
        # value stands, that it logs in nowhere (hooks/secrets/declared_example.py).
        severity = Severity("low")
        note = _DECLARED_NOTE
    elif shape_only and in_page_script(display, text, hit.start):
        # A web page's own script is sent to every visitor: a search widget's or chat widget's
        # client key (hooks/secrets/page_script.py).
        severity = Severity("low")
        note = "; in a web page's script, which every visitor receives: a client-side key (reported low)"
    elif (
        hit.kind == "private_key"
        and not settings.strict
        and not keeps_keys(display)
        and not (text is not None and _SERVICE_ACCOUNT.search(text))
        and (where := place_in_tests(display, text))
    ):
        # A bare PEM key in the project's tests is the key of a test server or a signing test
        # (`testdata/tls.key`, `tests/resources/key.pem`): TLS and SSH tests need one, and none can
        # be a provider's account by its form. A cloud service account's key file keeps blocking
        # there (its own rule), and so does a key anywhere outside the tests.
        severity = Severity("low")
        note = f"; in {where}, most likely a test server's key (reported low; `profile: strict` blocks it)"
    finding = make_finding(
        rule,
        display,
        f"{hit.label}{hit.detail}{place}{note} (hash {digest[:8]})",
        content_key=f"secret:{digest}",
        line=line,
        column=column,
        end_line=last_line,
        severity=severity,
        confidence=hit.confidence,
    )
    allowed, expired = _allowlisted(finding, digest, settings)
    if allowed:
        return None
    return replace(finding, message=finding.message + expired) if expired else finding


_DECLARED_NOTE = (
    "; its comment declares it an example (an example key, a dummy password, one that will not work),"
    " not a working credential (reported low; `profile: strict` blocks it)"
)
_ANOTHER_CELL_NOTE = (
    "; a comment in another cell of this notebook declares this same value an example, not a working"
    " credential (reported low; `profile: strict` blocks it)"
)


def _declared_in_another_cell(findings: list[Finding]) -> list[Finding]:
    """A course notebook declares its sample key an example once (`key = "Gx5e..."  # This is an
    example key and will not work.`) and uses the same key in later cells: the author's words are
    about the value, wherever in the notebook's own cells it stands again. Outputs stay as judged.
    A secret's fingerprint is its rule, file and value's hash, never its place: the same value in
    two cells has one fingerprint."""
    declared = {f.fingerprint for f in findings if f.output is None and _DECLARED_NOTE in f.message}
    if not declared:
        return findings
    judged: list[Finding] = []
    for finding in findings:
        if finding.output is None and finding.severity is not Severity.LOW and finding.fingerprint in declared:
            cut = finding.message.rfind(" (hash ")
            cut = len(finding.message) if cut < 0 else cut
            message = finding.message[:cut] + _ANOTHER_CELL_NOTE + finding.message[cut:]
            finding = replace(finding, severity=Severity.LOW, message=message)
        judged.append(finding)
    return judged


# A cloud service account's key, in whatever syntax holds it (a Python dict, YAML, an escaped
# JSON string): it is an account's credential, not a test server's key, wherever it sits.
_SERVICE_ACCOUNT = re.compile(r"service_account|gserviceaccount\.com|client_x509_cert_url|private_key_id")


def _allowlisted(finding: Finding, digest: str, settings: SecretSettings) -> tuple[bool, str]:
    """Whether the policy accepts this secret, and a note when its acceptance has expired."""
    import datetime

    for key, (_reason, expires) in settings.allowed.items():
        if key == finding.fingerprint or (len(key) >= 8 and digest.startswith(key)):
            if expires is None or datetime.date.fromisoformat(str(expires)) >= datetime.date.today():
                return True, ""
            return False, f"; its allowlist entry expired on {expires}"
    return False, ""
