from __future__ import annotations

import gzip
import io
import pickle
import zipfile
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
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
