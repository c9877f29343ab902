"""The `data` policy section, read once per policy."""

from __future__ import annotations

from dataclasses import dataclass

from hooks._core.paths import is_excluded
from hooks._core.policy import Policy
from hooks.data.detectors import VALUE_KINDS
from hooks.data.schema_names import SCHEMA_ONLY_KINDS

ALL_KINDS = frozenset(VALUE_KINDS) | frozenset(SCHEMA_ONLY_KINDS)


@dataclass(frozen=True)
class AllowEntry:
    path: str
    columns: frozenset[str]  # lower-case; empty: every column
    kinds: frozenset[str]  # empty: every kind
    reason: str


@dataclass(frozen=True)
class DataSettings:
    max_file_bytes: int
    sample_bytes: int
    full: bool
    kinds: frozenset[str]
    allowlist: tuple[AllowEntry, ...]

    def counts(self, kind: str) -> bool:
        return kind in self.kinds

    def allowed(self, path: str, column: str | None, kind: str) -> bool:
        for entry in self.allowlist:
            if entry.kinds and kind not in entry.kinds:
                continue
            if entry.columns and (column is None or column.strip().lower() not in entry.columns):
                continue
            if is_excluded(path, (entry.path,)):
                return True
        return False


def load_settings(policy: Policy) -> DataSettings:
    section = policy.section("data")
    full = section.get("full", False)
    entries = tuple(
        AllowEntry(
            str(item["path"]),
            frozenset(str(c).strip().lower() for c in item.get("columns", ())),
            frozenset(item.get("types", ())),
            str(item["reason"]),
        )
        for item in section.get("allowlist", ())
    )
    return DataSettings(
        max_file_bytes=int(float(section.get("max_file_mb", 10)) * (1 << 20)),
        sample_bytes=max(1 << 16, int(float(section.get("sample_mb", 2)) * (1 << 20))),
        full=full is True or str(full).lower() == "true",
        kinds=frozenset(section.get("pii_types", ALL_KINDS)),
        allowlist=entries,
    )
