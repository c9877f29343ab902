"""Deterministic sharding of a run's files: `--shard K/N` keeps the files whose path hashes to K.

The split depends on the repo-relative path only (never on the order files were listed, the
machine or the Python hash seed), so every file lands in exactly one of the N shards and the
union of the shards is the full run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from hooks._core.errors import UsageError

MAX_SHARDS = 1024
_SHARD = re.compile(r"([0-9]{1,4})/([0-9]{1,4})")


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as CI matrices count
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _SHARD.fullmatch(text.strip())
        if match is None:
            raise UsageError(f"--shard {text[:40]!r}: write K/N, e.g. 2/4 for the second of four shards")
        index, count = int(match.group(1)), int(match.group(2))
        if not 1 <= count <= MAX_SHARDS or not 1 <= index <= count:
            raise UsageError(f"--shard {index}/{count}: K must be between 1 and N, and N at most {MAX_SHARDS}")
        return cls(index, count)

    def holds(self, display: str) -> bool:
        return shard_of(display, self.count) == self.index

    @property
    def label(self) -> str:
        """A name for this shard's report (SARIF automationDetails, JSON `shard`)."""
        return f"shard-{self.index}-of-{self.count}"


def shard_of(display: str, count: int) -> int:
    """The 1-based shard of a repo-relative path among `count`."""
    digest = hashlib.sha256(display.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1
