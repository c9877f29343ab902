"""Per-hook before/after tables of the real-repository benchmark, on tiny synthetic runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.realrepos.by_hook import (
    format_hooks,
    hook_table,
    hooks_of,
    lost_true,
    main,
    noise_families,
    stratified_true,
)


def finding(rule: str, line: int, fp: str, scanner: str, severity: str = "medium") -> dict[str, Any]:
    return {
        "rule_id": rule,
        "severity": severity,
        "path": "a.py",
        "line": line,
        "cell": None,
        "fingerprint": fp,
        "scanner": scanner,
    }


def label(repo: str, rule: str, line: int, fp: str, verdict: str, reason: str = "test") -> dict[str, Any]:
    return {
        "repo": repo,
        "path": "a.py",
        "rule_id": rule,
        "line": line,
        "cell": None,
        "fingerprint": fp,
        "label": verdict,
        "reason": reason,
    }


LABELS = [
    label("tgi", "B113", 1, "b1", "true"),
    label("tgi", "B113", 2, "b2", "noise", "requests without timeout"),
    label("tgi", "MLS201", 3, "s3", "true"),
    label("tgi", "MLS201", 4, "s4", "false", "a name, not a value"),
    label("tgi", "MLS201", 5, "s5", "false", "a name, not a value"),
]

BEFORE = {
    "repo": "tgi",
    "split": "tune",
    "findings": [
        finding("B113", 1, "b1", "code"),
        finding("B113", 2, "b2", "code"),
        finding("MLS201", 3, "s3", "secrets", "high"),
        finding("MLS201", 4, "s4", "secrets", "high"),
        finding("MLS201", 5, "s5", "secrets", "high"),
    ],
}

AFTER = {
    "repo": "tgi",
    "split": "tune",
    "findings": [
        finding("B113", 1, "b1", "code"),
        finding("B113", 2, "b2", "code"),
        finding("B113", 9, "b9", "code"),
        # The true secret is now low (demoted: lost), the false ones are gone.
        finding("MLS201", 3, "s3", "secrets", "low"),
        # A new rule nobody labelled yet.
        finding("MLS999", 1, "n1", "secrets"),
    ],
}


def test_before_after_per_hook() -> None:
    hook_of = hooks_of([BEFORE, AFTER])
    lost = lost_true([BEFORE], [AFTER], LABELS)
    assert [lab["fingerprint"] for lab in lost] == ["s3"]
    before = hook_table([BEFORE], LABELS, hook_of)
    after = hook_table([AFTER], LABELS, hook_of, lost)
    assert before["secrets"].blocking == 3
    assert before["secrets"].estimated_true == pytest.approx(1.0)
    assert before["TOTAL"].estimated_true == pytest.approx(2.0)
    assert before["TOTAL"].lost == 0
    # B113: 1 of 2 labelled true, 3 blocking -> 1.5 estimated true.
    assert after["code"].estimated_true == pytest.approx(1.5)
    assert after["code"].labelled_total == 2
    assert after["secrets"].blocking == 1
    assert after["secrets"].no_label == 1
    assert after["secrets"].lost == 1
    assert after["code"].lost == 0
    assert after["TOTAL"].share == pytest.approx(1.5 / 4)
    lines = format_hooks("tune", before, after)
    assert lines[2].split()[0] == "secrets"  # hooks in their fixed order: secrets before code
    assert lines[-1].split()[0] == "TOTAL"
    assert lines[-1].split()[-1] == "1"  # one labelled true finding lost


def test_a_label_for_a_finding_only_the_after_run_reports_is_not_lost_by_the_before_run() -> None:
    newer = [*LABELS, label("tgi", "B113", 9, "b9", "true")]
    # b9 is blocking only in AFTER: AFTER -> BEFORE loses it, BEFORE -> AFTER does not.
    assert [lab["fingerprint"] for lab in lost_true([BEFORE], [AFTER], newer)] == ["s3"]
    assert [lab["fingerprint"] for lab in lost_true([AFTER], [BEFORE], newer)] == ["b9"]


def test_noise_families_rank_not_true_with_reason() -> None:
    hook_of = hooks_of([BEFORE])
    families = noise_families([BEFORE], LABELS, hook_of, top=1)
    ((rule, blocking, not_true, reason),) = families["secrets"]
    assert (rule, blocking, reason) == ("MLS201", 3, "a name, not a value")
    assert not_true == pytest.approx(2.0)
    assert families["code"][0][:2] == ("B113", 2)
    assert families["code"][0][3] == "requests without timeout"
    # A rule whose labels are all true is no noise family.
    only_true = [label("tgi", "B113", 2, "b2", "true"), *LABELS[2:]]
    assert "code" not in noise_families([BEFORE], only_true, hook_of, top=1)


def test_main_reads_run_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, run in (("before", BEFORE), ("after", AFTER)):
        folder = tmp_path / name / "realrepos"
        folder.mkdir(parents=True)
        (folder / "tgi.json").write_text(json.dumps(run))
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(lab) + "\n" for lab in LABELS))
    assert main([str(tmp_path / "before"), str(tmp_path / "after"), "--labels", str(labels), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "== tune: per hook" in out
    assert "== heldout: per hook" in out
    total = next(line for line in out.splitlines() if line.startswith("TOTAL"))
    assert total.split()[1:3] == ["5", "2"]  # before: 5 blocking, 2 estimated true
    assert "MLS999" in out and "(no label)" in out
    assert "labelled true findings blocking before and not after: 1" in out
    assert "MLS201 tgi: a.py:3 (test)" in out
    # After: 3 B113 + 1 MLS999 blocking; leaving MLS999 out of both runs leaves 3.
    assert total.split()[5] == "4"
    args = [str(tmp_path / "before"), str(tmp_path / "after"), "--labels", str(labels), "--top", "2"]
    assert main([*args, "--skip-rule", "MLS999"]) == 0
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("TOTAL"))
    assert total.split()[5] == "3"
    assert "MLS999" not in out


def test_stratified_estimate_keeps_the_rates_of_kept_and_removed_findings_apart() -> None:
    # Before: 4 B113; the change keeps k1, k2 (labelled true) and removes r1, r2 (r1 labelled noise).
    before = {
        "repo": "tgi",
        "split": "tune",
        "findings": [finding("B113", i, fp, "code") for i, fp in enumerate(["k1", "k2", "r1", "r2"])],
    }
    after = {
        "repo": "tgi",
        "split": "tune",
        "findings": [finding("B113", i, fp, "code") for i, fp in enumerate(["k1", "k2"])],
    }
    labels = [
        label("tgi", "B113", 0, "k1", "true"),
        label("tgi", "B113", 1, "k2", "true"),
        label("tgi", "B113", 2, "r1", "noise"),
    ]
    hook_of = hooks_of([before])
    # One rate for the rule (2 of 3) would say 2.67 of the 4 before were true.
    assert hook_table([before], labels, hook_of)["TOTAL"].estimated_true == pytest.approx(8 / 3)
    assert stratified_true([before], [after], labels, hook_of)["TOTAL"] == pytest.approx(2.0)
    assert stratified_true([after], [before], labels, hook_of)["code"] == pytest.approx(2.0)
    # A part without labels borrows the other part's rate: r2 alone removed and unlabelled.
    only_kept = labels[:2]
    assert stratified_true([before], [after], only_kept, hook_of)["TOTAL"] == pytest.approx(4.0)
