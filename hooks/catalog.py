"""The one list of hooks. Adding a hook = one scanner package (spec, rules, scanner) + one line
here (then regenerate `.pre-commit-hooks.yaml` and README with `python scripts/sync_readme.py`).
A command that is no hook but has a policy section and rules (the gate) goes in SECTIONS."""

from __future__ import annotations

from functools import lru_cache

from hooks._core.registry import RuleRegistry
from hooks._core.spec import HookSpec, SectionSpec
from hooks.artifacts.spec import SPEC as ARTIFACTS
from hooks.code.spec import SPEC as CODE
from hooks.data.spec import SPEC as DATA
from hooks.deps.spec import SPEC as DEPS
from hooks.docker.spec import SPEC as DOCKERFILE
from hooks.gate.spec import SPEC as GATE
from hooks.secrets.spec import SPEC as SECRETS

HOOKS: tuple[HookSpec, ...] = (ARTIFACTS, SECRETS, CODE, DEPS, DOCKERFILE, DATA)
# Policy sections with a rule book that are no pre-commit hook: validated and listed like the
# hooks' own, never offered files (the gate runs as `mlsec gate`).
SECTIONS: tuple[SectionSpec, ...] = (GATE,)


def spec_for(hook_id: str) -> HookSpec:
    for spec in HOOKS:
        if spec.hook_id == hook_id:
            return spec
    raise KeyError(hook_id)


@lru_cache(maxsize=1)
def registry() -> RuleRegistry:
    return RuleRegistry(HOOKS, SECTIONS)
