"""A Databricks notebook kept as `.py` source is analysed as the notebook Databricks runs."""

from __future__ import annotations

from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.severity import Severity
from tests.code.helpers import scan_code

SEPARATOR = "\n\n# COMMAND ----------\n\n"


def source(*cells: str, header: str = "# Databricks notebook source\n") -> str:
    return header + SEPARATOR.join(cells) + "\n"


def places(findings: list[Finding]) -> list[tuple[str, int | None, int, str]]:
    return sorted((f.rule_id, f.cell, f.line, f.severity.value) for f in findings)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if needle in line)


def test_shell_lines_no_longer_hide_the_notebook(tmp_path: Path) -> None:
    # `!wget` is IPython syntax: read as a plain script the file does not parse and nothing in it
    # was checked.
    text = source(
        "!wget -O /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb",
        "import transformers\nm = transformers.AutoModel.from_pretrained(name, trust_remote_code=True)",
    )
    found = scan_code(tmp_path, text, "nb.py")
    assert ("MLS307", None, line_of(text, "trust_remote_code"), "high") in places(found)
    assert not [f for f in found if f.rule_id == "MLS907"]


def test_magic_shell_cells_are_read_as_shell(tmp_path: Path) -> None:
    text = source(
        "# MAGIC %sh\n# MAGIC set -e\n# MAGIC curl -sSfL https://example.com/install.sh | sh -s -- -b /tmp",
        "# MAGIC %sh wget -qO- https://example.com/setup.sh | bash",
    )
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert [(rule, line) for rule, _, line, _ in found if rule == "MLS321"] == [
        ("MLS321", line_of(text, "install.sh")),
        ("MLS321", line_of(text, "setup.sh")),
    ]


def test_the_same_lines_without_the_header_are_comments(tmp_path: Path) -> None:
    # Look-alike: a script that quotes a notebook's magic lines in comments runs none of them.
    text = source(
        "# MAGIC %sh\n# MAGIC curl -sSfL https://example.com/install.sh | sh",
        "x = 1",
        header="# notes copied from a notebook\n",
    )
    assert scan_code(tmp_path, text, "notes.py") == []


def test_pip_magics_are_installs(tmp_path: Path) -> None:
    text = source("# MAGIC %pip install transformers datasets==2.19.0", "import transformers")
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert ("MLS319", None, line_of(text, "%pip install"), "low") in found


def test_names_a_run_notebook_defines_are_not_outside_text(tmp_path: Path) -> None:
    # `%run ./Includes/setup` defines `workspace_id`: the operator's own value, as in any notebook.
    query = "sql = f\"SELECT * FROM acct WHERE workspace_id = '{workspace_id}'\"\nspark.sql(sql)"
    text = source("# MAGIC %run ./Includes/setup", query)
    (finding,) = [f for f in scan_code(tmp_path, text, "nb.py") if f.rule_id == "B608"]
    assert (finding.severity, finding.cell, finding.line) == (Severity.LOW, None, line_of(text, "SELECT"))
    # Look-alike: the same query in a plain script, where the name comes from who knows where.
    plain = "import spark\n" + query + "\n"
    (finding,) = [f for f in scan_code(tmp_path, plain, "job.py") if f.rule_id == "B608"]
    assert finding.severity == Severity.MEDIUM


def test_request_text_in_a_notebook_still_blocks_and_widgets_are_the_operators(tmp_path: Path) -> None:
    served = source(
        "from flask import Flask, request\napp = Flask(__name__)",
        "@app.route('/find')\ndef find():\n    q = request.args['q']\n"
        "    return spark.sql(f\"SELECT * FROM t WHERE x = '{q}'\")",
    )
    (finding,) = [f for f in scan_code(tmp_path, served, "nb.py") if f.rule_id == "B608"]
    assert finding.severity == Severity.MEDIUM
    # Look-alike: a widget is the notebook's parameter, set by whoever runs it, as a script's argv.
    widget = source("q = dbutils.widgets.get('q')\nspark.sql(f\"SELECT * FROM t WHERE x = '{q}'\")")
    (finding,) = [f for f in scan_code(tmp_path, widget, "nb.py") if f.rule_id == "B608"]
    assert finding.severity == Severity.LOW


def test_a_titled_shell_cell_and_python_hidden_in_a_markdown_cell(tmp_path: Path) -> None:
    text = source(
        "# DBTITLE 1,Install tools\n# MAGIC %sh\n# MAGIC curl -sSfL https://example.com/install.sh | sh",
        "# MAGIC %md\n# MAGIC Notes\nimport pickle\nx = pickle.loads(b)",
    )
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert ("MLS321", None, line_of(text, "install.sh"), "high") in found
    assert ("B301", None, line_of(text, "pickle.loads"), "medium") in found


def test_a_served_debugger_in_a_notebook_still_blocks(tmp_path: Path) -> None:
    # A notebook that serves a model through the driver proxy: the debugger on every interface.
    text = source(
        "from flask import Flask\napp = Flask(__name__)",
        "app.run(host='0.0.0.0', port=7777, debug=True)",
    )
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert ("B201", None, line_of(text, "app.run"), "high") in found


def test_other_language_and_markdown_cells(tmp_path: Path) -> None:
    text = source(
        "# MAGIC %md\n# MAGIC Run `torch.load(path)` only on files you trust",
        "# MAGIC %sql\n# MAGIC SELECT * FROM t",
        "# MAGIC %scala\n# MAGIC val df = spark.read.load(path)",
        # An R cell whose text happens to parse as Python runs as R: not read as Python.
        "# MAGIC %r\n# MAGIC x <- eval(parse(text = code))\n# MAGIC system('echo hi')",
        "import torch\nsd = torch.load(path)",
    )
    found = places(scan_code(tmp_path, text, "nb.py"))
    # A Scala cell is code this hook does not read: a low note at its line. A query (as IPython's
    # %%sql cells) and the markdown cell's words run nothing the code rules judge.
    assert [(rule, line) for rule, _, line, _ in found] == [
        ("MLS306", line_of(text, "sd = torch.load")),
        ("MLS324", line_of(text, "%scala")),
        ("MLS324", line_of(text, "%r")),
    ]
    assert ("MLS306", None, line_of(text, "sd = torch.load"), "high") in found


def test_a_broken_cell_fails_closed_at_its_file_line(tmp_path: Path) -> None:
    text = source("x = 1", "def broken(:\n    pass", "import pickle\ny = pickle.loads(b)")
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert ("MLS907", None, line_of(text, "def broken"), "low") in found
    assert ("B301", None, line_of(text, "pickle.loads"), "medium") in found


def test_suppressions_stand_at_the_file_lines(tmp_path: Path) -> None:
    text = source(
        "import pickle",
        "a = pickle.loads(b)  # nosec B301",
        "c = pickle.loads(d)  # mlsec: ignore[B301] our own cache file",
        "e = pickle.loads(f)",
    )
    found = places(scan_code(tmp_path, text, "nb.py"))
    assert found == [("B301", None, line_of(text, "e = pickle"), "medium")]


def test_columns_are_the_file_lines_columns(tmp_path: Path) -> None:
    text = source("# MAGIC %python\n# MAGIC import pickle\n# MAGIC x = pickle.loads(b)")
    (finding,) = scan_code(tmp_path, text, "nb.py")
    line = text.split("\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith("pickle.loads")
