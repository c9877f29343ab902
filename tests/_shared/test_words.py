"""The linear word splitter reads quotes and escapes as shlex (POSIX mode) does, and comments as a
POSIX shell does (bash is the oracle where it is installed)."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hooks._shared.words import split_linear, split_words

SHELLISH = st.text(alphabet="ab c\t\n'\"\\#$=-\u00a0\x0b\x0c", max_size=40)


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
@given(SHELLISH)
def test_the_linear_splitter_agrees_with_shlex(text: str) -> None:
    assert linear_or_error(text, False) == shlex_or_error(text, False)


@settings(max_examples=400)
@given(SHELLISH)
def test_with_comments_the_words_are_shlex_words_wherever_no_hash_stands_inside_a_word(text: str) -> None:
    """Where every `#` starts a word (or there is none), shlex and a shell agree: so must we."""
    spaced = text.replace("#", " #")
    words = shlex_or_error(spaced, comments=False)
    assume(words != "error" and not any("#" in word[1:] for word in words))
    assert linear_or_error(spaced, True) == shlex_or_error(spaced, True)


BASH = shutil.which("bash")
# No newline (it would end `set --`), no `$`, backquote, glob, brace, tilde or operator character:
# what is left the shell reads as words, quotes, escapes and comments only.
BASH_WORDS = st.text(alphabet="ab c\t'\"\\#=-", max_size=30)


def bash_or_error(text: str) -> list[str] | str:
    assert BASH is not None
    script = f'set -- {text}\nfor word in "$@"; do printf \'%s\\0\' "$word"; done'
    done = subprocess.run([BASH, "--noprofile", "--norc", "-c", script], capture_output=True, timeout=10, check=False)
    if done.returncode != 0:
        return "error"
    return done.stdout.decode().split("\0")[:-1]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
@settings(max_examples=150, deadline=None)
@given(BASH_WORDS)
def test_comments_are_read_as_bash_reads_them(text: str) -> None:
    assume(not text.endswith("\\"))  # a trailing backslash would join the oracle's next line
    assert linear_or_error(text, True) == bash_or_error(text)
    if len(text) < 16 * 1024:
        try:
            assert split_words(text, comments=True) == bash_or_error(text)
        except ValueError:
            assert bash_or_error(text) == "error"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A `#` inside a word is an ordinary character: a URL's fragment stays.
        ("pip install git+https://host/r.git#egg=pkg -q", ["pip", "install", "git+https://host/r.git#egg=pkg", "-q"]),
        (
            "pip install https://host/x-1.0-py3-none-any.whl#sha256=ab",
            ["pip", "install", "https://host/x-1.0-py3-none-any.whl#sha256=ab"],
        ),
        ("echo $# ${#A}", ["echo", "$#", "${#A}"]),
        ('a"#"b \\#c', ["a#b", "#c"]),
        # Where a word could begin, `#` starts a comment up to the line's end.
        ("pip install x  # pinned later\npip install y", ["pip", "install", "x", "pip", "install", "y"]),
        ("#!/bin/sh\nrun", ["run"]),
        ("a;#b c\nd", ["a;", "d"]),
        ("x|#y\nz", ["x|", "z"]),
        ("a&&#b", ["a&&"]),
        ("'a;'#b", ["a;#b"]),  # the `;` is quoted: no operator, no comment
        # `)` closes a substitution inside a word; a no-break space or form feed is no blank.
        ("pip install --log=$(mktemp)#x ultralytics", ["pip", "install", "--log=$(mktemp)#x", "ultralytics"]),
        ("pip install --log=/tmp/l\u00a0#x torch", ["pip", "install", "--log=/tmp/l\u00a0#x", "torch"]),
        ("a\x0c#b c", ["a\x0c#b", "c"]),
    ],
)
def test_comments_where_the_shell_reads_them(text: str, words: list[str]) -> None:
    assert split_words(text, comments=True) == words
    assert split_linear(text, comments=True) == words


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
