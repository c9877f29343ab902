"""The flags people expect from ruff/flake8-style tools, on `mlsec scan` and on every hook."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hooks._core.findings import make_finding
from hooks._version import VERSION
from hooks.catalog import registry
from hooks.cli.entry_points import mlsec_code
from hooks.cli.mlsec import main
from hooks.cli.output import Progress, select_findings, summary_line, use_color
from tests.cli.conftest import UNSAFE_CODE

FLAGS = ["--version", "--exit-zero", "--select", "--ignore", "--statistics", "--quiet", "--color", "--output-format"]


@pytest.mark.parametrize("argv", [["--version"], ["scan", "--version"], ["rules", "--version"], ["rule", "--version"]])
def test_version_on_every_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    assert VERSION in capsys.readouterr().out


def test_hooks_have_version_and_list_the_flags_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        mlsec_code(["--version"])
    assert capsys.readouterr().out.strip() == f"mlsec-code (mlsec-hooks) {VERSION}"
    for command in (lambda a: mlsec_code(a), lambda a: main(["scan", *a])):
        with pytest.raises(SystemExit):
            command(["--help"])
        help_text = capsys.readouterr().out
        assert all(flag in help_text for flag in FLAGS), help_text


@pytest.fixture
def unsafe(git_repo: Path) -> Path:
    (git_repo / "train.py").write_text(UNSAFE_CODE)
    return git_repo


def test_exit_zero_reports_but_passes(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py"]) == 1
    assert main(["scan", "train.py", "--exit-zero"]) == 0
    assert "MLS306" in capsys.readouterr().out
    assert mlsec_code(["train.py", "--exit-zero"]) == 0


def test_exit_zero_keeps_exit_2_for_unreadable_files(unsafe: Path) -> None:
    import os

    os.mkfifo(unsafe / "pipe.py")
    assert main(["scan", "pipe.py", "--exit-zero"]) == 2


def test_select_and_ignore_take_ids_and_prefixes(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py", "--select", "MLS306"]) == 1
    assert re.findall(r"MLS\d+|B\d+", capsys.readouterr().out) == ["MLS306"]
    assert main(["scan", "train.py", "--ignore", "MLS3"]) == 0
    assert "MLS30" not in capsys.readouterr().out
    assert main(["scan", "train.py", "--select", "MLS3", "--ignore", "MLS305"]) == 1
    assert re.findall(r"MLS\d+", capsys.readouterr().out) == ["MLS306"]
    assert mlsec_code(["train.py", "--ignore", "MLS305,MLS306"]) == 0


def test_unknown_selector_is_a_usage_error(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py", "--select", "MLS77"]) == 2
    assert "--select MLS77: no rule id starts with it" in capsys.readouterr().err
    assert main(["scan", "train.py", "--ignore", "B"]) == 1  # bandit's ids are a valid prefix


def test_select_never_hides_could_not_analyse() -> None:
    rules = registry()
    failed = make_finding(rules["MLS900"], "a.py", "m", content_key="k")
    other = make_finding(rules["MLS306"], "a.py", "m", content_key="k")
    assert select_findings([failed, other], ("MLS1",), ()) == [failed]
    assert select_findings([failed, other], ("MLS1",), ("MLS9",)) == []
    assert select_findings([failed, other], ("ALL",), ("MLS306",)) == [failed]


def test_statistics_counts_per_rule(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (unsafe / "more.py").write_text("import torch\na = torch.load(p)\nb = torch.load(q)\n")
    assert main(["scan", "train.py", "more.py", "--statistics"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["3", "MLS306", "[high]"]
    assert lines[1].split()[:2] == ["1", "MLS305"]
    assert main(["scan", "train.py", "--statistics", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["findings"] and "MLS306" in captured.err


def test_scan_prints_a_summary_line_and_quiet_drops_it(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py"]) == 1
    err = capsys.readouterr().err
    assert re.fullmatch(r"mlsec: 1 file, 2 findings \(2 high\), \d+\.\d s\n", err), err
    assert main(["scan", "train.py", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "" and "MLS306" in captured.out


def test_summary_line_wording() -> None:
    rule = registry()["MLS306"]
    findings = [make_finding(rule, "a", "m", content_key=str(n), severity=s) for n, s in enumerate([rule.severity])]
    assert summary_line("mlsec", 0, [], 0, 0.04) == "mlsec: 0 files, 0 findings, 0.0 s"
    assert summary_line("mlsec", 3, findings, 1, 2.0) == "mlsec: 3 files, 1 finding (1 high), 1 unreadable, 2.0 s"


def test_output_format_gitlab_alias(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py", "--output-format", "gitlab"]) == 1
    issues = json.loads(capsys.readouterr().out)
    assert {issue["check_name"] for issue in issues} == {"MLS305", "MLS306"}


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", FakeTerminal()) and not use_color("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", FakeTerminal()) and use_color("always", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", io.StringIO()) and not use_color("never", FakeTerminal())


def test_colour_reaches_the_text_report_only_when_asked(unsafe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "train.py"]) == 1
    assert "\033[" not in capsys.readouterr().out  # captured output is not a terminal
    assert main(["scan", "train.py", "--color", "always"]) == 1
    assert "\033[" in capsys.readouterr().out
    assert main(["scan", "train.py", "--color", "always", "--format", "json"]) == 1
    assert "\033[" not in capsys.readouterr().out


def test_progress_shows_on_a_terminal_after_the_delay_and_is_erased() -> None:
    terminal = FakeTerminal()
    with Progress("mlsec", 12, terminal, delay=0.0):
        import time

        time.sleep(0.3)
    written = terminal.getvalue()
    assert "scanning 12 files" in written and written.endswith("\r\033[K")
    piped = io.StringIO()
    with Progress("mlsec", 12, piped, delay=0.0):
        time.sleep(0.1)
    assert piped.getvalue() == ""


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    command = f"{sys.executable} -m hooks.cli.mlsec rules --format markdown | head -1"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.stdout.startswith("# MLS001") and done.stderr == ""
