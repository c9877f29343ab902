"""Match tool findings to manifest entries and print recall and false positives.

A finding lands on an entry when it is in the same file and
- text files: its line is within the entry's `line`..`end_line`, or its secret (hash) is the
  entry's value or one of its `also` forms (a gitleaks rule whose match starts lines earlier);
- notebooks, tools that report cells (mlsec): same cell and output index, and its line is within
  the entry's unit lines, or (places with no agreed line: metadata, attachments, and any unit
  whose line convention may differ) the finding's secret hash equals the entry value's or one
  of its `also` forms;
- notebooks, tools that read the raw JSON (detect-secrets, gitleaks) or a finding with no cell:
  its line is within the entry's `raw_line`..`raw_end_line`.
A finding on a secret or `low` entry credits it; a finding only on decoys is a false positive on a
decoy; a finding on no entry is an unlabelled false positive. Duplicate findings at one position
count once.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.secrets_heldout.tools import Found

GROUPS = ("rule", "issue15", "unnamed-tune", "unnamed-heldout", "generic")


def _forms(entry: dict[str, Any]) -> list[str]:
    return [entry.get("value", ""), *entry.get("also", [])]


def _hash_match(entry: dict[str, Any], f: Found) -> bool:
    for form in _forms(entry):
        if not form:
            continue
        if f.sha256_prefix and hashlib.sha256(form.encode()).hexdigest().startswith(f.sha256_prefix):
            return True
        if f.sha1 and hashlib.sha1(form.encode(), usedforsecurity=False).hexdigest() == f.sha1:
            return True
        if f.secret and (f.secret == form or (len(f.secret) >= 8 and f.secret in form)):
            return True
    return False


def _within(line: int | None, first: int | None, last: int | None) -> bool:
    return line is not None and first is not None and first <= line <= (last or first)


def located(entry: dict[str, Any], f: Found) -> bool:
    """The finding's position is inside the entry."""
    if entry["file"] != f.file:
        return False
    if "raw_line" not in entry:  # a text file
        return _within(f.line, entry.get("line"), entry.get("end_line"))
    if f.cell is None:
        return _within(f.line, entry.get("raw_line"), entry.get("raw_end_line"))
    if entry.get("cell") != f.cell or entry.get("output") != f.output:
        return False
    return _within(f.line, entry.get("line"), entry.get("end_line"))


def named(entry: dict[str, Any], f: Found) -> bool:
    """No position matched, but the finding names the entry's value: a text file (a rule whose
    match starts lines earlier), a notebook unit with the same cell and output, or notebook
    metadata (no agreed line)."""
    if entry["file"] != f.file or not _hash_match(entry, f):
        return False
    if "raw_line" not in entry:
        return True
    if f.cell is None:
        return entry.get("cell") is None and entry.get("part") == "notebook_metadata"
    return entry.get("cell") == f.cell and entry.get("output") == f.output


@dataclass
class Outcome:
    hits: dict[str, list[Found]] = field(default_factory=lambda: defaultdict(list))  # entry id -> findings
    fp_decoy: list[tuple[Found, dict[str, Any]]] = field(default_factory=list)
    fp_none: list[Found] = field(default_factory=list)


def match(entries: list[dict[str, Any]], findings: Iterable[Found]) -> Outcome:
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        by_file[e["file"]].append(e)
    outcome = Outcome()
    seen: set[tuple[Any, ...]] = set()
    for f in findings:
        key = (f.tool, f.file, f.line, f.cell, f.output)
        if key in seen:
            continue
        seen.add(key)
        in_file = by_file.get(f.file, [])
        candidates = [e for e in in_file if located(e, f)] or [e for e in in_file if named(e, f)]
        credited = [e for e in candidates if e["expected"] != "decoy"]
        if credited:
            for e in credited:
                outcome.hits[e["id"]].append(f)
        elif candidates:
            outcome.fp_decoy.append((f, candidates[0]))
        else:
            outcome.fp_none.append(f)
    return outcome


@dataclass
class Summary:
    secrets: int
    found: int
    found_blocking: int
    decoys: int
    decoys_fired: int
    decoys_fired_blocking: int
    fp_decoy_blocking: int
    fp_decoy_low: int
    fp_none_blocking: int
    fp_none_low: int
    low_entries: int
    low_blocking: int
    by_group: dict[str, tuple[int, int]]
    by_type: dict[str, tuple[int, int]]
    by_place: dict[str, tuple[int, int]]
    by_family: dict[str, tuple[int, int]]  # decoys fired / decoys


def summarise(entries: list[dict[str, Any]], outcome: Outcome) -> Summary:
    secrets = [e for e in entries if e["expected"] == "secret"]
    decoys = [e for e in entries if e["expected"] == "decoy"]
    lows = [e for e in entries if e["expected"] == "low"]
    found = [e for e in secrets if outcome.hits.get(e["id"])]
    fired: dict[str, list[Found]] = defaultdict(list)
    for f, e in outcome.fp_decoy:
        fired[e["id"]].append(f)

    def tally(items: list[dict[str, Any]], key: str, hit: Any) -> dict[str, tuple[int, int]]:
        total: Counter[str] = Counter(e.get(key) or "-" for e in items)
        good: Counter[str] = Counter(e.get(key) or "-" for e in items if hit(e))
        return {k: (good[k], total[k]) for k in sorted(total)}

    return Summary(
        secrets=len(secrets),
        found=len(found),
        found_blocking=sum(1 for e in found if any(f.blocking for f in outcome.hits[e["id"]])),
        decoys=len(decoys),
        decoys_fired=len(fired),
        decoys_fired_blocking=sum(1 for fs in fired.values() if any(f.blocking for f in fs)),
        fp_decoy_blocking=sum(1 for f, _ in outcome.fp_decoy if f.blocking),
        fp_decoy_low=sum(1 for f, _ in outcome.fp_decoy if not f.blocking),
        fp_none_blocking=sum(1 for f in outcome.fp_none if f.blocking),
        fp_none_low=sum(1 for f in outcome.fp_none if not f.blocking),
        low_entries=len(lows),
        low_blocking=sum(1 for e in lows if any(f.blocking for f in outcome.hits.get(e["id"], []))),
        by_group=tally(secrets, "group", lambda e: bool(outcome.hits.get(e["id"]))),
        by_type=tally(secrets, "ctype", lambda e: bool(outcome.hits.get(e["id"]))),
        by_place=tally(secrets, "place", lambda e: bool(outcome.hits.get(e["id"]))),
        by_family=tally(decoys, "family", lambda e: e["id"] in fired),
    )


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def print_tables(split: str, summaries: dict[str, Summary]) -> None:
    tools = list(summaries)
    width = 22
    print(f"\n=== split: {split} ===")
    head = f"{'':<34}" + "".join(f"{t:>{width}}" for t in tools)
    print(head)
    rows = [
        ("secrets found (any severity)", lambda s: _pct(s.found, s.secrets)),
        ("secrets found blocking", lambda s: _pct(s.found_blocking, s.secrets)),
        ("decoys fired (any)", lambda s: _pct(s.decoys_fired, s.decoys)),
        ("decoys fired blocking", lambda s: _pct(s.decoys_fired_blocking, s.decoys)),
        ("FP findings on decoys blk/low", lambda s: f"{s.fp_decoy_blocking}/{s.fp_decoy_low}"),
        ("FP findings on no entry blk/low", lambda s: f"{s.fp_none_blocking}/{s.fp_none_low}"),
        ("3rd-party CSV tokens blocking", lambda s: f"{s.low_blocking}/{s.low_entries}"),
    ]
    for group in GROUPS:
        rows.append((f"  recall {group}", lambda s, g=group: _pct(*s.by_group.get(g, (0, 0)))))
    for label, cell in rows:
        print(f"{label:<34}" + "".join(f"{cell(summaries[t]):>{width}}" for t in tools))

    def detail(title: str, attr: str) -> None:
        keys = sorted({k for s in summaries.values() for k in getattr(s, attr)})
        print(f"\n{title:<34}" + "".join(f"{t:>{width}}" for t in tools))
        for k in keys:
            print(
                f"  {k:<32}" + "".join(f"{_pct(*getattr(summaries[t], attr).get(k, (0, 0))):>{width}}" for t in tools)
            )

    detail("recall per place", "by_place")
    detail("recall per credential type", "by_type")
    detail("decoys fired per family", "by_family")


def summary_json(summary: Summary) -> dict[str, Any]:
    return dict(summary.__dict__)
