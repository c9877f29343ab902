"""The metrics on hand-made inputs: membership advantage, AUC, recall and group gaps."""

from __future__ import annotations

import numpy as np

from hooks.gate import metrics


def test_membership_advantage_of_separable_scores_is_one_and_of_equal_ones_near_zero() -> None:
    rng = np.random.default_rng(0)
    result = metrics.membership_advantage(np.zeros(200), np.ones(200), rng)
    assert result.advantage == 1.0 and result.auc == 1.0 and result.members == 200
    same = metrics.membership_advantage(rng.normal(size=2000), rng.normal(size=2000), rng)
    assert abs(same.advantage) < 0.08 and abs(same.auc - 0.5) < 0.05


def test_membership_sample_sizes_are_balanced() -> None:
    result = metrics.membership_advantage(np.zeros(50), np.ones(300), np.random.default_rng(0))
    assert result.members == 50


def test_class_recall_and_accuracy() -> None:
    truth = np.array([0, 0, 1, 1, 1, 2])
    predicted = np.array([0, 1, 1, 1, 0, 2])
    assert metrics.accuracy(predicted, truth) == 4 / 6
    assert metrics.class_recall(predicted, truth, 4) == {0: (0.5, 2), 1: (2 / 3, 3), 2: (1.0, 1)}


def test_group_gaps_on_a_hand_example() -> None:
    groups = np.array(["a"] * 4 + ["b"] * 4 + ["c"])
    truth = np.array([1, 1, 0, 0, 1, 1, 0, 0, 1])
    predicted = np.array([1, 1, 1, 0, 1, 0, 0, 0, 1])
    kept, small = metrics.group_rates(predicted, truth, groups, positive=1, min_size=2)
    assert small == {"c": 1}
    assert kept["a"].positive_rate == 0.75 and kept["b"].positive_rate == 0.25
    assert kept["a"].tpr == 1.0 and kept["b"].tpr == 0.5
    assert kept["a"].accuracy == 0.75 and kept["b"].accuracy == 0.75
    assert metrics.largest_gap([0.75, 0.25]) == 0.5
