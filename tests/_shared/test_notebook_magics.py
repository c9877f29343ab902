from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.notebook_magics import DefinedMagic, defined_cell_magics
from tests.code.test_notebook_magics import SHOW_ONLY, WITH_GLOBALS, WRITE_AND_RUN, WRITE_TEMPLATE


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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=4))
def test_garbage_sources_are_read_without_error(sources: list[str]) -> None:
    marked = [source + "\n@register_cell_magic\ndef m(line, cell):\n    exec(cell)\n" for source in sources]
    result = defined_cell_magics([*sources, *marked])
    assert all(isinstance(use, DefinedMagic) for use in result.values())


def test_a_path_opened_for_writing_and_a_body_changed_on_the_way() -> None:
    sources = [
        "@register_cell_magic\ndef via_path(line, cell):\n    Path(line).open('w').write(cell)\n",
        "@register_cell_magic\ndef changed(line, cell):\n    open(line, 'w').write(cell.replace('A', 'B'))\n",
        "@register_cell_magic\ndef filled(line, cell):\n    text = cell.format(**globals())\n"
        "    open(line, 'w').write(text)\n",
    ]
    defined = defined_cell_magics(sources)
    assert defined["via_path"].written_name("run.sh") == "run.sh"
    # The file holds another text than the cell's: what is checked would not be what is written.
    assert defined["changed"] == DefinedMagic(runs=False, unread=True)
    assert defined["filled"].written_name("app.py") == "app.py"


def test_a_file_opened_by_keyword_and_a_body_printed_into_it() -> None:
    sources = [
        "@register_cell_magic\ndef kw(line, cell):\n    with open(file=line, mode='w') as f:\n        f.write(cell)\n",
        "@register_cell_magic\ndef printed(line, cell):\n    with open(line, 'w') as f:\n        print(cell, file=f)\n",
        "@register_cell_magic\ndef shown(line, cell):\n    print(cell)\n",
    ]
    defined = defined_cell_magics(sources)
    assert defined["kw"].written_name("env.sh") == "env.sh"
    assert defined["printed"].written_name("env.sh") == "env.sh"
    assert "shown" not in defined  # printed to the screen: no file
