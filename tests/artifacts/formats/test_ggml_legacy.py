"""Pre-GGUF GGML models, built by hand field by field as llama.cpp's convert.py and quantize wrote
them before GGUF (ggml, ggmf, ggjt 1-3) and as ggml's GPT-2 example writes its models."""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.helpers import judge_garbage, rules, scan_bytes, zip_of_malicious_pickle

# (elements per block, bytes per block) as the layout's version writes each type
CURRENT = {0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 8: (32, 34), 14: (256, 210)}
BEFORE_V3 = {0: (1, 4), 1: (1, 2), 2: (32, 20), 3: (32, 24), 4: (16, 10), 8: (32, 36)}
TOKENS = (b"<unk>", b"<s>", b"</s>", b"\xe2\x96\x81the")
LLAMA_TENSORS = (
    ("tok_embeddings.weight", (256, 4), 1),
    ("layers.0.attention.wq.weight", (256, 256), 2),
    ("layers.0.feed_forward.w1.weight", (256, 2), 14),
    ("norm.weight", (256,), 0),
)

Specs = tuple[tuple[str, tuple[int, ...], int], ...]
Blocks = dict[int, tuple[int, int]]


def _tensors(specs: Specs, blocks: Blocks, *, offset: int, alignment: int) -> bytes:
    out = bytearray()
    for name, shape, ggml_type in specs:
        elements = 1
        for dimension in shape:
            elements *= dimension
        per_block, block_bytes = blocks[ggml_type]
        out += struct.pack("<iii", len(shape), len(name), ggml_type) + struct.pack(f"<{len(shape)}i", *shape)
        out += name.encode()
        out += b"\x00" * (-(offset + len(out)) % alignment)
        out += b"\x01" * (elements // per_block * block_bytes)
    return bytes(out)


def llama(magic: bytes = b"tjgg", version: int | None = 3, *, scored: bool = True, blocks: Blocks = CURRENT,
          specs: Specs = LLAMA_TENSORS, alignment: int | None = None) -> bytes:  # fmt: skip
    head = magic + (struct.pack("<I", version) if version is not None else b"")
    head += struct.pack("<7i", len(TOKENS), 256, 256, 2, 1, 64, 2)
    for token in TOKENS:
        head += struct.pack("<I", len(token)) + token + (struct.pack("<f", -1.5) if scored else b"")
    if alignment is None:
        alignment = 32 if magic == b"tjgg" else 1
    return head + _tensors(specs, blocks, offset=len(head), alignment=alignment)


def gpt2_example() -> bytes:
    """ggml's examples/gpt-2: six hyperparameters, then an i32 token count before the tokens."""
    head = b"lmgg" + struct.pack("<6i", len(TOKENS), 1024, 64, 2, 1, 1)
    head += struct.pack("<i", len(TOKENS)) + b"".join(struct.pack("<I", len(t)) + t for t in TOKENS)
    specs = (("model/ln_f/g", (64,), 0), ("model/wte", (64, 4), 1), ("model/h0/attn/c_attn/w", (64, 192), 1))
    return head + _tensors(specs, CURRENT, offset=len(head), alignment=1)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("llama-2-7b-chat.ggmlv3.q4_0.bin", llama()),
        ("ggml-model-q4_0.bin", llama(version=1, blocks=BEFORE_V3,
                                      specs=(*LLAMA_TENSORS[:2], ("output.weight", (256, 2), 4)))),
        ("ggml-model-q4_1.bin", llama(version=2, blocks=BEFORE_V3, specs=(("w.weight", (256, 2), 3),))),
        ("ggml-model-f16.bin", llama(b"fmgg", 1, blocks=BEFORE_V3, specs=(("w.weight", (256, 2), 8),))),
        ("ggml-alpaca-7b-q4.bin", llama(b"lmgg", None, scored=False, blocks=BEFORE_V3,
                                         specs=(("w.weight", (256, 2), 2),))),
        ("ggml-model-gpt-2-117M.bin", gpt2_example()),
        ("ggml-vocab.bin", llama(version=1, blocks=BEFORE_V3, specs=())),  # llama.cpp's vocabulary-only file
    ],
)  # fmt: skip
def test_a_legacy_ggml_model_is_read_to_its_last_byte(tmp_path: Path, name: str, data: bytes) -> None:
    assert scan_bytes(tmp_path, name, data) == []


@pytest.mark.parametrize(
    "data",
    [
        llama()[:-3],  # cut inside the last tensor
        llama() + pickle.dumps(print),  # bytes after the last tensor
        llama(specs=())[:-1],  # a vocabulary-only file cut inside its last token
        llama(alignment=1),  # ggjt's data not padded to 32
        llama(version=4),  # no llama.cpp wrote ggjt 4 (GGUF came instead)
        llama(specs=(("bad name", (256,), 0),)),  # a space: not a name a converter writes
        llama(specs=(("w", (33,), 2),)),  # not whole Q4_0 blocks
        llama(specs=(("w", (32,), 2),), blocks={2: (32, 36)}),  # no version wrote Q4_0 in 36 bytes
        llama(specs=(("w", (32,), 17),), blocks={17: (32, 18)}),  # a type no pre-GGUF file holds
    ],
)
def test_what_breaks_the_layout_keeps_a_finding(tmp_path: Path, data: bytes) -> None:
    found = rules(scan_bytes(tmp_path, "llama-7b.ggmlv3.q4_0.bin", data))
    assert found and set(found) <= {"MLS901", "MLS902"}


def test_bytes_after_a_vocabulary_that_are_no_tensor_keep_a_finding(tmp_path: Path) -> None:
    data = gpt2_example()
    vocabulary_end = data.index(b"model/ln_f/g") - 12 - 4
    assert rules(scan_bytes(tmp_path, "ggml-model.bin", data[:vocabulary_end] + b"\x80\x02c")) != []


def test_not_named_like_an_artifact_a_broken_one_is_no_finding(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "notes.txt", llama()[:-3]) == []


def test_an_archive_inside_the_tensors_is_not_cleared(tmp_path: Path) -> None:
    payload = zip_of_malicious_pickle(tmp_path / "canary")
    payload += b"\x00" * (-len(payload) % 4)
    head = llama(specs=())
    tensor = struct.pack("<iii", 1, 1, 0) + struct.pack("<i", len(payload) // 4) + b"w"
    tensor += b"\x00" * (-(len(head) + len(tensor)) % 32)
    assert rules(scan_bytes(tmp_path, "model.bin", head + tensor + payload)) != []
    assert not (tmp_path / "canary").exists()


_SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=100, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_garbage_in_a_model_is_a_finding_or_clean_never_a_crash(tmp_path: Path, data: st.DataObject) -> None:
    judge_garbage(tmp_path, "ggml-model-q4_0.bin", data.draw(st.sampled_from([llama(), gpt2_example()])), data)
