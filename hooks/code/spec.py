"""The `mlsec-code` hook: which files it receives, its policy section, rules and markers."""

from __future__ import annotations

import re
from pathlib import Path

from hooks._core.spec import ForeignMarker, HookSpec
from hooks.code import rules

SPEC = HookSpec(
    hook_id="mlsec-code",
    cache_with=("mlsec-deps", "mlsec-dockerfile"),  # the files its files write (hooks/_core/runner.py)
    cache_inputs="hooks.code.cache_inputs:cache_inputs",  # pipeline definitions beside a script
    name="mlsec: unsafe calls in Python and notebooks",
    description="bandit plus ML rules on scripts and notebook cells, magics, shell lines and shell scripts included",
    scanner="hooks.code.scanner:CodeScanner",
    policy_section="code",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    types=("file",),
    types_or=("python", "jupyter", "shell"),
    # bandit's marker: with ids it silences those (and our equivalent rules); bare, it silences
    # what bandit itself would report there: bandit's findings and ours that stand in for one
    # (MLS306 for B614), never an ML rule bandit has no test for (trust_remote_code, ...).
    markers=(
        ForeignMarker(
            "nosec",
            "nosec",
            re.compile(r"#\s*nosec\b:?(?P<ids>(?:[\s,]*(?:[A-Za-z]+\d+))*)"),
            bare_covers="|".join([r"B\d{3}", *sorted(rules.EQUIVALENT_BANDIT_IDS)]),
        ),
    ),
    equivalent_ids=rules.EQUIVALENT_BANDIT_IDS,
    passthrough_rules="hooks.code.bandit_rules:bandit_rule",
    passthrough_ids=r"B\d{3}",
    marker_priority=10,
)
