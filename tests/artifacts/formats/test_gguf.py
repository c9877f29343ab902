"""GGUF files: written with the real gguf package (test-only), read by the hook without it."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.formats.test_chat_template import CHATML, ESCAPES
from tests.artifacts.helpers import rules, scan_bytes

gguf = pytest.importorskip("gguf", reason="gguf (test extra) writes the fixture files")
np = pytest.importorskip("numpy")


def _gguf(tmp_path: Path, template: str | None = CHATML, tokens: int = 1000) -> bytes:
    path = tmp_path / "built.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_block_count(1)
    writer.add_token_list([f"tok{i}" for i in range(tokens)])
    writer.add_token_scores([0.0] * tokens)
    if template is not None:
        writer.add_chat_template(template)
    writer.add_tensor("tok_embd.weight", np.ones((8, 32), dtype=np.float32))
    writer.add_tensor("out.weight", np.ones((4, 64), dtype=np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path.read_bytes()


def test_a_real_gguf_file_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "m.gguf", _gguf(tmp_path)) == []
    assert scan_bytes(tmp_path, "no_template.gguf", _gguf(tmp_path, None)) == []


@pytest.mark.parametrize("escape", ESCAPES[:4])
def test_a_chat_template_escaping_the_sandbox(tmp_path: Path, escape: str) -> None:
    found = scan_bytes(tmp_path, "m.gguf", _gguf(tmp_path, CHATML + escape))
    assert rules(found) == ["MLS124"] and "tokenizer.chat_template" in found[0].message


def test_counts_and_sizes_the_file_cannot_hold(tmp_path: Path) -> None:
    data = _gguf(tmp_path)
    huge_kv = data[:16] + struct.pack("<Q", 1 << 60) + data[24:]
    assert rules(scan_bytes(tmp_path, "kv.gguf", huge_kv)) == ["MLS123"]
    huge_tensors = data[:8] + struct.pack("<Q", 1 << 40) + data[16:]
    assert rules(scan_bytes(tmp_path, "t.gguf", huge_tensors)) == ["MLS123"]
    key = data.index(b"tokenizer.ggml.tokens")
    string_array = bytearray(data)
    struct.pack_into("<Q", string_array, key + len("tokenizer.ggml.tokens") + 8, 1 << 50)  # after the array type
    assert rules(scan_bytes(tmp_path, "a.gguf", bytes(string_array))) == ["MLS123"]
    assert rules(scan_bytes(tmp_path, "cut.gguf", data[: len(data) - 100])) == ["MLS123"]  # last tensor past the end


def test_broken_header(tmp_path: Path) -> None:
    assert rules(scan_bytes(tmp_path, "v9.gguf", b"GGUF" + struct.pack("<IQQ", 9, 0, 0))) == ["MLS901"]
    assert rules(scan_bytes(tmp_path, "short.gguf", b"GGUF\x03\x00")) == ["MLS901"]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_gguf_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    seed = bytearray(_SEED) if _SEED else bytearray(_gguf(tmp_path, tokens=20))
    _SEED[:] = seed
    for _ in range(data.draw(st.integers(1, 6))):
        seed[data.draw(st.integers(0, len(seed) - 1))] = data.draw(st.integers(0, 255))
    inspect_bytes(bytes(seed[: data.draw(st.integers(1, len(seed)))]), "x.gguf")


_SEED = bytearray()
