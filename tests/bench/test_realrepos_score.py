"""The real-repository scorer: its join (fingerprint first, location second), per-rule estimate,
lost true findings and found misses, on a tiny synthetic run and labels file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.realrepos.sample import draw
from bench.realrepos.score import format_score, load_jsonl, score_split


def finding(
    rule: str, line: int, fp: str, severity: str = "medium", path: str = "a.py", cell: int | None = None
) -> dict:
    return {"rule_id": rule, "severity": severity, "path": path, "line": line, "cell": cell, "fingerprint": fp}


def label(rule: str, line: int, fp: str, verdict: str, path: str = "a.py", cell: int | None = None) -> dict:
    return {
        "repo": "r1",
        "path": path,
        "rule_id": rule,
        "line": line,
        "cell": cell,
        "fingerprint": fp,
        "label": verdict,
        "reason": "test",
    }


@pytest.fixture
def labels() -> list[dict]:
    return [
        label("B113", 1, "fp1", "true"),
        label("B113", 2, "fp2", "noise"),
        # The fingerprint changed since labelling: the location still joins it.
        label("B113", 3, "old-fp3", "noise"),
        label("B113", 4, "fp4", "noise"),
        label("MLS201", 9, "fp9", "true", path="nb.ipynb", cell=2),
        label("MLS301", 7, "fp7", "true"),
        label("MLS302", 8, "fp8", "true"),
        # Another repository's label never joins this one's findings.
        {**label("B113", 5, "fp5", "true"), "repo": "r2"},
    ]


def test_join_estimate_lost_and_misses(labels: list[dict]) -> None:
    findings = [
        finding("B113", 1, "fp1"),
        finding("B113", 2, "fp2"),
        finding("B113", 3, "new-fp3"),
        finding("B113", 4, "fp4"),
        # Unlabelled findings of a labelled rule: estimated at the rule's labelled rate (1 of 4).
        *[finding("B113", 10 + i, f"x{i}") for i in range(4)],
        finding("MLS201", 9, "fp9", severity="high", path="nb.ipynb", cell=2),
        # A rule with no labels: counted apart.
        finding("B999", 1, "fp-b999"),
        # Reported low now: a true finding demoted below the failing severity.
        finding("MLS301", 7, "fp7", severity="low"),
        # MLS302's true finding is gone: lost.
        # The miss is now reported at its place.
        finding("MLS305", 12, "fp-miss", severity="high", path="nb.ipynb", cell=3),
        finding("MLS305", 40, "fp-nomatch", severity="low", path="nb.ipynb", cell=4),
    ]
    misses = [
        {"repo": "r1", "path": "nb.ipynb", "rule_id": "MLS305", "line": 12, "cell": 3},
        {"repo": "r1", "path": "nb.ipynb", "rule_id": "new", "line": 40, "cell": 4},
        {"repo": "r2", "path": "x.py", "rule_id": "new", "line": 1, "cell": None},
    ]
    score = score_split([{"repo": "r1", "findings": findings}], labels, misses)
    b113 = score.rules["B113"]
    assert b113.blocking == 8
    assert dict(b113.labelled) == {"true": 1, "noise": 3}
    assert b113.estimated_true == pytest.approx(2.0)
    assert score.rules["MLS201"].estimated_true == pytest.approx(1.0)
    assert score.rules["B999"].true_rate is None
    assert "MLS301" not in score.rules
    assert score.blocking == 11
    assert score.unlabelled_blocking == 2  # B999 and the miss's MLS305
    assert score.estimated_true == pytest.approx(3.0)
    assert [lab["rule_id"] for lab in score.lost_true] == ["MLS302"]
    assert [lab["rule_id"] for lab in score.demoted_true] == ["MLS301"]
    assert len(score.misses) == 2
    assert [m["line"] for m in score.misses_found] == [12]
    assert score.repo_estimate("r1") == (11, pytest.approx(3.0), 2)
    text = "\n".join(format_score("tune", score))
    assert "true findings lost: 1 no longer reported, 1 reported below the failing severity" in text
    assert "misses now found: 1 of 2" in text


def test_draw_takes_all_secrets_and_a_fixed_sample_of_the_rest() -> None:
    findings = [("r1", finding("B113", i, f"b{i}")) for i in range(40)]
    findings += [("r1", finding("MLS203", i, f"s{i}", severity="high")) for i in range(30)]
    findings += [("r1", finding("B108", 1, "dup")), ("r1", finding("B108", 1, "dup"))]
    findings += [("r1", finding("B101", 1, "low", severity="low"))]
    first = draw(findings, per_rule=25, seed=1)
    again = draw(list(reversed(findings)), per_rule=25, seed=1)
    rules = [f["rule_id"] for _, f in first]
    assert rules.count("B113") == 25
    assert rules.count("MLS203") == 30
    assert rules.count("B108") == 1
    assert "B101" not in rules
    assert [f["fingerprint"] for _, f in first] == [f["fingerprint"] for _, f in again]


def test_load_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"a": 1}) + "\n\n" + json.dumps({"a": 2}) + "\n")
    assert load_jsonl(path) == [{"a": 1}, {"a": 2}]
    assert load_jsonl(tmp_path / "missing.jsonl") == []


def test_a_run_records_its_environment_and_the_labels_it_scores_with(tmp_path: Path) -> None:
    import sys

    from bench.realrepos.environment import environment_record, write_environment

    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(label("B102", 3, "f1", "true")) + "\n")
    record = environment_record(Path(__file__).resolve().parents[2], Path(sys.executable).parent, labels)
    assert record["python"] == sys.version.split()[0]
    assert record["labels_sha256"] and len(str(record["labels_sha256"])) == 64
    assert isinstance(record["packages"], list)
    written = json.loads(write_environment(tmp_path, record).read_text())
    assert written["labels"] == str(labels)
    # another labels file is told apart by its digest
    labels.write_text(json.dumps(label("B102", 3, "f1", "noise")) + "\n")
    assert environment_record(tmp_path, tmp_path, labels)["labels_sha256"] != record["labels_sha256"]
    assert environment_record(tmp_path, tmp_path, labels)["packages"] == []
