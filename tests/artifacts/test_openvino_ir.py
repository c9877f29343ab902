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
