"""Report options are checked before any file is read: a typo in `--select`, a broken baseline or
a refused `--output` is one usage line at once, never the verdict of a long scan thrown away."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.cli import mlsec as mlsec_module
from hooks.cli import run as run_module
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec


@pytest.fixture
def no_scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file was scanned before the report options were checked")

    monkeypatch.setattr(mlsec_module, "scan_targets", refuse)
    monkeypatch.setattr(run_module, "scan_targets", refuse)


ARGUMENTS = [
    (["--select", "MLS99999"], "--select MLS99999: no rule id starts with it"),
    (["--ignore", "NOPE1"], "--ignore NOPE1: no rule id starts with it"),
    (["--baseline", "missing.json"], "no such file; create it with `mlsec baseline`"),
    (["--baseline", "broken.json"], "regenerate it with `mlsec baseline`"),
    (["--output", ".git/hooks/pre-commit"], "refusing to write inside .git/"),
]


@pytest.mark.usefixtures("no_scanning")
@pytest.mark.parametrize(("options", "message"), ARGUMENTS)
def test_mlsec_scan_checks_report_options_first(
    repo: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    (repo / "broken.json").write_text('{"version": 1, "findings": 5}')
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert mlsec(["scan", *options, "m.pkl"]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.usefixtures("no_scanning")
@pytest.mark.parametrize(("options", "message"), ARGUMENTS)
def test_hooks_check_report_options_first(
    repo: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    (repo / "broken.json").write_text('{"version": 1, "findings": 5}')
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_secrets")([*options, "m.pkl"]) == 2
    assert message in capsys.readouterr().err


def test_checked_options_still_apply(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: valid options pass the early check and still shape the report."""
    (repo / "m.pkl").write_bytes(b"cposix\nsystem\n(Vid\ntR.")
    assert mlsec(["scan", "--select", "MLS2", "m.pkl"]) == 0
    assert "MLS101" not in capsys.readouterr().out
    assert mlsec(["scan", "--select", "MLS1", "--output", "report.txt", "m.pkl"]) == 1
    assert "MLS101" in (repo / "report.txt").read_text()
