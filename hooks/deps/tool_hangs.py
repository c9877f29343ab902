"""Advisories whose worst case is a development tool hanging on crafted input.

A formatter, linter, type checker, test runner, documentation builder or packaging tool reads
the project's own files (and, for a packaging tool, the index pages of what it installs). A
regular expression that backtracks for minutes on crafted input (black's CVE-2024-21503, wheel's
CVE-2022-40898, setuptools' CVE-2022-40897 in `package_index`, py's CVE-2020-29651) makes such a
run slow or hang: it runs nothing and reads nothing it should not. Upgrading is hygiene, reported
low (`profile: strict` keeps MLS401's own severity, high).

Only denial of service is lowered, judged from the advisory's whole text (summary and details,
when the record is read): a record that also says code runs, a path is left, input is injected,
data leaks or "other impact" keeps the pin blocking, and so does a CVSS vector that hits
confidentiality or integrity, and every other advisory of the same release. Libraries that parse
outside data at run time (Pygments behind a web app, Jinja2, lxml) are not on the list: there the
crafted input may come from a request.
"""

from __future__ import annotations

import re

from hooks.deps.model import normalize

# Normalised PyPI names of tools that only ever read the developer's own files or package indexes.
DEVELOPMENT_TOOLS = frozenset(
    {
        "autopep8",
        "bandit",
        "black",
        "build",
        "coverage",
        "flake8",
        "isort",
        "mkdocs",
        "mypy",
        "nox",
        "pip",
        "pip-tools",
        "pre-commit",
        "py",
        "pycodestyle",
        "pyflakes",
        "pylint",
        "pytest",
        "rope",
        "ruff",
        "setuptools",
        "sphinx",
        "tox",
        "twine",
        "wheel",
        "yapf",
    }
)
_DENIAL = re.compile(
    r"denial[ -]of[ -]service|\bredos\b|catastrophic backtracking|infinite loop|"
    r"excessive (?:cpu|memory|resource)|resource exhaustion|uncontrolled resource consumption",
    re.IGNORECASE,
)
# What makes an advisory more than a hang, whatever else its text says (NVD's "or possibly have
# unspecified other impact" included).
_MORE_THAN_DENIAL = re.compile(
    r"execut|inject|travers|arbitrary|writ|bypass|disclos|leak|expos|cross[ -]site|xss|ssrf|forg|"
    r"escalat|privilege|credential|spoof|tamper|man[ -]in[ -]the[ -]middle|certificate|other impact|"
    r"\brce\b|remote code|command|shell|outside|symlink|symbolic link|install|sandbox|escape|hijack|"
    r"poison|impersonat|authenticat|access|sensitive|information|confidential|integrity|password|"
    r"plain[ -]?text|cleartext|\bread|different|incorrect",
    re.IGNORECASE,
)
_MAX_TEXT = 64 << 10  # an advisory's summary and details; a longer text is not judged a hang


def says_only_denial(text: str) -> bool:
    """Whether an advisory's whole text (summary and details) describes denial of service and
    nothing worse. Judged when the record is read, before any text is cut short."""
    return len(text) <= _MAX_TEXT and _DENIAL.search(text) is not None and _MORE_THAN_DENIAL.search(text) is None


def only_hangs_a_tool(package: str, denial_only: bool) -> bool:
    """Whether an advisory of `package` whose text says only denial of service (`denial_only`,
    judged by `says_only_denial` when its record was read) is one of a development tool."""
    return denial_only and normalize(package) in DEVELOPMENT_TOOLS
