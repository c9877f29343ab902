"""Golden output for each format, and SARIF validated against the SARIF 2.1.0 schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from hooks._core.findings import FileError, Finding, Severity, make_finding
from hooks.catalog import registry
from hooks.reporters import render

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


def sample_findings() -> list[Finding]:
    return [
        make_finding(
            registry()["MLS101"],
            "models/clf.pt",
            "archive/data.pkl@0x1a3 calls os.system via REDUCE",
            content_key="archive/data.pkl|os.system",
        ),
        make_finding(
            registry()["MLS001"],
            "notebooks/train.ipynb",
            "`# mlsec: ignore` without a rule id suppresses nothing",
            content_key="bare",
            line=2,
            column=5,
            cell=3,
            output=None,
        ),
        make_finding(
            registry()["MLS001"],
            "notebooks/train.ipynb",
            "marker in an output",
            content_key="bare-out",
            line=1,
            cell=3,
            output=0,
            severity=Severity.LOW,
        ),
        make_finding(registry()["MLS900"], "a.py", "scanner failed", content_key="x", line=4, column=2),
    ]


ERRORS = [FileError("gone.pkl", "cannot read: No such file or directory")]


def test_text_lines() -> None:
    assert render("text", sample_findings(), ERRORS, registry()).splitlines() == [
        "a.py:4:2: MLS900 [high] scanner failed",
        "models/clf.pt:1:1: MLS101 [critical] archive/data.pkl@0x1a3 calls os.system via REDUCE",
        "notebooks/train.ipynb:cell_3:2:5: MLS001 [low] `# mlsec: ignore` without a rule id suppresses nothing",
        "notebooks/train.ipynb:cell_3:1:1: MLS001 [low] marker in an output (output 0)",
        "gone.pkl: error: cannot read: No such file or directory",
    ]


def test_text_of_nothing_is_empty() -> None:
    assert render("text", [], [], registry()) == ""


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_golden(fmt: str) -> None:
    produced = render(fmt, sample_findings(), ERRORS, registry())
    golden = GOLDEN / f"report.{fmt}"
    if os.environ.get("MLSEC_UPDATE_GOLDEN"):
        golden.write_text(produced)
    assert produced == golden.read_text()


def test_json_contract() -> None:
    document = json.loads(render("json", sample_findings(), ERRORS, registry()))
    assert document["version"] == 1
    assert set(document["findings"][0]) == {
        "rule_id",
        "severity",
        "path",
        "line",
        "column",
        "cell",
        "output",
        "message",
        "fingerprint",
        "end_line",
        "confidence",
    }
    assert [f["path"] for f in document["findings"]] == sorted(f["path"] for f in document["findings"])
    assert document["errors"] == [{"path": "gone.pkl", "message": "cannot read: No such file or directory"}]


def test_sarif_is_schema_valid_and_carries_registry_metadata() -> None:
    document = json.loads(render("sarif", sample_findings(), ERRORS, registry()))
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    run = document["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert "external/cwe/cwe-502" in rules["MLS101"]["properties"]["tags"]
    assert rules["MLS101"]["defaultConfiguration"]["level"] == "error"
    result = run["results"][0]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert result["partialFingerprints"]["mlsecFingerprint/v1"]


def test_secret_values_never_reach_a_report() -> None:
    finding = make_finding(
        registry()["MLS001"], "a.py", "token of type hf (hash 1a2b3c)", content_key="hf_SECRETVALUE123"
    )
    for fmt in ("text", "json", "sarif"):
        assert "SECRETVALUE" not in render(fmt, [finding], [], registry())
