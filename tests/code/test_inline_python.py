"""`python -c CODE` in shell lines: the code is analysed as a script of its own, at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.shell import inline_python
from tests.code.helpers import notebook, scan_code


@pytest.mark.parametrize(
    ("command", "code"),
    [
        ('python -c "import os; os.system(x)"', ["import os; os.system(x)"]),
        ("python3 -u -c 'import pickle'", ["import pickle"]),
        ('python -Bc "eval(a)"', ["eval(a)"]),
        ("python -cprint(1)", ["print(1)"]),
        ('sudo -E python3.11 -W ignore -c "exec(b)"', ["exec(b)"]),
        ('python -X dev -c "a"', ["a"]),
        ('python -Xdev -c "z"', ["z"]),
        ('pip install x && python -c "import torch"', ["import torch"]),
        ("bash -c \"python -c 'eval(y)'\"", ["eval(y)"]),
    ],
)
def test_the_code_python_runs_is_found(command: str, code: list[str]) -> None:
    assert inline_python(command) == code


@pytest.mark.parametrize(
    "command",
    [
        'python train.py -c "eval(x)"',  # the script's own option
        "python -m pip install -c constraints.txt",  # pip's constraints file
        'echo python -c "eval(x)"',  # printed, not run
        "python - -c x",  # the program comes from stdin
        'pythonista -c "eval(x)"',  # not CPython
        "python -c",  # no code
        'python -J -c "eval(x)"',  # an option CPython does not have: nothing is known to run
    ],
)
def test_look_alikes_hold_no_python_code(command: str) -> None:
    assert inline_python(command) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_command_line_gives_strings_without_crashing(command: str) -> None:
    assert all(isinstance(code, str) and code.strip() for code in inline_python(command))


def _rules(findings: list) -> list[tuple[str, int | None, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.cell, f.line, f.severity.value) for f in findings)


def test_a_notebooks_python_c_line_is_analysed_as_code(tmp_path: Path) -> None:
    text = notebook(
        "import json\n!python -c \"import pickle,sys; pickle.load(open(sys.argv[1],'rb'))\" model.pkl",
        "%%bash\npython -c \"import pickle; pickle.loads(open('m.bin','rb').read())\"\n",
    )
    found = _rules(scan_code(tmp_path, text, "n.ipynb"))
    assert ("B301", 1, 2, "medium") in found
    assert ("B301", 2, 2, "medium") in found


def test_look_alike_notebook_lines_add_nothing(tmp_path: Path) -> None:
    text = notebook(
        "!python -c \"print('pickle.load(f)')\"",
        '!echo python -c "import pickle; pickle.load(f)"',
        '!python train.py -c "import pickle; pickle.load(f)"',
        '!python -c "import torch; print(torch.__version__)"',
        '!python -c "import pickle; pickle.load($handle)"',  # IPython fills in $handle: not Python as written
    )
    assert [f for f in scan_code(tmp_path, text, "n.ipynb") if f.severity.value != "low"] == []


def test_a_shell_scripts_python_c_is_analysed_and_its_column_points_at_the_call(tmp_path: Path) -> None:
    load = 'python3 -c \'import pickle; pickle.load(open("m.pkl", "rb"))\''
    text = f"#!/bin/bash\nset -e\n{load}\npython -c 'print(1)'\n"
    found = [f for f in scan_code(tmp_path, text, "run.sh") if f.rule_id == "B301"]
    assert [(f.line, f.column) for f in found] == [(3, text.split("\n")[2].index("pickle.load") + 1)]


def test_an_inline_marker_on_the_line_silences_it(tmp_path: Path) -> None:
    text = notebook("!python -c \"import pickle; pickle.load(open('m.pkl','rb'))\"  # mlsec: ignore[B301] our own file")
    assert "B301" not in {f.rule_id for f in scan_code(tmp_path, text, "n.ipynb")}


@pytest.mark.parametrize("option", ["-Bc", "-uc", "-Ic", "-u -c"])
def test_option_clusters_ending_in_c_are_read(tmp_path: Path, option: str) -> None:
    text = f"#!/bin/sh\npython3 {option} \"import yaml; yaml.load(open('c.yaml'))\"\n"
    assert [(f.rule_id, f.line) for f in scan_code(tmp_path, text, "run.sh") if f.rule_id == "MLS305"] == [
        ("MLS305", 2)
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("run.sh", "#!/bin/sh\npython -c \"import torch; print(torch.load('$CKPT').keys())\"\n"),
        ("run.sh", "#!/bin/sh\npython -c \"import torch; torch.load('out/${RUN}/m.pt')\"\n"),
        ("n.ipynb", notebook("!python -c \"import torch; print(torch.load('{ckpt}').keys())\"")),
    ],
)
def test_text_the_shell_or_ipython_fills_in_is_no_fixed_path(tmp_path: Path, name: str, text: str) -> None:
    """Red team: `'$CKPT'` was taken for a constant path of the repository, so the load was low."""
    found = [f for f in scan_code(tmp_path, text, name) if f.rule_id == "MLS306"]
    assert [f.severity.value for f in found] == ["high"]


def test_a_constant_path_in_python_c_is_a_fixed_path_as_in_a_script(tmp_path: Path) -> None:
    text = "#!/bin/sh\npython -c \"import torch; print(torch.load('models/m.pt').keys())\"\n"
    found = [f for f in scan_code(tmp_path, text, "run.sh") if f.rule_id == "MLS306"]
    assert [f.severity.value for f in found] == ["low"]


def test_trust_remote_code_is_reported_once_for_its_line(tmp_path: Path) -> None:
    code = "from transformers import AutoModel; AutoModel.from_pretrained('org/m', trust_remote_code=True)"
    for name, text in (("run.sh", f'#!/bin/sh\npython -c "{code}"\n'), ("n.ipynb", notebook(f'!python -c "{code}"'))):
        assert [f.rule_id for f in scan_code(tmp_path, text, name)].count("MLS307") == 1


def test_an_ansi_c_string_with_a_bare_hex_escape_is_read_not_a_crash(tmp_path: Path) -> None:
    found = scan_code(tmp_path, "#!/bin/bash\necho $'\\x''\npython -c 'print(1)'\n", "run.sh")
    assert "MLS900" not in {f.rule_id for f in found}


def test_two_commands_on_one_line_are_each_reported(tmp_path: Path) -> None:
    """Red team: the dedupe kept one finding per line and rule, so the order of two commands
    decided whether the line blocked."""
    fixed = "python -c \"import torch; torch.load('models/m.pt')\""
    filled = "python -c \"import torch; torch.load('$CKPT')\""
    for line in (f"{fixed} && {filled}", f"{filled} && {fixed}"):
        found = [f for f in scan_code(tmp_path, f"#!/bin/sh\n{line}\n", "run.sh") if f.rule_id == "MLS306"]
        assert sorted(f.severity.value for f in found) == ["high", "low"]


def test_packages_python_c_code_installs_are_handed_on(tmp_path: Path) -> None:
    """Red team: only the findings were kept, so `os.system('pip install mlflow==2.1.0')` in a
    `-c` lost its advisory check."""
    from hooks._core.policy import Policy
    from hooks.code.scanner import CodeScanner

    path = tmp_path / "run.sh"
    path.write_text("#!/bin/sh\nset -e\npython -c \"import os; os.system('pip install mlflow==2.1.0')\"\n")
    report = CodeScanner().scan_file(path, "run.sh", Policy(root=tmp_path))
    installed = [(w.first_line, w.text) for w in report.written if w.installed]
    assert [(line, "mlflow==2.1.0" in text) for line, text in installed] == [(3, True)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # IPython leaves a `!` line as written when a field does not evaluate (a dict literal)
        ("n.ipynb", notebook("!python -c \"import torch; sd = torch.load('models/m.pt'); print({1: 2})\"")),
        # a %%bash body goes to bash as written: IPython fills nothing in
        ("n.ipynb", notebook("%%bash\npython -c \"import torch; sd = torch.load('models/m.pt'); print({ckpt})\"\n")),
        # the shell fills nothing in inside single quotes
        ("run.sh", '#!/bin/sh\npython -c \'import torch; m = torch.load("models/m.pt"); print(f"${len(m)}")\'\n'),
        # a filled-in place elsewhere in the code does not make the constant path another file
        ("run.sh", "#!/bin/sh\npython -c \"import torch; sd = torch.load('models/m.pt'); print('$HOSTNAME')\"\n"),
    ],
)
def test_a_constant_path_stays_fixed_where_nothing_is_filled_into_it(tmp_path: Path, name: str, text: str) -> None:
    found = [f for f in scan_code(tmp_path, text, name) if f.rule_id == "MLS306"]
    assert [f.severity.value for f in found] == ["low"]


@pytest.mark.parametrize("place", ["`cat ckpt.txt`", "models/`whoami`.pt", "$@", "$1", "${CKPT:-m.pt}"])
def test_every_place_the_shell_fills_in_makes_the_path_unknown(tmp_path: Path, place: str) -> None:
    text = f"#!/bin/sh\npython -c \"import torch; torch.load('{place}')\"\n"
    found = [f for f in scan_code(tmp_path, text, "run.sh") if f.rule_id == "MLS306"]
    assert [f.severity.value for f in found] == ["high"]


@pytest.mark.parametrize("option", ['"-c"', "'-c'"])
def test_a_quoted_c_option_is_read(tmp_path: Path, option: str) -> None:
    text = f"#!/bin/sh\npython {option} \"import pickle; pickle.load(open('m.pkl','rb'))\"\n"
    assert "B301" in {f.rule_id for f in scan_code(tmp_path, text, "run.sh")}


def test_code_too_deeply_nested_to_parse_here_is_reported_not_passed(tmp_path: Path) -> None:
    code = "import pickle; x = " + "+".join(["1"] * 3000) + "; pickle.load(f)"
    found = [f for f in scan_code(tmp_path, f'#!/bin/sh\npython -c "{code}"\n', "run.sh") if f.rule_id == "MLS907"]
    assert [(f.line, f.severity.value) for f in found] == [(2, "medium")]
