"""Container readers: torch zip and legacy, joblib, numpy, compressed, zip bundles, keras, tar, 7z."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import lzma
import pickle
import struct
import sys
import tarfile
import zipfile
import zlib
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests import pickle_asm as asm
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes

BENIGN_STATE = pickle.dumps({"layer.weight": [0.1, 0.2]}, protocol=2)


def torch_zip(data_pkl: bytes, root: str = "archive", extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"{root}/data.pkl", data_pkl)
        archive.writestr(f"{root}/byteorder", b"little")
        archive.writestr(f"{root}/data/0", b"\x00" * 64)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        archive.writestr(f"{root}/version", b"3\n")
    return buffer.getvalue()


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


def _patch_member(
    data: bytes, name: bytes, *, crc: int | None = None, local_name: bytes | None = None, flags: int | None = None
) -> bytes:
    patched = bytearray(data)
    central = patched.find(b"PK\x01\x02" + b"\x00" * 0)
    while central != -1:
        name_len = struct.unpack_from("<H", patched, central + 28)[0]
        if bytes(patched[central + 46 : central + 46 + name_len]) == name:
            break
        central = patched.find(b"PK\x01\x02", central + 4)
    local = struct.unpack_from("<I", patched, central + 42)[0]
    if crc is not None:
        struct.pack_into("<I", patched, central + 16, crc)
        struct.pack_into("<I", patched, local + 14, crc)
    if flags is not None:
        struct.pack_into("<H", patched, central + 8, flags)
        struct.pack_into("<H", patched, local + 6, flags)
    if local_name is not None:
        assert len(local_name) == len(name)
        patched[local + 30 : local + 30 + len(name)] = local_name
    return bytes(patched)


def test_crc_mismatch_is_tolerated_like_torch_and_reported(tmp_path: Path) -> None:
    data = _patch_member(torch_zip(malicious_pickle(tmp_path / "c")), b"archive/data.pkl", crc=0xDEADBEEF)
    with pytest.raises(zipfile.BadZipFile):  # the reason zipfile-based scanners miss it
        zipfile.ZipFile(io.BytesIO(data)).read("archive/data.pkl")
    assert rules(scan_bytes(tmp_path, "model.pt", data)) == ["MLS101", "MLS107"]


def test_local_and_central_names_that_differ(tmp_path: Path) -> None:
    data = _patch_member(torch_zip(BENIGN_STATE), b"archive/data.pkl", local_name=b"archive/data.pkX")
    findings = scan_bytes(tmp_path, "model.pt", data)
    assert rules(findings) == ["MLS107"]
    assert "local header names" in findings[0].message


def test_encrypted_flag_is_reported_and_member_still_analysed(tmp_path: Path) -> None:
    data = _patch_member(torch_zip(malicious_pickle(tmp_path / "c")), b"archive/data.pkl", flags=1)
    assert rules(scan_bytes(tmp_path, "model.pt", data)) == ["MLS101", "MLS107"]


def test_duplicate_member_names_are_both_analysed(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", BENIGN_STATE)
        archive.writestr("archive/data.pkl", malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "model.pt", buffer.getvalue())) == ["MLS101", "MLS107"]


def test_polyglot_pickle_then_zip_is_critical(tmp_path: Path) -> None:
    data = malicious_pickle(tmp_path / "c") + torch_zip(BENIGN_STATE)
    found = rules(scan_bytes(tmp_path, "model.pt", data))
    assert "MLS106" in found and "MLS101" in found


def test_clean_zip_after_clean_pickle_is_still_a_polyglot(tmp_path: Path) -> None:
    data = BENIGN_STATE + torch_zip(BENIGN_STATE)
    assert rules(scan_bytes(tmp_path, "model.pkl", data)) == ["MLS106"]


def _zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_bundle_members_are_dispatched_by_content(tmp_path: Path) -> None:
    bundle = _zip_with({"README.md": b"# model\n", "model/clf.joblib": malicious_pickle(tmp_path / "c")})
    findings = scan_bytes(tmp_path, "bundle.zip", bundle)
    assert rules(findings) == ["MLS101"]
    assert findings[0].message.startswith("model/clf.joblib@")
    assert scan_bytes(tmp_path, "docs.zip", _zip_with({"a.txt": b"hello", "b.csv": b"1,2\n"})) == []


def test_nested_zips_are_followed_up_to_the_depth_limit(tmp_path: Path) -> None:
    inner = _zip_with({"m.pkl": malicious_pickle(tmp_path / "c")})
    assert rules(scan_bytes(tmp_path, "outer.zip", _zip_with({"inner.zip": inner}))) == ["MLS101"]
    nested = inner
    for _ in range(8):
        nested = _zip_with({"next.zip": nested})
    assert "MLS903" in rules(scan_bytes(tmp_path, "deep.zip", nested))


def test_nested_locations_name_every_container_outermost_first(tmp_path: Path) -> None:
    payload = malicious_pickle(tmp_path / "c")
    cases = {
        "outer.zip": _zip_with({"inner.zip": _zip_with({"a/m.pkl": payload})}),
        "bundle.zip": _zip_with({"m/model.pkl.gz": gzip.compress(payload)}),
        "b.tar.gz": gzip.compress(_tar({"m/model.pkl": payload})),
    }
    expected = {
        "outer.zip": "inner.zip>a/m.pkl@0x",
        "bundle.zip": "m/model.pkl.gz>gzip>pickle@0x",
        "b.tar.gz": "gzip>tar>m/model.pkl@0x",
    }
    for name, data in cases.items():
        findings = scan_bytes(tmp_path, name, data)
        assert rules(findings) == ["MLS101"], name
        assert findings[0].message.startswith(expected[name]), findings[0].message


def test_zip_member_named_like_an_artifact_but_unknown(tmp_path: Path) -> None:
    data = _zip_with({"model.pt": b"\x01\x02\x03 not a model"})
    assert rules(scan_bytes(tmp_path, "bundle.zip", data)) == ["MLS902"]


def test_unsupported_zip_compression_fails_closed(tmp_path: Path) -> None:
    data = _zip_with({"model.pkl": BENIGN_STATE}, zipfile.ZIP_LZMA)
    assert rules(scan_bytes(tmp_path, "bundle.zip", data)) == ["MLS901"]


def npy(descr: str, body: bytes, shape: str = "(2,)") -> bytes:
    header = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}".encode()
    header += b" " * (63 - (len(header) + 10) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + body


def test_npy_object_array_pickle_is_analysed(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "x.npy", npy("|O", malicious_pickle(tmp_path / "c", 3)))) == ["MLS101"]
    assert scan_bytes(tmp_path, "y.npy", npy("<f4", b"\x00" * 8)) == []
    assert scan_bytes(tmp_path, "z.npy", npy("|O", pickle.dumps(["a", "b"], protocol=3))) == []


def test_npy_with_a_broken_header_fails_closed(tmp_path: Path) -> None:
    data = b"\x93NUMPY\x01\x00" + struct.pack("<H", 12) + b"__import__()"
    assert rules(scan_bytes(tmp_path, "x.npy", data)) == ["MLS901"]


def test_npz_members(tmp_path: Path) -> None:
    bad = _zip_with({"x.npy": npy("<f8", b"\x00" * 16), "names.npy": npy("|O", malicious_pickle(tmp_path / "c"))})
    assert rules(scan_bytes(tmp_path, "a.npz", bad)) == ["MLS101"]
    assert scan_bytes(tmp_path, "b.npz", _zip_with({"x.npy": npy("<f8", b"\x00" * 16)})) == []


COMPRESSORS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "lzma": lambda d: lzma.compress(d, format=lzma.FORMAT_ALONE),
    "z": zlib.compress,
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_pickles(tmp_path: Path, suffix: str) -> None:
    compress = COMPRESSORS[suffix]
    assert rules(scan_bytes(tmp_path, f"m.pkl.{suffix}", compress(malicious_pickle(tmp_path / "c")))) == ["MLS101"]
    assert scan_bytes(tmp_path, f"ok.pkl.{suffix}", compress(BENIGN_STATE)) == []


def test_compressed_text_is_not_an_artifact_but_compressed_garbage_named_model_is(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "data.csv.gz", gzip.compress(b"a,b\n1,2\n")) == []
    assert rules(scan_bytes(tmp_path, "model.pkl.gz", gzip.compress(b"\x01\x02garbage"))) == ["MLS902"]
    assert rules(scan_bytes(tmp_path, "model.pkl.gz", b"\x1f\x8b\x08\x00broken")) == ["MLS901"]


def test_concatenated_gzip_members_are_all_read(tmp_path: Path) -> None:
    data = gzip.compress(pickle.dumps([1], protocol=2)) + gzip.compress(malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "m.pkl.gz", data)) == ["MLS101", "MLS105"]


def test_decompression_bomb_fails_closed(tmp_path: Path) -> None:
    bomb = gzip.compress(pickle.dumps(b"\x00" * (8 << 20), protocol=4), compresslevel=9)
    policy = Policy(root=tmp_path, sections={"artifacts": {"max_decompressed_mb": 1}})
    findings = scan_bytes(tmp_path, "m.pkl.gz", bomb, policy)
    assert rules(findings) == ["MLS903"]
    assert "bomb" in findings[0].message


def joblib_with_array(raw: bytes, tail: bytes = b"") -> bytes:
    """What joblib.dump writes for one float64 array: wrapper, BUILD, padding, raw bytes."""
    dtype = asm.global_("numpy", "dtype") + asm.MARK + asm.text("f8") + b"\x89\x88" + asm.TUPLE + asm.REDUCE
    dtype += asm.MARK + b"K\x03" + asm.text("<") + b"NNN" + asm.binint(-1) + asm.binint(-1) + b"K\x00"
    dtype += asm.TUPLE + asm.BUILD
    state = asm.EMPTY_DICT + asm.MARK + asm.text("subclass") + asm.global_("numpy", "ndarray")
    state += asm.text("shape") + b"K" + bytes([len(raw) // 8]) + asm.TUPLE1 + asm.text("order") + asm.text("C")
    state += asm.text("dtype") + dtype + asm.text("allow_mmap") + b"\x89"
    state += asm.text("numpy_array_alignment_bytes") + b"K\x10" + asm.SETITEMS
    head = asm.proto(4) + asm.global_("joblib.numpy_pickle", "NumpyArrayWrapper") + asm.EMPTY_TUPLE + asm.NEWOBJ
    head += state + asm.BUILD
    padding = 16 - (len(head) + 1) % 16
    return head + bytes([padding]) + b"\xff" * padding + raw + tail + asm.STOP


def test_joblib_inline_array_bytes_are_skipped_exactly(tmp_path: Path) -> None:
    raw = b"cos\nsystem\n(S'x'\ntR."[:16].ljust(16, b".")  # opcode-looking numbers
    assert scan_bytes(tmp_path, "clf.joblib", joblib_with_array(raw)) == []


def test_joblib_payload_after_an_array_is_found(tmp_path: Path) -> None:
    tail = asm.POP + asm.global_("os", "system") + asm.text("id") + asm.TUPLE1 + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "clf.joblib", joblib_with_array(b"\x00" * 16, tail))) == ["MLS101"]


def legacy_checkpoint(main: bytes, keys: list[str], storages: bytes = b"") -> bytes:
    magic = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2)
    return (
        magic
        + pickle.dumps(1001, protocol=2)
        + pickle.dumps({"little_endian": True}, protocol=2)
        + main
        + pickle.dumps(keys, protocol=2)
        + storages
    )


def test_torch_legacy_payload_in_the_main_stream(tmp_path: Path) -> None:
    findings = scan_bytes(tmp_path, "m.pth", legacy_checkpoint(malicious_pickle(tmp_path / "c"), []))
    assert rules(findings) == ["MLS101"]
    assert "object@" in findings[0].message


def test_torch_legacy_storages_are_skipped_and_trailing_data_found(tmp_path: Path) -> None:
    pid = asm.MARK + asm.text("storage") + asm.global_("torch", "FloatStorage") + asm.text("0") + asm.text("cpu")
    pid += b"K\x02" + asm.TUPLE + b"Q"  # BINPERSID
    main = asm.proto(2) + asm.EMPTY_DICT + asm.text("w") + pid + asm.SETITEM + asm.STOP
    storage = struct.pack("<q", 2) + b"cos\nsyst"  # 2 floats that look like opcodes
    assert scan_bytes(tmp_path, "ok.pth", legacy_checkpoint(main, ["0"], storage)) == []
    trailing = legacy_checkpoint(main, ["0"], storage + malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "bad.pth", trailing)) == ["MLS101", "MLS105"]


def keras_zip(config: dict[str, object]) -> bytes:
    return _zip_with(
        {
            "metadata.json": b"{}",
            "config.json": json.dumps(config).encode(),
            "model.weights.h5": b"\x89HDF\r\n\x1a\n" + b"\x00" * 8,
        }
    )


def test_keras_lambda_and_custom_objects(tmp_path: Path) -> None:
    dense = {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d"}, "registered_name": None}
    lam = {"module": "keras.layers", "class_name": "Lambda", "config": {"name": "shift", "function": {}}}
    custom = {"module": "mylib.layers", "class_name": "Fancy", "config": {"name": "f"}}
    model = {"class_name": "Sequential", "config": {"layers": [dense]}}
    assert scan_bytes(tmp_path, "ok.keras", keras_zip(model)) == []
    model["config"] = {"layers": [dense, lam, custom]}
    assert rules(scan_bytes(tmp_path, "bad.keras", keras_zip(model))) == ["MLS108", "MLS109"]


def test_keras_hdf5_lambda(tmp_path: Path) -> None:
    head = b"\x89HDF\r\n\x1a\n" + b"\x00" * 600
    config = b'{"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {}}]}}'
    assert rules(scan_bytes(tmp_path, "m.h5", head + config)) == ["MLS108"]
    assert scan_bytes(tmp_path, "ok.h5", head + config.replace(b"Lambda", b"Dense")) == []


def test_safetensors(tmp_path: Path) -> None:
    header = json.dumps({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}).encode()
    good = struct.pack("<Q", len(header)) + header + b"\x00" * 4
    assert scan_bytes(tmp_path, "model.safetensors", good) == []
    assert rules(scan_bytes(tmp_path, "model.safetensors", struct.pack("<Q", 50) + b"{broken")) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "model.safetensors", malicious_pickle(tmp_path / "c"))) == ["MLS101"]


def _tar(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_tar_bundles_and_torch_tar_checkpoints(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "b.tar", _tar({"m/model.pkl": malicious_pickle(tmp_path / "c")}))) == ["MLS101"]
    assert scan_bytes(tmp_path, "ok.tar", _tar({"notes.txt": b"hello"})) == []
    zero = pickle.dumps(0, protocol=2)
    torch_tar = {
        "sys_info": pickle.dumps({}, protocol=2),
        "pickle": malicious_pickle(tmp_path / "c"),
        "storages": zero,
        "tensors": zero,
    }
    assert rules(scan_bytes(tmp_path, "old.tar", _tar(torch_tar))) == ["MLS101"]


def test_7z_is_inspected_with_the_extra(tmp_path: Path) -> None:
    py7zr = pytest.importorskip("py7zr")
    archive_path = tmp_path / "model.7z"
    with py7zr.SevenZipFile(archive_path, "w") as archive:
        archive.writestr(malicious_pickle(tmp_path / "c"), "model/data.pkl")
    findings = scan_bytes(tmp_path, "copy.7z", archive_path.read_bytes())
    assert rules(findings) == ["MLS101"]


def test_7z_without_the_extra_is_a_clear_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py7zr", None)
    data = b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 40
    findings = scan_bytes(tmp_path, "model.7z", data)
    assert rules(findings) == ["MLS904"]
    assert "mlsec-hooks[7z]" in findings[0].message


def test_approved_artifact_by_sha256(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("mypkg", "Model") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    digest = hashlib.sha256(data).hexdigest()
    approved = {"approved": [{"path": "m.pkl", "sha256": digest, "reason": "reviewed"}]}
    assert scan_bytes(tmp_path, "m.pkl", data, Policy(root=tmp_path, sections={"artifacts": approved})) == []
    changed = data.replace(b"Model", b"Other")
    policy = Policy(root=tmp_path, sections={"artifacts": approved})
    assert rules(scan_bytes(tmp_path, "m.pkl", changed, policy)) == ["MLS102", "MLS110"]
