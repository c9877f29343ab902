"""Per-file analysis state: limits, the deadline, the issues found so far and, for `mlsec
explain`, the pickle streams interpreted so far."""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from hooks._core.findings import Issue, Severity
from hooks._core.rules import Rule
from hooks.artifacts.errors import LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy
from hooks.artifacts.reader import Recording

MAX_ISSUES = 1000  # findings kept per file; past them memory stays bounded


class Limits(NamedTuple):
    """What one file's analysis may spend. (A NamedTuple rather than a frozen dataclass: made
    once per run, and a dataclass costs 1 ms to create on every commit's start-up.)"""

    max_seconds: float = 60.0
    max_opcodes: int = 50_000_000
    max_memo: int = 10_000_000
    max_depth: int = 4
    max_streams: int = 64
    max_decompressed_bytes: int = 4 << 30
    max_ratio: int = 1000
    max_member_in_memory: int = 512 << 20
    max_zip_members: int = 200_000


class PickleStream:
    """One pickle stream the walk interpreted, as bytes a decompiler can read again."""

    __slots__ = ("container", "offset", "reader", "recording", "stopped_at")

    def __init__(self, container: str, reader: int, offset: int, recording: Recording) -> None:
        self.container = container  # the location of the data it sits in: "pickle", "archive/data.pkl"
        self.reader = reader  # which read of that data (two zip members can share a name)
        self.offset = offset  # where it starts in that data
        self.recording = recording  # its opcodes and arguments, without the array data joblib embeds
        self.stopped_at: int | None = None  # where interpretation stopped before STOP (broken or capped)


class StreamLog:
    """The streams a walk interprets, kept within a byte budget for all of them together."""

    def __init__(self, max_bytes: int) -> None:
        self.streams: list[PickleStream] = []
        self.left = max_bytes

    def take(self, count: int) -> bool:
        if count > self.left:
            self.left = 0
            return False
        self.left -= count
        return True


Mark = tuple[int, int]


@dataclass
class Analysis:
    policy: GlobalsPolicy
    limits: Limits = field(default_factory=Limits)
    issues: list[Issue] = field(default_factory=list)
    deadline: float = 0.0
    opcodes: int = 0
    stream_log: StreamLog | None = None  # only `mlsec explain` keeps the streams
    _keys: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.deadline:
            seconds = self.limits.max_seconds
            if not math.isfinite(seconds) or seconds <= 0:  # `.nan` or `inf` must not disable the cap
                seconds = Limits().max_seconds
            self.deadline = time.monotonic() + seconds

    def add(
        self, rule: Rule, where: str, message: str, content_key: str, severity: Severity | None = None, line: int = 1
    ) -> None:
        """`where` places it inside the artifact: "file", "archive/data.pkl@0x1a3", "stream 2@0x40";
        `line` is the file's own line, for text formats read at the top level."""
        if content_key in self._keys.get(rule.rule_id, ()):
            return  # the same thing seen again (a flood of one opcode): one finding, bounded memory
        if len(self.issues) >= MAX_ISSUES:
            return  # a flood of distinct findings: the first MAX_ISSUES already block the file
        self._keys.setdefault(rule.rule_id, set()).add(content_key)
        if len(where) > _MAX_WHERE:
            # A member path the file chose may be long: its middle goes, so the message is never cut.
            where = f"{where[: _MAX_WHERE // 2]}…{where[-(_MAX_WHERE // 2) :]}"
        text = shown(message if where == "file" else f"{where} {message}")
        self.issues.append(Issue(rule, text, content_key, line=line, severity=severity))

    def mark(self) -> Mark:
        return len(self.issues), len(self.stream_log.streams) if self.stream_log is not None else 0

    def has_rule(self, rule: Rule) -> bool:
        return rule.rule_id in self._keys and bool(self._keys[rule.rule_id])

    def found_since(self, mark: Mark) -> bool:
        return len(self.issues) > mark[0]

    def rollback(self, mark: Mark) -> None:
        """Forget what was found since `mark` (a tentative parse that turned out not to apply)."""
        issues, streams = mark
        for issue in self.issues[issues:]:
            self._keys.get(issue.rule.rule_id, set()).discard(issue.key)
        del self.issues[issues:]
        if self.stream_log is not None:
            del self.stream_log.streams[streams:]

    def fold_since(self, mark: Mark, rule: Rule, what: str) -> None:
        """Keep the first blocking `rule` finding added since `mark` and drop the later ones,
        saying how many `what` they were about: one container of many similar streams (a
        shelve's records) is one decision for a reviewer, not one per stream."""
        first = None
        dropped = 0
        kept = self.issues[: mark[0]]
        for issue in self.issues[mark[0] :]:
            if issue.rule.rule_id != rule.rule_id or issue.severity is not None:
                kept.append(issue)
            elif first is None:
                first = len(kept)
                kept.append(issue)
            else:
                dropped += 1
        if first is not None and dropped:
            issue = kept[first]
            kept[first] = replace(issue, message=shown(f"{issue.message} (and {dropped} more {what})"))
        self.issues[:] = kept

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"analysis took longer than {self.limits.max_seconds:g} s")


# Member, file and global names come from the file: control characters (ANSI escapes, CR/LF that
# forge report lines) and bidirectional overrides are shown escaped, never raw.
_ESCAPES = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]}
_ESCAPES.update({c: f"\\u{c:04x}" for c in [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
MAX_SHOWN = 2000  # characters of one message
_MAX_WHERE = 400  # characters of the place in the artifact shown before it


def names_digest(names: Sequence[str]) -> str:
    """A key for a set of names from the file: a digest of their JSON list, which no characters in
    a name can make equal for two different sets (a plain join with `,` or a newline could)."""
    return hashlib.sha256(json.dumps(sorted(names)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def chunked(texts: Sequence[str], most: int, characters: int) -> list[tuple[int, int]]:
    """(first index, end index) of each run of `texts` that one finding names: at most `most` of
    them and about `characters` of them as shown (a single longer one stands alone), so no
    message is cut and every one is named in some finding."""
    runs: list[tuple[int, int]] = []
    start = size = 0
    for index, text in enumerate(texts):
        length = shown_length(text) + 12  # as shown: an escaped control character takes four
        if index > start and (index - start >= most or size + length > characters):
            runs.append((start, index))
            start, size = index, 0
        size += length
    if len(texts) > start:
        runs.append((start, len(texts)))
    return runs


def shown_length(text: str) -> int:
    """How many characters `text` takes once escaped for showing."""
    return len(text.translate(_ESCAPES))


def shown(text: str) -> str:
    """`text` safe for a terminal and a log: escaped and bounded."""
    text = text.translate(_ESCAPES)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def inside(label: str, part: str) -> str:
    """The label of `part` found inside the container called `label` (outermost first)."""
    return f"{label}>{part}" if label else part


def where(label: str, offset: int | None) -> str:
    return label if offset is None else f"{label}@{offset:#x}"
