"""Code a notebook or script starts but does not hold: after it, the file's own write is no longer
known to be what a load reads. Each form with a look-alike that starts nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import module_aliases, qualified_name
from hooks.code.started_code import (
    call_starts_code,
    command_starts_code,
    magic_starts_code,
    restored_names,
    single_literal_names,
)
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
        "cat fetch.py | python3",  # Python reads its program from stdin
        "conda run -n env python fetch.py",
        "poetry run python fetch.py",
        "uv run fetch.py",
        "xvfb-run -a python fetch.py",
        "numactl --cpunodebind=0 python fetch.py",
        "eval 'python fetch.py'",
        "dvc repro",
        "kedro run",
        "snakemake -j1",
        "pytest tests/",
        "python -m src.train",  # a module of the project (the default: any module may be)
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
        "/opt/conda/bin/pip install numpy==1.26.4",
        "./venv/bin/pip install -r requirements.txt",
        "python3 -q -m pip install numpy",
        "conda install -y pytorch",
        "poetry add requests",
        "dvc pull",
        "apt-get install -y python3",
    ],
)
def test_commands_that_start_no_project_code(command: str) -> None:
    assert not command_starts_code(command), command


@pytest.mark.parametrize("module, local", [("spacy", False), ("nltk.downloader", False), ("src.train", True)])
def test_python_m_runs_project_code_only_for_the_projects_modules(module: str, local: bool) -> None:
    assert command_starts_code(f"python -m {module} x", lambda top: top == "src") is local


@pytest.mark.parametrize(
    "source, starts",
    [
        ("import runpy\nrunpy.run_path('fetch.py')", True),
        ("from runpy import run_path as rp\nrp('fetch.py')", True),
        ("import papermill\npapermill.execute_notebook('a.ipynb', 'b.ipynb')", True),
        ("import papermill as pm\npm.execute_notebook('a.ipynb', 'b.ipynb')", True),
        ("from nbclient import NotebookClient\nNotebookClient(nb).execute()", True),
        ("from nbconvert.preprocessors import ExecutePreprocessor\nExecutePreprocessor().preprocess(nb)", True),
        ("import importlib, helpers\nimportlib.reload(helpers)", True),
        ("import importlib, numpy\nimportlib.reload(numpy)", False),  # a library's code, not the project's
        ("def reload(cfg):\n    pass\nreload({})", False),  # the file's own function
        ("import imp\nimp.load_source('f', 'fetch.py')", True),
        ("spec.loader.exec_module(module)", True),
        ("get_ipython().run_line_magic('run', 'fetch.py')", True),
        ("get_ipython().run_line_magic('matplotlib', 'inline')", False),
        ("get_ipython().run_line_magic('load_ext', 'autoreload')", False),
        ("get_ipython().run_cell_magic('time', '', 'x = 1')", False),
        ("get_ipython().run_cell_magic('bash', '', 'python fetch.py')", True),
        ("get_ipython().system('python fetch.py')", True),
        ("get_ipython().system('nvidia-smi')", False),
        ("ip = get_ipython()\nip.system('python fetch.py')", True),
        ("ip = get_ipython()\nip.magic('run fetch.py')", True),
        ("from IPython import get_ipython as g\ng().getoutput('python fetch.py')", True),
        ("exec(open('fetch.py').read())", True),
        ("exec(compile(open('fetch.py').read(), 'fetch.py', 'exec'))", True),
        ("eval(compile(open('fetch.py').read(), 'fetch.py', 'exec'))", True),
        ("import builtins\nbuiltins.exec(source)", True),
        ("exec('x = 1')", False),  # a constant: the file holds it
        ("SRC = 'y = 1'\nexec(SRC)", False),
        ("eval(expression)", False),  # an expression, no statements (B307 judges it)
        ("import os\nos.execv('/usr/bin/python3', ['python3', 'fetch.py'])", True),
        ("import os as _os\n_os.execv(sys.executable, [sys.executable, 'fetch.py'])", True),
        ("from os import spawnv\nspawnv(0, 'bash', ['bash', 'get.sh'])", True),
        ("import subprocess\nsubprocess.call(args.cmd, shell=True)", False),  # judged by its text where known
        ("import os\nos.path.exists('x')", False),
        ("df.reload()", False),
        ("trainer.run(cfg)", False),
        ("np.load('x.npy')", False),
    ],
)
def test_calls_that_run_other_code(source: str, starts: bool) -> None:
    tree = ast.parse(source)
    nodes = list(ast.walk(tree))
    aliases = module_aliases(nodes)
    ipython = {t.id for n in nodes if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    literals = single_literal_names(tree)

    def qualname(node: ast.AST) -> str | None:
        if isinstance(node, ast.Name) and node.id in ipython and "get_ipython()" in source:
            return "get_ipython"
        return qualified_name(node, aliases)

    def held(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return literals.get(node.id) if isinstance(node, ast.Name) else None

    def local(top: str) -> bool:
        return top == "helpers"

    last = tree.body[-1]
    calls = [n for n in ast.walk(last) if isinstance(n, ast.Call)]
    assert any(call_starts_code(call, qualname, held, local) for call in calls) is starts


def test_magics() -> None:
    assert magic_starts_code("run fetch.py") and magic_starts_code("run -i ../other.ipynb")
    assert magic_starts_code("rerun 3") and magic_starts_code("sx python fetch.py")
    assert not magic_starts_code("sx ls -la") and not magic_starts_code("matplotlib inline")
    assert not magic_starts_code("time x = 1") and not magic_starts_code("store -r p")
    assert restored_names(["store -r model_path", "store -r a b"]) == {"model_path", "a", "b"}
    assert restored_names(["store -r"]) is None  # every stored name
    assert restored_names(["store model_path", "store -z", "time x = 1"]) == set()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_command_text_is_judged_without_error(command: str) -> None:
    assert command_starts_code(command) in (True, False)
    magic_starts_code(command)
    restored_names([command])


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
    (tmp_path / "helpers.py").write_text("")  # the project's module that importlib.reload re-runs
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


def test_a_helper_that_starts_code_runs_it_where_it_is_called(tmp_path: Path) -> None:
    helper = "import subprocess\ndef fetch():\n    subprocess.run(['python', 'fetch.py'])"
    assert _graded(tmp_path, helper, WRITE, "fetch()", LOAD) == [("MLS301", "high")]
    assert _graded(tmp_path, helper, "fetch()", WRITE, LOAD) == [("MLS301", "low")]  # called before the write
    # a load inside a function runs when called: code started after the write may have replaced the file
    loader = "def reload_model():\n    return joblib.load('model.pkl')"
    assert _graded(tmp_path, WRITE, loader, "!python fetch.py", "m = reload_model()") == [("MLS301", "high")]


def test_a_restored_constant_path_is_not_the_notebooks_own(tmp_path: Path) -> None:
    write = "import joblib\nP = 'model.pkl'\njoblib.dump(clf, P)"
    assert _graded(tmp_path, write, "%store -r P", "clf = joblib.load(P)") == [("MLS301", "high")]
    assert _graded(tmp_path, write, "%store -r", "clf = joblib.load(P)") == [("MLS301", "high")]
    assert _graded(tmp_path, write, "%store -r df", "clf = joblib.load(P)") == [("MLS301", "low")]


@pytest.mark.parametrize(
    "cells",
    [
        ("%run utils.py", WRITE, LOAD),  # run before the write
        (WRITE, "get_ipython().run_line_magic('matplotlib', 'inline')", LOAD),
        (WRITE, "!python -m spacy download en_core_web_sm", LOAD),  # a library's module
        (WRITE, "!/opt/conda/bin/pip install -q numpy==1.26.4", LOAD),
        (WRITE, "import importlib, numpy\nimportlib.reload(numpy)", LOAD),
        (WRITE, "exec(f'x_{1} = 1')\nSRC = 'y = 1'\nexec(SRC)", LOAD),
    ],
)
def test_what_runs_no_project_code_after_the_write_keeps_the_file_the_notebooks(
    tmp_path: Path, cells: tuple[str, ...]
) -> None:
    assert _graded(tmp_path, *cells)[-1:] == [("MLS301", "low")], cells


def test_a_straight_line_script_rebinding_through_its_module_object(tmp_path: Path) -> None:
    script = (
        "import joblib, os, sys\nP = 'model.pkl'\njoblib.dump(m, P)\n"
        "sys.modules[__name__].P = os.environ['MODEL']\nm = joblib.load(P)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script) if f.rule_id == "MLS301"] == ["high"]
    other = script.replace("sys.modules[__name__].P", "sys.modules['config'].P")  # another module's P
    assert [f.severity.value for f in scan_code(tmp_path, other) if f.rule_id == "MLS301"] == ["low"]


@pytest.mark.parametrize(
    "write",
    [
        "with open('model.pkl', 'wb') as f:\n    g = f\n    h = g\n    h.write(blob)\n",
        "f = open('model.pkl', 'wb')\nh = f\nh.write(blob)\n",
    ],
)
def test_a_scripts_chained_handle_aliases_are_followed(tmp_path: Path, write: str) -> None:
    script = "import joblib\njoblib.dump(m, 'model.pkl')\n" + write + "m = joblib.load('model.pkl')\n"
    assert [f.severity.value for f in scan_code(tmp_path, script) if f.rule_id == "MLS301"] == ["high"]


@pytest.mark.parametrize(
    "command, starts",
    [
        ("python -m torch.distributed.run --nproc_per_node 2 train.py", True),
        ("python -m pytest tests", True),
        ("python -m papermill a.ipynb b.ipynb", True),
        ("accelerate launch train.py", True),
        ("accelerate config default", False),
        ("streamlit run app.py", True),
        ("/opt/bin/nvidia-smi", False),
    ],
)
def test_red_team_commands(command: str, starts: bool) -> None:
    assert command_starts_code(command, lambda top: False) is starts, command


def test_a_module_name_too_long_for_the_file_system_is_no_crash(tmp_path: Path) -> None:
    text = notebook(
        WRITE, "!python -m " + "a" * 300, LOAD, "import pickle, requests\npickle.loads(requests.get(u).content)"
    )
    found = scan_code(tmp_path, text, "nb.ipynb")
    assert ("MLS301", "high") in [(f.rule_id, f.severity.value) for f in found]
    assert "B301" in [f.rule_id for f in found] or "MLS302" in [f.rule_id for f in found]


def test_many_chained_helpers_are_followed_in_one_pass(tmp_path: Path) -> None:
    helpers = ["import subprocess\ndef f0():\n    subprocess.run(['python', 'x.py'])"]
    helpers += [f"def f{i}():\n    f{i - 1}()" for i in range(1, 1500)]
    text = notebook(WRITE, *helpers, "f1499()", *[LOAD] * 20)
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS301"]
    assert found == ["high"] * 20


@pytest.mark.parametrize(
    "cells, severity",
    [
        ((WRITE, "import subprocess\ndef run_eval():\n    subprocess.run(['python', 'eval.py'])", LOAD), "low"),
        ((WRITE, "get_ipython().run_cell_magic('capture', '', '!python fetch.py\\n')", LOAD), "high"),
        ((WRITE, "get_ipython().run_cell_magic('time', '', 'model.fit(x)\\n')", LOAD), "low"),
        ((WRITE, "exec(\"import subprocess; subprocess.run(['python', 'fetch.py'])\")", LOAD), "high"),
        ((WRITE, "import fetch_model", LOAD), "high"),  # a first import runs the project module's code
        ((WRITE, "import json", LOAD), "low"),
    ],
)
def test_red_team_notebooks(tmp_path: Path, cells: tuple[str, ...], severity: str) -> None:
    (tmp_path / "fetch_model.py").write_text("")
    assert _graded(tmp_path, *cells)[-1:] == [("MLS301", severity)], cells


def test_a_store_restore_through_ipython_calls(tmp_path: Path) -> None:
    write = "import joblib\nP = 'model.pkl'\njoblib.dump(clf, P)"
    restore = "get_ipython().run_line_magic('store', '-r P')"
    assert _graded(tmp_path, write, restore, "clf = joblib.load(P)") == [("MLS301", "high")]


def test_a_folder_named_like_an_installed_package_is_not_the_projects_module(tmp_path: Path) -> None:
    # A course keeps its notebooks in `tensorflow/`: `import tensorflow` still imports the library
    # (a folder without __init__.py is only a namespace portion, which an installed package precedes).
    (tmp_path / "tensorflow").mkdir()
    assert _graded(tmp_path, WRITE, "import tensorflow as tf", LOAD) == [("MLS301", "low")]
    (tmp_path / "tensorflow" / "__init__.py").write_text("")
    assert _graded(tmp_path, WRITE, "import tensorflow as tf", LOAD) == [("MLS301", "high")]
