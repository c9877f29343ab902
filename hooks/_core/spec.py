"""What a hook is: the one record a scanner package declares in its `spec.py`.

From the specs core derives everything that used to be spread over six places: the files each
hook receives (`.pre-commit-hooks.yaml` and `mlsec scan`), the policy section and its schema,
the hook's rules, its command-line options and the markers of other tools it honours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from hooks._core.rules import Rule, RuleBook


# A NamedTuple, not a dataclass, like the other plain records a hook run defines: each dataclass
# costs about 0.3 ms to create at start-up, on every commit (bench artifacts: python -m bench artifacts).
class CliOption(NamedTuple):
    """A hook-specific option that sets a key of the hook's policy section (the CLI wins)."""

    flag: str
    key: str
    help: str
    is_flag: bool = False
    metavar: str = "VALUE"


class ForeignMarker(NamedTuple):
    """Another tool's suppression comment that this hook honours (`# nosec B614`,
    `# pragma: allowlist secret`). With `ids`, the marker silences the rules it names (and
    their equivalents); without, it silences `bare_covers` rules. `next_line` markers apply to
    the line below them only."""

    name: str
    keyword: str  # lower-case text every such marker contains (a cheap prefilter)
    pattern: re.Pattern[str]  # a match may have an `ids` group: ids separated by commas or spaces
    bare_covers: str  # regex over rule ids a marker naming no id silences ("" = none)
    next_line: bool = False


@dataclass(frozen=True)
class SectionSpec:
    """A policy section and a rule book that belong to no pre-commit hook (the model gate): the
    policy loader validates the section and the registry knows the rules, but nothing selects
    files for it, and it runs only when its own command is called."""

    name: str  # the policy section, also the rule book's scanner name
    book: RuleBook
    schema_file: Path

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.book.rules

    @cached_property
    def schema(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.schema_file.read_text(encoding="utf-8"))
        return loaded


@dataclass(frozen=True)
class HookSpec:
    hook_id: str
    name: str
    description: str
    scanner: str  # "module:attribute" of the Scanner class, imported only when the hook runs
    policy_section: str
    book: RuleBook
    schema_file: Path | None = None  # JSON-schema fragment of the policy section
    types: tuple[str, ...] = ("file",)
    types_or: tuple[str, ...] = ()
    files: str | None = None
    options: tuple[CliOption, ...] = ()
    markers: tuple[ForeignMarker, ...] = ()
    # Our rule and the other tool's ids that stand for the same problem: a marker naming either
    # silences both (`# nosec B614` covers MLS306).
    equivalent_ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Ids this hook reports that are not in its book (bandit's Bnnn): "module:function" that
    # returns a Rule for such an id, or None when the id is unknown.
    passthrough_rules: str | None = None
    passthrough_ids: str | None = None  # regex of the passthrough ids
    # Files whose suppression comments this hook checks (bare, unknown and unused markers):
    # among the hooks that select a file, the one with the lowest number does it.
    marker_priority: int = 100
    marker_prose: bool = True  # False: never check markers in prose (.md, .rst, .txt)
    # What else than the file's bytes, path and the hook's policy section its verdict depends on
    # (hooks/_core/cache.py): "module:function" taking (path, display, policy) and returning the
    # extra files and values to key the cache on, or None when that file's verdict must not be
    # cached. Unset: a pure per-file function of bytes, path and policy.
    cache_inputs: str | None = None
    # Hooks that judge what this hook's files write (a notebook's `%%writefile Dockerfile`, an
    # install command's packages): their policy sections and `cache_inputs` are in this hook's
    # cache key too. A report with written files judged by a hook not named here is not cached.
    cache_with: tuple[str, ...] = ()

    @property
    def entry(self) -> str:
        return self.hook_id

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.book.rules

    @cached_property
    def schema(self) -> dict[str, Any]:
        if self.schema_file is None:
            return {"type": "object", "additionalProperties": False, "properties": {}}
        loaded: dict[str, Any] = json.loads(self.schema_file.read_text(encoding="utf-8"))
        return loaded

    def owns_rule(self, rule_id: str) -> bool:
        if any(rule.rule_id == rule_id for rule in self.book.rules):
            return True
        return self.passthrough_ids is not None and re.fullmatch(self.passthrough_ids, rule_id) is not None
