"""`{"version": 1, "findings": [...], "errors": [...]}`, findings already sorted."""

from __future__ import annotations

import json
from collections.abc import Sequence

from hooks._core.findings import FileError, Finding
from hooks.reporters import ReportContext


def render(findings: Sequence[Finding], errors: Sequence[FileError], context: ReportContext) -> str:
    document = {
        "version": 1,
        "findings": [f.as_dict() for f in findings],
        "errors": [e.as_dict() for e in errors],
    }
    return json.dumps(document, indent=2) + "\n"
