"""Loads of a file the same notebook or script wrote are low; downloads, parameters, environment
values and serving inputs stay high; `profile: strict` never lowers anything."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from tests.code.helpers import notebook, scan_code


def graded(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings)


def test_a_notebook_reloading_what_it_dumped(tmp_path: Path) -> None:
    text = notebook(
        "import joblib, pickle, torch\nimport pandas as pd\nMODEL = 'model.pkl'",
        "joblib.dump(clf, MODEL)\ntorch.save(net.state_dict(), 'net.pt')\ndf.to_pickle('frame.pkl')",
        "with open('prep.pkl', 'wb') as f:\n    pickle.dump(prep, f)",
        "clf = joblib.load('model.pkl')\nnet.load_state_dict(torch.load('net.pt'))\ndf = pd.read_pickle('frame.pkl')\n"
        "with open('prep.pkl', 'rb') as f:\n    prep = pickle.load(f)",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert {f.severity.value for f in findings} == {"low"}
    assert sorted(f.rule_id for f in findings) == ["B301", "MLS301", "MLS304", "MLS306"]
    assert all("wrote itself" in f.message for f in findings)


def test_look_alikes_stay_high(tmp_path: Path) -> None:
    text = notebook(
        "import joblib, torch, urllib.request, os",
        "joblib.dump(clf, 'model.pkl')",
        "clf = joblib.load(f'{folder}/other.pkl')",  # a file it did not write, not a fixed path
        "urllib.request.urlretrieve(URL, 'w.pt')\nm = torch.load('w.pt')",  # a download
        "p = hf_hub_download('org/m', 'model.pkl')\nmm = joblib.load(p)",  # from the Hub
        "e = joblib.load(os.environ['MODEL'])",  # the environment
        "x = joblib.load('later.pkl')\njoblib.dump(x, 'later.pkl')",  # written after it was read
    )
    findings = [f for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id in ("MLS301", "MLS306")]
    assert [(f.cell, f.severity.value) for f in findings] == [
        (3, "high"),
        (4, "high"),
        (5, "high"),
        (6, "high"),
        (7, "high"),
    ]


def test_a_script_matches_constants_only(tmp_path: Path) -> None:
    source = (
        "import joblib\nPATH = 'artifacts/model.joblib'\n\n"
        "def train(clf):\n    joblib.dump(clf, PATH)\n\n"
        "def predict(x):\n    return joblib.load(PATH).predict(x)\n\n"
        "def save(clf, path):\n    joblib.dump(clf, path)\n\n"
        "def load(path):\n    return joblib.load(path)\n"
    )
    assert graded(scan_code(tmp_path, source, "job.py")) == [("MLS301", 8, "low"), ("MLS301", 14, "high")]


def test_serving_code_stays_high(tmp_path: Path) -> None:
    source = (
        "import os, joblib\n\ndef init():\n    global model\n"
        "    model = joblib.load(os.path.join(os.getenv('AZUREML_MODEL_DIR'), 'model.pkl'))\n"
    )
    assert graded(scan_code(tmp_path, source, "score.py")) == [("MLS301", 5, "high")]


def test_mlflow_and_vector_stores_the_notebook_logged(tmp_path: Path) -> None:
    text = notebook(
        "import mlflow\nwith mlflow.start_run() as run:\n    mlflow.sklearn.log_model(clf, 'model')",
        "m = mlflow.pyfunc.load_model(f'runs:/{run.info.run_id}/model')",
        "r = mlflow.pyfunc.load_model('models:/prod/3')",
        "db.save_local('faiss_index')\nFAISS.load_local('faiss_index', emb, allow_dangerous_deserialization=True)",
        "FAISS.load_local(INDEX_DIR, emb, allow_dangerous_deserialization=True)",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert sorted((f.rule_id, f.cell, f.severity.value) for f in findings) == [
        ("MLS312", 2, "low"),
        ("MLS312", 3, "medium"),
        ("MLS313", 4, "low"),
        ("MLS313", 5, "high"),
    ]


@pytest.mark.parametrize("doubling", ["a = a + a", "a += a", 'a = f"{a}{a}"'])
def test_a_name_doubled_over_and_over_is_followed_in_bounded_time_and_memory(tmp_path: Path, doubling: str) -> None:
    """Red team: 40 doublings of an 8-character text would be a terabyte built, and a name bound
    40 times to itself was walked 40^12 times when a command used it."""
    import time

    lines = ["import os, pickle, subprocess", "a = 'xxxxxxxx'", *[doubling] * 40]
    lines += ["pickle.load(open(a))", "os.system(a)", "subprocess.run(['wget', a])", "exec(a)"]
    started = time.monotonic()
    found = graded(scan_code(tmp_path, "\n".join(lines) + "\n", "job.py"))
    assert time.monotonic() - started < 20
    assert ("B301", 43, "medium") in found  # the name is no fixed path: the load keeps its severity


@pytest.mark.parametrize(
    "written",
    [
        "'%s.pkl' % BASE",
        "'%s/%s.pkl' % (FOLDER, 'model')",
        "'{}.pkl'.format(BASE)",
        "'{0}/{1}.pkl'.format(FOLDER, 'model')",
        "'/'.join([FOLDER, 'model.pkl'])",
        "''.join((BASE, '.pkl'))",
    ],
)
def test_names_built_by_percent_format_or_join_are_followed(tmp_path: Path, written: str) -> None:
    constants = "import joblib, urllib.request\nFOLDER = '/content'\nBASE = '/content/model'"
    own = notebook(constants, f"joblib.dump(clf, {written})", "clf = joblib.load('/content/model.pkl')")
    assert [s for _, _, s in graded(scan_code(tmp_path, own, "nb.ipynb"))] == ["low"]
    fetched = notebook(
        constants, f"urllib.request.urlretrieve(URL, {written})", "clf = joblib.load('/content/model.pkl')"
    )
    assert ("MLS301", "high") in {(r, s) for r, _, s in graded(scan_code(tmp_path, fetched, "nb.ipynb"))}


def test_formats_that_do_not_spell_a_name_are_not_followed(tmp_path: Path) -> None:
    constants = "import joblib\nBASE = '/content/model'"
    for written in (
        "'%d.pkl' % BASE",
        "'{:>20}.pkl'.format(BASE)",
        "'{x}.pkl'.format(x=BASE)",
        "'{!r}.pkl'.format(BASE)",
        "'{\u00b2}.pkl'.format(BASE)",  # a digit to str.isdigit, no number to int(): not a field
        "f'{BASE!r}.pkl'",  # spelled with quotes: "'/content/model'.pkl"
        "f'{BASE!a}.pkl'",
    ):
        look_alike = notebook(constants, f"joblib.dump(clf, {written})", "clf = joblib.load('/content/model.pkl')")
        assert [s for _, _, s in graded(scan_code(tmp_path, look_alike, "nb.ipynb"))] == ["high"], written
    same = notebook(constants, "joblib.dump(clf, f'{BASE!s}.pkl')", "clf = joblib.load('/content/model.pkl')")
    assert [s for _, _, s in graded(scan_code(tmp_path, same, "nb.ipynb"))] == ["low"]  # `!s` spells the text
    # A spelled template of 100,000 fields over a 4,000-character text: 400 MB if it were built.
    flood = notebook("import joblib\nA = '" + "y" * 4000 + "'", "joblib.dump(c, '" + "{0}" * 100_000 + "'.format(A))")
    assert graded(scan_code(tmp_path, flood, "nb.ipynb")) == []  # past any path's length: not followed


@settings(max_examples=300, deadline=None)
@given(template=st.text(max_size=40), values=st.lists(st.text(max_size=8), min_size=1, max_size=4))
def test_folding_any_format_or_percent_template_never_raises(template: str, values: list[str]) -> None:
    """Garbage templates: the fold gives up or gives exactly what Python gives."""
    from hooks.code.load_context import _text

    arguments = ", ".join(repr(v) for v in values)
    for way in ("format", "percent", "join"):
        if way == "format":
            source = f"{template!r}.format({arguments})"
        elif way == "percent":
            source = f"{template!r} % ({arguments},)"
        else:
            source = f"{template!r}.join([{arguments}])"
        folded = _text(ast.parse(source, mode="eval").body, {})
        expected: str | None
        try:
            if way == "format":
                expected = template.format(*values)
            elif way == "percent":
                expected = template % tuple(values)
            else:
                expected = template.join(values)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            expected = None
        assert folded is None or folded == expected, source


def test_strict_profile_keeps_every_load_at_its_severity(tmp_path: Path) -> None:
    text = notebook("import joblib\njoblib.dump(clf, 'm.pkl')\nclf = joblib.load('m.pkl')")
    strict = Policy(root=tmp_path, profile="strict")
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb", strict)] == ["high"]


def test_trust_remote_code_families(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel\nimport lm_eval\n"
        "class Loader:\n    def __init__(self):\n        self.trust_remote_code = True\n"
        "    def load(self, name):\n"
        "        return AutoModel.from_pretrained(name, trust_remote_code=self.trust_remote_code)\n"
        "def load(name, trust_remote_code=True):\n"
        "    return AutoModel.from_pretrained(name, trust_remote_code=trust_remote_code)\n"
        "lm_eval.simple_evaluate(model='hf', model_args='pretrained=org/m,trust_remote_code=True')\n"
        "engine = LLM(model=name, enable_trust_remote_code=True)\n"
    )
    found = [(f.rule_id, f.line) for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS307"]
    assert found == [("MLS307", 7), ("MLS307", 9), ("MLS307", 10), ("MLS307", 11)]


def test_trust_remote_code_look_alikes(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel\n"
        "def load(name, trust_remote_code=False):\n"
        "    return AutoModel.from_pretrained(name, trust_remote_code=trust_remote_code)\n"
        "print('pass trust_remote_code=True only for reviewed models')\n"
        "AutoModel.from_pretrained(name, trust_remote_code=False, revision='a' * 40)\n"
        "cfg = 'pretrained=org/m,trust_remote_code=False'\n"
        '"""Set trust_remote_code=True in model_args to run custom code."""\n'
    )
    assert [f for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS307"] == []


def test_commands_and_eval_built_of_constants_are_low_like_literals(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\nBUCKET = 'gs://b'\n"
        "os.system(f'gsutil cp {BUCKET}/x .')\nsubprocess.run(f'gsutil ls {BUCKET}', shell=True)\neval('3/4')\n"
        "def run(cmd):\n    os.system(f'echo {cmd}')\n    subprocess.run(cmd, shell=True)\n    eval(cmd)\n"
    )
    assert graded(scan_code(tmp_path, source, "job.py")) == [
        ("B307", 5, "low"),
        ("B307", 9, "medium"),  # code text: eval runs whatever the caller passes
        ("B602", 4, "low"),
        ("B602", 8, "low"),  # the caller's command, and no caller here hands it text from outside
        ("B605", 3, "low"),
        ("B605", 7, "low"),
    ]


@pytest.mark.parametrize(
    ("first", "severity"),
    [
        ("!pip install -q langchain faiss-cpu", "low"),  # package names, as `%pip install` is read
        ("%pip install langchain", "low"),
        ("!pip install langchain && cp -r /mnt/idx faiss-index/langchain", "high"),  # a copy fills it
        ("!pip download langchain -d faiss-index", "high"),
        ("!pip install --target langchain x", "high"),
        ("%env PIP_TARGET=faiss-index\n!pip install langchain", "high"),  # pip's own settings
        ("import os\nos.environ['PIP_TARGET'] = 'faiss-index'\n!pip install langchain", "high"),
    ],
)
def test_a_package_install_does_not_name_a_folder_of_the_same_name(tmp_path: Path, first: str, severity: str) -> None:
    load = "vs = FAISS.load_local('./faiss-index/langchain/', emb, allow_dangerous_deserialization=True)"
    found = scan_code(tmp_path, notebook(first, "from langchain.vectorstores import FAISS\n" + load), "nb.ipynb")
    assert [(f.rule_id, f.severity.value) for f in found if f.rule_id == "MLS313"] == [("MLS313", severity)]


def test_serving_code_loading_a_file_committed_beside_it_keeps_its_severity(tmp_path: Path) -> None:
    # The deployment decides what is at the path when the service runs, committed file or not.
    app = (
        "import pickle\nfrom flask import Flask, request\n"
        "with open('model.bin', 'rb') as f_in:\n    model = pickle.load(f_in)\n"
        "app = Flask('churn')\n"
    )
    (tmp_path / "model.bin").write_bytes(b"\x80\x04K\x01.")
    assert graded(scan_code(tmp_path, app, "predict.py")) == [("B301", 4, "medium")]
    helper = (
        "import pickle\nimport gradio\ndef load(p):\n    return pickle.load(open(p, 'rb'))\nm = load('model.bin')\n"
    )
    assert graded(scan_code(tmp_path, notebook(helper), "app.ipynb")) == [("B301", 4, "medium")]


def test_the_methods_of_an_mlflow_pyfunc_model_are_serving_code(tmp_path: Path) -> None:
    """MLflow serves an instance of a PythonModel subclass: its `predict` runs on each request where
    the model is served, so a fixed path it opens there is whatever the deployment put there.
    Look-alikes: the same load in a plain class, and at the top of the file that defines the model."""
    (tmp_path / "encoder.pkl").write_bytes(b"\x80\x04K\x01.")
    load = "        with open('encoder.pkl', 'rb') as f:\n            return pickle.load(f)\n"
    for base in ("mlflow.pyfunc.PythonModel", "PythonModel", "pyfunc.ChatModel"):  # all imported below
        imports = "import pickle\nimport mlflow\nfrom mlflow import pyfunc\nfrom mlflow.pyfunc import PythonModel\n"
        served = imports + f"class Wrapper({base}):\n    def predict(self, context, model_input):\n" + load
        assert graded(scan_code(tmp_path, served, "wrap.py")) == [("B301", 8, "medium")], base
    plain = "import pickle\nclass Wrapper(Base):\n    def predict(self, context, model_input):\n" + load
    assert graded(scan_code(tmp_path, plain, "plain.py")) == [("B301", 5, "low")]
    # the base named through the file's imports (an alias, a module alias, a class of the file
    # deriving from one); a chat or agent class of another library is not MLflow's
    for head, base, severity in (
        ("from mlflow.pyfunc import PythonModel as PM\n", "PM", "medium"),
        ("import mlflow.pyfunc as mp\n", "mp.PythonModel", "medium"),
        ("import mlflow\nclass Base(mlflow.pyfunc.PythonModel):\n    pass\n", "Base", "medium"),
        ("from vertexai.language_models import ChatModel\n", "ChatModel", "low"),
        ("from camel.agents import ChatAgent\n", "ChatAgent", "low"),
        ("import mylib.pyfunc\n", "mylib.pyfunc.PythonModel", "low"),
    ):
        source = f"import pickle\n{head}class Wrapper({base}):\n    def predict(self, context, model_input):\n"
        line = source.count("\n") + 2
        assert graded(scan_code(tmp_path, source + load, "wrap.py")) == [("B301", line, severity)], base
    top = (
        "import pickle\nimport mlflow\nclass Wrapper(mlflow.pyfunc.PythonModel):\n"
        "    def predict(self, context, model_input):\n        return model_input\n"
        "with open('encoder.pkl', 'rb') as f:\n    encoder = pickle.load(f)\n"
    )
    assert graded(scan_code(tmp_path, top, "top.py")) == [("B301", 7, "low")]


HELPER = "import torch\ndef load_checkpoint(path):\n    return torch.load(path)\n"


def test_a_decorated_notebook_helper_keeps_its_severity(tmp_path: Path) -> None:
    written = "torch.save(model.state_dict(), 'ckpt.pt')"
    plain = notebook(HELPER, written, "state = load_checkpoint('ckpt.pt')")
    assert graded(scan_code(tmp_path, plain, "nb.ipynb")) == [("MLS306", 3, "low")]
    # A route, a task, a callback or an exit hook is called from outside the notebook too.
    decorated = notebook(
        HELPER.replace("def ", "@app.get('/load')\ndef "), written, "state = load_checkpoint('ckpt.pt')"
    )
    assert graded(scan_code(tmp_path, decorated, "nb.ipynb")) == [("MLS306", 4, "high")]


def test_paramiko_commands_are_low_only_when_built_of_constants_or_in_a_notebook_session(tmp_path: Path) -> None:
    # bandit's B601 reports every `exec_command` where paramiko is imported: a remote shell runs
    # the text. Low when the text is constants only (like a literal); in a script anything else
    # keeps bandit's severity: the other host's names and output, a request, the environment a
    # client may set (CGI's QUERY_STRING, an SSH forced command), a function's parameter.
    source = (
        "import os, paramiko\nssh = paramiko.SSHClient()\nHOST_CMD = 'ls /opt'\n"
        "ssh.exec_command('ls')\nssh.exec_command(f'du -sh {HOST_CMD}')\n"
        "ssh.exec_command('run ' + os.environ['QUERY_STRING'])\n"
        "def run(cmd):\n    ssh.exec_command(cmd)\n"
        "for name in ssh.open_sftp().listdir('/srv/uploads'):\n    ssh.exec_command('process ' + name)\n"
    )
    assert graded(scan_code(tmp_path, source, "deploy.py")) == [
        ("B601", 4, "low"),
        ("B601", 5, "low"),
        ("B601", 6, "medium"),
        ("B601", 8, "medium"),
        ("B601", 10, "medium"),
    ]
    # A notebook's session: its own values are low; a download's or the other host's text, or a
    # notebook that serves requests, keeps bandit's severity.
    cells = (
        "import paramiko, requests\nssh = paramiko.SSHClient()\nbox = pick_host()\n"
        "ssh.exec_command(f'nvidia-smi -i {box}')",
        "cmd = requests.get(url).text\nssh.exec_command(cmd)",
        "_, out, _ = ssh.exec_command('ls')\nfor name in out.read().decode().split():\n"
        "    ssh.exec_command('rm ' + name)",
    )
    found = scan_code(tmp_path, notebook(*cells), "nb.ipynb")
    assert [(f.cell, f.line, f.severity.value) for f in found if f.rule_id == "B601"] == [
        (1, 4, "low"),
        (2, 2, "medium"),
        (3, 1, "low"),
        (3, 3, "medium"),
    ]
    served = notebook("import paramiko\nfrom flask import request\nssh = paramiko.SSHClient()\nssh.exec_command(q)")
    assert graded(scan_code(tmp_path, served, "app.ipynb")) == [("B601", 4, "medium")]
    # Without paramiko imported bandit has no B601, and another `exec_command` is not judged.
    assert graded(scan_code(tmp_path, "client.exec_command('ls')\n", "other.py")) == []
    strict = Policy(root=tmp_path, profile="strict")
    assert ("B601", 4, "medium") in graded(scan_code(tmp_path, source, "deploy.py", strict))


def test_notebook_commands_from_its_own_values_are_low_model_output_is_not(tmp_path: Path) -> None:
    cells = (
        "import os, subprocess\nbucket = input_bucket()\nos.system(f'gsutil ls {bucket}')",
        "subprocess.run(f'mkdir -p {bucket}/out', shell=True)",
        "answer = client.chat(prompt)\nsubprocess.run(answer, shell=True)",
    )
    assert graded(scan_code(tmp_path, notebook(*cells), "nb.ipynb")) == [
        ("B602", 1, "low"),
        ("B602", 2, "high"),
        ("B605", 3, "low"),
    ]
    # In a script, a command built of its own values is low too; one a web route hands a request's
    # text keeps bandit's severity (tests/code/test_command_origin.py).
    script = "import os\ndef mk(path):\n    os.system(f'bq load {path}')\n    os.system(f'mkdir -p {path}')\n"
    assert graded(scan_code(tmp_path, script, "job.py")) == [("B605", 3, "low"), ("B605", 4, "low")]
    routed = "import os\n@app.post('/load')\ndef mk(path):\n    os.system(f'bq load {path}')\n"
    assert graded(scan_code(tmp_path, routed, "job.py")) == [("B605", 4, "high")]


def test_a_call_only_named_like_extractall_is_not_tarfiles(tmp_path: Path) -> None:
    # bandit's B202 takes any call whose name holds "extractall" for tarfile's; the code's own
    # wrapper is judged at its own extractall call (filtered here). A line that also calls the
    # real extractall keeps its finding.
    source = (
        "import tarfile\ndef safe_extractall(t, p):\n    check(t)\n    t.extractall(p, filter='data')\n"
        "with tarfile.open(x) as t:\n    safe_extractall(t, 'out')\n    t.extractall('raw')\n"
        "    safe_extractall(t, 'o'); t.extractall('r2')\n"
    )
    assert graded(scan_code(tmp_path, source, "job.py")) == [("MLS315", 7, "high"), ("MLS315", 8, "high")]
    # A name bound to tarfile's own method, or one the code does not define, is not its wrapper.
    bound = "import tarfile\nunsafe_extractall = tarfile.open(x).extractall\nunsafe_extractall('out')\n"
    assert graded(scan_code(tmp_path, bound, "bound.py")) == [("B202", 3, "high")]
    imported = "import tarfile\nfrom helpers import safe_extractall\nsafe_extractall(tarfile.open(x), 'out')\n"
    assert graded(scan_code(tmp_path, imported, "imported.py")) == [("B202", 3, "high")]


def test_a_wrapper_named_like_extractall_imported_from_the_project_is_not_tarfiles(tmp_path: Path) -> None:
    """`from acme.archive_utils import custom_extractall_tarfile`: the project's own function, found
    as the interpreter would (the file's folders up to the top and their `src/`, the top's
    distributions), defined at the top of a module that imports tarfile, so its own extractall
    call is judged where it stands; also imported relatively. Look-alikes keep B202."""
    package = tmp_path / "core" / "src" / "acme"
    package.mkdir(parents=True)
    (tmp_path / "core" / "pyproject.toml").write_text("[project]\nname = 'acme'\n")
    (package / "archive_utils.py").write_text(
        "import tarfile\ndef custom_extractall_tarfile(tar, path):\n    tar.extractall(path, filter='data')\n"
    )
    (package / "__init__.py").write_text("from acme.archive_utils import custom_extractall_tarfile\n")
    (package / "untarred.py").write_text("def custom_extractall_tarfile(tar, path):\n    tar.extractall(path)\n")
    (package / "alias.py").write_text("import tarfile\ncustom_extractall_tarfile = tarfile.TarFile.extractall\n")
    (package / "decorated.py").write_text(
        "import tarfile\n@swap\ndef custom_extractall_tarfile(tar, path):\n    tar.extractall(path, filter='data')\n"
    )
    for folder in ("core/tests", "serve", "scripts"):
        (tmp_path / folder).mkdir()
    (tmp_path / "scripts" / "tar_tools.py").write_text(
        "import tarfile\ndef custom_extractall_tarfile(tar, path):\n    tar.extractall(path, filter='data')\n"
    )
    call = "custom_extractall_tarfile(t, 'out')\n"
    head = "import tarfile\nfrom "
    cases = {
        "core/tests/test_archive.py": (f"{head}acme.archive_utils import custom_extractall_tarfile\n{call}", []),
        "core/src/acme/job.py": (f"{head}.archive_utils import custom_extractall_tarfile\n{call}", []),
        # serve/ is no ancestor of core/src: `acme` is one of the top's distributions (a monorepo)
        "serve/prepare.py": (
            f"{head}acme.archive_utils import custom_extractall_tarfile as x_extractall\nx_extractall(t)\n",
            [],
        ),
        # look-alikes: a re-export, a helper that imports no tarfile (nothing judges its call), an
        # alias of tarfile's method, a folder nothing installs, a try/except fallback
        "serve/reexport.py": (f"{head}acme import custom_extractall_tarfile\n{call}", [("B202", 3, "high")]),
        "serve/untarred.py": (f"{head}acme.untarred import custom_extractall_tarfile\n{call}", [("B202", 3, "high")]),
        "serve/alias.py": (f"{head}acme.alias import custom_extractall_tarfile\n{call}", [("B202", 3, "high")]),
        "serve/decorated.py": (f"{head}acme.decorated import custom_extractall_tarfile\n{call}", [("B202", 3, "high")]),
        "serve/scripts.py": (f"{head}tar_tools import custom_extractall_tarfile\n{call}", [("B202", 3, "high")]),
        "serve/fallback.py": (
            f"import tarfile\ntry:\n    from fastarchive import custom_extractall_tarfile\nexcept ImportError:\n"
            f"    def custom_extractall_tarfile(tar, path):\n        tar.extractall(path, filter='data')\n{call}",
            [("B202", 7, "high")],
        ),
    }
    for name, (source, _) in cases.items():
        (tmp_path / name).write_text(source)
    found = {name: graded(scan_code(tmp_path, source, name)) for name, (source, _) in cases.items()}
    assert found == {name: expected for name, (_, expected) in cases.items()}
    outside = tmp_path.parent / f"{tmp_path.name}-outside" / "vendored"  # linked from outside the project
    outside.mkdir(parents=True)
    (outside / "__init__.py").write_text(
        "import tarfile\ndef custom_extractall_tarfile(tar, path):\n    tar.extractall(path)\n"
    )
    (tmp_path / "src").symlink_to(outside.parent)
    linked = f"{head}vendored import custom_extractall_tarfile\n{call}"
    assert graded(scan_code(tmp_path, linked, "serve/linked.py")) == [("B202", 3, "high")]


def test_tar_extraction_is_low_in_a_notebook_and_high_in_a_job(tmp_path: Path) -> None:
    code = "import tarfile\nwith tarfile.open(path) as t:\n    t.extractall('data')"
    assert graded(scan_code(tmp_path, notebook(code), "nb.ipynb")) == [("MLS315", 3, "low")]
    assert graded(scan_code(tmp_path, code, "job.py")) == [("MLS315", 3, "high")]
    strict = Policy(root=tmp_path, profile="strict")
    assert graded(scan_code(tmp_path, notebook(code), "nb.ipynb", strict)) == [("MLS315", 3, "high")]


def test_a_notebook_path_built_of_its_variables_matches_the_same_text(tmp_path: Path) -> None:
    cells = (
        "import joblib\ndef prep(log_folder):\n    joblib.dump(freq, log_folder + '/freq.pkl')",
        "def train(log_folder):\n    freq = joblib.load(open(log_folder + '/freq.pkl', 'rb'))\n"
        "    other = joblib.load(open(log_folder + '/other.pkl', 'rb'))\n"
        "    url = joblib.load(download(log_folder + '/freq.pkl'))",
    )
    assert graded(scan_code(tmp_path, notebook(*cells), "nb.ipynb")) == [
        ("MLS301", 2, "low"),
        ("MLS301", 3, "high"),
        ("MLS301", 4, "high"),
    ]


def test_trust_remote_code_on_a_placeholder_repository_is_low(tmp_path: Path) -> None:
    code = (
        "from transformers import AutoModel\nfrom smolagents import load_tool\n"
        "a = AutoModel.from_pretrained('<change-username>/<change-id>', trust_remote_code=True)\n"
        "b = load_tool('{your_username}/hf-model-downloads', trust_remote_code=True)\n"
        "c = load_tool('m-ric/text-to-image', trust_remote_code=True)\n"
        "d = AutoModel.from_pretrained(f'{org}/{name}', trust_remote_code=True)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, notebook(code), "nb.ipynb")) if g[0] == "MLS307"] == [
        ("MLS307", 3, "low"),
        ("MLS307", 4, "low"),
        ("MLS307", 5, "high"),
        ("MLS307", 6, "high"),
    ]


def test_a_multi_line_notebook_command_is_low_and_eval_of_a_notebook_value_is_not(tmp_path: Path) -> None:
    cells = (
        "import subprocess\nurl = subprocess.check_output(\n    (\n        'gcloud run services describe '\n"
        "        f'{SERVICE} --project={PROJECT}'\n    ),\n    shell=True,\n)",
        "df['v'] = df['expr'].apply(lambda e: eval(e))",
    )
    assert graded(scan_code(tmp_path, notebook(*cells), "nb.ipynb")) == [("B307", 1, "medium"), ("B602", 7, "low")]


def test_a_script_loading_the_variable_path_it_saved_in_the_same_function_is_low(tmp_path: Path) -> None:
    """Training code reloads the checkpoint it just saved (`torch.save(sd, ckpt)` ... `torch.load(ckpt)`);
    a path saved in another function, loaded before it is saved, another handle's file, or an
    argv entry stays high."""
    source = (
        "import os, pickle, sys, joblib, torch\n"
        "def train(args, model):\n"
        "    ckpt = os.path.join(args.out, 'ckpt.pt')\n"
        "    torch.save(model.state_dict(), ckpt)\n"
        "    model.load_state_dict(torch.load(ckpt))\n"
        "    joblib.dump(model, os.path.join(args.out, 'm.joblib'))\n"
        "    m = joblib.load(os.path.join(args.out, 'm.joblib'))\n"
        "    with open(args.pre, 'wb') as f:\n"
        "        pickle.dump(model, f)\n"
        "    with open(args.pre, 'rb') as g:\n"
        "        return pickle.load(g)\n"
        "def serve(ckpt):\n"
        "    return torch.load(ckpt)\n"
        "def resume(ckpt):\n"
        "    state = torch.load(ckpt)\n"
        "    torch.save(state, ckpt)\n"
        "def two(a, b, model):\n"
        "    with open(a, 'wb') as f:\n"
        "        pickle.dump(model, f)\n"
        "    with open(b, 'rb') as f:\n"
        "        return pickle.load(f)\n"
        "torch.save(m, sys.argv[1])\n"
        "y = torch.load(sys.argv[1])\n"
    )
    assert graded(scan_code(tmp_path, source, "train.py")) == [
        ("B301", 11, "low"),
        ("B301", 21, "medium"),
        ("MLS301", 7, "low"),
        ("MLS306", 5, "low"),
        ("MLS306", 13, "high"),
        ("MLS306", 15, "high"),
        ("MLS306", 23, "high"),
    ]
    strict = Policy(root=tmp_path, profile="strict")
    assert ("MLS306", 5, "high") in graded(scan_code(tmp_path, source, "train.py", policy=strict))


def test_a_class_resuming_from_the_snapshot_it_saves_to_its_own_attribute_path_is_low(tmp_path: Path) -> None:
    """torchrun's elastic-training idiom: `_save_snapshot` writes `self.snapshot_path`, `__init__`
    resumes from it. A class that only loads its attribute path, or loads a path another class
    saves, stays high."""
    source = (
        "import os, torch\n"
        "class Trainer:\n"
        "    def __init__(self, snapshot_path):\n"
        "        self.snapshot_path = snapshot_path\n"
        "        if os.path.exists(snapshot_path):\n"
        "            self.model.load_state_dict(torch.load(self.snapshot_path)['MODEL'])\n"
        "    def _save_snapshot(self):\n"
        "        torch.save({'MODEL': self.model.state_dict()}, self.snapshot_path)\n"
        "class Evaluator:\n"
        "    def __init__(self, snapshot_path, weights_path):\n"
        "        self.snapshot_path = snapshot_path\n"
        "        self.state = torch.load(self.snapshot_path)\n"
        "        self.weights = torch.load(self.weights_path)\n"
    )
    loads = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source, "train.py"))]
    assert loads == [(6, "low"), (12, "high"), (13, "high")]


def test_a_path_named_output_is_not_model_output(tmp_path: Path) -> None:
    """`output_file`, `output_gcs_file`, `prediction_uri` name places; `response`, `output` and
    `answer` still hold what a model said."""
    cells = (
        "import subprocess\ndef upload(output_gcs_file):\n    output_file = 'list.txt'\n"
        "    cmd = f'bq load {output_file} {output_gcs_file}'\n    subprocess.run(cmd, shell=True)",
        "response = client.chat(prompt)\nsubprocess.run(response.text, shell=True)\neval(output)",
    )
    assert graded(scan_code(tmp_path, notebook(*cells), "nb.ipynb")) == [
        ("B602", 2, "high"),
        ("B602", 5, "low"),
        ("MLS314", 3, "high"),
    ]


def test_a_fixed_path_in_code_that_serves_nothing_is_low(tmp_path: Path) -> None:
    """A course notebook or batch job loading the repository's own `model.bin` is low; the same
    line in serving code, or a path the code downloads to, writes, names twice, an absolute path or /tmp,
    is not."""
    batch = (
        "import pickle, joblib, torch\n"
        "with open('model.bin', 'rb') as f_in:\n    dv, lr = pickle.load(f_in)\n"
        "m = joblib.load('models/lin_reg.joblib')\n"
        "t = torch.load('/data/step1.pt')\n"
        "u = torch.load('/tmp/shared.pt')\n"
        "v = torch.load('https://example.org/m.pt')\n"
        "urllib.request.urlretrieve('https://example.org/w.pt', 'w.pt')\nw = torch.load('w.pt')\n"
    )
    assert graded(scan_code(tmp_path, batch, "batch.py")) == [
        ("B108", 6, "low"),
        ("B301", 3, "low"),
        ("B310", 8, "low"),
        ("MLS301", 4, "low"),
        ("MLS306", 5, "high"),  # an absolute path is a mount or a volume, not the repository's file
        ("MLS306", 6, "high"),
        ("MLS306", 7, "high"),
        ("MLS306", 9, "high"),
        ("MLS331", 8, "high"),
    ]
    notebook_text = notebook("import torch\n!wget -q https://x.example/m.pt -O m.pt", "m = torch.load('m.pt')")
    assert graded(scan_code(tmp_path, notebook_text, "nb.ipynb")) == [("MLS306", 1, "high")]
    load = "import joblib\n{0}\nm = joblib.load('model.joblib')\n"
    for serving in (
        "from flask import Flask",
        "import fastapi",
        "def model_fn(model_dir):\n    pass",
        "class P:\n    def load(self, uri):\n        pass\n    def predict(self, x):\n        pass",
        "def init():\n    pass\ndef run(data):\n    pass",
    ):
        assert graded(scan_code(tmp_path, load.format(serving), "app.py"))[-1][2] == "high", serving
    strict = Policy(root=tmp_path, profile="strict")
    assert ("MLS301", 4, "high") in graded(scan_code(tmp_path, batch, "batch.py", policy=strict))


def test_exec_of_a_fixed_repository_file_is_low_and_of_anything_else_is_not(tmp_path: Path) -> None:
    source = (
        "from pathlib import Path\nVERSION_FILE = 'lib/version.py'\n"
        "with open(VERSION_FILE) as f:\n"
        "    exec(compile(f.read(), VERSION_FILE, 'exec'))\n"  # compiled first: the same text
        "with open('notebooks/1.develop.py') as f:\n"
        "    exec(f.read())\n"
        "exec(open('scripts/setup_env.py').read())\n"
        "exec(Path('tools/prepare.py').read_text())\n"
        "exec(open(sys.argv[1]).read())\n"  # look-alikes: a path from outside,
        "exec(open('/tmp/job.py').read())\n"  # a shared temporary folder,
        "exec(fetch_text(URL))\n"  # a download
        "exec(compile(fetch_text(URL), 'x', 'exec'))\n"  # a compiled download
        "with open(VERSION_FILE) as f:\n"  # after an exec of other text, VERSION_FILE may be anything
        "    exec(f.read())\n"
    )
    assert [(f.line, f.severity.value) for f in scan_code(tmp_path, source, "run_all.py") if f.rule_id == "B102"] == [
        (4, "low"),
        (6, "low"),
        (7, "low"),
        (8, "low"),
        (9, "medium"),
        (10, "medium"),
        (11, "medium"),
        (12, "medium"),
        (14, "medium"),
    ]


def test_trust_remote_code_for_an_mcp_server_is_consent_and_low(tmp_path: Path) -> None:
    code = (
        "from smolagents import ToolCollection, load_tool\nimport smolagents\n"
        "params = StdioServerParameters(command='uvx', args=['pubmedmcp@0.1.3'])\n"
        "with ToolCollection.from_mcp(params, trust_remote_code=True) as tools:\n    pass\n"
        "c = smolagents.ToolCollection.from_mcp({'url': 'http://127.0.0.1:8000/mcp'}, trust_remote_code=True)\n"
        "t = load_tool('m-ric/text-to-image', trust_remote_code=True)\n"  # look-alike: code from the Hub
        "h = ToolCollection.from_hub('org/collection', trust_remote_code=True)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, notebook(code), "nb.ipynb")) if g[0] == "MLS307"] == [
        ("MLS307", 4, "low"),
        ("MLS307", 6, "low"),
        ("MLS307", 7, "high"),
        ("MLS307", 8, "high"),
    ]


def test_a_path_written_through_the_codes_own_helper_is_its_own_file(tmp_path: Path) -> None:
    text = notebook(
        "import os, pickle\nfrom langchain_community.vectorstores import FAISS",
        "def dump_pickle(obj, filename):\n    with open(filename, 'wb') as f_out:\n        pickle.dump(obj, f_out)",
        "def index_docs(docs, emb, dest_embed_dir):\n    store = FAISS.from_documents(docs, emb)\n"
        "    store.save_local(folder_path=dest_embed_dir)",
        "dump_pickle(dv, os.path.join(dest_path, 'dv.pkl'))\nindex_docs(docs, emb, './data/nv_embedding')",
        "with open(os.path.join(dest_path, 'dv.pkl'), 'rb') as f:\n    dv = pickle.load(f)\n"
        "store = FAISS.load_local('./data/nv_embedding', emb, allow_dangerous_deserialization=True)",
        # look-alikes: a helper that only reads, and a path the helper was never given
        "def show(filename):\n    print(open(filename).read())",
        "show('other.pkl')\nx = pickle.load(open('other.pkl', 'rb'))\n"
        "y = FAISS.load_local(os.environ['INDEX'], emb, allow_dangerous_deserialization=True)",
    )
    graded_loads = [g for g in graded(scan_code(tmp_path, text, "nb.ipynb")) if g[0] in ("B301", "MLS313")]
    assert graded_loads == [("B301", 2, "low"), ("B301", 2, "medium"), ("MLS313", 3, "high"), ("MLS313", 3, "low")]


def test_a_helper_writing_a_path_built_of_its_parameters_writes_it_with_their_defaults(tmp_path: Path) -> None:
    # dataflowr's `check_mnist_dataset_exists(path_data='./')`, called with no argument, saves
    # `path_data + 'mnist/train.pt'`: the later load of `mnist/train.pt` is the notebook's own file.
    text = notebook(
        "import torch, os",
        "def build(path_data='./', name='train.pt'):\n"
        "    if not os.path.isfile(path_data + 'mnist/' + name):\n"
        "        torch.save(x, path_data + 'mnist/' + name)\n"
        "    return path_data",
        "_ = build()\nbuild(name='test.pt')",
        "a = torch.load('mnist/train.pt')\nb = torch.load('mnist/test.pt')",
        # look-alikes: a call passing what no one can read, a folder from outside, a rebound
        # parameter, and a helper nothing calls
        "def other(root='./'):\n    torch.save(x, root + 'other.pt')",
        "other(*parts)\nc = torch.load('other.pt')",
        "build(os.environ['DATA'], 'env.pt')\nd = torch.load('mnist/env.pt')",
        "def fetched(root='./'):\n    root = fetch_folder()\n    torch.save(x, root + 'fetched.pt')",
        "fetched()\ne = torch.load('fetched.pt')",
        "def never(root='./'):\n    torch.save(x, root + 'never.pt')",
        "g = torch.load('never.pt')",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    loads = sorted((f.cell, f.line, f.severity.value) for f in findings if f.rule_id == "MLS306")
    assert loads == [
        (4, 1, "low"),  # mnist/train.pt: build() with its defaults
        (4, 2, "low"),  # mnist/test.pt: build(name='test.pt')
        (6, 2, "high"),
        (7, 2, "high"),
        (9, 2, "high"),
        (11, 1, "high"),
    ]


_HELPER_LOAD = "import os, pickle, torch, numpy as np\n{helper}\n{call}\nstate = torch.load('/data/m.pt')\n"


@pytest.mark.parametrize(
    ("helper", "call"),
    [
        ("def build(root='/data/'):\n    torch.save(x, root + 'm.pt')", "build()"),
        (
            "def build(root):\n    with open(os.path.join(root, 'm.pt'), 'wb') as f:\n        pickle.dump(x, f)",
            "build('/data')",
        ),
        # the cache idiom: written whenever it was missing
        (
            "def build(root='/data/'):\n    if not os.path.isfile(root + 'm.pt'):\n"
            "        torch.save(x, root + 'm.pt')",
            "build()",
        ),
        (
            "def build(root='/data/'):\n    ok = os.path.exists(root + 'm.pt')\n"
            "    if ok == False:\n        torch.save(x, root + 'm.pt')",
            "build()",
        ),
    ],
)
def test_a_helper_that_always_writes_the_built_path_makes_the_load_its_own(
    tmp_path: Path, helper: str, call: str
) -> None:
    source = _HELPER_LOAD.format(helper=helper, call=call)
    assert next(g for g in graded(scan_code(tmp_path, source, "train.py")) if g[0] == "MLS306")[2] == "low"


@pytest.mark.parametrize(
    ("helper", "call"),
    [
        # red team: the argument cannot be read, and a module name of the parameter's name is no stand-in
        (
            "root = '/data/'\ndef build(model, root):\n    torch.save(model, os.path.join(root, 'm.pt'))",
            "build(x, args.out)",
        ),
        # a default is computed where the function is defined
        ("root = '/tmp/'\ndef build(root=root):\n    torch.save(x, root + 'm.pt')\nroot = '/data/'", "build()"),
        # writes that may not run
        ("def build(root='/data/', save=False):\n    if save:\n        torch.save(x, root + 'm.pt')", "build()"),
        ("def build(root='/data/'):\n    return x\n    torch.save(x, root + 'm.pt')", "build()"),
        ("def build(root='/data/'):\n    for e in range(n):\n        torch.save(x, root + 'm.pt')", "build()"),
        (
            "def build(root='/data/'):\n    try:\n        torch.save(x, root + 'm.pt')\n"
            "    except OSError:\n        pass",
            "build()",
        ),
        ("def build(root='/data/'):\n    yield torch.save(x, root + 'm.pt')", "build()"),
        ("def build(root='/data/'):\n    torch.save(x, root + 'm.pt')", "f = lambda: build()"),
        # another function of that name, a decorator, a rebinding of the parameter
        ("def build(root='/data/'):\n    torch.save(x, root + 'm.pt')\ndef build(root='/data/'):\n    pass", "build()"),
        ("@lru_cache\ndef build(root='/data/'):\n    torch.save(x, root + 'm.pt')", "build()"),
        (
            "def build(root='/data/'):\n    try:\n        pass\n    except Exception as root:\n"
            "        pass\n    torch.save(x, root + 'm.pt')",
            "build()",
        ),
        ("def build(root='/data/'):\n    root += 'x/'\n    torch.save(x, root + 'm.pt')", "build()"),
        # second red team: a guard clause, a test asking more than existence, a handle name reused
        (
            "def build(root='/data/', download=False):\n    if not download:\n        return\n"
            "    torch.save(x, root + 'm.pt')",
            "build()",
        ),
        (
            "def build(root='/data/', save=False):\n    if save and not os.path.exists(root + 'm.pt'):\n"
            "        torch.save(x, root + 'm.pt')",
            "build()",
        ),
        # numpy adds its suffix: `m.pt.npy` is written
        ("def build(root='/data/'):\n    np.save(root + 'm.pt', x)", "build()"),
    ],
)
def test_a_helper_write_that_may_not_run_or_lands_elsewhere_keeps_the_load(
    tmp_path: Path, helper: str, call: str
) -> None:
    source = _HELPER_LOAD.format(helper=helper, call=call)
    assert next(g for g in graded(scan_code(tmp_path, source, "train.py")) if g[0] == "MLS306")[2] == "high"


def test_a_helper_that_downloads_to_a_path_its_caller_names_makes_no_helper_write_known(tmp_path: Path) -> None:
    # red team: save_ckpt() writes /content/ckpt/model.pt, then download_ckpt() fetches over it
    text = notebook(
        "import torch, urllib.request",
        "def save_ckpt(root='/content/ckpt/'):\n    torch.save(model, root + 'model.pt')",
        "def download_ckpt(root='/content/ckpt/'):\n    urllib.request.urlretrieve(URL, root + 'model.pt')",
        "save_ckpt()",
        "download_ckpt()",
        "m = torch.load('/content/ckpt/model.pt')",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert [f.severity.value for f in findings if f.rule_id == "MLS306"] == ["high"]
    without_download = text.replace("download_ckpt()", "pass")
    without_download = without_download.replace("urllib.request.urlretrieve(URL, root + 'model.pt')", "print(root)")
    findings = scan_code(tmp_path, without_download, "nb.ipynb")
    assert [f.severity.value for f in findings if f.rule_id == "MLS306"] == ["low"]


def test_a_helper_call_binds_its_parameters_as_python_does() -> None:
    from hooks.code.serialisers import bound_parameters, built_writes

    tree = ast.parse(
        "def f(a, b='x', *, c='y'):\n    torch.save(o, a + b + c)\n"
        "def g(*a):\n    torch.save(o, a[0] + 'm.pt')\n"
        "def h(p):\n    torch.save(o, p)\n"
    )
    writes = built_writes(tree)
    assert list(writes) == ["f"]  # *a: positions say nothing; a bare parameter is writing_functions'
    function = writes["f"][0]

    def bound(call: str) -> dict[str, str] | None:
        found = bound_parameters(function, ast.parse(call, mode="eval").body)  # type: ignore[arg-type]
        return None if found is None else {k: ast.unparse(v) for k, v in found.items()}

    assert bound("f('r')") == {"a": "'r'", "b": "'x'", "c": "'y'"}
    assert bound("f('r', c='z')") == {"a": "'r'", "b": "'x'", "c": "'z'"}
    assert bound("f(b='q', a='r')") == {"a": "'r'", "b": "'q'", "c": "'y'"}
    assert bound("f()") is None  # `a` has no default
    assert bound("f('r', a='s')") is None  # given twice
    assert bound("f('r', 'b', 'c')") is None  # too many positional arguments
    assert bound("f(*xs)") is None and bound("f('r', **kw)") is None


def test_a_round_trip_in_memory_is_low_and_bytes_from_elsewhere_are_not(tmp_path: Path) -> None:
    source = (
        "import pickle, cloudpickle\n"
        "copy = cloudpickle.loads(cloudpickle.dumps(svc))\n"
        "blob = pickle.dumps(obj)\n"
        "same = pickle.loads(blob)\n"
        "data = pickle.dumps(obj)\n"  # a name that also holds received bytes is no round trip,
        "data = sock.recv(1024)\n"  # whichever assignment comes last
        "other = pickle.loads(data)\n"
        "theirs = cloudpickle.loads(request.data)\n"
        "wrapped = pickle.loads(zlib.decompress(pickle.dumps(obj)))\n"
        "def get(value):\n"
        "    return pickle.loads(value)\n"
        "for item in pickle.dumps(a), received:\n"
        "    pickle.loads(item)\n"
    )
    assert graded(scan_code(tmp_path, source)) == [
        ("B301", 4, "low"),
        ("B301", 7, "medium"),
        ("B301", 9, "medium"),
        ("B301", 11, "medium"),
        ("B301", 13, "medium"),
        ("MLS302", 2, "low"),
        ("MLS302", 8, "high"),
    ]
    strict = Policy(root=tmp_path, profile="strict")
    assert ("MLS302", 2, "high") in graded(scan_code(tmp_path, source, "job.py", strict))


def test_yaml_text_loaded_back_where_it_was_emitted_is_a_round_trip(tmp_path: Path) -> None:
    """detectron2's LazyConfig.save checks that the YAML it wrote loads again; an emitter given a
    stream returns None, and text read from a file is no round trip."""
    source = (
        "import yaml\n"
        "def save(cfg, filename, stream, f):\n"
        "    dumped = yaml.dump(cfg, default_flow_style=None)\n"
        "    f.write(dumped)\n"
        "    yaml.unsafe_load(dumped)\n"
        "    yaml.full_load(yaml.safe_dump(cfg))\n"
        "    streamed = yaml.dump(cfg, stream)\n"  # look-alike: written to the stream, returns None
        "    yaml.unsafe_load(streamed)\n"
        "    text = open(filename).read()\n"  # look-alike: text from a file
        "    yaml.unsafe_load(text)\n"
    )
    found = [(rule, line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "MLS305"]
    assert found == [("MLS305", 5, "low"), ("MLS305", 6, "low"), ("MLS305", 8, "high"), ("MLS305", 10, "high")]
    rebound = {
        "star": "import yaml\ntext = yaml.dump({})\nfrom plugin_settings import *\nyaml.unsafe_load(text)\n",
        "globals": "import yaml, sys\ntext = yaml.dump({})\nglobals()['text'] = input()\nyaml.unsafe_load(text)\n",
        "patched": "import yaml\nyaml.dump = lambda *a, **k: open('x').read()\nyaml.unsafe_load(yaml.dump({}))\n",
        "setattr": "import yaml\nsetattr(yaml, 'dump', input)\ntext = yaml.dump({})\nyaml.unsafe_load(text)\n",
        "from_import": "from yaml import dump, unsafe_load\ndump = lambda *a: input()\nunsafe_load(dump({}))\n",
        "representer": "import yaml\nyaml.add_representer(str, rep)\nyaml.unsafe_load(yaml.dump({'a': input()}))\n",
        "exec": "import yaml\ntext = yaml.dump({})\nexec('text = input()')\nyaml.unsafe_load(text)\n",
    }
    for name, text in rebound.items():
        severities = [severity for rule, _, severity in graded(scan_code(tmp_path, text)) if rule == "MLS305"]
        assert severities == ["high"], name


def test_a_closure_loading_bytes_its_enclosing_function_dumped_is_a_round_trip(tmp_path: Path) -> None:
    source = (
        "import dill\n"
        "def run(transformation, received):\n"
        "    blob = None\n"
        "    if callable(transformation):\n"
        "        blob = dill.dumps(transformation)\n"
        "    def apply(batch):\n"
        "        if blob:\n"
        "            return dill.loads(blob)(batch)\n"
        "    other = None\n"
        "    if received:\n"
        "        other = received.payload\n"  # look-alike: None or bytes from elsewhere
        "    def apply_other(batch):\n"
        "        return dill.loads(other)(batch)\n"
        "    unset = None\n"  # look-alike: only None is known, nothing was dumped
        "    def apply_unset(batch):\n"
        "        return dill.loads(unset)(batch)\n"
        "    swapped = dill.dumps(transformation)\n"  # look-alike: a sibling closure stores received
        "    def take(message):\n"  # bytes into it through `nonlocal`
        "        nonlocal swapped\n"
        "        swapped = message.body\n"
        "    def apply_swapped(batch):\n"
        "        return dill.loads(swapped)(batch)\n"
        "    return apply, apply_other, apply_unset, take, apply_swapped\n"
    )
    assert [g for g in graded(scan_code(tmp_path, source)) if g[0] == "B301"] == [
        ("B301", 8, "low"),
        ("B301", 13, "medium"),
        ("B301", 16, "medium"),
        ("B301", 22, "medium"),
    ]
    # An import or a def also binds a name; only a None written in the code is "not set yet"
    imported = (
        "import pickle\n"
        "def restore(default):\n"
        "    from inbox import latest as blob\n"
        "    if blob is None:\n"
        "        blob = pickle.dumps(default)\n"
        "    return pickle.loads(blob)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, imported, "imported.py")) if g[0] == "B301"] == [
        ("B301", 6, "medium")
    ]


def test_unsafe_yaml_loads_take_the_same_context_as_other_deserialising_loads(tmp_path: Path) -> None:
    # A project that holds PyYAML before 5.4, where FullLoader still builds objects (test_pyyaml_releases.py).
    (tmp_path / "requirements.txt").write_text("pyyaml==5.3.1\n")
    source = (
        "import yaml\n"
        "with open('config.yaml') as f:\n"
        "    cfg = yaml.load(f, Loader=yaml.FullLoader)\n"
        "with open(args.config) as f:\n"
        "    given = yaml.load(f)\n"
        "remote = yaml.load(requests.get(URL).text, Loader=yaml.Loader)\n"
        "full = yaml.full_load(open('pipeline.yaml'))\n"
    )
    mls305 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "MLS305"]
    assert mls305 == [(3, "low"), (5, "high"), (6, "high"), (7, "low")]
    serving = source + "from flask import Flask\napp = Flask(__name__)\n"
    assert {s for r, _, s in graded(scan_code(tmp_path, serving, "serve.py")) if r == "MLS305"} == {"high"}


def test_a_repository_folder_reached_with_dots_or_a_trailing_slash_is_the_repositorys(tmp_path: Path) -> None:
    """`FAISS.load_local('./faiss-index/langchain/')` and `'../faiss-index/'` from a workshop's
    folder name a folder of the checkout; `../` past the checkout's root names somewhere else."""
    source = (
        "from langchain_community.vectorstores import FAISS\n"
        "a = FAISS.load_local('./faiss-index/langchain/', emb, allow_dangerous_deserialization=True)\n"
        "b = FAISS.load_local('../shared-index/', emb, allow_dangerous_deserialization=True)\n"
        "c = FAISS.load_local('../../../outside/', emb, allow_dangerous_deserialization=True)\n"
    )
    (tmp_path / "workshops" / "l200").mkdir(parents=True)
    assert graded(scan_code(tmp_path, source, "workshops/l200/chat.py")) == [
        ("MLS313", 2, "low"),
        ("MLS313", 3, "low"),
        ("MLS313", 4, "high"),  # climbs out of the checkout
    ]
    assert graded(scan_code(tmp_path, source.replace("../shared", "../../shared"), "chat.py"))[1] == (
        "MLS313",
        3,
        "high",
    )  # from the root, `../` is outside


def test_the_same_repository_path_loaded_in_several_cells_is_still_the_repositorys(tmp_path: Path) -> None:
    load = "vs = FAISS.load_local('./faiss-index/', emb, allow_dangerous_deserialization=True)"
    text = notebook("from langchain_community.vectorstores import FAISS", load, load, load)
    assert {severity for _, _, severity in graded(scan_code(tmp_path, text, "chat.ipynb"))} == {"low"}
    fetched = notebook(
        "from langchain_community.vectorstores import FAISS",
        "!aws s3 cp --recursive s3://bucket/index ./faiss-index/",
        load,
        load,
    )
    assert {severity for _, _, severity in graded(scan_code(tmp_path, fetched, "chat.ipynb"))} == {"high"}


def test_a_notebook_helper_loading_what_its_callers_pass_is_low_when_every_call_passes_an_own_file(
    tmp_path: Path,
) -> None:
    helper = "def load_checkpoint(filepath):\n    checkpoint = torch.load(filepath)\n    return checkpoint"
    text = notebook(
        "import torch",
        "torch.save(model.state_dict(), 'checkpoint.pth')",
        helper,
        "model = load_checkpoint('checkpoint.pth')",
    )
    assert [(rule, severity) for rule, _, severity in graded(scan_code(tmp_path, text, "nb.ipynb"))] == [
        ("MLS306", "low")
    ]
    look_alikes = [
        notebook("import torch", helper, "m = load_checkpoint('downloaded.pth')"),  # never written here
        notebook("import torch", helper, "m = load_checkpoint('/mnt/shared/downloaded.pth')"),
        notebook("import torch", "!wget -q -O got.pth $URL", helper, "m = load_checkpoint('got.pth')"),
        notebook("import torch", helper, "m = load_checkpoint('c.pth')", "torch.save(m, 'c.pth')"),  # read first
        notebook("import torch", "torch.save(m, 'c.pth')", helper, "m = load_checkpoint(path)"),  # a variable
        notebook(
            "import torch", "torch.save(m, 'c.pth')", helper, "m = load_checkpoint('c.pth')", "f = load_checkpoint"
        ),
    ]
    for look_alike in look_alikes:
        severities = {s for rule, _, s in graded(scan_code(tmp_path, look_alike, "nb.ipynb")) if rule == "MLS306"}
        assert severities == {"high"}, look_alike


def test_a_scripts_load_helper_keeps_its_severity_even_for_files_beside_it(tmp_path: Path) -> None:
    """Another file may import a script's helper and pass anything (`from predict import load`
    in a sibling app, `spec_from_file_location`, `python -c`, an installed `py_modules` entry):
    only a notebook's cells are known to be all of a helper's callers."""
    (tmp_path / "dv.bin").write_bytes(b"\x80\x04K\x01.")
    script = (
        "import pickle\ndef load(filename):\n    with open(filename, 'rb') as f_in:\n"
        "        return pickle.load(f_in)\ndv = load('dv.bin')\n"
    )
    assert graded(scan_code(tmp_path, script, "q3_test.py")) == [("B301", 4, "medium")]


def test_a_notebook_helper_reading_its_parameters_handle_is_judged_like_one_reading_the_path(tmp_path: Path) -> None:
    helper = "def load_prep(filepath):\n    with open(filepath, 'rb') as f:\n        return pickle.load(f)"
    text = notebook(
        "import pickle",
        "with open('prep.pkl', 'wb') as f:\n    pickle.dump(prep, f)",
        helper,
        "p = load_prep('prep.pkl')",
    )
    assert [(rule, s) for rule, _, s in graded(scan_code(tmp_path, text, "nb.ipynb"))] == [("B301", "low")]
    other = notebook("import pickle", helper, "p = load_prep('downloaded.pkl')")
    assert [(rule, s) for rule, _, s in graded(scan_code(tmp_path, other, "nb.ipynb"))] == [("B301", "medium")]


def test_another_load_of_the_same_file_does_not_keep_a_notebook_helpers_load_high(tmp_path: Path) -> None:
    """The course shape: save, load directly, save a checkpoint, then load it through a helper.
    Loads only read the file; a download or copy naming it would replace it."""
    helper = "def load_checkpoint(filepath):\n    return torch.load(filepath)"
    cells = [
        "import torch",
        "torch.save(model.state_dict(), 'checkpoint.pth')",
        "state_dict = torch.load('checkpoint.pth')",
        "torch.save(checkpoint, 'checkpoint.pth')",
        helper,
        "model = load_checkpoint('checkpoint.pth')",
    ]
    assert {s for _, _, s in graded(scan_code(tmp_path, notebook(*cells), "nb.ipynb"))} == {"low"}
    downloaded = notebook(*cells[:4], "!wget -O checkpoint.pth https://example.com/c.pth", *cells[4:])
    assert ("MLS306", "high") in {(r, s) for r, _, s in graded(scan_code(tmp_path, downloaded, "nb.ipynb"))}
    # A helper named like a load: its call is one text, counted once, so a rename onto the file
    # (no download, no copy: only its text tells) still keeps the load high.
    named = "def load_model(path):\n    return torch.load(path)"
    renamed = notebook(
        "import torch, os", "torch.save(m, 'm.pth')", "os.rename(t, 'm.pth')", named, "x = load_model('m.pth')"
    )
    assert ("MLS306", "high") in {(r, s) for r, _, s in graded(scan_code(tmp_path, renamed, "nb.ipynb"))}
    own = notebook("import torch", "torch.save(m, 'm.pth')", named, "x = load_model('m.pth')")
    assert {s for _, _, s in graded(scan_code(tmp_path, own, "nb.ipynb"))} == {"low"}


def test_exec_of_a_file_found_beside_the_script_through_dunder_file_is_the_repositorys(tmp_path: Path) -> None:
    """setup.py reading `__version__` from the package's version file, found from `__file__`."""
    source = (
        "import os\nfrom pathlib import Path\n"
        "root = os.path.abspath(os.path.join(os.path.dirname(__file__), '../..'))\n"
        "namespace = {}\n"
        "with open(os.path.join(root, 'inference', 'core', 'version.py')) as f:\n"
        "    exec(f.read(), namespace)\n"
        "exec((Path(__file__).resolve().parent / 'about.py').read_text())\n"
        "exec(open(os.path.join(os.path.dirname(__file__), '../../../../etc/x.py')).read())\n"  # above the checkout
        "exec(open(os.path.join(os.path.expanduser('~'), 'v.py')).read())\n"  # a home folder
    )
    (tmp_path / ".release" / "pypi").mkdir(parents=True)
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, source, ".release/pypi/setup.py")]
    assert [f for f in found if f[0] in (6, 7, 8, 9)] == [(6, "low"), (7, "low"), (8, "medium"), (9, "medium")]
    fetched = (
        "import os, urllib.request\n"
        "target = os.path.join(os.path.dirname(__file__), 'plugin.py')\n"
        "urllib.request.urlretrieve(URL, os.path.join(os.path.dirname(__file__), 'plugin.py'))\n"
        "exec(open(target).read())\n"
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, fetched, ".release/pypi/update.py")]
    assert (4, "medium") in found  # the same name is a download's target: not only the repository's


def test_a_fetch_under_a_name_no_text_spells_keeps_helper_loads_and_exec_high(tmp_path: Path) -> None:
    helper = "def load_checkpoint(filepath):\n    return torch.load(filepath)"
    synced = notebook(
        "import torch",
        "torch.save(m, 'checkpoint.pth')",
        helper,
        "!aws s3 sync s3://bucket/run .",
        "m = load_checkpoint('checkpoint.pth')",
    )
    assert {s for rule, _, s in graded(scan_code(tmp_path, synced, "nb.ipynb")) if rule == "MLS306"} == {"high"}
    fetched = (
        "import os, urllib.request\n"
        "here = os.path.dirname(__file__)\n"
        "urllib.request.urlretrieve(URL, os.path.join(here, 'plugin' + '.py'))\n"
        "exec(open(os.path.join(here, 'plugin.py')).read())\n"
    )
    (tmp_path / "tools").mkdir(exist_ok=True)
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, fetched, "tools/update.py") if f.rule_id == "B102"]
    assert found == [(4, "medium")]


def test_a_save_helper_given_a_folder_and_a_file_name_writes_their_join(tmp_path: Path) -> None:
    """`utils.save_model(model=m, target_dir="models", model_name=p)` writes models/<p>: loading it
    later in the notebook reads its own file. A download helper with the same keywords does not."""
    text = notebook(
        "import torch\nfrom going_modular import utils\npath = 'effnet.pth'",
        "utils.save_model(model=m, target_dir='models', model_name=path)",
        "m.load_state_dict(torch.load('models/effnet.pth'))",
        "utils.download_model(target_dir='models', model_name='vit.pth')\nv = torch.load('models/vit.pth')",
        "utils.save_from_url(url=U, target_dir='models', model_name='a.pth')\na = torch.load('models/a.pth')",
        "utils.save_remote(U, save_dir='models', filename='b.pth')\nb = torch.load('models/b.pth')",
        "utils.save_model('https://x.example/m.pth', target_dir='models', model_name='c.pth')\n"
        "c = torch.load('models/c.pth')",
    )
    found = {f.cell: f for f in scan_code(tmp_path, text, "nb.ipynb")}
    assert found[3].severity.value == "low" and "wrote itself" in found[3].message
    assert [found[cell].severity.value for cell in (4, 5, 6, 7)] == ["high"] * 4


def test_a_download_over_the_written_path_makes_the_load_someone_elses(tmp_path: Path) -> None:
    """`torch.save(m, p)`, then `!wget -O p URL` (or `urlretrieve(URL, p)`), then `torch.load(p)`
    reads the download: high. Saving again after the download makes it the notebook's own again."""
    for download in ("!wget -O models/x.pt https://x.example/x.pt", "urllib.request.urlretrieve(URL, 'models/x.pt')"):
        text = notebook(
            "import torch, urllib.request",
            "torch.save(m, 'models/x.pt')",
            download,
            "a = torch.load('models/x.pt')",
            "torch.save(m, 'models/x.pt')\nb = torch.load('models/x.pt')",
        )
        found = sorted(
            (f.cell, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"
        )
        assert found == [(4, "high"), (5, "low")], download


def test_a_zenml_materializers_load_reads_its_own_artifact(tmp_path: Path) -> None:
    """ZenML calls a materializer's load() with an artifact its save() wrote to the pipeline's
    artifact store: low. The same class without zenml, a non-materializer class, or another
    method of the materializer keep the severity."""
    source = (
        "import os, pickle, torch\n"
        "from zenml.materializers.base_materializer import BaseMaterializer\n"
        "class PolicyMaterializer(BaseMaterializer):\n"
        "    def load(self, data_type):\n"
        "        with open(os.path.join(self.uri, 'p.pkl'), 'rb') as f:\n"
        "            return pickle.load(f)\n"
        "    def _load_weights(self):\n"
        "        return torch.load(os.path.join(self.uri, 'w.pt'))\n"
        "    def fetch(self, path):\n"
        "        return torch.load(path)\n"
        "class Loader:\n"
        "    def load(self, path):\n"
        "        return torch.load(path)\n"
    )
    found = [(f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, source, "materializer.py")]
    assert ("B301", 6, "low") in found and ("MLS306", 8, "low") in found
    assert ("MLS306", 10, "high") in found and ("MLS306", 13, "high") in found
    fetched = (
        "import pickle, requests, torch\n"
        "from zenml.materializers.base_materializer import BaseMaterializer\n"
        "class M(BaseMaterializer):\n"
        "    def load(self, data_type):\n"
        "        url = open(self.uri + '/url').read()\n"
        "        return pickle.loads(requests.get(url).content)\n"
        "    def load_path(self, path):\n"
        "        return torch.load(path)\n"
    )
    found = [(f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, fetched, "materializer.py")]
    assert ("B301", 6, "medium") in found and ("MLS306", 8, "high") in found
    without_zenml = source.replace("from zenml.materializers.base_materializer import", "from mylib import")
    found = [(f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, without_zenml, "materializer.py")]
    assert ("MLS306", 8, "high") in found


def test_a_fixed_file_the_code_may_fetch_first_is_not_its_own(tmp_path: Path) -> None:
    """An HTTP client's response or `git pull` may write the file under a name no text spells."""
    run = "with open('plugins/latest.py') as f:\n    exec(compile(f.read(), '<x>', 'exec'))\n"
    for fetch in (
        "import requests\nr = requests.get(URL)\nopen('plugins/' + name, 'wb').write(r.content)\n",
        "import subprocess\nsubprocess.run(['git', 'pull'])\n",
        "import urllib.request\ndata = urllib.request.urlopen(URL).read()\n",
    ):
        found = [f.severity.value for f in scan_code(tmp_path, fetch + run, "update.py") if f.rule_id == "B102"]
        assert found == ["medium"], fetch


def test_only_a_local_open_reads_a_fixed_path_of_the_repository(tmp_path: Path) -> None:
    source = (
        "import pickle, gzip, lzma, zipfile, s3fs\nfrom pathlib import Path\n"
        "a = pickle.load(open('models/a.pkl', 'rb'))\n"
        "b = pickle.load(gzip.open('models/b.pkl.gz'))\n"
        "c = pickle.load(Path('models/c.pkl').open('rb'))\n"
        # look-alikes: an archive's member, a bucket's file, a raw LZMA stream no header announces
        "d = pickle.load(zipfile.ZipFile('assets.zip').open('README.md'))\n"
        "fs = s3fs.S3FileSystem()\n"
        "e = pickle.load(fs.open('models/e.pkl', 'rb'))\n"
        "f = pickle.load(lzma.open('vocab.dat', format=lzma.FORMAT_RAW, filters=FILTERS))\n"
    )
    found = graded(scan_code(tmp_path, source, "batch.py"))
    assert [(line, level) for rule, line, level in found if rule == "B301"] == [
        (3, "low"),
        (4, "low"),
        (5, "low"),
        (6, "medium"),
        (8, "medium"),
        (9, "medium"),
    ]


# A service with an admin route that puts a model file in place and a route that loads it.
UPLOAD_APP = (
    "import pickle, flask, shutil\nfrom flask import Flask, request\n"
    "MODEL_PATH = 'model.pkl'\napp = Flask('m')\n"
    "@app.route('/admin/model', methods=['PUT'])\n"
    "def upload():\n"
    "    {save}\n"
    "    return 'ok'\n"
    "@app.route('/predict', methods=['POST'])\n"
    "def predict():\n"
    "    model = pickle.load(open(MODEL_PATH, 'rb'))\n"
    "    return str(model.predict(request.get_json()))\n"
)


def test_a_file_a_client_uploaded_is_not_the_scripts_own_write(tmp_path: Path) -> None:
    app = UPLOAD_APP
    uploads = [
        "request.files['model'].save(MODEL_PATH)",
        "request.files.get('model').save(MODEL_PATH)",
        "f = request.files['model']; f.save(MODEL_PATH)",
    ]
    for save in uploads:
        found = graded(scan_code(tmp_path, app.format(save=save), "serve.py"))
        assert ("B301", 11, "medium") in found, save
    # Look-alike: the service pickles its own object to that path and reads it back.
    own = "pickle.dump(build_model(), open(MODEL_PATH, 'wb'))"
    assert ("B301", 11, "low") in graded(scan_code(tmp_path, app.format(save=own), "serve.py"))


def test_a_fixed_path_other_downloaders_write_is_not_the_repositorys(tmp_path: Path) -> None:
    base = "import joblib\nMODEL_PATH = 'model.pkl'\n{fetch}\nmodel = joblib.load(MODEL_PATH)\n"
    fetchers = [
        "Minio(HOST).fget_object('models', 'prod/latest', MODEL_PATH)",
        "mlflow.artifacts.download_artifacts(artifact_uri='models:/prod/1', dst_path='.')",
        "torch.hub.download_url_to_file(MODEL_URL, MODEL_PATH)",
        "pooch.retrieve(MODEL_URL, known_hash=None, fname=MODEL_PATH, path='.')",
    ]
    for fetch in fetchers:
        found = graded(scan_code(tmp_path, base.format(fetch=fetch), "batch.py"))
        assert ("MLS301", 4, "high") in found, fetch
    # Look-alike: a script that only checks the file is there before loading it.
    check = "assert os.path.exists(MODEL_PATH)"
    assert ("MLS301", 4, "low") in graded(scan_code(tmp_path, base.format(fetch=check), "batch.py"))


def test_a_load_from_inside_a_file_or_a_shelf_is_not_the_repositorys_file(tmp_path: Path) -> None:
    source = (
        "import pickle, shelve\n"
        "with open('models/a.pkl', 'rb') as f:\n"
        "    a = pickle.load(f)\n"  # the file as the artifact hook reads it
        "g = open('assets/logo.png', 'rb')\n"
        "g.seek(64)\n"
        "b = pickle.load(g)\n"  # bytes from inside another file
        "db = shelve.open('cache', flag='r')\n"  # reads cache.db / cache.dat, not 'cache'
    )
    found = graded(scan_code(tmp_path, source, "batch.py"))
    assert [(line, level) for rule, line, level in found if rule == "B301"] == [
        (3, "low"),
        (6, "medium"),
        (7, "medium"),
    ]


def test_uploads_handed_to_a_writer_or_reached_through_flask_are_the_clients(tmp_path: Path) -> None:
    app = UPLOAD_APP
    for save in (
        "flask.request.files['model'].save(MODEL_PATH)",
        "default_storage.save(MODEL_PATH, request.FILES['model'])",  # Django's storage
        "shutil.copyfileobj(flask.request.stream, open(MODEL_PATH, 'wb'))",
    ):
        assert ("B301", 11, "medium") in graded(scan_code(tmp_path, app.format(save=save), "serve.py")), save


def test_a_rebound_open_or_raw_lzma_options_do_not_read_a_local_file(tmp_path: Path) -> None:
    base = "import pickle, lzma\n{bind}\nm = pickle.load({opener})\n"
    cases = [
        ("open = s3fs.S3FileSystem().open", "open('models/m.pkl', 'rb')"),
        ("from smart_open import open", "open('models/m.pkl', 'rb')"),
        ("RAW = {'format': lzma.FORMAT_RAW}", "lzma.open('vocab.dat', **RAW)"),
    ]
    for bind, opener in cases:
        found = graded(scan_code(tmp_path, base.format(bind=bind, opener=opener), "batch.py"))
        assert ("B301", 3, "medium") in found, bind
    plain = graded(scan_code(tmp_path, base.format(bind="", opener="open('models/m.pkl', 'rb')"), "batch.py"))
    assert ("B301", 3, "low") in plain


def test_a_name_built_of_constants_or_a_synced_folder_is_a_download_target(tmp_path: Path) -> None:
    base = "import joblib, requests, subprocess, boto3\n{fetch}\nmodel = joblib.load('model.pkl')\n"
    fetchers = [
        "open('model' + '.pkl', 'wb').write(requests.get(URL).content)",
        "boto3.client('s3').download_file(BUCKET, KEY, f\"{'model'}.pkl\")",
        "subprocess.run(['aws', 's3', 'sync', 's3://bucket/models', '.'])",
    ]
    for fetch in fetchers:
        assert ("MLS301", 3, "high") in graded(scan_code(tmp_path, base.format(fetch=fetch), "batch.py")), fetch
    # Look-alike: the code downloads something else, under another name.
    other = "open('data' + '.csv', 'wb').write(requests.get(URL).content)"
    assert ("MLS301", 3, "low") in graded(scan_code(tmp_path, base.format(fetch=other), "batch.py"))


def test_a_script_reloading_in_test_mode_what_its_main_block_dumps_in_train_mode(tmp_path: Path) -> None:
    # The folder is a constant of the `if __name__ == "__main__":` block, and another function
    # of the file binds the same handle name `f` to a parameter's file: the write is still this one.
    source = (
        "import pickle\n\n"
        "def restore(name):\n    with open(name, 'rb') as f:\n        return pickle.load(f)\n\n"
        "if __name__ == '__main__':\n"
        "    models_folder = 'trader_models'\n"
        "    if mode == 'test':\n"
        "        with open(f'{models_folder}/scaler.pkl', 'rb') as f:\n            scaler = pickle.load(f)\n"
        "    if mode == 'train':\n"
        "        with open(f'{models_folder}/scaler.pkl', 'wb') as f:\n            pickle.dump(scaler, f)\n"
    )
    assert graded(scan_code(tmp_path, source, "trader.py")) == [("B301", 5, "medium"), ("B301", 11, "low")]


def test_look_alikes_of_the_main_block_and_of_a_rebound_handle_stay_high(tmp_path: Path) -> None:
    # Not the main guard: `if __name__ != "__main__"`, and a constant bound in a function only.
    guarded = (
        "import pickle\n\n"
        "if __name__ != '__main__':\n    folder = 'models'\n"
        "with open(f'{folder}/s.pkl', 'rb') as f:\n    s = pickle.load(f)\n"
        "with open(f'{folder}/s.pkl', 'wb') as f:\n    pickle.dump(s, f)\n"
    )
    assert graded(scan_code(tmp_path, guarded, "a.py")) == [("B301", 6, "medium")]
    # The handle the dump writes through was rebound to another file just before it.
    rebound = (
        "import pickle\n\n"
        "with open('models/s.pkl', 'rb') as f:\n    s = pickle.load(f)\n"
        "with open('models/s.pkl', 'wb') as f:\n    pass\n"
        "with open('models/other.pkl', 'wb') as f:\n    pickle.dump(s, f)\n"
    )
    assert graded(scan_code(tmp_path, rebound, "b.py")) == [("B301", 4, "medium")]


def test_an_existence_check_or_a_read_open_of_the_same_path_does_not_make_it_someone_elses(tmp_path: Path) -> None:
    source = (
        "import os, pickle\nfrom pathlib import Path\n\n"
        "if not os.path.exists('user2movie.json') or not Path('user2movie.json').is_file():\n"
        "    import preprocess2dict\n\n"
        "with open('user2movie.json', 'rb') as f:\n    user2movie = pickle.load(f)\n"
        "print(os.path.getsize('user2movie.json'), open('user2movie.json').read(1))\n"
    )
    assert graded(scan_code(tmp_path, source, "itembased.py")) == [("B301", 8, "low")]


def test_a_download_or_an_open_in_an_unknown_mode_of_the_same_path_still_blocks(tmp_path: Path) -> None:
    downloaded = (
        "import os, pickle, urllib.request\n\n"
        "if not os.path.exists('user2movie.json'):\n"
        "    urllib.request.urlretrieve(URL, 'user2movie.json')\n"
        "with open('user2movie.json', 'rb') as f:\n    user2movie = pickle.load(f)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, downloaded, "a.py")) if g[0] == "B301"] == [("B301", 6, "medium")]
    unknown_mode = (
        "import pickle\n\nwith open('user2movie.json', mode) as out:\n    out.write(blob)\n"
        "with open('user2movie.json', 'rb') as f:\n    user2movie = pickle.load(f)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, unknown_mode, "b.py")) if g[0] == "B301"] == [("B301", 6, "medium")]


def test_red_team_a_main_block_download_or_override_keeps_the_load_blocking(tmp_path: Path) -> None:
    downloaded = (
        "import os, pickle, boto3\n\n"
        "def train(clf, path):\n    pickle.dump(clf, open(path, 'wb'))\n\n"
        "if __name__ == '__main__':\n"
        "    MODEL = 'model.pkl'\n"
        "    if not os.path.exists(MODEL):\n"
        "        boto3.client('s3').download_file('shared-models', 'team/model.pkl', MODEL)\n"
        "    with open(MODEL, 'rb') as f:\n        clf = pickle.load(f)\n"
        "    train(clf, MODEL)\n"
    )
    assert [g for g in graded(scan_code(tmp_path, downloaded, "run.py")) if g[0] == "B301"] == [("B301", 11, "medium")]
    overridden = (
        "import pickle\n\n"
        "def predict(x):\n    with open(MODEL_PATH, 'rb') as f:\n        return pickle.load(f).predict(x)\n\n"
        "def save(m):\n    with open(MODEL_PATH, 'wb') as f:\n        pickle.dump(m, f)\n\n"
        "if __name__ == '__main__':\n"
        "    MODEL_PATH = 'model.pkl'\n"
        "    if args.model:\n        MODEL_PATH = args.model\n"
    )
    assert [g for g in graded(scan_code(tmp_path, overridden, "predict.py")) if g[0] == "B301"] == [
        ("B301", 5, "medium")
    ]


def test_red_team_a_fetch_when_missing_or_a_parameter_named_like_a_constant_keeps_the_load_blocking(
    tmp_path: Path,
) -> None:
    # The existence check is a naming when the code fetches anything: gdown picks the file's name.
    fetched = (
        "import os, joblib, gdown\n\n"
        "if not os.path.exists('model.pkl'):\n    gdown.download('https://drive.google.com/uc?id=1AbC', quiet=False)\n"
        "model = joblib.load('model.pkl')\n"
    )
    assert graded(scan_code(tmp_path, fetched, "a.py")) == [("MLS301", 5, "high")]
    # A parameter holds what the caller passes, whatever constant shares its name.
    for where in ("top", "main"):
        constant = "model_path = 'model.joblib'\n"
        source = (
            "import sys, joblib\n\n"
            + (constant if where == "top" else "")
            + "def predict(model_path, rows):\n    return joblib.load(model_path).predict(rows)\n\n"
            + "if __name__ == '__main__':\n"
            + ("    " + constant if where == "main" else "")
            + "    print(predict(sys.argv[1], [[1, 2]]))\n"
        )
        assert [g for g in graded(scan_code(tmp_path, source, f"{where}.py")) if g[0] == "MLS301"] == [
            ("MLS301", 5 if where == "top" else 4, "high")
        ], where


def test_a_main_block_constant_of_a_module_that_writes_its_names_another_way_is_not_taken(tmp_path: Path) -> None:
    source = (
        "import sys, joblib\n\n"
        "def run():\n    return joblib.load(MODEL)\n\n"
        "def save(m):\n    joblib.dump(m, MODEL)\n\n"
        "if __name__ == '__main__':\n"
        "    MODEL = 'model.joblib'\n"
        "    for arg in sys.argv[1:]:\n        globals().update(MODEL=arg)\n"
        "    run()\n"
    )
    assert [g for g in graded(scan_code(tmp_path, source, "run.py")) if g[0] == "MLS301"] == [("MLS301", 4, "high")]


def test_a_file_replaced_by_a_copy_or_move_after_the_code_wrote_it_is_not_its_own(tmp_path: Path) -> None:
    """Red team (stop 39): `torch.save` then `!cp /content/x.pth m.pth` (or `shutil.copy`,
    `os.replace`, `mv` into a folder) puts someone else's bytes where the code's file was."""
    text = notebook(
        "import os, shutil, torch\ntorch.save(net.state_dict(), 'm.pth')\ntorch.save(net, 'models/x.pth')\n"
        "torch.save(a, 'a.pth')\ntorch.save(b, 'b.pth')",
        "!wget -q -O /content/x.pth https://example.org/x.pth\n!cp /content/x.pth m.pth",
        "!mv /content/x.pth models/",
        "shutil.copy(downloaded, 'a.pth')\nos.replace(tmp_file, 'b.pth')",
        "m = torch.load('m.pth')\nx = torch.load('models/x.pth')\na = torch.load('a.pth')\nb = torch.load('b.pth')",
    )
    found = [(f.cell, f.line, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == [(5, 1, "high"), (5, 2, "high"), (5, 3, "high"), (5, 4, "high")]


def test_a_copy_of_the_codes_own_file_without_a_new_write_stays_its_own(tmp_path: Path) -> None:
    """`shutil.copy`/`copy2`/`move` as well as `copyfile`: the source's bytes are the code's."""
    text = notebook(
        "import shutil, torch\ntorch.save(net, 'best.pth')\ntorch.save(net, 'final.pth')\n"
        "torch.save(net, 'moved.pth')\nshutil.copy('best.pth', 'final.pth')\nshutil.move('best.pth', 'moved.pth')",
        "f = torch.load('final.pth')\nm = torch.load('moved.pth')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["low", "low"]


def test_a_copy_of_the_codes_own_file_or_a_write_after_the_copy_stays_its_own(tmp_path: Path) -> None:
    text = notebook(
        "import shutil, torch\ntorch.save(net, 'best.pth')\nshutil.copy('best.pth', 'final.pth')\n"
        "torch.save(net, 'final.pth')",
        "!cp /content/old.pth ckpt.pth",
        "torch.save(net, 'ckpt.pth')",  # written again after the copy: the code's bytes
        "f = torch.load('final.pth')\nc = torch.load('ckpt.pth')",
    )
    found = [(f.cell, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == [(4, "low"), (4, "low")]
    script = (
        "import shutil, torch\n\ndef train(net):\n    torch.save(net, 'm.pth')\n\n"
        "def fetch(src):\n    shutil.copy(src, 'm.pth')\n\ndef predict():\n    return torch.load('m.pth')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["high"]


def test_a_fetch_given_the_codes_file_or_its_folder_replaces_it(tmp_path: Path) -> None:
    """Red team (stop 39): a cloud download, a Hub snapshot into the folder, or HTTP content
    written over the file after the code saved it: someone else's bytes."""
    text = notebook(
        "import requests, torch\nfrom huggingface_hub import snapshot_download\n"
        "torch.save(a, 'a.pth')\ntorch.save(b, 'ckpt/b.pth')\ntorch.save(c, 'c.pth')\ntorch.save(d, 'd.pth')",
        "blob.download_to_filename('a.pth')\nsnapshot_download('org/m', local_dir='ckpt')\n"
        "open('c.pth', 'wb').write(requests.get(URL).content)\n"
        "with open('d.pth', 'wb') as f:\n    shutil.copyfileobj(response.raw, f)",
        "a = torch.load('a.pth')\nb = torch.load('ckpt/b.pth')\nc = torch.load('c.pth')\nd = torch.load('d.pth')",
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == [(1, "high"), (2, "high"), (3, "high"), (4, "high")]


def test_calls_that_only_look_like_fetches_leave_the_codes_file_its_own(tmp_path: Path) -> None:
    """Red team 3 (stop 39): `df.copy()`, a bucket name, `get_object`, `urljoin`, a Hub download to
    its cache and `tar -czf` write nothing over the file the code saved."""
    text = notebook(
        "import pickle, torch, urllib.parse\ncfg = defaults.copy()\nX = df.copy()\n"
        "torch.save(net, 'models/m.pt')\npickle.dump(\n    pipe, open('pipe.pkl', 'wb')\n)",
        "client.fget_object('models', 'eval/data.csv', 'data.csv')\ns3.get_object(Bucket='models', Key='k')\n"
        "u = urllib.parse.urljoin(SERVER, 'm.pt')\np = hf_hub_download(repo_id='org/m', filename='m.pt')\n"
        "!tar -czf out.tgz models",
        "m = torch.load('models/m.pt')\npipe = pickle.load(open('pipe.pkl', 'rb'))",
    )
    found = [
        (f.rule_id, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id in ("MLS306", "B301")
    ]
    assert found == [("MLS306", "low"), ("B301", "low")]
    script = (
        "import torch\ncfg = defaults.copy()\n\ndef train(model):\n    with open('ckpt.pt', 'wb') as f:\n"
        "        torch.save(model.state_dict(), f)\n\ndef resume():\n    return torch.load('ckpt.pt')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["low"]


def test_shell_copies_into_a_folder_or_an_unpacked_archive_replace_its_files(tmp_path: Path) -> None:
    text = notebook(
        "import torch\ntorch.save(a, 'ckpts/a.pt')\ntorch.save(b, 'b.pt')\ntorch.save(c, 'w/c.pt')\n"
        "torch.save(d, 'd.pt')",
        "!cp -r /content/drive/MyDrive/ckpts .\n!gsutil cp gs://bucket/b.pt .\n!unzip -o weights.zip -d w",
        "a = torch.load('ckpts/a.pt')\nb = torch.load('b.pt')\nc = torch.load('w/c.pt')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["high", "high", "high"]


def test_a_pathlib_move_a_link_or_a_started_command_over_the_codes_file_is_not_its_own(tmp_path: Path) -> None:
    """Red team (stop 39): `Path(x).replace("m.pt")`, `os.symlink`, and copies or downloads the code
    starts as a program (`os.system("cp ...")`, `subprocess.run(["wget", "-O", ...])`) put someone
    else's bytes where the code's file was, as `shutil` and `!cp` do."""
    text = notebook(
        "import os, subprocess, torch\nfrom pathlib import Path\n"
        + "".join(f"torch.save(net, '{n}.pt')\n" for n in "abcdefg"),
        "Path('/content/x.pt').replace('a.pt')\nPath('/content/x.pt').rename('b.pt')\n"
        "Path('c.pt').symlink_to('/content/x.pt')\nos.symlink('/content/x.pt', 'd.pt')\n"
        "os.system('cp /content/x.pt e.pt')\nsubprocess.run(['wget', '-q', '-O', 'f.pt', url])\n"
        "subprocess.run(f'gsutil cp {bucket}/g.pt g.pt', shell=True)",
        "".join(f"{n} = torch.load('{n}.pt')\n" for n in "abcdefg"),
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == [(line, "high") for line in range(1, 8)]
    script = (
        "import os, torch\n\ndef predict():\n    return torch.load('m.pt')\n\n"
        "def train(net):\n    torch.save(net, 'm.pt')\n\ndef fetch():\n    os.system('cp /mnt/shared/m.pt m.pt')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["high"]


def test_output_redirected_over_the_codes_file_is_not_its_own(tmp_path: Path) -> None:
    """`cat parts > m.pt`, a program's output redirected over a file the code saved: someone else's
    bytes; its errors (`2> m.log`) or a device (`> /dev/null`) are not."""
    text = notebook(
        "import torch\ntorch.save(net, 'a.pt')\ntorch.save(net, 'b.pt')",
        # `nvidia-smi`, not `python train.py`: a script started there may write b.pt (test_started_code.py)
        "!cat /content/part1 /content/part2 > a.pt\n!nvidia-smi 2> b.pt.log > /dev/null",
        "a = torch.load('a.pt')\nb = torch.load('b.pt')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["high", "low"]
    # `>|` (noclobber's override) in a script's shell command; its errors only (`2>|`) are not.
    for redirection, severity in ((">|", "high"), ("2>|", "low")):
        script = (
            "import subprocess, torch\n\ndef fetch():\n    torch.save({}, 'm.pt')\n"
            f"    subprocess.run('curl -sL https://example.org/m.pt {redirection} m.pt', shell=True)\n"
            "    return torch.load('m.pt')\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"]
        assert found == [severity], redirection


def test_a_working_folder_changed_after_the_save_makes_a_relative_load_another_file(tmp_path: Path) -> None:
    """`%cd d`, `cd ..` (automagic) or `os.chdir(d)` between the save and the load: the relative
    path names a file in the other folder; an absolute path, or a change before the save, does not."""
    for change in ("%cd /content/other", "cd ..", "import os\nos.chdir('/content/other')"):
        text = notebook(
            "import torch\ntorch.save(net, 'm.pt')\ntorch.save(net, '/content/abs.pt')",
            change,
            "m = torch.load('m.pt')\na = torch.load('/content/abs.pt')",
        )
        found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == ["high", "low"], change
    before = notebook("%cd /content/run", "import torch\ntorch.save(net, 'm.pt')", "m = torch.load('m.pt')")
    assert [f.severity.value for f in scan_code(tmp_path, before, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"]
    # Red team (stop 41): back in the same folder, a save made by a function (run after the
    # change, for all the notebook shows) or a change inside a function leave the file its own.
    for cells in (
        (
            "%cd /content/drive/proj",
            "import torch\ntorch.save(net, 'm.pt')",
            "%cd /content/drive/proj",
            "m = torch.load('m.pt')",
        ),
        ("import torch\ntorch.save(net, 'm.pt')", "%cd sub\n!ls\n%cd ..", "m = torch.load('m.pt')"),
        (
            "import torch\ndef save(n):\n    torch.save(n, 'm.pt')",
            "%cd /content/drive/proj",
            "save(net)",
            "m = torch.load('m.pt')",
        ),
        ("import os, torch\ntorch.save(net, 'm.pt')", "def go(d):\n    os.chdir(d)", "m = torch.load('m.pt')"),
    ):
        text = notebook(*cells)
        assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"], (
            cells
        )
    script = "import os, torch\nos.chdir(os.path.dirname(__file__))\ntorch.save(net, 'm.pt')\nm = torch.load('m.pt')\n"
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["low"]


def test_a_scripts_module_level_statements_change_folder_in_order(tmp_path: Path) -> None:
    """A script's module-level statements run in order, as a notebook's cells do: `os.chdir` between
    a module-level save and load makes the load read another file; a change inside a function (run
    when called), or made before the save, or undone, does not."""

    def severities(script: str) -> list[str]:
        return [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"]

    assert severities("import os, torch\ntorch.save(net, 'm.pt')\nos.chdir('..')\nm = torch.load('m.pt')\n") == ["high"]
    main = "import os, torch\nif __name__ == '__main__':\n    torch.save(net, 'm.pt')\n    os.chdir('/data')\n"
    assert severities(main + "    m = torch.load('m.pt')\n") == ["high"]
    for script in (
        "import os, torch\ntorch.save(net, 'm.pt')\ndef go():\n    os.chdir('..')\nm = torch.load('m.pt')\n",
        "import os, torch\nos.chdir('out')\ntorch.save(net, 'm.pt')\nm = torch.load('m.pt')\n",
        "import os, torch\ntorch.save(net, 'm.pt')\nos.chdir('sub')\nos.chdir('..')\nm = torch.load('m.pt')\n",
    ):
        assert severities(script) == ["low"], script


def test_the_older_magic_call_changes_folder_as_cd_does(tmp_path: Path) -> None:
    for change, expected in (
        ("get_ipython().magic('cd ..')", "high"),
        ("get_ipython().magic('%cd -q /content/other')", "high"),
        ("get_ipython().magic(line)", "high"),  # a line not known: a folder not known
        ("get_ipython().magic('cd .')", "low"),
        ("get_ipython().magic('time x = 1')", "low"),
    ):
        text = notebook("import torch\ntorch.save(net, 'm.pt')", change, "m = torch.load('m.pt')")
        found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == [expected], change


def test_pushd_popd_and_a_chdir_block_change_the_working_folder(tmp_path: Path) -> None:
    """`%pushd d` (and automagic `pushd d`) changes folder as `%cd` does; `%popd` goes back to a
    folder the stack holds, followed as one not known. `with contextlib.chdir(d):` changes it for
    the block's lines only (red-team leftovers of stop 41)."""
    save = "import torch, contextlib\nfrom contextlib import chdir\ntorch.save(net, 'm.pt')"
    moved = (
        (save, "%pushd /content/drive/shared", "m = torch.load('m.pt')"),
        (save, "pushd /content/drive/shared", "m = torch.load('m.pt')"),
        (save, "%pushd /content/drive/shared\n%popd", "m = torch.load('m.pt')"),  # back: not followed
        (save, "with contextlib.chdir('/content/drive/shared'):\n    m = torch.load('m.pt')"),
        (save, "with chdir('/content/drive/shared'):\n    m = torch.load('m.pt')"),
        # Red team (stop 42): `..` of a folder not known is not known either; a change made in the
        # `with` line itself; a folder with NUL (no folder has one); an exported notebook's pushd.
        (save, "%pushd data", "%popd", "%cd ..", "m = torch.load('m.pt')"),
        (save, "import os\nwith chdir(os.environ['WORK']):\n    os.chdir('..')\n    m = torch.load('m.pt')"),
        (save, "import os\nwith chdir(os.chdir('elsewhere') or 'logs'):\n    print(1)", "m = torch.load('m.pt')"),
        (save, "%cd sub", "%cd \u0000.", "m = torch.load('m.pt')"),
        (save, "get_ipython().run_line_magic('pushd', 'data')", "m = torch.load('m.pt')"),
        (save, "with chdir('/content/x'): m = torch.load('m.pt')"),  # a one-line block
        # Red team (stop 42): nested blocks or two in one `with` leave inner first; a call in
        # another item of the `with` line may change the folder first.
        (
            "%cd runs",
            save,
            "%cd ..",
            "with chdir('runs'):\n    with chdir('logs'):\n        print(1)",
            "m = torch.load('m.pt')",
        ),
        ("%cd x", save, "%cd ..", "with chdir('x'), chdir('y'):\n    pass", "m = torch.load('m.pt')"),
        (
            save,
            "import os\nwith open(os.chdir('sub') or 'log.txt') as f, chdir('x'):\n    pass",
            "m = torch.load('m.pt')",
        ),
        # a notebook helper's load, called after the folder changed (red team of stop 42)
        (save, "def load_checkpoint(p):\n    return torch.load(p)", "%cd ..", "m = load_checkpoint('m.pt')"),
    )
    for cells in moved:
        found = [f.severity.value for f in scan_code(tmp_path, notebook(*cells), "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == ["high"], cells
    # Look-alikes: after the block the folder is the one before it; inside it, a file saved there.
    kept = (
        (save, "with contextlib.chdir('/content/drive/shared'):\n    print(1)", "m = torch.load('m.pt')"),
        (
            "import torch, contextlib",
            "with contextlib.chdir('/content/x'):\n    torch.save(net, 'n.pt')\n    m = torch.load('n.pt')",
        ),
        (save, "with contextlib.chdir('.'):\n    m = torch.load('m.pt')"),
        (save, "def load_checkpoint(p):\n    return torch.load(p)", "m = load_checkpoint('m.pt')"),
        # a block in a folder not known returns to it: a save there and a load after the block
        (
            "import torch, contextlib, os\nos.chdir(os.environ['WORK'])\ntorch.save(net, 'm.pt')",
            "with contextlib.chdir('/tmp/x'):\n    print(1)",
            "m = torch.load('m.pt')",
        ),
        (save, "def go():\n    with contextlib.chdir('/tmp'):\n        pass", "m = torch.load('m.pt')"),
    )
    for cells in kept:
        found = [f.severity.value for f in scan_code(tmp_path, notebook(*cells), "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == ["low"], cells


def test_past_a_thousand_folder_changes_loads_are_taken_as_moved(tmp_path: Path) -> None:
    """Each load replays the notebook's folder changes: a generated notebook of thousands took
    minutes (red team of stop 42). Past 1,000 changes the rest are not followed, and a load after
    them keeps its severity, whatever folder it is in."""
    save = "import torch\ntorch.save(net, 'm.pt')"
    few = notebook(save, *["%cd ."] * 10, "m = torch.load('m.pt')")
    many = notebook(save, *["%cd ."] * 1_001, "m = torch.load('m.pt')")
    assert [f.severity.value for f in scan_code(tmp_path, few, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"]
    assert [f.severity.value for f in scan_code(tmp_path, many, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]


def test_a_one_line_shell_alias_or_cd_cell_is_a_magic_not_unparseable_python(tmp_path: Path) -> None:
    text = notebook("import torch\ntorch.save(net, 'm.pt')", "cp /tmp/x.pt m.pt", "m = torch.load('m.pt')")
    found = [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb")]
    assert found == [("MLS306", "high")]
    kept = notebook("import torch\ntorch.save(net, 'm.pt')", "cd = 3", "m = torch.load('m.pt')")
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, kept, "nb.ipynb")] == [("MLS306", "low")]


def test_a_hub_download_into_the_codes_folder_replaces_its_files(tmp_path: Path) -> None:
    text = notebook(
        "import torch\ntorch.save(net, 'ckpt/m.pt')\ntorch.save(net, 'out/o.pt')",
        "!huggingface-cli download someone/model --local-dir ckpt\n!huggingface-cli download someone/model",
        "m = torch.load('ckpt/m.pt')\no = torch.load('out/o.pt')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["high", "low"]


def test_a_scripts_wrapper_started_command_over_its_file_is_seen_in_any_order(tmp_path: Path) -> None:
    script = (
        "import subprocess, torch\n\ndef predict():\n    return torch.load('m.pt')\n\n"
        "def train(net):\n    torch.save(net, 'm.pt')\n\n"
        "def fetch():\n    sh('cp /mnt/shared/m.pt m.pt')\n\n"
        "def sh(cmd):\n    subprocess.run(cmd, shell=True, check=True)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["high"]


def test_a_scripts_command_held_in_a_variable_is_read_in_its_own_function(tmp_path: Path) -> None:
    """`cmd = ["cp", src, "m.pt"]` then `subprocess.run(cmd)` in one function of a script puts other
    bytes at m.pt; the same name bound in another function says nothing about this one's call."""
    script = (
        "import subprocess, torch\n\ndef predict():\n    return torch.load('m.pt')\n\n"
        "def train(net):\n    torch.save(net, 'm.pt')\n\n"
        "def fetch():\n    cmd = ['cp', '/mnt/shared/m.pt', 'm.pt']\n    subprocess.run(cmd, check=True)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["high"]
    other = (
        "import subprocess, torch\n\ndef predict():\n    return torch.load('m.pt')\n\n"
        "def train(net):\n    torch.save(net, 'm.pt')\n\n"
        "def plan():\n    cmd = ['cp', '/mnt/shared/m.pt', 'm.pt']\n    return cmd\n\n"
        "def show(cmd):\n    subprocess.run(cmd, check=True)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, other, "job.py") if f.rule_id == "MLS306"] == ["low"]


def test_calls_that_only_look_like_pathlib_moves_or_commands_leave_the_codes_file_its_own(tmp_path: Path) -> None:
    """`df.replace({...})`, `name.replace(a, b)`, `df.rename(columns=...)`, a move of the code's own
    file, and commands that copy the code's file elsewhere or only list it write nothing over it."""
    text = notebook(
        "import os, subprocess, torch\nfrom pathlib import Path\ntorch.save(net, 'tmp.pt')\n"
        "torch.save(net, 'm.pt')\ntorch.save(net, 'a.pt')\ntorch.save(net, 'b.pt')",
        "df = df.replace({'a': 1})\nname = 'a.pt'.replace('a', 'b')\ndf = df.rename(columns={'x': 'b.pt'})\n"
        "Path('tmp.pt').replace('m.pt')\nos.system('cp a.pt /backup/a.pt')\nsubprocess.run(['ls', '-l', 'b.pt'])",
        "m = torch.load('m.pt')\na = torch.load('a.pt')\nb = torch.load('b.pt')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["low", "low", "low"]


def test_a_shell_copy_of_the_codes_own_file_or_of_other_files_beside_it_leaves_it_its_own(tmp_path: Path) -> None:
    """Red team (stop 40): `cp best.pt model.pt` after saving best.pt copies the code's bytes; `cp
    configs/train.yaml out/` writes out/train.yaml only; 70 such copies are still followed one by one."""
    text = notebook(
        "import torch\ntorch.save(net, 'best.pt')\ntorch.save(net, 'model.pt')\ntorch.save(net, 'out/m.pt')",
        "!cp best.pt model.pt\n!cp configs/train.yaml out/ > /dev/null 2>&1",
        "m = torch.load('model.pt')\no = torch.load('out/m.pt')",
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["low", "low"]
    copies = "".join(f"    os.system('cp configs/c{n}.yaml runs/c{n}/')\n" for n in range(70))
    script = (
        "import os, torch\n\ndef train(net):\n    torch.save(net, 'model.pt')\n\n"
        f"def configs():\n{copies}\ndef predict():\n    return torch.load('model.pt')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["low"]


def test_downloads_with_option_clusters_and_remote_names_replace_the_codes_file(tmp_path: Path) -> None:
    """Red team (stop 40): `curl -sLo`, `curl -LO`, `wget -qO`, `wget -P`, and a copy whose
    redirections follow its operands all write the file the loads read."""
    text = notebook(
        "import torch\n"
        + "".join(f"torch.save(net, '{n}')\n" for n in ("a.pt", "b.pt", "c.pt", "models/d.pt", "e.pt")),
        "!curl -sLo a.pt https://example.org/x.pt\n!curl -LO https://example.org/w/b.pt\n"
        "!wget -qO c.pt https://example.org/x.pt\n!wget -P models https://example.org/w/d.pt\n"
        "!cp /content/x.pt e.pt > /dev/null 2>&1",
        "".join(f"x = torch.load('{n}')\n" for n in ("a.pt", "b.pt", "c.pt", "models/d.pt", "e.pt")),
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
    assert found == ["high"] * 5


def test_a_functions_own_variable_path_replaced_before_its_load_is_not_its_own(tmp_path: Path) -> None:
    """Red team (stop 40): inside one function, `torch.save(m, path)` then `Path(args.init).replace(path)`
    (or `urlretrieve(url, path)`, `shutil.copy(src, path)`) then `torch.load(path)` reads other bytes."""
    for placing in (
        "Path(args.init).replace(path)",
        "urllib.request.urlretrieve(args.url, path)",
        "shutil.copy(args.init, path)",
        "os.symlink(args.init, path)",
    ):
        script = (
            "import os, shutil, torch, urllib.request\nfrom pathlib import Path\n\n"
            "def main(args, m):\n    path = os.path.join(args.out, 'model.pt')\n    torch.save(m, path)\n"
            f"    {placing}\n    return torch.load(path)\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, script, "train.py") if f.rule_id == "MLS306"]
        assert found == ["high"], placing
    # Look-alike: the same function copying its own file elsewhere, or replacing another path.
    script = (
        "import os, shutil, torch\nfrom pathlib import Path\n\n"
        "def main(args, m):\n    path = os.path.join(args.out, 'model.pt')\n    torch.save(m, path)\n"
        "    shutil.copy(path, args.backup)\n    Path(args.tmp).replace(args.other)\n    return torch.load(path)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "train.py") if f.rule_id == "MLS306"] == ["low"]


def test_folders_copied_linked_or_moved_over_the_codes_folder_and_copies_of_replaced_files(tmp_path: Path) -> None:
    """Red team 2 (stop 40): `cp -r`/`ln -s`/`mv` of a folder to the code's folder name, a recursive
    cloud copy of a prefix, a brace pattern, and a copy of the code's file after a download replaced
    it all place other bytes; so do downloads written through a redirection and `curl -OL`."""
    cells = (
        "!cp -r /content/drive/MyDrive/proj/checkpoints checkpoints",
        "!ln -s /content/drive/MyDrive/checkpoints checkpoints",
        "!mv /content/downloaded_ckpts checkpoints",
        "!aws s3 cp --recursive s3://b/run42/checkpoints/ checkpoints/",
        "!cp /content/drive/MyDrive/run3/{best,last}.pt checkpoints/",
        "!cp /content/drive/MyDrive/best.pt checkpoints/best.pt.bak\n"
        "!cp /content/drive/MyDrive/x.pt checkpoints/best.pt\n!cp checkpoints/best.pt checkpoints/m.pt",
        "!wget -qO- https://example.org/best.pt > checkpoints/best.pt",
        "!curl -L https://example.org/best.pt > checkpoints/best.pt",
        "!curl -OL --output-dir checkpoints https://example.org/best.pt",
    )
    for cell in cells:
        load = "torch.load('checkpoints/m.pt')" if "m.pt" in cell else "torch.load('checkpoints/best.pt')"
        text = notebook(
            "import torch\ntorch.save(net, 'checkpoints/best.pt')\ntorch.save(net, 'checkpoints/m.pt')", cell, load
        )
        found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == ["high"], cell


def test_a_functions_copies_of_its_own_files_stay_its_own_but_commands_and_links_over_them_do_not(
    tmp_path: Path,
) -> None:
    """Red team 2 (stop 40): `shutil.copyfile(last, best)` and `os.replace(tmp, path)` after the
    function saved `last`/`tmp` keep the bytes its own; `subprocess.run(["cp", args.init, path])`,
    `os.system(f"wget -O {path} {url}")` and `path.symlink_to(args.init)` do not."""
    own = (
        "import os, shutil, torch\n\ndef train(args, m):\n    last = os.path.join(args.out, 'last.pt')\n"
        "    best = os.path.join(args.out, 'best.pt')\n    torch.save(m, best)\n    torch.save(m, last)\n"
        "    shutil.copyfile(last, best)\n    tmp = best + '.tmp'\n    torch.save(m, tmp)\n"
        "    os.replace(tmp, best)\n    return torch.load(best)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, own, "train.py") if f.rule_id == "MLS306"] == ["low"]
    for placing in (
        "subprocess.run(['cp', args.init, path])",
        "os.system(f'wget -q -O {path} {args.url}')",
        "path.symlink_to(args.init)",
    ):
        script = (
            "import os, subprocess, torch\nfrom pathlib import Path\n\n"
            "def main(args, m):\n    path = Path(args.out) / 'model.pt'\n    torch.save(m, path)\n"
            f"    {placing}\n    return torch.load(path)\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, script, "train.py") if f.rule_id == "MLS306"]
        assert found == ["high"], placing


def test_a_script_that_unpacks_data_or_moves_its_own_temporary_file_keeps_its_model_its_own(tmp_path: Path) -> None:
    """Red team 3 (stop 40): a script's started `unzip`/`tar x` (judged where the archive is read,
    as `ZipFile.extractall()` is), `cp {tmp} {out}` between a function's own paths, and an atomic
    `Path("tmp.pt").replace("model.pt")` after saving tmp.pt leave the model the script's own."""
    for body in (
        "    os.system('tar xzf data.tgz')\n",
        "    subprocess.run(['unzip', '-q', 'data.zip'])\n",
        "    get_ipython().system('wget -q https://example.org/d.zip && unzip -q d.zip')\n",
    ):
        script = (
            "import os, subprocess, torch\n\ndef data():\n" + body + "\n"
            "def train(net):\n    torch.save(net, 'model.pt')\n\ndef evaluate():\n    return torch.load('model.pt')\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"]
        assert found == ["low"], body
    own = (
        "import os, subprocess, torch\nfrom pathlib import Path\n\n"
        "def train(args, net):\n    tmp_path = os.path.join(args.out, 'tmp.pt')\n"
        "    out_path = os.path.join(args.out, 'model.pt')\n    torch.save(net, out_path)\n"
        "    torch.save(net, tmp_path)\n    subprocess.run(['cp', tmp_path, out_path])\n"
        "    return torch.load(out_path)\n\n"
        "def atomic(net):\n    torch.save(net, 'model2.pt')\n    torch.save(net, 'tmp.pt')\n"
        "    Path('tmp.pt').replace('model2.pt')\n    return torch.load('model2.pt')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, own, "job.py") if f.rule_id == "MLS306"] == ["low", "low"]


def test_links_read_their_source_at_the_load_from_the_links_folder(tmp_path: Path) -> None:
    """Red team 3 (stop 40): a link to the code's file whose source is replaced after the link, a
    relative symlink read from the link's folder, a copy after `cd`, and a cloud copy followed by
    an option's value all place other bytes."""
    cells = (
        "!ln -sf best.pt model.pt\n!cp /tmp/evil.pt best.pt",
        "!ln best.pt model.pt\n!cp /tmp/evil.pt best.pt",
        "os.symlink('best.pt', 'model.pt')\n!cp /tmp/evil.pt best.pt",
        "!wget -O models/best.pt https://example.org/x.pt\n!ln -sf best.pt models/model.pt",
        "!cd /tmp/incoming && cp best.pt /content/model.pt",
        "!aws s3 cp s3://other/model.pt model.pt --region us-east-1",
    )
    for cell in cells:
        path = (
            "models/model.pt"
            if "models/model.pt" in cell
            else "/content/model.pt"
            if "/content" in cell
            else "model.pt"
        )
        saves = "torch.save(net, 'best.pt')\ntorch.save(net, 'models/best.pt')\n"
        text = notebook(
            f"import os, torch\n{saves}torch.save(net, '{path}')",
            cell,
            f"m = torch.load('{path}')",
        )
        found = [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"]
        assert found == ["high"], cell
    # Look-alike: a link to the code's own file that nothing replaces stays its own.
    text = notebook(
        "import torch\ntorch.save(net, 'best.pt')\ntorch.save(net, 'model.pt')",
        "!ln -sf best.pt model.pt",
        "m = torch.load('model.pt')",
    )
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"]


@pytest.mark.parametrize(
    "rebinding",
    [
        "OUT: str = sys.argv[1]",
        "OUT, n = sys.argv[1], 2",
        "[*_, OUT] = sys.argv",
        "for OUT in sys.argv[1:]:\n    pass",
        "OUT += '.bak'",
        "(OUT := sys.argv[1])",
        "import OUT",
        "from config import OUT",
        "from config import *",
        "def OUT():\n    pass",
        "try:\n    pass\nexcept Exception as OUT:\n    pass",
        "match sys.argv:\n    case [_, OUT]:\n        pass",
        "globals()['OUT'] = sys.argv[1]",
        "globals()[name] = sys.argv[1]",
        "globals().update(OUT=sys.argv[1])",
        "setattr(sys.modules[__name__], 'OUT', sys.argv[1])",
        "exec(open(sys.argv[1]).read())",
        "del OUT",
    ],
)
def test_a_path_name_rebound_between_the_save_and_the_load_is_not_followed(tmp_path: Path, rebinding: str) -> None:
    """The saved path's name bound again in a way the value is not followed: the load may read
    anything, so it keeps its severity; another name rebound changes nothing."""
    cells = ("import sys, torch\nOUT = '../out/w.bin'", "torch.save(m, OUT)")
    rebound = notebook(*cells, rebinding, "m = torch.load(OUT)")
    severities = [f.severity.value for f in scan_code(tmp_path, rebound, "nb.ipynb") if f.rule_id == "MLS306"]
    assert severities == ["high"], rebinding
    other = notebook(*cells, rebinding.replace("OUT", "OTHER"), "m = torch.load(OUT)")
    severities = [f.severity.value for f in scan_code(tmp_path, other, "nb.ipynb") if f.rule_id == "MLS306"]
    unseen = rebinding.startswith(("from config import *", "globals()[name]", "globals().update", "setattr", "exec"))
    assert severities == ["high" if unseen else "low"], rebinding


def test_a_function_reading_a_path_name_the_module_binds_twice_is_not_followed(tmp_path: Path) -> None:
    """A function runs when it is called, perhaps after a later binding of the name: in a notebook
    (`def f(): torch.load(OUT)` then `OUT = sys.argv[1]` then `f()`) and in a script's
    `__main__` block. A name bound once, or only inside the function, is still followed."""
    cells = ("import sys, torch\nOUT = '../out/w.bin'", "torch.save(m, OUT)", "def f():\n    return torch.load(OUT)")
    later = notebook(*cells, "OUT = sys.argv[1]", "f()")
    assert [f.severity.value for f in scan_code(tmp_path, later, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]
    declared = notebook(*cells, "def g():\n    global OUT\n    OUT = sys.argv[1]", "g()\nf()")
    assert [f.severity.value for f in scan_code(tmp_path, declared, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]
    once = notebook(*cells, "f()")
    assert [f.severity.value for f in scan_code(tmp_path, once, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"]
    script = (
        "import sys, torch\nOUT = '../out/w.bin'\ndef save(m):\n    torch.save(m, OUT)\n"
        "def load():\n    return torch.load(OUT)\nif __name__ == '__main__':\n    OUT = sys.argv[1]\n    load()\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script, "job.py") if f.rule_id == "MLS306"] == ["high"]
    assert [
        f.severity.value
        for f in scan_code(tmp_path, script.replace("    OUT = sys.argv[1]\n", ""), "job.py")
        if f.rule_id == "MLS306"
    ] == ["low"]


@pytest.mark.parametrize(
    "between",
    [
        "!gh release download v1 -D ../out",
        "!dd if=/mnt/x of=../out/w.bin",
        "!hdfs dfs -get /x/w.bin ../out/w.bin",
        "!mlflow artifacts download -u runs:/x/w.bin -d ../out",
        "!wandb artifact get e/p/a:v0 --root ../out",
        "!pip download -d ../out x",
        "!sftp host:/w.bin ../out/",
        "!python -m tools.fetch --out ../out",
        "fs = fsspec.filesystem('s3')\nfs.get('s3://b/w.bin', '../out/w.bin')",
        "git.Repo.clone_from(url, '../out')",
        "torch.hub.load_state_dict_from_url(u, model_dir='../out', file_name='w.bin')",
        "open('../out/w.bin', 'wb').write(sys.stdin.buffer.read())",
        "with open('../out/w.bin', 'wb') as f:\n    f.write(blob)",
        "Path('../out/w.bin').write_bytes(blob)",
        "with open('../out/w.bin', 'wb') as f:\n    shutil.copyfileobj(response.raw, f)",
        "!python train.py",  # a script may write the file without being handed it (test_started_code.py)
    ],
)
def test_other_bytes_put_over_the_saved_file_keep_the_load_high(tmp_path: Path, between: str) -> None:
    """Between the notebook's own save and its load, a program or call that is handed the file or
    its folder (a download tool the placements do not model, a call given a remote address and a
    local path, bytes written by hand) may have replaced it."""
    cells = ("import sys, shutil, torch, fsspec, git\nfrom pathlib import Path", "torch.save(m, '../out/w.bin')")
    text = notebook(*cells, between, "m = torch.load('../out/w.bin')")
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]


@pytest.mark.parametrize(
    "between",
    [
        "!ls -la ../out",
        "!du -sh ../out/w.bin",
        "!pip install -q torch==2.3.1",
        "!gh release download v1 -D ../other",
        "fs.get('s3://b/x.bin', '../other/x.bin')",
        "open('../out/log.txt', 'w').write('done')",
        "print(open('../out/w.bin', 'rb').read(4))",
    ],
)
def test_reading_listing_or_writing_elsewhere_keeps_the_saved_file_its_own(tmp_path: Path, between: str) -> None:
    cells = ("import torch", "torch.save(m, '../out/w.bin')")
    text = notebook(*cells, between, "m = torch.load('../out/w.bin')")
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == ["low"]


@pytest.mark.parametrize(
    "rebinding",
    [
        "P = sys.argv[1]",
        "for P in sys.argv:\n    pass",
        "P += '.bak'",
        "(P := sys.argv[1])",
        "from cfg import P",
        "globals()['P'] = sys.argv[1]",
        "exec(text)",
    ],
)
def test_a_script_rebinding_the_saved_variable_path_keeps_the_load_high(tmp_path: Path, rebinding: str) -> None:
    """In a script the variable path is followed within one scope: a binding of its name between
    the write and the load (or a call that may bind any name) ends that, at module level and in a
    function; a module name a function reads that the module binds twice is not followed."""
    top = f"import sys, torch\nP = make_path()\ntorch.save(m, P)\n{rebinding}\nm = torch.load(P)\n"
    assert [f.severity.value for f in scan_code(tmp_path, top, "job.py") if f.rule_id == "MLS306"] == ["high"]
    body = "\n".join(
        "    " + line for line in f"P = make_path()\ntorch.save(m, P)\n{rebinding}\nreturn torch.load(P)".split("\n")
    )
    inside = f"import sys, torch\ndef run(m, text):\n{body}\n"
    assert [f.severity.value for f in scan_code(tmp_path, inside, "job.py") if f.rule_id == "MLS306"] == ["high"]
    kept = "import sys, torch\nP = make_path()\ntorch.save(m, P)\nm = torch.load(P)\n"
    assert [f.severity.value for f in scan_code(tmp_path, kept, "job.py") if f.rule_id == "MLS306"] == ["low"]
    twice = (
        "import sys, torch\nP = make_path()\ndef run(m):\n    torch.save(m, P)\n    return torch.load(P)\nP = other()\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, twice, "job.py") if f.rule_id == "MLS306"] == ["high"]


@pytest.mark.parametrize(
    ("between", "severity"),
    [
        ("!cp /tmp/evil {P}", "high"),
        ("!cp /tmp/evil $P", "high"),
        ("!mytool get x ${P}", "high"),
        ("!ls -la {P}", "low"),  # only lists it
        ("!cp /tmp/evil {OTHER}", "low"),  # another name
    ],
)
def test_a_notebook_shell_line_handed_the_saved_path_by_interpolation(
    tmp_path: Path, between: str, severity: str
) -> None:
    text = notebook("import torch\nP = '../out/w.bin'", "torch.save(m, P)", between, "m = torch.load(P)")
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == [severity]


@pytest.mark.parametrize(
    ("between", "severity"),
    [
        # IPython fills a name bound once to a literal into the line: the line writes that file.
        ("target = 'm.pkl'\n!wget -q -O {target} https://x.example/m.pkl", "high"),
        ("target = 'm.pkl'\n!curl -sL https://x.example/m.pkl -o $target", "high"),
        ("target = 'm.pkl'\n!cp /tmp/evil.pkl {target}", "high"),
        # Look-alikes: another file, a name bound twice (its value at the line is not known), a
        # name never bound, the name only read by the line.
        ("target = 'data.csv'\n!wget -q -O {target} https://x.example/data.csv", "low"),
        ("target = 'other.pkl'\ntarget = 'x.pkl'\n!wget -q -O {target} https://x.example/m.pkl", "low"),
        ("!wget -q -O {unknown_name} https://x.example/m.pkl", "low"),
        ("target = 'm.pkl'\n!ls -la {target}", "low"),
    ],
)
def test_a_notebook_shell_line_given_another_name_holding_the_saved_path(
    tmp_path: Path, between: str, severity: str
) -> None:
    text = notebook("import joblib", "joblib.dump(m, 'm.pkl')", between, "m = joblib.load('m.pkl')")
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS301"] == [severity]


def test_more_local_paths_beside_a_remote_address_than_followed_may_be_any_file(tmp_path: Path) -> None:
    decoys = ", ".join(f"'d{n}/x'" for n in range(17))
    text = notebook(
        "import torch, fsspec\nU = 's3://b/w.bin'",
        "torch.save(m, '../out/w.bin')",
        f"fs.get('s3://b/w', {decoys})",
        "m = torch.load('../out/w.bin')",
    )
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]
    held = notebook(
        "import torch, fsspec\nU = 's3://b/w.bin'",
        "torch.save(m, '../out/w.bin')",
        "fs.get(U, '../out/w.bin')",
        "m = torch.load('../out/w.bin')",
    )
    assert [f.severity.value for f in scan_code(tmp_path, held, "nb.ipynb") if f.rule_id == "MLS306"] == ["high"]


def test_a_global_written_in_one_function_is_not_a_parameter_of_the_same_name_in_another(tmp_path: Path) -> None:
    """A module name a function declares global may hold anything when another function runs; a
    parameter that happens to share its name is the caller's value, not the file written."""
    text = notebook(
        "import faiss\nfrom langchain_community.vectorstores import FAISS\nname = 'vdb'",
        "def build(chunks):\n    global store, name\n"
        "    store = FAISS.from_documents(chunks, emb)\n    store.save_local(name)",
        "def load(name):\n    return FAISS.load_local(name, emb, allow_dangerous_deserialization=True)",
    )
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS313"] == ["high"]


_OWN_SCRIPT = (
    "import joblib, sys\nP = 'model.pkl'\n\ndef train(clf):\n    joblib.dump(clf, P)\n\n"
    "def predict(x):\n    return joblib.load(P)\n"
)


@pytest.mark.parametrize(
    "rebinding",
    [
        "sys.modules[__name__].P = sys.argv[1]",
        "mod = sys.modules[__name__]\nsetattr(mod, 'P', sys.argv[1])",
        "setattr(sys.modules.get(__name__), 'P', sys.argv[1])",
        "import __main__\n__main__.P = sys.argv[1]",
        "import importlib\nimportlib.import_module(__name__).P = sys.argv[1]",
        "setattr(sys.modules[__name__], sys.argv[2], sys.argv[1])",  # any name
    ],
)
def test_a_constant_rebound_through_the_module_object_is_no_constant(tmp_path: Path, rebinding: str) -> None:
    # Functions run in any order: after the rebinding, P names whatever the caller gave.
    script = _OWN_SCRIPT + f"\nif __name__ == '__main__':\n    {rebinding.replace(chr(10), chr(10) + '    ')}\n"
    assert [f.severity.value for f in scan_code(tmp_path, script) if f.rule_id == "MLS301"] == ["high"], rebinding


@pytest.mark.parametrize(
    "lookalike",
    ["self.P = sys.argv[1]", "cfg.P = sys.argv[1]", "setattr(cfg, 'P', sys.argv[1])", "os.environ['P'] = 'x'"],
)
def test_an_attribute_of_another_object_named_like_the_constant_leaves_it(tmp_path: Path, lookalike: str) -> None:
    script = _OWN_SCRIPT + f"\nif __name__ == '__main__':\n    import os\n    cfg = object()\n    {lookalike}\n"
    assert [f.severity.value for f in scan_code(tmp_path, script) if f.rule_id == "MLS301"] == ["low"], lookalike


def test_bytes_written_through_another_name_for_the_handle_are_not_the_codes(tmp_path: Path) -> None:
    script = (
        "import joblib\n\ndef train(clf):\n    with open('model.pkl', 'wb') as f:\n        joblib.dump(clf, f)\n\n"
        "def fetch(blob):\n    with open('model.pkl', 'wb') as f:\n        h = f\n        h.write(blob)\n\n"
        "def predict():\n    return joblib.load('model.pkl')\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, script) if f.rule_id == "MLS301"] == ["high"]
    text = notebook(
        "import joblib\njoblib.dump(clf, 'model.pkl')",
        "with open('model.pkl', 'wb') as f:\n    h = f\n    h.write(blob)",
        "clf = joblib.load('model.pkl')",
    )
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS301"] == ["high"]
    # the look-alike: the alias only reads
    text = notebook(
        "import joblib\njoblib.dump(clf, 'model.pkl')",
        "with open('model.pkl', 'rb') as f:\n    h = f\n    head = h.read(4)",
        "clf = joblib.load('model.pkl')",
    )
    assert [f.severity.value for f in scan_code(tmp_path, text, "nb.ipynb") if f.rule_id == "MLS301"] == ["low"]


def test_a_script_reusing_one_path_name_reads_what_its_last_write_put_there(tmp_path: Path) -> None:
    # A tutorial saving and reloading in turn, the name set again before each pair.
    source = (
        "import sys, torch\nFILE = 'model.pth'\ntorch.save(model, FILE)\nm = torch.load(FILE)\n"
        "FILE = 'model.pth'\ntorch.save(model.state_dict(), FILE)\nm.load_state_dict(torch.load(FILE))\n"
        "FILE = 'checkpoint.pth'\ntorch.save(state, FILE)\nwith open('log.txt', 'w'):\n    torch.save(state, FILE)\n"
        "state = torch.load(FILE)\n"
    )
    assert graded(scan_code(tmp_path, source, "tutorial.py")) == [
        ("MLS306", 4, "low"),
        ("MLS306", 7, "low"),
        ("MLS306", 12, "low"),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "FILE = sys.argv[1]\n",  # rebound after the last write: someone else's path
        "FILE = sys.argv[1]\nif fresh:\n    torch.save(model, FILE)\n",  # a write that may not run
        "FILE = sys.argv[1]\nfor _ in range(epochs):\n    torch.save(model, FILE)\n",  # a loop may run no time
        "FILE = sys.argv[1]\ntry:\n    prepare()\n    torch.save(model, FILE)\nexcept OSError:\n    pass\n",
    ],
)
def test_a_path_name_rebound_since_its_write_keeps_the_load_high(tmp_path: Path, between: str) -> None:
    source = "import sys, torch\nFILE = 'model.pth'\ntorch.save(model, FILE)\n" + between + "m = torch.load(FILE)\n"
    last = source.count("\n")
    assert graded(scan_code(tmp_path, source, "job.py")) == [("MLS306", last, "high")]


# Red-team inputs (stop 52, two passes): a load that may read the operator's or a downloaded file keeps
# its severity (exclusive branches, loops, whole statements, handles, rebinding of every kind).
_READS_SOMEONE_ELSES = {
    "P1a_ternary": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "torch.save(model, FILE) if fresh else None\n"
        "m = torch.load(FILE)\n"
    ),
    "P1b_lambda": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "save = lambda: torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "P1c_listcomp": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "[torch.save(model, FILE) for _ in range(epochs)]\n"
        "m = torch.load(FILE)\n"
    ),
    "P1d_assert": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "assert torch.save(model, FILE) is None\n"
        "m = torch.load(FILE)\n"
    ),
    "P2a_suppress": (
        "import contextlib, sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "with contextlib.suppress(Exception):\n"
        "    prepare()\n"
        "    torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "P2b_chdir": (
        "import contextlib, sys, tempfile, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "with contextlib.chdir(tempfile.mkdtemp()):\n"
        "    torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "P2c_move_on_after": (
        "import sys, anyio, torch\n"
        "async def main():\n"
        '    FILE = "model.pth"\n'
        "    torch.save(model, FILE)\n"
        "    FILE = sys.argv[1]\n"
        "    with anyio.move_on_after(1):\n"
        "        await slow()\n"
        "        torch.save(model, FILE)\n"
        "    m = torch.load(FILE)\n"
    ),
    "P3a_copy_then_loop": (
        "import argparse, os, shutil, torch\n"
        "def main():\n"
        "    p = argparse.ArgumentParser()\n"
        "    p.add_argument('--out-dir'); p.add_argument('--init-from'); p.add_argument('--epochs', type=int)\n"
        "    args = p.parse_args()\n"
        "    model = build()\n"
        "    ckpt = os.path.join(args.out_dir, 'model.pt')\n"
        "    torch.save(model.state_dict(), ckpt)\n"
        "    if args.init_from:\n"
        "        shutil.copyfile(args.init_from, ckpt)\n"
        "    for epoch in range(args.epochs):\n"
        "        train(model)\n"
        "        torch.save(model.state_dict(), ckpt)\n"
        "    model.load_state_dict(torch.load(ckpt))\n"
        "main()\n"
    ),
    "P3b_copy_if": (
        "import shutil, sys, torch\n"
        "OUT = sys.argv[1]\n"
        "torch.save(model, OUT)\n"
        "shutil.copy(sys.argv[2], OUT)\n"
        "if fresh:\n"
        "    torch.save(model, OUT)\n"
        "m = torch.load(OUT)\n"
    ),
    "P3c_wget_loop": (
        "import os, sys, torch\n"
        "OUT = sys.argv[1]\n"
        "torch.save(model, OUT)\n"
        'os.system(f"wget -O {OUT} {url}")\n'
        "for epoch in range(epochs):\n"
        "    torch.save(model, OUT)\n"
        "m = torch.load(OUT)\n"
    ),
    "P4a_semicolon": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "torch.save(model, FILE); FILE = sys.argv[1]\n"
        "m = torch.load(FILE)\n"
    ),
    "P4b_tuple": (
        "import sys, torch\n"
        'FILE = "model.pth"\n'
        "torch.save(model, FILE)\n"
        "_, FILE = torch.save(model, FILE), sys.argv[1]\n"
        "m = torch.load(FILE)\n"
    ),
    "P4c_same_line_copy": (
        "import shutil, sys, torch\n"
        "OUT = sys.argv[1]\n"
        "torch.save(model, OUT)\n"
        "torch.save(model, OUT); shutil.copy(sys.argv[2], OUT)\n"
        "m = torch.load(OUT)\n"
    ),
    "P5a_handle_torch": (
        "import sys, torch\n"
        "FILE = 'model.pth'\n"
        "f = open(FILE, 'wb')\n"
        "torch.save(model, f)\n"
        "FILE = sys.argv[1]\n"
        "torch.save(stats, f)\n"
        "f.close()\n"
        "m = torch.load(FILE)\n"
    ),
    "P5b_handle_pickle": (
        "import argparse, pickle\n"
        "def main():\n"
        "    args = argparse.ArgumentParser().parse_args()\n"
        "    path = 'cache.pkl'\n"
        "    out = open(path, 'wb')\n"
        "    pickle.dump(vocab, out)\n"
        "    path = args.cache or path\n"
        "    pickle.dump(index, out)\n"
        "    out.close()\n"
        "    with open(path, 'rb') as fh:\n"
        "        data = pickle.load(fh)\n"
        "main()\n"
    ),
    "a_comp_target": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "ms = [torch.load(FILE) for FILE in sys.argv[1:]]\n"
    ),
    "a_eval_walrus": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "eval('(FILE := sys.argv[1])')\n"
        "m = torch.load(FILE)\n"
    ),
    "a_global_fn": (
        "import sys, torch\n"
        "FILE = 'model.pth'\n"
        "def choose():\n"
        "    global FILE\n"
        "    FILE = sys.argv[1]\n"
        "torch.save(model, FILE)\n"
        "choose()\n"
        "m = torch.load(FILE)\n"
    ),
    "a_lambda_load": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "load = lambda: torch.load(FILE)\n"
        "FILE = sys.argv[1]\n"
        "m = load()\n"
    ),
    "a_lambda_param": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "load = lambda FILE: torch.load(FILE)\n"
        "m = load(sys.argv[1])\n"
    ),
    "a_locals": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "locals()['FILE'] = sys.argv[1]\n"
        "m = torch.load(FILE)\n"
    ),
    "a_locals_update": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "locals().update(FILE=sys.argv[1])\n"
        "m = torch.load(FILE)\n"
    ),
    "a_loop_back": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "for p in sys.argv[1:]:\n"
        "    m = torch.load(FILE)\n"
        "    FILE = p\n"
    ),
    "a_semicolon_load": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]; m = torch.load(FILE)\n"
    ),
    "a_handle_before_rebind": (
        "import sys, pickle\n"
        "OUT = sys.argv[1]\n"
        "f = open(OUT, 'wb')\n"
        "OUT = sys.argv[2]\n"
        "pickle.dump(x, f)\n"
        "f.close()\n"
        "m = pickle.load(open(OUT, 'rb'))\n"
    ),
    "z_read_handle_early": (
        "import sys, pickle\n"
        "FILE = sys.argv[1]\n"
        "g = open(FILE, 'rb')\n"
        "FILE = 'model.pkl'\n"
        "pickle.dump(m, open(FILE, 'wb'))\n"
        "m = pickle.load(g)\n"
    ),
    "x_attr": (
        "import torch\n"
        "args = parser.parse_args()\n"
        "torch.save(model, args.out)\n"
        "args.out = args.resume\n"
        "m = torch.load(args.out)\n"
    ),
    "z_chdir_between": (
        "import sys, os, torch\nOUT = sys.argv[1]\ntorch.save(model, OUT)\nos.chdir(sys.argv[2])\nm = torch.load(OUT)\n"
    ),
    "P01a_if_else": (
        "import argparse, torch\n"
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--train", action="store_true")\n'
        'parser.add_argument("--model-path", default="model.pt")\n'
        "args = parser.parse_args()\n"
        "if args.train:\n"
        "    train(model)\n"
        "    torch.save(model.state_dict(), args.model_path)\n"
        "else:\n"
        "    model.load_state_dict(torch.load(args.model_path))\n"
    ),
    "P01b_if_elif_fn": (
        "import argparse, torch\n"
        "\n"
        "\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser()\n"
        '    parser.add_argument("--mode", choices=["train", "eval"])\n'
        '    parser.add_argument("--ckpt")\n'
        "    args = parser.parse_args()\n"
        '    if args.mode == "train":\n'
        "        train(model)\n"
        "        torch.save(model.state_dict(), args.ckpt)\n"
        '    elif args.mode == "eval":\n'
        "        model.load_state_dict(torch.load(args.ckpt))\n"
        "        evaluate(model)\n"
    ),
    "P01c_match": (
        "import sys, torch\n"
        "def main(cmd, path):\n"
        "    match cmd:\n"
        '        case "train":\n'
        "            torch.save(model, path)\n"
        '        case "eval":\n'
        "            return torch.load(path)\n"
    ),
    "P01d_try_except": (
        "import pickle, sys\n"
        "def main():\n"
        "    path = sys.argv[1]\n"
        "    try:\n"
        "        build_index()\n"
        '        with open(path, "wb") as f:\n'
        "            pickle.dump(index, f)\n"
        "    except MemoryError:\n"
        '        with open(path, "rb") as f:\n'
        "            return pickle.load(f)\n"
    ),
    "P01e_loop_create_if_missing": (
        "import os, sys, torch\n"
        "for path in sys.argv[1:]:\n"
        "    if not os.path.exists(path):\n"
        "        torch.save(default, path)\n"
        "    m = torch.load(path)\n"
    ),
    "P02_loop_cond_write_in_loop": (
        "import sys, torch\n"
        "FILE = sys.argv[1]\n"
        "for epoch in range(10):\n"
        "    if epoch == 0:\n"
        "        torch.save(model, FILE)\n"
        "    m = torch.load(FILE)\n"
        "    FILE = sys.argv[epoch + 2]\n"
    ),
    "P03a_multiline_comprehension": (
        "import sys, torch\n"
        "FILE = sys.argv[2]\n"
        "torch.save(model, FILE)\n"
        "ms = [torch.load(FILE)\n"
        "      for FILE in sys.argv[1:]]\n"
    ),
    "P03b_multiline_walrus": (
        "import sys, torch\n"
        "FILE = sys.argv[2]\n"
        "torch.save(model, FILE)\n"
        "m = (torch.load(FILE)\n"
        "     if (FILE := sys.argv[1]) else None)\n"
    ),
    "P03c_while_test_load": (
        "import sys, torch\n"
        "path = sys.argv[1]\n"
        "torch.save(model, path)\n"
        "while m := torch.load(path):\n"
        "    path = input()\n"
    ),
    "P09_append_mode": (
        "import pickle, sys\n"
        "def main():\n"
        "    path = sys.argv[1]\n"
        '    with open(path, "ab") as f:\n'
        "        pickle.dump(index, f)\n"
        '    with open(path, "rb") as f:\n'
        "        return pickle.load(f)\n"
        "main()\n"
    ),
}


@pytest.mark.parametrize("name", sorted(_READS_SOMEONE_ELSES))
def test_red_team_loads_of_someone_elses_file_stay_blocking(tmp_path: Path, name: str) -> None:
    source = _READS_SOMEONE_ELSES[name]
    findings = [f for f in scan_code(tmp_path, source, "job.py") if f.rule_id in ("MLS306", "B301")]
    assert findings and all(f.severity.value in ("high", "medium") for f in findings), name


# ... and the ones where the last write before the load is what it reads stay low (model.eval(), a
# wrapped load, `global args` in the function that writes and loads, a store into another attribute).
_READS_ITS_OWN = {
    "r_baseline_top": (
        "import sys, torch, shutil\n"
        "OUT = sys.argv[1]\n"
        "torch.save(model, OUT)\n"
        "shutil.copy(sys.argv[2], OUT)\n"
        "torch.save(model, OUT)\n"
        "m = torch.load(OUT)\n"
    ),
    "v_aug": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE += sys.argv[1]\n"
        "torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "v_for": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "for FILE in sys.argv[1:]:\n"
        "    pass\n"
        "torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "v_walrus": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "if (FILE := sys.argv[1]): pass\n"
        "torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "v_withas": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "with open(sys.argv[1]) as FILE:\n"
        "    pass\n"
        "torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "v_tuple": (
        "import sys, torch, pickle, os\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE, x = sys.argv[1], 2\n"
        "torch.save(model, FILE)\n"
        "m = torch.load(FILE)\n"
    ),
    "c_try_body_both": (
        "import sys, torch, pickle, contextlib, asyncio\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "try:\n"
        "    torch.save(model, FILE)\n"
        "    m = torch.load(FILE)\n"
        "except Exception:\n"
        "    pass\n"
    ),
    "c_loop_both": (
        "import sys, torch, pickle, contextlib, asyncio\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "for e in range(3):\n"
        "    torch.save(model, FILE)\n"
        "    m = torch.load(FILE)\n"
    ),
    "c_match_same": (
        "import sys, torch, pickle, contextlib, asyncio\n"
        "FILE = 'model.pth'\n"
        "torch.save(model, FILE)\n"
        "FILE = sys.argv[1]\n"
        "match mode:\n"
        "    case 'a':\n"
        "        torch.save(model, FILE)\n"
        "        m = torch.load(FILE)\n"
    ),
    "h_pickle_with_own": (
        "import sys, pickle\n"
        "OUT = sys.argv[1]\n"
        "with open(OUT, 'wb') as f:\n"
        "    pickle.dump(x, f)\n"
        "with open(OUT, 'rb') as f:\n"
        "    m = pickle.load(f)\n"
    ),
    "N01b_model_eval_min": (
        "import sys, torch\n"
        "ckpt = sys.argv[1]\n"
        "torch.save(model.state_dict(), ckpt)\n"
        "model.eval()\n"
        "model.load_state_dict(torch.load(ckpt))\n"
    ),
    "N02_wrapped_load": (
        "import argparse, os, torch\n"
        "\n"
        "\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser()\n"
        '    parser.add_argument("--output_dir", default="out")\n'
        "    args = parser.parse_args()\n"
        '    best = os.path.join(args.output_dir, "best.pt")\n'
        "    for epoch in range(10):\n"
        "        train(model)\n"
        "        torch.save(model.state_dict(), best)\n"
        "    model.load_state_dict(\n"
        '        torch.load(best, map_location="cpu")\n'
        "    )\n"
        "    evaluate(model)\n"
        "\n"
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    ),
    "N03_global_args": (
        "import argparse, torch\n"
        "\n"
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--ckpt", default="checkpoint.pth.tar")\n'
        "best_acc1 = 0\n"
        "\n"
        "\n"
        "def main():\n"
        "    global args, best_acc1\n"
        "    args = parser.parse_args()\n"
        "    model = build()\n"
        "    for epoch in range(90):\n"
        "        acc1 = train(model)\n"
        "        best_acc1 = max(acc1, best_acc1)\n"
        '        torch.save({"state_dict": model.state_dict()}, args.ckpt)\n'
        "    checkpoint = torch.load(args.ckpt)\n"
        '    model.load_state_dict(checkpoint["state_dict"])\n'
        "\n"
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    ),
    "N04_args_attribute_store": (
        "import argparse, torch\n"
        "\n"
        "\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser()\n"
        '    parser.add_argument("--ckpt", default="model.pt")\n'
        '    parser.add_argument("--lr", type=float, default=0.1)\n'
        "    args = parser.parse_args()\n"
        "    model = build()\n"
        "    for epoch in range(90):\n"
        "        train(model, args.lr)\n"
        "        torch.save(model.state_dict(), args.ckpt)\n"
        "        args.lr = args.lr * 0.97\n"
        "    model.load_state_dict(torch.load(args.ckpt))\n"
        "\n"
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    ),
}


@pytest.mark.parametrize("name", sorted(_READS_ITS_OWN))
def test_red_team_loads_of_the_last_own_write_stay_low(tmp_path: Path, name: str) -> None:
    source = _READS_ITS_OWN[name]
    findings = [f for f in scan_code(tmp_path, source, "job.py") if f.rule_id in ("MLS306", "B301")]
    assert findings and all(f.severity.value == "low" for f in findings), name


def test_numpy_savers_write_the_name_with_their_suffix(tmp_path: Path) -> None:
    # `np.save("feats", a)` writes feats.npy: loading feats.npy reads it back, loading feats does not.
    source = (
        "import numpy as np\nnp.save('feats', a)\nx = np.load('feats.npy', allow_pickle=True)\n"
        "y = np.load('feats', allow_pickle=True)\nnp.savez('pack', a=a)\nz = np.load('pack.npz', allow_pickle=True)\n"
    )
    assert graded(scan_code(tmp_path, source, "job.py")) == [
        ("MLS303", 3, "low"),
        ("MLS303", 4, "high"),
        ("MLS303", 6, "low"),
    ]
    # A variable path may get the suffix or not: not counted as written.
    variable = "import sys, numpy as np\nout = sys.argv[1]\nnp.save(out, arr)\ndata = np.load(out, allow_pickle=True)\n"
    assert graded(scan_code(tmp_path, variable, "job.py")) == [("MLS303", 4, "high")]


def test_a_shell_line_of_many_interpolations_of_a_long_literal_stays_bounded() -> None:
    from hooks.code.command_origin import MAX_TEXT
    from hooks.code.load_context import _interpolated

    line = "wget -O {x} " + "$x " * 10_000
    filled = _interpolated(line, {"x": "A" * 1_000})
    assert filled.count("A" * 1_000) == MAX_TEXT // 1_000  # filled in up to the bound, then as written
    assert len(filled) < len(line) + MAX_TEXT + 1


def torch_loads(tmp_path: Path, source: str) -> list[tuple[int, str]]:
    """(line, severity) of each MLS306 finding of a script."""
    return [(f.line, f.severity.value) for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS306"]


FOLDER_FILLED_BETWEEN = """import os, requests, shutil, subprocess, tarfile, torch
from huggingface_hub import snapshot_download


def unpacked(d, archive):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    shutil.unpack_archive(archive, d)
    return torch.load(p, weights_only=False)


def extracted(d, archive):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    tarfile.open(archive).extractall(d, filter="data")
    return torch.load(p, weights_only=False)


def snapshot_over(d, repo):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    snapshot_download(repo, local_dir=d, revision="0123456789abcdef0123456789abcdef01234567")
    return torch.load(p, weights_only=False)


def command_held(d, cmd):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    subprocess.run(cmd)
    return torch.load(p, weights_only=False)


def spelled_command(d, archive):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    subprocess.run(["tar", "-xf", archive, "-C", d])
    return torch.load(p, weights_only=False)


def overwritten_by_a_response(d, url):
    p = os.path.join(d, "cache.pt")
    torch.save({}, p)
    with open(p, "wb") as f:
        f.write(requests.get(url, timeout=5).content)
    return torch.load(p, weights_only=False)


def saved_only_when_missing(repo):
    d = snapshot_download(repo, revision="0123456789abcdef0123456789abcdef01234567")
    p = os.path.join(d, "cache.pt")
    if not os.path.isfile(p):
        torch.save({}, p)
    return torch.load(p, weights_only=False)
"""


def test_a_folder_filled_between_the_save_and_the_load_is_no_longer_the_scripts_own(tmp_path: Path) -> None:
    """An unpack, an extract, a snapshot into the folder, a command the script cannot read or one
    that unpacks there, a response written over the file: the file the function saved may have
    been replaced. And a save that only runs when the file is missing (in a downloaded snapshot,
    where it may be present)."""
    found = torch_loads(tmp_path, FOLDER_FILLED_BETWEEN)
    assert found == [(9, "high"), (16, "high"), (23, "high"), (30, "high"), (37, "high"), (45, "high"), (53, "high")]


def test_calls_between_that_fill_no_folder_keep_the_saved_file_its_own(tmp_path: Path) -> None:
    """Look-alikes: a dict's `.copy()`, a request that only reads, `urlopen`, a copy of the
    function's own file, an unconditional save into a downloaded snapshot (the save overwrites
    what the download brought)."""
    source = (
        "import os, shutil, requests, urllib.request, torch\nfrom huggingface_hub import snapshot_download\n"
        "def train(d, cfg, url):\n"
        "    p = os.path.join(d, 'cache.pt')\n"
        "    torch.save({}, p)\n"
        "    settings = cfg.copy()\n"
        "    status = requests.get(url, timeout=5).status_code\n"
        "    urllib.request.urlopen(url, timeout=5).read()\n"
        "    shutil.copy(p, os.path.join(d, 'backup.pt'))\n"
        "    return torch.load(p, weights_only=False), settings, status\n"
        "def snapshot(repo):\n"
        "    d = snapshot_download(repo, revision='0123456789abcdef0123456789abcdef01234567')\n"
        "    p = os.path.join(d, 'cache.pt')\n"
        "    torch.save({}, p)\n"
        "    return torch.load(p, weights_only=False)\n"
    )
    assert torch_loads(tmp_path, source) == [(10, "low"), (15, "low")]


RED_TEAM_83_GUARDS_AND_FILLS = """import os, glob, shutil, subprocess, torch
from shutil import unpack_archive as unpack
from subprocess import run


def else_branch(x, d):
    p = os.path.join(d, "m.pt")
    if os.path.isfile(p):
        pass
    else:
        torch.save(x, p)
    return torch.load(p)


def globbed(x, d):
    p = os.path.join(d, "m.pt")
    if not glob.glob(p):
        torch.save(x, p)
    return torch.load(p)


def in_a_handler(x, d):
    p = os.path.join(d, "m.pt")
    try:
        open(p, "rb").close()
    except OSError:
        torch.save(x, p)
    return torch.load(p)


def conditional_expression(x, d):
    p = os.path.join(d, "m.pt")
    torch.save(x, p) if not os.path.exists(p) else None
    return torch.load(p)


def copied_tree(x, d, src):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    shutil.copytree(src, d, dirs_exist_ok=True)
    return torch.load(p)


def aliased_unpack(x, d, archive):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    unpack(archive, d)
    return torch.load(p)


def aliased_runner(x, p, cmd):
    torch.save(x, p)
    run(cmd)
    return torch.load(p)


def cloned(x, d, url):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    subprocess.run(["git", "clone", url, d])
    return torch.load(p)


def output_of_a_shell(x, d, command):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    subprocess.getoutput(command)
    return torch.load(p)
"""


def test_red_team_83_saves_that_may_not_run_and_folders_filled_between_keep_loads_high(tmp_path: Path) -> None:
    """A save in the `else` of a presence test, under a glob, in an `except` handler, in a
    conditional expression; a copytree, an aliased unpack or runner, a clone, a shell's output
    between the save and the load."""
    found = torch_loads(tmp_path, RED_TEAM_83_GUARDS_AND_FILLS)
    assert found and {severity for _, severity in found} == {"high"}, found
    assert len(found) == 9


def test_a_hub_download_into_its_own_cache_between_fills_no_folder_of_the_script(tmp_path: Path) -> None:
    """Look-alike: `snapshot_download(repo)` with no `local_dir` writes the Hub's cache, not the
    folder the script saved to; a pathlib cache that makes its folder stays the script's own."""
    source = (
        "import os, torch\nfrom pathlib import Path\nfrom huggingface_hub import snapshot_download\n"
        "def f(x, d, repo):\n    p = os.path.join(d, 'm.pt')\n    torch.save(x, p)\n"
        "    weights = snapshot_download(repo, revision='0123456789abcdef0123456789abcdef01234567')\n"
        "    return torch.load(p), weights\n"
        "def g(out):\n    p = Path(out) / 'features.pt'\n    if not p.exists():\n"
        "        p.parent.mkdir(parents=True, exist_ok=True)\n        torch.save(build(), p)\n"
        "    return torch.load(p)\n"
    )
    assert torch_loads(tmp_path, source) == [(8, "low"), (14, "low")]


RED_TEAM_83_PASS_2 = """import os, pickle, torch, requests, urllib.request, shutil, threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import patoolib


def patool(x, d, archive):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    patoolib.extract_archive(archive, outdir=d)
    return torch.load(p)


def submitted(x, p, url):
    torch.save(x, p)
    ThreadPoolExecutor().submit(urllib.request.urlretrieve, url, p).result()
    return torch.load(p)


def threaded(x, d, archive):
    p = os.path.join(d, "m.pt")
    torch.save(x, p)
    threading.Thread(target=shutil.unpack_archive, args=(archive, d)).run()
    return torch.load(p)


def reopened(x, p, url):
    torch.save(x, p)
    Path(p).open("wb").write(requests.get(url, timeout=5).content)
    return torch.load(p)


def sftp(x, p, client):
    torch.save(x, p)
    client.open_sftp().get("/remote/m.pt", p)
    return torch.load(p)


def hdfs(x, p):
    torch.save(x, p)
    os.system(f"hdfs dfs -get /remote/m.pt {p}")
    return torch.load(p)


def guarded_constant():
    if not os.path.exists("model.pkl"):
        pickle.dump(build(), open("model.pkl", "wb"))
    return pickle.load(open("model.pkl", "rb"))
"""


def test_red_team_83_pass_2_fills_and_guarded_constant_writes(tmp_path: Path) -> None:
    """patool's and a thread's or an executor's unpack or download, a reopened path written with a
    response, an sftp or HDFS get between the save and the load. A constant path saved only when
    missing stays low: if the save did not run, the file is the repository's own."""
    findings = scan_code(tmp_path, RED_TEAM_83_PASS_2, "job.py")
    found = [(f.line, f.severity.value) for f in findings if f.rule_id == "MLS306"]
    assert found == [(11, "high"), (17, "high"), (24, "high"), (30, "high"), (36, "high"), (42, "high")], found
    constant = [f for f in findings if f.rule_id == "B301"]
    assert [f.severity.value for f in constant] == ["low"]
    dict_get = "def f(x, p, table):\n    torch.save(x, p)\n    table.get('a', p)\n    return torch.load(p)\n"
    assert torch_loads(tmp_path, "import torch\n" + dict_get) == [(5, "low")]
