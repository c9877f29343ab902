from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks._core.baseline import load_baseline, render_baseline
from hooks._core.errors import UsageError
from hooks._core.findings import make_finding
from hooks.catalog import registry


def _finding(line: int, content: str = "x = pickle.load(f)", path: str = "a.py") -> object:
    return make_finding(registry()["MLS101"], path, "msg", content_key=content, line=line)


def test_fingerprint_ignores_line_numbers() -> None:
    assert _finding(3).fingerprint == _finding(90).fingerprint  # type: ignore[attr-defined]
    assert _finding(3).fingerprint != _finding(3, "other").fingerprint  # type: ignore[attr-defined]
    assert _finding(3).fingerprint != _finding(3, path="b.py").fingerprint  # type: ignore[attr-defined]


def test_baseline_is_sorted_stable_and_timestamp_free(tmp_path: Path) -> None:
    findings = [_finding(5, "b", "z.py"), _finding(1, "a"), _finding(2, "a")]
    text = render_baseline(findings)  # type: ignore[arg-type]
    assert text == render_baseline(list(reversed(findings)))  # type: ignore[arg-type]
    document = json.loads(text)
    assert [e["path"] for e in document["findings"]] == ["a.py", "z.py"]
    assert document["findings"][0]["count"] == 2
    assert "time" not in text and "line" not in text


def test_baseline_counts_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(render_baseline([_finding(1)]))  # type: ignore[list-item]
    kept, covered = load_baseline(path).split([_finding(1), _finding(7)])  # type: ignore[list-item]
    assert covered == 1 and len(kept) == 1


@pytest.mark.parametrize("content", ["not json", '{"version": 99}', '{"version": 1, "findings": [3]}'])
def test_bad_baseline_is_a_usage_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(UsageError, match="mlsec baseline"):
        load_baseline(path)


def _v1_baseline(path: Path, fingerprint: str) -> None:
    path.write_text(json.dumps({"version": 1, "findings": [{"fingerprint": fingerprint, "count": 1}]}))


def test_a_baseline_written_before_whitespace_was_dropped_still_covers_its_findings(tmp_path: Path) -> None:
    import hashlib

    spaced = "x = pickle.load(f)"
    old = hashlib.sha256(f"MLS101\0a.py\0{spaced}".encode()).hexdigest()[:24]  # the 0.1 scheme
    finding = _finding(1, spaced)
    assert finding.fingerprint != old  # type: ignore[attr-defined]
    path = tmp_path / "b.json"
    _v1_baseline(path, old)
    kept, covered = load_baseline(path).split([finding, _finding(2, "y = pickle.load(f)")])  # type: ignore[list-item]
    assert covered == 1 and len(kept) == 1  # the other content is not covered by the old entry


def test_updating_carries_an_old_entry_over_instead_of_calling_it_stale(tmp_path: Path) -> None:
    import hashlib

    from hooks._core.baseline import update_baseline

    spaced = "x = pickle.load(f)"
    old = hashlib.sha256(f"MLS101\0a.py\0{spaced}".encode()).hexdigest()[:24]
    path = tmp_path / "b.json"
    _v1_baseline(path, old)
    previous = load_baseline(path).entries
    previous = tuple(e.__class__(**{**e.__dict__, "reason": "reviewed", "path": "a.py"}) for e in previous)
    finding = _finding(1, spaced)
    update = update_baseline(previous, [finding], {"a.py"}, reason=None, prune=False)  # type: ignore[list-item]
    assert update.stale == [] and update.added == []
    assert [(e.fingerprint, e.reason) for e in update.entries] == [(finding.fingerprint, "reviewed")]  # type: ignore[attr-defined]
