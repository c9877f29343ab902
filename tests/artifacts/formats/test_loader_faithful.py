"""Reading files the way the loaders do: polyglots, V7 and torch-legacy tars, lz4 frames, Git LFS
pointers, TorchScript code, protocol-0 integers, torch legacy storage keys."""

from __future__ import annotations

import io
import pickle
import tarfile
import zipfile
from pathlib import Path

import pytest

from hooks._core.findings import Severity
from tests import pickle_asm as asm
from tests.artifacts.builders import BENIGN_STATE, legacy_checkpoint, tar, torch_zip
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_a_gguf_magic_that_is_also_a_pickle(tmp_path: Path) -> None:
    # GGUF's `G` is BINFLOAT: pickle.load eats 8 bytes and runs what follows.
    payload = malicious_pickle(tmp_path / "c")
    data = b"GGUF\x03\x00\x00\x00\x00" + payload[2:] + b"\x00" * 64
    assert "MLS101" in rules(scan_bytes(tmp_path, "blob", data))
    plain = b"GGUF\x03\x00\x00\x00" + b"\x00" * 64  # a GGUF header: nothing runs
    assert rules(scan_bytes(tmp_path, "m.gguf", plain)) == []


def test_a_zip_is_not_read_as_a_pickle_past_its_first_byte(tmp_path: Path) -> None:
    # `P` (the zip's `PK`) is PERSID: pickle.load and joblib have no persistent_load and stop;
    # torch's legacy loader takes only BINPERSID tuples. Bytes later in the archive that happen
    # to be opcodes (an EXT code in a deflated member) run for nobody.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("model-config.yaml", "minWorkers: 1\n")
        archive.writestr("MAR-INF/MANIFEST.json", b"\n\x82\x30\x10E\x85.")  # newline, then EXT1, ...
    assert rules(scan_bytes(tmp_path, "init-error.mar", buffer.getvalue())) == []
    # Look-alike: data whose first opcode is not PERSID is still read from byte 0 (GGUF above).


def test_a_v7_tar_without_ustar_is_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        data = malicious_pickle(tmp_path / "c")
        info = tarfile.TarInfo("payload")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    raw = bytearray(buffer.getvalue())
    raw[257:512] = b"\x00" * 255  # drop the ustar fields, as a V7 writer would
    raw[148:156] = b" " * 8
    raw[148:156] = f"{sum(raw[:512]):06o}\x00 ".encode()
    with tarfile.open(fileobj=io.BytesIO(bytes(raw))) as parsed:
        assert parsed.getnames() == ["payload"]
    assert "MLS101" in rules(scan_bytes(tmp_path, "blob", bytes(raw)))


def test_a_torch_legacy_tar_reads_its_other_members(tmp_path: Path) -> None:
    clean = pickle.dumps({}, protocol=2)
    members = {"sys_info": clean, "pickle": clean, "storages": pickle.dumps(0, protocol=2)}
    members["tensors"] = pickle.dumps(0, protocol=2)
    assert rules(scan_bytes(tmp_path, "ok.tar", tar(members))) == []
    members["payload.pkl"] = malicious_pickle(tmp_path / "c")
    assert "MLS101" in rules(scan_bytes(tmp_path, "bad.tar", tar(members)))


def test_lz4_frames_are_decompressed_like_lz4_does(tmp_path: Path) -> None:
    lz4_frame = pytest.importorskip("lz4.frame")
    from hooks.artifacts.lz4frame import Lz4FrameDecompressor

    data = b"".join(bytes([i % 251]) * (i % 7 + 1) for i in range(200_000))
    for kwargs in ({}, {"block_linked": False}, {"content_checksum": True, "block_size": lz4_frame.BLOCKSIZE_MAX64KB}):
        frame = lz4_frame.compress(data, **kwargs)
        decoder = Lz4FrameDecompressor()
        out = b"".join(decoder.decompress(frame[i : i + 999]) for i in range(0, len(frame), 999))
        assert out + decoder.decompress(b"") == data and decoder.eof
    payload = lz4_frame.compress(malicious_pickle(tmp_path / "c"))
    assert rules(scan_bytes(tmp_path, "model.joblib", payload)) == ["MLS101"]
    assert rules(scan_bytes(tmp_path, "clean.joblib", lz4_frame.compress(BENIGN_STATE))) == []


def test_a_git_lfs_pointer_is_reported_not_passed(tmp_path: Path) -> None:
    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"a" * 64 + b"\nsize 123\n"
    findings = scan_bytes(tmp_path, "model.safetensors", pointer)
    assert rules(findings) == ["MLS131"] and findings[0].severity is Severity.MEDIUM
    look_alike = b"version: https://example.org/spec\n"  # text that is no pointer, under a text name
    assert rules(scan_bytes(tmp_path, "notes.txt", look_alike)) == []
    archived = scan_bytes(tmp_path, "weights.zip", pointer)  # an archive could hold a model: blocks
    assert rules(archived) == ["MLS131"] and archived[0].severity is Severity.MEDIUM


def test_a_git_lfs_pointer_of_an_image_or_a_document_is_low(tmp_path: Path) -> None:
    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"b" * 64 + b"\nsize 4567\n"
    for name in ("demo.gif", "slides.pdf", "train.csv"):
        findings = scan_bytes(tmp_path, name, pointer)
        assert rules(findings) == ["MLS131"] and findings[0].severity is Severity.LOW
        assert "not named like a model" in findings[0].message


def test_torchscript_code_that_touches_files(tmp_path: Path) -> None:
    code = b"def __setstate__(self, state):\n    self.w = torch.from_file(state[0], True, 16)\n"
    data = torch_zip(BENIGN_STATE, extra={"archive/code/__torch__.py": code})
    findings = scan_bytes(tmp_path, "scripted.pt", data)
    assert rules(findings) == ["MLS130"]
    assert "at load time" in findings[0].message
    harmless = torch_zip(BENIGN_STATE, extra={"archive/code/__torch__.py": b"x = torch.from_numpy(a)\n"})
    assert rules(scan_bytes(tmp_path, "ok.pt", harmless)) == []


def test_torch_zip_pickles_are_found_case_insensitively(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/DATA.PKL", malicious_pickle(tmp_path / "c"))
        archive.writestr("archive/sub/data.pkl", BENIGN_STATE)
        archive.writestr("archive/code/m.py.debug_pkl", malicious_pickle(tmp_path / "c", protocol=4))
    findings = scan_bytes(tmp_path, "m.pt", buffer.getvalue())
    assert rules(findings) == ["MLS101", "MLS101"]


@pytest.mark.parametrize("spelling", ["0x7b", "017", " 12", "+5", "1_000", "12 ", "00", "01"])
def test_protocol0_integers_in_base_zero(tmp_path: Path, spelling: str) -> None:
    data = f"I{spelling}\n0".encode() + malicious_pickle(tmp_path / "c", protocol=0)
    assert "MLS101" in rules(scan_bytes(tmp_path, "notes.txt", data))


def test_torch_legacy_key_is_never_shown_with_a_memory_address(tmp_path: Path) -> None:
    keys_with_a_global = asm.proto(2) + asm.EMPTY_LIST + asm.global_("torch", "FloatStorage") + asm.APPEND + asm.STOP
    data = legacy_checkpoint(pickle.dumps({}, protocol=2), [])
    data = data[: -len(pickle.dumps([], protocol=2))] + keys_with_a_global
    findings = scan_bytes(tmp_path, "m.pth", data)
    assert rules(findings) == ["MLS901"]
    assert " at 0x" not in findings[0].message and "key of type global" in findings[0].message


def test_a_polyglot_inside_a_compressed_stream(tmp_path: Path) -> None:
    import gzip

    payload = malicious_pickle(tmp_path / "c")
    inner = b"GGUF\x03\x00\x00\x00\x00" + payload[2:] + b"\x00" * 64  # joblib.load decompresses, then unpickles
    assert "MLS101" in rules(scan_bytes(tmp_path, "model.joblib", gzip.compress(inner)))


def _tar_named(name: str, members: dict[str, bytes]) -> bytes:
    """A tar whose first member's name field is `name` (its header's leading bytes), then `members`."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for member, data in {name: b"", **members}.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_every_format_that_recognises_the_data_is_read(tmp_path: Path) -> None:
    # A tar whose first name field starts with GGUF's magic is a valid (empty) GGUF header for the
    # GGUF reader and a tar for tarfile: the first recognition alone passed the tar's payload.
    name = "GGUF\x03"
    assert rules(scan_bytes(tmp_path, "ok.tar", _tar_named(name, {"w.pkl": pickle.dumps([1], protocol=2)}))) == []
    polyglot = _tar_named(name, {"payload.pkl": malicious_pickle(tmp_path / "c")})
    with tarfile.open(fileobj=io.BytesIO(polyglot)) as parsed:
        assert "payload.pkl" in parsed.getnames()
    assert polyglot.startswith(b"GGUF")
    assert "MLS101" in rules(scan_bytes(tmp_path, "model.gguf", polyglot))


def test_a_zip_found_from_its_end_behind_another_format(tmp_path: Path) -> None:
    # zipfile (Keras, skops, pandas' zip) finds the archive from its end record whatever precedes it.
    header = b"GGUF\x03\x00\x00\x00" + b"\x00" * 16
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("archive/data.pkl", malicious_pickle(tmp_path / "c"))
    findings = scan_bytes(tmp_path, "model.keras", header + archive.getvalue())
    assert "MLS101" in rules(findings)
    assert any("zipfile" in finding.message for finding in findings)
    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w") as zf:
        zf.writestr("archive/data.pkl", pickle.dumps({"w": [1.0]}, protocol=2))
    assert rules(scan_bytes(tmp_path, "ok.gguf", header + clean.getvalue())) == []


def test_a_tar_ending_in_a_zip_member_is_read_once(tmp_path: Path) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("archive/data.pkl", malicious_pickle(tmp_path / "c"))
    findings = scan_bytes(tmp_path, "bundle.tar", tar({"w.pt": archive.getvalue()}))
    assert rules(findings) == ["MLS101"]


def test_an_lfs_pointer_by_an_alias_git_lfs_reads_is_reported_too(tmp_path: Path) -> None:
    for spec in (b"version https://hawser.github.com/spec/v1", b"\nversion https://git-lfs.github.com/spec/v1"):
        pointer = spec + b"\noid sha256:" + b"a" * 64 + b"\nsize 123\n"
        findings = scan_bytes(tmp_path, "model.pkl", pointer)
        assert rules(findings) == ["MLS131"] and findings[0].severity is Severity.MEDIUM


def test_git_lfs_pointers_are_one_decision_for_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """LFS objects are fetched for a checkout or not at all: a course repository with 49 pointers
    (blind40) blocked 49 times for one `git lfs pull`. One blocking finding per run and cause,
    naming how many more files it concerns; a pointer of another kind (low) is its own."""
    from hooks.cli.mlsec import main

    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"c" * 64 + b"\nsize 99\n"
    for name in ("b/model.h5", "a/weights.zip", "c/w.npy", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(pointer)
    monkeypatch.chdir(tmp_path)
    main(["scan", "--no-cache", "b/model.h5", "a/weights.zip", "c/w.npy", "notes.txt"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "MLS131" in line]
    assert len(lines) == 2, lines
    blocking = next(line for line in lines if "[medium]" in line)
    assert blocking.startswith("a/weights.zip:") and "(and 2 more file(s) in this run)" in blocking
    assert any(line.startswith("notes.txt:") and "[low]" in line for line in lines)
    main(["scan", "--no-cache", "c/w.npy"])  # alone: the finding as it always was
    (alone,) = [line for line in capsys.readouterr().out.splitlines() if "MLS131" in line]
    assert "more file(s)" not in alone
