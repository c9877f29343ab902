"""Every rule of every hook, joined from the specs the caller passes (core imports no scanner)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from hooks._core import rules as core_rules
from hooks._core.rules import Rule, RuleDefinitionError
from hooks._core.spec import HookSpec, SectionSpec

Catalog = tuple[Sequence[HookSpec], Sequence[SectionSpec]]


class RuleRegistry:
    """Every rule of the given hooks and sections. With `complete`, the registry starts from the
    specs given (one hook's, for a pre-commit run) and loads the whole catalog the first time a
    question needs it (an id it does not know, the list of ids or of specs): answers are those of
    the whole catalog, but a run that asks only about its own rules never imports the others."""

    def __init__(
        self,
        specs: Sequence[HookSpec],
        sections: Sequence[SectionSpec] = (),
        *,
        complete: Callable[[], Catalog] | None = None,
    ) -> None:
        self._complete = complete
        self._index(specs, sections)

    def _index(self, specs: Sequence[HookSpec], sections: Sequence[SectionSpec]) -> None:
        self._specs = tuple(specs)
        self._sections = tuple(sections)  # policy sections with rules that are no hook (the gate)
        self._rules: dict[str, Rule] = {}
        self._owner: dict[str, HookSpec | None] = {}
        for rule in core_rules.BOOK.rules:
            self._rules[rule.rule_id] = rule
            self._owner[rule.rule_id] = None
        for spec in self._specs:
            for rule in spec.rules:
                if rule.rule_id in self._rules:
                    raise RuleDefinitionError(f"{rule.rule_id} is declared by two packages")
                self._rules[rule.rule_id] = rule
                self._owner[rule.rule_id] = spec
        for section in self._sections:
            for rule in section.rules:
                if rule.rule_id in self._rules:
                    raise RuleDefinitionError(f"{rule.rule_id} is declared by two packages")
                self._rules[rule.rule_id] = rule
                self._owner[rule.rule_id] = None  # no hook reports it, so no marker judges it

    def _load_all(self) -> bool:
        """Load the whole catalog if it is not loaded yet; True if that added anything."""
        if self._complete is None:
            return False
        complete, self._complete = self._complete, None
        self._index(*complete())
        return True

    @property
    def specs(self) -> tuple[HookSpec, ...]:
        self._load_all()
        return self._specs

    @property
    def sections(self) -> tuple[SectionSpec, ...]:
        self._load_all()
        return self._sections

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and self.get(rule_id) is not None

    def __iter__(self) -> Iterator[Rule]:
        self._load_all()
        return iter(sorted(self._rules.values(), key=lambda r: r.rule_id))

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, our own or a passthrough backend's (bandit's Bnnn); None if unknown."""
        known = self._rules.get(rule_id)
        if known is not None:
            return known
        if self._load_all():
            return self.get(rule_id)
        spec = self.owner_of(rule_id)
        if spec is None or spec.passthrough_rules is None:
            return None
        return _passthrough(spec.passthrough_rules, rule_id)

    def declares(self, rule_id: str) -> bool:
        """A rule of ours or of a book (not a passthrough id), without importing any backend."""
        if rule_id in self._rules:
            return True
        return self._load_all() and rule_id in self._rules

    def __getitem__(self, rule_id: str) -> Rule:
        found = self.get(rule_id)
        if found is None:
            raise KeyError(rule_id)
        return found

    def owner_of(self, rule_id: str) -> HookSpec | None:
        """The hook that reports this id (None for core's own rules and unknown ids)."""
        if rule_id in self._owner:
            return self._owner[rule_id]
        if self._load_all():
            return self.owner_of(rule_id)
        for spec in self._specs:
            if spec.passthrough_ids is not None and re.fullmatch(spec.passthrough_ids, rule_id):
                return spec
        return None

    def ids(self) -> list[str]:
        self._load_all()
        return sorted(self._rules)


@lru_cache(maxsize=512)
def _passthrough(target: str, rule_id: str) -> Rule | None:
    module_name, _, attribute = target.partition(":")
    found: Rule | None = getattr(importlib.import_module(module_name), attribute)(rule_id)
    return found
