"""The numbers the checks compare: accuracy, per-class recall, the membership-inference
advantage and the group gaps of the bias check. Pure numpy, on class indices."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def accuracy(predicted: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean(predicted == truth)) if len(truth) else 0.0


def class_recall(predicted: np.ndarray, truth: np.ndarray, classes: int) -> dict[int, tuple[float, int]]:
    """Per class index present in `truth`: (recall, rows of that class)."""
    out: dict[int, tuple[float, int]] = {}
    for index in range(classes):
        rows = truth == index
        count = int(rows.sum())
        if count:
            out[index] = (float(np.mean(predicted[rows] == index)), count)
    return out


@dataclass(frozen=True)
class MembershipResult:
    advantage: float  # TPR - FPR on the evaluation halves, at the threshold chosen on the others
    tpr: float
    fpr: float
    auc: float  # over all sampled rows, for context
    members: int  # rows per side that were sampled
    threshold: float


def _best_threshold(member_scores: np.ndarray, other_scores: np.ndarray) -> float:
    """The threshold t maximising P(member score <= t) - P(non-member score <= t)."""
    candidates = np.unique(np.concatenate([member_scores, other_scores]))
    members = np.sort(member_scores)
    others = np.sort(other_scores)
    tpr = np.searchsorted(members, candidates, side="right") / len(members)
    fpr = np.searchsorted(others, candidates, side="right") / len(others)
    return float(candidates[int(np.argmax(tpr - fpr))])


def _auc(member_scores: np.ndarray, other_scores: np.ndarray) -> float:
    """Probability that a member scores lower (more member-like) than a non-member; ties count half."""
    scores = np.concatenate([member_scores, other_scores])
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    # average ranks over ties
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    average = first + (counts - 1) / 2.0 + 1
    ranks[order] = np.repeat(average, counts)
    m, o = len(member_scores), len(other_scores)
    rank_sum_others = ranks[m:].sum()
    return float((rank_sum_others - o * (o + 1) / 2.0) / (m * o))


def membership_advantage(
    member_scores: np.ndarray, other_scores: np.ndarray, rng: np.random.Generator
) -> MembershipResult:
    """Threshold attack (Yeom et al. 2018): a row is called a member when its score (loss, or
    minus the confidence) is at most t. t is chosen on one half of each sample and the attack is
    judged on the other half, so the advantage is not inflated by fitting t to the same rows."""
    size = min(len(member_scores), len(other_scores))
    members = rng.permutation(member_scores)[:size]
    others = rng.permutation(other_scores)[:size]
    half = size // 2
    threshold = _best_threshold(members[:half], others[:half])
    tpr = float(np.mean(members[half:] <= threshold))
    fpr = float(np.mean(others[half:] <= threshold))
    return MembershipResult(tpr - fpr, tpr, fpr, _auc(members, others), size, threshold)


@dataclass(frozen=True)
class GroupRates:
    rows: int
    positive_rate: float
    tpr: float | None  # None when the group has no positive rows
    accuracy: float


def group_rates(
    predicted: np.ndarray, truth: np.ndarray, groups: np.ndarray, positive: int, min_size: int
) -> tuple[dict[str, GroupRates], dict[str, int]]:
    """Rates per group of at least `min_size` rows, and the sizes of the groups left out."""
    kept: dict[str, GroupRates] = {}
    small: dict[str, int] = {}
    keys = np.array([str(g) for g in groups.tolist()], dtype=object)
    for group in sorted(set(keys.tolist())):
        rows = keys == group
        count = int(rows.sum())
        if count < min_size:
            small[group] = count
            continue
        positives = rows & (truth == positive)
        kept[group] = GroupRates(
            rows=count,
            positive_rate=float(np.mean(predicted[rows] == positive)),
            tpr=float(np.mean(predicted[positives] == positive)) if positives.any() else None,
            accuracy=float(np.mean(predicted[rows] == truth[rows])),
        )
    return kept, small


def largest_gap(values: list[float]) -> float:
    return float(max(values) - min(values)) if len(values) >= 2 else 0.0
