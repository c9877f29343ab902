"""`mlsec gate` on a data file with very many columns: column lookups are linear, and the white
box (a dense width x width Jacobian) is not attempted past MAX_DENSE_WIDTH, so a committed wide CSV
is one usage line in seconds instead of minutes and gigabytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gate.helpers import run_gate, write_policy

pytest.importorskip("sklearn")


@pytest.fixture
def model(repo: Path) -> Path:
    import joblib
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = np.random.RandomState(0).rand(40, 2)
    path = repo / "lr.joblib"
    joblib.dump(LogisticRegression().fit(rows, (rows[:, 0] > 0.5).astype(int)), path)
    return path


def _csv(path: Path, width: int) -> None:
    header = ",".join(f"c{index}" for index in range(width))
    path.write_text(f"{header},label\n" + ",".join("1" for _ in range(width)) + ",0\n")


def test_a_wide_csv_is_refused_without_a_dense_jacobian(
    repo: Path, model: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooks.gate.adapters import sklearn_models

    widths: list[int] = []
    real = sklearn_models.chain_map

    def recording(steps: Any, width: int) -> Any:
        widths.append(width)
        return real(steps, width)

    monkeypatch.setattr(sklearn_models, "chain_map", recording)
    _csv(repo / "wide.csv", sklearn_models.MAX_DENSE_WIDTH + 1)
    write_policy(repo, {"label": "label", "checks": {"clean_accuracy": {"min": 0.5}}})
    assert run_gate("--model", "lr.joblib", "--data", "wide.csv", "--no-record") == 2
    assert widths == []
    assert "expecting 2 features" in capsys.readouterr().err


def test_column_positions_keep_the_first_of_a_repeated_name() -> None:
    import numpy as np

    from hooks.gate.data import Table, _column

    table = Table(["a", "b", "a"], np.array([[1, 2, 3]]), "0" * 64, "t.csv")
    assert _column(table, "a").tolist() == [1]


def test_a_narrow_csv_still_gates(repo: Path, model: Path) -> None:
    """The look-alike: the model's own width passes through the white box as before."""
    (repo / "d.csv").write_text(
        "a,b,label\n" + "".join(f"{x},{y},{int(x > 0.5)}\n" for x, y in [(0.9, 0.1), (0.1, 0.2)] * 10)
    )
    write_policy(repo, {"label": "label", "checks": {"clean_accuracy": {"min": 0.5}}})
    assert run_gate("--model", "lr.joblib", "--data", "d.csv", "--no-record") == 0
