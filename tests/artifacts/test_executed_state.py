"""State that a library's __setstate__ runs as code (scipy's argument-parser template), bound
methods pickled through getattr on a rebuilt instance, and state keys past the item cap."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from hooks.artifacts import pickle_values
from tests import pickle_asm as asm
from tests.artifacts.helpers import rules, scan_bytes


def test_scipy_argument_parser_template_is_what_scipy_writes(tmp_path: Path) -> None:
    stats = pytest.importorskip("scipy.stats")
    for dist in (stats.norm, stats.gamma, stats.beta, stats.poisson, stats.binom, stats.norm(1, 2)):
        for protocol in (0, 2, 4):
            assert rules(scan_bytes(tmp_path, "dist.pkl", pickle.dumps(dist, protocol=protocol))) == []
    gadget = copy.deepcopy(stats.norm)
    # scipy's __setstate__ exec()s this field: a pickle naming only scipy's own class runs the code.
    gadget._parse_arg_template = "import os\nos.system('true')\n" + gadget._parse_arg_template
    findings = scan_bytes(tmp_path, "gadget.pkl", pickle.dumps(gadget, protocol=4))
    assert rules(findings) == ["MLS101"] and "_parse_arg_template" in findings[0].message
    subtle = copy.deepcopy(stats.norm)  # the template's shape holes hold identifiers only
    subtle._parse_arg_template = subtle._parse_arg_template.replace("loc=0", "loc=__import__('os').getcwd()")
    assert rules(scan_bytes(tmp_path, "subtle.pkl", pickle.dumps(subtle, protocol=2))) == ["MLS101"]


def _rebuilt(module: str, name: str) -> bytes:
    """copyreg._reconstructor(cls, object, None) with an empty state: an instance of cls."""
    data = asm.global_("copyreg", "_reconstructor") + asm.MARK + asm.global_(module, name)
    return data + asm.global_("builtins", "object") + asm.NONE + asm.TUPLE + asm.REDUCE


def test_getattr_on_a_rebuilt_instance_is_judged_as_its_method(tmp_path: Path) -> None:
    getattr_ = asm.global_("builtins", "getattr")
    instance = _rebuilt("sklearn.linear_model._logistic", "LogisticRegression")
    kept = asm.proto(2) + getattr_ + asm.MARK + instance + asm.text("predict") + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) == []  # a bound method kept as a value
    called = kept[:-1] + asm.MARK + asm.text("/tmp/x") + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "called.pkl", called)) != []  # calling it needs the exact allowlist
    special = asm.proto(2) + getattr_ + asm.MARK + instance + asm.text("__class__") + asm.TUPLE + asm.REDUCE
    assert "MLS101" in rules(scan_bytes(tmp_path, "special.pkl", special + asm.STOP))


def test_a_watched_state_key_is_kept_past_the_item_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pickle_values, "MAX_ITEMS", 2)
    state = asm.EMPTY_DICT + asm.MARK
    for key in ("a", "b", "c"):
        state += asm.text(key) + asm.NONE
    state += asm.text("__setstate__") + asm.global_("builtins", "print") + b"u"  # SETITEMS
    data = asm.proto(2) + _rebuilt("sklearn.linear_model._logistic", "LogisticRegression") + state + asm.BUILD
    assert rules(scan_bytes(tmp_path, "padded.pkl", data + asm.STOP)) != []
