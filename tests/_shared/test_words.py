"""The linear word splitter reads quotes and escapes as shlex (POSIX mode) does."""

from __future__ import annotations

import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.words import split_linear, split_words

SHELLISH = st.text(alphabet="ab c\t\n'\"\\#$=-", max_size=40)


def shlex_or_error(text: str, comments: bool) -> list[str] | str:
    try:
        return shlex.split(text, comments=comments)
    except ValueError:
        return "error"


def linear_or_error(text: str, comments: bool) -> list[str] | str:
    try:
        return split_linear(text, comments=comments)
    except ValueError:
        return "error"


@settings(max_examples=400)
@given(SHELLISH, st.booleans())
def test_the_linear_splitter_agrees_with_shlex(text: str, comments: bool) -> None:
    assert linear_or_error(text, comments) == shlex_or_error(text, comments)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ENV A=1 B=\"x y\" C='z w'", ["ENV", "A=1", "B=x y", "C=z w"]),
        ('pip install "torch==2.1" \\\n  numpy', ["pip", "install", "torch==2.1", "\n", "numpy"]),
        ('echo "a \\"b\\" \\$HOME" done', ["echo", 'a "b" \\$HOME', "done"]),
    ],
)
def test_known_lines(text: str, words: list[str]) -> None:
    assert split_linear(text) == shlex.split(text) == words


def test_an_unbalanced_quote_is_an_error_on_both_paths() -> None:
    with pytest.raises(ValueError, match="quotation"):
        split_linear('echo "open')
    with pytest.raises(ValueError, match="quotation"):
        split_words('echo "open ' + "x" * 20000)


def test_a_word_of_megabytes_is_split_whole() -> None:
    """shlex takes minutes on this (it grows each word a character at a time); the long path reads it once."""
    value = "k" * 2_000_000
    assert split_words(f"ENV TOKEN={value} OTHER=1") == ["ENV", f"TOKEN={value}", "OTHER=1"]
