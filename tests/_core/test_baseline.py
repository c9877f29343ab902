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
