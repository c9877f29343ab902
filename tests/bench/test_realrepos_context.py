"""What the labellers read: the lines around a finding, numbered as the scanners number them."""

from __future__ import annotations

from pathlib import Path

from bench.realrepos.context import show


def test_a_bare_carriage_return_inside_a_line_does_not_shift_the_lines_shown(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(b"one\r\ntwo with a \r inside\r\nthree \x0c form feed\nfour\nfive\n")
    shown = show(tmp_path, {"path": "page.html", "line": 4}, radius=1)
    assert ">   4| four" in shown
    assert "    3| three" in shown and "    5| five" in shown


def test_a_notebook_cell_is_numbered_from_one(tmp_path: Path) -> None:
    cells = '{"cells": [{"cell_type": "code", "source": ["a = 1\\n"]}, {"cell_type": "code", "source": ["b = 2\\n"]}]}'
    (tmp_path / "n.ipynb").write_text(cells)
    shown = show(tmp_path, {"path": "n.ipynb", "line": 1, "cell": 2})
    assert "cell_2" in shown and "b = 2" in shown
