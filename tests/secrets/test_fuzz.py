"""Garbage into every parser of the secrets hook (hypothesis): the context detector, the value
judge, the literal joiner, the Kubernetes Secret reader, the structural checks, notebook
metadata and widget state, and the whole hook on notebooks whose JSON is valid but whose shape is
not. Each returns a result, never an exception; positions point into the text they came from;
nothing a report prints holds the value it flags."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.notebooks import metadata_strings, widgets
from hooks._core.policy import Policy
from hooks._shared.credential_checks import CHECKS
from hooks._shared.credential_context import candidates
from hooks._shared.credential_shape import judge_value
from hooks.secrets.detection import Options, literal_runs, unit_hits
from hooks.secrets.k8s import secret_entries
from hooks.secrets.spec import SPEC
from hooks.secrets.units import Unit, raw_line
from tests.scanning import findings_of

FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
# Pieces of the syntax the parsers look for, so garbage reaches deep into them.
TOKENS = [
    *"aZ09=:<>!@#/\\\"'`[]{}()-_.+%$ \t\n\r\x00é\u2028",
    "password",
    "TOKEN",
    "api_key",
    "Bearer ",
    "--token ",
    "login ",
    "://",
    "u:p@h",
    "${X:-",
    "%env ",
    "<td>",
    "</td>",
    "kind: Secret\n",
    "data:\n",
    "  k: ",
    "---\n",
    "aGVsbG8=",
    "eyJ",
    "hf_",
    "sk-",
    "ghp_",
    "AKIA",
    ":AA",
    "pypi-AgE",
    "SG.",
    "\\n",
    '" "',
    "\\\n",
    "Xk9mQ2vL7pR4",
]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=150).map("".join)
VALUE = st.one_of(TEXT, st.text(max_size=80))


@FUZZ
@given(TEXT)
def test_candidates_point_into_the_text(text: str) -> None:
    for candidate in candidates(text):
        assert 0 <= candidate.start <= candidate.end <= len(text)
        if candidate.context not in ("name",):
            assert text[candidate.start : candidate.end] == candidate.value


@FUZZ
@given(VALUE, st.text(max_size=30))
def test_judge_value_grades_anything(value: str, name: str) -> None:
    shape = judge_value(value, name)
    assert shape.strength in (0, 1, 2)
    assert shape.strength > 0 or shape.reason is not None


@FUZZ
@given(TEXT)
def test_literal_runs_and_k8s_entries(text: str) -> None:
    for start, (_joined, end) in literal_runs(text).items():
        assert 0 <= start <= end <= len(text)
    for entry in secret_entries(text):
        assert 0 <= entry.start <= entry.end <= len(text)
        assert isinstance(entry.decoded, str)
        assert entry.valid or entry.decoded == ""


@FUZZ
@given(st.sampled_from(sorted(CHECKS)), VALUE)
def test_structural_checks_on_garbage(check: str, value: str) -> None:
    assert CHECKS[check](value).verdict


@FUZZ
@given(TEXT, st.sampled_from(["code", "text", "data"]))
def test_unit_hits_are_inside_the_unit(text: str, kind: str) -> None:
    for hit in unit_hits(Unit(text, kind, "x"), Options()):
        assert 0 <= hit.start <= hit.end <= len(text)
        assert hit.value not in hit.label + hit.detail + hit.low_reason


JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from([*TOKENS, "state", "value", "widgets"]), inner, max_size=4),
    ),
    max_leaves=25,
)


@FUZZ
@given(JSON_VALUE)
def test_metadata_and_widget_readers(metadata: Any) -> None:
    for keys, value in metadata_strings(metadata):
        assert isinstance(value, str) and all(isinstance(key, str) for key in keys)
    holder = {"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {"m": metadata}}}}
    for widget in widgets(holder if isinstance(metadata, dict) else {}):
        assert isinstance(widget.value, str)


@FUZZ
@given(TEXT, st.text(max_size=40))
def test_raw_line_is_a_line(raw: str, value: str) -> None:
    assert 1 <= raw_line(raw, value) <= raw.count("\n") + 1


@FUZZ
@given(JSON_VALUE, JSON_VALUE, JSON_VALUE)
def test_hook_on_notebooks_of_any_shape(tmp_path_factory: object, metadata: Any, cell: Any, output: Any) -> None:
    folder = Path(getattr(tmp_path_factory, "mktemp")("nb"))
    document = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": metadata,
        "cells": [cell, {"cell_type": "code", "source": "x", "metadata": metadata, "outputs": [output]}],
    }
    path = folder / "nb.ipynb"
    path.write_text(json.dumps(document), errors="surrogatepass")
    for finding in findings_of(SPEC, path, "nb.ipynb", Policy(root=folder)):
        assert finding.line >= 1
