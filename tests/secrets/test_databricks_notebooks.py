"""A Databricks notebook kept as `.py` source: each cell read as the notebook's cell it is."""

from __future__ import annotations

from pathlib import Path

from tests.secrets.helpers import ALNUM, fake, scan_text

SEPARATOR = "\n\n# COMMAND ----------\n\n"


def source(*cells: str, header: str = "# Databricks notebook source\n") -> str:
    return header + SEPARATOR.join(cells) + "\n"


def test_a_shell_cells_export_is_a_value(tmp_path: Path) -> None:
    password = fake("", 14, ALNUM + "#%", seed=3)
    text = source("x = 1", f"# MAGIC %sh\n# MAGIC export DB_PASSWORD={password}\n# MAGIC psql -h db -U app")
    (finding,) = scan_text(tmp_path, "setup.py", text)
    line = text.split("\n")[finding.line - 1]
    assert (finding.rule_id, finding.cell) == ("MLS223", None)
    assert line[finding.column - 1 :].startswith(password)
    assert password not in finding.message


def test_look_alike_the_same_lines_in_a_plain_script_are_comments(tmp_path: Path) -> None:
    password = fake("", 14, ALNUM + "#%", seed=3)
    text = source("x = 1", f"# MAGIC %sh\n# MAGIC export DB_PASSWORD={password}", header="# a script\n")
    assert scan_text(tmp_path, "setup.py", text) == []


def test_python_cells_keep_their_positions(tmp_path: Path) -> None:
    token = fake("hf_", 34, seed=4)
    text = source("# MAGIC %md\n# MAGIC # Setup", f'import os\nlogin(token="{token}")')
    (finding,) = scan_text(tmp_path, "nb.py", text)
    line = text.split("\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith(token)
