"""Zip archives: torch zips, bundles, and the zip tricks torch tolerates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.artifacts.builders import BENIGN_STATE, patch_member, torch_zip, zip_with
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_torch_zip_payload_is_reported_with_member_and_offset(tmp_path: Path) -> None:
    findings = scan_bytes(tmp_path, "model.pt", torch_zip(malicious_pickle(tmp_path / "c")))
    assert rules(findings) == ["MLS101"]
    assert findings[0].message.startswith("archive/data.pkl@0x")


def test_torch_zip_with_any_root_folder_and_extension(tmp_path: Path) -> None:
    data = torch_zip(malicious_pickle(tmp_path / "c"), root="resnet50_final")
    assert rules(scan_bytes(tmp_path, "weights.bin", data)) == ["MLS101"]


def test_benign_torch_zip_is_clean_and_storages_are_never_unpickled(tmp_path: Path) -> None:
    # A pickle hidden in a tensor storage member is only ever read as raw numbers by torch.
    data = torch_zip(BENIGN_STATE, extra={"archive/data/1": malicious_pickle(tmp_path / "c")})
    assert scan_bytes(tmp_path, "model.pt", data) == []


def test_crc_mismatch_is_tolerated_like_torch_and_reported(tmp_path: Path) -> None:
    data = patch_member(torch_zip(malicious_pickle(tmp_path / "c")), b"archive/data.pkl", crc=0xDEADBEEF)
    with pytest.raises(zipfile.BadZipFile):  # the reason zipfile-based scanners miss it
        zipfile.ZipFile(io.BytesIO(data)).read("archive/data.pkl")
    assert rules(scan_bytes(tmp_path, "model.pt", data)) == ["MLS101", "MLS107"]


def test_local_and_central_names_that_differ(tmp_path: Path) -> None:
    data = patch_member(torch_zip(BENIGN_STATE), b"archive/data.pkl", local_name=b"archive/data.pkX")
    findings = scan_bytes(tmp_path, "model.pt", data)
    assert rules(findings) == ["MLS107"]
    assert "local header names" in findings[0].message


def test_encrypted_flag_is_reported_and_member_still_analysed(tmp_path: Path) -> None:
    data = patch_member(torch_zip(malicious_pickle(tmp_path / "c")), b"archive/data.pkl", flags=1)
    assert rules(scan_bytes(tmp_path, "model.pt", data)) == ["MLS101", "MLS107"]


def test_duplicate_member_names_are_both_analysed(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", BENIGN_STATE)
        archive.writestr("archive/data.pkl", malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "model.pt", buffer.getvalue())) == ["MLS101", "MLS107"]


def test_zip_bundle_members_are_dispatched_by_content(tmp_path: Path) -> None:
    bundle = zip_with({"README.md": b"# model\n", "model/clf.joblib": malicious_pickle(tmp_path / "c")})
    findings = scan_bytes(tmp_path, "bundle.zip", bundle)
    assert rules(findings) == ["MLS101"]
    assert findings[0].message.startswith("model/clf.joblib@")
    assert scan_bytes(tmp_path, "docs.zip", zip_with({"a.txt": b"hello", "b.csv": b"1,2\n"})) == []


def test_zip_member_named_like_an_artifact_but_unknown(tmp_path: Path) -> None:
    data = zip_with({"model.pt": b"\x01\x02\x03 not a model"})
    assert rules(scan_bytes(tmp_path, "bundle.zip", data)) == ["MLS902"]


def test_unsupported_zip_compression_fails_closed(tmp_path: Path) -> None:
    data = zip_with({"model.pkl": BENIGN_STATE}, zipfile.ZIP_LZMA)
    assert rules(scan_bytes(tmp_path, "bundle.zip", data)) == ["MLS901"]


def test_an_end_record_claiming_a_longer_comment_than_the_file_holds_is_still_the_zip(tmp_path: Path) -> None:
    # Python's zipfile takes the last end record whatever comment length it gives (red team, stop 41).
    data = bytearray(zip_with({"archive/data.pkl": malicious_pickle(tmp_path / "canary")}))
    data[-2:] = b"\xff\xff"
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).namelist() == ["archive/data.pkl"]
    assert "MLS101" in rules(scan_bytes(tmp_path, "model.pt", bytes(data)))
