"""A scanner's settings, built from the policy once per policy (a hook process sees one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from hooks._core.policy import Policy

T = TypeVar("T")


class PolicySettings(Generic[T]):
    def __init__(self, build: Callable[[Policy], T]) -> None:
        self._build = build
        self._cached: tuple[Policy, T] | None = None

    def __call__(self, policy: Policy) -> T:
        if self._cached is None or self._cached[0] is not policy:
            self._cached = (policy, self._build(policy))
        return self._cached[1]
