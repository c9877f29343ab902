"""A file's blocking findings of one decision block once (hooks/_core/decisions.py)."""

from __future__ import annotations

from hooks._core.decisions import one_decision_per_file
from hooks._core.findings import Finding
from hooks._core.severity import Severity
from hooks.catalog import registry


def finding(
    rule_id: str, severity: str, line: int, *, path: str = "people.csv", message: str = "", cell: int | None = None
) -> Finding:
    text = message or f"column `c{line}`: 40 things, e.g. x***"
    return Finding(rule_id, Severity(severity), path, line, 1, text, f"{rule_id}{line:04d}{path}"[:24], cell=cell)


def test_the_most_severe_leads_names_the_others_and_they_point_at_it() -> None:
    findings = [finding("MLS602", "medium", 2), finding("MLS605", "high", 3), finding("MLS608", "medium", 2)]
    shown = one_decision_per_file(findings, registry(), "default")
    assert [(f.rule_id, f.severity.value) for f in shown] == [("MLS602", "low"), ("MLS605", "high"), ("MLS608", "low")]
    lead = shown[1]
    assert lead.message == (
        "column `c3`: 40 things, e.g. x*** [the file's personal data blocks once, here; also: "
        "column `c2`: 40 things (MLS602 at line 2); column `c2`: 40 things (MLS608 at line 2)]"
    )
    for other in (shown[0], shown[2]):
        assert other.message.endswith(" [the file's personal data blocks once, on MLS605 at line 3]")
    assert [f.fingerprint for f in shown] == [f.fingerprint for f in findings]  # baselines keep matching


def test_among_equals_the_first_in_report_order_leads_and_long_lists_are_counted() -> None:
    findings = [finding("MLS603", "medium", line) for line in (9, 3, 7, 8, 6, 5, 4)]
    shown = one_decision_per_file(findings, registry(), "default")
    assert [f.line for f in shown if f.severity == Severity.MEDIUM] == [3]
    lead = next(f for f in shown if f.severity == Severity.MEDIUM)
    assert lead.message.endswith("(MLS603 at line 8); and 1 more]") and lead.message.count("(MLS603 at") == 5
    assert [f.line for f in shown] == [9, 3, 7, 8, 6, 5, 4]  # the report keeps its order


def test_each_file_is_its_own_decision_and_other_rules_are_their_own() -> None:
    findings = [
        finding("MLS602", "medium", 2, path="a.csv"),
        finding("MLS602", "medium", 2, path="b.csv"),
        finding("MLS601", "medium", 1, path="a.csv", message="12.0 MiB data file"),  # size: another decision
        finding("MLS611", "high", 5, path="a.csv", message="1 credential (hash 3f2a9c1b)"),
        finding("B608", "medium", 4, path="a.csv"),  # a passthrough id is never looked up
    ]
    assert one_decision_per_file(findings, registry(), "default") == findings


def test_low_findings_are_not_counted_and_strict_changes_nothing() -> None:
    lows = [finding("MLS602", "low", 2), finding("MLS609", "low", 3), finding("MLS610", "medium", 4)]
    assert one_decision_per_file(lows, registry(), "default") == lows
    many = [finding("MLS602", "medium", 2), finding("MLS605", "high", 3)]
    assert one_decision_per_file(many, registry(), "strict") == many


def test_a_notebook_is_one_file_and_the_pointer_names_cell_and_output() -> None:
    text = "table column `email`: 24"
    first = Finding("MLS602", Severity.MEDIUM, "eda.ipynb", 3, 1, text, "f" * 24, cell=2, output=0)
    second = Finding("MLS602", Severity.MEDIUM, "eda.ipynb", 3, 1, text, "e" * 24, cell=5, output=1)
    shown = one_decision_per_file([second, first], registry(), "default")
    assert [f.severity.value for f in shown] == ["low", "medium"]
    assert shown[0].message.endswith("blocks once, on MLS602 at cell 2, output 0, line 3]")


def test_the_lead_names_others_by_a_bounded_gist() -> None:
    long_name = "column `" + "a" * 500 + "`: 40 email addresses, e.g. x***"
    findings = [finding("MLS605", "high", 2), finding("MLS602", "medium", 3, message=long_name)]
    lead = one_decision_per_file(findings, registry(), "default")[0]
    also = lead.message.split("also: ", 1)[1]
    assert len(also) < 150 and also.endswith("… (MLS602 at line 3)]")


def test_a_validated_value_leads_a_column_named_like_personal_data() -> None:
    named = finding("MLS610", "medium", 1, message="column `passport` holds passport data (values have no validator)")
    findings = [named, finding("MLS602", "medium", 2)]
    shown = one_decision_per_file(findings, registry(), "default")
    assert [(f.rule_id, f.severity.value) for f in shown] == [("MLS610", "low"), ("MLS602", "medium")]
