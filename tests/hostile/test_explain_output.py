"""`mlsec explain` prints what a pickle names and where it sits: archive member names, names in
the decompiled source and fickling's own messages are attacker-chosen and shown escaped."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hooks.cli.mlsec import main as mlsec

pytest.importorskip("fickling")

HOSTILE = "a\x1b[31m\nfake.py:1:1: hidden\r"


def _short_unicode(text: str) -> bytes:
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("member.zip", None),  # the member's name is hostile
        ("names.pkl", b"\x80\x04" + _short_unicode("posix\x1b]0;x\x07") + _short_unicode("system") + b"\x93N\x85R."),
        ("rtl.pkl", b"\x80\x04" + _short_unicode("pos\u202eix") + _short_unicode("sys\u200btem") + b"\x93N\x85R."),
    ],
)
def test_explain_escapes_names(
    repo: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None
) -> None:
    if content is None:
        with zipfile.ZipFile(repo / name, "w") as archive:
            archive.writestr(HOSTILE + ".pkl", b"cposix\nsystem\n(Vid\ntR.")
    else:
        (repo / name).write_bytes(content)
    mlsec(["explain", name])
    out = capsys.readouterr()
    for line in (out.out + out.err).splitlines():
        assert line.isprintable(), repr(line)


def test_explain_still_shows_the_call(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: a plain pickle is decompiled as it was."""
    (repo / "m.pkl").write_bytes(b"cposix\nsystem\n(Vid\ntR.")
    assert mlsec(["explain", "m.pkl"]) == 0
    assert "system('id')" in capsys.readouterr().out
