"""Helpers for the format tests: analyse bytes directly, as the fuzz tests do."""

from __future__ import annotations

import io

from hooks.artifacts.analysis import Analysis, Limits
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy
from hooks.artifacts.pickle_vm import NotAPickle
from hooks.artifacts.walker import Walker


def inspect_bytes(data: bytes, name: str) -> list[str]:
    """Rule ids found in `data` named `name`; a failure the scanner turns into MLS9xx is fine, a traceback is not."""
    analysis = Analysis(GlobalsPolicy(), Limits(max_seconds=5))
    try:
        Walker(analysis).walk_file(io.BytesIO(data), len(data), name)
    except (AnalysisError, LimitExceeded, NotAPickle):
        return ["MLS9xx"]
    return sorted(issue.rule.rule_id for issue in analysis.issues)
