"""GitHub code scanning's documented SARIF ingestion rules, as a checker the tests run.

From GitHub's "SARIF support for code scanning" and "SARIF results exceed limits" pages: what is
required, what is recommended (it changes what GitHub shows), and the hard and display limits.
Returns the list of problems, empty when an upload would be accepted and shown in full.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

MAX_GZIPPED_BYTES = 10 << 20
MAX_RUNS, MAX_RESULTS, MAX_RULES, MAX_LOCATIONS = 20, 25_000, 25_000, 1_000
SHOWN_TAGS = 10  # GitHub rejects more than 20 tags and shows only the first 10
LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}


def problems(text: str) -> list[str]:
    found: list[str] = []
    if len(gzip.compress(text.encode())) > MAX_GZIPPED_BYTES:
        found.append("gzipped file larger than 10 MB")
    document = json.loads(text)
    if document.get("version") != "2.1.0" or "$schema" not in document:
        found.append("version 2.1.0 and $schema are required")
    runs = document.get("runs", [])
    if not 1 <= len(runs) <= MAX_RUNS:
        found.append(f"{len(runs)} runs (1..{MAX_RUNS})")
    for run in runs:
        found += _run(run)
    return found


def _run(run: dict[str, Any]) -> list[str]:
    found: list[str] = []
    driver = run["tool"]["driver"]
    for key in ("name", "version", "semanticVersion", "informationUri", "rules"):
        if not driver.get(key):
            found.append(f"tool.driver.{key} missing")
    if not re.fullmatch(r"\d+\.\d+\.\d+(?:[-+].*)?", str(driver.get("semanticVersion", ""))):
        found.append("semanticVersion is not semver")
    category = run.get("automationDetails", {}).get("id", "")
    if not category:
        found.append("automationDetails.id missing (GitHub's category)")
    rules = driver.get("rules", [])
    if len(rules) > MAX_RULES:
        found.append("too many rules")
    ids = [rule.get("id") for rule in rules]
    if len(set(ids)) != len(ids):
        found.append("duplicate rule ids")
    for rule in rules:
        found += [f"rule {rule.get('id')}: {p}" for p in _rule(rule)]
    results = run.get("results", [])
    if len(results) > MAX_RESULTS:
        found.append("too many results")
    for number, result in enumerate(results):
        found += [f"result {number}: {p}" for p in _result(result, rules)]
    return found


def _rule(rule: dict[str, Any]) -> list[str]:
    found: list[str] = []
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", str(rule.get("name", ""))):
        found.append(f"name {rule.get('name')!r} is not a PascalCase identifier")
    for key in ("shortDescription", "fullDescription", "help"):
        if not rule.get(key, {}).get("text"):
            found.append(f"{key}.text missing")
    if not rule.get("help", {}).get("markdown"):
        found.append("help.markdown missing")
    if not re.match(r"https://", str(rule.get("helpUri", ""))):
        found.append("helpUri missing or not https")
    if rule.get("defaultConfiguration", {}).get("level") not in LEVELS:
        found.append("defaultConfiguration.level invalid")
    properties = rule.get("properties", {})
    tags = properties.get("tags", [])
    if len(tags) > SHOWN_TAGS or not all(isinstance(t, str) for t in tags):
        found.append("tags: more than 10 or not strings")
    if properties.get("precision") not in PRECISIONS:
        found.append("precision missing or invalid")
    severity = properties.get("security-severity")
    try:
        if not isinstance(severity, str) or not 0.0 < float(severity) <= 10.0:
            found.append("security-severity must be a string number in (0, 10]")
    except ValueError:
        found.append("security-severity is not a number")
    return found


def _result(result: dict[str, Any], rules: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    index = result.get("ruleIndex")
    if not isinstance(index, int) or not 0 <= index < len(rules) or rules[index]["id"] != result.get("ruleId"):
        found.append("ruleIndex does not point at ruleId")
    if not result.get("message", {}).get("text"):
        found.append("message.text missing")
    if result.get("level", "warning") not in LEVELS:
        found.append("level invalid")
    locations = result.get("locations", [])
    if not 1 <= len(locations) <= MAX_LOCATIONS:
        found.append("needs 1..1000 locations")
    for location in locations:
        physical = location.get("physicalLocation", {})
        uri = physical.get("artifactLocation", {}).get("uri", "")
        if not uri or uri.startswith("/") or re.match(r"[a-z][a-z0-9+.-]*:", uri) or ".." in uri.split("/"):
            found.append(f"uri {uri!r} is not relative to the repository")
        region = physical.get("region", {})
        start_line, start_column = region.get("startLine"), region.get("startColumn", 1)
        if not isinstance(start_line, int) or start_line < 1 or start_column < 1:
            found.append("region.startLine/startColumn must be >= 1")
            continue
        end_line = region.get("endLine", start_line)
        if end_line < start_line:
            found.append("endLine before startLine")
        if "endColumn" in region and end_line == start_line and region["endColumn"] <= start_column:
            found.append("endColumn not after startColumn")
    fingerprints = result.get("partialFingerprints", {})
    if not re.fullmatch(r"[0-9a-f]+:\d+", str(fingerprints.get("primaryLocationLineHash", ""))):
        found.append("partialFingerprints.primaryLocationLineHash missing")
    return found
