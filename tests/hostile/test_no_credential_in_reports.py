"""A credential a file quotes never reaches a report: messages that name a package, an index, a
requirements file or a magic from the file pass core's last mask (hooks._shared.redaction), so the
secrets hook's hash is the only trace of it, in text, JSON and SARIF alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec

# A GitHub token's format; no real account. Its body is what must never be printed.
TOKEN = "ghp_" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz"
BODY = TOKEN[4:]


def _notebook(*sources: str) -> str:
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
        for source in sources
    ]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _project(repo: Path) -> None:
    (repo / "requirements.txt").write_text(
        f"--extra-index-url https://pypi.example.com/{TOKEN}/simple/\n"
        f"--find-links http://files.example.com/{TOKEN}/wheels/\n"
        f"--trusted-host {TOKEN}.example.com\n"
        f"-r {TOKEN}.txt\n"
        "foo==1.0\n"
    )
    (repo / "install.ipynb").write_text(
        _notebook(
            f"!pip install --extra-index-url https://pypi.example.com/{TOKEN}/simple/ foo==1.0",
            f"!pip install {TOKEN}",
            f"%%x_{TOKEN}\nprint(1)",
        )
    )


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_mlsec_scan_reports_carry_no_credential(repo: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _project(repo)
    mlsec(["scan", "--no-cache", "--format", fmt, "requirements.txt", "install.ipynb"])
    out = capsys.readouterr()
    assert BODY not in out.out + out.err
    assert "MLS405" in out.out and "MLS215" in out.out  # the index is judged, the token is found (hashed)


@pytest.mark.parametrize("hook", ["mlsec_deps", "mlsec_code"])
def test_each_hook_alone_carries_no_credential(repo: Path, capsys: pytest.CaptureFixture[str], hook: str) -> None:
    _project(repo)
    hook_main(hook)(["--format", "json", "requirements.txt", "install.ipynb"])
    out = capsys.readouterr()
    assert BODY not in out.out + out.err
    assert json.loads(out.out)["findings"]  # the hook did report on those lines
