"""The hook's own settings around the walk: approved artifacts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hooks._core.policy import Policy
from tests import pickle_asm as asm
from tests.artifacts.helpers import rules, scan_bytes


def test_approved_artifact_by_sha256(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("mypkg", "Model") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    digest = hashlib.sha256(data).hexdigest()
    approved = {"approved": [{"path": "m.pkl", "sha256": digest, "reason": "reviewed"}]}
    assert scan_bytes(tmp_path, "m.pkl", data, Policy(root=tmp_path, sections={"artifacts": approved})) == []
    changed = data.replace(b"Model", b"Other")
    policy = Policy(root=tmp_path, sections={"artifacts": approved})
    assert rules(scan_bytes(tmp_path, "m.pkl", changed, policy)) == ["MLS102", "MLS110"]


def test_an_empty_file_named_like_a_model_is_low_and_unknown_bytes_still_block(tmp_path: Path) -> None:
    """Zero bytes are read in full and no loader runs anything from them; one unknown byte is
    not analysed and fails closed."""
    for name in ("model.pt", "weights.pkl", "bundle.tar"):
        found = scan_bytes(tmp_path, name, b"")
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS902", "low")], name
        assert "empty" in found[0].message
    found = scan_bytes(tmp_path, "model.pt", b"\x00")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS902", "high")]
    assert scan_bytes(tmp_path, "notes.txt", b"") == []


# --- pickles older library releases wrote --------------------------------------------------
_PANDAS1 = Path(__file__).resolve().parents[1] / "data" / "artifacts" / "pandas1_frame.pkl"


def test_a_frame_pandas_1_pickled_passes_and_a_look_alike_name_does_not(tmp_path: Path) -> None:
    """pandas 1.x pickles rebuild `Int64Index` and `Float64Index`, which pandas 2 dropped; the file
    was written by pandas 1.5.3 (make_pandas1_fixtures.py). A name pandas never had, in the same
    place, is still outside the allowlist."""
    data = _PANDAS1.read_bytes()
    assert b"Int64Index" in data and b"Float64Index" in data
    assert scan_bytes(tmp_path, "frame.pkl", data) == []
    look_alike = data.replace(b"Int64Index", b"Int64Indey", 1)
    assert rules(scan_bytes(tmp_path, "other.pkl", look_alike)) == ["MLS102"]


def test_the_block_call_of_pandas_1_3_pickles_passes_and_a_neighbour_does_not(tmp_path: Path) -> None:
    """pandas 1.3 and 1.4 pickled each block as `new_block(values, placement, ndim)`."""

    def block_call(name: str) -> bytes:
        placement = asm.global_("builtins", "slice") + asm.MARK + asm.binint(0) + asm.binint(2) + asm.NONE
        placement += asm.TUPLE + asm.REDUCE
        arguments = asm.MARK + asm.EMPTY_LIST + placement + asm.binint(2) + asm.TUPLE
        return asm.proto(2) + asm.global_("pandas.core.internals.blocks", name) + arguments + asm.REDUCE + asm.STOP

    assert scan_bytes(tmp_path, "block.pkl", block_call("new_block")) == []
    assert rules(scan_bytes(tmp_path, "blocks.pkl", block_call("new_blocks"))) == ["MLS102"]


def _partial_of_new_block(keywords: bytes) -> bytes:
    """`partial(new_block, **keywords)(values, placement)`, as pandas 1.3 pickled its blocks: the
    partial's keywords come from its BUILD state (func, args, kwargs, dict)."""
    new_block = asm.global_("pandas.core.internals.blocks", "new_block")
    partial = asm.global_("functools", "partial") + asm.MARK + new_block + asm.TUPLE + asm.REDUCE
    state = asm.MARK + new_block + asm.EMPTY_TUPLE + asm.EMPTY_DICT + keywords + asm.NONE + asm.TUPLE
    placement = asm.global_("builtins", "slice") + asm.MARK + asm.binint(0) + asm.binint(1) + asm.NONE + asm.TUPLE
    arguments = asm.MARK + asm.EMPTY_LIST + placement + asm.REDUCE + asm.TUPLE
    return asm.proto(2) + partial + state + asm.BUILD + arguments + asm.REDUCE + asm.STOP


def test_what_a_partial_binds_is_handed_to_what_it_wraps(tmp_path: Path) -> None:
    """pandas 1.3's `new_block(values, placement, ndim=, klass=)` calls `klass`: a global or a
    partial bound as a keyword is judged as called, like one passed to a call directly."""
    ndim = asm.text("ndim") + asm.binint(2) + asm.SETITEM
    assert scan_bytes(tmp_path, "block.pkl", _partial_of_new_block(ndim)) == []
    saver = asm.global_("functools", "partial") + asm.MARK + asm.global_("numpy", "savez")
    saver += asm.text("/tmp/x.npz") + asm.TUPLE + asm.REDUCE
    klass = asm.text("klass") + saver + asm.SETITEM
    assert rules(scan_bytes(tmp_path, "saver.pkl", _partial_of_new_block(ndim + klass))) == ["MLS102"]
    system = asm.text("klass") + asm.global_("os", "system") + asm.SETITEM
    assert rules(scan_bytes(tmp_path, "system.pkl", _partial_of_new_block(ndim + system))) == ["MLS101"]


def _partial_of(function: bytes, *arguments: bytes) -> bytes:
    return asm.global_("functools", "partial") + asm.MARK + function + b"".join(arguments) + asm.TUPLE + asm.REDUCE


def _called_by_torch(callable_: bytes) -> bytes:
    """torch's `_rebuild_from_type_v2(func, type, args, state)` calls `func(*args)`."""
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    arguments = asm.MARK + callable_ + asm.global_("torch", "Tensor") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.TUPLE
    return asm.proto(2) + rebuild + arguments + asm.REDUCE + asm.STOP


def test_a_partial_built_by_copyreg_is_judged_as_a_partial(tmp_path: Path) -> None:
    """`copyreg.__newobj__(functools.partial, f, *args)` builds the same partial as calling
    functools.partial: calling it calls `f` (red team: numpy.savez through torch's rebuild)."""
    saver = asm.global_("numpy", "savez")
    built = asm.global_("copyreg", "__newobj__") + asm.MARK + asm.global_("functools", "partial") + saver
    built += asm.text("/tmp/x") + asm.TUPLE + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "newobj.pkl", _called_by_torch(built))) == ["MLS102"]
    ex = asm.global_("copyreg", "__newobj_ex__") + asm.MARK + asm.global_("functools", "partial")
    ex += asm.MARK + saver + asm.text("/tmp/x") + asm.TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "newobj_ex.pkl", _called_by_torch(ex))) == ["MLS102"]
    # look-alike: the same partial of a function the allowlist lets a pickle call
    allowed = built.replace(b"numpy\nsavez", b"torch._utils\n_rebuild_tensor_v2").replace(b"\x8c\x06/tmp/x", b"")
    assert "MLS102" not in rules(scan_bytes(tmp_path, "allowed.pkl", _called_by_torch(allowed)))


def test_partials_nested_deeper_than_before_are_still_judged(tmp_path: Path) -> None:
    """A partial bound as an argument of a partial of a partial ... nine deep: the innermost
    still calls numpy.savez (the depth once stopped the judgement without a finding)."""
    inner = _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x"))
    for _ in range(9):
        inner = _partial_of(asm.global_("functools", "partial"), inner)
    found = scan_bytes(tmp_path, "deep.pkl", _called_by_torch(inner))
    assert "MLS102" in rules(found)
    assert any("numpy.savez" in f.message for f in found)


def test_keywords_of_a_partial_held_in_an_object_stop_the_analysis(tmp_path: Path) -> None:
    """partial's own pickles set its keywords as a plain dict; an OrderedDict filled by SETITEMS
    binds keywords the analysis does not hold: not fully analysed, never a pass."""
    partial = _partial_of(asm.global_("builtins", "list"))
    keywords = asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE
    keywords += asm.MARK + asm.text("func") + _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x"))
    keywords += b"u"  # SETITEMS
    state = asm.MARK + asm.global_("builtins", "list") + asm.EMPTY_TUPLE + keywords + asm.NONE + asm.TUPLE
    found = scan_bytes(tmp_path, "ordered.pkl", _called_by_torch(partial + state + asm.BUILD))
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]
    # look-alike: the same keywords as a plain dict are read (and the saver judged as called)
    plain = asm.EMPTY_DICT + asm.MARK + asm.text("x") + _partial_of(asm.global_("numpy", "savez"), asm.text("/t"))
    plain += b"u"
    state = asm.MARK + asm.global_("builtins", "list") + asm.EMPTY_TUPLE + plain + asm.NONE + asm.TUPLE
    assert rules(scan_bytes(tmp_path, "plain.pkl", _called_by_torch(partial + state + asm.BUILD))) == ["MLS102"]


def test_partials_shared_by_many_paths_are_judged_once(tmp_path: Path) -> None:
    """Each level binds the previous level's partial four times: judged once per partial, the
    analysis ends (with its finding) instead of walking 4**12 paths."""
    inner = _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x")) + asm.binput(1)
    for level in range(12):
        inner = _partial_of(asm.global_("builtins", "list"), inner, *[asm.binget(1)] * 3) + asm.binput(1)
        del level
    assert rules(scan_bytes(tmp_path, "shared.pkl", _called_by_torch(inner))) == ["MLS102"]
