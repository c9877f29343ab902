"""A committed file cannot steer a hook: its name never becomes an option, never rewrites the
terminal, and malformed configuration ends in one line and exit 2, never a traceback."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hooks.catalog import HOOKS
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec
from tests.artifacts.helpers import malicious_pickle

OPTION_NAMES = [
    "--output=.git/hooks/pre-commit",
    "--fail-on=critical",
    "--config=evil.yaml",
    "--baseline=evil.json",
    "--format=json",
    "-h",
    "--help",
    "--",
    "-",
]


@pytest.mark.parametrize("spec", HOOKS, ids=lambda s: s.hook_id)
@pytest.mark.parametrize("name", OPTION_NAMES)
def test_file_names_that_look_like_options_are_files(
    repo: Path, capsys: pytest.CaptureFixture[str], spec: object, name: str
) -> None:
    hook_id = spec.hook_id  # type: ignore[attr-defined]
    (repo / ".git" / "hooks").mkdir()
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_bytes(malicious_pickle(repo / "canary"))
    (repo / "model.pkl").write_bytes(malicious_pickle(repo / "canary"))
    code = hook_main(hook_id.replace("-", "_"))(["--fail-on", "high", "model.pkl", name])
    out = capsys.readouterr()
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()
    assert "usage:" not in out.out + out.err
    if hook_id == "mlsec-artifacts":
        assert code == 1 and out.out.count("MLS101") == 2  # both files were read as files


def test_options_given_before_files_still_work(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.pkl").write_bytes(malicious_pickle(repo / "canary"))
    assert hook_main("mlsec_artifacts")(["--format", "json", "m.pkl"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["rule_id"] == "MLS101"
    assert hook_main("mlsec_artifacts")(["--fail-on=critical", "--", "m.pkl"]) == 1


def test_mlsec_scan_reads_option_shaped_names_as_paths(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "--fail-on=critical").write_bytes(malicious_pickle(repo / "canary"))
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert mlsec(["scan", "m.pkl", "--fail-on=critical"]) == 1  # after a path, an existing name is a path
    assert "MLS101" in capsys.readouterr().out


@pytest.mark.parametrize("spec", HOOKS, ids=lambda s: s.hook_id)
@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["--fail-on=low", "model.pkl"], "--fail-on=low"),  # the user's `args:` shadowed by a committed file
        (["--config", "strict.yaml", "model.pkl"], "--config"),
        (["--fail-on=critical", "model.pkl"], "--fail-on=critical"),  # the head of pre-commit's list
        (["--fail=critical", "model.pkl"], "--fail=critical"),  # argparse's abbreviations count
        (["-qh", "model.pkl"], "-qh"),  # and combined short flags
    ],
)
def test_a_file_named_like_an_option_where_options_stand_stops_the_run(
    repo: Path, capsys: pytest.CaptureFixture[str], spec: object, argv: list[str], name: str
) -> None:
    """Read as a file, it would silently drop the user's option; read as an option, it would set
    one. Either way a committed file steers the run, so the run stops and names the file."""
    hook_id = spec.hook_id  # type: ignore[attr-defined]
    (repo / name).write_bytes(b"")
    (repo / "model.pkl").write_bytes(malicious_pickle(repo / "canary"))
    with pytest.raises(SystemExit) as stopped:
        hook_main(hook_id.replace("-", "_"))(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "is both an option and a file name" in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_the_same_name_after_the_first_file_is_a_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "--fail-on=critical").write_bytes(malicious_pickle(repo / "canary"))
    (repo / "model.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_artifacts")(["--fail-on=high", "model.pkl", "--fail-on=critical"]) == 1
    assert "MLS101" in capsys.readouterr().out


def test_mlsec_scan_refuses_an_option_shaped_name_before_any_path(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "--fail-on=critical").write_bytes(malicious_pickle(repo / "canary"))
    with pytest.raises(SystemExit) as stopped:
        mlsec(["scan", "--fail-on=critical"])
    assert stopped.value.code == 2 and "rename or remove the file" in capsys.readouterr().err


def test_output_never_writes_into_git(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_artifacts")(["--output", ".git/config", "m.pkl"]) == 2
    assert "refusing to write inside .git" in capsys.readouterr().err


@pytest.mark.parametrize("raw", ["a\x1b[2Kb", "a\rb", "a\nb.pkl:9:9: MLS000 [low] fake", "a\x07b", "bad\udcffname"])
def test_control_characters_in_names_are_escaped_in_text(
    repo: Path, capsys: pytest.CaptureFixture[str], raw: str
) -> None:
    name = raw + ".pkl"
    try:
        (repo / name).write_bytes(malicious_pickle(repo / "canary"))
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses the name")
    hook_main("mlsec_artifacts")([name])
    (line,) = capsys.readouterr().out.splitlines()
    assert line.isprintable() and "\x1b" not in line and "\r" not in line
    for fmt in ("json", "sarif"):
        assert hook_main("mlsec_artifacts")(["--format", fmt, name]) == 1
        json.loads(capsys.readouterr().out)  # valid whatever the name


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ('exclude: ["[!]"]\n', "not a valid glob"),
        ("a: &a [*a]\n", "aliases"),
        ("fail_on: [high\n", "fix the YAML syntax"),
    ],
)
def test_bad_policies_are_one_line(repo: Path, capsys: pytest.CaptureFixture[str], policy: str, message: str) -> None:
    (repo / ".mlsec.yaml").write_text(policy)
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_artifacts")(["m.pkl"]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_billion_laughs_policy_is_refused_without_expanding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letters = "abcdefghi"
    text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for previous, current in itertools.pairwise(letters):
        text += f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    (repo / ".mlsec.yaml").write_text(text + "exclude: *i\n")
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_artifacts")(["m.pkl"]) == 2
    assert "aliases" in capsys.readouterr().err


@pytest.mark.parametrize(
    "baseline",
    [
        '{"version": 1, "findings": 5}',
        "[" * 100000 + "]" * 100000,
        '{"version":1,"findings":[{"fingerprint":"x","count":' + "9" * 5000 + "}]}",
        '{"version": 1, "findings": [{"fingerprint": 3}]}',
        "\xff\xfe not json",
    ],
)
def test_bad_baselines_are_one_line(repo: Path, capsys: pytest.CaptureFixture[str], baseline: str) -> None:
    (repo / "b.json").write_text(baseline, errors="surrogateescape")
    (repo / "m.pkl").write_bytes(b"\x80\x04N.")
    assert hook_main("mlsec_artifacts")(["--baseline", "b.json", "m.pkl"]) == 2
    err = capsys.readouterr().err
    assert "regenerate it with `mlsec baseline`" in err and "Traceback" not in err


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`mlsec rules | head -1`: the reader is gone before the command writes."""
    script = "from hooks.cli.mlsec import main; raise SystemExit(main(['rules']))"
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in stderr and "Error" not in stderr


def test_unreadable_folders_stop_mlsec_scan(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user without read permission meets it (simulated: root, as in CI containers, reads
    every folder whatever its mode)."""
    import os

    locked = repo / "locked"
    locked.mkdir()
    (locked / "m.pkl").write_bytes(b"\x80\x04N.")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(os.fsdecode(path)).resolve() == locked.resolve():
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for argument in (".", "locked"):
        assert mlsec(["scan", argument]) == 2
        err = capsys.readouterr().err
        assert "cannot read the folder (Permission denied)" in err and "locked" in err
