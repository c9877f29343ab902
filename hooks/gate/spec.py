"""The gate's policy section and rule book (no pre-commit hook: it runs as `mlsec gate`)."""

from __future__ import annotations

from pathlib import Path

from hooks._core.spec import SectionSpec
from hooks.gate import rules

SPEC = SectionSpec(name="gate", book=rules.BOOK, schema_file=Path(__file__).with_name("policy_schema.json"))
