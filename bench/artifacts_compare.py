"""Same findings before and after a change to the artifact walker (a differential check).

    python -m bench.artifacts_compare mutate SEED_DIR... --out DIR [--count N] [--seed S]
    python -m bench.artifacts_compare dump FOLDER... --out FILE.json
    python -m bench.artifacts_compare diff BEFORE.json AFTER.json

`dump` runs mlsec-artifacts (scanner plus filtering tail, as the hook does) on every file under
the folders and writes each file's findings (rule, severity, message, fingerprint); run it once
with the old tree on PYTHONPATH and once with the new one, then `diff`. `mutate` writes
deterministic byte-level mutations of seed files under several names, so the comparison also
covers the error paths (truncations, flipped bytes, spliced containers) and not only clean files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

_NAMES = ("x.pkl", "x.txt", "x.pt", "x.npy", "x.joblib", "x.bin", "x.pkl.gz", "x.zip", "x.dat")


def _wrap(data: bytes, rng: random.Random) -> bytes:
    """The data inside a container, so the containers' paths see broken content too."""
    import bz2
    import gzip
    import io
    import tarfile
    import zipfile

    choice = rng.randrange(5)
    if choice == 0:
        return gzip.compress(data)
    if choice == 1:
        return bz2.compress(data)
    buffer = io.BytesIO()
    if choice == 4:
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            info = tarfile.TarInfo(rng.choice(["m.pkl", "notes.txt", "data"]))
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        return buffer.getvalue()
    method = zipfile.ZIP_STORED if choice == 2 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(rng.choice(["archive/data.pkl", "m.pkl", "readme.md", "arr.npy"]), data)
        if rng.randrange(2):
            archive.writestr("archive/data/0", b"\x00" * 8)
    return buffer.getvalue()


def _mutate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    choice = rng.randrange(7)
    if choice >= 5:
        return _wrap(_mutate(data, rng) if choice == 6 else data, rng)
    buffer = bytearray(data)
    if choice == 0:  # flip a few bytes
        for _ in range(rng.randint(1, 8)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    elif choice == 1:  # truncate
        del buffer[rng.randrange(len(buffer)) :]
    elif choice == 2:  # insert garbage
        at = rng.randrange(len(buffer) + 1)
        buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
    elif choice == 3:  # append a copy of itself (second stream, trailing data)
        buffer += data[: rng.randrange(len(data) + 1)]
    else:  # delete a slice
        start = rng.randrange(len(buffer))
        del buffer[start : start + rng.randint(1, 64)]
    return bytes(buffer)


def mutate(seed_dirs: list[Path], out: Path, count: int, seed: int) -> int:
    seeds = sorted(p for d in seed_dirs for p in d.rglob("*") if p.is_file() and p.stat().st_size < 4 << 20)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source = seeds[index % len(seeds)]
        data = source.read_bytes() if index < len(seeds) else _mutate(source.read_bytes(), rng)
        name = source.name if index < len(seeds) else rng.choice(_NAMES)
        target = out / f"{index:05d}" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"{count} files from {len(seeds)} seeds in {out}")
    return 0


def dump(folders: list[Path], out: Path) -> int:
    from hooks._core.policy import Policy
    from hooks._core.runner import scan_file
    from hooks._core.tail import TailContext
    from hooks.artifacts.spec import SPEC
    from hooks.catalog import registry

    results: dict[str, list[dict[str, object]]] = {}
    for folder in folders:
        context = TailContext(Policy(root=folder), registry())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            display = path.relative_to(folder).as_posix()
            findings = scan_file(SPEC, path, display, context)
            key = f"{folder.name}/{display}"
            results[key] = [
                {k: v for k, v in f.as_dict().items() if k in ("rule_id", "severity", "message", "fingerprint")}
                for f in findings
            ]
    out.write_text(json.dumps(results, indent=1, sort_keys=True))
    total = sum(len(v) for v in results.values())
    print(f"{len(results)} files, {total} findings -> {out}")
    return 0


def diff(before: Path, after: Path) -> int:
    old = json.loads(before.read_text())
    new = json.loads(after.read_text())
    differing = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    for key in differing[:40]:
        print(f"--- {key}\n  before: {old.get(key)}\n  after:  {new.get(key)}")
    findings = sum(len(v) for v in old.values())
    print(f"{len(old)} files, {findings} findings before; {len(differing)} files differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.artifacts_compare", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("mutate")
    m.add_argument("seeds", nargs="+", type=Path)
    m.add_argument("--out", type=Path, required=True)
    m.add_argument("--count", type=int, default=3000)
    m.add_argument("--seed", type=int, default=0)
    d = sub.add_parser("dump")
    d.add_argument("folders", nargs="+", type=Path)
    d.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "mutate":
        return mutate(args.seeds, args.out, args.count, args.seed)
    if args.command == "dump":
        return dump(args.folders, args.out)
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
