"""Every `mlsec` command README shows runs as written on the sample project (no usage error, no
traceback), and the install snippet names this version's tag."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from hooks._version import VERSION
from hooks.cli.mlsec import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def readme_commands() -> list[str]:
    lines = []
    for block in re.findall(r"```(?:sh|bash)\n(.*?)```", README, re.S):
        lines += [line.strip() for line in block.splitlines() if line.strip().startswith("mlsec ")]
    return lines


def test_readme_shows_the_commands_people_look_for() -> None:
    shown = " ".join(readme_commands())
    for words in ("mlsec scan", "mlsec baseline --reason", "mlsec rule MLS", "mlsec rules", "--statistics", "--select"):
        assert words in shown


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "sample_repo"
    shutil.copytree(ROOT / "sample_repo", work)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run(["git", "add", "-A"], cwd=work, check=True)
    monkeypatch.chdir(work)
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))
    return work


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command: str, sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = shlex.split(command, comments=True)[1:]
    if argv[0] == "gate":  # needs the reader's own model and data: the options must parse
        build_parser().parse_args(argv)
        return
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if argv[0] == "baseline" and code == 2:  # the sample has critical findings: refused, and told why
        assert "--accept-critical" in captured.err
        assert main([*argv, "--accept-critical"]) == 0
        return
    assert code in (0, 1), captured.err


def test_install_snippets_name_this_release_and_a_local_clone() -> None:
    documents = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", README, re.S)]
    repos = [repo for d in documents if isinstance(d, dict) for repo in d.get("repos", [])]
    remote = [repo for repo in repos if str(repo["repo"]).startswith("https://")]
    assert remote and all(repo["rev"] == f"v{VERSION}" for repo in remote)
    assert any(repo["repo"] == "/path/to/mlsec-hooks" and repo["rev"] == "<sha>" for repo in repos)
    assert f"@v{VERSION}" in README and "<you>" not in README


def test_license_matches_setup_cfg_and_data_is_attributed() -> None:
    setup = (ROOT / "setup.cfg").read_text()
    assert re.search(r"^license = MIT$", setup, re.M)
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    attribution = (ROOT / "ATTRIBUTION.md").read_text()
    for source in ("SARIF", "OSV", "bandit", "allowlist_data.py"):
        assert source in attribution
