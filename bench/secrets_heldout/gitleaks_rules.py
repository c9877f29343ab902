"""gitleaks' default rule set applied in Python: an approximation for comparison.

gitleaks is a Go binary, not on PyPI. This reads its `config/gitleaks.toml` (from a fetched
snapshot, never committed) and does what gitleaks' detector does per file: global path
allowlist, per-rule path, keyword prefilter (case-insensitive), regex over the whole file, the
secret group (or first non-empty group), the entropy threshold, then the global and rule
allowlists (regexes against secret/match/line, stopwords, AND/OR). Regexes are RE2 syntax and
run with google-re2 when it is installed (as gitleaks runs them: linear time), else with
Python's `re` after moving inline flags, skipping what does not compile. Not reproduced:
decoding of base64/percent-encoded segments, composite (`required`) rules, git history.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _compile(pattern: str) -> Any:
    try:
        import re2  # type: ignore[import-not-found]

        return re2.compile(pattern)
    except ImportError:
        pass
    except Exception:  # noqa: BLE001 - re2 raises its own error type
        return None
    # Python's re wants global flags at the start; RE2 allows them anywhere.
    flags = "".join(sorted(set(re.findall(r"\(\?([imsx]+)\)", pattern))))
    body = re.sub(r"\(\?[imsx]+\)", "", pattern).replace(r"\z", r"\Z")
    try:
        return re.compile((f"(?{flags})" if flags else "") + body)
    except re.error:
        return None


@dataclass
class Allowlist:
    regexes: list[Any] = field(default_factory=list)
    paths: list[Any] = field(default_factory=list)
    stopwords: list[str] = field(default_factory=list)
    target: str = ""  # "" (secret) | match | line
    condition_and: bool = False

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> Allowlist:
        return cls(
            [c for c in (_compile(r) for r in raw.get("regexes", [])) if c is not None],
            [c for c in (_compile(p) for p in raw.get("paths", [])) if c is not None],
            [w.lower() for w in raw.get("stopwords", [])],
            raw.get("regexTarget", "") if raw.get("regexTarget") in ("match", "line") else "",
            str(raw.get("condition", "OR")).upper() == "AND",
        )

    def path_allowed(self, path: str) -> bool:
        return any(p.search(path) for p in self.paths)

    def finding_allowed(self, path: str, secret: str, match: str, line: str) -> bool:
        target = {"match": match, "line": line}.get(self.target, secret)
        regex_ok = any(r.search(target) for r in self.regexes)
        stop_ok = any(w in secret.lower() for w in self.stopwords)
        if self.condition_and:
            checks = []
            if self.paths:
                checks.append(self.path_allowed(path))
            if self.regexes:
                checks.append(regex_ok)
            if self.stopwords:
                checks.append(stop_ok)
            return bool(checks) and all(checks)
        return regex_ok or stop_ok


@dataclass
class Rule:
    id: str
    regex: Any
    path: Any
    secret_group: int
    entropy: float
    keywords: list[str]
    allowlists: list[Allowlist]


@dataclass
class RuleSet:
    rules: list[Rule]
    allowlists: list[Allowlist]
    skipped: list[str]


def load(config: Path) -> RuleSet:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    data = tomllib.loads(config.read_text(encoding="utf-8"))
    global_lists = [
        Allowlist.parse(a) for a in ([data["allowlist"]] if "allowlist" in data else []) + data.get("allowlists", [])
    ]
    rules, skipped = [], []
    for raw in data.get("rules", []):
        regex = _compile(raw["regex"]) if "regex" in raw else None
        path = _compile(raw["path"]) if "path" in raw else None
        if ("regex" in raw and regex is None) or ("path" in raw and path is None):
            skipped.append(raw["id"])
            continue
        lists = raw.get("allowlists", []) + ([raw["allowlist"]] if "allowlist" in raw else [])
        rules.append(
            Rule(
                raw["id"],
                regex,
                path,
                int(raw.get("secretGroup", 0)),
                float(raw.get("entropy", 0.0)),
                [k.lower() for k in raw.get("keywords", [])],
                [Allowlist.parse(a) for a in lists],
            )
        )
    return RuleSet(rules, global_lists, skipped)


def shannon(value: str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def scan_text(ruleset: RuleSet, path: str, text: str) -> Iterator[tuple[str, int, str]]:
    """(rule id, 1-based line, secret) for every finding gitleaks' rules would report."""
    if any(a.path_allowed(path) for a in ruleset.allowlists):
        return
    lowered = text.lower()
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    import bisect

    for rule in ruleset.rules:
        if any(a.path_allowed(path) and not a.regexes and not a.stopwords for a in rule.allowlists):
            continue
        if rule.path is not None:
            if not rule.path.search(path):
                continue
            if rule.regex is None:
                yield rule.id, 1, path
                continue
        if rule.regex is None:
            continue
        if rule.keywords and not any(k in lowered for k in rule.keywords):
            continue
        for match in rule.regex.finditer(text):
            whole = match.group(0).strip("\n")
            groups = [g for g in match.groups()]
            secret = whole
            if groups:
                if rule.secret_group:
                    secret = match.group(rule.secret_group) or ""
                else:
                    secret = next((g for g in groups if g), whole)
            if rule.entropy and shannon(secret) <= rule.entropy:
                continue
            start = match.start()
            index = bisect.bisect_right(line_starts, start) - 1
            line_end = text.find("\n", start)
            line = text[line_starts[index] : line_end if line_end >= 0 else len(text)]
            if any(a.finding_allowed(path, secret, whole, line) for a in ruleset.allowlists):
                continue
            if any(a.finding_allowed(path, secret, whole, line) for a in rule.allowlists):
                continue
            yield rule.id, index + 1, secret
