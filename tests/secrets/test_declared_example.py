"""A value its own comment declares an example is low; comments about anything else keep it blocking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.secrets.declared_example import declared_example
from tests.secrets.helpers import fake, scan_text

VALUE = fake("", 40, seed=7)


def _levels(tmp_path: Path, name: str, text: str, policy: Policy | None = None) -> list[tuple[int, str]]:
    return sorted((f.line or 0, f.severity.value) for f in scan_text(tmp_path, name, text, policy))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("submit.py", f'key = "{VALUE}"  # This is an example key and will not work.\n'),
        ("app.py", f'# dummy password\nDB_PASSWORD = "{VALUE}"\n'),
        ("conf.yaml", f"api_key: {VALUE}  # placeholder\n"),
        ("client.js", f'const token = "{VALUE}"; // fake token\n'),
        ("settings.go", f'var secret = "{VALUE}" // this is just a sample\n'),
        ("query.sql", f"CREATE USER app PASSWORD '{VALUE}'; -- made-up password\n"),
        ("pyproject.toml", f'token = "{VALUE}"  # sample token\n'),
        ("run.sh", f"export API_TOKEN={VALUE}  # won't work\n"),
        ("settings.py", f'SECRET_KEY = "{VALUE}"  # (not a real key)\n'),
        ("config.py", f'# this is an example\nTOKEN = "{VALUE}",\n'),
    ],
)
def test_a_comment_declaring_the_value_an_example_makes_it_low(tmp_path: Path, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert [f.severity.value for f in findings] == ["low"]
    assert "declares it an example" in findings[0].message and VALUE not in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        f'token = "{VALUE}"  # key of the example project\n',
        f'api_key = "{VALUE}"  # replace with your own key\n',
        f'password = "{VALUE}"  # for example, rotate it monthly\n',
        f'password = "{VALUE}"\n# example key below\n',  # the comment is below, about another line
        f'# example key\nuser = "me"\npassword = "{VALUE}"\n',  # not the line right above
        f'url = "https://example.com/#dummy"; password = "{VALUE}"\n',  # the word is before the value
        f'password = "{VALUE}"  # see #example-123\n',  # a comment naming an issue
        f'password = "{VALUE}"  # a test key for the staging server\n',
        f'password = "{VALUE}"  # not valid after May\n',
        # a comment that says more than "this is an example" (red team): the sentence decides
        f'# Replace the placeholder API key below with your own\nAPI_KEY = "{VALUE}"\n',
        f'API_KEY = "{VALUE}"  # replace the sample token with yours\n',
        f'# dummy password for the local test server\nDB_PASSWORD = "{VALUE}"\n',
        f'API_KEY = "{VALUE}"  # old key was not working, rotated 2024-05\n',
        f'# The notebook will not work without a valid key\nAPI_KEY = "{VALUE}"\n',
        f'API_KEY = "{VALUE}"  # this is not an example key\n',
        f'API_KEY = "{VALUE}"  # real token, not a fake token\n',
        f'API_KEY = "{VALUE}"  # TODO: not a real problem, rotate later\n',
        # the comment belongs to other code on the line, or the line above is a title
        f'API_KEY = "{VALUE}"; msg = "# this is an example"\n',
        f'API_KEY = "{VALUE}" if PROD else "dummy"  # dummy value for CI\n',
        f'# Example\nAPI_KEY = "{VALUE}"\n',
        f'# Sample tokens from the hosted model\nAPI_KEY = "{VALUE}"\n',
        # second red team: the last line of a longer comment, and "doesn't work" of a real key
        f"# Paste your own key from the dashboard: keys are per user, and a shared key\n"
        f'# will not work.\nAPI_KEY = "{VALUE}"\n',
        f'API_KEY = "{VALUE}"  # doesn\'t work!\n',
        f'API_KEY = "{VALUE}"  # this key does not work\n',
    ],
)
def test_comments_about_something_else_keep_it_blocking(tmp_path: Path, text: str) -> None:
    levels = [severity for line, severity in _levels(tmp_path, "config.py", text)]
    assert "medium" in levels or "high" in levels


def _notebook(cells: list[dict[str, object]]) -> str:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("README.md", f"## Dummy token\nAPI_KEY={VALUE}\n"),  # a heading, not a comment
        ("settings.json", f'{{"token": "{VALUE}", "note": "# example key"}}\n'),  # JSON has no comments
        ("docs.mdx", f"# Sample token\nAPI_TOKEN={VALUE}\n"),
        ("report.qmd", f"# Sample token\nAPI_TOKEN={VALUE}\n"),
        (
            "course.ipynb",
            _notebook(
                [
                    {
                        "cell_type": "code",
                        "metadata": {},
                        "outputs": [],
                        "source": f"%%writefile README.md\n# Sample token\nAPI_TOKEN={VALUE}\n",
                    }
                ]
            ),
        ),
    ],
)
def test_where_hash_starts_no_comment_nothing_is_declared(tmp_path: Path, name: str, text: str) -> None:
    assert all("declares it an example" not in f.message for f in scan_text(tmp_path, name, text))


def test_strict_profile_blocks_a_declared_example(tmp_path: Path) -> None:
    text = f'key = "{VALUE}"  # example key\n'
    assert _levels(tmp_path, "a.py", text, Policy(root=tmp_path, profile="strict")) == [(1, "medium")]


def test_a_provider_format_keeps_blocking_whatever_its_comment_says(tmp_path: Path) -> None:
    token = fake("hf_", 34, seed=3)
    levels = _levels(tmp_path, "a.py", f'HF_TOKEN = "{token}"  # example token, will not work\n')
    assert levels and all(severity != "low" for _, severity in levels)


def test_in_a_notebook_a_cell_comment_counts_and_an_output_does_not(tmp_path: Path) -> None:
    printed = {"output_type": "stream", "name": "stdout", "text": f"api_key: {fake('', 32)}  # example key\n"}
    cells: list[dict[str, object]] = [
        {"cell_type": "code", "metadata": {}, "source": f'key = "{VALUE}"  # sample key\n', "outputs": []},
        {
            "cell_type": "code",
            "metadata": {},
            "source": "print(cfg)\n",
            "outputs": [printed],
        },
    ]
    findings = scan_text(tmp_path, "course.ipynb", _notebook(cells))
    by_place = sorted((f.output is not None, f.severity.value) for f in findings)
    assert by_place == [(False, "low"), (True, "medium")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k = 'V'  # This is an example key and will not work.", True),
        ("k = 'V'  # dummy", True),
        ("k = 'V'  #dummy", True),
        ("k = 'V'  # DUMMY VALUE ONLY!", True),
        ("k = 'V'  # the dummies guide", False),
        ("k = 'V'#example", True),  # a comment right after the closing quote
        ("k = V#example", False),  # no space or quote before the marker: part of the value's word
        ("k = 'V'  # see https://example.com", False),
        ("# it is an example\nk = 'V'", True),
        ("# example\nk = 'V'", False),  # above the value, a bare word is a title
        ("#!/bin/sh\nk = 'V'", False),
    ],
)
def test_declared_example_reads_only_the_values_own_comment(text: str, expected: bool) -> None:
    start = text.index("V")
    assert declared_example(text, start, start + 1) is expected


def test_a_very_long_line_is_read_as_no_comment() -> None:
    text = "k = 'V'" + " " * 3000 + "# example key"
    assert not declared_example(text, 5, 6)
    before = "x" * 3000 + "k = 'V'  # example key"
    assert not declared_example(before, 3005, 3006)
    assert declared_example("\n" * 5000 + "k = 'V'  # example key", 5005, 5006)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #/-*<!'\"\nexampl")), max_size=400), st.integers(0, 400))
def test_garbage_never_raises(text: str, offset: int) -> None:
    start = min(offset, len(text))
    end = min(start + 3, len(text))
    assert declared_example(text, start, end) in (True, False)


def _code_cell(source: str, outputs: list[dict[str, object]] | None = None) -> dict[str, object]:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": outputs or []}


def test_the_same_value_in_another_cell_of_the_notebook_is_the_declared_example(tmp_path: Path) -> None:
    # A course declares its sample key once and passes the same key again in later cells.
    other = fake("", 40, seed=11)
    cells = [
        _code_cell(f'key = "{VALUE}"  # This is an example key and will not work.\n'),
        _code_cell(f'key = "{VALUE}"\nlist_submits(key)\n'),
        _code_cell(f'api_key = "{other}"\n'),  # another value: nothing declared about it
        _code_cell(
            "show()\n",
            [{"output_type": "stream", "name": "stdout", "text": f'key = "{VALUE}"\n'}],  # an output: as judged
        ),
    ]
    findings = scan_text(tmp_path, "course.ipynb", _notebook(cells))
    by_cell = sorted((f.cell or 0, f.output is not None, f.severity.value) for f in findings)
    assert [level for _, output, level in by_cell if not output] == ["low", "low", "medium"]
    assert [level for _, output, level in by_cell if output] == ["medium"]
    assert "another cell" in next(f.message for f in findings if f.cell == by_cell[1][0] and f.output is None)
    strict = scan_text(tmp_path, "course.ipynb", _notebook(cells), Policy(root=tmp_path, profile="strict"))
    assert {f.severity.value for f in strict} == {"medium"}
