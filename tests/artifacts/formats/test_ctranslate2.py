"""CTranslate2 model.bin files: version 6 written by the real ctranslate2 package (test-only),
older versions built by hand from the layout the C++ loader reads; read by the hook without it."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import judge_garbage, malicious_pickle, rules, scan_bytes, zip_of_malicious_pickle


def _string(text: str) -> bytes:
    data = text.encode() + b"\x00"
    return struct.pack("<H", len(data)) + data


def _variable(name: str, shape: tuple[int, ...], item_size: int, version: int, type_id: int = 0) -> bytes:
    count = 1
    for dim in shape:
        count *= dim
    head = _string(name) + struct.pack("<B", len(shape)) + b"".join(struct.pack("<I", d) for d in shape)
    if version >= 4:
        head += struct.pack("<BI", type_id, count * item_size)
    else:
        head += struct.pack("<BI", item_size, count)
    return head + b"\x01" * (count * item_size)


def built(version: int, *, aliases: int = 1) -> bytes:
    """A model in the given binary version, field by field as model_spec.py writes version 6."""
    data = struct.pack("<I", version)
    if version >= 2:
        data += _string("TransformerSpec") + struct.pack("<I", 3)
    variables = [
        _variable("encoder/embeddings/weight", (16, 8), 4, version, 0),
        _variable("decoder/projection/bias", (16,), 2, version, 4),
        _variable("decoder/scale", (), 1, version, 1),
    ]
    data += struct.pack("<I", len(variables)) + b"".join(variables)
    if version >= 3:
        data += struct.pack("<I", aliases)
        data += b"".join(_string(f"alias_{i}") + _string("encoder/embeddings/weight") for i in range(aliases))
    return data


def _written_by_ctranslate2(tmp_path: Path) -> bytes:
    ctranslate2 = pytest.importorskip("ctranslate2", reason="ctranslate2 (test extra) writes the fixture")
    np = pytest.importorskip("numpy")
    from ctranslate2.specs import model_spec

    class Layer(model_spec.LayerSpec):  # type: ignore[misc]
        def __init__(self) -> None:
            self.weight = np.ones((4, 8), dtype=np.float32)
            self.bias = np.zeros((8,), dtype=np.float16)
            self.shared = self.weight  # written once, then as an alias

    class Model(model_spec.ModelSpec):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.layer = Layer()
            self.table = np.arange(6, dtype=np.int32).reshape(2, 3)

        @property
        def name(self) -> str:
            return "TestSpec"

        def get_default_config(self) -> object:
            return model_spec.ModelConfig()

    assert ctranslate2.__version__
    model = Model()
    model.validate()
    model.optimize(quantization="int8")
    (tmp_path / "written").mkdir()
    model.save(str(tmp_path / "written"))
    return (tmp_path / "written" / "model.bin").read_bytes()


def test_a_model_written_by_ctranslate2_is_clean(tmp_path: Path) -> None:
    data = _written_by_ctranslate2(tmp_path)
    assert data[:4] == struct.pack("<I", 6)
    assert scan_bytes(tmp_path, "model.bin", data) == []


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_every_binary_version_is_read_to_its_last_byte(tmp_path: Path, version: int) -> None:
    assert scan_bytes(tmp_path, "model.bin", built(version)) == []
    assert scan_bytes(tmp_path, "model.bin", built(version, aliases=0)) == []


def test_a_model_cut_short_or_with_bytes_after_it_stays_an_unknown_format(tmp_path: Path) -> None:
    data = built(6)
    # Fail closed: what breaks the layout is no CTranslate2 model, so it is what it was before
    # (named like an artifact, in no known format).
    assert rules(scan_bytes(tmp_path, "cut.bin", data[:-5])) == ["MLS902"]
    appended = data + pickle.dumps(print)
    assert rules(scan_bytes(tmp_path, "appended.bin", appended)) == ["MLS902"]


def test_a_payload_size_the_loader_refuses_stays_an_unknown_format(tmp_path: Path) -> None:
    # CTranslate2 raises "has an invalid payload size" when the bytes and the dimensions disagree.
    data = bytearray(built(6))
    start = data.index(b"encoder/embeddings/weight\x00") + len("encoder/embeddings/weight\x00")
    size_at = start + 1 + 2 * 4 + 1  # rank, two dimensions, type id
    struct.pack_into("<I", data, size_at, 16 * 8 * 4 - 4)
    assert rules(scan_bytes(tmp_path, "model.bin", bytes(data[:-4]))) == ["MLS902"]


def test_look_alikes_stay_unknown_or_are_not_artifacts(tmp_path: Path) -> None:
    # A version CTranslate2 never wrote, or a name that is not text: no format takes it (fail closed).
    assert rules(scan_bytes(tmp_path, "model.bin", struct.pack("<I", 7) + built(6)[4:])) == ["MLS902"]
    binary_name = struct.pack("<I", 6) + struct.pack("<H", 5) + b"\x01\x02\x03\x04\x00" + b"\x00" * 40
    assert rules(scan_bytes(tmp_path, "model.bin", binary_name)) == ["MLS902"]
    # Not named like an artifact: read only tentatively, and a clean or broken one is no finding.
    assert scan_bytes(tmp_path, "blob.dat", built(4)) == []
    assert scan_bytes(tmp_path, "blob.dat", built(4)[:-3]) == []


def test_a_pickle_named_model_bin_is_still_read_as_a_pickle(tmp_path: Path) -> None:
    found = rules(scan_bytes(tmp_path, "model.bin", malicious_pickle(tmp_path / "canary")))
    assert found and all(rule.startswith("MLS1") for rule in found)
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_a_model_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    judge_garbage(tmp_path, "model.bin", built(data.draw(st.integers(1, 6))), data)


def test_an_hdf5_superblock_inside_the_data_is_not_cleared(tmp_path: Path) -> None:
    # h5py looks for a superblock at 512, 1024, ... past a user block: a polyglot is not vouched for.
    data = bytearray(built(6))
    data[512:520] = b"\x89HDF\r\n\x1a\n"  # inside the first variable's data
    assert rules(scan_bytes(tmp_path, "model.bin", bytes(data))) == ["MLS902"]


def test_an_archive_inside_the_data_is_not_fully_analysed(tmp_path: Path) -> None:
    # zipfile finds an archive from its end record whatever precedes it; as a member of another
    # archive (no top-level end-record check) the model must still not be cleared.
    import io
    import tarfile

    payload = zip_of_malicious_pickle(tmp_path / "canary")
    data = struct.pack("<I", 2) + _string("TransformerSpec") + struct.pack("<I", 1) + struct.pack("<I", 1)
    data += _string("payload") + struct.pack("<BIBI", 1, len(payload), 1, len(payload)) + payload
    assert rules(scan_bytes(tmp_path, "model.bin", data)) != []
    bundle = io.BytesIO()
    with tarfile.open(fileobj=bundle, mode="w:gz") as tar:
        info = tarfile.TarInfo("model.bin")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    found = rules(scan_bytes(tmp_path, "bundle.tar.gz", bundle.getvalue()))
    assert found and not (tmp_path / "canary").exists()


def test_a_count_the_file_cannot_hold_is_no_model_and_no_limit(tmp_path: Path) -> None:
    # A slide deck's member that only starts like a model (seen in a real .pptx): not an artifact,
    # and no "analysis stopped" finding; named like a model, it is not fully analysed.
    head = struct.pack("<I", 2) + _string("Slide") + struct.pack("<I", 1) + struct.pack("<I", 2_017_410_048)
    assert scan_bytes(tmp_path, "image.dat", head + b"\x00" * 64) == []
    assert rules(scan_bytes(tmp_path, "model.bin", head + b"\x00" * 64)) == ["MLS902"]
