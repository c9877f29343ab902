"""The `mlsec-secrets` hook: which files it receives, its policy section, rules and markers."""

from __future__ import annotations

import re
from pathlib import Path

from hooks._core.spec import ForeignMarker, HookSpec
from hooks.secrets import rules

SPEC = HookSpec(
    hook_id="mlsec-secrets",
    name="mlsec: secrets in code, configs and notebooks",
    description="Find credentials in text files and in notebook cell sources and outputs",
    scanner="hooks.secrets.scanner:SecretScanner",
    cache_inputs="hooks.secrets.cache_inputs:cache_inputs",
    policy_section="secrets",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    types=("text",),
    # detect-secrets' own markers, so a repository moving over keeps its reviewed lines.
    markers=(
        ForeignMarker(
            "allowlist-secret",
            "allowlist",
            re.compile(r"pragma:\s*allowlist[ -]secret", re.IGNORECASE),
            bare_covers=r"MLS2\d\d",
        ),
        ForeignMarker(
            "allowlist-nextline-secret",
            "allowlist",
            re.compile(r"pragma:\s*allowlist[ -]nextline[ -]secret", re.IGNORECASE),
            bare_covers=r"MLS2\d\d",
            next_line=True,
        ),
    ),
    # Any text file may carry a marker; prose mentions markers without using them.
    marker_priority=90,
    marker_prose=False,
)
