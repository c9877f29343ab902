"""`artifacts.require_gate_record`: a committed model needs a passing gate record for its
current content (MLS111); records for other content, failing records and broken records do not
count; files that are no model are left alone."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hooks.cli.entry_points import mlsec_artifacts

SAFE_PICKLE = b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00]\x94K\x01a."  # [1]


def _record(model: Path, *, sha: str | None = None, verdict: str = "pass") -> None:
    digest = sha or hashlib.sha256(model.read_bytes()).hexdigest()
    body = {"format": "mlsec-gate-record", "version": 1, "verdict": verdict, "model": {"sha256": digest}}
    model.with_name(model.name + ".gate.json").write_text(json.dumps(body))


@pytest.fixture
def model(repo: Path) -> Path:
    (repo / ".mlsec.yaml").write_text("artifacts:\n  require_gate_record: true\n")
    path = repo / "clf.pkl"
    path.write_bytes(SAFE_PICKLE)
    return path


def test_model_without_record_is_a_finding(model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mlsec_artifacts([model.name]) == 1
    assert "MLS111" in capsys.readouterr().out


def test_passing_record_for_this_content_is_clean(model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _record(model)
    assert mlsec_artifacts([model.name]) == 0
    assert "MLS111" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kind", "message"),
    [("stale", "other content"), ("fail", "verdict"), ("broken", "not readable"), ("foreign", "format")],
)
def test_records_that_do_not_vouch_for_this_content(
    model: Path, capsys: pytest.CaptureFixture[str], kind: str, message: str
) -> None:
    record = model.with_name(model.name + ".gate.json")
    if kind == "stale":
        _record(model, sha="0" * 64)
    elif kind == "fail":
        _record(model, verdict="fail")
    elif kind == "broken":
        record.write_text("{not json")
    else:
        record.write_text(json.dumps({"verdict": "pass", "model": {"sha256": hashlib.sha256(SAFE_PICKLE).hexdigest()}}))
    assert mlsec_artifacts([model.name]) == 1
    out = capsys.readouterr().out
    assert "MLS111" in out and message in out


def test_off_by_default_and_only_for_model_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "clf.pkl").write_bytes(SAFE_PICKLE)
    assert mlsec_artifacts(["clf.pkl"]) == 0  # no policy: not required
    (repo / ".mlsec.yaml").write_text("artifacts:\n  require_gate_record: true\n")
    (repo / "data.npz").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (repo / "clf.pkl.gate.json").write_text("{}")
    assert mlsec_artifacts(["data.npz", "clf.pkl.gate.json"]) == 0
    assert "MLS111" not in capsys.readouterr().out


def test_garbage_records_never_crash_the_hook(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from hooks._shared.gate_record import missing_pass

    model = tmp_path / "m.pkl"
    model.write_bytes(SAFE_PICKLE)

    @settings(max_examples=50, deadline=None)
    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def check(content: bytes) -> None:
        model.with_name("m.pkl.gate.json").write_bytes(content)
        assert missing_pass(model, "0" * 64) is not None

    check()
