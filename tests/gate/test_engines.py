"""torch (state_dict + class, TorchScript, safetensors), ONNX, and agreement with ART. Each
skips with its reason when the optional library is not installed."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.gate.helpers import dump, metric, read_record, run_gate, save_npz, write_policy

_NAMES = itertools.count()
NET_SOURCE = """
import torch


class TinyNet(torch.nn.Module):
    def __init__(self, width: int = 64, hidden: int = 32, classes: int = 10) -> None:
        super().__init__()
        self.layers = torch.nn.Sequential(
            torch.nn.Linear(width, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, classes)
        )

    def forward(self, x):
        return self.layers(x)
"""


def _train_torch(digits: dict[str, Any]) -> Any:
    torch = pytest.importorskip("torch", reason="torch is an optional extra (pip install torch==2.13.0)")
    torch.manual_seed(0)
    namespace: dict[str, Any] = {}
    exec(compile(NET_SOURCE, "netdef", "exec"), namespace)  # the test's own source, as the repo's module
    model = namespace["TinyNet"]()
    x = torch.as_tensor(digits["x_train"], dtype=torch.float32)
    y = torch.as_tensor(digits["y_train"], dtype=torch.long)
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(150):
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimiser.step()
    return model.eval()


@pytest.fixture(scope="module")
def torch_net(digits: dict[str, Any]) -> Any:
    return _train_torch(digits)


def _module_file(repo: Path) -> str:
    name = f"netdef_{next(_NAMES)}"
    (repo / f"{name}.py").write_text(NET_SOURCE)
    return name


POLICY = {"checks": {"clean_accuracy": {"min": 0.9}, "adversarial": {"eps": [0.1], "sample": 300}}}


@pytest.mark.parametrize("form", ["state_dict", "torchscript", "safetensors"])
def test_torch_models_are_attacked_with_autograd(repo: Path, digits: dict[str, Any], torch_net: Any, form: str) -> None:
    import torch

    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    gate: dict[str, Any] = dict(POLICY)
    if form == "state_dict":
        torch.save(torch_net.state_dict(), repo / "net.pt")
        gate["model_class"] = f"{_module_file(repo)}:TinyNet"
        name = "net.pt"
    elif form == "torchscript":
        torch.jit.trace(torch_net, torch.zeros(1, 64)).save(str(repo / "net.pt"))
        name = "net.pt"
    else:
        st = pytest.importorskip("safetensors.torch", reason="safetensors is optional")
        st.save_file(torch_net.state_dict(), str(repo / "net.safetensors"))
        gate["model_class"] = f"{_module_file(repo)}:TinyNet"
        name = "net.safetensors"
    write_policy(repo, gate)
    assert run_gate("--model", name, "--data", "holdout.npz") == 0
    record = read_record(repo / name)
    assert record["model"]["attacked_as"].startswith("torch")
    attacked = metric(record, "adversarial", "accuracy@eps=0.1")["value"]
    assert attacked < metric(record, "clean_accuracy", "accuracy")["value"] - 0.2


def test_a_state_dict_without_a_model_class_is_a_usage_error(
    repo: Path, digits: dict[str, Any], torch_net: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import torch

    torch.save(torch_net.state_dict(), repo / "net.pt")
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(repo, POLICY)
    assert run_gate("--model", "net.pt", "--data", "holdout.npz") == 2
    assert "gate.model_class" in capsys.readouterr().err


def test_onnx_models_are_attacked_as_a_black_box(repo: Path, digits: dict[str, Any], digits_lr: Any) -> None:
    onnx = pytest.importorskip("onnx", reason="onnx is optional")
    pytest.importorskip("onnxruntime", reason="onnxruntime is optional")
    from onnx import TensorProto, helper, numpy_helper

    weights = numpy_helper.from_array(digits_lr.coef_.T.astype(np.float32), "W")
    bias = numpy_helper.from_array(digits_lr.intercept_.astype(np.float32), "B")
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["X", "W"], ["Z0"]),
            helper.make_node("Add", ["Z0", "B"], ["Z"]),
            helper.make_node("Softmax", ["Z"], ["P"], axis=1),
        ],
        "lr",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 64])],
        [helper.make_tensor_value_info("P", TensorProto.FLOAT, [None, 10])],
        initializer=[weights, bias],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(repo / "lr.onnx"))
    save_npz(repo / "holdout.npz", digits["x_test"], digits["y_test"])
    write_policy(
        repo, {"checks": {"clean_accuracy": {"min": 0.9}, "adversarial": {"eps": [0.2], "queries": 30, "sample": 100}}}
    )
    assert run_gate("--model", "lr.onnx", "--data", "holdout.npz") == 0
    record = read_record(repo / "lr.onnx")
    assert record["model"]["attacked_as"].startswith("ONNX")
    assert metric(record, "clean_accuracy", "accuracy")["value"] == pytest.approx(
        digits_lr.score(digits["x_test"], digits["y_test"]), abs=0.01
    )
    attack = metric(record, "adversarial", "accuracy@eps=0.2")
    assert attack["value"] < attack["details"]["clean_accuracy_on_rows"]


# --- agreement with ART ------------------------------------------------------------------------


def _art() -> Any:
    return pytest.importorskip("art", reason="ART is an optional extra (pip install 'mlsec-hooks[art]')")


def _space_and_bound(model: Any, x: np.ndarray, y: np.ndarray, kind: str = "sklearn") -> tuple[Any, Any, Any]:
    from hooks.gate.adapters.choose import adapter_for
    from hooks.gate.attacks import Space
    from hooks.gate.data import Table, to_dataset

    columns = [str(i) for i in range(x.shape[1])]
    table = Table([*columns, "label"], np.column_stack([x, y]).astype(np.float64), "0" * 64, "t")
    data = to_dataset(table, features=columns, label="label", immutable=(), sensitive=None, as_frame=False)
    adapter = adapter_for(kind, model, data)
    return adapter, adapter.bind(data), Space(data.numeric, np.ones_like(data.numeric, dtype=bool), None)


@pytest.mark.parametrize("norm", ["linf", "l2"])
def test_builtin_fgsm_agrees_with_art_on_binary_logistic_regression(cancer: dict[str, Any], norm: str) -> None:
    _art()
    from art.attacks.evasion import FastGradientMethod
    from art.estimators.classification import SklearnClassifier
    from sklearn.linear_model import LogisticRegression

    from hooks.gate.attacks import fgsm

    train, test = cancer["train"], cancer["test"]
    features = [c for c in train.columns if c != "target"]
    scale = train[features].to_numpy().std(axis=0)
    x_train, x_test = train[features].to_numpy() / scale, test[features].to_numpy() / scale
    model = LogisticRegression(max_iter=5000).fit(x_train, train["target"])
    y = test["target"].to_numpy()
    _, bound, space = _space_and_bound(model, x_test, y)
    eps = 0.3 if norm == "linf" else 1.0
    ours = x_test + fgsm(bound, space, y, eps, norm, targeted=False)
    art_norm: Any = np.inf if norm == "linf" else 2
    theirs = FastGradientMethod(SklearnClassifier(model=model), norm=art_norm, eps=eps).generate(x_test, y=np.eye(2)[y])
    assert np.allclose(ours, theirs, atol=1e-6)
    assert model.score(ours, y) == model.score(theirs, y)


def test_builtin_fgsm_and_pgd_agree_with_art_on_a_torch_model(digits: dict[str, Any], torch_net: Any) -> None:
    _art()
    import torch
    from art.attacks.evasion import FastGradientMethod, ProjectedGradientDescent
    from art.estimators.classification import PyTorchClassifier

    from hooks.gate.attacks import fgsm, pgd

    x, y = digits["x_test"][:200], digits["y_test"][:200]
    _, bound, space = _space_and_bound(torch_net, x, y, kind="torch")
    classifier = PyTorchClassifier(model=torch_net, loss=torch.nn.CrossEntropyLoss(), input_shape=(64,), nb_classes=10)
    labels = np.eye(10)[y]
    ours = x + fgsm(bound, space, y, 0.1, "linf", targeted=False)
    theirs = FastGradientMethod(classifier, eps=0.1).generate(x.astype(np.float32), y=labels)
    assert np.mean(np.isclose(ours, theirs, atol=1e-5)) > 0.999  # float32 sign ties may differ in a cell or two
    rng = np.random.default_rng(0)
    ours_pgd = x + pgd(bound, space, y, 0.1, "linf", False, steps=5, step_size=0.02, random_start=False, rng=rng)
    theirs_pgd = ProjectedGradientDescent(
        classifier, eps=0.1, eps_step=0.02, max_iter=5, num_random_init=0, verbose=False
    ).generate(x.astype(np.float32), y=labels)
    accuracy = lambda a: float(np.mean(torch_net(torch.as_tensor(a, dtype=torch.float32)).argmax(1).numpy() == y))  # noqa: E731
    assert abs(accuracy(ours_pgd) - accuracy(theirs_pgd)) <= 0.02


def test_engine_art_through_the_command_matches_the_builtin_engine(repo: Path, cancer: dict[str, Any]) -> None:
    _art()
    from sklearn.linear_model import LogisticRegression

    train, test = cancer["train"], cancer["test"]
    features = [c for c in train.columns if c != "target"]
    scale = train[features].to_numpy().std(axis=0)
    model = LogisticRegression(max_iter=5000).fit(train[features].to_numpy() / scale, train["target"])
    dump(model, repo / "lr.joblib")
    save_npz(repo / "holdout.npz", test[features].to_numpy() / scale, test["target"].to_numpy())
    write_policy(repo, {"checks": {"adversarial": {"eps": [0.1, 0.3]}}})
    values = {}
    for engine in ("builtin", "art"):
        run_gate("--model", "lr.joblib", "--data", "holdout.npz", "--engine", engine)
        record = read_record(repo / "lr.joblib")
        values[engine] = [metric(record, "adversarial", f"accuracy@eps={e}")["value"] for e in (0.1, 0.3)]
        assert record["policy"]["gate"].get("engine", "builtin") == engine
    assert values["builtin"] == values["art"]
