"""Advisory snapshots: built, checked, cached, dated; sources that cannot be read are exit 2."""

from __future__ import annotations

import gzip
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.cli.mlsec import main as mlsec
from hooks.deps import snapshot
from hooks.deps.advisories import OfflineAdvisories
from hooks.deps.osv import AdvisoryError, stored_entries
from tests.deps.conftest import install_user_snapshot, osv_record


def _export(path: Path, records: list[dict[str, object]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for record in records:
            archive.writestr(f"{record['id']}.json", json.dumps(record))
    return path


def test_round_trip_keeps_dates_counts_and_matches(tmp_path: Path) -> None:
    db = _export(tmp_path / "all.zip", [osv_record("PYSEC-9", "numpy", fixed="1.22.0")])
    built = snapshot.build(db)
    snapshot.write(built, tmp_path / "s.gz")
    again = snapshot.read(tmp_path / "s.gz")
    assert (again.records, again.skipped, again.newest) == (1, 0, built.newest)
    assert [s.id for s in again.entries("numpy")] == ["PYSEC-9"]
    assert again.entries("pandas") == []
    assert again.age_days() == 0


def test_round_trip_keeps_whether_an_advisory_says_only_denial_of_service(tmp_path: Path) -> None:
    hang = osv_record("PYSEC-7", "black", fixed="24.3.0")
    hang["details"] = "Regular expression denial of service (ReDoS) in black's string handling."
    worse = osv_record("PYSEC-8", "black", fixed="24.3.0")
    worse["details"] = "A crafted file makes black execute arbitrary code."
    snapshot.write(snapshot.build(_export(tmp_path / "all.zip", [hang, worse])), tmp_path / "s.gz")
    again = snapshot.read(tmp_path / "s.gz")
    flags = {s.id: s.flags for s in again.entries("black")}
    assert flags["PYSEC-7"] & 4 and not flags["PYSEC-8"] & 4


def test_yaml_timestamps_date_the_snapshot(tmp_path: Path) -> None:
    (tmp_path / "PYSEC-2.yaml").write_text(
        "id: PYSEC-2\nmodified: 2031-05-06T00:00:00Z\naffected:\n- package: {name: pillow, ecosystem: PyPI}\n"
    )
    assert snapshot.build(tmp_path).newest.startswith("2031-05-06")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated gzip
        lambda data: b"not gzip at all",
        lambda data: gzip.compress(gzip.decompress(data).replace(b'"PYSEC-9"', b'"PYSEC-8"')),  # digest mismatch
        lambda data: gzip.compress(b'{"format": "other"}\n{}'),
        lambda data: gzip.compress(b"[" * 100_000 + b"\n"),
    ],
)
def test_damaged_snapshots_are_refused(tmp_path: Path, damage: object) -> None:
    target = tmp_path / "s.gz"
    snapshot.write(snapshot.build(_export(tmp_path / "all.zip", [osv_record("PYSEC-9", "numpy")])), target)
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    with pytest.raises(AdvisoryError):
        snapshot.read(target)


def test_malformed_entry_with_a_matching_digest_is_refused_when_used(tmp_path: Path) -> None:
    """A tamperer who recomputes the checksum still cannot feed malformed entries."""
    import hashlib

    payload = b'[["../../x",[],"s",0,[],[]]]'
    header = {
        "format": snapshot.FORMAT,
        "version": snapshot.FORMAT_VERSION,
        "newest": "2030-01-01",
        "records": 1,
        "skipped": 0,
        "sources": [],
        "sha256": hashlib.sha256(payload).hexdigest(),
        "index": {"numpy": [0, len(payload)]},
    }
    target = tmp_path / "s.gz"
    target.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + payload))
    with pytest.raises(AdvisoryError, match="malformed entries"):
        snapshot.read(target).entries("numpy")


def test_a_tampered_cache_is_rebuilt_not_trusted(repo: Path, tmp_path: Path, cache_in_tmp: Path) -> None:
    """Repro 09: deleting the cached rows used to turn a vulnerable pin into a pass."""
    db = _export(tmp_path / "all.zip", [osv_record("PYSEC-9", "jinja2", fixed="2.11.3")])
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    (cached,) = cache_in_tmp.glob("osv-*.snapshot.gz")
    data = gzip.decompress(cached.read_bytes())
    header, _, payload = data.partition(b"\n")
    cached.write_bytes(gzip.compress(header + b"\n" + payload.replace(b"jinja2", b"jinjaX")))
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1


@pytest.mark.parametrize("kind", ["truncated", "not-zip", "only-bad-records", "too-many-entries"])
def test_unusable_sources_are_exit_2_with_one_line(
    repo: Path,
    tmp_path: Path,
    cache_in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """Repro 09: a truncated export used to mean "no vulnerabilities"."""
    records = [osv_record("PYSEC-9", "jinja2", fixed="2.11.3"), {"id": "PYSEC-P", "details": "A" * 4000}]
    db = _export(tmp_path / "all.zip", records)
    if kind == "truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    elif kind == "not-zip":
        db.write_bytes(b"<html>proxy login page</html>")
    elif kind == "too-many-entries":
        # The limit is lowered rather than a million entries written: the check reads the count
        # from the zip's end record, before ZipFile loads the directory.
        import hooks.deps.osv

        monkeypatch.setattr(hooks.deps.osv, "MAX_ZIP_ENTRIES", 1)
    else:
        with zipfile.ZipFile(db, "w") as archive:
            archive.writestr("a.json", json.dumps({"id": "PYSEC-B", "affected": ["x"]}))
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(cache_in_tmp.rglob("*.tmp"))
    if kind == "too-many-entries":
        assert "lists more than 1 entries" in err


def test_some_bad_records_are_skipped_and_said(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _export(tmp_path / "all.zip", [osv_record("PYSEC-9", "jinja2", fixed="2.11.3")])
    with zipfile.ZipFile(db, "a") as archive:
        archive.writestr("bad.json", json.dumps({"id": "PYSEC-B", "affected": ["x"]}))
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "MLS401" in out
    assert "MLS416 [medium] 1 of 2 records" in out


def test_stale_and_undated_data_is_a_finding(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = osv_record("PYSEC-9", "numpy", fixed="1.22.0")
    old["modified"] = "2020-01-01T00:00:00Z"
    db = _export(tmp_path / "all.zip", [old])
    (repo / "requirements.txt").write_text("pandas==2.2.2\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS416 [medium] vulnerabilities checked against the advisory source all.zip" in capsys.readouterr().out
    # Look-alike: the same data within the age the policy allows passes.
    (repo / ".mlsec.yaml").write_text("deps:\n  max_snapshot_age_days: 100000\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 0
    del old["modified"]
    db = _export(tmp_path / "undated.zip", [old])
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "age is unknown" in capsys.readouterr().out


def test_user_snapshot_is_used_by_default_and_a_corrupt_one_is_exit_2(
    repo: Path, cache_in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_user_snapshot(cache_in_tmp, [osv_record("PYSEC-7", "jinja2", fixed="2.11.3")])
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    assert main(["requirements.txt"]) == 1
    assert "jinja2 2.4.1 has known vulnerabilities: PYSEC-7" in capsys.readouterr().out
    (cache_in_tmp / snapshot.SNAPSHOT_NAME).write_bytes(b"\x1f\x8b garbage")
    assert main(["requirements.txt"]) == 2
    assert "mlsec advisories update" in capsys.readouterr().err


def test_update_from_a_local_zip_replaces_the_snapshot_and_a_failed_one_keeps_it(
    repo: Path, tmp_path: Path, cache_in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _export(tmp_path / "all.zip", [osv_record("PYSEC-7", "jinja2", fixed="2.11.3")])
    assert mlsec(["advisories", "update", "--from", str(db)]) == 0
    assert "1 records for 1 packages" in capsys.readouterr().out
    (repo / "requirements.txt").write_text("jinja2==2.4.1\n")
    assert main(["requirements.txt"]) == 1
    before = (cache_in_tmp / snapshot.SNAPSHOT_NAME).read_bytes()
    db.write_bytes(db.read_bytes()[:40])
    assert mlsec(["advisories", "update", "--from", str(db)]) == 2
    assert (cache_in_tmp / snapshot.SNAPSHOT_NAME).read_bytes() == before
    assert not list(cache_in_tmp.glob("*.tmp")) and not list(cache_in_tmp.glob(".snapshot-*"))


class _Export(BaseHTTPRequestHandler):
    body: ClassVar[bytes] = b""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


@pytest.fixture
def export_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Export)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/PyPI/all.zip"
    server.shutdown()
    server.server_close()


def test_update_downloads_the_export_from_a_local_server(
    tmp_path: Path, export_server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _Export.body = _export(tmp_path / "all.zip", [osv_record("MAL-2030-1", "evil-pkg")]).read_bytes()
    monkeypatch.setenv("MLSEC_OSV_EXPORT_URL", export_server)
    assert mlsec(["advisories", "update"]) == 0
    assert "127.0.0.1" in capsys.readouterr().out
    _Export.body = _Export.body[:100]  # an interrupted download
    assert mlsec(["advisories", "update"]) == 2
    assert "not a complete zip export" in capsys.readouterr().err


def test_offline_source_object_describes_its_date(tmp_path: Path) -> None:
    source = OfflineAdvisories(_export(tmp_path / "all.zip", [osv_record("PYSEC-9", "numpy")]))
    assert "records up to 20" in source.describe()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_RECORDISH = st.fixed_dictionaries(
    {"id": st.sampled_from(["PYSEC-1", "GHSA-x", "../../x", "", 5])},
    optional={"aliases": _JSON, "affected": _JSON, "summary": _JSON, "details": _JSON, "modified": _JSON},
)


@given(record=_RECORDISH | _JSON)
@settings(max_examples=300, deadline=None)
def test_record_validation_never_raises_on_garbage(record: object) -> None:
    entries = stored_entries(record)
    assert entries is None or isinstance(entries, list)


@given(data=st.binary(max_size=400))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_snapshot_reader_on_garbage_only_raises_advisory_error(tmp_path: Path, data: bytes) -> None:
    target = tmp_path / "g.gz"
    for candidate in (data, gzip.compress(data)):
        target.write_bytes(candidate)
        try:
            snapshot.read(target).entries("numpy")
        except AdvisoryError:
            pass


@pytest.mark.parametrize("fixed", ["1.0\x1b[31m", "2.0\nrequirements.txt:1:1: MLS000 forged", "9" * 500, ""])
def test_event_versions_that_are_not_versions_make_the_record_invalid(fixed: str) -> None:
    """A fixed version is printed in MLS401 ("fixed in X"): a record whose version is not
    version-shaped is skipped and counted, never shown."""
    from hooks.deps.osv import stored_entries
    from tests.deps.conftest import osv_record

    record = osv_record("PYSEC-0000-9", "jinja2", fixed="2.0")
    assert stored_entries(record)
    record["affected"][0]["ranges"][0]["events"][1] = {"fixed": fixed}  # type: ignore[index]
    assert stored_entries(record) is None


def test_a_version_1_snapshot_is_still_read_and_a_build_is_made_again_for_version_2(tmp_path: Path) -> None:
    hang = osv_record("PYSEC-7", "black", fixed="24.3.0")
    hang["details"] = "Regular expression denial of service (ReDoS) in black's string handling."
    built = snapshot.build(_export(tmp_path / "all.zip", [hang]))
    snapshot.write(built, tmp_path / "s.gz")
    raw = gzip.decompress((tmp_path / "s.gz").read_bytes())
    header, _, payload = raw.partition(b"\n")
    old = json.loads(header)
    assert old["version"] == 2
    old["version"] = 1  # what an older `mlsec advisories update` wrote
    (tmp_path / "v1.gz").write_bytes(gzip.compress(json.dumps(old).encode() + b"\n" + payload))
    assert [s.id for s in snapshot.read(tmp_path / "v1.gz").entries("black")] == ["PYSEC-7"]
    old["version"] = 3  # a newer one is refused
    (tmp_path / "v3.gz").write_bytes(gzip.compress(json.dumps(old).encode() + b"\n" + payload))
    with pytest.raises(AdvisoryError):
        snapshot.read(tmp_path / "v3.gz")
