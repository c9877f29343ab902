"""CI at scale (issue 17): `mlsec scan` without a cache, cold, warm, after a one-file change
(warm full scan and `--changed-since`), and in shards merged back; next to the peers a CI would
otherwise run (bandit + nbqa on the code, detect-secrets on every file), all in the same run.

    python -m bench scale                         # the generated 2,000-file repo + hf-notebooks (tune)
    python -m bench scale --repo handson-ml2      # the held-out check (bench/realrepos split)
    python -m bench scale --peers                 # add bandit+nbqa and detect-secrets

Real repositories come from bench/realrepos (pinned commits, `fetch`ed mirrors); their files stay
in bench/out/ (git-ignored). Every timing is one wall-clock run of a fresh process on the shared
2-core machine, so read the ratios (same run, same machine), not the seconds.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARDS = 4
WARM_RUNS = 3


@dataclass(frozen=True)
class Timing:
    case: str
    seconds: float
    exit_code: int
    note: str = ""
    cpu: float = 0.0  # user + system seconds of the process and its workers


_LAST_CPU = [0.0]


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, str]:
    import resource

    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _LAST_CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, done.returncode, done.stderr


def _timing(case: str, seconds: float, code: int, note: str = "") -> Timing:
    return Timing(case, seconds, code, note, _LAST_CPU[0])


def _mlsec(bin_dir: Path) -> list[str]:
    script = bin_dir.resolve() / "mlsec"
    return [str(script)] if script.exists() else [sys.executable, "-m", "hooks.cli.mlsec"]


def generate_repo(target: Path, files: int = 2000, seed: int = 17) -> Path:
    """A repository shaped like an ML monorepo: code, notebooks, requirements, Dockerfiles,
    pickles, CSVs and prose, a few of them with findings. Deterministic for a seed."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    rng = random.Random(seed)
    kinds = ["py"] * 45 + ["ipynb"] * 30 + ["md"] * 10 + ["csv"] * 5 + ["pkl"] * 3 + ["req"] * 4 + ["docker"] * 3
    for index in range(files):
        kind = rng.choice(kinds)
        folder = target / f"pkg{index % 40:02d}"
        folder.mkdir(exist_ok=True)
        bad = rng.random() < 0.05
        if kind == "py":
            body = "".join(
                f"def f{n}(x):\n    return x * {n} + {rng.randint(0, 99)}\n\n" for n in range(rng.randint(5, 60))
            )
            if bad:
                body += "import pickle\n\ndef load(blob):\n    return pickle.loads(blob)\n"
            (folder / f"module_{index}.py").write_text(body)
        elif kind == "ipynb":
            cells = [
                {
                    "cell_type": "code",
                    "metadata": {},
                    "execution_count": n,
                    "outputs": [{"output_type": "stream", "name": "stdout", "text": [f"{rng.random()}\n"]}],
                    "source": [f"import numpy as np\nx{n} = np.arange({n * 10})\nprint(x{n}.sum())\n"],
                }
                for n in range(rng.randint(3, 40))
            ]
            if bad:
                cells[0]["source"] = ["!curl -s https://get.example.com/install.sh | bash\n"]
            notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            (folder / f"notebook_{index}.ipynb").write_text(json.dumps(notebook, indent=1))
        elif kind == "md":
            (folder / f"notes_{index}.md").write_text("# Notes\n\n" + "Training notes. " * rng.randint(10, 400) + "\n")
        elif kind == "csv":
            rows = "\n".join(f"{n},{rng.random():.5f},{rng.randint(0, 9)}" for n in range(rng.randint(10, 2000)))
            (folder / f"table_{index}.csv").write_text("id,score,label\n" + rows + "\n")
        elif kind == "pkl":
            import pickle

            (folder / f"model_{index}.pkl").write_bytes(pickle.dumps({"w": [rng.random() for _ in range(500)]}))
        elif kind == "req":
            pins = [f"package{n}=={rng.randint(0, 5)}.{rng.randint(0, 20)}" for n in range(rng.randint(3, 30))]
            if bad:
                pins.append("--trusted-host pypi.example.org")
            (folder / f"requirements-{index}.txt").write_text("\n".join(pins) + "\n")
        else:
            sub = folder / f"image_{index}"
            sub.mkdir()
            run = "RUN curl -s https://x.example/i.sh | sh\n" if bad else "RUN pip install --no-cache-dir -r r.txt\n"
            (sub / "Dockerfile").write_text("FROM python:3.11-slim@sha256:" + "0" * 64 + "\n" + run + "USER app\n")
    _git_init(target)
    return target


def _git_init(folder: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org"}
    env |= {"GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "generated", "--no-gpg-sign"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def _one_file_to_change(repo: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=repo, capture_output=True, check=True).stdout
    names = sorted(n for n in listed.decode("utf-8", "surrogateescape").split("\0") if n.endswith((".ipynb", ".py")))
    return repo / names[len(names) // 2]


def _findings(report: Path) -> list[dict[str, object]]:
    document = json.loads(report.read_text())
    return sorted(document["findings"], key=lambda f: json.dumps(f, sort_keys=True))


def bench_repo(name: str, repo: Path, bin_dir: Path, out: Path, peers: bool) -> list[Timing]:
    mlsec = _mlsec(bin_dir)
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory(prefix="mlsec-scale-") as scratch:
        base_env = {**os.environ, "MLSEC_CACHE_DIR": str(Path(scratch) / "cache")}
        base_env.pop("MLSEC_NO_CACHE", None)
        report = Path(scratch) / "report.json"
        scan = [*mlsec, "scan", "--format", "json", "--output", str(report)]

        seconds, code, _ = _run([*scan, "--no-cache"], repo, base_env)
        timings.append(_timing("no cache", seconds, code))
        reference = _findings(report)
        seconds, code, _ = _run(scan, repo, base_env)
        timings.append(
            _timing("cold cache", seconds, code, "same findings" if _findings(report) == reference else "DIFFERENT")
        )
        warm: list[Timing] = []
        for _ in range(WARM_RUNS):  # the fastest of a few: the machine is shared, load only adds
            seconds, code, err = _run([*scan, "--timing"], repo, base_env)
            warm.append(_timing("warm cache", seconds, code, err.strip().splitlines()[-1] if err.strip() else ""))
            assert _findings(report) == reference, f"{name}: the warm run found something else"
        best = min(warm, key=lambda t: t.seconds)
        spread = f"; {WARM_RUNS} runs, wall {min(t.seconds for t in warm):.2f}-{max(t.seconds for t in warm):.2f} s"
        timings.append(
            Timing(f"warm cache (best of {WARM_RUNS})", best.seconds, best.exit_code, best.note + spread, best.cpu)
        )

        changed = _one_file_to_change(repo)
        original = changed.read_bytes()
        try:
            changed.write_bytes(original + b"\n")
            seconds, code, _ = _run(scan, repo, base_env)
            timings.append(_timing("one file changed, warm full scan", seconds, code))
            seconds, code, _ = _run([*scan, "--changed-since", "HEAD"], repo, base_env)
            timings.append(_timing("one file changed, --changed-since HEAD", seconds, code))
        finally:
            changed.write_bytes(original)

        shard_env = {**base_env, "MLSEC_CACHE_DIR": str(Path(scratch) / "shard-cache")}
        parts = []
        slowest, slowest_cpu = 0.0, 0.0
        for index in range(1, SHARDS + 1):
            part = Path(scratch) / f"shard{index}.json"
            shard_scan = [*mlsec, "scan", "--format", "json", "--output", str(part), "--shard", f"{index}/{SHARDS}"]
            seconds, code, _ = _run([*shard_scan, "--no-cache"], repo, shard_env)
            if seconds > slowest:
                slowest, slowest_cpu = seconds, _LAST_CPU[0]
            parts.append(str(part))
        merged = Path(scratch) / "merged.json"
        _run([*mlsec, "merge", *parts, "--output", str(merged)], repo, base_env)
        same = _findings(merged) == reference
        timings.append(
            Timing(
                f"slowest of {SHARDS} shards (no cache)",
                slowest,
                0,
                "merged == full" if same else "MERGE DIFFERS",
                slowest_cpu,
            )
        )

        if peers:
            timings.extend(_peers(repo, bin_dir, base_env))
    return timings


def _peers(repo: Path, bin_dir: Path, env: dict[str, str]) -> list[Timing]:
    found: list[Timing] = []
    candidates = [bin_dir, HERE.parent / ".venv-bench" / "bin"]
    tool = {
        name: next((d / name for d in candidates if (d / name).exists()), None)
        for name in ("bandit", "nbqa", "detect-secrets")
    }
    if tool["bandit"]:
        seconds, code, _ = _run([str(tool["bandit"]), "-q", "-r", ".", "-f", "json", "-o", os.devnull], repo, env)
        found.append(_timing("peer: bandit -r .", seconds, code))
    if tool["nbqa"]:
        seconds, code, _ = _run([str(tool["nbqa"]), "bandit", ".", "-q"], repo, env)
        found.append(_timing("peer: nbqa bandit .", seconds, code))
    if tool["detect-secrets"]:
        seconds, code, _ = _run([str(tool["detect-secrets"]), "scan", "--all-files"], repo, env)
        found.append(_timing("peer: detect-secrets scan --all-files", seconds, code))
    return found


def _table(name: str, files: int, timings: list[Timing]) -> str:
    none = next(t.seconds for t in timings if t.case == "no cache")
    lines = [
        f"### {name} ({files} files)",
        "",
        "| case | wall s | CPU s | vs no cache (wall) | note |",
        "|---|---|---|---|---|",
    ]
    for timing in timings:
        ratio = none / timing.seconds if timing.seconds else float("inf")
        lines.append(f"| {timing.case} | {timing.seconds:.2f} | {timing.cpu:.2f} | {ratio:.1f}x | {timing.note} |")
    return "\n".join(lines)


def run(out: Path, bin_dir: Path, repos: list[str], generated: int, peers: bool) -> int:
    out = out / "scale"
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[dict[str, object]]] = {}
    tables = []
    targets: list[tuple[str, Path]] = []
    if generated:
        targets.append((f"generated-{generated}", generate_repo(out / f"generated-{generated}", generated)))
    if repos:
        from bench.realrepos.checkout import load_repos, materialise

        known = {r.name: r for r in load_repos()}
        for name in repos:
            if name not in known:
                print(f"unknown repository {name}; bench/realrepos/repos.json lists {sorted(known)}", file=sys.stderr)
                return 2
            repo = known[name]
            if not repo.mirror.is_dir():
                print(f"{name}: no mirror at {repo.mirror}; fetch github:{repo.repo} first (see bench/realrepos)")
                continue
            targets.append((f"{name} ({repo.split})", materialise(repo, out / "checkouts")))
    for name, folder in targets:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=folder, capture_output=True, check=True).stdout
        files = len([n for n in listed.split(b"\0") if n])
        timings = bench_repo(name, folder, bin_dir, out, peers)
        results[name] = [t.__dict__ for t in timings]
        tables.append(_table(name, files, timings))
        print(tables[-1] + "\n", flush=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0
