from __future__ import annotations

import gzip
import io
import pickle
import zipfile
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
from tests import pickle_asm as asm
from tests.artifacts.builders import joblib_with_array, npy, tar
from tests.artifacts.helpers import malicious_pickle


def test_explain_shows_the_call_without_running_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canary = repo / "canary"
    (repo / "m.pkl").write_bytes(malicious_pickle(canary) + pickle.dumps([1], protocol=2))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("archive/data.pkl", malicious_pickle(canary))
        archive.writestr("archive/data/0", b"\x00" * 8)
    (repo / "m.pt").write_bytes(buffer.getvalue())
    (repo / "m.pkl.gz").write_bytes(gzip.compress(malicious_pickle(canary)))
    (repo / "notes.txt").write_text("hello\n")
    assert main(["explain", "m.pkl", "m.pt", "m.pkl.gz", "notes.txt"]) == 0
    out = capsys.readouterr().out
    assert out.count(f"system('touch {canary}')") == 3
    assert "# pickle stream 2 @ 0x" in out
    assert "# archive/data.pkl stream 1 @ 0x0" in out
    assert "# no pickle found" in out
    assert not canary.exists()


def test_explain_missing_file_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "nope.pkl"]) == 2
    assert "nope.pkl: no such file" in capsys.readouterr().err


def test_explain_reads_past_joblib_arrays(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tail = asm.POP + asm.global_("os", "system") + asm.text("echo after-array") + asm.TUPLE1 + asm.REDUCE
    (repo / "clf.joblib").write_bytes(joblib_with_array(b"cos\nsystem\n(S'x'\ntR."[:16], tail))
    assert main(["explain", "clf.joblib"]) == 0
    out = capsys.readouterr().out
    assert "NumpyArrayWrapper" in out and "system('echo after-array')" in out
    assert "breaks" not in out and "cannot decompile" not in out


def test_explain_shows_every_stream_the_scanner_reads(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canary = repo / "canary"
    inner = malicious_pickle(canary)
    nested = asm.proto(2) + asm.global_("_pickle", "loads") + asm.binbytes(inner) + asm.TUPLE1 + asm.REDUCE + asm.STOP
    (repo / "bundle.tar").write_bytes(tar({"m/model.pkl": nested, "notes.txt": b"hello\n"}))
    (repo / "names.npy").write_bytes(npy("|O", malicious_pickle(canary, 3)))
    assert main(["explain", "bundle.tar", "names.npy"]) == 0
    out = capsys.readouterr().out
    assert "# m/model.pkl stream 1 @ 0x0" in out  # a tar member
    # the bytes it passes to loads, located at the REDUCE (its offset depends on the canary path)
    reduce_at = len(nested) - 2
    assert f"# m/model.pkl@{reduce_at:#x} > _pickle.loads payload stream 1 @ 0x0" in out
    assert "# npy object array stream 1 @ 0x80" in out  # the pickle behind the .npy header
    assert out.count(f"system('touch {canary}')") == 2
    assert "notes.txt" not in out
    assert not canary.exists()


def test_explain_shows_where_a_broken_stream_stops(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canary = repo / "canary"
    (repo / "m.pkl").write_bytes(malicious_pickle(canary)[:-1] + b"\xff")
    assert main(["explain", "m.pkl"]) == 0
    out = capsys.readouterr().out
    assert f"system('touch {canary}')" in out
    assert "# pickle: the stream breaks at 0x" in out
    assert not canary.exists()


def test_explain_of_a_file_the_scanner_cannot_read_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "x.npy").write_bytes(b"\x93NUMPY\x09\x00" + b"\x00" * 16)
    assert main(["explain", "x.npy"]) == 2
    assert "x.npy: unknown .npy format version 9" in capsys.readouterr().err


def test_explain_without_fickling_names_the_extra(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "fickling", None)  # import fickling -> ImportError
    monkeypatch.setitem(sys.modules, "fickling.fickle", None)
    (repo / "m.pkl").write_bytes(b"\x80\x04K\x01.")
    assert main(["explain", "m.pkl"]) == 2
    assert "mlsec-hooks[explain]" in capsys.readouterr().err


def test_explain_escapes_hostile_names(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "evil\x1b[2Jname.pkl"
    (repo / name).write_bytes(b"\x80\x04K\x01.")
    main(["explain", name, "gone\x1b[31m.pkl"])
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out and "\x1b" not in captured.err
    assert "evil\\x1b[2Jname.pkl" in captured.out
