"""The OSV API (`/v1/querybatch`, then `/v1/vulns/ID`), bounded and validated.

What a server sends is untrusted: every body is read under a size cap and one total deadline
(a server that trickles its answer cannot hold the hook), JSON nesting is bounded, the answer
must have one result per query, every id must have OSV id syntax before it is used in a URL or
a message, and every record must validate before it is used or cached. A cached record is
validated again when read; one that fails is fetched again. Any failure is an `AdvisoryError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hooks._shared.requirements import normalize
from hooks._shared.urls import redact_url
from hooks.deps.osv import OSV_ID, Advisory, AdvisoryError, advisory_of, affects, distinct, stored_entries
from hooks.deps.snapshot import cache_dir

MAX_BATCH_BYTES = 16 << 20
MAX_RECORD_BYTES = 2 << 20
MAX_QUERIES = 1000  # the API's batch limit
CHUNK = 64 << 10


def _loads(data: bytes, what: str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise AdvisoryError(f"OSV answer for {what} is not valid JSON") from None


class OnlineAdvisories:
    def __init__(self, base_url: str, timeout: float = 5.0, deadline: float = 60.0, cache: Path | None = None) -> None:
        if not base_url.startswith(("https://", "http://")):
            raise AdvisoryError(f"OSV URL {redact_url(base_url)!r} is not an http(s) URL")
        self.base_url = base_url.rstrip("/")
        self.shown_url = redact_url(self.base_url)
        self.timeout = timeout
        self.deadline_seconds = deadline
        self.cache = (cache or cache_dir()) / "osv-online"
        self._deadline = 0.0

    def describe(self) -> str:
        return f"the OSV API at {self.shown_url}"

    def _remaining(self) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise AdvisoryError(f"OSV query to {self.shown_url} took longer than {self.deadline_seconds:g} s")
        return left

    def _request(self, path: str, body: dict[str, Any] | None, limit: int) -> Any:
        import urllib.error
        import urllib.request

        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 - an http(s) URL from the policy or the default
            f"{self.base_url}{path}",
            data=data,
            headers={"Content-Type": "application/json", "Accept-Encoding": "identity"},
            method="POST" if data is not None else "GET",
        )
        try:
            timeout = min(self.timeout, self._remaining())
            # nosec B310: the scheme was checked in __init__ (http or https only).
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310
                chunks: list[bytes] = []
                size = 0
                while True:
                    self._remaining()
                    chunk = response.read1(CHUNK)  # at most one read from the socket
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise AdvisoryError(f"OSV answer from {self.shown_url} is larger than {limit >> 20} MiB")
                    chunks.append(chunk)
        except AdvisoryError:
            raise
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or type(exc).__name__
            raise AdvisoryError(f"OSV query to {self.shown_url} failed ({reason})") from None
        except Exception as exc:  # noqa: BLE001 - http.client's protocol errors: one line, exit 2
            raise AdvisoryError(f"OSV query to {self.shown_url} failed ({type(exc).__name__})") from None
        return _loads(b"".join(chunks), path.rsplit("/", 1)[-1])

    def _cached(self, file: Path, advisory_id: str) -> dict[str, Any] | None:
        try:
            data = file.read_bytes()
            record = json.loads(data) if len(data) <= MAX_RECORD_BYTES else None
        except (OSError, ValueError, RecursionError):
            return None
        if isinstance(record, dict) and record.get("id") == advisory_id and stored_entries(record) is not None:
            return record
        return None  # altered or unreadable: fetched again

    def _store(self, file: Path, record: dict[str, Any]) -> None:
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".osv-", suffix=".tmp", dir=self.cache)
            try:
                with os.fdopen(handle, "w") as out:
                    json.dump(record, out)
                Path(temporary).replace(file)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only cache costs a refetch, nothing else

    def _vulnerability(self, advisory_id: str, modified: str) -> dict[str, Any]:
        safe_name = hashlib.sha256(f"{advisory_id}\0{modified}".encode()).hexdigest()[:32]
        file = self.cache / f"{safe_name}.json"
        cached = self._cached(file, advisory_id)
        if cached is not None:
            return cached
        record = self._request(f"/v1/vulns/{advisory_id}", None, MAX_RECORD_BYTES)
        if not isinstance(record, dict) or record.get("id") != advisory_id or stored_entries(record) is None:
            raise AdvisoryError(f"OSV record {advisory_id} from {self.shown_url} is not a valid OSV record")
        self._store(file, record)
        return record

    def lookup(self, pins: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        pins = list(dict.fromkeys(pins))
        found: dict[tuple[str, str], list[Advisory]] = {pin: [] for pin in pins}
        if not self._deadline:
            # One deadline for the whole run, not one per file: a trickling server must not
            # hold a pre-commit run of fifty requirements files for fifty deadlines.
            self._deadline = time.monotonic() + self.deadline_seconds
        for start in range(0, len(pins), MAX_QUERIES):
            batch = pins[start : start + MAX_QUERIES]
            queries = [{"package": {"name": name, "ecosystem": "PyPI"}, "version": version} for name, version in batch]
            answer = self._request("/v1/querybatch", {"queries": queries}, MAX_BATCH_BYTES)
            results = answer.get("results") if isinstance(answer, dict) else None
            if not isinstance(results, list) or len(results) != len(batch):
                raise AdvisoryError(
                    f"OSV answer from {self.shown_url} does not hold one result per query "
                    f"({len(batch)} asked); vulnerabilities not checked"
                )
            for pin, result in zip(batch, results, strict=True):
                vulns = result.get("vulns") if isinstance(result, dict) else None
                if result not in ({}, None) and not isinstance(vulns, (list, type(None))):
                    raise AdvisoryError(f"OSV answer from {self.shown_url} has a malformed result")
                for vuln in vulns or []:
                    advisory_id = vuln.get("id") if isinstance(vuln, dict) else None
                    modified = vuln.get("modified", "") if isinstance(vuln, dict) else ""
                    if not isinstance(advisory_id, str) or not OSV_ID.match(advisory_id):
                        raise AdvisoryError(f"OSV answer from {self.shown_url} names an invalid advisory id")
                    record = self._vulnerability(advisory_id, str(modified)[:64])
                    for package, stored in stored_entries(record) or []:
                        if package != normalize(pin[0]):
                            continue
                        # The server matched the version (GIT ranges included); the record
                        # gives the fixed version.
                        _hit, fixed = affects(stored.affected, pin[1])
                        found[pin].append(advisory_of(stored, fixed, pin[1]))
        return {pin: distinct(advisories) for pin, advisories in found.items()}
