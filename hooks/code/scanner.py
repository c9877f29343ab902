"""`mlsec-code`: bandit plus ML rules on Python files and notebook code cells, magics included.

A notebook is read the way IPython runs it (`cells.py`); its cells form one module (imports in
one cell resolve calls in another), each `%%writefile` script is a module of its own, what the
cells write as shell scripts reaches the shell judgement, and other written files (requirements,
Dockerfiles) go back to core in `FileReport.written`, which hands them to mlsec-deps and
mlsec-dockerfile.

Caps are per part: a notebook file up to `max_notebook_bytes` (outputs make notebooks large;
the code is read whatever the outputs weigh), each script, cell or written file up to
`max_python_bytes`, and a notebook's code up to `max_notebook_code_bytes` in all. A part over a
cap is a medium MLS907 that says which cap, never a silent pass.
"""

from __future__ import annotations

import ast
import bisect
import posixpath
import re
import sys
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from hooks._core.databricks_source import is_databricks_source, read_databricks_source
from hooks._core.errors import UsageError
from hooks._core.findings import Finding, Issue, Severity, make_finding
from hooks._core.notebooks import Cell, Notebook
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport, WrittenFile
from hooks._core.selection import shell_by_name
from hooks._core.settings import PolicySettings
from hooks._core.test_paths import defines_tests, place_of_test_code
from hooks._core.textfile import read_text
from hooks._shared.installed_copy import installed_copy, lowered
from hooks._shared.notebook_magics import HINTS as MAGIC_HINTS
from hooks._shared.notebook_magics import DefinedMagic, defined_cell_magics
from hooks._shared.redaction import redact_urls
from hooks._shared.shell import inline_python, installed_requirements
from hooks.code import rules
from hooks.code.bandit_rules import HYGIENE_BANDIT_IDS, bandit_fallback_rule, bandit_rule
from hooks.code.bandit_runner import DEFAULT_SKIPS, BanditIssue, BanditRunner, nosec_lines
from hooks.code.cells import CellSource, transform_cell
from hooks.code.commands import command_issues
from hooks.code.embedded import split_embedded, written_name
from hooks.code.fstrings import has_fstring, rewrite_fstrings
from hooks.code.hygiene_context import blocking_hygiene
from hooks.code.launched import LaunchedCommand
from hooks.code.ml_rules import MLRuleVisitor
from hooks.code.pipeline_inputs import MOUNT_ROOT, FedFolders, fed_by_neighbours, fed_in_notebook, step_fed_folders
from hooks.code.rules import EQUIVALENT_BANDIT_IDS
from hooks.code.shell_scripts import is_shell_script, script_commands
from hooks.code.type_params import refused as refused_type_params
from hooks.code.type_params import rewrite_type_params

MAX_PYTHON_BYTES = 1 << 20
MAX_NOTEBOOK_BYTES = 64 << 20
MAX_NOTEBOOK_CODE_BYTES = 4 << 20
# Shell scripts are read line by line, with no parse tree: generated installers of a few MiB
# (a release's `*-full-install-with-manifests.sh`) are read whole in well under a second a MiB.
MAX_SHELL_BYTES = 16 << 20
_PYTHON_LANGUAGES = frozenset({"python", "python3", "python2", "ipython", "ipython3", "pyspark", "sage", "py"})
# Kernel names of Python kernels: ipykernel's own (`python3`), conda and virtual environments'
# (`conda-env-ml-py`, `pytorch_p39`, `tensorflow2_p36`), PySpark's and Sage's.
_PYTHON_KERNEL = re.compile(r"python|pytorch|tensorflow|pyspark|sagemath|ipykernel|(?:^|[-_])py(?:\d|[-_]|$)")


# f-string errors Python 3.12 makes too: such a file is broken on every Python, not newer.
_FSTRING_ERRORS_ON_EVERY_PYTHON = ("empty expression", "single '}'", "single '{'", "invalid conversion", "unmatched")


def _newer_fstring(error: SyntaxError, source: str) -> bool:
    """Whether an f-string error is one of the older grammar only (a quote reused inside a field,
    nesting): its message says f-string, it is not one 3.12 makes too, and the line's braces
    balance (an unclosed field is broken on every Python)."""
    message = str(error.msg)
    if not message.startswith("f-string") or any(part in message for part in _FSTRING_ERRORS_ON_EVERY_PYTHON):
        return False
    lines = source.split("\n")
    line = lines[error.lineno - 1] if error.lineno and 0 < error.lineno <= len(lines) else ""
    return line.count("{") == line.count("}")


def _parses(source: str) -> bool:
    """Whether a cell, as IPython would transform it, is Python."""
    try:
        ast.parse(transform_cell(source).python)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


class InlineCode(NamedTuple):
    """`python -c CODE` found in a shell line: the code, where it stands, and the places in it the
    shell or IPython fill in before it runs (None: none), or None for code too deeply nested to
    analyse (`code` is then empty)."""

    cell: int | None
    line: int
    column: int
    code: str
    filled_in: re.Pattern[str] | None
    too_deep: bool = False


def _blocking_not_analysed(display: str, message: str, key: str, cell: int | None, line: int = 1) -> Finding:
    """MLS907 at the failing severity: code that runs was not checked (a cap, a nesting limit)."""
    return make_finding(
        rules.CODE_NOT_ANALYSED, display, message, content_key=key, line=line, cell=cell, severity=Severity.MEDIUM
    )


def _characters(lines: list[str], line: int, column: int) -> int:
    """A 1-based column counted in UTF-8 bytes (ast's and bandit's col_offset) counted in characters
    instead, as reports promise (SARIF's columns are code points): `x = "é"; pickle.loads(a)`."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if column <= 1 or text.isascii():
        return column
    return len(text.encode("utf-8", "surrogatepass")[: column - 1].decode("utf-8", "ignore")) + 1


# A `python -c` option: `-c`, a cluster ending in c (`-Bc`, `-uc`), `-cCODE`, or a quoted `"-c"`.
_C_OPTION = re.compile(r"(?:^|[\s\"'])-[A-Za-z]*c")
# What a shell fills in inside double quotes or bare words: `$NAME`, `${...}`, `$(...)`, `$1`, `$@`,
# `$*`, `$#`, `$?`, `$$`, `$!`, and backquotes.
_SHELL_FILLS = r"\$[A-Za-z_{(@*#?$!0-9-]|`"
# What IPython fills into a `!` line or a line magic, quotes or not: `$name` and a `{field}` that
# names a value (`{ckpt}`, `{cfg.path}`, `{paths[0]}`); a dict or set literal fails to evaluate,
# and then IPython leaves the whole line as written.
_IPYTHON_FILLS = r"\$[A-Za-z_]|\{[A-Za-z_][\w.]*(?:\[[^\]{}\n]*\])*\}"
_FILLED_BY_SHELL = re.compile(_SHELL_FILLS)
_FILLED_BY_IPYTHON = re.compile(_IPYTHON_FILLS)
_FILLED_BY_BOTH = re.compile(f"{_SHELL_FILLS}|{_IPYTHON_FILLS}")
# Cell magics that hand their body to another program as written (IPython fills nothing in).
_SCRIPT_MAGIC = re.compile(r"%%(?:bash|sh|zsh|script|!|system|python[23]?|pypy)\b|%%!")
# Rules a shell line's own checks find in the text of its `python -c` code too (trust_remote_code
# is read from the command line): reported once, by the line.
_READ_FROM_THE_LINE_TOO = frozenset({rules.TRUST_REMOTE_CODE.rule_id})


def _filled_in(code: str, command: str, *, ipython: bool) -> re.Pattern[str] | None:
    """The pattern of places filled into `code` before Python runs it, or None for none: the
    shell fills nothing inside single quotes; IPython fills its `!` lines whatever the quotes."""
    shell = f"'{code}'" not in command and _FILLED_BY_SHELL.search(code) is not None
    notebook = ipython and _FILLED_BY_IPYTHON.search(code) is not None
    if shell and notebook:
        return _FILLED_BY_BOTH
    return _FILLED_BY_SHELL if shell else _FILLED_BY_IPYTHON if notebook else None


def _inline_code(
    cell: int | None, original: str, commands: list[tuple[int, str]], *, ipython: bool
) -> list[InlineCode]:
    """`python -c CODE` in shell lines (`!python -c "..."`, a `%%bash` cell, a shell script).
    `ipython`: the lines are ones IPython fills in (`!` lines and line magics, not a cell magic's
    body). Code that does not parse is not run by Python either (or holds text the shell fills
    in): left; code nested deeper than the parser here goes is reported (fail closed)."""
    found: list[InlineCode] = []
    lines: list[str] | None = None
    for line, command in commands:
        if not _C_OPTION.search(command):
            continue
        for code in inline_python(command):
            try:
                ast.parse(code)
            except (SyntaxError, ValueError):
                continue
            except (RecursionError, MemoryError):
                found.append(InlineCode(cell, line, 0, "", None, too_deep=True))
                continue
            if lines is None:
                lines = original.split("\n")
            written = lines[line - 1] if 0 < line <= len(lines) else ""
            column = max(written.find(code), 0)  # where the code stands on its line, when written as is
            found.append(InlineCode(cell, line, column, code, _filled_in(code, command, ipython=ipython)))
    return found


@dataclass(frozen=True)
class Limits:
    python: int = MAX_PYTHON_BYTES
    notebook: int = MAX_NOTEBOOK_BYTES
    notebook_code: int = MAX_NOTEBOOK_CODE_BYTES
    strict: bool = False
    shell: int = MAX_SHELL_BYTES

    @classmethod
    def of(cls, policy: Policy) -> Limits:
        section = policy.section("code")
        return cls(
            int(section.get("max_python_bytes", MAX_PYTHON_BYTES)),
            int(section.get("max_notebook_bytes", MAX_NOTEBOOK_BYTES)),
            int(section.get("max_notebook_code_bytes", MAX_NOTEBOOK_CODE_BYTES)),
            policy.profile == "strict",
            int(section.get("max_shell_bytes", MAX_SHELL_BYTES)),
        )


@dataclass(frozen=True)
class Piece:
    """One parseable stretch of source: a whole script, a notebook code cell, or a script a cell writes."""

    cell: int | None
    original: str  # what the user wrote (for suppression comments)
    transformed: CellSource
    extra_shell: tuple[tuple[int, str], ...] = ()

    @cached_property
    def nosec(self) -> dict[int, set[str]]:
        return nosec_lines(self.original)


@dataclass
class _Unit:
    """Pieces analysed as one module (a notebook's cells, or one script)."""

    pieces: list[Piece]
    notebook: bool
    # What the notebook's own pipeline feeds this script before it runs (pipeline_inputs.py).
    pipeline_fed: FedFolders = field(default_factory=FedFolders)
    issues: list[list[Issue]] = field(default_factory=list)
    launched: list[list[LaunchedCommand]] = field(default_factory=list)  # commands its Python starts, per piece
    # The verdict asked the project's tooling about a fixed path (project_fetches.py): it depends on
    # files beside this one, so the result cache must not keep it.
    asked_tooling: bool = False
    filled_in: re.Pattern[str] | None = None  # places the shell or IPython fill into `python -c` code


# Certificate checks turned off in the project's tests: against the tests' own servers. (Loads and
# exec/eval of the tests' own text are judged by MLRuleVisitor; SQL, shell and binding findings
# are hygiene unless outside input reaches them, which keeps them blocking in the tests too; a
# test's own function parameters are fixtures, not outside input: hygiene_context.py.)
_QUIET_IN_TESTS = frozenset({"B501"})


def _quiet_in_tests(test_id: str, visitor: MLRuleVisitor) -> bool:
    """Whether a bandit finding in the project's tests is low (`profile: strict` keeps it)."""
    return not visitor.serving and test_id in _QUIET_IN_TESTS


def _pipeline_fed(pieces: list[Piece]) -> dict[str, FedFolders]:
    """Script name -> folders another step of the pipeline these cells define fills
    (`pipeline_inputs.py`); cells that do not parse add nothing."""
    if not any("ProcessingInput" in piece.original for piece in pieces):
        return {}
    body: list[ast.stmt] = []
    for piece in pieces:
        try:
            body.extend(ast.parse(piece.transformed.python).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    return step_fed_folders(ast.Module(body=body, type_ignores=[]))


def _head(path: Path) -> str:
    """The first bytes of a file, for its shebang ("" when it cannot be read: read_text reports that)."""
    try:
        with path.open("rb") as handle:
            return handle.read(200).decode("utf-8", "replace")
    except OSError:
        return ""


def _mib(size: int) -> str:
    return f"{size / (1 << 20):g} MiB"


def _installed(piece: Piece, launched: list[LaunchedCommand]) -> list[WrittenFile]:
    """The packages each install command of the piece names, for mlsec-deps' name and advisory
    checks (a typosquat installed from a notebook or by `subprocess.run(["pip", ...])` is as bad
    as one in requirements.txt)."""
    commands = piece.transformed.shell + list(piece.extra_shell) + piece.transformed.installs
    commands += [(command.line, command.text) for command in launched]
    return [
        WrittenFile("requirements.txt", "\n".join(names), piece.cell, line, installed=True)
        for line, names in installed_requirements(commands)
    ]


def _defined_magics(notebook: Notebook, limits: Limits) -> dict[str, DefinedMagic]:
    """The cell magics the notebook's own code cells define (notebook_magics.py); only cells that
    name a way to register one are transformed for this, and only those the caps let be read."""
    sources = [
        transform_cell(cell.source).python
        for cell in notebook.cells
        if cell.cell_type == "code"
        and len(cell.source) <= limits.python
        and any(hint in cell.source for hint in MAGIC_HINTS)
    ]
    return defined_cell_magics(sources) if sources else {}


class CodeScanner:
    def __init__(self) -> None:
        self._bandit = PolicySettings(
            lambda policy: BanditRunner(tuple(policy.section("code").get("bandit_skip", DEFAULT_SKIPS)))
        )
        self._limits = PolicySettings(Limits.of)

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        limits = self._limits(policy)
        notebook = display.lower().endswith(".ipynb")
        # the first bytes are read for a shebang only when the name leaves it open (`entrypoint`)
        by_name = None if notebook else shell_by_name(display.rsplit("/", 1)[-1])
        shell = bool(by_name) or (by_name is None and not notebook and is_shell_script(display, _head(path)))
        cap = limits.notebook if notebook else limits.shell if shell else limits.python
        read = read_text(path, cap, binary_check=False)
        if not read.ok:
            if read.kind == "too-large":
                setting = "max_notebook_bytes" if notebook else "max_shell_bytes" if shell else "max_python_bytes"
                message = f"larger than {_mib(cap)} (code.{setting}); not analysed"
                finding = make_finding(
                    rules.CODE_NOT_ANALYSED, display, message, content_key=read.kind, severity=Severity.MEDIUM
                )
            else:
                message = f"{read.problem}; not analysed"
                finding = make_finding(rules.CODE_NOT_ANALYSED, display, message, content_key=read.kind)
            return FileReport([finding])
        if notebook:
            return self._scan_notebook(read.text, display, policy, limits, path)
        if shell:
            return self._scan_shell_script(read.text, display, policy, limits, path)
        if is_databricks_source(read.text):
            return self._scan_databricks_source(read.text, display, policy, limits, path)
        piece = Piece(None, read.text, CellSource(read.text))
        fed = FedFolders()
        if MOUNT_ROOT in read.text and not limits.strict:
            fed = fed_by_neighbours(path, limits.python)
        units = [_Unit([piece], notebook=False, pipeline_fed=fed)]
        report = self._scan_units(units, display, policy, limits, path)
        if report.findings and not limits.strict:
            copy = installed_copy(path, policy.root)
            if copy is not None:
                report.findings = lowered(report.findings, copy)
        return report

    def _scan_shell_script(self, text: str, display: str, policy: Policy, limits: Limits, path: Path) -> FileReport:
        """A shell script's commands, judged as a notebook's shell lines are (shell_scripts.py),
        and the Python it runs with `python -c`."""
        commands = script_commands(text)
        piece = Piece(None, text, CellSource(""), tuple(commands))
        strategy_set = "UV_INDEX_STRATEGY" in text
        report = FileReport(self._report(piece, self._commands(piece, [], [], limits, strategy_set), display))
        inline = _inline_code(None, text, commands, ipython=False)
        if inline:
            self._add_inline(report, inline, display, policy, limits, path)
        report.read(display, text, None)
        return report

    def _add_inline(
        self, report: FileReport, inline: list[InlineCode], display: str, policy: Policy, limits: Limits, path: Path
    ) -> None:
        """Each `python -c` code analysed as a script of its own, its findings moved to its line;
        one the shell line's own checks already report there (MLS307 for trust_remote_code) is
        not reported twice."""
        by_the_line = {
            (finding.cell, finding.line, finding.rule_id)
            for finding in report.findings
            if finding.rule_id in _READ_FROM_THE_LINE_TOO
        }
        for found in inline:
            if found.too_deep:
                message = "`python -c` code nested too deeply to analyse: it was not checked"
                key = f"python-c-nested:{found.line}"
                report.findings.append(_blocking_not_analysed(display, message, key, found.cell, found.line))
                continue
            piece = Piece(found.cell, found.code, CellSource(found.code, python_offsets={1: found.column}))
            unit = _Unit([piece], notebook=False, filled_in=found.filled_in)
            # Its findings and the packages it installs: the texts the tail reads markers from are
            # the file's own lines, already read.
            part = self._scan_units([unit], display, policy, limits, path)
            report.cacheable = report.cacheable and part.cacheable
            shift = found.line - 1
            for finding in part.findings:
                end_line = None if finding.end_line is None else finding.end_line + shift
                moved = replace(finding, line=finding.line + shift, end_line=end_line)
                if (moved.cell, moved.line, moved.rule_id) not in by_the_line:
                    report.findings.append(moved)
            report.written.extend(replace(item, first_line=item.first_line + shift) for item in part.written)

    def _scan_notebook(self, text: str, display: str, policy: Policy, limits: Limits, path: Path) -> FileReport:
        from hooks._core.notebooks import NESTED_TOO_DEEPLY, NotebookError, read_notebook

        try:
            notebook = read_notebook(text)
        except NotebookError as exc:
            # A file that is not JSON or not a notebook cannot be opened, so nothing in it runs: low.
            # One nested deeper than this reader goes is still a notebook editors open and run:
            # none of its cells was read, so it blocks, as a file over the size limit does.
            message = f"notebook {exc.args[0]}; none of its code was analysed"
            severity = Severity.MEDIUM if exc.args[0] == NESTED_TOO_DEEPLY else None
            finding = make_finding(rules.CODE_NOT_ANALYSED, display, message, content_key="notebook", severity=severity)
            return FileReport([finding])
        return self._scan_cells(notebook, display, policy, limits, path)

    def _scan_databricks_source(
        self, text: str, display: str, policy: Policy, limits: Limits, path: Path
    ) -> FileReport:
        """A Databricks notebook kept as a `.py` file (hooks/_core/databricks_source.py): its cells
        analysed as a notebook's, each finding moved to the file line it stands on."""
        source = read_databricks_source(text)
        report = self._scan_cells(source.notebook, display, policy, limits, path)
        for other, language in source.other_languages():
            report.findings.append(self._not_python(display, other, f"a Databricks {language[:20]} cell"))
        report.findings = [f if f.cell is None else source.placed(f, f.cell) for f in report.findings]
        report.written = [
            replace(item, cell=None, first_line=source.file_line(item.cell, item.first_line))
            if item.cell is not None
            else item
            for item in report.written
        ]
        # Suppression comments are read where the findings now stand: the file's own lines.
        report.texts = {}
        report.read(display, text, None)
        return report

    def _scan_cells(self, notebook: Notebook, display: str, policy: Policy, limits: Limits, path: Path) -> FileReport:
        notes: list[Finding] = []
        # Jupyter starts the kernel `kernelspec.name` names; the language fields only describe it.
        kernel_is_python = (
            notebook.language is None
            or notebook.language in _PYTHON_LANGUAGES
            or (notebook.kernel_name is not None and _PYTHON_KERNEL.search(notebook.kernel_name) is not None)
        )
        read_anyway = 0  # cells said to be another language that parse as Python: analysed as Python
        pieces: list[Piece] = []
        handed_on: list[WrittenFile] = []  # written files that other hooks check (core hands them on)
        named_scripts: list[tuple[str, _Unit]] = []  # %%writefile scripts, by the name they are written to
        inline: list[InlineCode] = []  # `!python -c CODE`: the code, a script of its own
        budget = limits.notebook_code
        defined = _defined_magics(notebook, limits)
        for cell in notebook.cells:
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            language = cell.language or (None if kernel_is_python else notebook.language)
            size = len(cell.source.encode("utf-8", "surrogatepass"))
            other_language = language is not None and language not in _PYTHON_LANGUAGES
            # Over a cap it cannot be told whether it parses: capped below (blocking), as any cell.
            if other_language and size <= limits.python and size <= budget and not _parses(cell.source):
                if cell.language is not None:
                    notes.append(self._not_python(display, cell, f"a {language} cell"))
                continue
            # A cell the metadata calls another language that parses as Python is read as Python: the
            # metadata only describes the kernel (a Python kernel, or the one a reader picks when the
            # named kernel is missing, runs it as Python), and a reader of any other kernel runs none
            # of the calls the rules look for.
            read_anyway += other_language
            if size > limits.python or size > budget:
                notes.append(self._capped(display, cell, size, limits, over_budget=size <= limits.python))
                continue
            budget -= size
            transformed = transform_cell(cell.source, defined)
            if transformed.too_deep:
                message = "cell magics nested too deeply to analyse: the cell's code was not checked"
                notes.append(_blocking_not_analysed(display, message, f"magics-nested:{cell.number}", cell.number))
            if transformed.unknown_magic is not None:
                name = transformed.unknown_magic[:40]
                notes.append(self._not_python(display, cell, f"cell magic %%{name} (not one IPython ships)"))
            written = split_embedded(transformed.embedded)
            pieces.append(Piece(cell.number, cell.source, transformed, tuple(written.shell)))
            handed_on.extend(
                WrittenFile(written_name(item.name), item.text, cell.number, item.first_line, plain=not item.defined)
                for item in written.other
            )
            for script in written.python:
                body = "\n" * (script.first_line - 1) + script.text
                unit = _Unit([Piece(cell.number, cell.source, CellSource(body))], notebook=False)
                named_scripts.append((written_name(script.name), unit))
            # IPython fills in `!` lines and line magics (in a `%%time` body too); a script magic's
            # body (`%%bash`) and a written file run as written.
            script_body = _SCRIPT_MAGIC.match(cell.source.lstrip()) is not None
            inline.extend(_inline_code(cell.number, cell.source, transformed.shell, ipython=not script_body))
            inline.extend(_inline_code(cell.number, cell.source, written.shell, ipython=False))
        if not kernel_is_python:
            message = (
                f"the notebook's kernel language is {notebook.language!r}: its cells that do not parse as "
                "Python were not analysed"
                + (f" ({read_anyway} that do were analysed as Python)" if read_anyway else "")
            )
            notes.append(make_finding(rules.NOT_PYTHON, display, message, content_key=f"kernel:{notebook.language}"))
        if named_scripts and not limits.strict:
            fed = _pipeline_fed(pieces)
            names = [posixpath.normpath(name) for name, _ in named_scripts]
            for name, unit in named_scripts:
                unit.pipeline_fed = fed_in_notebook(fed, name, names)
        scripts = [unit for _, unit in named_scripts]
        report = self._scan_units([_Unit(pieces, notebook=True), *scripts], display, policy, limits, path)
        if inline:
            self._add_inline(report, inline, display, policy, limits, path)
        report.findings.extend(notes)
        report.written.extend(handed_on)
        return report

    @staticmethod
    def _not_python(display: str, cell: Cell, what: str) -> Finding:
        message = f"{what}: not Python, not analysed"
        return make_finding(rules.NOT_PYTHON, display, message, content_key=f"not-python:{what}", cell=cell.number)

    @staticmethod
    def _capped(display: str, cell: Cell, size: int, limits: Limits, *, over_budget: bool) -> Finding:
        if over_budget:
            message = (
                f"the notebook's code exceeds {_mib(limits.notebook_code)} (code.max_notebook_code_bytes); "
                "this cell was not analysed"
            )
        else:
            message = f"cell of {_mib(size)} exceeds {_mib(limits.python)} (code.max_python_bytes); not analysed"
        return _blocking_not_analysed(display, message, f"cap:{cell.source[:200]}", cell.number)

    def _scan_units(self, units: list[_Unit], display: str, policy: Policy, limits: Limits, path: Path) -> FileReport:
        report = FileReport()
        for unit in units:
            self._analyse(unit, display, policy, limits, path)
        read: set[int | None] = set()
        for unit in units:
            for piece, located, launched in zip(unit.pieces, unit.issues, unit.launched, strict=True):
                report.findings.extend(self._report(piece, located, display))
                if piece.cell not in read:
                    read.add(piece.cell)
                    report.read(display, piece.original, piece.cell)
                report.written.extend(_installed(piece, launched))
        report.cacheable = not any(unit.asked_tooling for unit in units)
        return report

    def _analyse(self, unit: _Unit, display: str, policy: Policy, limits: Limits, path: Path) -> None:
        pieces = unit.pieces
        module_body: list[ast.stmt] = []
        virtual_lines: list[str] = []
        starts: list[int] = []  # virtual line where each piece starts (0-based offset)
        nosec: dict[int, set[str]] = {}
        python_text = "\n".join(p.transformed.python for p in pieces)
        in_tests = None if limits.strict else place_of_test_code(display, python_text)
        # Parameters are fixtures only in a module that defines tests (not in any file of a test
        # folder, nor in a module whose only sign is a `class Test...` model).
        defines_test_cases = in_tests == "a test module" and defines_tests(python_text)
        visitor = MLRuleVisitor(
            notebook=unit.notebook,
            strict=limits.strict,
            pipeline_fed=unit.pipeline_fed,
            source_folder=posixpath.dirname(posixpath.normpath(display.replace("\\", "/"))),
            code_file=path,  # the project's tooling around it is looked up only when a load asks
            in_tests=in_tests,
            filled_in=unit.filled_in,
        )
        # A notebook's shell lines, installs and written files (`!pip install pyyaml==5.3.1`) may
        # hold back the release its code runs with (hooks/code/pyyaml_releases.py).
        visitor.command_texts = "\n".join(
            [
                *(command for p in pieces for _, command in (*p.transformed.shell, *p.extra_shell)),
                *(command for p in pieces for _, command in p.transformed.installs),
                *(embedded.text for p in pieces for embedded in p.transformed.embedded),
            ]
        )
        unit.issues = [[] for _ in pieces]
        unit.launched = [[] for _ in pieces]
        for piece, located in zip(pieces, unit.issues, strict=True):
            offset = len(virtual_lines)
            starts.append(offset)
            source = piece.transformed.python
            for line, ids in piece.nosec.items():
                nosec[line + offset] = ids
            tree, source = self._parse(source, located)
            virtual_lines.extend(source.split("\n"))
            if tree is not None:
                ast.increment_lineno(tree, offset)
                module_body.extend(tree.body)
        if not pieces:
            return
        module = ast.Module(body=module_body, type_ignores=[])
        raw_ml: list[Issue] = []
        bandit: list[BanditIssue] = []
        keep_severity: dict[tuple[int, str], str] = {}
        if module_body:
            try:
                shell_lines = [
                    (line + start, command)
                    for piece, start in zip(pieces, starts, strict=True)
                    for line, command in (*piece.transformed.shell, *piece.extra_shell)
                ]
                folder_changes = [
                    (line + start, folder)
                    for piece, start in zip(pieces, starts, strict=True)
                    for line, folder in piece.transformed.chdirs
                ]
                magic_lines = [
                    (line + start, magic)
                    for piece, start in zip(pieces, starts, strict=True)
                    for line, magic in piece.transformed.magic_lines
                ]
                visitor.prepare(module, shell_lines, folder_changes, magic_lines)
                visitor.visit(module)
                unit.asked_tooling = visitor.loads.consulted_tooling
                raw_ml = visitor.issues
                bandit = self._bandit(policy).run(display, "\n".join(virtual_lines), module, nosec)
                keep_severity = blocking_hygiene(
                    module, unit.notebook, visitor.command_origins, in_tests=defines_test_cases
                )
                # An unpinned download that runs remote code is reported once: by MLS307 where it
                # sees trust_remote_code on (a constant or a flag set True), else by B615 kept.
                for issue in raw_ml:
                    if issue.rule is rules.TRUST_REMOTE_CODE:
                        keep_severity.pop((issue.line, "B615"), None)
            except RecursionError:
                # Python runs it (its compiler nests deeper than an AST walk can), so nothing in the
                # file was checked: fail closed at the failing severity, like a cap.
                unit.issues[0].append(
                    Issue(
                        rules.CODE_NOT_ANALYSED,
                        "code nested too deeply to analyse: nothing in this file was checked",
                        "nested",
                        severity=Severity.MEDIUM,
                    )
                )
            except UsageError:
                raise

        def place(virtual_line: int, byte_column: int) -> tuple[int, int, int]:
            """The piece, its line and its column (in characters, with what the cell's
            transformation took off in front) of a position in the unit's module."""
            index, line = self._place(starts, virtual_line)
            column = _characters(virtual_lines, virtual_line, byte_column)
            return index, line, column + pieces[index].transformed.python_offsets.get(line, 0)

        for issue in raw_ml:
            index, line, column = place(issue.line, issue.column)
            unit.issues[index].append(replace(issue, line=line, column=column))
        for result in bandit:
            if (result.line, result.test_id) in visitor.bandit_false_positives:
                continue
            index, line, column = place(result.line, result.column)
            message = f"{result.text} (bandit, confidence {result.confidence})"
            severity = Severity(result.severity) if result.severity in ("low", "medium", "high") else Severity.MEDIUM
            quiet = visitor.quiet_bandit.get((result.line, result.test_id))
            keep = keep_severity.get((result.line, result.test_id))
            if keep is not None:
                # First: input from outside (a request, model output) keeps its severity in the tests too.
                message += f" ({keep})"
            elif not limits.strict and (result.test_id in HYGIENE_BANDIT_IDS or quiet is not None):
                if quiet is not None and severity is not Severity.LOW:
                    message += f" ({quiet})"  # say why bandit's severity was lowered
                severity = Severity.LOW  # hygiene, or a context that makes it so
            elif in_tests is not None and severity is not Severity.LOW and _quiet_in_tests(result.test_id, visitor):
                message += f" (in {in_tests}: the tests' own input, not outside data)"
                severity = Severity.LOW
            rule = bandit_rule(result.test_id) or bandit_fallback_rule(result.test_id)
            unit.issues[index].append(
                Issue(rule, message, "", line=line, column=column, severity=severity, confidence=result.confidence)
            )
        for command in visitor.commands.commands:
            index, line, column = place(command.line, command.column)
            unit.launched[index].append(command._replace(line=line, column=column))
        # uv's index strategy set anywhere in the notebook or script (`%env`, `os.environ`, a prefix)
        strategy_set = any("UV_INDEX_STRATEGY" in piece.original for piece in pieces)
        for piece, located, launched in zip(pieces, unit.issues, unit.launched, strict=True):
            located.extend(self._commands(piece, launched, located, limits, strategy_set))

    @staticmethod
    def _commands(
        piece: Piece, launched: list[LaunchedCommand], located: list[Issue], limits: Limits, strategy_set: bool
    ) -> list[Issue]:
        """The piece's shell lines and the commands its Python starts, judged together in the order
        they run (a file `subprocess.run(["wget", ...])` fetched, then a `!bash` line runs). An issue
        of a started command points at the call, and says nothing the line's other findings say."""
        shell = piece.transformed.shell + list(piece.extra_shell)
        commands = sorted([*shell, *((command.line, command.text) for command in launched)], key=lambda c: c[0])
        found = command_issues(commands, piece.transformed.installs, strict=limits.strict, uv_strategy_set=strategy_set)
        if not launched:
            return found
        columns: dict[int, int] = {}
        for command in launched:
            columns.setdefault(command.line, command.column)
        seen = {(issue.rule.rule_id, issue.line) for issue in located}
        placed: list[Issue] = []
        for issue in found:
            if issue.line in columns:
                if (issue.rule.rule_id, issue.line) in seen:
                    continue  # one finding of a rule per call line
                seen.add((issue.rule.rule_id, issue.line))
                issue = replace(issue, column=columns[issue.line])
            placed.append(issue)
        return placed

    @staticmethod
    def _parse(source: str, located: list[Issue]) -> tuple[ast.Module | None, str]:
        """The tree, and the source it was parsed from (f-strings rewritten when the running
        Python is older than the grammar the cell uses)."""
        try:
            return ast.parse(source), source
        except SyntaxError as exc:
            error: SyntaxError | Exception = exc
        except (ValueError, RecursionError, MemoryError) as exc:
            message = f"does not parse as Python ({type(exc).__name__}: {exc})"
            located.append(Issue(rules.CODE_NOT_ANALYSED, message, ""))
            return None, source
        if sys.version_info < (3, 12):
            # Python 3.12's grammar (PEP 701 f-strings, PEP 695 type parameters), rewritten in
            # place for the older Python running the hook, each alone and then both.
            fstrings = rewrite_fstrings(source) if has_fstring(source) else None
            params = rewrite_type_params(source)
            both = rewrite_type_params(fstrings) if fstrings is not None and params is not None else None
            for rewritten in (fstrings, params, both):
                if rewritten is None:
                    continue
                try:
                    return ast.parse(rewritten), rewritten
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    pass
        assert isinstance(error, SyntaxError)
        message = f"does not parse as Python ({error.msg})"
        line = error.lineno or 1
        # Python 3.12's grammar this older Python cannot read (an f-string of PEP 701, type
        # parameters whose bounds run code): a newer Python runs the file, so unread it blocks.
        newer = sys.version_info < (3, 12) and (_newer_fstring(error, source) or refused_type_params(source))
        if newer:
            message = f"uses Python 3.12 grammar this Python cannot read ({error.msg}); not analysed"
        severity = Severity.MEDIUM if newer else None
        issue = Issue(rules.CODE_NOT_ANALYSED, message, "", line=line, column=error.offset or 1, severity=severity)
        located.append(issue)
        return None, source

    @staticmethod
    def _place(starts: list[int], virtual_line: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(starts, virtual_line - 1) - 1)
        return index, virtual_line - starts[index]

    @staticmethod
    def _report(piece: Piece, located: list[Issue], display: str) -> list[Finding]:
        """Findings of one piece; bandit's finding gives way to ours on the same line. Messages
        never carry a credential: URLs in them are redacted."""
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
            findings.append(replace(item, key=key, message=redact_urls(item.message)).at(display, cell=piece.cell))
        return findings
