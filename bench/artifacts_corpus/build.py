"""Build the corpus: venvs with the real libraries, the generators per split, the oracle check,
and one manifest per split (`bench/out/artifacts_corpus/<split>/manifest.json`).

The libraries are installed into venvs beside the checkout (`.venv-corpus`, and
`.venv-corpus-pd2` for pandas 2), never into the hooks' environment. What does not install is
left out with a note in the manifest. The malicious files are then run through the loader
oracle (tests/artifacts/oracle.py) with the corpus venv's libraries, so each manifest entry
records what the real loaders resolve: a sample no loader reaches is kept but marked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_VENV = ROOT / ".venv-corpus"
PANDAS2_VENV = ROOT / ".venv-corpus-pd2"
CORPUS_PACKAGES = [
    "torch==2.13.0",  # the CPU wheel on disk; an unpinned torch pulls a CUDA build
    "scikit-learn",
    "pandas",
    "pyarrow",
    "scipy",
    "statsmodels",
    "lightgbm",
    "xgboost-cpu",
    "catboost",
    "transformers",
    "accelerate",
    "dill",
    "cloudpickle",
    "joblib",
    "lz4",
    "zstandard",
    "openpyxl",
]
PANDAS2_PACKAGES = ["pandas<3", "pyarrow", "numpy<2.3", "scipy", "zstandard", "lz4"]
REPORTED_VERSIONS = [
    "torch", "scikit-learn", "pandas", "pyarrow", "numpy", "scipy", "statsmodels", "lightgbm", "xgboost-cpu",
    "catboost", "transformers", "dill", "cloudpickle", "joblib", "lz4",
]  # fmt: skip


def ensure_venv(venv: Path, packages: list[str]) -> tuple[Path | None, list[str]]:
    """The venv's python, and the packages that would not install."""
    python = venv / "bin" / "python"
    marker = venv / ".corpus-installed"
    if marker.is_file():
        return python, json.loads(marker.read_text())
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    missing: list[str] = []
    if subprocess.run([*pip, *packages], capture_output=True).returncode != 0:
        for package in packages:
            if subprocess.run([*pip, package], capture_output=True).returncode != 0:
                missing.append(package)
    marker.write_text(json.dumps(missing))
    return python, missing


def versions(python: Path) -> dict[str, str]:
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True)
    found = {item["name"].lower(): item["version"] for item in json.loads(listed.stdout or "[]")}
    return {name: found[name] for name in REPORTED_VERSIONS if name in found}


def _generate(python: Path, module: str, out: Path, split: str, *extra: str) -> dict | list:
    out.mkdir(parents=True, exist_ok=True)
    command = [str(python), "-m", f"bench.artifacts_corpus.{module}", str(out), split, *extra]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=3600)
    sys.stderr.write(result.stderr[-2000:] if result.returncode else result.stderr.splitlines()[-1] + "\n")
    part = out / "manifest.part.json"
    if result.returncode != 0 or not part.is_file():
        raise RuntimeError(f"{module} {split} failed (exit {result.returncode})")
    loaded = json.loads(part.read_text())
    part.unlink()
    return loaded


def _oracle_check(python: Path, split_dir: Path, entries: list[dict]) -> None:
    """Record, per malicious file, what the real loaders resolve (in the corpus venv)."""
    from bench.artifacts_corpus.malicious import CANARY

    canary_dir = Path(CANARY).parent
    canary_dir.mkdir(parents=True, exist_ok=True)
    script = (
        "import json, shutil, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from tests.artifacts.oracle import LoaderOracle\n"
        f"canary = Path({str(canary_dir)!r})\n"
        "jobs = json.load(sys.stdin)\n"
        "out = []\n"
        "with LoaderOracle(timeout=300) as oracle:\n"
        "    for path, loaders in jobs:\n"
        "        described = []\n"
        "        for loader in loaders:\n"
        "            shutil.rmtree(canary, ignore_errors=True)\n"  # a canary left by an earlier sample hides a write
        "            canary.mkdir(parents=True)\n"
        "            described.append(oracle.run(path, loader, watch=canary).describe())\n"
        "        out.append(described)\n"
        "print(json.dumps(out))\n"
    )
    jobs = [[str(split_dir / e["file"]), e["loaders"]] for e in entries]
    result = subprocess.run(
        [str(python), "-c", script], input=json.dumps(jobs), capture_output=True, text=True, cwd=ROOT, timeout=3600
    )
    if result.returncode != 0:
        sys.stderr.write(f"oracle check failed: {result.stderr[-1500:]}\n")
        return
    for entry, described in zip(entries, json.loads(result.stdout.splitlines()[-1]), strict=True):
        entry["oracle"] = described
        entry["oracle_reached"] = any(" resolves " in d or "side effect" in d for d in described)
    shutil.rmtree(canary_dir, ignore_errors=True)


def build(out_root: Path, splits: tuple[str, ...] = ("tune", "heldout"), force: bool = False) -> dict[str, Path]:
    manifests: dict[str, Path] = {}
    python, missing = ensure_venv(CORPUS_VENV, CORPUS_PACKAGES)
    pd2_python, pd2_missing = ensure_venv(PANDAS2_VENV, PANDAS2_PACKAGES)
    for split in splits:
        split_dir = out_root / split
        manifest = split_dir / "manifest.json"
        manifests[split] = manifest
        if manifest.is_file() and not force:
            continue
        if split_dir.exists():
            shutil.rmtree(split_dir)
        if split == "fresh":  # written after the scanner changes, measured once (fresh.py)
            command = [str(python), "-m", "bench.artifacts_corpus.fresh", str(split_dir)]
            subprocess.run(command, cwd=ROOT, check=True, timeout=3600)
            record = json.loads(manifest.read_text())
            _oracle_check(python, split_dir, [e for e in record["files"] if e["label"] == "malicious"])
            manifest.write_text(json.dumps(record, indent=1))
            continue
        started = time.time()
        benign = _generate(python, "benign", split_dir / "benign", split)
        skipped = [f"not installed: {p}" for p in missing] + benign["skipped"]
        entries = [{**e, "file": f"benign/{e['file']}"} for e in benign["entries"]]
        if pd2_python is not None and "pandas<3" not in pd2_missing:
            pd2 = _generate(pd2_python, "benign", split_dir / "benign_pd2", split, "--only", "pandas")
            entries += [{**e, "file": f"benign_pd2/{e['file']}"} for e in pd2["entries"]]
            skipped += [f"pandas 2: {s}" for s in pd2["skipped"]]
        else:
            skipped.append("pandas 2: venv did not install")
        malicious = [
            {**e, "file": f"malicious/{e['file']}"}
            for e in _generate(python, "malicious", split_dir / "malicious", split)
        ]
        _oracle_check(python, split_dir, malicious)
        record = {
            "split": split,
            "built_seconds": round(time.time() - started, 1),
            "libraries": versions(python),
            "pandas2": versions(pd2_python) if pd2_python else {},
            "skipped": skipped,
            "files": entries + malicious,
        }
        manifest.write_text(json.dumps(record, indent=1))
    return manifests


if __name__ == "__main__":
    for name, path in build(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "artifacts_corpus"
    ).items():
        print(name, path)
