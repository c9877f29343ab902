"""training_records.py: which JSON lists are datasets of training records (the scanner's use of it,
lowered findings and configs shaped like datasets, is in test_families.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.secrets.training_records import training_records
from hooks.secrets.units import DATA, TEXT, file_unit


@pytest.mark.parametrize(
    "records",
    [
        [{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "ok"}], "tools": "[]"}],
        [{"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}],
        [
            {
                "messages": [
                    {
                        "role": "assistant",
                        "tool_calls": [{"id": "1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
                    }
                ]
            }
        ],
        [{"instruction": "i", "input": "", "output": "o", "history": [["q", "a"]]}],
        [
            {
                "conversations": [{"from": "human", "value": "q"}],
                "chosen": {"from": "gpt", "value": "a"},
                "rejected": {"from": "gpt", "value": "b"},
            }
        ],
    ],
)
def test_dataset_layouts_are_training_records(records: list[object]) -> None:
    assert training_records(json.dumps(records, indent=2))


@pytest.mark.parametrize(
    "records",
    [
        [{"prompt": "p", "model": "gpt-4o"}],  # a field no dataset has
        [{"messages": [{"role": "user", "content": "x", "api_key": "k"}]}],  # in a turn
        [{"query": "q", "config": {"a": 1}}],  # a nested config
        [{"instruction": "i"}, "text"],  # a record that is no object
        [],
    ],
)
def test_other_lists_are_not(records: list[object]) -> None:
    assert not training_records(json.dumps(records))


def test_a_file_past_the_limit_or_not_json_is_not() -> None:
    assert not training_records('[{"prompt": "x", ')
    assert not training_records("\ufeff" + json.dumps([{"prompt": "x"}]))  # json refuses a BOM in text


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["prompt", "messages", "role", "content", "api_key", "x"]), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON_VALUES, max_size=4), st.sampled_from(["prompt", "messages", "conversations"]))
def test_any_json_list_is_a_dataset_or_text_never_an_error(rest: list[object], head: str) -> None:
    text = json.dumps([{head: "x"}, *rest])
    assert file_unit(text, "d.json").kind in (DATA, TEXT)
    assert file_unit(text[: len(text) // 2], "d.json").kind == TEXT  # cut short: not parsed, so not data
