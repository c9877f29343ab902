"""TensorFlow protobufs (SavedModel, frozen GraphDef, keras_metadata.pb, fingerprint.pb).

TensorFlow is not a test dependency (hundreds of MB): the files are encoded here field by field
following tensorflow/core/protobuf/*.proto, with the same wire format protobuf writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import rules, scan_bytes


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field(number: int, value: bytes | int) -> bytes:
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    return varint(number << 3 | 2) + varint(len(value)) + value


def node(name: str, op: str, *attrs: bytes) -> bytes:
    return field(1, name.encode()) + field(2, op.encode()) + b"".join(attrs)


def graph(*nodes: bytes, functions: tuple[bytes, ...] = ()) -> bytes:
    library = (
        field(2, b"".join(field(1, field(1, field(1, b"fn")) + b"".join(field(3, n) for n in functions)) for _ in [0]))
        if functions
        else b""
    )
    return b"".join(field(1, n) for n in nodes) + library + field(4, field(1, 1000))


def saved_model(graph_def: bytes, keras_metadata: str | None = None) -> bytes:
    object_graph = b""
    if keras_metadata is not None:
        user_object = field(1, b"_tf_keras_sequential") + field(3, keras_metadata.encode())
        object_graph = field(7, field(1, field(4, user_object)))
    meta_graph = field(1, field(4, b"serve")) + field(2, graph_def) + object_graph
    return field(1, 1) + field(2, meta_graph)


ORDINARY = (
    node("x", "Placeholder"),
    node("w", "Const"),
    node("MatMul", "MatMul"),
    node("saver/SaveV2", "SaveV2"),
    node("saver/RestoreV2", "RestoreV2"),
    node("table_init", "InitializeTableFromTextFileV2"),
)


def test_an_ordinary_saved_model_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(*ORDINARY))) == []
    assert scan_bytes(tmp_path, "frozen.pb", graph(*ORDINARY)) == []


@pytest.mark.parametrize(
    ("op", "severity"),
    [
        ("PyFunc", "critical"),
        ("EagerPyFunc", "critical"),
        ("ReadFile", "high"),
        ("WriteFile", "high"),
        ("MatchingFiles", "high"),
    ],
)
def test_operations_reaching_python_or_files(tmp_path: Path, op: str, severity: str) -> None:
    found = scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(*ORDINARY, node("evil", op))))
    assert rules(found) == ["MLS120"] and found[0].severity.value == severity and op in found[0].message
    in_function = saved_model(graph(*ORDINARY, functions=(node("inner", op),)))
    assert rules(scan_bytes(tmp_path, "saved_model.pb", in_function)) == ["MLS120"]
    assert rules(scan_bytes(tmp_path, "frozen_graph.pb", graph(node("evil", op), *ORDINARY))) == ["MLS120"]


def test_print_to_a_file(tmp_path: Path) -> None:
    def attr(key: str, text: str) -> bytes:
        return field(5, field(1, key.encode()) + field(2, field(2, text.encode())))

    to_file = node("p", "PrintV2", attr("output_stream", "file:///tmp/leak"))
    to_stderr = node("p", "PrintV2", attr("output_stream", "stderr"))
    assert rules(scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(to_file)))) == ["MLS120"]
    assert scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(to_stderr))) == []


def test_keras_metadata_in_the_object_graph_and_in_keras_metadata_pb(tmp_path: Path) -> None:
    lam = json.dumps(
        {"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {"name": "l"}}]}}
    )
    dense = lam.replace("Lambda", "Dense")
    assert rules(scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(*ORDINARY), lam))) == ["MLS108"]
    assert scan_bytes(tmp_path, "saved_model.pb", saved_model(graph(*ORDINARY), dense)) == []
    saved_object = field(2, 1) + field(3, b"root") + field(4, b"_tf_keras_sequential")
    assert rules(scan_bytes(tmp_path, "keras_metadata.pb", field(1, saved_object + field(5, lam.encode())))) == [
        "MLS108"
    ]
    assert scan_bytes(tmp_path, "keras_metadata.pb", field(1, saved_object + field(5, dense.encode()))) == []


def test_fingerprint_and_broken_files(tmp_path: Path) -> None:
    fingerprint = (
        field(1, 1234567890123) + field(2, 42) + field(3, 7) + field(4, 9) + field(5, 11) + field(6, field(1, 1))
    )
    assert scan_bytes(tmp_path, "fingerprint.pb", fingerprint) == []
    model = saved_model(graph(*ORDINARY))
    assert rules(scan_bytes(tmp_path, "saved_model.pb", model[:-7])) == ["MLS901"]
    assert scan_bytes(tmp_path, "notes.txt", b"\n\x05hello world\n") == []  # text beginning like a field


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=300),
    st.integers(0, 1000),
    st.sampled_from([b"\x08\x01\x12", b"\x0a\x10\x0a\x01x\x12", b"\x0a\x05\x10"]),
)
def test_garbage_never_crashes(body: bytes, cut: int, head: bytes) -> None:
    inspect_bytes(head + body, "saved_model.pb")
    mutated = bytearray(saved_model(graph(*ORDINARY, node("e", "PyFunc"))))
    if body:
        mutated[cut % len(mutated)] = body[0]
    inspect_bytes(bytes(mutated[: max(1, len(mutated) - cut // 4)]), "saved_model.pb")
