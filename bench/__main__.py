"""python -m bench artifacts [--size-mb N] [--repeat N] [--out DIR] [--bin DIR]
python -m bench artifacts-precision [--rebuild-corpus] [--split tune|heldout|both]
python -m bench artifacts-oracle [--examples N]
python -m bench gate [--repeat N]   (needs mlsec-hooks[gate]; ART beside it when installed)
python -m bench secrets-heldout [--split tune|heldout|both] [--gitleaks-config FILE] [--scale]
python -m bench realrepos [--split tune|heldout|all] [--repo NAME] [--score] [--no-scan] [--no-peers]
python -m bench data [--rows 1000000] [--heldout DIR ...]
python -m bench scale [--repo NAME] [--generated 2000] [--peers]   (cache, --changed-since, shards)

Prints seconds and peak RSS per tool and case, and each peer's time as a multiple of ours
(a ratio above 1 means mlsec is faster), all measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.realrepos.checkout import SPLITS

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    suites = [
        "artifacts",
        "artifacts-precision",
        "artifacts-oracle",
        "secrets",
        "secrets-heldout",
        "code",
        "deps",
        "docker",
        "realrepos",
        "gate",
        "data",
        "scale",
    ]
    parser.add_argument("suite", choices=suites)
    parser.add_argument("--rows", type=int, default=1_000_000, help="data: rows of the PII-free look-alike set")
    parser.add_argument("--heldout", type=Path, action="append", default=[], help="data: folders of public datasets")
    parser.add_argument("--size-mb", type=int, default=1024, help="size of the large files (default 1024)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and case; the best counts")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated files are kept")
    parser.add_argument("--bin", type=Path, default=Path(sys.executable).parent, help="folder of the tools")
    parser.add_argument(
        "--advisory-db",
        type=Path,
        default=next(
            (
                folder
                for folder in (
                    HERE.parent.parent / "shared" / "advisory-db" / "vulns",
                    Path("/work/shared/advisory-db/vulns"),
                )
                if folder.is_dir()
            ),
            HERE.parent.parent / "shared" / "advisory-db" / "vulns",
        ),
        help="OSV snapshot for the deps suite (default: ../shared/advisory-db/vulns, else /work/shared/...)",
    )
    parser.add_argument(
        "--split",
        choices=[*SPLITS, "both", "all"],
        default="both",
        help="secrets-heldout, artifacts-precision, realrepos: which split ('all' is 'both'; artifacts: 'fresh' too)",
    )
    parser.add_argument("--rebuild-corpus", action="store_true", help="artifacts-precision: regenerate the corpus")
    parser.add_argument("--examples", type=int, default=300, help="artifacts-oracle: hypothesis examples per test")
    parser.add_argument(
        "--gitleaks-config", type=Path, help="gitleaks' config/gitleaks.toml from a fetched snapshot (secrets-heldout)"
    )
    parser.add_argument("--scale", action="store_true", help="secrets-heldout: also time 10 MB single-line files")
    parser.add_argument("--scale-mb", type=int, default=10, help="size of the single-line files (default 10)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a scale case is called too slow")
    parser.add_argument("--details", action="store_true", help="secrets-heldout: list every miss and false positive")
    realrepos = parser.add_argument_group("realrepos")
    realrepos.add_argument("--repo", metavar="NAME", help="only this repository (name or owner/name)")
    realrepos.add_argument("--score", action="store_true", help="score the run against the labels")
    realrepos.add_argument("--no-scan", action="store_true", help="with --score: score the last saved run")
    realrepos.add_argument("--no-peers", action="store_true", help="skip bandit, detect-secrets, hadolint")
    realrepos.add_argument("--rerun-peers", action="store_true", help="run the peers again instead of their cache")
    realrepos.add_argument(
        "--labels", type=Path, help="score with this labels file (default: this checkout's labels.jsonl)"
    )
    scale = parser.add_argument_group("scale")
    scale.add_argument("--generated", type=int, default=2000, help="scale: files of the generated repo (0: none)")
    scale.add_argument("--peers", action="store_true", help="scale: also time bandit, nbqa bandit, detect-secrets")
    args = parser.parse_args()
    if args.suite == "artifacts-oracle":
        return run_oracle_property_tests(args.examples)
    if args.suite == "realrepos":
        from bench.realrepos.cli import main as realrepos_main

        return realrepos_main(args, HERE)
    if args.suite == "secrets-heldout":
        from bench.secrets_heldout.run import run as run_heldout

        splits = ["tune", "heldout"] if args.split in ("both", "all") else [args.split]
        run_heldout(
            args.out / "secrets_heldout",
            args.bin,
            splits,
            args.gitleaks_config,
            with_scale=args.scale,
            scale_mb=args.scale_mb,
            timeout=args.timeout,
            details=args.details,
        )
        return 0
    import compileall

    # Measure what users run: pip byte-compiles a package when it installs it.
    compileall.compile_dir(str(HERE.parent / "hooks"), quiet=1)
    if args.suite == "artifacts-precision":
        from bench.artifacts_corpus.precision import main as run_precision

        splits = {"both": ("tune", "heldout"), "all": ("tune", "heldout", "fresh")}.get(args.split, (args.split,))
        return run_precision(args.out / "artifacts_corpus", args.bin, splits, args.rebuild_corpus)
    if args.suite == "scale":
        from bench.scale_bench import run as run_scale

        return run_scale(args.out, args.bin, [args.repo] if args.repo else ["hf-notebooks"], args.generated, args.peers)
    if args.suite == "data":
        from bench.data_bench import run as run_data

        run_data(args.out / "data", args.bin, args.repeat, args.rows, args.heldout)
        return 0
    if args.suite == "secrets":
        from bench.secrets_bench import run as run_secrets

        results = run_secrets(args.out / args.suite, args.bin, args.repeat)
        base = results[0][2].seconds
        print(f"{'case':<20} {'tool':<20} {'seconds':>8} {'peak MB':>8} {'findings':>9} {'x slower than mlsec':>20}")
        for case, tool, m, count in results:
            print(f"{case:<20} {tool:<20} {m.seconds:>8.2f} {m.peak_mb:>8.1f} {count:>9} {m.seconds / base:>20.1f}")
        return 0
    if args.suite == "gate":
        from bench.gate_bench import run as run_gate
        from bench.gate_bench import table as gate_table

        print(gate_table(run_gate(args.out / "gate", args.bin, args.repeat)))
        return 0
    if args.suite == "docker":
        from bench.docker_bench import run as run_docker

        docker_rows = run_docker(args.out / "docker", args.bin, args.repeat)
        base = docker_rows[0][1].seconds
        print(f"{'200 Dockerfiles':<20} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'x mlsec':>8}")
        for name, m in docker_rows:
            print(f"{name:<20} {m.seconds:>8.3f} {m.peak_mb:>8.1f} {m.exit_code:>4} {m.seconds / base:>8.1f}")
        return 0
    if args.suite == "deps":
        from bench.deps_bench import run as run_deps

        deps_rows = run_deps(args.out / "deps", args.bin, args.advisory_db, args.repeat)
        warm = next(m for name, m in deps_rows if name == "mlsec-deps, warm")
        print(f"{'100-line requirements.txt':<40} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'x mlsec warm':>12}")
        for name, m in deps_rows:
            print(f"{name:<40} {m.seconds:>8.3f} {m.peak_mb:>8.1f} {m.exit_code:>4} {m.seconds / warm.seconds:>12.1f}")
        return 0
    if args.suite == "code":
        from bench.code_bench import run as run_code

        code_rows = run_code(args.out / "secrets", args.bin, args.repeat)
        ours_seconds = code_rows[0][2].seconds
        peers = sum(m.seconds for _, tool, m in code_rows[1:])
        print(f"{'case':<34} {'tool':<24} {'seconds':>8} {'peak MB':>8} {'exit':>4}")
        for case, tool, m in code_rows:
            print(f"{case:<34} {tool:<24} {m.seconds:>8.2f} {m.peak_mb:>8.1f} {m.exit_code:>4}")
        if len(code_rows) > 1:
            print(f"peers together: {peers:.2f} s = {peers / ours_seconds:.1f}x mlsec-code")
        return 0
    from bench.artifacts_bench import run

    rows = run(args.out / args.suite, args.bin, args.size_mb << 20, args.repeat)
    ours = {case: m for case, tool, m in rows if tool == "mlsec-artifacts"}
    print(f"{'case':<28} {'tool':<22} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'x slower than mlsec':>20}")
    for case, tool, m in rows:
        ratio = m.seconds / ours[case].seconds
        print(f"{case:<28} {tool:<22} {m.seconds:>8.3f} {m.peak_mb:>8.1f} {m.exit_code:>4} {ratio:>20.2f}")
    return 0


def run_oracle_property_tests(examples: int) -> int:
    """The loader-oracle property tests with many examples and no xfail marks: each family's
    real outcome against today's scanner (`make test` runs a handful of examples)."""
    import os
    import subprocess

    env = {**os.environ, "MLSEC_ORACLE_EXAMPLES": str(examples), "MLSEC_ORACLE_NO_XFAIL": "1"}
    test = str(HERE.parent / "tests" / "artifacts" / "test_loader_oracle.py")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", test]
    return subprocess.run(command, env=env, cwd=HERE.parent).returncode


if __name__ == "__main__":
    raise SystemExit(main())
