"""`mlsec merge`: the JSON or SARIF reports of `mlsec scan --shard K/N` joined into the report
one unsharded run would have written.

Each file belongs to exactly one shard and every shard's findings are sorted by path first, so a
stable sort of the joined findings by path restores the full run's order. Exact duplicates (the
same report passed twice, overlapping runs) are kept once; the shard labels are dropped
(SARIF's category goes back to the unsharded run's).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hooks._core.display import printable
from hooks._core.errors import UsageError
from hooks._core.shard import MAX_SHARDS

MAX_REPORT_BYTES = 512 << 20
_SHARD_SUFFIX = re.compile(r"-shard-[0-9]+-of-[0-9]+/$")
_SHARD_LABEL = re.compile(r"-shard-([0-9]{1,4})-of-([0-9]{1,4})/$")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reports", nargs="+", metavar="REPORT", help="JSON or SARIF reports of mlsec scan")
    parser.add_argument("--output", metavar="FILE", help="write the merged report to FILE instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    documents = [_load(name) for name in args.reports]
    kinds = {_kind(name, document) for name, document in zip(args.reports, documents, strict=True)}
    if len(kinds) != 1:
        raise UsageError("the reports mix JSON and SARIF; merge reports of one format")
    kind = next(iter(kinds))
    _check_shards(args.reports, documents, kind)
    merged = merge_sarif(documents) if kind == "sarif" else merge_json(documents)
    text = json.dumps(merged, indent=2) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--output {printable(args.output)}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(text)
    return 0


def _load(name: str) -> dict[str, Any]:
    path = Path(name)
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise UsageError(f"{printable(name)}: larger than {MAX_REPORT_BYTES >> 20} MiB")
        document = json.loads(path.read_bytes())
    except OSError as exc:
        raise UsageError(f"{printable(name)}: cannot read ({exc.strerror})") from None
    except (ValueError, RecursionError):
        raise UsageError(f"{printable(name)}: not JSON; pass reports written with --format json or sarif") from None
    if not isinstance(document, dict):
        raise UsageError(f"{printable(name)}: not an mlsec report")
    return document


def _kind(name: str, document: dict[str, Any]) -> str:
    if isinstance(document.get("runs"), list) and document.get("version") == "2.1.0":
        if len(document["runs"]) != 1 or not isinstance(document["runs"][0], dict):
            raise UsageError(f"{printable(name)}: a SARIF report of mlsec has exactly one run")
        _check_sarif(name, document["runs"][0])
        return "sarif"
    if isinstance(document.get("findings"), list) and isinstance(document.get("errors"), list):
        return "json"
    raise UsageError(f"{printable(name)}: neither an mlsec JSON report nor SARIF 2.1.0")


def _shard_of(name: str, document: dict[str, Any], kind: str) -> tuple[int, int] | None:
    """(K, N) of a report written with --shard K/N, None for an unsharded one."""
    index: object
    count: object
    if kind == "sarif":
        category = document["runs"][0].get("automationDetails", {}).get("id")
        found = _SHARD_LABEL.search(category) if isinstance(category, str) else None
        if found is None:
            return None
        index, count = int(found[1]), int(found[2])
    else:
        label = document.get("shard")
        if label is None:
            return None
        index, count = (label.get("index"), label.get("count")) if isinstance(label, dict) else (None, None)
    if not (type(index) is int and type(count) is int and 1 <= index <= count <= MAX_SHARDS):
        raise UsageError(f"{printable(name)}: its `shard` label is malformed; write it again with --shard K/N")
    return index, count


def _check_shards(names: Sequence[str], documents: Sequence[dict[str, Any]], kind: str) -> None:
    """Shards are merged only as a whole: a missing shard would give a report that looks like
    the full run and is not (a failed CI job, a mistyped file list)."""
    labels = [_shard_of(name, document, kind) for name, document in zip(names, documents, strict=True)]
    if all(label is None for label in labels):
        return  # unsharded reports (two folders scanned apart): joined as they are
    unlabelled = [name for name, label in zip(names, labels, strict=True) if label is None]
    if unlabelled:
        raise UsageError(f"{printable(unlabelled[0])} is not a shard report; merge the N shards of one run only")
    counts = sorted({label[1] for label in labels if label is not None})
    if len(counts) != 1:
        raise UsageError(f"the reports are shards of different splits (of {' and of '.join(map(str, counts))})")
    missing = sorted(set(range(1, counts[0] + 1)) - {label[0] for label in labels if label is not None})
    if missing:
        which = ", ".join(map(str, missing))
        raise UsageError(f"shard {which} of {counts[0]} is missing; the merged report would look complete and not be")


def _check_sarif(name: str, run: dict[str, Any]) -> None:
    """The parts of a SARIF run that merging reads, each of the type mlsec writes."""
    tool = run.get("tool", {})
    driver = tool.get("driver", {}) if isinstance(tool, dict) else None
    problems = {
        "tool": not isinstance(tool, dict),
        "tool.driver": not isinstance(driver, dict),
        "rules": isinstance(driver, dict)
        and not _list_of_dicts(driver.get("rules", []), lambda r: isinstance(r.get("id"), str)),
        "results": not _list_of_dicts(run.get("results", []), lambda r: isinstance(r.get("ruleId", ""), str)),
        "invocations": not _list_of_dicts(
            run.get("invocations", []),
            lambda i: _list_of_dicts(i.get("toolExecutionNotifications", []), lambda _: True),
        ),
        "automationDetails": not isinstance(run.get("automationDetails", {}), dict),
    }
    wrong = [part for part, bad in problems.items() if bad]
    if wrong:
        raise UsageError(f"{printable(name)}: not an mlsec SARIF report ({wrong[0]} is malformed)")


def _list_of_dicts(value: Any, check: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) and check(item) for item in value)


def _unique(items: Sequence[Any]) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _path_of(finding: Any) -> str:
    return str(finding.get("path", "")) if isinstance(finding, dict) else ""


def merge_json(documents: Sequence[dict[str, Any]]) -> dict[str, Any]:
    merged = {key: value for key, value in documents[0].items() if key != "shard"}
    findings = _unique([f for document in documents for f in document["findings"]])
    merged["findings"] = sorted(findings, key=_path_of)
    errors = _unique([e for document in documents for e in document["errors"]])
    merged["errors"] = sorted(errors, key=_path_of)
    return merged


def _uri_of(result: Any) -> str:
    try:
        return str(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    except (KeyError, IndexError, TypeError):
        return ""


def merge_sarif(documents: Sequence[dict[str, Any]]) -> dict[str, Any]:
    runs = [document["runs"][0] for document in documents]
    drivers = [run.get("tool", {}).get("driver", {}) for run in runs]
    if len({json.dumps([d.get("name"), d.get("version")]) for d in drivers}) != 1:
        raise UsageError("the SARIF reports come from different tools or versions; merge reports of one release")
    rules: dict[str, Any] = {}
    for driver in drivers:
        for rule in driver.get("rules", []):
            rules.setdefault(rule["id"], rule)
    order = sorted(rules)
    index = {rule_id: position for position, rule_id in enumerate(order)}
    results = _unique([result for run in runs for result in run.get("results", [])])
    for result in results:
        result["ruleIndex"] = index.get(result.get("ruleId"), -1)
    results.sort(key=_uri_of)
    notifications = _unique(
        [
            note
            for run in runs
            for invocation in run.get("invocations", [])
            for note in invocation.get("toolExecutionNotifications", [])
        ]
    )
    notifications.sort(key=_uri_of)
    merged_run = dict(runs[0])
    category = runs[0].get("automationDetails", {}).get("id")
    if isinstance(category, str):  # `mlsec-shard-2-of-4/` -> `mlsec/`, the unsharded run's category
        merged_run["automationDetails"] = {"id": _SHARD_SUFFIX.sub("/", category)}
    merged_run["tool"] = {**runs[0]["tool"], "driver": {**drivers[0], "rules": [rules[r] for r in order]}}
    merged_run["results"] = results
    successful = all(inv.get("executionSuccessful", True) for run in runs for inv in run.get("invocations", []))
    merged_run["invocations"] = [{"executionSuccessful": successful, "toolExecutionNotifications": notifications}]
    return {**documents[0], "runs": [merged_run]}
