from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.notebook_magics import DefinedMagic, defined_cell_magics
from tests.code.test_notebook_magics import SHOW_ONLY, WITH_GLOBALS, WRITE_AND_RUN, WRITE_TEMPLATE


def magic(name: str, body: str) -> str:
    """A notebook cell defining the cell magic `name`, whose function's body is `body`."""
    indented = "".join(f"    {line}\n" for line in body.split("\n"))
    return f"@register_cell_magic\ndef {name}(line, cell):\n{indented}"


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


@pytest.mark.parametrize(
    ("body", "line", "written"),
    [
        ("open('setup.sh', 'w').write(cell)", "notes", "setup.sh"),  # a constant name
        ("open(line.split()[0], 'w').write(cell)", "setup.sh quiet", "setup.sh"),
        ("Path(line.strip()).write_text(cell)", " run.sh ", "run.sh"),
        ("Path(line).open('w').write(cell)", "run.sh", "run.sh"),
        ("text = cell.format(**globals())\nopen(line, 'w').write(text)", "app.py", "app.py"),  # a template
        ("with open(file=line, mode='w') as f:\n    f.write(cell)", "env.sh", "env.sh"),
        ("with open(line, 'w') as f:\n    print(cell, file=f)", "env.sh", "env.sh"),
    ],
)
def test_the_written_files_name_as_the_definition_picks_it(body: str, line: str, written: str) -> None:
    (defined,) = defined_cell_magics([magic("save", body)]).values()
    assert defined.written_name(line) == written


@pytest.mark.parametrize(
    "body",
    [
        "open(os.path.join(d, line), 'w').write(cell)",  # a name this reader cannot tell
        "open(line, 'w').write(cell.replace('A', 'B'))",  # another text than the cell's
    ],
)
def test_a_written_body_that_cannot_be_checked_stays_unread(body: str) -> None:
    assert defined_cell_magics([magic("save", body)]) == {"save": DefinedMagic(runs=False, unread=True)}


@pytest.mark.parametrize("body", ["sys.stdout.write(cell)", "print(cell)", "log.write(cell)"])
def test_look_alike_text_shown_or_logged_is_no_file(body: str) -> None:
    assert defined_cell_magics([magic("show", body)]) == {}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=4))
def test_garbage_sources_are_read_without_error(sources: list[str]) -> None:
    marked = [source + "\n" + magic("m", "exec(cell)") for source in sources]
    result = defined_cell_magics([*sources, *marked])
    assert all(isinstance(use, DefinedMagic) for use in result.values())
