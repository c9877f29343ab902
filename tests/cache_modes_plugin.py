"""Counts what the result cache did during a test session (scripts/cache_modes.py reads it): a
warm run that passes only because nothing came from the cache would prove nothing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

_COUNTS: Counter[str] = Counter()


def count_cache_use() -> None:
    """Wrap ResultCache.lookup and lookup_bundle in this process: verdicts served, files missed,
    documents refused (corrupt, forged, invalid)."""
    from hooks._core.cache import ResultCache

    lookup, bundle = ResultCache.lookup, ResultCache.lookup_bundle

    def counted_lookup(self: ResultCache, *args: Any, **kwargs: Any) -> Any:
        before = self.stats.rejected
        entry = lookup(self, *args, **kwargs)
        _COUNTS["hits" if entry is not None else "misses"] += 1
        _COUNTS["refused"] += self.stats.rejected - before
        return entry

    def counted_bundle(self: ResultCache, *args: Any, **kwargs: Any) -> Any:
        before = self.stats.rejected
        found = bundle(self, *args, **kwargs)
        _COUNTS["hits"] += len(found[0]) if found is not None else 0
        _COUNTS["refused"] += self.stats.rejected - before
        return found

    ResultCache.lookup = counted_lookup  # type: ignore[method-assign]
    ResultCache.lookup_bundle = counted_bundle  # type: ignore[method-assign]


def write_counts(path: Path) -> None:
    path.write_text(json.dumps(dict(_COUNTS)) + "\n")
