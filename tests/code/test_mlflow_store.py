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
    logged = notebook(
        "import mlflow\nmlflow.tensorflow.autolog()\nmodel.fit(x, y)",
        "m = mlflow.keras.load_model(f'runs:/{run.info.run_id}/model')",
    )
    unlogged = notebook(
        "import mlflow\nmlflow.autolog(log_models=False)\nmodel.fit(x, y)",
        "m = mlflow.keras.load_model(f'runs:/{run.info.run_id}/model')",
    )
    assert mlflow_levels(scan_code(tmp_path, logged, "nb.ipynb")) == [(2, 1, "low")]
    assert mlflow_levels(scan_code(tmp_path, unlogged, "nb.ipynb")) == [(2, 1, "medium")]


def test_a_registered_name_it_registered_itself(tmp_path: Path) -> None:
    text = notebook(
        "import mlflow\nmodel_name = 'sample-model'\nmlflow.register_model(f'runs:/{rid}/model', model_name)",
        "a = mlflow.pyfunc.load_model(f'models:/{model_name}/Staging')",
        "b = mlflow.pyfunc.load_model('models:/sample-model/1')",
        "c = mlflow.pyfunc.load_model('models:/someone-elses/1')",  # not a name it registered
        "d = mlflow.pyfunc.load_model(f'models:/{other}/1')",
        "e = mlflow.pyfunc.load_model(f'models:/sample-model{suffix}/1')",  # another name
        "f = mlflow.pyfunc.load_model('models:/sample-model@champion')",
    )
    assert mlflow_levels(scan_code(tmp_path, text, "nb.ipynb")) == [
        (2, 1, "low"),
        (3, 1, "low"),
        (4, 1, "medium"),
        (5, 1, "medium"),
        (6, 1, "medium"),
        (7, 1, "low"),
    ]


def test_log_model_with_a_registered_name(tmp_path: Path) -> None:
    source = (
        "import mlflow\nNAME = 'churn'\n"
        "mlflow.sklearn.log_model(clf, 'model', registered_model_name=NAME)\n"
        "m = mlflow.sklearn.load_model('models:/churn/latest')\n"
    )
    assert mlflow_levels(scan_code(tmp_path, source, "train.py")) == [(None, 4, "low")]


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
        "client = mlflow.MlflowClient(tracking_uri='databricks')",
        "",
    ],
)
def test_remote_or_unknown_stores_keep_the_severity(tmp_path: Path, setting: str) -> None:
    source = f"import mlflow, os\n{setting}\nm = mlflow.pyfunc.load_model('runs:/abc/model')\n"
    assert mlflow_levels(scan_code(tmp_path, source, "evaluate.py")) == [(None, 3, "medium")]


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
    store.record_call(call, "mlflow.set_tracking_uri")
    assert store.local_model(ast.Constant("runs:/x/m")) in (None, text.strip())
