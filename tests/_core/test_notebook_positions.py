"""Raw `.ipynb` positions of cell and output lines: exact for any notebook JSON writes, and
never an exception (or a wrong place) for garbage."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.notebook_positions import NotebookPositions

line_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30)


def _raw(text: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    lines = text.split("\n")
    assert start[0] == end[0], "a cell line stays on one raw line"
    return lines[start[0] - 1][start[1] - 1 : end[1] - 1]


@settings(max_examples=150, deadline=None)
@given(
    sources=st.lists(st.lists(line_text, min_size=1, max_size=4), min_size=1, max_size=4),
    split=st.booleans(),
    indent=st.sampled_from([None, 1, 2]),
    ascii_only=st.booleans(),
)
def test_every_line_maps_to_its_raw_text(
    sources: list[list[str]], split: bool, indent: int | None, ascii_only: bool
) -> None:
    cells = []
    for lines in sources:
        joined = "\n".join(lines)
        source: object = [line + "\n" for line in lines[:-1]] + [lines[-1]] if split else joined
        cells.append({"cell_type": "code", "metadata": {}, "source": source, "outputs": []})
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}, indent=indent, ensure_ascii=ascii_only)
    positions = NotebookPositions(text)
    for number, lines in enumerate(sources, 1):
        for line_number, line in enumerate(lines, 1):
            span = positions.span(number, line_number)
            assert span is not None
            assert json.loads('"' + _raw(text, *span) + '"') == line


def test_outputs_and_columns() -> None:
    cell = {
        "cell_type": "code",
        "source": ["x = 1\n", 'key = "\\tabc"'],
        "outputs": [{"output_type": "stream", "text": ["one\n", "token=abc\n"]}],
    }
    text = json.dumps({"cells": [{"cell_type": "markdown", "source": "# t"}, cell]}, indent=1)
    positions = NotebookPositions(text)
    start, end = positions.span(2, 2, None, column=7) or ((0, 0), (0, 0))
    assert json.loads('"' + _raw(text, start, end) + '"') == '"\\tabc"'
    start, end = positions.span(2, 2, 0) or ((0, 0), (0, 0))
    assert _raw(text, start, end) == "token=abc"
    assert positions.span(3, 1) is None and positions.span(2, 1, 5) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_garbage_gives_no_positions_and_no_exception(text: str) -> None:
    positions = NotebookPositions(text)
    for cell in range(0, 3):
        positions.span(cell, 1)
        positions.span(cell, 2, 0, column=3)


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(["cells", "source", "outputs", "text", "data", "x"]), inner, max_size=3)
        ),
        max_leaves=20,
    )
)
def test_any_json_shape_is_safe(document: object) -> None:
    positions = NotebookPositions(json.dumps(document))
    positions.span(1, 1)
    positions.span(1, 1, 0)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    text = '{"cells": [{"source": "a", "x": ' + "[" * 5000 + "]" * 5000 + "}]}"
    assert NotebookPositions(text).span(1, 1) is None


def test_columns_count_characters_not_escapes() -> None:
    line = 'é😀\t"x = load(f)'
    text = json.dumps({"cells": [{"source": [line]}]}, ensure_ascii=True)
    start, end = NotebookPositions(text).span(1, 1, column=line.index("x") + 1) or ((0, 0), (0, 0))
    assert _raw(text, start, end) == "x = load(f)"


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(line_text, min_size=1, max_size=40), ascii_only=st.booleans(), data=st.data())
def test_asked_again_and_again_in_any_order_each_line_and_column_maps_the_same(
    lines: list[str], ascii_only: bool, data: st.DataObject
) -> None:
    """Red team: a report of thousands of findings walked a one-string source from its start for
    each one; positions are now worked out once per string, and must not change with the order."""
    text = json.dumps({"cells": [{"cell_type": "code", "source": "\n".join(lines)}]}, ensure_ascii=ascii_only)
    positions = NotebookPositions(text)
    asks = data.draw(st.lists(st.tuples(st.integers(1, len(lines)), st.integers(1, 35)), min_size=1, max_size=30))
    for line, column in asks:
        found = positions.span(1, line, column=column)
        assert found is not None
        start, end = found
        shown = _raw(text, start, end)
        expected = lines[line - 1][column - 1 :]
        assert json.loads(f'"{shown}"') == expected
