"""Run the policy's checks on a bound model and turn each number into a Measurement."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from hooks._core.errors import UsageError
from hooks.gate import attacks, metrics, rules
from hooks.gate.adapters.base import Adapter, cross_entropy
from hooks.gate.config import AdversarialCheck, BiasCheck, GateConfig, MembershipCheck, NoiseCheck
from hooks.gate.data import Dataset
from hooks.gate.text import safe_text
from hooks.gate.verdict import Measurement


def encode_labels(labels: np.ndarray, classes: np.ndarray, display: str) -> np.ndarray:
    """Class indices of raw label values; values the model does not know are a data error."""
    lookup = {value: index for index, value in enumerate(classes.tolist())}
    as_text = {str(value): index for index, value in enumerate(classes.tolist())}
    out = np.empty(len(labels), dtype=np.int64)
    for row, value in enumerate(labels.tolist()):
        index = lookup.get(value)
        if index is None:
            index = as_text.get(str(value))
        if index is None and isinstance(value, float) and value.is_integer():
            index = lookup.get(int(value), as_text.get(str(int(value))))
        if index is None:
            shown = int(value) if isinstance(value, float) and value.is_integer() else value
            raise UsageError(
                f"{display}: row {row + 1} has label {safe_text(shown, 40)!r}, not one of the model's classes"
            )
        out[row] = index
    return out


def label_index(text: str, classes: np.ndarray, where: str) -> int:
    for index, value in enumerate(classes.tolist()):
        if str(value) == text or (isinstance(value, float) and value.is_integer() and str(int(value)) == text):
            return index
    raise UsageError(f"gate.{where}: {safe_text(text, 40)!r} is not one of the model's classes")


@dataclass
class Context:
    config: GateConfig
    adapter: Adapter
    holdout: Dataset
    truth: np.ndarray  # class indices of the held-out rows
    engine_model: Any = None  # the loaded model, for engine: art

    def space(self, data: Dataset) -> attacks.Space:
        mask = data.mutable[None, :] & ~self.adapter.frozen[None, :] & np.isfinite(data.numeric)
        return attacks.Space(data.numeric, mask, self.config.clip)


def _sample(rows: int, size: int, seed: int) -> np.ndarray:
    if rows <= size:
        return np.arange(rows)
    return np.sort(np.random.default_rng(seed).choice(rows, size=size, replace=False))


def clean_checks(context: Context, predicted: np.ndarray) -> list[Measurement]:
    check = context.config.clean
    classes = context.adapter.classes
    value = metrics.accuracy(predicted, context.truth)
    out = [
        Measurement(
            "clean_accuracy",
            "accuracy",
            value,
            rules.CLEAN_ACCURACY,
            check.min_accuracy if check else None,
            details={"rows": len(context.truth)},
        )
    ]
    if check is None:
        return out
    recalls = metrics.class_recall(predicted, context.truth, len(classes))
    floors: dict[int, float] = {}
    if check.min_class_recall is not None:
        floors = {index: check.min_class_recall for index in recalls}
    for text, floor in check.class_recall.items():
        floors[label_index(text, classes, f"checks.clean_accuracy.class_recall.{text}")] = floor
    for index, floor in sorted(floors.items()):
        recall, count = recalls.get(index, (0.0, 0))
        if count == 0:
            raise UsageError(
                f"{context.holdout.display}: no row of class {safe_text(classes[index], 40)!r} to measure its recall"
            )
        out.append(
            Measurement(
                "clean_accuracy",
                f"recall[{safe_text(classes[index], 40)}]",
                recall,
                rules.CLASS_RECALL,
                floor,
                details={"rows": count},
            )
        )
    return out


def _targets(check: AdversarialCheck, truth: np.ndarray, classes: np.ndarray) -> np.ndarray:
    if not check.targeted:
        return truth
    if check.target is not None:
        return np.full_like(truth, label_index(check.target, classes, "checks.adversarial.target"))
    return (truth + 1) % len(classes)


def _attack(
    context: Context,
    check: AdversarialCheck,
    data: Dataset,
    bound: Any,
    space: attacks.Space,
    target: np.ndarray,
    eps: float,
    rng: np.random.Generator,
) -> tuple[np.ndarray, str]:
    if context.config.engine == "art":
        from hooks.gate.art_engine import art_attack

        return art_attack(context, check, data, space, target, eps), f"{check.attack} (ART)"
    if not context.adapter.white_box:
        delta = attacks.random_search(
            bound, space, target, eps, check.norm, check.targeted, queries=check.queries, rng=rng
        )
        return delta, f"random-search ({check.queries} queries per row)"
    if check.attack == "fgsm":
        return attacks.fgsm(bound, space, target, eps, check.norm, check.targeted), "fgsm"
    delta = attacks.pgd(
        bound,
        space,
        target,
        eps,
        check.norm,
        check.targeted,
        steps=check.steps,
        step_size=check.pgd_step(eps),
        random_start=check.random_start,
        rng=rng,
    )
    return delta, f"pgd ({check.steps} steps of {check.pgd_step(eps):g})"


def adversarial_checks(context: Context, check: AdversarialCheck) -> list[Measurement]:
    rows = _sample(context.holdout.rows, check.sample, check.seed)
    data = context.holdout.subset(rows)
    truth = context.truth[rows]
    bound = context.adapter.bind(data)
    clean = metrics.accuracy(bound.proba().argmax(axis=1), truth)
    space = context.space(data)
    target = _targets(check, truth, context.adapter.classes)
    out: list[Measurement] = []
    for eps in check.eps:
        rng = np.random.default_rng(check.seed)
        started = time.perf_counter()
        delta, method = _attack(context, check, data, bound, space, target, eps, rng)
        seconds = time.perf_counter() - started
        predicted = bound.proba(delta).argmax(axis=1)
        value = metrics.accuracy(predicted, truth)
        details: dict[str, Any] = {
            "attack": method,
            "norm": check.norm,
            "eps": eps,
            "targeted": check.targeted,
            "seed": check.seed,
            "rows": len(rows),
            "clean_accuracy_on_rows": clean,
            "seconds": round(seconds, 6),
            "model": context.adapter.description,
        }
        if check.targeted:
            details["target"] = check.target if check.target is not None else "next class"
            details["target_success_rate"] = float(np.mean(predicted == target))
        limits = check.thresholds(eps)
        out.append(
            Measurement(
                "adversarial",
                f"accuracy@eps={eps:g}",
                value,
                rules.ADVERSARIAL_ACCURACY,
                limits.min_accuracy,
                ">=",
                details,
            )
        )
        out.append(
            Measurement(
                "adversarial",
                f"drop@eps={eps:g}",
                clean - value,
                rules.ADVERSARIAL_DROP,
                limits.max_drop,
                "<=",
                {"eps": eps, "clean_accuracy_on_rows": clean, "adversarial_accuracy": value},
            )
        )
    return out


def noise_checks(context: Context, check: NoiseCheck, sample: int) -> list[Measurement]:
    rows = _sample(context.holdout.rows, sample, check.seed)
    data = context.holdout.subset(rows)
    truth = context.truth[rows]
    bound = context.adapter.bind(data)
    clean = metrics.accuracy(bound.proba().argmax(axis=1), truth)
    space = context.space(data)
    out: list[Measurement] = []
    for eps in check.eps:
        delta = attacks.noise(space, eps, check.norm, np.random.default_rng(check.seed))
        value = metrics.accuracy(bound.proba(delta).argmax(axis=1), truth)
        details = {
            "norm": check.norm,
            "eps": eps,
            "seed": check.seed,
            "rows": len(rows),
            "clean_accuracy_on_rows": clean,
        }
        out.append(
            Measurement(
                "robustness_noise",
                f"accuracy@eps={eps:g}",
                value,
                rules.NOISE_ROBUSTNESS,
                check.min_accuracy,
                ">=",
                details,
            )
        )
        out.append(
            Measurement(
                "robustness_noise",
                f"drop@eps={eps:g}",
                clean - value,
                rules.NOISE_ROBUSTNESS,
                check.max_drop,
                "<=",
                {"eps": eps},
            )
        )
    return out


def _scores(proba: np.ndarray, truth: np.ndarray, attack: str) -> np.ndarray:
    """Lower = more member-like: the loss, or minus the top probability."""
    if attack == "loss":
        return cross_entropy(proba, truth)
    out: np.ndarray = -proba.max(axis=1)
    return out


def membership_checks(context: Context, check: MembershipCheck, train: Dataset) -> list[Measurement]:
    members_truth = encode_labels(train.labels, context.adapter.classes, train.display)
    member_rows = _sample(train.rows, check.samples, check.seed)
    other_rows = _sample(context.holdout.rows, check.samples, check.seed + 1)
    size = min(len(member_rows), len(other_rows))
    if size < 20:
        raise UsageError("membership_inference: fewer than 20 rows on one side; give more training or held-out rows")
    member_proba = context.adapter.bind(train.subset(member_rows)).proba()
    other_proba = context.adapter.bind(context.holdout.subset(other_rows)).proba()
    result = metrics.membership_advantage(
        _scores(member_proba, members_truth[member_rows], check.attack),
        _scores(other_proba, context.truth[other_rows], check.attack),
        np.random.default_rng(check.seed),
    )
    details = {
        "attack": f"{check.attack}-threshold",
        "members": result.members,
        "non_members": result.members,
        "evaluated_per_side": result.members - result.members // 2,
        "tpr": result.tpr,
        "fpr": result.fpr,
        "auc": result.auc,
        "seed": check.seed,
    }
    return [
        Measurement(
            "membership_inference",
            "advantage",
            result.advantage,
            rules.MEMBERSHIP_INFERENCE,
            check.max_advantage,
            "<=",
            details,
        )
    ]


def bias_checks(context: Context, check: BiasCheck, predicted: np.ndarray) -> list[Measurement]:
    sensitive = context.holdout.sensitive
    if sensitive is None:
        raise UsageError("bias: the sensitive column was not read")
    classes = context.adapter.classes
    if check.positive_label is not None:
        positive = label_index(check.positive_label, classes, "checks.bias.positive_label")
    elif len(classes) == 2:
        positive = 1
    else:
        raise UsageError("gate.checks.bias.positive_label: required for a model with more than two classes")
    groups, small = metrics.group_rates(predicted, context.truth, sensitive, positive, check.min_group_size)
    if len(groups) + len(small) > 100:
        raise UsageError("bias: the sensitive column has more than 100 values; is it really a group column?")
    if len(groups) < 2:
        raise UsageError(f"bias: fewer than two groups have at least {check.min_group_size} rows (bias.min_group_size)")
    shown = {safe_text(name, 40): rates for name, rates in groups.items()}
    common = {
        "sensitive": safe_text(check.sensitive, 80),
        "positive_label": safe_text(classes[positive], 40),
        "groups": {
            name: {"rows": r.rows, "positive_rate": r.positive_rate, "tpr": r.tpr, "accuracy": r.accuracy}
            for name, r in shown.items()
        },
        "left_out_small_groups": {safe_text(name, 40): size for name, size in small.items()},
    }
    tprs = [r.tpr for r in groups.values() if r.tpr is not None]
    return [
        Measurement(
            "bias",
            "demographic_parity_difference",
            metrics.largest_gap([r.positive_rate for r in groups.values()]),
            rules.DEMOGRAPHIC_PARITY,
            check.max_demographic_parity,
            "<=",
            common,
        ),
        Measurement(
            "bias",
            "equal_opportunity_difference",
            metrics.largest_gap(tprs),
            rules.EQUAL_OPPORTUNITY,
            check.max_equal_opportunity,
            "<=",
            {"groups_with_positives": len(tprs)},
        ),
        Measurement(
            "bias",
            "accuracy_gap",
            metrics.largest_gap([r.accuracy for r in groups.values()]),
            rules.GROUP_ACCURACY,
            check.max_accuracy_gap,
            "<=",
        ),
    ]


def run_checks(context: Context, train: Dataset | None) -> list[Measurement]:
    config = context.config
    predicted = context.adapter.bind(context.holdout).proba().argmax(axis=1)
    out = clean_checks(context, predicted)
    if config.adversarial is not None:
        out.extend(adversarial_checks(context, config.adversarial))
    if config.noise is not None:
        sample = config.adversarial.sample if config.adversarial is not None else 1000
        out.extend(noise_checks(context, config.noise, sample))
    if config.membership is not None and train is not None:
        out.extend(membership_checks(context, config.membership, train))
    if config.bias is not None:
        out.extend(bias_checks(context, config.bias, predicted))
    return out
