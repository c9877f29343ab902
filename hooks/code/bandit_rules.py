"""Rules for bandit's own ids (B101 ... B704), described from bandit's plugin registry.

bandit's findings keep their ids; their rule rows (SARIF help, `mlsec rule B614`) come from the
installed bandit's test descriptions and documentation links, not from a copy of ours.
"""

from __future__ import annotations

import re
import sys
import textwrap
from functools import lru_cache

from hooks._core.findings import Severity
from hooks._core.rules import Rule

_DOCS = "https://bandit.readthedocs.io/en/latest/"

# bandit tests whose findings are hygiene in ML code (DESIGN.md, "Blocking means act"): reported
# low by default; under `profile: strict` at bandit's own severity (given here for the docs).
# chmod to a mode nobody else can write (0o755 on an executable, 0o775, 0o555),
# Hub downloads without a revision, requests without a timeout, /tmp paths and mktemp, urlopen of
# a URL, SQL built as a string, binding all interfaces, md5/sha1 without usedforsecurity, the
# stdlib XML parsers (expat has refused entity expansion bombs since 2.4.1; the stdlib never
# fetches external entities), Jinja2 without autoescape (ML code renders prompts, not HTML), and
# imports of the `Crypto` package: the maintained pycryptodome installs that same package, so the
# import does not say pycrypto is used; pycrypto itself is mlsec-deps' to judge (its advisories).
HYGIENE_BANDIT_IDS: dict[str, Severity] = {
    "B103": Severity.MEDIUM,
    "B615": Severity.MEDIUM,
    "B113": Severity.MEDIUM,
    "B108": Severity.MEDIUM,
    "B306": Severity.MEDIUM,
    "B310": Severity.MEDIUM,
    "B608": Severity.MEDIUM,
    "B104": Severity.MEDIUM,
    "B324": Severity.HIGH,
    **{f"B{number}": Severity.MEDIUM for number in range(313, 321)},
    "B701": Severity.HIGH,
    "B413": Severity.HIGH,
}


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # stevedore's, raised inside bandit
        from bandit.core import extension_loader

    manager = extension_loader.MANAGER
    return dict(manager.plugins_by_id), dict(manager.blacklist_by_id)


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def _first_paragraph(doc: str) -> str:
    """The first paragraph of prose in a plugin's reStructuredText docstring (not a heading)."""
    for paragraph in textwrap.dedent(doc or "").strip().split("\n\n"):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines or any(re.fullmatch(r"[=\-~^]{3,}", line) for line in lines) or lines[0].startswith((":", "..")):
            continue
        return " ".join(lines)
    return ""


def bandit_rule(rule_id: str) -> Rule | None:
    """A rule row for a bandit id, or None when the installed bandit has no such test."""
    plugins, blacklist = _registry()
    plugin = plugins.get(rule_id)
    if plugin is not None:
        name = str(getattr(plugin, "name", rule_id))
        function = getattr(plugin, "plugin", None)
        module_name = getattr(function, "__module__", "")
        module_doc = getattr(sys.modules.get(module_name), "__doc__", "") or ""
        what = _first_paragraph(getattr(function, "__doc__", "") or "") or _first_paragraph(module_doc)
        what = what or f"bandit test {name}."
        module = module_name.rsplit(".", 1)[-1]
        link = f"{_DOCS}plugins/{rule_id.lower()}_{module}.html" if module else _DOCS
        return Rule(
            rule_id,
            _pascal(name),
            "code",
            Severity.LOW if rule_id in HYGIENE_BANDIT_IDS else Severity.MEDIUM,
            f"bandit {name.replace('_', ' ')}",
            what=what,
            references=(link,),
            strict_severity=HYGIENE_BANDIT_IDS.get(rule_id),
        )
    entry = blacklist.get(rule_id)
    if isinstance(entry, dict):
        name = str(entry.get("name", rule_id))
        cwe = entry.get("cwe")
        kind = "calls" if rule_id < "B400" else "imports"
        return Rule(
            rule_id,
            _pascal(f"blacklist {name}"),
            "code",
            Severity.LOW if rule_id in HYGIENE_BANDIT_IDS else Severity.MEDIUM,
            f"bandit blacklist: {name.replace('_', ' ')}",
            cwe=cwe if isinstance(cwe, int) else None,
            what=str(entry.get("message", "")) or f"bandit blacklist entry {name}.",
            references=(f"{_DOCS}blacklists/blacklist_{kind}.html",),
            strict_severity=HYGIENE_BANDIT_IDS.get(rule_id),
        )
    return None


def bandit_fallback_rule(rule_id: str) -> Rule:
    """A row for an id bandit reported that its registry does not describe (a third-party plugin)."""
    return Rule(rule_id, f"Bandit{rule_id}", "code", Severity.MEDIUM, f"bandit {rule_id}", what="Reported by bandit.")
