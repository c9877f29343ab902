"""The rule registry (hooks/_core/registry.py): a registry that starts from one hook's rules
answers every question as the whole catalog's would, and loads the catalog only when asked
something its own rules cannot answer."""

from __future__ import annotations

import pytest

from hooks._core.registry import Catalog, RuleRegistry
from hooks._core.rules import RuleDefinitionError
from hooks.catalog import HOOK_MODULES, all_hooks, all_sections, registry, spec_for


class CountingCatalog:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Catalog:
        self.calls += 1
        return all_hooks(), all_sections()


@pytest.mark.parametrize("hook_id", list(HOOK_MODULES))
def test_a_hook_registry_answers_as_the_whole_catalog(hook_id: str) -> None:
    full = registry()
    own = spec_for(hook_id)
    catalog = CountingCatalog()
    lazy = RuleRegistry([own], complete=catalog)
    for rule in own.rules:  # its own rules: no catalog needed
        assert lazy.get(rule.rule_id) is full.get(rule.rule_id)
        assert lazy.owner_of(rule.rule_id) is own and lazy.declares(rule.rule_id)
    assert lazy.get("MLS001") is full.get("MLS001")  # core's own
    assert catalog.calls == 0
    for rule_id in full.ids():  # everything else loads the catalog once
        assert lazy.get(rule_id) is full.get(rule_id)
        assert lazy.owner_of(rule_id) is full.owner_of(rule_id)
    assert lazy.owner_of("B301") is full.owner_of("B301") is spec_for("mlsec-code")
    assert lazy.ids() == full.ids() and lazy.specs == full.specs and lazy.sections == full.sections
    assert catalog.calls == 1


def test_a_question_about_an_unknown_id_loads_the_catalog_before_saying_no() -> None:
    catalog = CountingCatalog()
    lazy = RuleRegistry([spec_for("mlsec-artifacts")], complete=catalog)
    assert lazy.owner_of("MLS301") is spec_for("mlsec-code") and catalog.calls == 1
    lazy = RuleRegistry([spec_for("mlsec-artifacts")], complete=CountingCatalog())
    assert lazy.get("MLS999") is None and not lazy.declares("MLS999") and "MLS999" not in lazy


def test_a_duplicate_id_in_the_catalog_is_an_error_when_it_loads() -> None:
    artifacts = spec_for("mlsec-artifacts")
    lazy = RuleRegistry([artifacts], complete=lambda: ((artifacts, artifacts), ()))
    with pytest.raises(RuleDefinitionError, match="declared by two packages"):
        lazy.ids()


def test_the_catalog_lists_each_hook_under_its_own_id() -> None:
    assert [spec.hook_id for spec in all_hooks()] == list(HOOK_MODULES)
    with pytest.raises(KeyError):
        spec_for("mlsec-nothing")
