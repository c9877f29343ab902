from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.code.spec import SPEC
from tests.scanning import findings_of


def scan_code(directory: Path, source: str, name: str = "job.py", policy: Policy | None = None) -> list[Finding]:
    path = directory / name
    path.write_text(source)
    return findings_of(SPEC, path, name, policy or Policy(root=directory))


def notebook(*cells: str | tuple[str, str]) -> str:
    built: list[dict[str, Any]] = []
    for cell in cells:
        kind, source = cell if isinstance(cell, tuple) else ("code", cell)
        entry: dict[str, Any] = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            entry.update(outputs=[], execution_count=None)
        built.append(entry)
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": built})


def ids(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.rule_id, f.line) for f in findings)
