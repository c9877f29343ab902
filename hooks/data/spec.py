"""The `mlsec-data` hook: which files it receives, its policy section, options and rules."""

from __future__ import annotations

from pathlib import Path

from hooks._core.spec import CliOption, HookSpec
from hooks.data import rules
from hooks.data.formats import FILES_PATTERN

SPEC = HookSpec(
    hook_id="mlsec-data",
    name="mlsec: personal data, credentials and oversize files in committed data",
    description="Check datasets and notebook dataframe outputs for personal data, credentials and size",
    scanner="hooks.data.scanner:DataScanner",
    cache_inputs="hooks.data.cache_inputs:cache_inputs",
    policy_section="data",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    types=("file",),
    files=FILES_PATTERN,
    options=(CliOption("--full", "full", "read whole files instead of a bounded sample (for CI)", is_flag=True),),
    # Data files carry no suppression comments; other hooks check markers in notebooks.
    marker_priority=95,
    marker_prose=False,
)
