"""Offline advisory index and the online OSV client (against a local server on 127.0.0.1)."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.advisories import OfflineAdvisories, affects
from hooks.deps.osv import Advisory, distinct, past_listed
from tests.deps.conftest import osv_record


@pytest.mark.parametrize(
    ("affected", "version", "hit", "fixed"),
    [
        ({"ranges": [{"events": [{"introduced": "0"}, {"fixed": "1.13.1"}]}]}, "1.13.0", True, "1.13.1"),
        ({"ranges": [{"events": [{"introduced": "0"}, {"fixed": "1.13.1"}]}]}, "1.13.1", False, None),
        ({"ranges": [{"events": [{"introduced": "2.0"}, {"fixed": "2.5"}]}]}, "1.9", False, "2.5"),
        ({"ranges": [{"events": [{"introduced": "9.0"}, {"last_affected": "9.5.0"}]}]}, "9.5.0", True, None),
        ({"ranges": [{"events": [{"introduced": "9.0"}, {"last_affected": "9.5.0"}]}]}, "9.5.1", False, None),
        (
            {
                "ranges": [
                    {"events": [{"introduced": "1.0"}, {"fixed": "1.2"}, {"introduced": "2.0"}, {"fixed": "2.1"}]}
                ]
            },
            "2.0.5",
            True,
            "2.1",
        ),
        ({"ranges": [], "versions": ["0.0.post12"]}, "0.0.post12", True, None),
        # a generated list naming the release the range calls the fix (gevent PYSEC-2023-177): the fix wins
        (
            {"ranges": [{"events": [{"introduced": "0"}, {"fixed": "23.9.0"}]}], "versions": ["23.7.0", "23.9.0"]},
            "23.9.0",
            False,
            None,
        ),
        # look-alike: the same list, a release the range does not call fixed, stays affected
        (
            {"ranges": [{"events": [{"introduced": "0"}, {"fixed": "23.9.0"}]}], "versions": ["23.7.0", "23.9.0"]},
            "23.7.0",
            True,
            "23.9.0",
        ),
        ({"ranges": [{"events": [{"introduced": "0"}, {"fixed": "1.2"}]}], "versions": ["1.5"]}, "1.5", True, None),
    ],
)
def test_osv_version_matching(affected: dict[str, Any], version: str, hit: bool, fixed: str | None) -> None:
    assert affects(affected, version) == (hit, fixed)


_OPEN = {"events": [{"introduced": "0"}]}


@pytest.mark.parametrize(
    ("affected", "version", "unlisted"),
    [
        # an open range, and the release came after every one the record lists
        ({"ranges": [_OPEN], "versions": ["0.1", "0.2"]}, "0.3", True),
        # look-alikes: a listed release, a release between listed ones, a record that lists nothing
        ({"ranges": [_OPEN], "versions": ["0.1", "0.2"]}, "0.2", False),
        ({"ranges": [_OPEN], "versions": ["0.1", "0.3"]}, "0.2", False),
        ({"ranges": [_OPEN], "versions": []}, "0.3", False),
        # a range that closes above the release is the record's statement about it
        ({"ranges": [{"events": [{"introduced": "0"}, {"fixed": "2.0"}]}], "versions": ["1.0"]}, "1.5", False),
        ({"ranges": [{"events": [{"introduced": "0"}, {"last_affected": "1.5"}]}], "versions": ["1.0"]}, "1.5", False),
        # fixed once, brought back in 1.5 with no fix named: the open tail
        (
            {
                "ranges": [{"events": [{"introduced": "0"}, {"fixed": "1.0"}, {"introduced": "1.5"}]}],
                "versions": ["1.5"],
            },
            "1.6",
            True,
        ),
        # a local build, a post-release or a pre-release of a listed release is that release
        ({"ranges": [_OPEN], "versions": ["1.0.0", "2.0.0"]}, "2.0.0+cpu", False),
        ({"ranges": [_OPEN], "versions": ["1.0.0", "2.0.0"]}, "2.0.0.post1", False),
        ({"ranges": [_OPEN], "versions": ["1.0.0", "2.0.0"]}, "2.0.1rc1", True),
        ({"ranges": [_OPEN], "versions": ["1.0"]}, "1.0.0", False),  # the same release, written longer
        # a fix event that does not parse may be above the release
        (
            {"ranges": [{"events": [{"introduced": "0"}, {"fixed": "2.0-final-1"}]}], "versions": ["1.0"]},
            "1.5",
            False,
        ),
        # a listed version that does not parse could be anything: not past the list
        ({"ranges": [_OPEN], "versions": ["0.1", "nightly"]}, "0.3", False),
        ({"ranges": [_OPEN], "versions": ["0.1"]}, "not-a-version", False),
    ],
)
def test_a_release_past_everything_a_record_lists(affected: dict[str, Any], version: str, unlisted: bool) -> None:
    assert past_listed(affected, version) is unlisted


def test_another_record_of_the_same_flaw_that_lists_the_release_confirms_it() -> None:
    pysec = Advisory("PYSEC-1", ("GHSA-aaaa-bbbb-cccc", "CVE-1"), "s", None, False, past_listed=True)
    ghsa = Advisory("GHSA-aaaa-bbbb-cccc", ("CVE-1",), "s", "2.0", False, past_listed=False)
    assert [a.past_listed for a in distinct([pysec, ghsa])] == [False]
    assert [a.past_listed for a in distinct([pysec])] == [True]


def _unlisted_db(tmp_path: Path, *, fixed: str | None = None) -> Path:
    record = osv_record("PYSEC-2023-194", "langchain-experimental", fixed=fixed, versions=["0.0.1", "0.3.2"])
    path = tmp_path / "unlisted.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.json", json.dumps(record))
    return path


def test_a_release_newer_than_an_unfixed_record_lists_is_low(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _unlisted_db(tmp_path)
    (repo / "requirements.txt").write_text("langchain-experimental==0.3.4\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "MLS401 [low] langchain-experimental 0.3.4 is newer than every release these advisories list" in out
    # look-alike: a release the record lists stays high
    (repo / "requirements.txt").write_text("langchain-experimental==0.3.2\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high] langchain-experimental 0.3.2 has known vulnerabilities" in capsys.readouterr().out
    # the strict profile keeps every advisory high
    (repo / "requirements.txt").write_text("langchain-experimental==0.3.4\n")
    assert main(["--profile", "strict", "requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out


def test_a_record_naming_a_fix_above_the_release_stays_high(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _unlisted_db(tmp_path, fixed="0.4")
    (repo / "requirements.txt").write_text("langchain-experimental==0.3.4\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high] langchain-experimental 0.3.4 has known vulnerabilities: PYSEC-2023-194; fixed in 0.4" in (
        capsys.readouterr().out
    )


def test_offline_findings_name_ids_aliases_and_fix(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "requirements.txt").write_text("torch==1.13.0\npillow==9.1.0\nsneaky-utils==1.0\ntorch-fine==1.0\n")
    assert main(["requirements.txt", "--advisory-db", str(advisory_db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "requirements.txt:1:1: MLS401 [high] torch 1.13.0 has known vulnerabilities: "
        "PYSEC-1 (CVE-2022-45907); fixed in 1.13.1"
    )
    assert "pillow 9.1.0 has known vulnerabilities: PYSEC-2; no fixed version published" in out[1]
    assert "MLS402 [critical] sneaky-utils 1.0 is known malware (MAL-2024-1)" in out[2]
    assert len(out) == 3


def test_snapshot_is_cached_and_rebuilt_when_the_source_changes(advisory_db: Path, cache_in_tmp: Path) -> None:
    first = OfflineAdvisories(advisory_db)
    assert first.lookup([("torch", "1.0")])[("torch", "1.0")][0].id == "PYSEC-1"
    cached = list(cache_in_tmp.glob("osv-*.snapshot.gz"))
    assert len(cached) == 1
    again = OfflineAdvisories(advisory_db)
    assert again.snapshot.source_key == first.snapshot.source_key
    (advisory_db / "torch" / "PYSEC-3.json").write_text(json.dumps(osv_record("PYSEC-3", "torch", fixed="9.0")))
    rebuilt = OfflineAdvisories(advisory_db)
    assert rebuilt.snapshot.source_key != first.snapshot.source_key
    assert [a.id for a in rebuilt.lookup([("torch", "1.0")])[("torch", "1.0")]] == ["PYSEC-1", "PYSEC-3"]
    assert not list(cache_in_tmp.glob("*.tmp"))


def test_a_refreshed_snapshot_is_a_new_verdict_not_a_cached_one(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The snapshot's identity is in the result cache's key: a record added to the mirror reaches
    an unchanged requirements file on the very next run (of the same process too)."""
    (repo / "requirements.txt").write_text("numpy==1.21.0\n")
    for _ in range(2):  # cold, then warm
        assert main(["requirements.txt", "--advisory-db", str(advisory_db)]) == 0
    (advisory_db / "numpy").mkdir()
    (advisory_db / "numpy" / "PYSEC-7.json").write_text(json.dumps(osv_record("PYSEC-7", "numpy", fixed="1.22")))
    assert main(["requirements.txt", "--advisory-db", str(advisory_db)]) == 1
    assert "PYSEC-7" in capsys.readouterr().out


def test_osv_zip_export(tmp_path: Path) -> None:
    export = tmp_path / "PyPI.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("PYSEC-9.json", json.dumps(osv_record("PYSEC-9", "numpy", fixed="1.22.0")))
    found = OfflineAdvisories(export).lookup([("NumPy", "1.21.0")])
    assert [a.id for a in found[("NumPy", "1.21.0")]] == ["PYSEC-9"]


def test_missing_advisory_db_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text("torch==1.13.0\n")
    assert main(["requirements.txt", "--advisory-db", "nowhere"]) == 2
    assert "does not exist" in capsys.readouterr().err


class _OSV(BaseHTTPRequestHandler):
    records: ClassVar[dict[str, dict[str, Any]]] = {}
    down: ClassVar[bool] = False  # answer every query with a server error

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: Any, status: int = 200) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        if self.down:
            self._send({"message": "unavailable"}, 503)
            return
        queries = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["queries"]
        results = []
        for query in queries:
            name, version = query["package"]["name"], query["version"]
            vulns = [
                {"id": r["id"], "modified": r["modified"]}
                for r in self.records.values()
                if r["affected"][0]["package"]["name"] == name and affects(r["affected"][0], version)[0]
            ]
            results.append({"vulns": vulns} if vulns else {})
        self._send({"results": results})

    def do_GET(self) -> None:
        record = self.records.get(self.path.rsplit("/", 1)[-1])
        self._send(record or {"message": "not found"}, 200 if record else 404)


@pytest.fixture
def osv_server() -> Iterator[str]:
    _OSV.records = {"GHSA-1": osv_record("GHSA-1", "torch", fixed="2.0.0", aliases=["CVE-1"])}
    _OSV.down = False
    server = HTTPServer(("127.0.0.1", 0), _OSV)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_online_mode_against_a_local_osv_server(
    repo: Path, osv_server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLSEC_OSV_URL", osv_server)
    (repo / "requirements.txt").write_text("torch==1.13.0\nnumpy==2.0.0\n")
    assert main(["requirements.txt", "--online"]) == 1
    out = capsys.readouterr().out
    assert "torch 1.13.0 has known vulnerabilities: GHSA-1 (CVE-1); fixed in 2.0.0" in out
    assert "numpy" not in out
    # Details are cached on disk: a second run needs only the batch query.
    _OSV.records["GHSA-1"]["summary"] = "changed"
    assert main(["requirements.txt", "--online"]) == 1


def test_online_failure_is_exit_2_unless_the_policy_says_warn(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLSEC_OSV_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    (repo / "requirements.txt").write_text("torch==1.13.0\n")
    assert main(["requirements.txt", "--online"]) == 2
    assert "OSV query" in capsys.readouterr().err
    (repo / ".mlsec.yaml").write_text("deps:\n  online: true\n  online_failure: warn\n")
    assert main(["requirements.txt"]) == 0
    assert "vulnerabilities not checked" in capsys.readouterr().err


def test_a_lookup_that_failed_with_a_warning_is_not_cached(
    repo: Path, osv_server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Within the online TTL, a run after the outage must check the advisories again, not
    replay the unchecked verdict from the result cache."""
    monkeypatch.setenv("MLSEC_OSV_URL", osv_server)
    (repo / ".mlsec.yaml").write_text("deps:\n  online: true\n  online_failure: warn\n")
    (repo / "requirements.txt").write_text("torch==1.13.0\n")
    _OSV.down = True
    assert main(["requirements.txt"]) == 0
    assert "vulnerabilities not checked" in capsys.readouterr().err
    _OSV.down = False
    assert main(["requirements.txt"]) == 1
    assert "GHSA-1" in capsys.readouterr().out


def test_withdrawn_records_are_skipped_and_aliases_reported_once(tmp_path: Path) -> None:
    db = tmp_path / "osv"
    db.mkdir()
    (db / "PYSEC-5.json").write_text(json.dumps(osv_record("PYSEC-5", "numpy", fixed="1.22", aliases=["GHSA-x"])))
    (db / "GHSA-x.json").write_text(json.dumps(osv_record("GHSA-x", "numpy", fixed="1.22", aliases=["PYSEC-5"])))
    withdrawn = osv_record("PYSEC-6", "numpy", fixed="9.0")
    withdrawn["withdrawn"] = "2024-02-01T00:00:00Z"
    (db / "PYSEC-6.json").write_text(json.dumps(withdrawn))
    found = OfflineAdvisories(db).lookup([("numpy", "1.21.0")])[("numpy", "1.21.0")]
    assert [a.id for a in found] == ["PYSEC-5"]


def test_verdict_inputs_follow_the_source_and_the_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """For a result cache: a refreshed snapshot, another configured source or another day is
    another verdict (MLS416 ages); an unreadable configured source is 'do not cache'."""
    from hooks.deps import snapshot as snapshots
    from hooks.deps.advisories import verdict_inputs

    monkeypatch.setenv("MLSEC_CACHE_DIR", str(tmp_path / "empty-cache"))
    empty = verdict_inputs({}, tmp_path)
    assert empty is not None and empty[0] == "none"
    folder = tmp_path / "db"
    folder.mkdir()
    (folder / "a.json").write_text("{}")
    first = verdict_inputs({"advisory_db": "db"}, tmp_path)
    (folder / "b.json").write_text("{}")
    assert first is not None and verdict_inputs({"advisory_db": "db"}, tmp_path) != first
    assert verdict_inputs({"advisory_db": "missing.zip"}, tmp_path) is None
    user = snapshots.user_snapshot_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_bytes(b"\x1f\x8b")
    installed = verdict_inputs({}, tmp_path)
    assert installed is not None and installed[0].startswith("user:")
    online = verdict_inputs({"online": True}, tmp_path)
    assert online is not None and online[0].startswith("online:")
