"""The labellers' parts cover the sample, and their labels merge back under the split."""

from __future__ import annotations

import json
from pathlib import Path

from bench.realrepos.for_labellers import merge, split


def _sample(folder: Path, count: int) -> None:
    records = [
        {"repo": "r", "fingerprint": f"f{i}", "rule_id": "B608", "path": "a.py", "line": i} for i in range(count)
    ]
    (folder / "to_label_blindx.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (folder / "to_label_blindx.txt").write_text("".join(f"#{i} [r] a.py:{i} B608\n  > line\n\n" for i in range(count)))


def test_parts_cover_the_sample_once_and_d_samples_every_fourth(tmp_path: Path) -> None:
    _sample(tmp_path, 10)
    sizes = split("blindx", tmp_path, tmp_path / "out")
    assert sizes == {"A": 3, "B": 3, "C": 4, "D": 3}
    firsts = [json.loads(line)["fingerprint"] for line in (tmp_path / "out/todo_D.jsonl").read_text().splitlines()]
    assert firsts == ["f0", "f4", "f8"]
    assert "#4 [r]" in (tmp_path / "out/todo_B.txt").read_text()
    assert "### Definitions" in (tmp_path / "out/RULES.md").read_text()


def test_merge_appends_under_the_split_and_counts_agreement(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for part, label in (("A", "true"), ("B", "noise"), ("C", "false")):
        entry = {"repo": "r", "fingerprint": f"f{part}", "rule_id": "B608", "label": label, "reason": "why"}
        (out / f"labels_{part}.jsonl").write_text(json.dumps(entry) + "\n")
    (out / "labels_D.jsonl").write_text(json.dumps({"repo": "r", "fingerprint": "fA", "label": "noise"}) + "\n")
    labels = tmp_path / "labels.jsonl"
    counts, agreeing, compared = merge("blindx", out, labels)
    assert dict(counts) == {"true": 1, "noise": 1, "false": 1}
    assert (agreeing, compared) == (0, 1)
    written = [json.loads(line) for line in labels.read_text().splitlines()]
    assert {w["split"] for w in written} == {"blindx"} and written[0]["label"] == "true"
