"""`python -m bench gate`: what a gate costs per training run.

For 1k, 10k and 100k held-out rows of a synthetic 20-feature problem (scikit-learn's
make_classification: no download), on a logistic regression and a small MLP (one hidden layer
of 32): the whole `mlsec gate` command (start-up, artifact scan, safe load, clean accuracy,
FGSM at three eps), and the built-in FGSM and PGD-10 per eps, next to ART's FGSM and PGD on the
same model and rows where ART supports the model. Every row is attacked (`sample` = rows).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.measure import measure

ROWS = (1_000, 10_000, 100_000)
EPS = (0.05, 0.1, 0.2)


def _models(x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    fit_rows = slice(0, 5000)
    return {
        "logistic": LogisticRegression(max_iter=1000).fit(x[fit_rows], y[fit_rows]),
        "mlp-32": MLPClassifier(hidden_layer_sizes=(32,), max_iter=200, random_state=0).fit(x[fit_rows], y[fit_rows]),
    }


def _builtin_seconds(model: Any, x: np.ndarray, y: np.ndarray, attack: str, eps: float) -> float:
    from hooks.gate import attacks
    from hooks.gate.adapters import adapter_for
    from hooks.gate.data import Table, to_dataset

    columns = [str(i) for i in range(x.shape[1])]
    table = Table([*columns, "label"], np.column_stack([x, y]), "0" * 64, "bench")
    data = to_dataset(table, features=columns, label="label", immutable=(), sensitive=None, as_frame=False)
    adapter = adapter_for("sklearn", model, data)
    bound = adapter.bind(data)
    space = attacks.Space(data.numeric, np.ones_like(data.numeric, dtype=bool), None)
    started = time.perf_counter()
    if attack == "fgsm":
        attacks.fgsm(bound, space, y, eps, "linf", False)
    else:
        attacks.pgd(
            bound,
            space,
            y,
            eps,
            "linf",
            False,
            steps=10,
            step_size=eps / 4,
            random_start=False,
            rng=np.random.default_rng(0),
        )
    return time.perf_counter() - started


def _art_seconds(model: Any, x: np.ndarray, y: np.ndarray, attack: str, eps: float) -> float | None:
    try:
        from art.attacks.evasion import FastGradientMethod, ProjectedGradientDescent
        from art.estimators.classification import SklearnClassifier
    except ImportError:
        return None
    try:
        classifier = SklearnClassifier(model=model)
        if not hasattr(classifier, "loss_gradient"):
            return None
        method: Any = (
            FastGradientMethod(classifier, eps=eps)
            if attack == "fgsm"
            else ProjectedGradientDescent(classifier, eps=eps, eps_step=eps / 4, max_iter=10, verbose=False)
        )
        started = time.perf_counter()
        method.generate(x, y=np.eye(2)[y])
        return time.perf_counter() - started
    except (TypeError, NotImplementedError, AttributeError):
        return None


def run(out: Path, bin_dir: Path, repeat: int) -> list[dict[str, Any]]:
    import joblib
    import yaml
    from sklearn.datasets import make_classification

    out.mkdir(parents=True, exist_ok=True)
    (out / ".git").mkdir(exist_ok=True)
    x, y = make_classification(n_samples=max(ROWS) + 5000, n_features=20, n_informative=10, random_state=0)
    x = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    models = _models(x, y)
    results: list[dict[str, Any]] = []
    for name, model in models.items():
        joblib.dump(model, out / f"{name}.joblib")
        for rows in ROWS:
            hx, hy = x[5000 : 5000 + rows], y[5000 : 5000 + rows]
            np.savez(out / f"holdout-{rows}.npz", X=hx, y=hy)
            policy = {"gate": {"checks": {"adversarial": {"attack": "fgsm", "eps": list(EPS), "sample": rows}}}}
            (out / ".mlsec.yaml").write_text(yaml.safe_dump(policy))
            command = [
                str(bin_dir / "mlsec"),
                "gate",
                "--model",
                f"{name}.joblib",
                "--data",
                f"holdout-{rows}.npz",
                "--no-record",
            ]
            whole = measure(command, repeat=repeat, cwd=out)
            row: dict[str, Any] = {
                "model": name,
                "rows": rows,
                "gate_seconds": whole.seconds,
                "gate_peak_mb": whole.peak_mb,
            }
            for attack in ("fgsm", "pgd10"):
                kind = "fgsm" if attack == "fgsm" else "pgd"
                row[f"{attack}_ms_per_eps"] = 1000 * min(_builtin_seconds(model, hx, hy, kind, e) for e in EPS)
                art = [_art_seconds(model, hx, hy, kind, e) for e in EPS]
                row[f"art_{attack}_ms_per_eps"] = None if None in art else 1000 * min(a for a in art if a is not None)
            results.append(row)
            print(json.dumps(row), file=sys.stderr)
    return results


def table(results: list[dict[str, Any]]) -> str:
    def cell(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1f}"

    head = (
        "| model | rows | `mlsec gate` s (peak MB) | FGSM ms/eps | ART FGSM ms/eps | PGD-10 ms/eps "
        "| ART PGD-10 ms/eps |"
    )
    lines = [
        head,
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        gate = f"{r['gate_seconds']:.2f} ({r['gate_peak_mb']:.0f})"
        attacks = [
            cell(r[key])
            for key in ("fgsm_ms_per_eps", "art_fgsm_ms_per_eps", "pgd10_ms_per_eps", "art_pgd10_ms_per_eps")
        ]
        lines.append(f"| {r['model']} | {r['rows']:,} | {gate} | " + " | ".join(attacks) + " |")
    return "\n".join(lines)
