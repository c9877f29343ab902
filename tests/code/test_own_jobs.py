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
        "exp = Experiment(ws, 'hd')\npipeline_run = exp.submit(pipeline)\n"
        "hd_step_run = HyperDriveStepRun(step_run=pipeline_run.find_step_run('hd')[0])\n"
        "run = hd_step_run.get_best_run_by_primary_metric()",
        # AutoML: the best run of the run it submitted.
        "remote_run = Experiment(ws, 'automl').submit(automl_config)\nrun, fitted_model = remote_run.get_output()",
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


def _prepared(source: str) -> OwnJobs:
    jobs = OwnJobs()
    nodes = list(ast.walk(ast.parse(source)))
    jobs.prepare(nodes, lambda node: None)
    return jobs


def test_which_argument_is_the_downloaded_path() -> None:
    jobs = _prepared("run = Experiment(ws, 'x').submit(c)\n")
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
    jobs.prepare(list(ast.walk(tree)), lambda node: None)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            jobs.downloaded_to(node)
