"""mlsec-data: speed on a 10 MB CSV, false positives on a generated PII-free dataset of 1M rows,
and the standard library's `re` against google-re2 on 100 MB.

    python -m bench data [--rows 1000000] [--repeat 5] [--out DIR] [--heldout DIR ...]

Generated files (never committed) go to `--out`. `--heldout DIR` also runs the hook on folders
of public datasets fetched outside the tuning loop and prints counts per rule.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

from bench.measure import measure

WORDS = (
    "the model loss accuracy feature value red green blue cat dog house price train test epoch batch "
    "learning rate gradient tensor label sample cluster score review great bad product delivery"
).split()


def realistic_row(rng: random.Random, index: int) -> str:
    """An ML table: ids, times, features, categories, a label, a short text, a hash."""
    features = ",".join(f"{rng.gauss(0, 1):.6f}" for _ in range(8))
    text = " ".join(rng.choices(WORDS, k=rng.randint(4, 12)))
    return (
        f"{index},{1_700_000_000 + rng.randint(0, 10**7)},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
        f'{features},{rng.choice(["A", "B", "C", "D"])},{rng.randint(0, 1)},"{text}",'
        f"{hashlib.sha1(str(index).encode()).hexdigest()[:16]},{rng.random() * 500:.2f}"
    )


REALISTIC_HEADER = "id,ts,day,f1,f2,f3,f4,f5,f6,f7,f8,segment,label,review,user_hash,amount"


def _luhn_invalid(rng: random.Random) -> str:
    from hooks.data.validators import luhn

    while True:
        number = "4" + "".join(rng.choices("0123456789", k=15))
        if not luhn(number):
            return number


def lookalike_row(rng: random.Random, index: int) -> str:
    """Every column looks like personal data and is not (issue 20's look-alikes)."""
    bad_card = _luhn_invalid(rng)
    octets = ".".join(str(rng.randint(0, 25)) for _ in range(4))
    return ",".join(
        [
            str(6_126_933_103_096_309 + index * 7_919),  # 16-digit order id (Luhn by chance 1 in 10)
            str(1_700_000_000 + rng.randint(0, 10**7)),  # unix timestamp
            f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z",
            octets,  # version string shaped like an IPv4 address
            hashlib.sha256(str(index).encode()).hexdigest()[:40],
            str(uuid.UUID(int=rng.getrandbits(128))),
            f"ID-{rng.randint(200, 999)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",  # phone-like id
            f"(415) 555-01{rng.randint(0, 99):02d}",  # fictional phone range
            f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",  # private address
            " ".join(bad_card[i : i + 4] for i in range(0, 16, 4)),  # Luhn-invalid card shape
            f"9{rng.randint(0, 99):02d}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",  # never-issued SSN area
            f"DE00{rng.randint(10**17, 10**18 - 1)}",  # IBAN shape, impossible check digits
            f"user{index}@example.com",
            f"{rng.random() * 1000:.10f}",
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2010)}",  # a date alone
            f"v{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}",
        ]
    )


LOOKALIKE_HEADER = (
    "order_no,ts,created,build,digest,uuid,ticket,support_line,host,masked_card,batch_code,account_ref,contact,"
    "x,day,release"
)


def write_csv(path: Path, header: str, row: object, *, rows: int | None = None, size: int | None = None) -> Path:
    rng = random.Random(20)
    with path.open("w") as handle:
        handle.write(header + "\n")
        written, index = 0, 0
        while (rows is not None and index < rows) or (size is not None and written < size):
            line = row(rng, index) + "\n"  # type: ignore[operator]
            handle.write(line)
            written += len(line)
            index += 1
    return path


NAIVE = {
    "email": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    "phone": r"\+?\d{1,3}[ -]?\(?\d{3}\)?[ -]?\d{3}[ -]?\d{4}",
    "ssn": r"\b\d{3}-\d{2}-\d{4}\b",
    "card": r"\b(?:\d[ -]?){13,19}\b",
    "iban": r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b",
    "ipv4": r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
}


def regex_throughput(data: bytes) -> list[tuple[str, float, int]]:
    """MB/s of the naive pattern set, one pass per pattern and as one alternation, in re and re2."""
    import re

    text = data.decode("utf-8", "replace")
    combined = "|".join(f"(?:{p})" for p in NAIVE.values())
    rows: list[tuple[str, float, int]] = []
    engines: list[tuple[str, object]] = [("re", re)]
    try:
        import re2

        engines.append(("re2", re2))
    except ImportError:
        print("google-re2 not installed: re2 rows skipped (pip install google-re2)")
    for engine_name, engine in engines:
        for label, pattern in (("6 patterns, one pass each", None), ("one alternation", combined)):
            patterns = list(NAIVE.values()) if pattern is None else [pattern]
            compiled = [engine.compile(p) for p in patterns]  # type: ignore[attr-defined]
            start = time.perf_counter()
            count = sum(sum(1 for _ in c.finditer(text)) for c in compiled)
            seconds = time.perf_counter() - start
            rows.append((f"{engine_name}: {label}", len(data) / seconds / 1e6, count))
    from hooks.data.detectors import find_candidates

    start = time.perf_counter()
    block = 8 << 20
    count = 0
    for offset in range(0, len(data), block):
        count += sum(1 for c in find_candidates(data[offset : offset + block]) if c.valid)
    seconds = time.perf_counter() - start
    rows.append(("mlsec-data detectors (re, anchored, validated)", len(data) / seconds / 1e6, count))
    return rows


def run(out: Path, bin_dir: Path, repeat: int, rows_1m: int, heldout: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    hook = str(bin_dir / "mlsec-data")
    (out / ".git").mkdir(exist_ok=True)
    # Size is not what this suite measures: the tables are "in LFS", so only personal data can be reported.
    (out / ".gitattributes").write_text("*.csv filter=lfs diff=lfs merge=lfs -text\n")
    realistic = write_csv(out / "realistic_10mb.csv", REALISTIC_HEADER, realistic_row, size=10_000_000)
    lookalike_10 = write_csv(out / "lookalike_10mb.csv", LOOKALIKE_HEADER, lookalike_row, size=10_000_000)
    big = write_csv(out / "lookalike_1m_rows.csv", LOOKALIKE_HEADER, lookalike_row, rows=rows_1m)
    print(f"{'case':<52} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'MB/s':>8}")
    for label, path, extra in (
        ("10 MB realistic CSV, default sample", realistic, []),
        ("10 MB look-alike CSV, default sample", lookalike_10, []),
        ("10 MB realistic CSV, --full", realistic, ["--full"]),
        (f"{rows_1m:,}-row look-alike CSV, --full", big, ["--full"]),
    ):
        m = measure([hook, *extra, path.name], repeat if path is not big else 1, cwd=out)
        size = path.stat().st_size / 1e6
        print(f"{label:<52} {m.seconds:>8.3f} {m.peak_mb:>8.1f} {m.exit_code:>4} {size / m.seconds:>8.1f}")
    report = subprocess.run([hook, "--full", big.name], cwd=out, capture_output=True, text=True)
    findings = [line for line in report.stdout.splitlines() if ": MLS" in line]
    print(f"findings on the {rows_1m:,}-row PII-free set ({big.stat().st_size / 1e6:.0f} MB): {len(findings)}")
    for line in findings[:20]:
        print("  ", line)
    realistic_100 = write_csv(out / "realistic_100mb.csv", REALISTIC_HEADER, realistic_row, size=100_000_000)
    for label, path in (("realistic", realistic_100), ("look-alike", big)):
        data = path.read_bytes()[:100_000_000]
        print(f"\n{'regex engines, 100 MB ' + label + ' CSV':<52} {'MB/s':>8} {'matches':>10}")
        for row_label, rate, count in regex_throughput(data):
            print(f"{row_label:<52} {rate:>8.1f} {count:>10,}")
    for folder in heldout:
        files = [str(p) for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix.lower() in DATA_SUFFIXES]
        counts: Counter[str] = Counter()
        for start in range(0, len(files), 200):
            done = subprocess.run([hook, *files[start : start + 200]], capture_output=True, text=True, cwd=folder)
            counts.update(
                line.split(" ")[1] + " " + line.split(" ")[2] for line in done.stdout.splitlines() if ": MLS" in line
            )
        print(f"\nheld-out {folder.name}: {len(files)} data files, findings {dict(sorted(counts.items())) or 0}")


DATA_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".parquet", ".xlsx", ".ipynb", ".feather", ".arrow", ".npy")

if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.executable).parent, 3, 1_000_000, [])
