"""safetensors headers: validated as the safetensors library does, tensor bytes never read."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.artifacts.formats.safetensors import header_problem
from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def _file(header: dict[str, object], data: bytes) -> bytes:
    body = json.dumps(header).encode()
    return struct.pack("<Q", len(body)) + body + data


def test_safetensors(tmp_path: Path) -> None:
    header = {"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}
    assert scan_bytes(tmp_path, "model.safetensors", _file(header, b"\x00" * 4)) == []
    assert rules(scan_bytes(tmp_path, "model.safetensors", struct.pack("<Q", 50) + b"{broken")) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "model.safetensors", malicious_pickle(tmp_path / "c"))) == ["MLS101"]


def test_files_written_by_the_real_library(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    numpy_io = pytest.importorskip("safetensors.numpy", reason="safetensors (test extra) writes the fixture")
    tensors = {"a": np.ones((3, 5), dtype=np.float16), "b": np.arange(7, dtype=np.int64), "c": np.zeros((0, 2))}
    data = numpy_io.save(tensors, metadata={"format": "pt"})
    assert scan_bytes(tmp_path, "real.safetensors", data) == []
    assert rules(scan_bytes(tmp_path, "tail.safetensors", data + b"PK\x05\x06" + b"\x00" * 18)) == ["MLS123"]


@pytest.mark.parametrize(
    ("header", "data_size", "why"),
    [
        ({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}, 4, "spans 4 bytes"),
        ({"w": {"dtype": "X9", "shape": [1], "data_offsets": [0, 4]}}, 4, "unknown dtype"),
        ({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}, 4, "non-negative"),
        (
            {
                "w": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]},
                "v": {"dtype": "U8", "shape": [4], "data_offsets": [2, 6]},
            },
            6,
            "overlaps",
        ),
        ({"w": {"dtype": "U8", "shape": [4], "data_offsets": [4, 8]}}, 8, "gap"),
        ({"w": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]}}, 2, "need 4 data bytes"),
        ({"w": {"dtype": "U8", "shape": [1 << 40, 1 << 40], "data_offsets": [0, 4]}}, 4, "overflow"),
        ({"__metadata__": {"a": 1}}, 0, "strings to strings"),
        ({"w": {"dtype": "U8", "shape": [1], "data_offsets": [0, True]}}, 1, "data_offsets"),
    ],
)
def test_headers_the_loader_refuses(header: dict[str, object], data_size: int, why: str) -> None:
    problem = header_problem(header, data_size)
    assert problem is not None and why in problem


def test_lookalike_json_text_is_not_an_artifact(tmp_path: Path) -> None:
    # eight bytes of text then a brace: not named like a model, not a header: silence
    assert scan_bytes(tmp_path, "notes.txt", b"12345678{not json at all}") == []


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=5), c),
        max_leaves=20,
    ),
    st.integers(-5, 100),
)
def test_any_header_is_judged_without_error(header: object, data_size: int) -> None:
    body = json.dumps(header).encode()
    inspect_bytes(struct.pack("<Q", len(body)) + body + b"\x00" * max(data_size, 0), "x.safetensors")
    if isinstance(header, dict):
        header_problem(header, data_size)
