"""The OSV API client against hostile local servers on 127.0.0.1: bounded, validated, exit 2."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps import online
from hooks.deps.osv import AdvisoryError
from tests.deps.conftest import osv_record

KEYS = ["results", "vulns", "id", "modified", "affected", "package", "name", "ecosystem", "ranges", "aliases"]
RECORD = osv_record("PYSEC-TEST-1", "jinja2", fixed="2.11.3", aliases=["CVE-2099-0001"])


class _Server(BaseHTTPRequestHandler):
    mode: ClassVar[str] = "ok"
    paths: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        queries = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["queries"]
        mode = self.mode
        if mode == "slow":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
            return
        answers = {
            "null": {"results": None},
            "short": {"results": []},
            "bad-id": {"results": [{"vulns": [{"id": "../../x", "modified": "z"}]}] * len(queries)},
            "big": {"results": [{}] * len(queries), "pad": "A" * 300_000},
        }
        if mode == "deep":
            self._send(b"[" * 200_000)
            return
        answer = answers.get(mode, {"results": [{"vulns": [{"id": RECORD["id"], "modified": "m"}]}] * len(queries)})
        self._send(json.dumps(answer).encode())

    def do_GET(self) -> None:
        type(self).paths.append(self.path)
        body = {"error": "overloaded"} if self.mode == "glitch" else RECORD
        self._send(json.dumps(body).encode())


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_Server]]:
    _Server.mode, _Server.paths = "ok", []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("MLSEC_OSV_URL", f"http://127.0.0.1:{httpd.server_address[1]}")
    yield _Server
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def pinned(repo: Path) -> Path:
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    return repo


def test_a_healthy_answer_is_a_finding(server: type[_Server], pinned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["requirements.txt", "--online"]) == 1
    assert "PYSEC-TEST-1 (CVE-2099-0001); fixed in 2.11.3" in capsys.readouterr().out


def test_a_trickling_server_cannot_hold_the_hook(
    server: type[_Server], pinned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.mode = "slow"
    (pinned / ".mlsec.yaml").write_text("deps:\n  online: true\n  timeout_seconds: 1\n  online_deadline_seconds: 2\n")
    started = time.monotonic()
    assert main(["requirements.txt"]) == 2
    assert time.monotonic() - started < 10
    assert "took longer than 2 s" in capsys.readouterr().err


def test_the_deadline_is_one_for_the_run_not_one_per_file(
    server: type[_Server], pinned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.mode = "slow"
    (pinned / ".mlsec.yaml").write_text(
        "deps:\n  online: true\n  timeout_seconds: 1\n  online_deadline_seconds: 2\n  online_failure: warn\n"
    )
    names = [f"requirements-{n}.txt" for n in range(6)]
    for name in names:
        (pinned / name).write_text(f"jinja2==2.4.{names.index(name)}\n")
    started = time.monotonic()
    main(names)
    assert time.monotonic() - started < 9  # six per-file deadlines would be 12 s or more
    out = capsys.readouterr().out
    assert out.count("MLS416") == 1 and f"(and {len(names) - 1} more file(s) in this run)" in out  # run-wide


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("null", "one result per query"),
        ("short", "one result per query"),
        ("bad-id", "invalid advisory id"),
        ("deep", "not valid JSON"),
        ("glitch", "not a valid OSV record"),
    ],
)
def test_malformed_answers_are_exit_2_with_one_line(
    server: type[_Server], pinned: Path, capsys: pytest.CaptureFixture[str], mode: str, said: str
) -> None:
    server.mode = mode
    assert main(["requirements.txt", "--online"]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1
    assert "../../x" not in err
    assert all(".." not in path for path in server.paths)


def test_oversized_answers_are_refused(
    server: type[_Server], pinned: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.mode = "big"
    monkeypatch.setattr(online, "MAX_BATCH_BYTES", 100_000)
    assert main(["requirements.txt", "--online"]) == 2
    assert "larger than" in capsys.readouterr().err


def test_a_bad_record_is_not_cached_and_a_tampered_cache_is_refetched(
    server: type[_Server], pinned: Path, cache_in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Repro 09: one glitched /v1/vulns answer used to be cached forever."""
    server.mode = "glitch"
    assert main(["requirements.txt", "--online"]) == 2
    server.mode = "ok"
    assert main(["requirements.txt", "--online"]) == 1
    assert "PYSEC-TEST-1" in capsys.readouterr().out
    (cached,) = (cache_in_tmp / "osv-online").glob("*.json")
    cached.write_text(json.dumps({"id": "PYSEC-TEST-1", "affected": "tampered"}))
    fetched = len(server.paths)
    # --no-cache: the result cache would answer from the verdict of the run before (same bytes,
    # same hour), and this test is about the client's own record cache under it.
    assert main(["requirements.txt", "--online", "--no-cache"]) == 1
    assert len(server.paths) == fetched + 1


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(["PYSEC-1", "GHSA-x"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(KEYS), children, max_size=4),
    max_leaves=25,
)


@given(batch=_JSON, record=_JSON)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_answer_is_a_result_or_an_advisory_error(tmp_path: Path, batch: object, record: object) -> None:
    client = online.OnlineAdvisories("http://127.0.0.1:9", cache=tmp_path)

    def answer(path: str, body: object, limit: int) -> object:
        return batch if path == "/v1/querybatch" else record

    client._request = answer  # type: ignore[method-assign]
    try:
        found = client.lookup([("jinja2", "2.4.1")])
    except AdvisoryError:
        return
    assert set(found) == {("jinja2", "2.4.1")}
