"""Every attack stays inside its eps-ball, its clip range and its mask, whatever the gradient."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.gate import attacks


class _Linear:
    """A fixed random linear model over 3 classes (a stand-in Bound)."""

    def __init__(self, d: int, rows: int) -> None:
        self.weights = np.random.default_rng(d).normal(size=(d, 3))
        self.rows = rows

    def proba(self, delta: np.ndarray | None = None) -> np.ndarray:
        x = self.x if delta is None else self.x + delta
        z = x @ self.weights
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def loss_grad(self, delta: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        p = self.proba(delta)
        g = p.copy()
        g[np.arange(len(target)), target] -= 1
        return -np.log(p[np.arange(len(target)), target]), g @ self.weights.T


@settings(max_examples=40, deadline=None)
@given(
    rows=st.integers(1, 6),
    d=st.integers(1, 5),
    eps=st.floats(0.001, 2.0),
    norm=st.sampled_from(["linf", "l2"]),
    method=st.sampled_from(["fgsm", "pgd", "search", "noise"]),
    clip=st.booleans(),
    seed=st.integers(0, 10),
)
def test_perturbations_stay_in_ball_clip_and_mask(
    rows: int, d: int, eps: float, norm: str, method: str, clip: bool, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, (rows, d))
    mask = rng.random((rows, d)) < 0.7
    model = _Linear(d, rows)
    model.x = x  # type: ignore[attr-defined]
    space = attacks.Space(x, mask, (0.0, 1.0) if clip else None)
    target = rng.integers(0, 3, rows)
    if method == "fgsm":
        delta = attacks.fgsm(model, space, target, eps, norm, False)
    elif method == "pgd":
        delta = attacks.pgd(
            model, space, target, eps, norm, True, steps=3, step_size=eps / 2, random_start=True, rng=rng
        )
    elif method == "search":
        delta = attacks.random_search(model, space, target, eps, norm, False, queries=5, rng=rng)
    else:
        delta = attacks.noise(space, eps, norm, rng)
    assert (delta[~mask] == 0).all()
    if norm == "linf":
        assert np.abs(delta).max(initial=0) <= eps + 1e-12
    else:
        assert np.linalg.norm(delta, axis=1).max(initial=0) <= eps * (1 + 1e-9)
    if clip:
        assert ((x + delta) >= -1e-12).all() and ((x + delta) <= 1 + 1e-12).all()


def test_fgsm_linf_moves_every_free_cell_by_eps_against_the_true_class() -> None:
    model = _Linear(4, 2)
    model.x = np.full((2, 4), 0.5)  # type: ignore[attr-defined]
    space = attacks.Space(model.x, np.ones((2, 4), dtype=bool), None)  # type: ignore[attr-defined]
    target = np.array([0, 1])
    delta = attacks.fgsm(model, space, target, 0.1, "linf", False)
    assert np.allclose(np.abs(delta), 0.1)
    before, _ = model.loss_grad(np.zeros((2, 4)), target)
    after, _ = model.loss_grad(delta, target)
    assert (after > before).all()
