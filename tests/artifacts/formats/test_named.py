"""Text formats recognised by name: the bytes they read are still there for the content table."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hooks.artifacts.formats.named import MAX_TEXT, buffered_text
from hooks.artifacts.formats.table import NAMED_FORMATS, recognise_name
from hooks.artifacts.source import Source
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def _stream_source(data: bytes) -> Source:
    stream = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
    return Source(stream, None, "c.yaml", "c.yaml", 1, seekable=False, head=data[:512])


def test_text_larger_than_the_cap_is_given_back_whole() -> None:
    big = b"x" * (MAX_TEXT + 10)
    text, again, prefix = buffered_text(_stream_source(big))
    assert text is None and again.handle.read() == big and prefix == big[: MAX_TEXT + 1]
    text, again, prefix = buffered_text(_stream_source(b"a: 1\n"))
    assert text == b"a: 1\n" and again.handle.read() == b"a: 1\n" and prefix == text


def test_names_pick_one_format_each() -> None:
    assert recognise_name("m/MLmodel") is not None and recognise_name("a/b/Config.JSON") is not None
    assert recognise_name("model.pkl") is None
    assert len({fmt.name for fmt in NAMED_FORMATS}) == len(NAMED_FORMATS)


def test_a_config_member_of_a_deflated_zip(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("run/conf.yaml", b"a:\n  _target_: os.system\n")
        archive.writestr("run/pickled.yaml", malicious_pickle(tmp_path / "c", protocol=0))
    assert rules(scan_bytes(tmp_path, "bundle.zip", buffer.getvalue())) == ["MLS101", "MLS126"]
