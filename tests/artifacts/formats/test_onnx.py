"""ONNX models: written with the real onnx package (a test-only dependency), read without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import rules, scan_bytes

onnx = pytest.importorskip("onnx", reason="onnx (test extra) builds the fixture models")
helper, numpy_helper = onnx.helper, onnx.numpy_helper


def _model(nodes: list[object] | None = None, initializers: list[object] | None = None, **kwargs: object) -> bytes:
    import numpy as np

    weight = numpy_helper.from_array(np.ones((2, 2), dtype=np.float32), "w")
    graph = helper.make_graph(
        nodes or [helper.make_node("MatMul", ["x", "w"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 2])],
        [helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1, 2])],
        initializers if initializers is not None else [weight],
    )
    model = helper.make_model(graph, **kwargs)
    return bytes(model.SerializeToString())


def _external(location: str) -> bytes:
    tensor = onnx.TensorProto(name="w", data_type=onnx.TensorProto.FLOAT, dims=[2, 2])
    tensor.data_location = onnx.TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", "16")):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    return _model(initializers=[tensor])


def test_a_plain_model_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "model.onnx", _model()) == []
    assert scan_bytes(tmp_path, "weights_next_to_it.onnx", _external("model.onnx.data")) == []
    assert scan_bytes(tmp_path, "sub.onnx", _external("data/weights.bin")) == []


@pytest.mark.parametrize("location", ["../../etc/passwd", "/etc/passwd", "data/../../x", "C:\\Windows\\x", "..\\x"])
def test_external_data_leaving_the_folder(tmp_path: Path, location: str) -> None:
    assert rules(scan_bytes(tmp_path, "model.onnx", _external(location))) == ["MLS121"]


def test_custom_operator_domains(tmp_path: Path) -> None:
    custom = helper.make_node("MyOp", ["x"], ["y"], domain="evil.ops")
    contrib = helper.make_node("FusedMatMul", ["x", "w"], ["y"], domain="com.microsoft")
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("evil.ops", 1), helper.make_opsetid("com.microsoft", 1)]
    found = scan_bytes(tmp_path, "m.onnx", _model([custom], opset_imports=opsets))
    assert rules(found) == ["MLS122"] and "evil.ops::MyOp" in found[0].message
    assert scan_bytes(tmp_path, "ok.onnx", _model([contrib], opset_imports=opsets)) == []


def test_a_model_local_function_is_not_a_custom_operator(tmp_path: Path) -> None:
    body = [helper.make_node("Relu", ["a"], ["b"])]
    function = helper.make_function("local.fn", "MyRelu", ["a"], ["b"], body, [helper.make_opsetid("", 17)])
    node = helper.make_node("MyRelu", ["x"], ["y"], domain="local.fn")
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("local.fn", 1)]
    assert scan_bytes(tmp_path, "f.onnx", _model([node], opset_imports=opsets, functions=[function])) == []


def test_a_local_function_of_another_overload_is_not_the_nodes(tmp_path: Path) -> None:
    # ONNX IR 10 calls a local function by (domain, name, overload): a node naming an overload no
    # function defines is resolved against registered kernels, i.e. a custom operator.
    body = [helper.make_node("Relu", ["a"], ["b"])]
    function = helper.make_function("local.fn", "F", ["a"], ["b"], body, [helper.make_opsetid("", 17)], overload="v1")
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("local.fn", 1)]
    same = helper.make_node("F", ["x"], ["y"], domain="local.fn", overload="v1")
    other = helper.make_node("F", ["x"], ["y"], domain="local.fn", overload="v2")
    assert scan_bytes(tmp_path, "same.onnx", _model([same], opset_imports=opsets, functions=[function])) == []
    found = scan_bytes(tmp_path, "other.onnx", _model([other], opset_imports=opsets, functions=[function]))
    assert rules(found) == ["MLS122"] and "local.fn::F[v2]" in found[0].message


def _chain(ops: list[tuple[str, str]]) -> bytes:
    """A model whose nodes are `ops` ((domain, op_type)) one after another, x -> ... -> y."""
    names = ["x", *(f"t{i}" for i in range(len(ops) - 1)), "y"]
    nodes = [helper.make_node(op, [names[i]], [names[i + 1]], domain=domain) for i, (domain, op) in enumerate(ops)]
    domains = sorted({domain for domain, _ in ops})
    return _model(nodes, opset_imports=[helper.make_opsetid("", 17), *(helper.make_opsetid(d, 1) for d in domains)])


def test_custom_operators_are_one_finding_per_domain(tmp_path: Path) -> None:
    # A domain is what one native library registers: the reviewer reviews that library once.
    ops = [("ai.onnx.contrib", name) for name in ("StringUpper", "GaussianBlur", "BertTokenizer")] + [("x.y", "Z")]
    found = scan_bytes(tmp_path, "m.onnx", _chain(ops))
    assert rules(found) == ["MLS122", "MLS122"]
    text = " | ".join(f.message for f in found)
    assert "3 custom operators of domain ai.onnx.contrib (BertTokenizer, GaussianBlur, StringUpper)" in text
    assert "x.y::Z" in text


def test_a_new_operator_of_a_domain_is_a_new_finding_and_a_lone_one_keeps_its_key(tmp_path: Path) -> None:
    one = scan_bytes(tmp_path, "m.onnx", _chain([("d", "A")]))
    two = scan_bytes(tmp_path, "m.onnx", _chain([("d", "A"), ("d", "B")]))
    swapped = scan_bytes(tmp_path, "m.onnx", _chain([("d", "B"), ("d", "A")]))
    assert one[0].message.endswith("custom operator d::A: native code from an extra library runs at inference")
    assert one[0].fingerprint != two[0].fingerprint and two[0].fingerprint == swapped[0].fingerprint


def test_no_custom_domain_is_dropped_however_many_precede_it(tmp_path: Path) -> None:
    # The domains sort by name, which the model chooses: one past the cap is still named.
    ops = [(f"aaa.filler{i:02d}", "Op") for i in range(55)] + [("zzz.evil", "Run")]
    found = scan_bytes(tmp_path, "many.onnx", _chain(ops))
    assert rules(found) == ["MLS122"] * 51
    assert "(1-6 of 6 past the first 50" in found[-1].message and "zzz.evil" in found[-1].message


def test_every_domain_past_the_cap_is_named_and_keyed_by_name(tmp_path: Path) -> None:
    ops = [(f"aaa.filler{i:02d}", "Op") for i in range(70)]
    found = scan_bytes(tmp_path, "many.onnx", _chain(ops))
    text = " | ".join(f.message for f in found)
    assert all(f"aaa.filler{i:02d}" in text for i in range(70)) and "more" not in text
    swapped = scan_bytes(tmp_path, "many.onnx", _chain([*ops[:-1], ("zzz.evil", "Op")]))
    assert {f.fingerprint for f in found} != {f.fingerprint for f in swapped}  # a baseline does not absorb it


def test_names_longer_than_read_never_match_a_local_function(tmp_path: Path) -> None:
    # Only 256 bytes of a name are read: "A"*256 + "Y" must not pass for a function "A"*256 + "X".
    body = [helper.make_node("Relu", ["a"], ["b"])]
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("evil.ops", 1)]
    function = helper.make_function("evil.ops", "A" * 256 + "X", ["a"], ["b"], body, [helper.make_opsetid("", 17)])
    node = helper.make_node("A" * 256 + "Y", ["x"], ["y"], domain="evil.ops")
    assert rules(scan_bytes(tmp_path, "t.onnx", _model([node], opset_imports=opsets, functions=[function]))) == [
        "MLS122"
    ]


def test_custom_domains_found_before_a_limit_are_still_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks.artifacts.formats import onnx as onnx_format

    monkeypatch.setattr(onnx_format, "_MAX_CUSTOM", 3)
    ops = [("evil.ops", "Pwn"), *((f"aaa.ops{i}", "Op") for i in range(5))]
    found = scan_bytes(tmp_path, "limit.onnx", _chain(ops))
    assert "MLS903" in rules(found) and any("evil.ops" in f.message for f in found if f.rule_id == "MLS122")


def test_custom_operator_inside_a_subgraph(tmp_path: Path) -> None:
    inner = helper.make_graph(
        [helper.make_node("Sneaky", ["x"], ["z"], domain="x.y")],
        "then",
        [],
        [helper.make_tensor_value_info("z", onnx.TensorProto.FLOAT, [1, 2])],
    )
    branch = helper.make_node("If", ["c"], ["y"], then_branch=inner, else_branch=inner)
    assert rules(scan_bytes(tmp_path, "if.onnx", _model([branch]))) == ["MLS122"]


def test_inconsistent_tensor_metadata(tmp_path: Path) -> None:
    lying = onnx.TensorProto(name="w", data_type=onnx.TensorProto.FLOAT, dims=[1000, 1000], raw_data=b"\x00" * 16)
    negative = onnx.TensorProto(name="n", data_type=onnx.TensorProto.FLOAT, dims=[-4], raw_data=b"")
    assert rules(scan_bytes(tmp_path, "lie.onnx", _model(initializers=[lying]))) == ["MLS123"]
    assert rules(scan_bytes(tmp_path, "neg.onnx", _model(initializers=[negative]))) == ["MLS123"]


def test_broken_and_lookalike_files(tmp_path: Path) -> None:
    model = _model()
    assert rules(scan_bytes(tmp_path, "cut.onnx", model[: len(model) // 2])) == ["MLS901"]
    # the same head in a file not named like a model, that finds nothing: not an artifact
    assert scan_bytes(tmp_path, "notes.txt", b"\x08\x07\x12\x05hello") == []
    assert scan_bytes(tmp_path, "cut.dat", model[: len(model) // 2]) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.integers(0, 400))
def test_garbage_never_crashes(body: bytes, cut: int) -> None:
    base = _model([helper.make_node("X", ["x"], ["y"], domain="d")])
    inspect_bytes(b"\x08\x07\x12" + body, "x.onnx")
    mutated = bytearray(base)
    if body:
        mutated[cut % len(mutated)] = body[0]
    inspect_bytes(bytes(mutated[: max(1, len(mutated) - cut // 2)]), "x.onnx")
