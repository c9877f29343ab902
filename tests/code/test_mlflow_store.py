"""MLflow loads of the code's own runs and registered models, or of a tracking store on this
machine, are low; a remote store, a direct URI, a parameter or serving code keep the severity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.mlflow_store import MlflowStore, local_store
from tests.code.helpers import notebook, scan_code


def mlflow_levels(findings: list) -> list[tuple[int | None, int, str]]:  # type: ignore[type-arg]
    return sorted((f.cell, f.line, f.severity.value) for f in findings if f.rule_id == "MLS312")


@pytest.mark.parametrize(
    "uri",
    [
        "sqlite:///mlflow.db",
        "file:///tmp/mlruns",
        "mlruns",
        "./mlruns",
        "http://127.0.0.1:5000",
        "http://localhost:5000/",
    ],
)
def test_stores_on_this_machine(uri: str) -> None:
    assert local_store(uri)


@pytest.mark.parametrize(
    "uri",
    [
        "",
        "//fileserver/share/mlruns",
        "\\\\fileserver\\share\\mlruns",
        "file:////fileserver/share/mlruns",
        "http://[::1",
        "file://[x/",
        "http://a\uff03b",
        "databricks",
        "http://mlflow.example.com:5000",
        "https://localhost.example.com",
        "http://10.0.0.5:5000",
        "postgresql://u@db:5432/mlflow",
        "file://fileserver/share/mlruns",
        "http://127.0.0.1@evil.example:5000",
        "azureml://westus.api.azureml.ms/mlflow",
    ],
)
def test_remote_stores(uri: str) -> None:
    assert not local_store(uri)


def test_autolog_logs_models_unless_told_not_to(tmp_path: Path) -> None:
    def run_notebook(autolog: str) -> str:
        return notebook(
            f"import mlflow\n{autolog}\nwith mlflow.start_run() as run:\n    model.fit(x, y)",
            "m = mlflow.keras.load_model(f'runs:/{run.info.run_id}/model')",
        )

    assert mlflow_levels(scan_code(tmp_path, run_notebook("mlflow.tensorflow.autolog()"), "nb.ipynb")) == [
        (2, 1, "low")
    ]
    for unknown in ("log_models=False", "log_models=LOG", "disable=True", "**settings"):
        found = scan_code(tmp_path, run_notebook(f"mlflow.autolog({unknown})"), "nb.ipynb")
        assert mlflow_levels(found) == [(2, 1, "medium")], unknown


def test_only_a_run_the_code_started_is_its_own(tmp_path: Path) -> None:
    """After logging a model, `runs:/` of the run it started is its own; a run id from anywhere
    else (a constant, the command line, a search) may be anyone's run on a shared server."""
    text = notebook(
        "import mlflow, sys\nwith mlflow.start_run() as run:\n    mlflow.sklearn.log_model(clf, 'model')",
        "run = mlflow.get_run(run.info.run_id)\nrun_id = run.info.run_id",
        "a = mlflow.pyfunc.load_model(f'runs:/{run.info.run_id}/model')",
        "b = mlflow.pyfunc.load_model(f'runs:/{run_id}/model')",
        "c = mlflow.pyfunc.load_model('runs:/0123abcdef/model')",
        "d = mlflow.pyfunc.load_model(f'runs:/{sys.argv[1]}/model')",
        "last = mlflow.search_runs(output_format='list')[0]\n"
        "e = mlflow.pyfunc.load_model(f'runs:/{last.info.run_id}/model')",
        "f = mlflow.pyfunc.load_model(f'runs://team@databricks/{run.info.run_id}/model')",
    )
    assert mlflow_levels(scan_code(tmp_path, text, "nb.ipynb")) == [
        (3, 1, "low"),
        (4, 1, "low"),
        (5, 1, "medium"),
        (6, 1, "medium"),
        (7, 2, "medium"),
        (8, 1, "medium"),
    ]


def test_a_run_name_bound_elsewhere_too_is_not_the_run(tmp_path: Path) -> None:
    source = (
        "import mlflow\nwith mlflow.start_run() as run:\n    mlflow.sklearn.log_model(clf, 'model')\n\n"
        "def load(run):\n    return mlflow.pyfunc.load_model(f'runs:/{run.info.run_id}/model')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "train.py")) == [(None, 6, "medium")]


@pytest.mark.parametrize(
    "rebinding",
    ["match found:\n    case mlflow.entities.Run() as run:\n        pass", "from helpers import *"],
)
def test_a_run_rebound_by_a_match_capture_or_a_star_import_is_not_the_run(tmp_path: Path, rebinding: str) -> None:
    cells = [
        "import mlflow\nwith mlflow.start_run() as run:\n    mlflow.sklearn.log_model(clf, 'model')",
        rebinding,
        "m = mlflow.pyfunc.load_model(f'runs:/{run.info.run_id}/model')",
    ]
    found = mlflow_levels(scan_code(tmp_path, notebook(*cells), "nb.ipynb"))
    assert [level for _, _, level in found] == ["medium"]
    # Look-alike: a match that captures another name leaves the run the code's own.
    cells[1] = rebinding.replace("as run:", "as found_run:").replace("from helpers import *", "import helpers")
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, notebook(*cells), "nb.ipynb"))] == ["low"]


def test_a_name_registered_from_elsewhere_is_not_the_codes_own(tmp_path: Path) -> None:
    """Registering a name from a URI the code did not log (a bucket) does not make what is
    behind it the code's; a stage or an alias is a promotion decided elsewhere."""
    text = notebook(
        "import mlflow\nmodel_name = 'sample-model'\nmlflow.register_model('s3://bucket/model', model_name)",
        "a = mlflow.pyfunc.load_model(f'models:/{model_name}/latest')",
        "mlflow.sklearn.log_model(clf, 'model', registered_model_name='churn')",
        "b = mlflow.pyfunc.load_model('models:/churn/Production')",
        "c = mlflow.pyfunc.load_model('models:/churn@champion')",
        "d = mlflow.pyfunc.load_model('models:/fraud/latest')",
    )
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, text, "nb.ipynb"))] == ["medium"] * 4


def test_a_name_the_code_registers_from_its_own_model_is_its_own(tmp_path: Path) -> None:
    """`log_model(..., registered_model_name=name)` or `register_model` of its own run, then
    `models:/<name>/latest`, a number or the version its registration returned: the versions of that
    name are the ones it registers."""
    text = notebook(
        "import mlflow\nname = 'churn'\nwith mlflow.start_run() as run:\n"
        "    mlflow.sklearn.log_model(clf, 'model', registered_model_name=name)",
        "a = mlflow.pyfunc.load_model('models:/churn/latest')",
        "mv = mlflow.register_model(f'runs:/{run.info.run_id}/model', 'fraud')",
        "b = mlflow.pyfunc.load_model(f'models:/fraud/{mv.version}')",
        "c = mlflow.pyfunc.load_model(f'models:/{name}/3')",
    )
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, text, "nb.ipynb"))] == ["low"] * 3


def test_a_run_uri_written_with_plus_and_an_alias_the_code_sets_itself(tmp_path: Path) -> None:
    """`"runs:/" + run.info.run_id + "/model"` is the same URI as the f-string; an alias or a stage
    the code points at the version its own registration returned is its own. Look-alikes: an
    alias pointed at a constant version, and another alias, keep the severity."""
    source = (
        "import mlflow\nfrom mlflow import MlflowClient\nclient = MlflowClient()\nname = 'main.default.llm'\n"
        "with mlflow.start_run() as run:\n    mlflow.pyfunc.log_model('model', python_model=m)\n"
        "a = mlflow.pyfunc.load_model('runs:/' + run.info.run_id + '/model')\n"
        "result = mlflow.register_model('runs:/' + run.info.run_id + '/model', name)\n"
        "client.set_registered_model_alias(name=name, alias='Champion', version=result.version)\n"
        "client.set_registered_model_alias(name, 'Other', 1)\n"
        "client.transition_model_version_stage(name, result.version, 'Staging')\n"
        "b = mlflow.pyfunc.load_model(f'models:/{name}@Champion')\n"
        "c = mlflow.pyfunc.load_model(f'models:/{name}/Staging')\n"
        "d = mlflow.pyfunc.load_model(f'models:/{name}@Other')\n"
        "e = mlflow.pyfunc.load_model(f'models:/{name}/Production')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "train.py")) == [
        (None, 7, "low"),
        (None, 12, "low"),
        (None, 13, "low"),
        (None, 14, "medium"),
        (None, 15, "medium"),
    ]


def test_serving_code_keeps_its_own_runs_high(tmp_path: Path) -> None:
    source = (
        "import mlflow\nfrom flask import Flask\napp = Flask(__name__)\nmlflow.autolog()\n"
        "with mlflow.start_run() as run:\n    model.fit(x, y)\n"
        "model = mlflow.pyfunc.load_model(f'runs:/{run.info.run_id}/model')\n\n"
        "@app.route('/predict')\ndef predict():\n    return 'ok'\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "app.py")) == [(None, 7, "medium")]


def test_a_tracking_store_on_this_machine(tmp_path: Path) -> None:
    text = notebook(
        "import mlflow\nMLFLOW_TRACKING_URI = 'sqlite:///mlflow.db'\nmlflow.set_tracking_uri(MLFLOW_TRACKING_URI)",
        "run_id = 'b8904012c84343b5bf8ee72aa8f0f402'\nlogged_model = f'runs:/{run_id}/model'\n"
        "m = mlflow.pyfunc.load_model(logged_model)",
        "r = mlflow.pyfunc.load_model('models:/nyc-taxi-regressor/1')",
        "s = mlflow.pyfunc.load_model('s3://bucket/1/abc/artifacts/model')",  # a direct URI
        "p = mlflow.pyfunc.load_model(uri)",  # a name not known to hold a store URI
    )
    found = scan_code(tmp_path, text, "nb.ipynb")
    assert mlflow_levels(found) == [(2, 3, "low"), (3, 1, "low"), (4, 1, "medium"), (5, 1, "medium")]
    low = next(f for f in found if f.rule_id == "MLS312" and f.cell == 2)
    assert "tracking store on this machine" in low.message


@pytest.mark.parametrize(
    "setting",
    [
        "mlflow.set_tracking_uri('http://mlflow.internal:5000')",  # a remote server
        "mlflow.set_tracking_uri(os.environ['MLFLOW_TRACKING_URI'])",  # not known
        "mlflow.set_tracking_uri('http://[::1')",  # no URI at all: not local, and no failure
        "client = mlflow.MlflowClient(tracking_uri='databricks')",
        "",
    ],
)
def test_remote_or_unknown_stores_keep_the_severity(tmp_path: Path, setting: str) -> None:
    source = f"import mlflow, os\n{setting}\nm = mlflow.pyfunc.load_model('runs:/abc/model')\n"
    found = scan_code(tmp_path, source, "evaluate.py")
    assert mlflow_levels(found) == [(None, 3, "medium")]
    assert not [f for f in found if f.rule_id.startswith("MLS90")]


def test_a_clients_store_is_not_the_loads(tmp_path: Path) -> None:
    """`MlflowClient(tracking_uri=...)` serves that client; `load_model` uses the global URI."""
    source = (
        "import mlflow\nclient = mlflow.MlflowClient(tracking_uri='http://localhost:5000')\n"
        "m = mlflow.pyfunc.load_model('models:/best/2')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "evaluate.py")) == [(None, 3, "medium")]


def test_a_remote_registry_serves_registered_models(tmp_path: Path) -> None:
    """`models:/` resolves in the model registry, which `set_registry_uri` can move elsewhere;
    `runs:/` stays in the tracking store."""
    source = (
        "import mlflow\nmlflow.set_tracking_uri('sqlite:///mlflow.db')\n"
        "mlflow.set_registry_uri('databricks-uc')\n"
        "a = mlflow.pyfunc.load_model('models:/best/2')\nb = mlflow.pyfunc.load_model('runs:/abc/model')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "evaluate.py")) == [(None, 4, "medium"), (None, 5, "low")]


def test_a_local_store_set_only_in_a_function_does_not_count(tmp_path: Path) -> None:
    source = (
        "import mlflow\n\ndef local():\n    mlflow.set_tracking_uri('sqlite:///mlflow.db')\n\n"
        "m = mlflow.pyfunc.load_model('models:/best/2')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "evaluate.py")) == [(None, 6, "medium")]


def test_a_later_cells_remote_store_reaches_a_function_defined_before(tmp_path: Path) -> None:
    text = notebook(
        "import mlflow, sys\nmlflow.set_tracking_uri('sqlite:///m.db')\n"
        "def get(n):\n    return mlflow.pyfunc.load_model(f'models:/{n}/1')",
        "mlflow.set_tracking_uri('https://shared.example.com')\nm = get(sys.argv[1])",
    )
    assert mlflow_levels(scan_code(tmp_path, text, "nb.ipynb")) == [(1, 4, "medium")]


def test_a_second_store_undoes_the_local_one(tmp_path: Path) -> None:
    source = (
        "import mlflow, os\nmlflow.set_tracking_uri('sqlite:///mlflow.db')\n\n"
        "def remote():\n    mlflow.set_tracking_uri(os.environ['TRACKING'])\n\n"
        "m = mlflow.pyfunc.load_model('models:/best/2')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "evaluate.py")) == [(None, 7, "medium")]


def test_serving_code_on_a_local_store_stays(tmp_path: Path) -> None:
    source = (
        "import mlflow\nfrom flask import Flask, request\napp = Flask(__name__)\n"
        "mlflow.set_tracking_uri('http://127.0.0.1:5000')\n"
        "model = mlflow.pyfunc.load_model('models:/prod/Production')\n\n"
        "@app.route('/predict', methods=['POST'])\ndef predict():\n    return model.predict(request.json)\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "app.py")) == [(None, 5, "medium")]


def test_a_password_in_the_store_uri_is_not_reported(tmp_path: Path) -> None:
    source = (
        "import mlflow\nmlflow.set_tracking_uri('http://admin:Zq8vK2mW9xT4@localhost:5000')\n"
        "m = mlflow.pyfunc.load_model('runs:/abc/model')\n"
    )
    found = [f for f in scan_code(tmp_path, source, "evaluate.py") if f.rule_id == "MLS312"]
    assert [f.severity.value for f in found] == ["low"]
    assert all("Zq8vK2mW9xT4" not in f.message for f in found)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_tracking_text_is_judged_without_error(text: str) -> None:
    assert local_store(text) in (True, False)
    store = MlflowStore(lambda node: node.value if isinstance(node, ast.Constant) else None)
    call = ast.parse(f"mlflow.set_tracking_uri({text!r})").body[0].value  # type: ignore[attr-defined]
    store.record_call(call, "mlflow.set_tracking_uri", top_level=True)
    assert store.local_model(ast.Constant("runs:/x/m")) in (None, text.strip())


@pytest.mark.parametrize(
    "undoing",
    [
        "client.create_model_version('churn', source=sys.argv[1])",
        "client.copy_model_version(sys.argv[1], 'churn')",
        "mlflow.register_model('s3://bucket/model', 'churn')",
        "mlflow.register_model('s3://bucket/model', sys.argv[2])",
        "mlflow.set_tracking_uri(sys.argv[1])",
    ],
)
def test_a_version_from_elsewhere_under_the_name_undoes_it(tmp_path: Path, undoing: str) -> None:
    """Once a version the code did not log can be under the name (another source, a copy, a
    registration of a bucket, a name computed at run time) or the store is computed, `latest`
    may be that version. Look-alike: the same file without that line is low."""
    cells = [
        "import mlflow, sys\nclient = mlflow.MlflowClient()\nwith mlflow.start_run() as run:\n"
        "    mlflow.sklearn.log_model(clf, 'model', registered_model_name='churn')",
        undoing,
        "m = mlflow.pyfunc.load_model('models:/churn/latest')",
    ]
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, notebook(*cells), "nb.ipynb"))] == ["medium"]
    cells[1] = "print('registered')"
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, notebook(*cells), "nb.ipynb"))] == ["low"]


def test_an_alias_moved_again_or_a_computed_version_is_not_the_codes_own(tmp_path: Path) -> None:
    """The alias pointed at the code's version and then at one from the command line; a version
    number computed from anything but the code's own registration."""
    source = (
        "import mlflow, sys\nclient = mlflow.MlflowClient()\n"
        "with mlflow.start_run() as run:\n    mlflow.pyfunc.log_model('model', python_model=m)\n"
        "result = mlflow.register_model(f'runs:/{run.info.run_id}/model', 'llm')\n"
        "client.set_registered_model_alias('llm', 'Champion', result.version)\n"
        "client.set_registered_model_alias('llm', 'Champion', sys.argv[1])\n"
        "a = mlflow.pyfunc.load_model('models:/llm@Champion')\n"
        "b = mlflow.pyfunc.load_model(f'models:/llm/{sys.argv[2]}')\n"
        "c = mlflow.pyfunc.load_model(f'models:/llm/{result.version}')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "train.py")) == [
        (None, 8, "medium"),
        (None, 9, "medium"),
        (None, 10, "low"),
    ]


def test_a_store_chosen_after_the_registration_or_serving_code_keeps_the_severity(tmp_path: Path) -> None:
    """The registry switched after the code registered its model (the name there may be
    anyone's), and a load in an AWS Lambda handler or a Ray Serve deployment (serving code: the
    caller of a handler may choose). Look-alike: the registry set before registering, as
    Databricks notebooks do (`set_registry_uri("databricks-uc")` first)."""
    head = "import mlflow\nwith mlflow.start_run() as run:\n    mlflow.sklearn.log_model(clf, 'model')\n"
    register = "mlflow.register_model(f'runs:/{run.info.run_id}/model', 'churn')\n"
    load = "m = mlflow.pyfunc.load_model('models:/churn/latest')\n"
    switch = "mlflow.set_registry_uri('databricks://shared')\n"
    after = head + register + switch + load
    before = switch + head + register + load
    handler = head + register + "def lambda_handler(event, context):\n    " + load
    deployment = "from ray import serve\n" + head + register + load
    levels = {
        name: [level for _, _, level in mlflow_levels(scan_code(tmp_path, source, f"{name}.py"))]
        for name, source in (("after", after), ("before", before), ("handler", handler), ("ray", deployment))
    }
    assert levels == {"after": ["medium"], "before": ["low"], "handler": ["medium"], "ray": ["medium"]}


def test_the_model_uri_of_what_the_code_logged_is_its_own(tmp_path: Path) -> None:
    """MLflow's documented pattern: `info = mlflow.sklearn.log_model(...)` then
    `load_model(info.model_uri)`. Look-alikes: the same attribute of a name also bound to
    something else, and of a search result, keep the severity."""
    source = (
        "import mlflow\ninfo = mlflow.sklearn.log_model(clf, 'model')\n"
        "a = mlflow.pyfunc.load_model(info.model_uri)\n"
        "other = mlflow.sklearn.log_model(clf, 'model')\nother = mlflow.models.get_model_info(uri)\n"
        "b = mlflow.pyfunc.load_model(other.model_uri)\n"
        "found = mlflow.search_logged_models()[0]\nc = mlflow.pyfunc.load_model(found.model_uri)\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "train.py")) == [
        (None, 3, "low"),
        (None, 6, "medium"),
        (None, 8, "medium"),
    ]


def test_a_load_in_a_pyfunc_models_load_context_is_serving_code(tmp_path: Path) -> None:
    """MLflow calls `load_context` where the model is served: a load there keeps the severity
    even of the file's own registered name. Look-alike: the same load at the top level of the
    notebook that logs the model is the code's own."""
    head = "import mlflow\nwith mlflow.start_run() as run:\n"
    head += "    mlflow.sklearn.log_model(clf, 'm', registered_model_name='churn')\n"
    inside = head + (
        "class Wrapper(mlflow.pyfunc.PythonModel):\n    def load_context(self, context):\n"
        "        self.m = mlflow.pyfunc.load_model('models:/churn/latest')\n"
    )
    outside = head + "m = mlflow.pyfunc.load_model('models:/churn/latest')\n"
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, inside, "wrap.py"))] == ["medium"]
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, outside, "top.py"))] == ["low"]


def test_a_load_that_may_run_after_a_store_switch_or_another_registration(tmp_path: Path) -> None:
    """Found by the stop's review: a load inside a function runs whenever it is called, so a
    registration from elsewhere or a store set anywhere in the notebook undoes the name; a store
    set inside a function (called after the registration) undoes it even for a top-level load.
    Look-alike: the same notebook without them is low."""
    first = (
        "import mlflow\nwith mlflow.start_run() as run:\n"
        "    mlflow.sklearn.log_model(clf, 'm', registered_model_name='churn')\n"
        "def load():\n    return mlflow.pyfunc.load_model('models:/churn/latest')"
    )
    for later, expected in (
        ("mlflow.register_model('s3://bucket/m', 'other')\nm = load()", "medium"),
        ("mlflow.set_tracking_uri('https://mlflow.shared.example.com')\nm = load()", "medium"),
        ("m = load()", "low"),
    ):
        levels = [level for _, _, level in mlflow_levels(scan_code(tmp_path, notebook(first, later), "nb.ipynb"))]
        assert levels == [expected], later
    switch = (
        "import mlflow\ndef shared():\n    mlflow.set_tracking_uri('https://mlflow.shared.example.com')\n"
        "with mlflow.start_run():\n    mlflow.sklearn.log_model(clf, 'm', registered_model_name='churn')\n"
        "shared()\nm = mlflow.pyfunc.load_model('models:/churn/latest')\n"
    )
    assert [level for _, _, level in mlflow_levels(scan_code(tmp_path, switch, "s.py"))] == ["medium"]
