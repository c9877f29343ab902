from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Advisory snapshots go to a per-test cache, never the user's; it starts with a current
    snapshot (as after `mlsec advisories update`) that knows one unrelated advisory."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MLSEC_CACHE_DIR", str(cache))
    install_user_snapshot(cache, [osv_record("PYSEC-0000-1", "unrelated-test-package", fixed="2.0")])
    return cache


def install_user_snapshot(cache: Path, records: list[dict[str, object]]) -> Path:
    from hooks.deps import snapshot

    folder = cache.parent / "user-snapshot-source"
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / f"{record['id']}.json").write_text(json.dumps(record))
    target = cache / snapshot.SNAPSHOT_NAME
    snapshot.write(snapshot.build(folder), target)
    return target


# Records dated today: an advisory source older than deps.max_snapshot_age_days is MLS416.
RECENT = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def osv_record(
    advisory_id: str,
    package: str,
    *,
    introduced: str = "0",
    fixed: str | None = None,
    last_affected: str | None = None,
    versions: list[str] | None = None,
    aliases: list[str] | None = None,
) -> dict[str, object]:
    events: list[dict[str, str]] = [{"introduced": introduced}]
    if fixed:
        events.append({"fixed": fixed})
    if last_affected:
        events.append({"last_affected": last_affected})
    return {
        "id": advisory_id,
        "modified": RECENT,
        "aliases": aliases or [],
        "summary": "test advisory",
        "affected": [
            {
                "package": {"name": package, "ecosystem": "PyPI"},
                "ranges": [{"type": "ECOSYSTEM", "events": events}],
                "versions": versions or [],
            }
        ],
    }


@pytest.fixture
def advisory_db(tmp_path: Path) -> Path:
    db = tmp_path / "osv"
    (db / "torch").mkdir(parents=True)
    (db / "torch" / "PYSEC-1.json").write_text(
        json.dumps(osv_record("PYSEC-1", "torch", fixed="1.13.1", aliases=["CVE-2022-45907"]))
    )
    (db / "pillow").mkdir()
    (db / "pillow" / "PYSEC-2.yaml").write_text(
        "id: PYSEC-2\nmodified: 2024-01-01T00:00:00Z\naffected:\n- package: {name: Pillow, ecosystem: PyPI}\n"
        "  ranges:\n  - type: ECOSYSTEM\n    events:\n    - introduced: '9.0'\n    - last_affected: 9.5.0\n"
    )
    (db / "evil").mkdir()
    (db / "evil" / "MAL-1.json").write_text(json.dumps(osv_record("MAL-2024-1", "sneaky-utils")))
    return db
