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
        # a name with NUL names no file that can be opened: unknown, so the load keeps its severity
        assert index.count(name) == (None if "\0" in name else naive(weights, name))


def test_a_text_naming_the_file_twice_counts_once_and_a_repeated_text_twice() -> None:
    index = TextMentions(Counter(["cp m.pt m.pt.bak", "m.pt", "m.pt", "other"]))
    assert index.count("m.pt") == 3
    assert index.count("x.pt") == 0


def test_a_name_with_nul_is_unknown_without_a_search() -> None:
    # Red team (stop 42): NUL names took the slow path, 150,000 texts x 3,000 names in 20 s.
    assert TextMentions(Counter(["ab", "cd"])).count("b\0c") is None
    assert TextMentions(Counter(["b\0c"])).count("b\0c") is None


def test_each_text_found_is_charged_so_a_name_in_every_text_stops_the_count() -> None:
    texts = Counter(f"run/{n}/model.pt" for n in range(50))
    assert TextMentions(texts).count("model.pt") == 50
    joined = sum(len(text) + 1 for text in texts) - 1
    assert TextMentions(texts, budget=joined + 10 * 1_000).count("model.pt") is None  # ten texts' worth
    assert TextMentions(texts, budget=joined + 50 * 1_000).count("model.pt") == 50


def test_past_the_budget_a_name_is_unknown_and_stays_unknown() -> None:
    index = TextMentions(Counter(["model.pkl", "w.pt"]), budget=len("model.pkl\0w.pt") + 1_000)
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
