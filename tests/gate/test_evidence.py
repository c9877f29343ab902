"""Known shapes of results on scikit-learn's bundled data sets (issue 19's evidence): FGSM
breaks a linear digits classifier, an overfitted model leaks membership and a regularised one
does not, black-box search hurts a forest, and verdicts flip exactly at the thresholds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.gate.helpers import dump, metric, read_record, run_gate, save_npz, write_policy


def _digits_files(root: Path, digits: dict[str, Any]) -> None:
    save_npz(root / "holdout.npz", digits["x_test"], digits["y_test"])
    save_npz(root / "train.npz", digits["x_train"], digits["y_train"])


def test_fgsm_at_eps_0_1_takes_most_of_a_linear_digits_models_accuracy(repo: Path, digits: dict[str, Any]) -> None:
    from sklearn.linear_model import LogisticRegression

    # Lightly regularised (C=10), unclipped: the textbook setting.
    model = LogisticRegression(C=10, max_iter=5000).fit(digits["x_train"], digits["y_train"])
    dump(model, repo / "lr.joblib")
    _digits_files(repo, digits)
    write_policy(repo, {"checks": {"adversarial": {"attack": "fgsm", "norm": "linf", "eps": [0.02, 0.1, 0.2]}}})
    assert run_gate("--model", "lr.joblib", "--data", "holdout.npz") == 0  # no thresholds: measured only
    record = read_record(repo / "lr.joblib")
    clean = metric(record, "clean_accuracy", "accuracy")["value"]
    at = {eps: metric(record, "adversarial", f"accuracy@eps={eps}")["value"] for eps in (0.02, 0.1, 0.2)}
    assert clean > 0.95
    assert at[0.1] < 0.5 * clean  # most of the accuracy is gone at eps 0.1
    assert at[0.02] > at[0.1] > at[0.2]  # and it falls monotonically with eps
    assert record["model"]["attacked_as"].startswith("LogisticRegression: exact gradients")


def test_pgd_is_at_least_as_strong_as_fgsm(repo: Path, digits: dict[str, Any], digits_lr: Any) -> None:
    dump(digits_lr, repo / "lr.joblib")
    _digits_files(repo, digits)
    for attack in ("fgsm", "pgd"):
        write_policy(
            repo,
            {
                "clip": {"min": 0, "max": 1},
                "checks": {"adversarial": {"attack": attack, "eps": [0.1], "steps": 10, "sample": 300}},
            },
        )
        run_gate("--model", "lr.joblib", "--data", "holdout.npz")
        value = metric(read_record(repo / "lr.joblib"), "adversarial", "accuracy@eps=0.1")["value"]
        if attack == "fgsm":
            fgsm_value = value
    assert value <= fgsm_value


def test_l2_attack_respects_its_norm(repo: Path, digits: dict[str, Any], digits_lr: Any) -> None:
    dump(digits_lr, repo / "lr.joblib")
    _digits_files(repo, digits)
    write_policy(repo, {"checks": {"adversarial": {"attack": "pgd", "norm": "l2", "eps": [0.5, 2.0], "sample": 200}}})
    run_gate("--model", "lr.joblib", "--data", "holdout.npz")
    record = read_record(repo / "lr.joblib")
    assert (
        metric(record, "adversarial", "accuracy@eps=0.5")["value"]
        > metric(record, "adversarial", "accuracy@eps=2")["value"]
    )


@pytest.mark.parametrize("attack", ["loss", "confidence"])
def test_overfitted_model_leaks_membership_and_regularised_one_does_not(
    repo: Path, digits: dict[str, Any], attack: str
) -> None:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression

    small = slice(0, 400)  # few training rows make memorisation visible
    overfit = RandomForestClassifier(n_estimators=50, random_state=0).fit(
        digits["x_train"][small], digits["y_train"][small]
    )
    regular = LogisticRegression(C=0.05, max_iter=2000).fit(digits["x_train"][small], digits["y_train"][small])
    save_npz(repo / "train.npz", digits["x_train"][small], digits["y_train"][small])
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(repo, {"checks": {"membership_inference": {"attack": attack, "samples": 400, "max_advantage": 0.2}}})
    dump(overfit, repo / "overfit.joblib")
    dump(regular, repo / "regular.joblib")
    assert run_gate("--model", "overfit.joblib", "--data", "holdout.npz", "--train-data", "train.npz") == 1
    assert run_gate("--model", "regular.joblib", "--data", "holdout.npz", "--train-data", "train.npz") == 0
    leaky = metric(read_record(repo / "overfit.joblib"), "membership_inference", "advantage")
    tight = metric(read_record(repo / "regular.joblib"), "membership_inference", "advantage")
    assert leaky["value"] > 0.3 and tight["value"] < 0.15
    assert leaky["details"]["members"] == leaky["details"]["non_members"] == 400


def test_black_box_search_hurts_a_random_forest_within_its_budget(repo: Path, cancer: dict[str, Any]) -> None:
    from sklearn.ensemble import RandomForestClassifier

    train, test = cancer["train"], cancer["test"]
    features = [c for c in train.columns if c != "target"]
    x_train, x_test = train[features].to_numpy(), test[features].to_numpy()
    scale = x_train.std(axis=0)
    model = RandomForestClassifier(n_estimators=30, random_state=0).fit(x_train / scale, train["target"])
    dump(model, repo / "rf.joblib")
    save_npz(repo / "holdout.npz", x_test / scale, test["target"].to_numpy())
    write_policy(repo, {"checks": {"adversarial": {"eps": [0.5], "queries": 50, "sample": 150}}})
    run_gate("--model", "rf.joblib", "--data", "holdout.npz")
    record = read_record(repo / "rf.joblib")
    attack = metric(record, "adversarial", "accuracy@eps=0.5")
    assert attack["details"]["attack"].startswith("random-search (50 queries")
    assert attack["value"] < attack["details"]["clean_accuracy_on_rows"] - 0.1
    assert "black box" in record["model"]["attacked_as"]


@pytest.mark.parametrize("key", ["min", "max_advantage"])
def test_verdicts_flip_exactly_at_the_threshold(repo: Path, digits: dict[str, Any], digits_lr: Any, key: str) -> None:
    model = digits_lr
    if key == "max_advantage":  # a model with a clearly positive advantage
        from sklearn.ensemble import RandomForestClassifier

        model = RandomForestClassifier(n_estimators=20, random_state=0).fit(digits["x_train"], digits["y_train"])
    dump(model, repo / "lr.joblib")
    _digits_files(repo, digits)
    check, name = ("clean_accuracy", "accuracy") if key == "min" else ("membership_inference", "advantage")
    settings: dict[str, Any] = {"samples": 500} if key == "max_advantage" else {}
    write_policy(repo, {"checks": {check: settings}})
    run_gate("--model", "lr.joblib", "--data", "holdout.npz", "--train-data", "train.npz")
    value = metric(read_record(repo / "lr.joblib"), check, name)["value"]
    passing, failing = (value, np.nextafter(value, 2.0)) if key == "min" else (value, np.nextafter(value, -2.0))
    for threshold, expected in ((passing, 0), (failing, 1)):
        write_policy(repo, {"checks": {check: {**settings, key: float(threshold)}}})
        assert run_gate("--model", "lr.joblib", "--data", "holdout.npz", "--train-data", "train.npz") == expected


def test_adversarial_floor_and_drop_flip_at_their_thresholds(
    repo: Path, digits: dict[str, Any], digits_lr: Any
) -> None:
    dump(digits_lr, repo / "lr.joblib")
    _digits_files(repo, digits)
    base = {"eps": [0.05], "sample": 200}
    write_policy(repo, {"checks": {"adversarial": base}})
    run_gate("--model", "lr.joblib", "--data", "holdout.npz")
    record = read_record(repo / "lr.joblib")
    value = metric(record, "adversarial", "accuracy@eps=0.05")["value"]
    drop = metric(record, "adversarial", "drop@eps=0.05")["value"]
    cases = [
        ({"min_accuracy": value}, 0),
        ({"min_accuracy": float(np.nextafter(value, 2))}, 1),
        ({"max_drop": drop}, 0),
        ({"max_drop": float(np.nextafter(drop, -1))}, 1),
    ]
    for limits, expected in cases:
        write_policy(repo, {"checks": {"adversarial": {**base, **limits}}})
        assert run_gate("--model", "lr.joblib", "--data", "holdout.npz") == expected, limits


def test_per_class_recall_floor_names_the_weak_class(
    repo: Path, digits: dict[str, Any], digits_lr: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    dump(digits_lr, repo / "lr.joblib")
    _digits_files(repo, digits)
    write_policy(repo, {"checks": {"clean_accuracy": {"min": 0.5, "class_recall": {"8": 0.999}}}})
    assert run_gate("--model", "lr.joblib", "--data", "holdout.npz", "--no-record") == 1
    out = capsys.readouterr().out
    assert "recall[8]" in out and "FAIL" in out


def test_iris_noise_does_little_where_the_attack_does_much(repo: Path) -> None:
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = load_iris(return_X_y=True)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(x[::2], y[::2])
    dump(model, repo / "iris.joblib")
    save_npz(repo / "holdout.npz", x[1::2], y[1::2])
    write_policy(repo, {"checks": {"adversarial": {"eps": [0.5]}, "robustness_noise": {}}})
    run_gate("--model", "iris.joblib", "--data", "holdout.npz")
    record = read_record(repo / "iris.joblib")
    assert "StandardScaler" in record["model"]["attacked_as"]
    noisy = metric(record, "robustness_noise", "accuracy@eps=0.5")["value"]
    attacked = metric(record, "adversarial", "accuracy@eps=0.5")["value"]
    assert noisy > attacked + 0.2
