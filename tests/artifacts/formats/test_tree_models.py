"""XGBoost's legacy binary and CatBoost's model files: recognised, checked, never taken for pickles."""

from __future__ import annotations

import struct
from pathlib import Path

from hooks.artifacts.formats.tree_models import CATBOOST, XGBOOST_BINARY
from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def dmlc_string(text: bytes) -> bytes:
    return struct.pack("<Q", len(text)) + text


def xgboost_model(objective: bytes = b"binary:logistic", booster: bytes = b"gbtree", num_class: int = 0) -> bytes:
    # LearnerModelParamLegacy: base_score, num_feature, num_class, two flags, versions, reserved.
    parameters = struct.pack("<fIiiiII", 0.5, 4, num_class, 0, 0, 1, 7) + b"\x00" * (136 - 28)
    return b"binf" + parameters + dmlc_string(objective) + dmlc_string(booster) + b"\x01\x00\x00\x00" * 40


def catboost_model(declared: int | None = None, body: bytes = b"\x10\x00\x00\x00" + b"\x00" * 60) -> bytes:
    return b"CBM1" + struct.pack("<I", len(body) if declared is None else declared) + body


def test_real_shaped_tree_models_pass_without_findings(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "xgb.model", xgboost_model()) == []
    assert scan_bytes(tmp_path, "m.bin", xgboost_model(b"multi:softprob", b"dart", num_class=3)) == []
    assert scan_bytes(tmp_path, "catboost_model.bin", catboost_model()) == []
    assert scan_bytes(tmp_path, "model.cbm", catboost_model()) == []


def test_look_alikes_are_not_recognised() -> None:
    assert not XGBOOST_BINARY.recognise(b"binf is how this text starts" + b" " * 200)
    assert not XGBOOST_BINARY.recognise(xgboost_model(booster=b"gbforest"))
    assert not XGBOOST_BINARY.recognise(xgboost_model(objective=b"import os"))
    assert not XGBOOST_BINARY.recognise(xgboost_model(num_class=-1))
    assert not CATBOOST.recognise(b"CBM")


def test_a_broken_tree_model_named_like_a_model_fails_closed(tmp_path: Path) -> None:
    truncated = xgboost_model()[:150]
    assert rules(scan_bytes(tmp_path, "xgb.model", truncated)) != []
    assert inspect_bytes(catboost_model(declared=1 << 30), "catboost_model.bin") == ["MLS9xx"]


def test_a_pickle_behind_the_catboost_magic_is_still_read_as_the_pickle_it_is(tmp_path: Path) -> None:
    # `C` is SHORT_BINBYTES and "B" (66) its length: "CBM1..." can open a pickle whose first
    # value swallows the magic and the size, POP drops it, and the payload follows.
    payload = malicious_pickle(tmp_path / "canary")[2:]
    polyglot = b"CBM1" + struct.pack("<I", 64) + b"\x00" * 60 + b"0" + payload
    findings = rules(scan_bytes(tmp_path, "catboost_model.bin", polyglot))
    assert any(rule.startswith("MLS1") for rule in findings), findings


def test_a_dockerfile_variant_named_dot_model_is_not_an_artifact(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "Dockerfile.model", b"# This container serves the model\nFROM python:3.11\n") == []
    assert rules(scan_bytes(tmp_path, "serving.model", b"# not a model\n")) == ["MLS902"]
