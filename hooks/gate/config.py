"""The `gate` policy section as typed settings: the schema has checked shapes and types; this
module checks what a JSON schema here cannot say (ranges up to 1, paths, which checks need what)
and resolves paths (the policy's relative to the repository root, the command line's to the
working directory)."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks._core.errors import UsageError

DEFAULT_MAX_ROWS = 1_000_000
DEFAULT_MAX_MODEL_MB = 1024
DEFAULT_MAX_DATA_MB = 1024
# Keys that name files rather than checks: the policy hash leaves them out, so the same checks
# and thresholds give the same hash whichever model they judged.
_PATH_KEYS = ("model", "data", "train_data")


@dataclass(frozen=True)
class CleanCheck:
    min_accuracy: float | None = None
    min_class_recall: float | None = None
    class_recall: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EpsThreshold:
    min_accuracy: float | None
    max_drop: float | None


@dataclass(frozen=True)
class AdversarialCheck:
    eps: tuple[float, ...]
    attack: str = "fgsm"
    norm: str = "linf"
    steps: int = 10
    step_size: float | None = None  # PGD; default 2.5 * eps / steps (Madry et al.)
    random_start: bool = False
    targeted: bool = False
    target: str | None = None  # a class label; None with `targeted`: the next class
    seed: int = 0
    sample: int = 1000  # rows attacked (a seeded sample of the held-out data)
    queries: int = 100  # black-box budget: model queries per row and eps
    min_accuracy: float | None = None
    max_drop: float | None = None
    per_eps: dict[float, EpsThreshold] = field(default_factory=dict)

    def thresholds(self, eps: float) -> EpsThreshold:
        return self.per_eps.get(eps, EpsThreshold(self.min_accuracy, self.max_drop))

    def pgd_step(self, eps: float) -> float:
        return self.step_size if self.step_size is not None else 2.5 * eps / self.steps


@dataclass(frozen=True)
class MembershipCheck:
    attack: str = "loss"
    samples: int = 1000  # rows per side (members and non-members)
    seed: int = 0
    max_advantage: float | None = None


@dataclass(frozen=True)
class NoiseCheck:
    eps: tuple[float, ...]
    norm: str = "linf"
    seed: int = 0
    min_accuracy: float | None = None
    max_drop: float | None = None


@dataclass(frozen=True)
class BiasCheck:
    sensitive: str
    positive_label: str | None = None
    min_group_size: int = 30
    max_demographic_parity: float | None = None
    max_equal_opportunity: float | None = None
    max_accuracy_gap: float | None = None


@dataclass(frozen=True)
class GateConfig:
    model: Path
    data: Path
    train_data: Path | None = None
    label: str | None = None
    features: tuple[str, ...] | None = None
    immutable: tuple[str, ...] = ()
    clip: tuple[float, float] | None = None
    arrays: dict[str, str] = field(default_factory=dict)
    model_class: str | None = None
    model_kwargs: dict[str, Any] = field(default_factory=dict)
    engine: str = "builtin"
    max_rows: int = DEFAULT_MAX_ROWS
    max_model_bytes: int = DEFAULT_MAX_MODEL_MB << 20
    max_data_bytes: int = DEFAULT_MAX_DATA_MB << 20
    write_record: bool = True
    clean: CleanCheck | None = None
    adversarial: AdversarialCheck | None = None
    membership: MembershipCheck | None = None
    noise: NoiseCheck | None = None
    bias: BiasCheck | None = None
    policy_sha256: str = ""
    section: dict[str, Any] = field(default_factory=dict)  # the effective section, for the record


def _fraction(where: str, value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise UsageError(f"gate.{where}: {number} is not between 0 and 1")
    return number


def _eps_list(where: str, values: list[Any]) -> tuple[float, ...]:
    if not values:
        raise UsageError(f"gate.{where}: give at least one eps")
    eps = tuple(float(v) for v in values)
    if any(not math.isfinite(e) or e <= 0 for e in eps):
        raise UsageError(f"gate.{where}: every eps must be a positive number")
    return tuple(dict.fromkeys(eps))


def _label_text(where: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise UsageError(f"gate.{where}: give a class label (text or number)")
    return str(value)


def policy_hash(section: dict[str, Any]) -> str:
    checks_only = {key: value for key, value in section.items() if key not in _PATH_KEYS}
    canonical = json.dumps(checks_only, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _resolve(raw: str | None, base: Path, key: str) -> Path | None:
    if raw is None:
        return None
    path = Path(raw)
    return path if path.is_absolute() else base / path


def _adversarial(section: dict[str, Any]) -> AdversarialCheck:
    eps = _eps_list("checks.adversarial.eps", section["eps"])
    per_eps: dict[float, EpsThreshold] = {}
    for index, entry in enumerate(section.get("per_eps", [])):
        value = float(entry["eps"])
        if value not in eps:
            raise UsageError(f"gate.checks.adversarial.per_eps[{index}].eps: {value} is not in adversarial.eps")
        per_eps[value] = EpsThreshold(
            _fraction(f"checks.adversarial.per_eps[{index}].min_accuracy", entry.get("min_accuracy")),
            _fraction(f"checks.adversarial.per_eps[{index}].max_drop", entry.get("max_drop")),
        )
    step_size = section.get("step_size")
    if step_size is not None and float(step_size) <= 0:
        raise UsageError("gate.checks.adversarial.step_size: must be positive")
    targeted = bool(section.get("targeted", False))
    target = _label_text("checks.adversarial.target", section.get("target"))
    if target is not None and not targeted:
        raise UsageError("gate.checks.adversarial.target: set `targeted: true` too, or remove the target")
    return AdversarialCheck(
        eps=eps,
        attack=section.get("attack", "fgsm"),
        norm=section.get("norm", "linf"),
        steps=int(section.get("steps", 10)),
        step_size=float(step_size) if step_size is not None else None,
        random_start=bool(section.get("random_start", False)),
        targeted=targeted,
        target=target,
        seed=int(section.get("seed", 0)),
        sample=int(section.get("sample", 1000)),
        queries=int(section.get("queries", 100)),
        min_accuracy=_fraction("checks.adversarial.min_accuracy", section.get("min_accuracy")),
        max_drop=_fraction("checks.adversarial.max_drop", section.get("max_drop")),
        per_eps=per_eps,
    )


def build_config(
    section: dict[str, Any],
    policy_root: Path,
    *,
    model: str | None = None,
    data: str | None = None,
    train_data: str | None = None,
    engine: str | None = None,
    write_record: bool | None = None,
) -> GateConfig:
    """Typed settings from the policy's `gate` section; command-line values win over it."""
    effective = dict(section)
    cwd = Path.cwd()
    model_path = _resolve(model, cwd, "model") or _resolve(section.get("model"), policy_root, "model")
    data_path = _resolve(data, cwd, "data") or _resolve(section.get("data"), policy_root, "data")
    train_path = _resolve(train_data, cwd, "train_data") or _resolve(section.get("train_data"), policy_root, "")
    if model_path is None:
        raise UsageError("no model: pass --model PATH or set gate.model in the policy")
    if data_path is None:
        raise UsageError("no held-out data: pass --data PATH or set gate.data in the policy")
    if engine is not None:
        effective["engine"] = engine
    checks: dict[str, Any] = section.get("checks", {})
    if not checks:
        raise UsageError("gate.checks names no check; add at least `clean_accuracy: {min: ...}`")
    clip = section.get("clip")
    clip_range: tuple[float, float] | None = None
    if clip is not None:
        if "min" not in clip or "max" not in clip or float(clip["min"]) >= float(clip["max"]):
            raise UsageError("gate.clip: give both min and max, with min below max")
        clip_range = (float(clip["min"]), float(clip["max"]))
    clean = checks.get("clean_accuracy")
    membership = checks.get("membership_inference")
    noise = checks.get("robustness_noise")
    bias = checks.get("bias")
    adversarial = _adversarial(checks["adversarial"]) if "adversarial" in checks else None
    if membership is not None and train_path is None:
        raise UsageError("membership_inference needs the training rows: pass --train-data or set gate.train_data")
    noise_eps: tuple[float, ...] | None = None
    if noise is not None:
        if "eps" in noise:
            noise_eps = _eps_list("checks.robustness_noise.eps", noise["eps"])
        elif adversarial is not None:
            noise_eps = adversarial.eps
        else:
            raise UsageError("gate.checks.robustness_noise.eps: required when there is no adversarial check")
    return GateConfig(
        model=model_path,
        data=data_path,
        train_data=train_path,
        label=section.get("label"),
        features=tuple(section["features"]) if "features" in section else None,
        immutable=tuple(section.get("immutable", ())),
        clip=clip_range,
        arrays=dict(section.get("arrays", {})),
        model_class=section.get("model_class"),
        model_kwargs=dict(section.get("model_kwargs", {})),
        engine=effective.get("engine", "builtin"),
        max_rows=int(section.get("max_rows", DEFAULT_MAX_ROWS)),
        max_model_bytes=int(section.get("max_model_mb", DEFAULT_MAX_MODEL_MB)) << 20,
        max_data_bytes=int(section.get("max_data_mb", DEFAULT_MAX_DATA_MB)) << 20,
        write_record=bool(section.get("record", True)) if write_record is None else write_record,
        clean=None
        if clean is None
        else CleanCheck(
            min_accuracy=_fraction("checks.clean_accuracy.min", clean.get("min")),
            min_class_recall=_fraction("checks.clean_accuracy.min_class_recall", clean.get("min_class_recall")),
            class_recall={
                str(label): _fraction(f"checks.clean_accuracy.class_recall.{label}", floor) or 0.0
                for label, floor in clean.get("class_recall", {}).items()
            },
        ),
        adversarial=adversarial,
        membership=None
        if membership is None
        else MembershipCheck(
            attack=membership.get("attack", "loss"),
            samples=int(membership.get("samples", 1000)),
            seed=int(membership.get("seed", 0)),
            max_advantage=_fraction("checks.membership_inference.max_advantage", membership.get("max_advantage")),
        ),
        noise=None
        if noise is None or noise_eps is None
        else NoiseCheck(
            eps=noise_eps,
            norm=noise.get("norm", adversarial.norm if adversarial is not None else "linf"),
            seed=int(noise.get("seed", 0)),
            min_accuracy=_fraction("checks.robustness_noise.min_accuracy", noise.get("min_accuracy")),
            max_drop=_fraction("checks.robustness_noise.max_drop", noise.get("max_drop")),
        ),
        bias=None
        if bias is None
        else BiasCheck(
            sensitive=bias["sensitive"],
            positive_label=_label_text("checks.bias.positive_label", bias.get("positive_label")),
            min_group_size=int(bias.get("min_group_size", 30)),
            max_demographic_parity=_fraction("checks.bias.max_demographic_parity", bias.get("max_demographic_parity")),
            max_equal_opportunity=_fraction("checks.bias.max_equal_opportunity", bias.get("max_equal_opportunity")),
            max_accuracy_gap=_fraction("checks.bias.max_accuracy_gap", bias.get("max_accuracy_gap")),
        ),
        policy_sha256=policy_hash(effective),
        section=effective,
    )
