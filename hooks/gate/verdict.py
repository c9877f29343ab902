"""One measured metric against its threshold, and the verdict over all of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hooks._core.rules import Rule


@dataclass(frozen=True)
class Measurement:
    check: str  # policy key of the check: clean_accuracy, adversarial, membership_inference, ...
    metric: str  # what was measured, e.g. "accuracy", "recall[3]", "accuracy@eps=0.1"
    value: float
    rule: Rule
    threshold: float | None = None  # None: measured and reported, not judged
    comparison: str = ">="  # ">=" for floors, "<=" for ceilings
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool | None:
        """Exactly at the threshold passes: a floor of 0.9 accepts 0.9, a ceiling of 0.1 accepts 0.1."""
        if self.threshold is None:
            return None
        if self.comparison == ">=":
            return self.value >= self.threshold
        return self.value <= self.threshold

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "metric": self.metric,
            "value": self.value,
            "threshold": self.threshold,
            "comparison": self.comparison,
            "passed": self.passed,
            "rule_id": self.rule.rule_id,
            "details": self.details,
        }


def verdict(measurements: list[Measurement], blocked: bool = False) -> str:
    if blocked or any(m.passed is False for m in measurements):
        return "fail"
    return "pass"
