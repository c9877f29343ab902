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
