"""What a file's secret findings depend on besides its bytes (for hooks/_core/cache.py): the
detect-secrets baseline whose accepted hashes silence findings, and today's date while an
allowlist entry has an expiry date (an entry that expires tonight silences nothing tomorrow), and
the dist-info RECORDs above the file that may vouch for it as a release's own file."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from hooks._core.policy import Policy


def cache_inputs(path: Path, display: str, policy: Policy) -> Sequence[Path | str] | None:
    section = policy.section("secrets")
    inputs: list[Path | str] = [policy.root / section.get("detect_secrets_baseline", ".secrets.baseline")]
    if any(entry.get("expires") for entry in section.get("allowlist", [])):
        inputs.append(f"date:{datetime.date.today().isoformat()}")
    if not display.lower().endswith(".ipynb"):
        from hooks._shared.installed_copy import records_above

        inputs.extend(records_above(path, policy.root))
    return inputs
