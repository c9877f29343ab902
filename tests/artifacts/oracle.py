"""The loader oracle: what would the real loader resolve from this file?

`LoaderOracle.run(path, loader)` asks a long-lived subprocess (oracle_runner.py) to run the
real loader behind an audit hook that refuses every global outside the scanner's allowlist
before it is resolved, and answers with the first refused global, a refused side effect, a
clean load or the loader's own error. The subprocess is started once and reused (torch takes
seconds to import); a crash or a hang restarts it and is reported as such.

Loaders: pickle (pickle.load once), pickle_all (pickle.load until the end of the file), torch
(torch.load, weights_only default), torch_weights_only_false, torch_jit (torch.jit.load),
joblib, numpy (np.load(allow_pickle=True), every npz member), pandas (read_pickle, compression
inferred from the extension).
"""

from __future__ import annotations

import importlib.util
import json
import os
import select
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).resolve().with_name("oracle_runner.py")

LOADER_PACKAGES = {
    "pickle": "pickle",
    "pickle_all": "pickle",
    "torch": "torch",
    "torch_weights_only_false": "torch",
    "torch_jit": "torch",
    "joblib": "joblib",
    "numpy": "numpy",
    "pandas": "pandas",
}
LOADERS = tuple(LOADER_PACKAGES)


def missing_package(loader: str) -> str | None:
    """Why this loader cannot run here, or None when it can."""
    package = LOADER_PACKAGES[loader]
    if importlib.util.find_spec(package) is None:
        return f"{package} is not installed (a test-only dependency: pip install -e '.[test]')"
    return None


@dataclass(frozen=True)
class OracleResult:
    loader: str
    status: str  # refused | sink | clean | error | unavailable | crashed | timeout
    global_: tuple[str, str] | None = None
    detail: str = ""
    changed: tuple[str, ...] = field(default=())

    @property
    def reached(self) -> bool:
        """The loader would have run something outside the allowlist (refused here)."""
        return self.status in ("refused", "sink")

    def describe(self) -> str:
        if self.status == "refused" and self.global_:
            return f"{self.loader} resolves {self.global_[0]}.{self.global_[1]} ({self.detail})"
        if self.status == "sink":
            return f"{self.loader} has a load-time side effect: {self.detail}"
        return f"{self.loader}: {self.status} {self.detail}".strip()

    @classmethod
    def from_answer(cls, loader: str, answer: dict[str, Any]) -> OracleResult:
        status = str(answer.get("status", "error"))
        found = answer.get("global")
        global_ = (str(found[0]), str(found[1])) if found else None
        if status == "refused":
            detail = str(answer.get("via", ""))
        elif status == "sink":
            detail = f"{answer.get('event', '')} {answer.get('target', '')}".strip()
        else:
            detail = str(answer.get("error", ""))
        return cls(loader, status, global_, detail, tuple(answer.get("changed", ())))


class LoaderOracle:
    def __init__(self, timeout: float = 120.0, preload: tuple[str, ...] = ()) -> None:
        self.timeout = timeout
        self.preload = preload
        self._process: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._next_id = 0

    def __enter__(self) -> LoaderOracle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream:
                    stream.close()
        self._buffer = b""

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        self._process = subprocess.Popen(
            [sys.executable, str(RUNNER), str(ROOT), *self.preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=str(ROOT),
        )
        self._buffer = b""
        ready = self._read_line(self.timeout)
        if ready is None or not json.loads(ready).get("ready"):
            self._kill()
            raise RuntimeError("the loader oracle did not start")
        return self._process

    def _read_line(self, timeout: float) -> bytes | None:
        assert self._process is not None and self._process.stdout is not None
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def run(self, path: Path | str, loader: str, watch: Path | str | None = None) -> OracleResult:
        if loader not in LOADER_PACKAGES:
            raise ValueError(f"unknown loader {loader!r}")
        if missing_package(loader):
            return OracleResult(loader, "unavailable", detail=missing_package(loader) or "")
        process = self._start()
        self._next_id += 1
        request = {"id": self._next_id, "path": str(path), "loader": loader, "watch": str(watch) if watch else None}
        assert process.stdin is not None
        try:
            process.stdin.write((json.dumps(request) + "\n").encode())
            process.stdin.flush()
        except BrokenPipeError:
            self._kill()
            return OracleResult(loader, "crashed", detail="the oracle process had exited")
        line = self._read_line(self.timeout)
        if line is None:
            crashed = process.poll() is not None
            self._kill()
            if crashed:
                return OracleResult(loader, "crashed", detail=f"the loader killed the process ({process.returncode})")
            return OracleResult(loader, "timeout", detail=f"no answer within {self.timeout} s")
        return OracleResult.from_answer(loader, json.loads(line))

    def run_all(
        self, path: Path | str, loaders: tuple[str, ...] = LOADERS, watch: Path | str | None = None
    ) -> list[OracleResult]:
        return [self.run(path, loader, watch) for loader in loaders]
