"""`python -m bench.formats_bench`: the formats beyond pickle (issue 18), against modelscan.

Run in the test environment (`.venv`: h5py, onnx, gguf, safetensors, numpy write the files):

    .venv/bin/python -m bench.formats_bench [--heldout DIR ...] [--peer-python PY] [--large-mb N]

Three sets, scored separately:
- tune: the families the tests cover (built here with the real writers, through the test
  builders), benign and malicious;
- heldout-built: malicious variants and benign files the tests never saw (other places in the
  file, other spellings, other writers' options), built here;
- heldout DIR: public files (every file counts as benign unless a path part is `malicious`).

mlsec-artifacts flags a file with a finding at or above medium; modelscan (its `ModelScan.scan`,
run with `--peer-python`'s interpreter) with any issue or error, and "not supported" counts as
not flagged; modelaudit (`--modelaudit`, JSON report) with an issue of severity warning or
above. `--large-mb` also times mlsec and modelscan on large GGUF, safetensors, HDF5 and ONNX files.
Nothing fetched is written into this repository; only counts are printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_SEVERE = {"medium", "high", "critical"}
_MODELSCAN = r"""
import json, sys
from modelscan.modelscan import ModelScan
out = {}
for path in sys.argv[1:]:
    scanner = ModelScan()
    try:
        scanner.scan(path)
    except Exception as exc:
        out[path] = {"flagged": True, "detail": f"crash {type(exc).__name__}"}
        continue
    if not scanner.scanned:
        out[path] = {"flagged": False, "detail": "not supported"}
        continue
    issues = scanner.issues.all_issues
    errors = scanner.errors
    out[path] = {"flagged": bool(issues or errors), "detail": f"{len(issues)} issues, {len(errors)} errors"}
print(json.dumps(out))
"""


def _tune(work: Path) -> dict[str, tuple[bytes, bool]]:
    """name -> (data, malicious): the tests' families."""
    from tests.artifacts.builders import keras_zip
    from tests.artifacts.formats import test_gguf, test_hdf5, test_keras, test_onnx, test_tensorflow
    from tests.artifacts.formats.test_chat_template import CHATML, ESCAPES
    from tests.artifacts.formats.test_hydra import TRAINING
    from tests.artifacts.formats.test_mlflow import PYFUNC, SKLEARN

    tf = test_tensorflow
    files: dict[str, tuple[bytes, bool]] = {
        "ok.h5": (test_hdf5._h5(work, test_hdf5._config(test_hdf5.DENSE)), False),
        "ok_latest.h5": (test_hdf5._h5(work, test_hdf5._config(test_hdf5.DENSE), libver="latest"), False),
        "lambda.h5": (test_hdf5._h5(work, test_hdf5._config(test_hdf5.DENSE, test_hdf5.LAMBDA)), True),
        "lambda_vlen.h5": (test_hdf5._h5(work, test_hdf5._config(test_hdf5.LAMBDA), as_bytes=False), True),
        "ok.keras": (keras_zip(test_keras._model()), False),
        "lookup.keras": (
            keras_zip(
                test_keras._model({"class_name": "StringLookup", "config": {"name": "v", "vocabulary": "/etc/passwd"}})
            ),
            True,
        ),
        "ok.onnx": (test_onnx._model(), False),
        "traversal.onnx": (test_onnx._external("../../etc/passwd"), True),
        "absolute.onnx": (test_onnx._external("/etc/passwd"), True),
        "ok.gguf": (test_gguf._gguf(work), False),
        "ok.safetensors": (_safetensors(), False),
        "tail.safetensors": (_safetensors() + b"PK\x05\x06" + bytes(18), True),
        "saved_model/ok/saved_model.pb": (tf.saved_model(tf.graph(*tf.ORDINARY)), False),
        "saved_model/pyfunc/saved_model.pb": (tf.saved_model(tf.graph(*tf.ORDINARY, tf.node("p", "PyFunc"))), True),
        "saved_model/readfile/saved_model.pb": (tf.saved_model(tf.graph(tf.node("r", "ReadFile"))), True),
        "configs/train.yaml": (TRAINING, False),
        "configs/evil.yaml": (TRAINING + b"x:\n  _target_: os.system\n", True),
        "mlflow_ok/MLmodel": (SKLEARN, False),
        "mlflow_code/MLmodel": (PYFUNC, True),
        "hf_ok/tokenizer_config.json": (json.dumps({"chat_template": CHATML}).encode(), False),
    }
    for index, escape in enumerate(ESCAPES[:4]):
        files[f"template{index}.gguf"] = (test_gguf._gguf(work, CHATML + escape), True)
    return files


def _safetensors() -> bytes:
    import numpy as np
    from safetensors.numpy import save

    return bytes(save({"w": np.ones((4, 4), dtype=np.float32), "b": np.zeros(4, dtype=np.float16)}))


def _heldout_built(work: Path) -> dict[str, tuple[bytes, bool]]:
    """Variants the tests never saw: other places, spellings and writer options."""
    import h5py
    import numpy as np
    import onnx
    from onnx import helper

    from tests.artifacts.builders import keras_zip
    from tests.artifacts.formats import test_gguf, test_hdf5, test_keras, test_onnx
    from tests.artifacts.formats import test_tensorflow as tf
    from tests.artifacts.formats.test_chat_template import CHATML

    files: dict[str, tuple[bytes, bool]] = {}
    # HDF5: the Lambda in training_config's loss; an HDF5 with a 512-byte user block.
    path = work / "ub.h5"
    config = test_hdf5._config(test_hdf5.DENSE, test_hdf5.LAMBDA)
    with h5py.File(path, "w", userblock_size=512) as f:
        f.attrs["model_config"] = config
    files["userblock_lambda.h5"] = (path.read_bytes(), True)
    with h5py.File(path, "w", libver=("v108", "v110")) as f:
        f.attrs["model_config"] = test_hdf5._config(test_hdf5.DENSE)
        f.attrs["training_config"] = json.dumps(
            {"loss": {"module": "builtins", "class_name": "function", "config": "eval", "registered_name": "function"}}
        )
        f.create_dataset("w", data=np.ones(1000))
    files["loss_eval_v110.h5"] = (path.read_bytes(), True)
    with h5py.File(path, "w", libver=("v108", "v110")) as f:
        f.attrs["model_config"] = test_hdf5._config(test_hdf5.DENSE) * 1
        f.create_dataset("w", data=np.ones(1000))
        f.create_group("optimizer_weights").attrs["weight_names"] = [b"a", b"b"]
    files["ok_v110.h5"] = (path.read_bytes(), False)
    # Keras 3: subprocess reached through a custom-object-looking function reference.
    files["subprocess.keras"] = (
        keras_zip(
            test_keras._model(
                {
                    "module": "subprocess",
                    "class_name": "function",
                    "config": "check_output",
                    "registered_name": "function",
                }
            )
        ),
        True,
    )
    files["ok_activations.keras"] = (
        keras_zip(
            test_keras._model(
                {"module": "keras.layers", "class_name": "Dense", "config": {"name": "z", "activation": "gelu"}}
            )
        ),
        False,
    )
    # ONNX: the escaping external tensor inside a Constant node's attribute; a custom op in a Loop body.
    tensor = onnx.TensorProto(name="c", data_type=onnx.TensorProto.FLOAT, dims=[2])
    tensor.data_location = onnx.TensorProto.EXTERNAL
    entry = tensor.external_data.add()
    entry.key, entry.value = "location", "..\\..\\secrets.bin"
    constant = helper.make_node("Constant", [], ["k"], value=tensor)
    files["constant_traversal.onnx"] = (test_onnx._model([constant]), True)
    body = helper.make_graph([helper.make_node("Dec", ["a"], ["b"], domain="ai.onnx.contrib")], "body", [], [])
    loop = helper.make_node("Loop", ["n", "c"], ["y"], body=body)
    files["contrib_in_loop.onnx"] = (test_onnx._model([loop]), True)
    files["ok_relu.onnx"] = (test_onnx._model([helper.make_node("Relu", ["x"], ["y"])]), False)
    # GGUF: escapes the tests do not list; a named chat template variant.
    for index, escape in enumerate(
        [
            "{% for c in ().__class__.__base__.__subclasses__() %}{% endfor %}",
            "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
            "{{ (messages|first)|attr('_\\x5fclass_\\x5f') }}",
        ]
    ):
        files[f"heldout_template{index}.gguf"] = (test_gguf._gguf(work, CHATML + escape), True)
    files["ok_small_vocab.gguf"] = (test_gguf._gguf(work, CHATML, tokens=50_000), False)
    # TensorFlow: PyFuncStateless in the function library; WriteFile in a frozen graph.
    files["lib/saved_model.pb"] = (
        tf.saved_model(tf.graph(*tf.ORDINARY, functions=(tf.node("f", "PyFuncStateless"),))),
        True,
    )
    files["frozen_write.pb"] = (tf.graph(tf.node("x", "Placeholder"), tf.node("w", "WriteFile")), True)
    # Hydra and HF: spellings the tests do not use.
    files["conf/run.yaml"] = (b"job:\n  _target_: 'importlib.import_module'\n  name: os\n", True)
    files["conf/ok.yaml"] = (b"trainer:\n  _target_: lightning.Trainer\n  max_epochs: 3\n", False)
    files["hf_remote/config.json"] = (
        json.dumps({"model_type": "x", "auto_map": {"AutoModelForCausalLM": "evil/repo--modeling.M"}}).encode(),
        True,
    )
    files["hf_chat/chat_template.json"] = (
        json.dumps({"chat_template": CHATML + "{{ cycler.__init__.__globals__ }}"}).encode(),
        True,
    )
    return files


def _write(root: Path, files: dict[str, tuple[bytes, bool]]) -> dict[str, bool]:
    labels = {}
    for name, (data, malicious) in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        labels[str(path)] = malicious
    return labels


def _mlsec(paths: list[str]) -> dict[str, bool]:
    mlsec = Path(sys.executable).with_name("mlsec-artifacts")
    flagged = {p: False for p in paths}
    for start in range(0, len(paths), 200):
        chunk = paths[start : start + 200]
        done = subprocess.run([str(mlsec), "--format", "json", *chunk], capture_output=True, text=True, check=False)
        report = json.loads(done.stdout)
        for finding in report["findings"]:
            if finding["severity"] in _SEVERE:
                flagged[finding["path"]] = True
        for error in report.get("errors", []):
            flagged[str(error.get("path", ""))] = True
    return flagged


def _modelscan(python: str | None, paths: list[str]) -> dict[str, bool] | None:
    if python is None:
        return None
    done = subprocess.run([python, "-c", _MODELSCAN, *paths], capture_output=True, text=True, check=False)
    try:
        return {p: bool(v["flagged"]) for p, v in json.loads(done.stdout.splitlines()[-1]).items()}
    except (ValueError, IndexError):
        print("modelscan worker failed:", done.stderr[-500:])
        return None


def _modelaudit(binary: str | None, paths: list[str]) -> dict[str, bool] | None:
    """modelaudit (promptfoo) with telemetry off and any network pointed at a closed loopback port."""
    if binary is None:
        return None
    import os

    env = dict(os.environ, PROMPTFOO_DISABLE_TELEMETRY="1", NO_ANALYTICS="1")
    env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")
    flagged = {p: False for p in paths}
    for start in range(0, len(paths), 100):
        chunk = paths[start : start + 100]
        command = [binary, "scan", "--no-cache", "--format", "json", *chunk]
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        try:
            issues = json.loads(done.stdout)["issues"]
        except (ValueError, KeyError):
            for path in chunk:
                flagged[path] = True  # a crash fails the hook
            continue
        for issue in issues:
            if issue.get("severity") not in ("warning", "critical", "error"):
                continue
            location = str(issue.get("location") or "")
            for path in chunk:
                if location.startswith(path):
                    flagged[path] = True
    return flagged


def _score(title: str, labels: dict[str, bool], tools: dict[str, dict[str, bool] | None]) -> None:
    malicious = [p for p, m in labels.items() if m]
    benign = [p for p, m in labels.items() if not m]
    print(f"\n{title}: {len(malicious)} malicious, {len(benign)} benign")
    for tool, flagged in tools.items():
        if flagged is None:
            continue
        caught = sum(flagged.get(p, False) for p in malicious)
        blocked = [p for p in benign if flagged.get(p, False)]
        print(f"  {tool:10} caught {caught}/{len(malicious)}  benign blocked {len(blocked)}/{len(benign)}")
        missed = [Path(p).name for p in malicious if not flagged.get(p, False)]
        if missed and tool == "mlsec":
            print(f"    missed: {', '.join(missed[:10])}")
        if blocked and tool == "mlsec":
            print(f"    blocked: {', '.join(Path(p).name for p in blocked[:10])}")


def _large(work: Path, megabytes: int, python: str | None) -> None:
    import gguf
    import h5py
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper
    from safetensors.numpy import save_file

    rows = megabytes * (1 << 20) // (4 * 1024)
    big = np.zeros((rows, 1024), dtype=np.float32)
    builders: dict[str, Callable[[Path], None]] = {
        "model.safetensors": lambda p: save_file({"w": big}, str(p)),
        "model.h5": lambda p: _big_h5(p, big, h5py),
        "model.onnx": lambda p: onnx.save(
            helper.make_model(
                helper.make_graph(
                    [helper.make_node("Identity", ["w"], ["y"])],
                    "g",
                    [],
                    [],
                    [numpy_helper.from_array(big[: min(rows, (1 << 31) // 4096 - 1)], "w")],
                )
            ),
            str(p),
        ),
        "model.gguf": lambda p: _big_gguf(p, big, gguf),
    }
    print(f"\nlarge files ({megabytes} MiB of weights each): seconds, best of 2")
    mlsec = Path(sys.executable).with_name("mlsec-artifacts")
    for name, build in builders.items():
        path = work / "large" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path)
        times = {"mlsec": _best([str(mlsec), str(path)])}
        if python is not None:
            times["modelscan"] = _best([python, "-m", "modelscan.cli", "-p", str(path)])
        ratio = f"  modelscan/mlsec {times['modelscan'] / times['mlsec']:.1f}x" if "modelscan" in times else ""
        size = path.stat().st_size >> 20
        print(f"  {name:18} {size:5} MiB  " + "  ".join(f"{k} {v:.2f}" for k, v in times.items()) + ratio)
        path.unlink()


def _big_h5(path: Path, big: object, h5py: object) -> None:
    with h5py.File(path, "w") as f:  # type: ignore[attr-defined]
        f.attrs["model_config"] = json.dumps(
            {"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense"}]}}
        )
        f.create_dataset("model_weights/w", data=big)


def _big_gguf(path: Path, big: object, gguf: object) -> None:
    writer = gguf.GGUFWriter(str(path), "llama")  # type: ignore[attr-defined]
    writer.add_token_list([f"t{i}" for i in range(32000)])
    writer.add_tensor("w", big)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def _best(command: list[str]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.formats_bench", description=__doc__)
    parser.add_argument("--heldout", type=Path, action="append", default=[], help="folders of public model files")
    parser.add_argument("--peer-python", help="interpreter with modelscan installed")
    parser.add_argument("--modelaudit", help="modelaudit executable (telemetry off, network to loopback)")
    parser.add_argument("--large-mb", type=int, default=0, help="also time both tools on files this large")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sets = {
            "tune (families in the tests)": _write(work / "tune", _tune(work)),
            "heldout-built (variants the tests never saw)": _write(work / "heldout", _heldout_built(work)),
        }
        public: dict[str, bool] = {}
        for folder in args.heldout:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.stat().st_size:
                    public[str(path)] = "malicious" in path.parts
        if public:
            sets["heldout-public (" + ", ".join(f.name for f in args.heldout) + ")"] = public
        for title, labels in sets.items():
            paths = list(labels)
            tools = {
                "mlsec": _mlsec(paths),
                "modelscan": _modelscan(args.peer_python, paths),
                "modelaudit": _modelaudit(args.modelaudit, paths),
            }
            _score(title, labels, tools)
        if args.large_mb:
            _large(work, args.large_mb, args.peer_python)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
