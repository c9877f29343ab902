"""The one list of hooks. Adding a hook = one scanner package (spec, rules, scanner) + one line
here (then regenerate `.pre-commit-hooks.yaml` and README with `python scripts/sync_readme.py`).
A command that is no hook but has a policy section and rules (the gate) goes in SECTION_MODULES.

A pre-commit run of one hook imports only that hook's spec and rules (`spec_for`,
`registry_for`); `HOOKS` and `registry()` import every package's.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import lru_cache

from hooks._core.registry import Catalog, RuleRegistry
from hooks._core.spec import HookSpec, SectionSpec

# hook id -> the module whose SPEC declares it, in the order hooks are listed everywhere.
HOOK_MODULES: dict[str, str] = {
    "mlsec-artifacts": "hooks.artifacts.spec",
    "mlsec-secrets": "hooks.secrets.spec",
    "mlsec-code": "hooks.code.spec",
    "mlsec-deps": "hooks.deps.spec",
    "mlsec-dockerfile": "hooks.docker.spec",
    "mlsec-data": "hooks.data.spec",
}
# Policy sections with a rule book that are no pre-commit hook: validated and listed like the
# hooks' own, never offered files (the gate runs as `mlsec gate`).
SECTION_MODULES: tuple[str, ...] = ("hooks.gate.spec",)


def spec_for(hook_id: str) -> HookSpec:
    module = HOOK_MODULES[hook_id]  # KeyError for an unknown id
    spec: HookSpec = importlib.import_module(module).SPEC
    if spec.hook_id != hook_id:
        raise KeyError(f"{module} declares {spec.hook_id}, not {hook_id}")
    return spec


@lru_cache(maxsize=1)
def all_hooks() -> tuple[HookSpec, ...]:
    return tuple(spec_for(hook_id) for hook_id in HOOK_MODULES)


@lru_cache(maxsize=1)
def all_sections() -> tuple[SectionSpec, ...]:
    return tuple(importlib.import_module(module).SPEC for module in SECTION_MODULES)


def _catalog() -> Catalog:
    return all_hooks(), all_sections()


@lru_cache(maxsize=1)
def registry() -> RuleRegistry:
    return RuleRegistry(all_hooks(), all_sections())


def registry_for(specs: Sequence[HookSpec]) -> RuleRegistry:
    """The registry a run of these hooks uses: the whole catalog's answers, but the other
    packages are imported only when a question needs them (see RuleRegistry)."""
    if len(specs) != 1:
        return registry()
    return RuleRegistry(specs, complete=_catalog)


def __getattr__(name: str) -> tuple[HookSpec, ...]:
    if name == "HOOKS":  # every hook's spec, imported on first use
        return all_hooks()
    raise AttributeError(name)
