"""The texts' search index: the same counts as testing every text, within a budget."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code import text_mentions
from hooks.code.text_mentions import TextMentions
from tests.code.helpers import scan_code

_ALPHABET = st.sampled_from(["a", "b", ".", "/", "\0", "p", "t"])


def naive(weights: Counter[str], name: str) -> int:
    return sum(weight for text, weight in weights.items() if weight > 0 and name in text)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.text(_ALPHABET, max_size=8), max_size=12),
    names=st.lists(st.text(_ALPHABET, max_size=4), min_size=1, max_size=6),
)
def test_counts_are_those_of_testing_every_text(texts: list[str], names: list[str]) -> None:
    weights = Counter(texts)
    index = TextMentions(weights)
    for name in names + names:  # asked twice: the memo answers the same
        assert index.count(name) == naive(weights, name)


def test_a_text_naming_the_file_twice_counts_once_and_a_repeated_text_twice() -> None:
    index = TextMentions(Counter(["cp m.pt m.pt.bak", "m.pt", "m.pt", "other"]))
    assert index.count("m.pt") == 3
    assert index.count("x.pt") == 0


def test_a_name_with_nul_never_matches_across_two_texts() -> None:
    index = TextMentions(Counter(["ab", "cd"]))
    assert index.count("b\0c") == 0
    assert TextMentions(Counter(["b\0c"])).count("b\0c") == 1


def test_past_the_budget_a_name_is_unknown_and_stays_unknown() -> None:
    index = TextMentions(Counter(["model.pkl", "w.pt"]), budget=len("model.pkl\0w.pt"))
    assert index.count("model.pkl") == 1  # within the budget, and remembered
    assert index.count("w.pt") is None
    assert index.count("w.pt") is None  # never turns into "named nowhere"
    assert index.count("model.pkl") == 1


def test_no_texts_name_nothing() -> None:
    assert TextMentions(Counter()).count("m.pt") == 0


def test_when_counting_is_too_costly_loads_keep_their_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = "import joblib, torch\nclf = joblib.load('artifacts/model.pkl')\nnet = torch.load('artifacts/net.pt')\n"
    loads = ("MLS301", "MLS306")
    cheap = [f for f in scan_code(tmp_path, source, "job.py") if f.rule_id in loads]
    assert [(f.severity.value, "fixed path of the repository" in f.message) for f in cheap] == [("low", True)] * 2
    monkeypatch.setattr(text_mentions, "SEARCH_BUDGET", 0)
    costly = [f for f in scan_code(tmp_path, source, "job.py") if f.rule_id in loads]
    assert [f.severity.value for f in costly] == ["high", "high"]
