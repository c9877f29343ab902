"""`mlsec advisories update`: refresh the advisory snapshot in the user cache.

From OSV's PyPI export by default (`MLSEC_OSV_EXPORT_URL` overrides the URL), or from a local
zip export, OSV folder or snapshot (`--from PATH`) for air-gapped machines. The download is
bounded in size and time and must be a complete zip; the snapshot is checked and written
atomically, so a failed update leaves the previous snapshot in place.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from hooks._shared.urls import redact_url
from hooks.deps import snapshot as snapshots
from hooks.deps.osv import AdvisoryError

DEFAULT_EXPORT_URL = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"
MAX_DOWNLOAD_BYTES = 1 << 30
DOWNLOAD_SECONDS = 600.0


def _download(url: str, target: Path, timeout: float = 30.0) -> None:
    import urllib.error
    import urllib.request

    shown = redact_url(url)
    if not url.startswith(("https://", "http://")):
        raise AdvisoryError(f"export URL {shown!r} is not an http(s) URL")
    deadline = time.monotonic() + DOWNLOAD_SECONDS
    size = 0
    try:
        # nosec B310: the scheme was checked above (http or https only).
        with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:  # noqa: S310  # nosec B310
            while chunk := response.read1(1 << 20):
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES or time.monotonic() > deadline:
                    raise AdvisoryError(f"download from {shown} exceeded {MAX_DOWNLOAD_BYTES >> 20} MiB or its time")
                out.write(chunk)
    except AdvisoryError:
        raise
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or type(exc).__name__
        raise AdvisoryError(f"download from {shown} failed ({reason})") from None
    except Exception as exc:  # noqa: BLE001 - http.client's protocol errors: one line, exit 2
        raise AdvisoryError(f"download from {shown} failed ({type(exc).__name__})") from None


def update(source: str | None = None) -> str:
    """Refresh the user snapshot; return a one-line summary. AdvisoryError when it cannot."""
    target = snapshots.user_snapshot_path()
    if source is not None and not source.startswith(("https://", "http://")):
        path = Path(source)
        if not path.exists():
            raise AdvisoryError(f"{source} does not exist")
        built = snapshots.read(path) if path.is_file() and snapshots._is_snapshot(path) else snapshots.build(path)
        origin = path.name
    else:
        url = source or os.environ.get("MLSEC_OSV_EXPORT_URL") or DEFAULT_EXPORT_URL
        with tempfile.TemporaryDirectory(prefix="mlsec-osv-") as folder:
            archive = Path(folder) / "all.zip"
            _download(url, archive)
            built = snapshots.build(archive, sources=[redact_url(url)])
        origin = redact_url(url)
    built.source_key = ""
    snapshots.write(built, target)
    skipped = f", {built.skipped} invalid records skipped" if built.skipped else ""
    return (
        f"advisory snapshot updated from {origin}: {built.records} records for "
        f"{len(set(built.packages) | set(built.encoded))} packages, newest {built.newest[:10] or 'undated'}"
        f"{skipped} -> {target}"
    )
