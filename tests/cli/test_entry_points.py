"""The hooks' console scripts (hooks/cli/entry_points.py): they leave without the interpreter's
teardown, so everything must be out before they go."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hooks.cli.args import help_width, new_parser

FLAGS = ["--fail-on", "low", "--format", "json"]
SCRIPT = "import sys; from hooks.cli.entry_points import mlsec_secrets as main; sys.argv[0] = 'mlsec-secrets'; main()"


def _repo_with_many_findings(tmp_path: Path, count: int) -> Path:
    (tmp_path / ".git").mkdir()
    lines = [f'token_{i} = "ghp_{i:04d}' + "aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3"[: 36 - 4] + '"' for i in range(count)]
    (tmp_path / "leak.py").write_text("\n".join(lines) + "\n")
    return tmp_path


def test_a_console_script_writes_its_whole_report_and_exit_code(tmp_path: Path) -> None:
    repo = _repo_with_many_findings(tmp_path, 400)
    done = subprocess.run([sys.executable, "-c", SCRIPT, *FLAGS, "leak.py"], cwd=repo, capture_output=True, timeout=120)
    in_process = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("main()", "sys.exit(main(sys.argv[1:]))"), *FLAGS, "leak.py"],
        cwd=repo,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == in_process.returncode == 1
    assert done.stdout == in_process.stdout and done.stdout.count(b'"rule_id"') >= 400
    assert done.stdout.rstrip().endswith(b"}")


def test_a_console_script_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    repo = _repo_with_many_findings(tmp_path, 400)
    command = f'{sys.executable} -c "{SCRIPT}" leak.py | head -1'
    done = subprocess.run(["sh", "-c", command], cwd=repo, capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr


def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    assert help_width() == 98
    parser = new_parser("mlsec-x", "a hook " * 40)
    lines = parser.format_help().splitlines()
    assert all(len(line) <= 98 for line in lines) and max(map(len, lines)) > 80
    monkeypatch.setenv("COLUMNS", "junk")
    assert help_width() > 0
