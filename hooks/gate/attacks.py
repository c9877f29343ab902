"""The built-in attacks: FGSM and PGD (L-inf or L2) on white-box adapters, a bounded random
search on black boxes, and random noise of the same size. All work in the attack space (the
numeric feature columns as stored) and never move a masked cell: immutable, categorical, frozen
by an encoder, or missing. Seeded, so a verdict is reproducible."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hooks.gate.adapters.base import Bound

_TINY = 1e-12


@dataclass
class Space:
    x: np.ndarray  # (n, d) feature values (NaN where not a number)
    mask: np.ndarray  # (n, d) bool: cells an attack may change
    clip: tuple[float, float] | None

    def project(self, delta: np.ndarray, eps: float, norm: str) -> np.ndarray:
        """Into the eps-ball of the norm, the movable cells and the clip range."""
        delta = np.where(self.mask, delta, 0.0)
        if norm == "linf":
            delta = np.clip(delta, -eps, eps)
        else:
            norms = np.linalg.norm(delta, axis=1, keepdims=True)
            delta = delta * np.minimum(1.0, eps / np.maximum(norms, _TINY))
        if self.clip is not None:
            moved = np.clip(np.where(self.mask, self.x + delta, 0.0), *self.clip)
            delta = np.where(self.mask, moved - np.where(self.mask, self.x, 0.0), 0.0)
        return delta


def _direction(grad: np.ndarray, mask: np.ndarray, norm: str) -> np.ndarray:
    grad = np.where(mask, np.nan_to_num(grad), 0.0)
    if norm == "linf":
        signs: np.ndarray = np.sign(grad)
        return signs
    unit: np.ndarray = grad / np.maximum(np.linalg.norm(grad, axis=1, keepdims=True), _TINY)
    return unit


def fgsm(bound: Bound, space: Space, target: np.ndarray, eps: float, norm: str, targeted: bool) -> np.ndarray:
    """One step of size eps along the loss gradient (Goodfellow et al. 2015); towards the target
    class when targeted."""
    _, grad = bound.loss_grad(np.zeros_like(space.x), target)
    sign = -1.0 if targeted else 1.0
    return space.project(sign * eps * _direction(grad, space.mask, norm), eps, norm)


def _random_in_ball(rng: np.random.Generator, shape: tuple[int, int], eps: float, norm: str) -> np.ndarray:
    if norm == "linf":
        return rng.uniform(-eps, eps, shape)
    direction = rng.normal(size=shape)
    direction /= np.maximum(np.linalg.norm(direction, axis=1, keepdims=True), _TINY)
    radius = eps * rng.uniform(0.0, 1.0, (shape[0], 1)) ** (1.0 / max(shape[1], 1))
    out: np.ndarray = direction * radius
    return out


def pgd(
    bound: Bound,
    space: Space,
    target: np.ndarray,
    eps: float,
    norm: str,
    targeted: bool,
    *,
    steps: int,
    step_size: float,
    random_start: bool,
    rng: np.random.Generator,
) -> np.ndarray:
    """Projected gradient descent (Madry et al. 2018): `steps` steps of `step_size`, each
    projected back into the eps-ball and the clip range."""
    delta = _random_in_ball(rng, space.x.shape, eps, norm) if random_start else np.zeros_like(space.x)
    delta = space.project(delta, eps, norm)
    sign = -1.0 if targeted else 1.0
    for _ in range(steps):
        _, grad = bound.loss_grad(delta, target)
        delta = space.project(delta + sign * step_size * _direction(grad, space.mask, norm), eps, norm)
    return delta


def _margin(proba: np.ndarray, target: np.ndarray, targeted: bool) -> np.ndarray:
    """Positive when the attack succeeded: another class beats the true one (untargeted), or the
    target beats every other class (targeted)."""
    rows = np.arange(len(target))
    picked = proba[rows, target]
    others = proba.copy()
    others[rows, target] = -np.inf
    best_other = others.max(axis=1)
    out: np.ndarray = picked - best_other if targeted else best_other - picked
    return out


def random_search(
    bound: Bound,
    space: Space,
    target: np.ndarray,
    eps: float,
    norm: str,
    targeted: bool,
    *,
    queries: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """A score-based black-box attack with a fixed budget of `queries` model calls per row: start
    at a random vertex (L-inf) or sphere point (L2) of the eps-ball, then propose changes to
    a shrinking random block of cells and keep those that move the output towards the goal
    (in the spirit of SimBA and the Square attack)."""
    n, d = space.x.shape
    if norm == "linf":
        delta = eps * rng.choice([-1.0, 1.0], size=(n, d))
    else:
        delta = _random_in_ball(rng, (n, d), eps, "l2")
        delta *= eps / np.maximum(np.linalg.norm(delta, axis=1, keepdims=True), _TINY)
    delta = space.project(delta, eps, norm)
    best = _margin(bound.proba(delta), target, targeted)
    for query in range(1, queries):
        active = best <= 0
        if not active.any():
            break
        share = max(1.0 / max(d, 1), 0.3 * (1.0 - query / queries))
        block = rng.random((n, d)) < share
        if norm == "linf":
            proposal = np.where(block, -delta, delta)
        else:
            proposal = delta + np.where(block, rng.normal(scale=eps / np.sqrt(max(d, 1)), size=(n, d)), 0.0)
            proposal *= eps / np.maximum(
                np.linalg.norm(np.where(space.mask, proposal, 0.0), axis=1, keepdims=True), _TINY
            )
        proposal = space.project(np.where(active[:, None], proposal, delta), eps, norm)
        margin = _margin(bound.proba(proposal), target, targeted)
        better = active & (margin > best)
        delta = np.where(better[:, None], proposal, delta)
        best = np.where(better, margin, best)
    return delta


def noise(space: Space, eps: float, norm: str, rng: np.random.Generator) -> np.ndarray:
    """Random noise of the attack's size: uniform in the L-inf box, or on the L2 sphere."""
    n, d = space.x.shape
    if norm == "linf":
        return space.project(rng.uniform(-eps, eps, (n, d)), eps, norm)
    direction = np.where(space.mask, rng.normal(size=(n, d)), 0.0)
    direction *= eps / np.maximum(np.linalg.norm(direction, axis=1, keepdims=True), _TINY)
    return space.project(direction, eps, norm)
