"""Single-line files of `size` bytes that defeat super-linear patterns; timed per tool.

A benchmark, not a test: issue 15 asks for a 10 MB single-line file in under 1 s.
"""

from __future__ import annotations

import base64
import random
import subprocess
import time
from pathlib import Path


def cases(size: int) -> dict[str, bytes]:
    rng = random.Random(15)
    words = ["function", "var", "return", "this", "null", "Object", "prototype", "apply", "length", "e", "t", "n", "r"]
    js = []
    total = 0
    while total < size:
        piece = f"{rng.choice(words)}{rng.choice('.,;(){}=+')}{rng.choice(words)}_{rng.randint(0, 999)}"
        js.append(piece)
        total += len(piece)
    return {
        "sk-repeated.txt": (b"sk-" * (size // 3))[:size] + b"\n",
        "minified.js": "".join(js).encode()[:size] + b"\n",
        "base64-line.txt": base64.b64encode(rng.randbytes(size * 3 // 4))[:size] + b"\n",
        "a-dot-a.py": b'x = "' + (b"a." * (size // 2))[: size - 8] + b'"\n',
    }


def write(folder: Path, size: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)
    paths = []
    for name, data in cases(size).items():
        path = folder / name
        if not path.exists() or path.stat().st_size != len(data):
            path.write_bytes(data)
        paths.append(path)
    return paths


def time_tool(command: list[str], cwd: Path, timeout: float) -> tuple[float | None, int | None]:
    """Seconds, or None past the timeout; and the exit code."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None
    return time.perf_counter() - start, done.returncode
