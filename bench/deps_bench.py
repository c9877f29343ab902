"""mlsec-deps against pip-audit on a 100-line requirements file, the same advisory data for both:
mlsec-deps reads the PyPA snapshot offline, pip-audit queries it through a local OSV server."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from bench.measure import Measurement, measure


def write_requirements(snapshot: Path, target: Path, count: int = 100) -> None:
    """Pins for the first `count` packages of the snapshot: a vulnerable version where one is listed."""
    import yaml

    lines = ["# generated: 100 exact pins, about half of them vulnerable"]
    for folder in sorted(p for p in snapshot.iterdir() if p.is_dir())[:count]:
        record = yaml.safe_load(next(folder.glob("*.yaml")).read_text())
        versions = [v for a in record.get("affected", []) for v in a.get("versions", [])]
        version = versions[-1] if versions and len(lines) % 2 else "999.0.0"
        lines.append(f"{folder.name}=={version}")
    target.write_text("\n".join(lines) + "\n")


class _LocalOSV(BaseHTTPRequestHandler):
    records: ClassVar[dict[str, list[dict[str, Any]]]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        from hooks.deps.advisories import affects
        from hooks.deps.model import normalize

        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name, version = normalize(query["package"]["name"]), query["version"]
        vulns = []
        for record in self.records.get(name, []):
            for affected in record.get("affected", []):
                if normalize(affected["package"]["name"]) == name and affects(affected, version)[0]:
                    vulns.append(record)
                    break
        body = json.dumps({"vulns": vulns} if vulns else {}, default=str).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(snapshot: Path) -> tuple[ThreadingHTTPServer, str]:
    from hooks.deps.model import normalize
    from hooks.deps.osv import _iter_files, _parse

    records: dict[str, list[dict[str, Any]]] = {}
    for name, data in _iter_files(snapshot):
        try:
            record = _parse(name, data)
        except Exception:  # noqa: BLE001 - a bad record is left out of the stand-in server
            continue
        for affected in record.get("affected", []) if isinstance(record, dict) else []:
            records.setdefault(normalize(affected["package"]["name"]), []).append(record)
    _LocalOSV.records = records
    server = ThreadingHTTPServer(("127.0.0.1", 0), _LocalOSV)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1/query"


def run(folder: Path, bin_dir: Path, snapshot: Path, repeat: int) -> list[tuple[str, Measurement]]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)
    requirements = folder / "requirements.txt"
    write_requirements(snapshot, requirements)
    rows: list[tuple[str, Measurement]] = []
    ours = [str(bin_dir / "mlsec-deps"), "--advisory-db", str(snapshot), "requirements.txt"]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["MLSEC_CACHE_DIR"] = cache
        start = time.perf_counter()
        cold = measure(ours, 1, cwd=folder)
        rows.append(("mlsec-deps, cold (builds the index)", cold))
        rows.append(("mlsec-deps, warm", measure(ours, repeat, cwd=folder)))
        del os.environ["MLSEC_CACHE_DIR"]
        _ = start
    pip_audit = shutil.which("pip-audit", path=str(bin_dir))
    if pip_audit:
        server, url = serve(snapshot)
        try:
            with tempfile.TemporaryDirectory() as cache:
                command = [
                    pip_audit,
                    "-r",
                    "requirements.txt",
                    "--no-deps",
                    "--disable-pip",
                    "-s",
                    "osv",
                    "--osv-url",
                    url,
                    "--cache-dir",
                    cache,
                    "--progress-spinner",
                    "off",
                ]
                rows.append(("pip-audit, cold cache", measure(command, 1, cwd=folder)))
                rows.append(("pip-audit, warm cache", measure(command, repeat, cwd=folder)))
        finally:
            server.shutdown()
    return rows
