"""The gate record `<model>.gate.json`: what was judged (model and data by sha256, the policy by
hash), by which tool version, every metric with its threshold, and the verdict. Registries and
`mlsec-artifacts` (`require_gate_record`) trust a model version only with a passing record."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Finding
from hooks._shared.gate_record import RECORD_FORMAT, record_path
from hooks._version import VERSION
from hooks.gate.text import safe_text
from hooks.gate.verdict import Measurement, verdict


@dataclass
class Outcome:
    """Everything one gate run found, for the record and every report format."""

    model_display: str
    model_sha256: str
    data_display: str
    data_sha256: str
    policy_sha256: str
    policy_source: str | None
    section: dict[str, Any]
    measurements: list[Measurement] = field(default_factory=list)
    blocked: list[Finding] = field(default_factory=list)  # artifact findings that stopped the load
    refused: str | None = None  # the global the restricted unpickler refused
    adapter: str = ""
    train_display: str | None = None
    train_sha256: str | None = None
    rows: int = 0
    seconds: float = 0.0
    timestamp: str = ""

    @property
    def verdict(self) -> str:
        return verdict(self.measurements, blocked=bool(self.blocked) or self.refused is not None)

    def as_record(self) -> dict[str, Any]:
        return {
            "format": RECORD_FORMAT,
            "version": 1,
            "tool": "mlsec-hooks",
            "tool_version": VERSION,
            "timestamp": self.timestamp,
            "verdict": self.verdict,
            "model": {"path": self.model_display, "sha256": self.model_sha256, "attacked_as": self.adapter},
            "data": {"path": self.data_display, "sha256": self.data_sha256, "rows": self.rows},
            "train_data": None
            if self.train_display is None
            else {"path": self.train_display, "sha256": self.train_sha256},
            "policy": {"sha256": self.policy_sha256, "source": self.policy_source, "gate": self.section},
            "artifact_scan": {
                "blocking_findings": [
                    {"rule_id": f.rule_id, "severity": f.severity.value, "message": f.message} for f in self.blocked
                ],
                "refused_global": self.refused,
            },
            "checks": [m.as_dict() for m in self.measurements],
            "seconds": round(self.seconds, 3),
        }


def write_record(outcome: Outcome, model: Path, destination: Path | None, root: Path) -> Path:
    from hooks._core.destinations import check_destination

    target = check_destination(
        destination if destination is not None else record_path(model),
        root,
        "--record" if destination is not None else "gate record",
    )
    try:
        target.write_text(json.dumps(outcome.as_record(), indent=2, sort_keys=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{safe_text(target)}: cannot write the gate record ({exc.strerror})") from None
    return target
