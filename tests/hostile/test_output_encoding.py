"""A report is written whole on any terminal or log encoding: a name the encoding cannot show
(`café.pkl` under PYTHONIOENCODING=ascii) is escaped, never a UnicodeEncodeError traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "command",
    [
        "from hooks.cli.mlsec import main; raise SystemExit(main(['scan', '--format', FORMAT, '.']))",
        "from hooks.cli.entry_points import __getattr__ as h; raise SystemExit(h('mlsec_artifacts')(['caf\\xe9.pkl']))",
    ],
    ids=["mlsec-scan", "hook"],
)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_names_the_encoding_cannot_show_are_escaped(tmp_path: Path, command: str, fmt: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "caf\xe9.pkl").write_bytes(b"cposix\nsystem\n(Vid\ntR.")
    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(PROJECT)}
    completed = subprocess.run(
        [sys.executable, "-c", command.replace("FORMAT", repr(fmt))],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stderr.decode()
    assert b"Traceback" not in completed.stderr
    assert b"caf" in completed.stdout and b"MLS101" in completed.stdout
