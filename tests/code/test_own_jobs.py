"""A file downloaded from a run the code submitted is the job's output (hooks/code/own_jobs.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.own_jobs import OwnJobs
from tests.code.helpers import notebook, scan_code

SETUP = (
    "import joblib, torch\n"
    "from azureml.core import Experiment, Run, Workspace, ScriptRunConfig\n"
    "ws = Workspace.from_config()\n"
    "src = ScriptRunConfig(source_directory='.', script='train.py')\n"
)


def graded(findings: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.severity.value) for f in findings if f.rule_id in ("MLS301", "MLS306"))


@pytest.mark.parametrize(
    "run",
    [
        "run = Experiment(ws, 'train').submit(src)",
        "exp = Experiment(workspace=ws, name='train')\nrun = exp.submit(src)",
        # HyperDrive inside a pipeline: the best child of the step the notebook's pipeline ran.
        "pipeline = Pipeline(workspace=ws, steps=[hd_step])\n"
        "exp = Experiment(ws, 'hd')\npipeline_run = exp.submit(pipeline)\n"
        "hd_step_run = HyperDriveStepRun(step_run=pipeline_run.find_step_run('hd')[0])\n"
        "run = hd_step_run.get_best_run_by_primary_metric()",
        # AutoML: the best run of the run it submitted.
        "automl_config = AutoMLConfig(task='classification')\n"
        "remote_run = Experiment(ws, 'automl').submit(automl_config)\nrun, fitted_model = remote_run.get_output()",
        "run = Experiment(ws, 'train').submit(config=ScriptRunConfig(source_directory='.', script='t.py'))",
        "cfg: ScriptRunConfig = ScriptRunConfig(source_directory='.', script='t.py')\n"
        "run = Experiment(ws, 'train').submit(cfg)",
        # An import repeated in another cell is still azureml's Experiment.
        "from azureml.core import Experiment\nrun = Experiment(ws, 'train').submit(src)",
    ],
)
def test_a_file_downloaded_from_a_run_the_notebook_submitted_is_low(tmp_path: Path, run: str) -> None:
    text = notebook(
        SETUP,
        run,
        "run.download_file('outputs/x_test.pkl', output_file_path='x_test.pkl')\nx = joblib.load('x_test.pkl')",
        "run.download_file('outputs/model.pt', 'model.pt')\nm = torch.load('model.pt')",
    )
    found = scan_code(tmp_path, text, "nb.ipynb")
    assert graded(found) == [("MLS301", "low"), ("MLS306", "low")]
    assert all("a run this notebook submitted" in f.message for f in found if f.rule_id in ("MLS301", "MLS306"))


@pytest.mark.parametrize(
    "run",
    [
        "run = Run.get(ws, run_id)",  # a run looked up by id: anyone's in a shared workspace
        "run = Run(Experiment(ws, 'train'), run_id='abc')",
        "run = AutoMLRun(Experiment(ws, 'automl'), run_id)",
        "run = Experiment(ws, 'train').submit(src)\nrun = Run.get(ws, other_id)",  # rebound: not followed
        "run = Experiment(ws, 'train').submit(src)\nfor run in exp.get_runs():\n    pass",
        "run = store.submit(src)",  # `submit` of something that is no Experiment
        "run = Experiment(ws, 'train').submit(src)\nglobal run",
        "exp = Experiment(ws, 'a')\nexp = ws.experiments[name]\nrun = exp.submit(src)",
        "remote_run = Run.get(ws, rid)\nrun, fitted_model = remote_run.get_output()",
    ],
)
def test_a_file_downloaded_from_a_run_it_did_not_submit_keeps_its_severity(tmp_path: Path, run: str) -> None:
    text = notebook(
        SETUP,
        run,
        "run.download_file('outputs/x_test.pkl', output_file_path='x_test.pkl')\nx = joblib.load('x_test.pkl')",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "high")]


def test_another_download_over_the_jobs_file_keeps_its_severity(tmp_path: Path) -> None:
    own = "run = Experiment(ws, 'train').submit(src)\nrun.download_file('outputs/m.pkl', 'm.pkl')"
    replaced = notebook(SETUP, own, "!wget -q https://x.example/m.pkl -O m.pkl", "m = joblib.load('m.pkl')")
    assert graded(scan_code(tmp_path, replaced, "nb.ipynb")) == [("MLS301", "high")]
    other_file = notebook(SETUP, own, "m = joblib.load('other.pkl')")
    assert graded(scan_code(tmp_path, other_file, "nb.ipynb")) == [("MLS301", "high")]
    # Only the run's own download names a file: a registered model by name is the registry's.
    registry = notebook(SETUP, "p = Model(ws, 'churn').download(exist_ok=True)\nm = joblib.load(p)")
    assert graded(scan_code(tmp_path, registry, "nb.ipynb")) == [("MLS301", "high")]


def test_a_script_that_submits_and_downloads_reads_its_jobs_output(tmp_path: Path) -> None:
    script = (
        SETUP + "run = Experiment(ws, 'train').submit(src)\nrun.wait_for_completion()\n"
        "run.download_file('outputs/model.pkl', output_file_path='model.pkl')\nmodel = joblib.load('model.pkl')\n"
    )
    assert graded(scan_code(tmp_path, script, "submit.py")) == [("MLS301", "low")]
    # Look-alike: the run id comes from the command line.
    given_run = script.replace("run = Experiment(ws, 'train').submit(src)", "run = Run.get(ws, sys.argv[1])")
    assert graded(scan_code(tmp_path, given_run, "submit.py")) == [("MLS301", "high")]


LOAD = "run.download_file('outputs/m.pkl', output_file_path='m.pkl')\nm = joblib.load('m.pkl')"
OWN = "run = Experiment(ws, 'train').submit(src)"


@pytest.mark.parametrize(
    "rebinding",
    [
        "match Run.get(ws, rid):\n    case run:\n        pass",
        "match found:\n    case Run() as run:\n        pass",
        "import sys\nsys.modules[__name__].run = Run.get(ws, rid)",
        "globals()['run'] = Run.get(ws, rid)",
        "globals().update(run=Run.get(ws, rid))",
        "vars()['run'] = Run.get(ws, rid)",
        "exec('run = Run.get(ws, rid)')",
        "exec(code_from_somewhere)",
        "eval('(run := Run.get(ws, rid))')",
        "eval(compile(text, 'x', 'exec'))",
        "from helpers import *",
        "%store -r run",
        "%run other_setup.py",
        "%load other_setup.py",
        "get_ipython().run_line_magic('run', 'other_setup.py')",
        "exec(\"globals()['run'] = Run.get(ws, rid)\")",
        "globals().__setitem__('run', Run.get(ws, rid))",
        "import sys\nvars(sys.modules[__name__])['run'] = Run.get(ws, rid)",
        "namespace = globals()\nnamespace['run'] = Run.get(ws, rid)",
        "get_ipython().user_ns['run'] = Run.get(ws, rid)",
        "run_text = exec\nrun_text(code)",
        "__builtins__.exec(code)",
        # The run's methods replaced: a call of them may then do anything.
        "run.download_file = Run.get(ws, rid).download_file",
        "Run.download_file = lambda self, name, output_file_path: fetch(name, output_file_path)",
        "setattr(Run, 'download_file', fetch)",
        "setattr(Run, method_name, fetch)",
        "exec('Run.download_file = fetch')",
        "mock.patch.object(Run, 'download_file', fetch).start()",
        "mock.patch('azureml.core.Run.download_file', fetch).start()",
        "same = run\nsame.download_file = fetch",
    ],
)
def test_a_run_rebound_or_its_methods_replaced_unseen_keeps_the_severity(tmp_path: Path, rebinding: str) -> None:
    text = notebook(SETUP, OWN, rebinding, LOAD)
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "high")]


def test_evaluating_an_expression_or_calling_model_eval_rebinds_nothing(tmp_path: Path) -> None:
    for harmless in (
        "model.eval()",
        "size = eval('3 * 4')",
        "metric = eval(metric_name)",  # an expression read at run time binds no name without `:=`
        "exec_time = 3",
        "exec('import warnings')",  # binds `warnings` only
        "globals()['threshold'] = 0.5",
        "%store src",  # stores; only `%store -r` restores
        "vars(args).update({'lr': 0.1})",  # an object's attributes, not the module's names
        "for k, v in cfg.items():\n    setattr(args, k, v)",
        "args.submit = True",
        "from azureml.core.experiment import Experiment",  # the same class, re-exported
    ):
        text = notebook(SETUP, OWN, harmless, LOAD)
        assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "low")], harmless


@pytest.mark.parametrize(
    "experiment",
    [
        # Something else called Experiment: its `submit` may return any run.
        "class Experiment:\n    def submit(self, config):\n        return Run.get(ws, 'someone-elses')",
        "Experiment = lambda ws, name: Run.get(ws, name).experiment",
        "from mylib import Experiment",
        "globals()['Experiment'] = FakeExperiment",
        "%store -r Experiment",
    ],
)
def test_an_experiment_that_is_not_azuremls_keeps_the_severity(tmp_path: Path, experiment: str) -> None:
    text = notebook(SETUP, experiment, OWN, LOAD)
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "high")]


@pytest.mark.parametrize(
    "submitted",
    [
        "pp = PublishedPipeline.get(ws, id='someone-elses')\nrun = Experiment(ws, 'train').submit(pp)",
        "run = Experiment(ws, 'train').submit(config_from_somewhere)",
        "run = Experiment(ws, 'train').submit(*configs)",
        "run = Experiment(ws, 'train').submit(pipelines[0])",
    ],
)
def test_a_submitted_configuration_the_code_did_not_build_keeps_the_severity(tmp_path: Path, submitted: str) -> None:
    text = notebook(SETUP, submitted, LOAD)
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "high")]


@pytest.mark.parametrize(
    "over",
    [
        "other = Run.get(ws, rid)\nother.download_file('outputs/m.pkl', 'm.pkl')",
        "other = Run.get(ws, rid)\nother.download_file('outputs/m.pkl', output_file_path='m.pkl')",
        "other = Run.get(ws, rid)\nother.download_files(prefix='outputs', output_directory='.', append_prefix=False)",
        "other = Run.get(ws, rid)\nother.download_file('outputs/m.pkl')",  # to the name's last part, here
        "other = Run.get(ws, rid)\nother.download_file('outputs/m.pkl', '.')",  # into a folder
        "ws.get_default_datastore().download(target_path='.', prefix='m.pkl')",
        "Model(ws, 'churn').download(target_dir='.', exist_ok=True)",
        "ws.get_default_datastore().download('.', prefix='m.pkl', overwrite=True)",
        "with open('m.pkl', 'wb') as f:\n    s3.download_fileobj('bucket', 'm.pkl', f)",
        "with open('m.pkl', 'wb') as f:\n    blob.download_blob().readinto(f)",
        "!az storage blob download -c models -n m.pkl --file m.pkl",
    ],
)
def test_another_download_between_the_jobs_and_the_load_keeps_the_severity(tmp_path: Path, over: str) -> None:
    own = f"{OWN}\nrun.download_file('outputs/m.pkl', 'm.pkl')"
    text = notebook(SETUP, own, over, "m = joblib.load('m.pkl')")
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", "high")]
    # The same download over a file the notebook dumped itself.
    dumped = notebook(SETUP, "joblib.dump(model, 'm.pkl')", over, "m = joblib.load('m.pkl')")
    assert graded(scan_code(tmp_path, dumped, "nb.ipynb")) == [("MLS301", "high")]
    # Look-alike: the download comes before the notebook's own write.
    before = notebook(SETUP, over, "joblib.dump(model, 'm.pkl')", "m = joblib.load('m.pkl')")
    assert graded(scan_code(tmp_path, before, "nb.ipynb")) == [("MLS301", "low")]


@pytest.mark.parametrize(
    ("download", "reached", "elsewhere"),
    [
        # A run's files keep their prefix below the folder; azure-ai-ml puts a job's files under
        # artifacts/ and named-outputs/, a model's under its name; the CLI does the same.
        ("Run.get(ws, rid).download_files(prefix='outputs', output_directory='.')", "outputs/m.pkl", "m.pkl"),
        ("ml_client.jobs.download(name=job_name, download_path='out')", "out/named-outputs/m.pkl", "m.pkl"),
        ("ml_client.jobs.download(name=job_name)", "m.pkl", None),  # a batch job's outputs land here
        ("ml_client.models.download(name='churn', version='1')", "churn/m.pkl", "m.pkl"),
        ("Model(ws, 'churn').download(exist_ok=True)", "m.pkl", None),  # target_dir defaults to here
        # A datastore's prefix starts blob names: 'model' matches model.pkl, 'data/train' data/train*.
        ("ds.download(target_path='.', prefix='model', overwrite=True)", "model.pkl", None),
        ("ds.download(target_path='.', prefix='data/train', overwrite=True)", "data/train.pkl", "model.pkl"),
        ("Run.get(ws, rid).download_files(prefix='outputs', output_directory='.', append_prefix=keep)", "m.pkl", None),
        ("other_run.download_file(name='outputs/m.pkl')", "m.pkl", "outputs/x.pkl"),
        ("other_run.download_file('outputs/m.pkl', _validate_checksum=True)", "m.pkl", "x.pkl"),
        ("other_run.download_file('outputs/m.pkl', 'models')", "models/m.pkl", "m.pkl"),
        # boto3's Object writes the path it is given, whole.
        ("s3.Object('b', 'prod/model.pkl').download_file('backup/model.pkl')", "backup/model.pkl", "model.pkl"),
        ("ml_client.models.download(name='churn', version='1', download_path='.')", "churn/m.pkl", "m.pkl"),
        ("!az ml job download --name j1 --download-path out", "out/artifacts/m.pkl", "m.pkl"),
        ("!az storage blob download-batch -s azureml -d . --pattern 'outputs/*'", "outputs/m.pkl", "m.pkl"),
        ("!az storage blob download-batch -s azureml -d . --pattern 'out*/m.pkl'", "m.pkl", None),
        ("!az --only-show-errors storage blob download -c m -n m.pkl -f m.pkl", "m.pkl", None),
        ("nltk.download('punkt')", None, "punkt/m.pkl"),  # a package's name, in nltk's own data folder
        ("nltk.download('stopwords', **options)", None, "m.pkl"),
        ("prices = yf.download(**params)", None, "m.pkl"),
    ],
)
def test_a_folder_download_reaches_only_the_files_below_where_it_writes(
    tmp_path: Path, download: str, reached: str | None, elsewhere: str | None
) -> None:
    for path, level in ((reached, "high"), (elsewhere, "low")):
        if path is None:
            continue
        text = notebook(SETUP, f"joblib.dump(model, '{path}')", download, f"m = joblib.load('{path}')")
        assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", level)], (download, path)


def _azureml(node: ast.AST) -> str | None:
    return "azureml.core.Experiment" if isinstance(node, ast.Name) and node.id == "Experiment" else None


def _prepared(source: str) -> OwnJobs:
    jobs = OwnJobs()
    nodes = list(ast.walk(ast.parse(source)))
    jobs.prepare(nodes, _azureml)
    return jobs


def test_which_argument_is_the_downloaded_path() -> None:
    jobs = _prepared("c = ScriptRunConfig(source_directory='.')\nrun = Experiment(ws, 'x').submit(c)\n")
    for call, expected in (
        ("run.download_file('a', 'b')", "'b'"),
        ("run.download_file('a', output_file_path='b')", "'b'"),
        ("run.download_file(name='a', output_file_path='b')", "'b'"),
        ("run.download_file('a')", None),  # the file's own name in the working folder: not followed
        ("run.download_file(*parts)", None),
        ("run.download_file('a', **options)", None),
        ("other.download_file('a', 'b')", None),
        ("run.download_files('outputs', 'b')", None),
    ):
        node = ast.parse(call).body[0]
        assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        found = jobs.downloaded_to(node.value)
        assert (ast.unparse(found) if found is not None else None) == expected, call


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_garbage_source_never_raises(text: str) -> None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    jobs = OwnJobs()
    jobs.prepare(list(ast.walk(tree)), _azureml)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            jobs.downloaded_to(node)
