"""whisper.cpp models in the legacy GGML layout, built by hand field by field as whisper.cpp's
models/convert-pt-to-ggml.py writes them and src/whisper.cpp reads them."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import rules, scan_bytes, zip_of_malicious_pickle

BLOCKS = {0: (1, 4), 1: (1, 2), 2: (32, 18), 8: (32, 34)}  # F32, F16, Q4_0, Q8_0


def _tensor(name: str, shape: tuple[int, ...], ggml_type: int) -> bytes:
    elements = 1
    for dimension in shape:
        elements *= dimension
    per_block, block_bytes = BLOCKS[ggml_type]
    head = struct.pack("<iii", len(shape), len(name), ggml_type) + struct.pack(f"<{len(shape)}i", *shape)
    return head + name.encode() + b"\x01" * (elements // per_block * block_bytes)


def built(*, tensors: bytes | None = None, tokens: tuple[bytes, ...] = (b"!", b"hello", b" world")) -> bytes:
    data = b"lmgg" + struct.pack("<11i", len(tokens), 1500, 64, 2, 1, 448, 64, 2, 1, 80, 1)
    data += struct.pack("<ii", 80, 201) + b"\x00" * (80 * 201 * 4)  # mel filters
    data += struct.pack("<i", len(tokens)) + b"".join(struct.pack("<I", len(t)) + t for t in tokens)
    if tensors is None:
        tensors = _tensor("encoder.positional_embedding", (64, 1500), 0)
        tensors += _tensor("encoder.conv1.weight", (3, 80, 64), 1)
        tensors += _tensor("decoder.blocks.0.attn.query.weight", (64, 64), 2)
        tensors += _tensor("decoder.blocks.0.mlp.0.weight", (64, 256), 8)
    return data + tensors


@pytest.mark.parametrize("name", ["ggml-base.en.bin", "ggml-large-v3-q5_0.bin", "ggml-tiny.bin"])
def test_a_whisper_cpp_model_is_read_to_its_last_byte(tmp_path: Path, name: str) -> None:
    assert scan_bytes(tmp_path, name, built()) == []


@pytest.mark.parametrize(
    "data",
    [
        built()[:-5],  # cut inside the last tensor
        built() + pickle.dumps(print),  # bytes after the last tensor
        built(tensors=b""),  # no tensors
        built(tensors=_tensor("w", (64, 64), 0).replace(struct.pack("<iii", 2, 1, 0), struct.pack("<iii", 2, 1, 5))),
        built(tensors=_tensor("bad name", (4,), 0)),  # a space: not a name the converter writes
        built(tensors=_tensor("w", (33,), 2)),  # not whole Q4_0 blocks
    ],
)
def test_what_breaks_the_layout_keeps_a_finding(tmp_path: Path, data: bytes) -> None:
    found = rules(scan_bytes(tmp_path, "ggml-base.en.bin", data))
    assert found and set(found) <= {"MLS901", "MLS902"}


def test_not_named_like_an_artifact_a_broken_one_is_no_finding(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "whisper.weights", built()[:-5]) == []


def test_an_archive_inside_the_tensors_is_not_cleared(tmp_path: Path) -> None:
    payload = zip_of_malicious_pickle(tmp_path / "canary")
    payload += b"\x00" * (-len(payload) % 4)
    tensor = struct.pack("<iii", 1, 1, 0) + struct.pack("<i", len(payload) // 4) + b"w" + payload
    assert rules(scan_bytes(tmp_path, "ggml-base.bin", built(tensors=tensor))) != []
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=100, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_a_model_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    model = bytearray(built())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.one_of(st.integers(0, 200), st.integers(len(model) - 2000, len(model) - 1)))
        model[at] = data.draw(st.integers(0, 255))
    model = model[: data.draw(st.integers(1, len(model)))]
    found = scan_bytes(tmp_path, "ggml-base.bin", bytes(model))
    assert set(rules(found)) <= {"MLS900", "MLS901", "MLS902", "MLS903", "MLS101", "MLS102", "MLS103", "MLS104"}
