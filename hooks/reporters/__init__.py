"""One formatter per output format behind one function, imported only when used."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from hooks._core.findings import FileError, Finding
from hooks._core.registry import RuleRegistry

FORMATS = ("text", "json", "sarif")


def render(fmt: str, findings: Sequence[Finding], errors: Sequence[FileError], rules: RuleRegistry) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"hooks.reporters.{fmt}_report")
    ordered = sorted(findings, key=lambda f: f.sort_key)
    text: str = module.render(ordered, list(errors), rules)
    return text
