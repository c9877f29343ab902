"""Code a notebook or script starts but does not hold: after it, the file's own write is no longer
known to be what a load reads. Each form with a look-alike that starts nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.started_code import call_starts_code, command_starts_code, magics_start_code
from tests.code.helpers import notebook, scan_code


@pytest.mark.parametrize(
    "command",
    [
        "python fetch.py",
        "python3 -m mypkg.download --out models",
        "/usr/bin/python3 fetch.py",
        "{sys.executable} fetch.py",
        "$PYTHON fetch.py",
        "bash get_model.sh",
        "sh -c 'curl -o m.pkl $URL'",
        "./download.sh",
        "scripts/fetch_weights",
        "make data",
        "papermill train.ipynb out.ipynb",
        "jupyter nbconvert --to notebook --execute other.ipynb",
        "cd tools && python fetch.py",
        "sudo -E python fetch.py",
        "nohup torchrun --nproc_per_node 2 train.py &",
        "curl -s https://x.example/i.sh | bash",
        "python -c 'import fetch; fetch.main()'",
        "{cmd}",  # IPython puts the variable's text in: any program
        "$RUNNER fetch",
    ],
)
def test_commands_that_start_code(command: str) -> None:
    assert command_starts_code(command), command


@pytest.mark.parametrize(
    "command",
    [
        "pip install -q transformers==4.40.0",
        "python -m pip install -U pip",
        "{sys.executable} -m pip install torch",
        "python --version",
        "ls -la models",
        "nvidia-smi",
        "git status",
        "echo python fetch.py",
        "jupyter nbconvert --to html report.ipynb",
        "/usr/bin/nvidia-smi -L",
        "cat run.sh",
    ],
)
def test_commands_that_start_no_project_code(command: str) -> None:
    assert not command_starts_code(command), command


@pytest.mark.parametrize(
    "source, starts",
    [
        ("runpy.run_path('fetch.py')", True),
        ("papermill.execute_notebook('a.ipynb', 'b.ipynb')", True),
        ("pm.execute_notebook('a.ipynb', 'b.ipynb')", True),
        ("importlib.reload(helpers)", True),
        ("get_ipython().run_line_magic('run', 'fetch.py')", True),
        ("exec(open('fetch.py').read())", True),
        ("exec(source)", True),
        ("os.execv('/usr/bin/python3', ['python3', 'fetch.py'])", True),
        ("os.spawnlp(os.P_WAIT, 'bash', 'bash', 'get.sh')", True),
        ("subprocess.call(args.cmd, shell=True)", False),  # judged by its text where that is known
        ("subprocess.run(['nvidia-smi'])", False),  # known text: judged where it is recorded
        ("os.path.exists('x')", False),
        ("exec('x = 1')", False),  # a constant: the file holds it
        ("df.reload()", False),
        ("model.run_path", False),
        ("trainer.run(cfg)", False),
        ("np.load('x.npy')", False),
    ],
)
def test_calls_that_run_other_code(source: str, starts: bool) -> None:
    node = ast.parse(source).body[0]
    call = node.value if isinstance(node, ast.Expr) else None
    assert (isinstance(call, ast.Call) and call_starts_code(call)) is starts


def test_magics() -> None:
    assert magics_start_code(["run fetch.py"]) == (True, False)
    assert magics_start_code(["run -i ../other.ipynb"]) == (True, False)
    assert magics_start_code(["store -r model_path"]) == (False, True)
    assert magics_start_code(["store model_path", "time x = 1", "matplotlib inline", "timeit f()"]) == (False, False)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_command_text_is_judged_without_error(command: str) -> None:
    assert command_starts_code(command) in (True, False)
    magics_start_code([command])


def _graded(tmp_path: Path, *cells: str) -> list[tuple[str, str]]:
    found = scan_code(tmp_path, notebook(*cells), "nb.ipynb")
    return sorted((f.rule_id, f.severity.value) for f in found if f.rule_id in ("MLS301", "B301"))


WRITE = "import joblib\njoblib.dump(clf, 'model.pkl')"
LOAD = "clf = joblib.load('model.pkl')"


@pytest.mark.parametrize(
    "between",
    [
        "!python fetch.py",
        "%run fetch.py",
        "!bash get.sh",
        "!./download.sh",
        "import subprocess\nsubprocess.run(['python', 'fetch.py'])",
        "import runpy\nrunpy.run_path('fetch.py')",
        "import importlib, helpers\nimportlib.reload(helpers)",
        "exec(open('fetch.py').read())",
        "import os\nos.system('python fetch.py')",
        "get_ipython().system('python fetch.py')",
        "%%bash\npython fetch.py",
        "cmd = 'python fetch.py'\n!{cmd}",
        "out = !python fetch.py",
    ],
)
def test_a_notebook_that_runs_other_code_after_its_write_does_not_own_the_file(tmp_path: Path, between: str) -> None:
    # fetch.py may download model.pkl under a name this notebook never spells.
    assert _graded(tmp_path, WRITE, between, LOAD) == [("MLS301", "high")], between


@pytest.mark.parametrize(
    "cells",
    [
        ("!pip install -q scikit-learn==1.5.0", WRITE, LOAD),
        ("!python fetch.py", WRITE, LOAD),  # ran before the notebook's own write
        (WRITE, "!nvidia-smi", LOAD),
        (WRITE, "%store -r threshold", LOAD),  # a constant path: a restored variable does not change it
    ],
)
def test_code_started_before_the_write_or_no_code_at_all_keeps_the_file_the_notebooks(
    tmp_path: Path, cells: tuple[str, ...]
) -> None:
    assert _graded(tmp_path, *cells) == [("MLS301", "low")], cells


def test_a_restored_variable_path_is_not_the_notebooks_own(tmp_path: Path) -> None:
    write = "import joblib\npath = folder + '/model.pkl'\njoblib.dump(clf, path)"
    load = "clf = joblib.load(path)"
    assert _graded(tmp_path, write, load) == [("MLS301", "low")]
    assert _graded(tmp_path, write, "%store -r path", load) == [("MLS301", "high")]


def test_a_script_that_starts_a_script_anywhere_does_not_own_its_files(tmp_path: Path) -> None:
    own = (
        "import joblib\n\ndef train(clf):\n    joblib.dump(clf, 'model.pkl')\n\n"
        "def predict():\n    return joblib.load('model.pkl')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, own) if f.rule_id == "MLS301"] == ["low"]
    started = own + "\ndef refresh():\n    import subprocess\n    subprocess.run(['bash', 'fetch.sh'], check=True)\n"
    assert [f.severity.value for f in scan_code(tmp_path, started) if f.rule_id == "MLS301"] == ["high"]
