"""Golden output for each format; SARIF validated against the SARIF 2.1.0 schema and against
GitHub code scanning's ingestion rules; notebook findings placed in the raw `.ipynb` file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from hooks._core.findings import FileError, Finding, Severity, make_finding
from hooks._core.policy import Policy, RuleOverride
from hooks.catalog import registry
from hooks.reporters import FORMATS, ReportContext, render
from tests.reporters.github_sarif import problems

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Training"]},
        {"cell_type": "code", "metadata": {}, "source": "import torch\nm = 1", "outputs": [], "execution_count": 1},
        {
            "cell_type": "code",
            "metadata": {},
            "source": ["import joblib\n", 'm = joblib.load("model.pkl")  # mlsec: ignore\n', "m"],
            "outputs": [{"output_type": "stream", "name": "stdout", "text": ["loaded\n", "# mlsec: ignore\n"]}],
            "execution_count": 2,
        },
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


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
            line=2,
            cell=3,
            output=0,
            severity=Severity.LOW,
        ),
        make_finding(registry()["MLS900"], "a.py", "scanner failed", content_key="x", line=4, column=2),
    ]


ERRORS = [FileError("gone.pkl", "cannot read: No such file or directory")]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The files the sample findings name, so reporters can place regions in them."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "train.ipynb").write_text(json.dumps(NOTEBOOK, indent=1) + "\n")
    (tmp_path / "a.py").write_text("import os\n\n\nx = os.getcwd()\n")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "clf.pt").write_bytes(b"PK\x03\x04\x00\x00binary")
    return tmp_path


def context(root: Path, policy: Policy | None = None) -> ReportContext:
    return ReportContext(registry(), root=root, policy=policy, category="mlsec")


def test_text_lines(tmp_path: Path) -> None:
    assert render("text", sample_findings(), ERRORS, context(tmp_path)).splitlines() == [
        "a.py:4:2: MLS900 [high] scanner failed",
        "models/clf.pt:1:1: MLS101 [critical] archive/data.pkl@0x1a3 calls os.system via REDUCE",
        "notebooks/train.ipynb:cell_3:2:5: MLS001 [low] `# mlsec: ignore` without a rule id suppresses nothing",
        "notebooks/train.ipynb:cell_3:2:1: MLS001 [low] marker in an output (output 0)",
        "gone.pkl: error: cannot read: No such file or directory",
    ]


def test_text_in_colour_keeps_the_same_words(tmp_path: Path) -> None:
    coloured = render("text", sample_findings(), [], ReportContext(registry(), root=tmp_path, color=True))
    assert "\033[" in coloured
    import re

    plain = re.sub(r"\033\[[0-9;]*m", "", coloured)
    assert plain == render("text", sample_findings(), [], context(tmp_path))


def test_text_of_nothing_is_empty(tmp_path: Path) -> None:
    assert render("text", [], [], context(tmp_path)) == ""


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_golden(fmt: str, checkout: Path) -> None:
    """Regenerate with MLSEC_UPDATE_GOLDEN=1 and review the diff: the files are the contract."""
    produced = render(fmt, sample_findings(), ERRORS, context(checkout))
    golden = GOLDEN / f"report.{fmt}"
    if os.environ.get("MLSEC_UPDATE_GOLDEN"):
        golden.write_text(produced)
    assert produced == golden.read_text()


def test_json_contract(tmp_path: Path) -> None:
    document = json.loads(render("json", sample_findings(), ERRORS, context(tmp_path)))
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


def _sarif(root: Path, findings: list[Finding], policy: Policy | None = None) -> dict:  # type: ignore[type-arg]
    text = render("sarif", findings, ERRORS, context(root, policy))
    assert problems(text) == []
    document: dict = json.loads(text)  # type: ignore[type-arg]
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    return document


def test_sarif_meets_schema_and_github_ingestion_rules(checkout: Path) -> None:
    bandit = make_finding(registry()["B301"], "a.py", "pickle", content_key="b301", line=1)
    document = _sarif(checkout, [*sample_findings(), bandit])
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://") and driver["semanticVersion"] == driver["version"]
    assert run["automationDetails"]["id"] == "mlsec/"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert "external/cwe/cwe-502" in rules["MLS101"]["properties"]["tags"]
    assert rules["MLS101"]["defaultConfiguration"]["level"] == "error"
    assert rules["MLS101"]["helpUri"].endswith("/docs/rules/MLS101.md")
    assert rules["MLS101"]["help"]["markdown"].startswith("# MLS101 ")
    # bandit's rules are described by bandit's own registry and link to bandit's documentation
    assert "Reported by bandit" not in rules["B301"]["fullDescription"]["text"]
    assert rules["B301"]["helpUri"].startswith("https://bandit.readthedocs.io/")
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["mlsecFingerprint/v1"]


def test_policy_override_reaches_github(checkout: Path) -> None:
    finding = make_finding(registry()["MLS501"], "Dockerfile", "x", content_key="k", severity=Severity.CRITICAL)
    policy = Policy(root=checkout, rules={"MLS501": RuleOverride(severity=Severity.CRITICAL)})
    rules = {r["id"]: r for r in _sarif(checkout, [finding], policy)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["MLS501"]["properties"]["security-severity"] == "9.5"
    assert rules["MLS501"]["defaultConfiguration"]["level"] == "error"
    result = _sarif(checkout, [finding], policy)["runs"][0]["results"][0]
    assert result["properties"]["security-severity"] == "9.5" and result["level"] == "error"


def test_notebook_finding_points_at_the_raw_line(checkout: Path) -> None:
    raw = (checkout / "notebooks" / "train.ipynb").read_text().splitlines()
    results = [r for r in _sarif(checkout, sample_findings())["runs"][0]["results"] if r["ruleId"] == "MLS001"]
    source, output = results
    region = source["locations"][0]["physicalLocation"]["region"]
    line = raw[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == 'joblib.load(\\"model.pkl\\")  # mlsec: ignore'
    assert source["properties"]["cell"] == 3 and source["properties"]["output"] is None
    region = output["locations"][0]["physicalLocation"]["region"]
    assert raw[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1] == "# mlsec: ignore"
    assert output["properties"]["output"] == 0


def test_text_file_regions_end_at_the_line_end(checkout: Path) -> None:
    result = next(r for r in _sarif(checkout, sample_findings())["runs"][0]["results"] if r["ruleId"] == "MLS900")
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 2,
        "endLine": 4,
        "endColumn": 16,
    }


def test_regions_never_read_outside_the_root(tmp_path: Path) -> None:
    (tmp_path / "secret.py").write_text("x\n" * 10)
    root = tmp_path / "repo"
    root.mkdir()
    finding = make_finding(registry()["MLS900"], "../secret.py", "m", content_key="k", line=2)
    region = json.loads(render("sarif", [finding], [], context(root)))["runs"][0]["results"][0]["locations"][0]
    assert region["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}


def test_equal_fingerprints_get_distinct_line_hashes(tmp_path: Path) -> None:
    twice = [make_finding(registry()["MLS001"], "a.py", "m", content_key="same", line=n) for n in (1, 2)]
    hashes = [
        r["partialFingerprints"]["primaryLocationLineHash"]
        for r in json.loads(render("sarif", twice, [], context(tmp_path)))["runs"][0]["results"]
    ]
    assert len(set(hashes)) == 2 and all(h.endswith((":1", ":2")) for h in hashes)


def test_gitlab_code_quality_fields(checkout: Path) -> None:
    issues = json.loads(render("gitlab", sample_findings(), ERRORS, context(checkout)))
    assert len(issues) == 5
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert issues[1]["severity"] == "blocker" and issues[1]["check_name"] == "MLS101"


def test_secret_values_never_reach_a_report(tmp_path: Path) -> None:
    finding = make_finding(
        registry()["MLS001"], "a.py", "token of type hf (hash 1a2b3c)", content_key="hf_SECRETVALUE123"
    )
    for fmt in FORMATS:
        assert "SECRETVALUE" not in render(fmt, [finding], [], context(tmp_path))


def test_json_report_matches_its_published_schema(checkout: Path) -> None:
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "report.schema.json").read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.validate(json.loads(render("json", sample_findings(), ERRORS, context(checkout))))
    validator.validate(json.loads((GOLDEN / "report.json").read_text()))
