"""The `mlsec-artifacts` hook: which files it receives, its policy section and its rules."""

from __future__ import annotations

from pathlib import Path

from hooks._core.spec import HookSpec
from hooks.artifacts import rules

SPEC = HookSpec(
    hook_id="mlsec-artifacts",
    name="mlsec: model artifacts (pickle, torch, joblib, numpy, keras)",
    description="Find code execution in model files by content, without loading them",
    scanner="hooks.artifacts.scanner:ArtifactScanner",
    cache_inputs="hooks.artifacts.cache_inputs:cache_inputs",
    policy_section="artifacts",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    # Extensions lie and protocol-0 pickles are text, so every file is offered and the
    # content decides; a file that is clearly no artifact costs a few bytes of reading.
    types=("file",),
)
