"""A file's personal data blocks once: the most severe finding carries the decision and names the
others, which stay reported, low, pointing at it (hooks/data/decision.py)."""

from __future__ import annotations

import json
from pathlib import Path

from hooks._core.findings import Finding, Severity, make_finding
from hooks._core.policy import Policy
from hooks.data import rules
from hooks.data.decision import PERSONAL_DATA_RULES, one_decision_per_file
from tests.data_hook.helpers import card, policy, scan

BLOCKING = ("medium", "high", "critical")


def _people(rows: int) -> str:
    lines = ["id,first_name,email,card,dob"]
    for i in range(rows):
        birth = f"19{60 + i % 30}-0{1 + i % 9}-1{i % 10}"
        lines.append(f"{i},Person{i},person.{i}@gmail.com,{card('4539', seed=i)},{birth}")
    return "\n".join(lines) + "\n"


def _blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity.value in BLOCKING]


def test_a_table_of_people_blocks_once_on_its_most_severe_column_and_names_the_others(tmp_path: Path) -> None:
    findings = scan(tmp_path, "customers.csv", _people(40))
    blocking = _blocking(findings)
    assert [f.rule_id for f in blocking] == [rules.CARDS_IN_DATA.rule_id]  # high leads the two mediums
    lead = blocking[0]
    assert "it also holds: column `email`: 40 email addresses (MLS602)" in lead.message
    assert "column `dob`: 40 dates of birth (MLS608)" in lead.message
    assert "e.g." in lead.message.split("[", 1)[0]  # its own redacted example, not the others'
    lowered = [f for f in findings if f.rule_id in (rules.EMAILS_IN_DATA.rule_id, rules.BIRTH_DATES_IN_DATA.rule_id)]
    assert len(lowered) == 2
    for finding in lowered:
        assert finding.severity == Severity.LOW
        assert finding.message.endswith(f"[the file's personal data blocks once, on MLS605 at line {lead.line}]")
    for finding in findings:
        assert "person.1@gmail.com" not in finding.message and card("4539", seed=1) not in finding.message


def test_strict_profile_blocks_every_column(tmp_path: Path) -> None:
    strict = Policy(root=tmp_path, profile="strict")
    blocking = _blocking(scan(tmp_path, "customers.csv", _people(40), strict))
    assert sorted(f.rule_id for f in blocking) == ["MLS602", "MLS605", "MLS608"]
    assert not any("blocks once" in f.message for f in blocking)


def test_each_file_is_its_own_decision(tmp_path: Path) -> None:
    first = _blocking(scan(tmp_path, "a/customers.csv", _people(40)))
    second = _blocking(scan(tmp_path, "b/customers.csv", _people(40)))
    assert len(first) == 1 and len(second) == 1


def test_a_single_blocking_column_is_left_as_it_is(tmp_path: Path) -> None:
    emails = "id,email\n" + "".join(f"{i},person.{i}@gmail.com\n" for i in range(40))
    findings = scan(tmp_path, "emails.csv", emails)
    assert [(f.rule_id, f.severity.value) for f in findings] == [("MLS602", "medium")]
    assert "blocks once" not in findings[0].message


def test_size_is_another_decision_and_keeps_blocking(tmp_path: Path) -> None:
    big = _people(40) + "".join(f"{i},x,,,\n" for i in range(40, 40_000))
    findings = scan(tmp_path, "big.csv", big, policy(tmp_path, max_file_mb=0.1))
    assert sorted(f.rule_id for f in _blocking(findings)) == [rules.DATA_FILE_TOO_LARGE.rule_id, "MLS605"]


def test_a_notebook_showing_people_in_two_outputs_blocks_once_at_the_first(tmp_path: Path) -> None:
    def stream(start: int) -> dict[str, object]:
        rows = "".join(f"{i:>3}  person.{i}@gmail.com  (415) 867-{5300 + i}\n" for i in range(start, start + 12))
        return {"output_type": "stream", "name": "stdout", "text": "     email                phone\n" + rows}

    cells = [
        {"cell_type": "code", "metadata": {}, "source": "print(df)", "execution_count": n, "outputs": [stream(start)]}
        for n, start in ((1, 0), (2, 12))
    ]
    notebook = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})
    findings = scan(tmp_path, "eda.ipynb", notebook)
    assert len(findings) == 4
    blocking = _blocking(findings)
    # cells count from 1
    assert [(f.rule_id, f.cell, f.output) for f in blocking] == [(rules.EMAILS_IN_DATA.rule_id, 1, 0)]
    pointer = f"blocks once, on MLS602 at cell 1, output 0, line {blocking[0].line}]"
    assert all(f.message.endswith(pointer) for f in findings if f is not blocking[0])


def _finding(rule: str, severity: str, line: int, message: str = "column `c`: 30 things, e.g. x***") -> Finding:
    known = (*rules.RULE_FOR_KIND.values(), rules.PERSONAL_DATA_COLUMN, rules.DATA_FILE_TOO_LARGE)
    book_rule = next(r for r in known if r.rule_id == rule)
    key = f"{rule}:{line}"
    return make_finding(book_rule, "f.csv", message, content_key=key, line=line, severity=Severity(severity))


def test_equal_severities_lead_in_report_order_and_long_lists_are_counted() -> None:
    findings = [_finding("MLS603", "medium", line) for line in (9, 3, 7, 8, 6, 5, 4)]
    grouped = one_decision_per_file(findings)
    lead = [f for f in grouped if f.severity == Severity.MEDIUM]
    assert [f.line for f in lead] == [3]
    assert lead[0].message.endswith("(MLS603); and 1 more]")
    assert lead[0].message.count("(MLS603)") == 5
    assert [f.line for f in grouped] == [9, 3, 7, 8, 6, 5, 4]  # order and fingerprints kept
    assert [f.fingerprint for f in grouped] == [f.fingerprint for f in findings]


def test_low_findings_and_other_families_are_not_counted_or_changed() -> None:
    findings = [
        _finding("MLS602", "low", 2),
        _finding("MLS609", "low", 3),
        _finding("MLS601", "medium", 1, "12.0 MiB data file"),
        _finding("MLS610", "medium", 4, "column `email` holds email data (values not read)"),
    ]
    assert one_decision_per_file(findings) == findings
    assert {"MLS602", "MLS603", "MLS604", "MLS605", "MLS606", "MLS607", "MLS608", "MLS609", "MLS610"} == set(
        PERSONAL_DATA_RULES
    )
