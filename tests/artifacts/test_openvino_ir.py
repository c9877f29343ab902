"""OpenVINO IR weights: a headerless `.bin` is known by the IR XML beside it (openvino_ir.py)."""

from __future__ import annotations

import struct
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.severity import Severity
from hooks.artifacts.openvino_ir import MAX_DESCRIPTION_BYTES, described_weights
from tests.artifacts.builders import zip_with
from tests.artifacts.helpers import malicious_pickle, scan_bytes


def _ir(*ranges: tuple[int, int], root: str = "net") -> bytes:
    """An IR description whose constants name these (offset, size) ranges of the weights."""
    layers = "".join(
        f'<layer id="{i}" name="c{i}" type="Const" version="opset1">'
        f'<data element_type="f32" shape="{size // 4}" offset="{offset}" size="{size}"/></layer>'
        for i, (offset, size) in enumerate(ranges)
    )
    return (
        f'<?xml version="1.0"?>\n<!-- written by a test -->\n<{root} name="m" version="11"><layers>'
        f'<layer id="9" type="Parameter"><data shape="1,3" element_type="f32"/></layer>{layers}'
        f'</layers><rt_info><data_type value="float"/></rt_info></{root}>\n'
    ).encode()


def _floats(count: int) -> bytes:
    return struct.pack(f"<{count}f", *(1.0 + i for i in range(count)))


def test_weights_that_their_ir_describes_are_read_without_a_finding(tmp_path: Path) -> None:
    (tmp_path / "model.xml").write_bytes(_ir((0, 12), (12, 4)))
    assert scan_bytes(tmp_path, "model.bin", _floats(4)) == []


def test_a_few_bytes_of_alignment_padding_are_still_the_same_weights(tmp_path: Path) -> None:
    (tmp_path / "model.xml").write_bytes(_ir((0, 4)))
    assert scan_bytes(tmp_path, "model.bin", _floats(1) + bytes(60)) == []


def test_weights_their_xml_does_not_describe_still_block(tmp_path: Path) -> None:
    cases = {
        "no_xml": None,
        "not_ir": _ir((0, 16), root="graph"),  # some other XML
        "short": _ir((0, 64)),  # names bytes the file has not
        "long": _ir((0, 4)),  # the file holds far more than its description names
    }
    for stem, description in cases.items():
        if description is not None:
            (tmp_path / f"{stem}.xml").write_bytes(description)
        data = _floats(4) if stem != "long" else _floats(400)
        findings = scan_bytes(tmp_path, f"{stem}.bin", data)
        assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.HIGH)], stem


def test_a_zip_behind_described_weights_is_still_read(tmp_path: Path) -> None:
    # torch and zipfile find an archive from its end record whatever precedes it.
    archive = zip_with({"m.pkl": malicious_pickle(tmp_path / "canary")})
    data = _floats(4) + archive
    (tmp_path / "model.xml").write_bytes(_ir((0, len(data))))
    assert "MLS101" in {f.rule_id for f in scan_bytes(tmp_path, "model.bin", data)}


def test_a_pickle_named_as_ir_weights_is_read_as_the_pickle(tmp_path: Path) -> None:
    data = malicious_pickle(tmp_path / "canary")
    (tmp_path / "model.xml").write_bytes(_ir((0, len(data))))
    assert "MLS101" in {f.rule_id for f in scan_bytes(tmp_path, "model.bin", data)}


def test_a_description_too_large_to_read_or_a_folder_is_not_trusted(tmp_path: Path) -> None:
    weights = tmp_path / "big.bin"
    weights.write_bytes(_floats(1))
    (tmp_path / "big.xml").write_bytes(_ir((0, 4)) + b" " * MAX_DESCRIPTION_BYTES)
    assert not described_weights(weights, 4)
    (tmp_path / "dir.xml").mkdir()
    assert not described_weights(tmp_path / "dir.bin", 4)
    assert not described_weights(tmp_path / "model.pt", 4)  # IR weights are named .bin


def test_the_verdict_follows_the_description_when_it_changes(tmp_path: Path) -> None:
    from hooks._core.cache import ResultCache
    from hooks._core.policy import Policy
    from hooks.catalog import spec_for

    spec = spec_for("mlsec-artifacts")
    cache = ResultCache.open(tmp_path / "cache")
    policy = Policy(root=tmp_path)
    weights = tmp_path / "model.bin"
    weights.write_bytes(_floats(1))
    before = cache.probe(spec, weights, "model.bin", policy)
    (tmp_path / "model.xml").write_bytes(_ir((0, 4)))
    after = cache.probe(spec, weights, "model.bin", policy)
    assert before is not None and after is not None and before.key != after.key


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=1 << 40))
def test_any_description_is_read_without_error(tmp_path_factory: object, description: bytes, size: int) -> None:
    folder = tmp_path_factory.mktemp("ir")  # type: ignore[attr-defined]
    (folder / "m.xml").write_bytes(b"<net>" + description)
    assert described_weights(folder / "m.bin", size) in (True, False)


def _empty_name_tar(member: bytes) -> bytes:
    """A v7 tar whose first member has an all-NUL name, then `storages` holding `member`."""
    import io
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in (("placeholder", b""), ("storages", member)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    raw = bytearray(out.getvalue())
    raw[0:100] = b"\x00" * 100
    raw[148:156] = b" " * 8
    raw[148:156] = (b"%o\x00" % sum(raw[:512])).ljust(8, b"\x00")
    return bytes(raw)


def test_red_team_loadable_payloads_beside_an_ir_description_still_block(tmp_path: Path) -> None:
    """Red team (stop 41): data a loader reads although its first byte is no opcode, given an IR
    XML that names all of it: joblib's old `ZF` container with any length field, a tar whose first
    name is empty, a zip whose end record claims a comment longer than the file holds."""
    import zlib

    payload = malicious_pickle(tmp_path / "canary")
    broken_zip = bytearray(b"A" * 64 + zip_with({"archive/data.pkl": payload}))
    broken_zip[-2:] = b"\xff\xff"  # comment length 65535, no comment: zipfile opens it all the same
    cases = {
        "zf_loose": b"ZF" + b"20".ljust(19) + zlib.compress(payload),
        "zf_space": b"ZF"
        + b"0x%x" % len(payload)
        + b" " * (17 - len(b"%x" % len(payload)))
        + b" "
        + zlib.compress(payload),
        "tar_empty_name": _empty_name_tar(payload),
        "zip_long_comment": bytes(broken_zip),
    }
    for stem, data in cases.items():
        (tmp_path / f"{stem}.xml").write_bytes(_ir((0, len(data))))
        findings = scan_bytes(tmp_path, f"{stem}.bin", data)
        assert "MLS101" in {f.rule_id for f in findings}, (stem, [(f.rule_id, f.message) for f in findings])


def test_a_description_that_would_backtrack_is_read_in_linear_time(tmp_path: Path) -> None:
    weights = tmp_path / "m.bin"
    weights.write_bytes(_floats(4))
    (tmp_path / "m.xml").write_bytes(b"<!---->" * 5000 + b"x")  # comments, then no root
    assert not described_weights(weights, 16)
    (tmp_path / "m.xml").write_bytes(b"<net>" + b"<data " * 200_000)  # tags never closed
    assert described_weights(weights, 16)  # no ranges named: a 16-byte file is within the padding
    (tmp_path / "m.xml").write_bytes(b"\xef\xbb\xbf <?xml version='1.0'?>\n<!-- a -->\n<!-- b -->\n<net/>")
    assert described_weights(weights, 16)


def test_a_description_too_large_to_read_keys_the_cache_by_that_fact_not_its_bytes(tmp_path: Path) -> None:
    from hooks._core.policy import Policy
    from hooks.artifacts.cache_inputs import cache_inputs

    weights = tmp_path / "m.bin"
    weights.write_bytes(_floats(1))
    with (tmp_path / "m.xml").open("wb") as handle:
        handle.truncate(MAX_DESCRIPTION_BYTES + 1)  # sparse: hashing it would read it all
    assert cache_inputs(weights, "m.bin", Policy(root=tmp_path)) == ["openvino-ir-description:too-large"]
    (tmp_path / "m.xml").write_bytes(_ir((0, 4)))
    assert cache_inputs(weights, "m.bin", Policy(root=tmp_path)) == [tmp_path / "m.xml"]
