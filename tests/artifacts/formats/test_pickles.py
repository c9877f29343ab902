"""Pickle data in files: what follows the first stream (see also test_pickle_analysis.py)."""

from __future__ import annotations

from pathlib import Path

from tests.artifacts.builders import BENIGN_STATE, torch_zip
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_polyglot_pickle_then_zip_is_critical(tmp_path: Path) -> None:
    data = malicious_pickle(tmp_path / "c") + torch_zip(BENIGN_STATE)
    found = rules(scan_bytes(tmp_path, "model.pt", data))
    assert "MLS106" in found and "MLS101" in found


def test_clean_zip_after_clean_pickle_is_still_a_polyglot(tmp_path: Path) -> None:
    data = BENIGN_STATE + torch_zip(BENIGN_STATE)
    assert rules(scan_bytes(tmp_path, "model.pkl", data)) == ["MLS106"]


# --- text that starts like a pickle (the sniff of files not named like models) --------------------
TEXT_LOOK_ALIKES = [
    b"config\nsome.thing\n...\n",  # GLOBAL of a dotted name, then STOP: referenced, never called
    b"copyright 2020 foo.bar\nlicense\n(see LICENSE)\n",
    b"V" + b"x" * 70_000 + b"\nhello world\n",  # a long first line, then text
    b"c" + b"x" * 70_000 + b"\nname.attr\n",
    b"Very long text\n" * 5000,
    b"(ingesting-process-data)=\n# Ingest and process data\n\nSome text\n",  # a MyST label: INST of no module
    b"(install-setup-guide)=\n# Installation and setup guide <!-- omit in toc -->\n",
]


def test_text_that_starts_like_a_pickle_is_text(tmp_path: Path) -> None:
    for number, text in enumerate(TEXT_LOOK_ALIKES):
        assert rules(scan_bytes(tmp_path, f"notes{number}.txt", text)) == [], text[:40]


def test_a_pickle_behind_a_long_line_or_a_dotted_global_is_found(tmp_path: Path) -> None:
    payload = malicious_pickle(tmp_path / "c", protocol=0)
    long_line = b"V" + b"a" * 65_537 + b"\n0" + payload  # a loader has no line cap
    assert "MLS101" in rules(scan_bytes(tmp_path, "vocab.txt", long_line))
    # `random._os.system` reads like text (a dotted name), but it is called: loading runs it.
    dotted = b"crandom\n_os.system\n(Vtouch c\ntR."
    assert rules(scan_bytes(tmp_path, "notes.txt", dotted))
    behind_a_header = b"N0\x80\x04" + dotted
    assert rules(scan_bytes(tmp_path, "notes.txt", behind_a_header))


def test_every_opcode_that_reads_a_line_reads_a_long_one_whole(tmp_path: Path) -> None:
    payload = b"cos\nsystem\n(S'touch c'\ntR."
    heads = {
        "string": b"S'" + b"A" * 70_000 + b"'\n0",
        "long": b"L" + b" " * 70_000 + b"1L\n0",
        "put": b"Np" + b" " * 70_000 + b"0\n0",
        "get": b"Np0\n0g" + b" " * 70_000 + b"0\n0",
    }
    for kind, head in heads.items():
        assert "MLS101" in rules(scan_bytes(tmp_path, f"notes_{kind}.txt", head + payload)), kind


def test_a_line_longer_than_the_sniff_reads_is_not_cleared_as_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hooks.artifacts import pickle_vm

    monkeypatch.setattr(pickle_vm, "SNIFF_LINE", 200_000)
    payload = b"cos\nsystem\n(S'touch c'\ntR."
    found = scan_bytes(tmp_path, "notes.txt", b"V" + b"a" * 300_000 + b"\n0" + payload)
    assert found and all(f.severity.rank >= 2 for f in found), [(f.rule_id, f.severity) for f in found]


def test_a_limit_met_while_sniffing_reports_the_file_not_clears_it(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A payload, then a flood of memo entries: a loader has no memo limit and runs the payload.
    from hooks.artifacts import analysis

    monkeypatch.setattr(analysis.Limits, "max_memo", 1_000)
    payload = b"cos\nsystem\n(S'touch c'\ntR"
    found = scan_bytes(tmp_path, "notes.txt", payload + b"0N" + b"\x94" * 5_000 + b".")
    assert "MLS101" in rules(found) and any(f.rule_id.startswith("MLS9") for f in found), rules(found)
    behind = scan_bytes(tmp_path, "flood.txt", b"N" + b"\x94" * 5_000 + b"0" + payload + b".")
    assert behind and all(f.severity.rank >= 2 for f in behind), rules(behind)
    # Look-alike: text that stops parsing long before any limit is still text.
    assert rules(scan_bytes(tmp_path, "readme.txt", b"Nothing to see here\n" * 100)) == []
