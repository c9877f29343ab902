"""A shelve's `.dat` over dbm.dumb is read at the records its `.dir` index names (dbm_shelve.py).

The shelves are written by dbm.dumb itself (values are bytes the test builds; nothing is loaded)."""

from __future__ import annotations

import dbm.dumb
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.artifacts.dbm_shelve import shelve_records, uncovered
from hooks.artifacts.spec import SPEC
from tests.artifacts.helpers import malicious_pickle
from tests.pickle_asm import call
from tests.scanning import findings_of


def _shelve(directory: Path, values: list[tuple[bytes, bytes]], name: str = "cache.shelve") -> Path:
    """dbm.dumb's own files for these (key, value) writes, in order (a key written twice moves
    when its new value needs more blocks, leaving the old bytes behind)."""
    with dbm.dumb.open(str(directory / name), "c") as database:
        for key, value in values:
            database[key] = value
    return directory / f"{name}.dat"


def _scan(path: Path) -> list[Finding]:
    return findings_of(SPEC, path, path.name, Policy(root=path.parent))


def _blocking(findings: list[Finding]) -> list[tuple[str, Severity]]:
    return [(f.rule_id, f.severity) for f in findings if f.severity.rank >= Severity.MEDIUM.rank]


def _unlisted_class(index: int) -> bytes:
    """A pickle that builds an instance of a class no allowlist names (NEWOBJ, then state)."""
    return call("recorder.types", f"Record{index}", protocol=2)


def test_a_shelve_of_plain_values_is_read_record_by_record_without_a_finding(tmp_path: Path) -> None:
    data = _shelve(tmp_path, [(b"a", pickle.dumps({"x": 1}, 4)), (b"b", pickle.dumps([1.5, "t"] * 90, 4))])
    assert _scan(data) == []


def test_a_payload_in_a_later_record_is_found_where_it_is(tmp_path: Path) -> None:
    """Read as one pickle the file showed only "data after STOP"; the record that runs a
    command is what shelve unpickles for its key."""
    data = _shelve(tmp_path, [(b"a", pickle.dumps({"x": 1}, 4)), (b"b", malicious_pickle(tmp_path / "canary"))])
    findings = _scan(data)
    assert ("MLS101", Severity.CRITICAL) in _blocking(findings)
    assert any("shelve record@" in f.message for f in findings if f.rule_id == "MLS101")
    assert not (tmp_path / "canary").exists()


def test_values_written_over_are_stale_bytes_reported_low(tmp_path: Path) -> None:
    data = _shelve(
        tmp_path,
        [(b"a", pickle.dumps("first" * 20, 4)), (b"b", pickle.dumps(2, 4)), (b"a", pickle.dumps("longer" * 200, 4))],
    )
    findings = _scan(data)
    assert _blocking(findings) == []
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS105", Severity.LOW)]
    assert "dbm.dumb never reads" in findings[0].message


def test_records_of_classes_off_the_allowlist_are_one_finding(tmp_path: Path) -> None:
    data = _shelve(tmp_path, [(f"k{i}".encode(), _unlisted_class(i)) for i in range(6)])
    findings = [f for f in _scan(data) if f.rule_id == "MLS102"]
    assert len(findings) == 1 and findings[0].severity is Severity.HIGH
    assert "and 5 more records" in findings[0].message


def test_a_data_file_its_index_does_not_describe_is_read_as_one_pickle(tmp_path: Path) -> None:
    """Fail closed: without an index dbm.dumb would open for this file, the bytes after the first
    STOP are what any other loader might read."""
    values = [(b"a", pickle.dumps(1, 4)), (b"b", pickle.dumps(2, 4))]
    cases = {
        "missing": None,
        "not_python": "a = 0, 14\n",
        "empty_line": "'a', (0, 14)\n\n'b', (512, 14)\n",
    }
    for stem, index in cases.items():
        data = _shelve(tmp_path, values, name=stem)
        if index is None:
            (tmp_path / f"{stem}.dir").unlink()
        else:
            (tmp_path / f"{stem}.dir").write_text(index)
        assert ("MLS105", Severity.HIGH) in _blocking(_scan(data)), stem


def test_an_old_value_left_at_byte_zero_is_read_as_pickle_load_reads_the_file(tmp_path: Path) -> None:
    """The first key written over with a longer value moves; its old bytes stay at 0, where
    pickle.load on the data file starts, so they are judged as that pickle."""
    benign = _shelve(tmp_path, [(b"a", pickle.dumps(1, 4)), (b"a", pickle.dumps("x" * 900, 4))], name="benign")
    assert _blocking(_scan(benign)) == []
    hostile = _shelve(
        tmp_path, [(b"a", malicious_pickle(tmp_path / "canary")), (b"a", pickle.dumps("x" * 900, 4))], name="hostile"
    )
    findings = _scan(hostile)
    assert any(f.rule_id == "MLS101" and "from byte 0" in f.message for f in findings)
    assert not (tmp_path / "canary").exists()


def _hand_made(directory: Path, stem: str, data: bytes, index: str) -> Path:
    (directory / f"{stem}.dir").write_text(index, encoding="latin-1", newline="")
    path = directory / f"{stem}.dat"
    path.write_bytes(data)
    return path


def test_every_spelling_literal_eval_accepts_names_a_record(tmp_path: Path) -> None:
    """dbm.dumb reads each index line with ast.literal_eval: hex, underscores, a bool, a list for
    the pair, a comment, CR line ends all name the same record, and it is read there."""
    payload = malicious_pickle(tmp_path / "canary")
    data = pickle.dumps(1, 4) + bytes(512 - 5) + payload
    spellings = {
        "hex": "'a', (0, 5)\n'b', (0x200, %d)\n",
        "underscore": "'a', (0, 5)\n'b', (5_12, %d)\n",
        "list": "('a', [0, 5])\n'b', [512, %d]  # a comment\n",
        "cr": "'a', (0, 5)\r'b', (512, %d)\r",
        "to_the_end": "'a', (0, 5)\n'b', (512, -1)%.0s\n",
        "past_the_end": "'a', (0, 5)\n'b', (512, 9000%.0s)\n",
        "form_feed_in_key": "'a\x0c', (0, 5)\n'b', (512, %d)\n",
    }
    for stem, index in spellings.items():
        path = _hand_made(tmp_path, stem, data, index % len(payload) if "%d" in index else index % "")
        assert shelve_records(path, len(data)) == [(0, 5), (512, len(payload))], stem
        assert any(f.rule_id == "MLS101" and "shelve record@" in f.message for f in _scan(path)), stem
    bool_offset = _hand_made(tmp_path, "bool", b"\0" + payload, f"'b', (True, {len(payload)})\n")
    assert shelve_records(bool_offset, len(payload) + 1) == [(1, len(payload))]  # True is byte 1
    assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(bool_offset))
    assert not (tmp_path / "canary").exists()


def test_what_other_loaders_read_outside_the_records_is_still_judged(tmp_path: Path) -> None:
    """pickle.load on the data file reads byte 0 (an empty record there names nothing), and a loop
    of pickle.load reads on into a stream that starts right after a record with no padding."""
    payload = malicious_pickle(tmp_path / "canary")
    benign = pickle.dumps({"x": 1}, 4)
    at_zero = _hand_made(tmp_path, "zero", payload + bytes(600), "'a', (0, 0)\n'b', (512, 5)\n")
    assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(at_zero))
    glued = _hand_made(tmp_path, "glued", benign + payload, f"'a', (0, {len(benign)})\n")
    findings = _scan(glued)
    assert ("MLS101", Severity.CRITICAL) in _blocking(findings)
    assert any(f.rule_id == "MLS105" and "loop of pickle.load" in f.message for f in findings)
    padded = _hand_made(tmp_path, "padded", benign + bytes(512 - len(benign)), f"'a', (0, {len(benign)})\n")
    assert _blocking(_scan(padded)) == []  # NUL padding after a record: pickle.load stops there
    assert not (tmp_path / "canary").exists()


def test_a_loop_of_pickle_load_is_followed_past_clean_streams_and_frames(tmp_path: Path) -> None:
    """A loop reads stream after stream: a clean stream glued between a record and a payload does
    not hide it, and the pure-Python unpickler goes on at the end of a record's frame (past the
    bytes a FRAME declares beyond its STOP)."""
    payload = malicious_pickle(tmp_path / "canary")
    benign = pickle.dumps({"x": 1}, 2)
    chained = _hand_made(tmp_path, "chained", benign + b"N." + payload, f"'a', (0, {len(benign)})\n")
    assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(chained))
    body = b"K\x01."  # BININT1 1, STOP: the record's stream
    filler = bytes(20)
    framed = b"\x80\x04\x95" + (len(body) + len(filler)).to_bytes(8, "little") + body + filler
    frame_end = _hand_made(tmp_path, "frame", framed + payload, f"'a', (0, {11 + len(body)})\n")
    findings = _scan(frame_end)
    assert ("MLS101", Severity.CRITICAL) in _blocking(findings)
    assert any(f.rule_id == "MLS105" and "end of its frame" in f.message for f in findings)
    assert not (tmp_path / "canary").exists()


def test_a_pair_of_any_literal_dbm_dumb_unpacks_and_a_line_it_cannot_read_are_taken_as_it_takes_them(
    tmp_path: Path,
) -> None:
    payload = malicious_pickle(tmp_path / "canary")
    data = b"\0" + payload
    for stem, pair in (("set", "{1, %d}"), ("bytes", "b'\\x01\\x%02x'"), ("dict", "{1: 0, %d: 0}")):
        index = f"'bad', (-1, 5)\n'b', {pair % len(payload)}\n"  # a negative offset fails only its key
        path = _hand_made(tmp_path, stem, data, index)
        assert shelve_records(path, len(data)) == [(1, len(payload))], stem
        assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(path)), stem
    refused = _hand_made(tmp_path, "refused", data, f"b'k', (1, {len(payload)})\n")  # key.encode fails
    assert shelve_records(refused, len(data)) is None


def test_a_size_of_none_reads_to_the_end_and_a_compressed_data_file_is_still_decompressed(tmp_path: Path) -> None:
    """`f.read(None)` reads to the end; joblib.load decompresses a gzip data file whatever its
    index names, so the file is read as its format too."""
    import gzip

    payload = malicious_pickle(tmp_path / "canary")
    to_end = _hand_made(tmp_path, "none", pickle.dumps(1, 4) + bytes(507) + payload, "'a', (0, 5)\n'b', (512, None)\n")
    assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(to_end))
    squeezed = gzip.compress(payload)
    compressed = _hand_made(tmp_path, "gz", squeezed, f"'a', (0, {len(squeezed)})\n")
    assert ("MLS101", Severity.CRITICAL) in _blocking(_scan(compressed))
    assert not (tmp_path / "canary").exists()


def test_an_index_over_the_limit_fails_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks.artifacts import dbm_shelve

    monkeypatch.setattr(dbm_shelve, "MAX_RECORDS", 3)
    data = _shelve(tmp_path, [(f"k{i}".encode(), pickle.dumps(i, 4)) for i in range(5)])
    assert ("MLS903", Severity.HIGH) in _blocking(_scan(data))


def test_an_index_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    data = _shelve(tmp_path, [(b"a", pickle.dumps(1, 4)), (b"b", pickle.dumps(2, 4))])
    index = tmp_path / "cache.shelve.dir"
    (tmp_path / "elsewhere.dir").write_bytes(index.read_bytes())
    index.unlink()
    os.symlink(tmp_path / "elsewhere.dir", index)
    assert shelve_records(data, data.stat().st_size) is None
    assert ("MLS105", Severity.HIGH) in _blocking(_scan(data))


def test_index_lines_as_dbm_dumb_writes_them() -> None:
    assert uncovered([(0, 10), (512, 20)], 600) == [(10, 502), (532, 68)]
    assert uncovered([(0, 600)], 600) == []


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_indexes_never_crash(index: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        data = folder / "x.dat"
        data.write_bytes(pickle.dumps({"a": 1}, 4) + bytes(600))
        (folder / "x.dir").write_bytes(index)
        records = shelve_records(data, 700)
        assert records is None or all(offset + length <= 700 for offset, length in records)
        _scan(data)
