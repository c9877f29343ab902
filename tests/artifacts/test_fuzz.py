"""Garbage in, a finding or silence out: never a traceback, never a hang."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.artifacts.analysis import Analysis, Limits
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy
from hooks.artifacts.pickle_vm import NotAPickle
from hooks.artifacts.spec import SPEC
from hooks.artifacts.walker import Walker
from hooks.catalog import registry
from tests.scanning import findings_of

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "artifacts"
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix != ".py"]


def _tar_header(ustar: bool) -> bytes:
    import tarfile

    info = tarfile.TarInfo("m.pkl")
    info.size = 400
    header = info.tobuf(tarfile.USTAR_FORMAT)
    if ustar:
        return header
    v7 = header[:257] + b"\x00" * 255
    v7 = v7[:148] + b" " * 8 + v7[156:]
    return v7[:148] + f"{sum(v7):06o}\x00 ".encode() + v7[156:]


TAR_HEADER = _tar_header(True)
V7_TAR_HEADER = _tar_header(False)

MAGICS = [
    b"",
    b"\x80\x02",
    b"\x80\x05",
    b"PK\x03\x04",
    b"\x93NUMPY\x01\x00",
    b"\x1f\x8b",
    b"BZh9",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"(",
    b"c",
    b"]\x00\x00",
    b"x\x9c",
    b"ZF0x",
    b"\x89HDF\r\n\x1a\n",  # hdf5
    b"GGUF\x03\x00\x00\x00",  # gguf
    b"\x10\x00\x00\x00\x00\x00\x00\x00{",  # safetensors header length + JSON
    b"\x04\x22\x4d\x18",  # lz4 frame
    b"\x28\xb5\x2f\xfd",  # zstd
    b"version https://git-lfs.github.com/spec/v1\n",  # Git LFS pointer
    TAR_HEADER,  # a ustar header (the body then stands for its members)
    V7_TAR_HEADER,  # a pre-POSIX header, recognised by its checksum
    b"\x08\x07\x12",  # ONNX ModelProto
    b"\x08\x01\x12",  # TensorFlow SavedModel
    b"\x0a\x10\x0a\x01x\x12",  # TensorFlow GraphDef
    b"Rar!\x1a\x07",
    b"binf\x00\x00\x00\x3f" + b"\x00" * 132 + b"\x0f" + b"\x00" * 7 + b"binary:logistic\x06" + b"\x00" * 7 + b"gbtree",
    b"CBM1\x40\x00\x00\x00",  # CatBoost
    b"\x06\x00\x00\x00\x10\x00TransformerSpec\x00",  # CTranslate2 model.bin (version 6, spec name)
]


def _inspect(data: bytes, name: str) -> None:
    analysis = Analysis(GlobalsPolicy(), Limits(max_seconds=5))
    try:
        Walker(analysis).walk_file(io.BytesIO(data), len(data), name)
    except (AnalysisError, LimitExceeded, NotAPickle):
        pass  # the scanner turns these into MLS9xx findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MAGICS), st.binary(max_size=400), st.sampled_from(["x.pkl", "x.txt", "x.pt", "x.npy"]))
def test_random_bytes_behind_known_magic(magic: bytes, body: bytes, name: str) -> None:
    _inspect(magic + body, name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_real_model_files(seed: bytes, data: st.DataObject) -> None:
    mutated = bytearray(seed)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        mutated[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(mutated)))
    _inspect(bytes(mutated[:cut]), "model.pkl")


def test_scanner_turns_every_failure_into_a_known_rule(tmp_path: Path) -> None:
    samples = [os.urandom(300), pickle.dumps(list(range(100)))[:-3], b"\x80\x05" + b"\xff" * 40, b"PK\x03\x04junk"]
    for index, sample in enumerate(samples):
        path = tmp_path / f"f{index}.pkl"
        path.write_bytes(sample)
        found: list[Finding] = findings_of(SPEC, path, path.name, Policy(root=tmp_path))
        assert found and all(f.rule_id in registry() for f in found)
