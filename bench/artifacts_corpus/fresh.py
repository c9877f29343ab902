"""A third split, `fresh`: material written after the scanner changes and measured once.

Neither `tune` nor `heldout` has these shapes. Benign: what real training scripts put in a
checkpoint beside the weights (argparse namespaces, paths, RNG states of torch/numpy/random,
optimizer and scheduler kinds the other splits lack, Lightning-style hyper-parameter dicts),
sklearn model selection and composite estimators, numpy bit generators, pandas nullable and
MultiIndex frames, scipy interpolators/trees/KDEs, pickles of protocol 0 and 1 (no other split has
them) and joblib lz4 level 1. Malicious: payload globals no other split uses (process, file,
network, import and loader functions of the standard library and of the ML libraries), each
through a different container; polyglots of another shape (a tar whose first name starts with
GGUF's magic, a zip appended behind an HDF5 or GGUF header, a pickle inside a tar name in
protocol 0); library classes whose construction touches files or the network.

Run in the corpus venv: `python -m bench.artifacts_corpus.fresh OUT` writes OUT/manifest.json in
the format of the other splits; the build then runs the loader oracle on the malicious files
(`oracle_reached`: a zip behind another header is read by zipfile-based loaders the oracle does
not drive, and the SHORT_BINSTRING tar variant turned out to be reached by no loader).
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import pickle
import random
import sys
import tarfile
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from bench.artifacts_corpus import pickles as pk
from tests.artifacts import payload_builders as pb

CANARY = "/tmp/mlsec-corpus-canary/fresh"


# --- benign ------------------------------------------------------------------------------------
def _torch_checkpoints() -> Iterator[tuple[str, str, Any]]:
    import numpy as np
    import torch
    from torch import nn

    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16, 2)
    )
    optimizers = {
        "sgd_momentum": torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True),
        "adamw": torch.optim.AdamW(net.parameters(), lr=1e-3),
        "rmsprop": torch.optim.RMSprop(net.parameters()),
        "adagrad": torch.optim.Adagrad(net.parameters()),
    }
    out = net(torch.randn(2, 3, 6, 6)).sum()
    out.backward()
    for optimizer in optimizers.values():
        optimizer.step()
    schedulers = {
        "onecycle": torch.optim.lr_scheduler.OneCycleLR(optimizers["sgd_momentum"], max_lr=0.1, total_steps=10),
        "cosine_restarts": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizers["adamw"], T_0=5),
        "plateau": torch.optim.lr_scheduler.ReduceLROnPlateau(optimizers["rmsprop"]),
    }
    args = argparse.Namespace(lr=0.1, epochs=3, data_dir=Path("/data/imagenet"), out=PurePosixPath("runs/x"))
    yield (
        "checkpoint with args, paths and every RNG state",
        "torch",
        {
            "epoch": 3,
            "model": net.state_dict(),
            "optimizer": optimizers["sgd_momentum"].state_dict(),
            "scheduler": schedulers["onecycle"].state_dict(),
            "args": args,
            "best_acc1": torch.tensor(71.5),
            "metric": np.float64(0.93),
            "torch_rng": torch.get_rng_state(),
            "numpy_rng": np.random.get_state(),
            "python_rng": random.getstate(),
        },
    )
    for name, optimizer in optimizers.items():
        yield f"optimizer {name}", "torch", optimizer.state_dict()
    for name, scheduler in schedulers.items():
        yield f"scheduler {name}", "torch", scheduler.state_dict()
    yield (
        "lightning-style hyper-parameters",
        "torch",
        {
            "state_dict": collections.OrderedDict(net.state_dict()),
            "hyper_parameters": {"lr": 1e-3, "layers": [64, 32], "activation": "relu", "betas": (0.9, 0.999)},
            "hparams_name": "kwargs",
            "callbacks": {"ModelCheckpoint{'monitor': 'val_loss'}": {"best_model_score": torch.tensor(0.1)}},
            "pytorch-lightning_version": "2.5.0",
            "global_step": 100,
        },
    )
    modules = {
        "lstm": nn.LSTM(4, 8, num_layers=2, batch_first=True),
        "transformer_encoder": nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2),
        "embedding_bag": nn.EmbeddingBag(10, 4),
        "gru_cell": nn.GRUCell(4, 4),
        "conv_transpose": nn.ConvTranspose2d(2, 2, 3),
    }
    for name, module in modules.items():
        yield f"full module {name}", "torch", module
    yield (
        "tensors of every dtype",
        "torch",
        {
            str(dtype): torch.zeros(3, dtype=dtype)
            for dtype in (torch.bfloat16, torch.float16, torch.int8, torch.bool, torch.complex64, torch.uint8)
        },
    )
    yield (
        "devices, dtypes and sizes",
        "torch",
        {"device": torch.device("cpu"), "dtype": torch.float32, "size": torch.Size([2, 3])},
    )


def _sklearn_models() -> Iterator[tuple[str, str, Any]]:
    import numpy as np
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.cluster import KMeans
    from sklearn.compose import ColumnTransformer
    from sklearn.decomposition import PCA, TruncatedSVD
    from sklearn.ensemble import IsolationForest, StackingClassifier, VotingClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import LabelEncoder, OneHotEncoder, StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3))
    y = (x[:, 0] > 0).astype(int)
    yield "grid search", "pickle", GridSearchCV(LogisticRegression(), {"C": [0.1, 1.0]}, cv=2).fit(x, y)
    column = ColumnTransformer([("num", StandardScaler(), [0, 1]), ("cat", OneHotEncoder(), [2])])
    mixed = np.c_[x[:, :2], rng.integers(0, 3, size=40)]
    yield "column transformer pipeline", "pickle", make_pipeline(column, LogisticRegression()).fit(mixed, y)
    yield "calibrated classifier", "pickle", CalibratedClassifierCV(LogisticRegression(), cv=2).fit(x, y)
    estimators = [("lr", LogisticRegression()), ("dt", DecisionTreeClassifier())]
    yield "voting", "pickle", VotingClassifier(estimators).fit(x, y)
    yield "stacking", "pickle", StackingClassifier(estimators, cv=2).fit(x, y)
    yield "isolation forest", "pickle", IsolationForest(n_estimators=5, random_state=0).fit(x)
    texts = ["alpha beta gamma", "beta gamma delta", "gamma delta epsilon", "delta epsilon zeta"] * 5
    yield "tfidf logistic", "pickle", make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(texts, [0, 1] * 10)
    yield "label encoder", "pickle", LabelEncoder().fit(["cat", "dog", "bird"])
    yield "kmeans", "pickle", KMeans(2, n_init=1, random_state=0).fit(x)
    yield "pca", "pickle", PCA(2).fit(x)
    yield "truncated svd", "pickle", TruncatedSVD(2).fit(x)


def _numpy_pandas_scipy() -> Iterator[tuple[str, str, Any]]:
    import numpy as np
    import pandas as pd
    from scipy import interpolate, sparse, spatial, stats

    for bit_generator in (np.random.PCG64DXSM, np.random.Philox, np.random.SFC64, np.random.MT19937):
        yield f"numpy generator {bit_generator.__name__}", "pickle", np.random.Generator(bit_generator(1))
    yield (
        "numpy dtypes and scalars",
        "pickle",
        {
            "dt": np.dtype("datetime64[ns]"),
            "structured": np.dtype([("a", "<i4"), ("b", "<f8")]),
            "when": np.datetime64("2024-01-01"),
            "void": np.zeros(1, dtype=[("a", "<i4")])[0],
            "masked": np.ma.masked_array([1, 2, 3], mask=[0, 1, 0], fill_value=-1),
        },
    )
    yield "object npy of lists", "npy", np.array([[1, 2], {"a": 1}, "text"], dtype=object)
    index = pd.MultiIndex.from_product([["a", "b"], [1, 2]], names=["k", "n"])
    frame = pd.DataFrame(
        {
            "i": pd.array([1, None, 3, 4], dtype="Int64"),
            "b": pd.array([True, None, False, True], dtype="boolean"),
            "f": pd.array([1.5, None, 2.5, 3.5], dtype="Float64"),
            "s": pd.array(["x", None, "z", "w"], dtype="string[python]"),
            "td": pd.to_timedelta([1, 2, 3, 4], unit="s"),
        },
        index=index,
    )
    yield "pandas nullable multiindex frame", "pandas", frame
    yield "pandas categorical index series", "pandas", pd.Series([1, 2, 3], index=pd.CategoricalIndex(["a", "b", "a"]))
    xs = np.linspace(0, 1, 10)
    yield "scipy interp1d", "pickle", interpolate.interp1d(xs, xs**2)
    yield "scipy cubic spline", "pickle", interpolate.CubicSpline(xs, xs**2)
    yield "scipy kdtree", "pickle", spatial.KDTree(np.c_[xs, xs])
    yield "scipy ckdtree", "pickle", spatial.cKDTree(np.c_[xs, xs])
    yield "scipy gaussian kde", "pickle", stats.gaussian_kde(xs)
    yield "scipy sparse arrays", "pickle", {"coo": sparse.coo_array(np.eye(3)), "csr": sparse.csr_array(np.eye(3))}


def _stdlib_and_boosting() -> Iterator[tuple[str, str, Any]]:
    import datetime
    import decimal
    import fractions
    import re
    import uuid

    yield (
        "stdlib containers",
        "pickle",
        {
            "counter": collections.Counter("abracadabra"),
            "deque": collections.deque([1, 2, 3], maxlen=5),
            "default": collections.defaultdict(list, {"a": [1]}),
            "ordered": collections.OrderedDict(a=1),
        },
    )
    yield (
        "stdlib values",
        "pickle",
        {
            "tz": datetime.timezone(datetime.timedelta(hours=2)),
            "when": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            "decimal": decimal.Decimal("1.10"),
            "fraction": fractions.Fraction(1, 3),
            "complex": 1 + 2j,
            "frozen": frozenset({1, 2}),
            "bytes": bytearray(b"xy"),
            "range": range(3),
            "slice": slice(1, 5, 2),
            "pattern": re.compile(r"\d+"),
            "uuid": uuid.UUID(int=1),
            "path": PurePosixPath("a/b"),
        },
    )
    yield "argparse namespace", "pickle", argparse.Namespace(model="resnet", lr=0.1, data=Path("/data"))
    try:
        import lightgbm
        import numpy as np
        import xgboost

        x = np.random.default_rng(0).normal(size=(50, 3))
        yield "xgboost regressor", "pickle", xgboost.XGBRegressor(n_estimators=3).fit(x, x[:, 0])
        yield "lightgbm regressor", "pickle", lightgbm.LGBMRegressor(n_estimators=3, verbose=-1).fit(x, x[:, 0])
    except ImportError:
        pass
    try:
        from transformers import BertConfig, GenerationConfig

        yield "transformers configs", "pickle", {"bert": BertConfig(num_hidden_layers=1), "gen": GenerationConfig()}
    except ImportError:
        pass


def _save(key: str, saver: str, obj: Any, rng: random.Random) -> list[tuple[str, bytes, str]]:
    base = key.replace(" ", "_").replace("/", "_")
    if saver == "torch":
        import torch

        zipped, legacy = io.BytesIO(), io.BytesIO()
        torch.save(obj, zipped)
        torch.save(obj, legacy, _use_new_zipfile_serialization=False)
        return [
            (f"{base}.pt", zipped.getvalue(), "torch.save (zip)"),
            (f"{base}.tar", legacy.getvalue(), "torch.save (legacy)"),
        ]
    if saver == "npy":
        import numpy as np

        buffer = io.BytesIO()
        np.save(buffer, obj, allow_pickle=True)
        return [(f"{base}.npy", buffer.getvalue(), "numpy.save object array")]
    if saver == "pandas":
        out = []
        for suffix in (".pkl", ".pkl.bz2"):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"{base}{suffix}"
                obj.to_pickle(path, protocol=rng.choice([1, 2]))
                out.append((path.name, path.read_bytes(), f"DataFrame.to_pickle ({suffix})"))
        return out
    protocol = rng.choice([0, 1])
    try:
        data = pickle.dumps(obj, protocol=protocol)
    except TypeError:  # __slots__ classes without __getstate__ need protocol 2
        protocol = 2
        data = pickle.dumps(obj, protocol=protocol)
    out = [(f"{base}.pkl", data, f"pickle protocol {protocol}")]
    try:
        import joblib

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{base}.joblib"
            joblib.dump(obj, path, compress=("lz4", 1))
            out.append((path.name, path.read_bytes(), "joblib.dump compress=lz4 level 1"))
    except Exception as exc:  # noqa: BLE001 - lz4 missing
        print(f"joblib lz4 failed for {base}: {exc}", file=sys.stderr)
    return out


BENIGN: list[tuple[str, Callable[[], Iterator[tuple[str, str, Any]]]]] = [
    ("torch checkpoints and training state", _torch_checkpoints),
    ("sklearn model selection and composites", _sklearn_models),
    ("numpy, pandas and scipy objects", _numpy_pandas_scipy),
    ("stdlib values, boosting wrappers, transformers configs", _stdlib_and_boosting),
]


# --- malicious ---------------------------------------------------------------------------------
# (module, name, harmless arguments): globals neither other split uses.
PAYLOADS: list[tuple[str, str, tuple[pk.Arg, ...]]] = [
    ("subprocess", "Popen", (["true"],)),
    ("os", "execvp", ("true", ["true"])),
    ("runpy", "run_path", (CANARY + "-missing.py",)),
    ("pydoc", "pipepager", ("x", "true")),
    ("uuid", "_get_command_stdout", ("true",)),
    ("logging", "FileHandler", (CANARY + "-log",)),
    ("codecs", "open", (CANARY + "-codecs", "w")),
    ("shutil", "rmtree", (CANARY + "-dir", True)),
    ("tempfile", "mkdtemp", ()),
    ("socket", "create_connection", (("127.0.0.1", 9),)),
    ("urllib.request", "urlopen", ("http://127.0.0.1:9/",)),
    ("sqlite3", "connect", (CANARY + "-db",)),
    ("numpy.testing._private.utils", "runstring", ("x = 1", None)),  # exec
    ("torch.hub", "load", ("127.0.0.1/x", "m")),
    ("pandas", "read_csv", ("/etc/hostname",)),
    ("linecache", "getline", ("/etc/hostname", 1)),
    ("ctypes.util", "find_library", ("c",)),
    ("importlib", "import_module", ("this",)),
    ("code", "InteractiveInterpreter", ()),
    ("timeit", "timeit", ("1",)),
]


def _containers(body: bytes, protocol: int, index: int) -> tuple[str, bytes, str]:
    """Put one call into the index-th container shape."""
    shape = index % 7
    raw = pk.stream(body, protocol)
    if shape == 0:
        return "model.pkl", raw, f"raw pickle protocol {protocol}"
    if shape == 1:
        data = pb.zip_archive(pb.torch_zip_entries(pk.in_state_dict(body, protocol), "model"))
        return "pytorch_model.bin", data, "torch zip, state dict value"
    if shape == 2:
        return "model.joblib", pb.compress(raw, "lz4"), "joblib lz4"
    if shape == 3:
        return "frame.pkl.bz2", pb.compress(raw, "bz2"), "pandas bz2 by extension"
    if shape == 4:
        return "bundle.tar.gz", pb.compress(pb.single_member_tar("inner/model.pkl", raw), "gzip"), "gzip > tar > pickle"
    if shape == 5:
        return "weights.npy", pb.npy_object_file("'|O'", (1,), raw), "npy object array"
    inner = pb.zip_archive(pb.torch_zip_entries(pk.stream(body, 2), "archive"))
    nested = pk.stream(pk.call("torch.storage", "_load_from_bytes", (inner,), 2), 2)
    return "ckpt.pt", nested, "nested torch archive via _load_from_bytes"


def _malicious() -> Iterator[dict[str, Any]]:
    rng = random.Random(3)
    for index, (module, name, args) in enumerate(PAYLOADS):
        protocol = rng.choice([0, 1, 2, 3, 4, 5])
        style = pk.STYLES[index % len(pk.STYLES)] if protocol >= 2 else "global"
        body = pk.call(module, name, args, protocol, style)
        file_name, data, container = _containers(body, max(protocol, 0), index)
        yield {"name": file_name, "data": data, "family": f"payload {module}.{name}", "issue_family": "classic",
               "container": container, "reached": f"{module}.{name}"}  # fmt: skip
    core = pk.stream(pk.call("os", "system", (f"touch {CANARY}-poly",), 0), 0)
    # A tar whose first member name starts with GGUF's magic: a GGUF header and a tar at once.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for member, content in (("GGUF\x03", b""), ("payload.pkl", core)):
            info = tarfile.TarInfo(member)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    yield {"name": "model.gguf", "data": buffer.getvalue(), "family": "polyglot: tar behind a GGUF magic",
           "issue_family": "1", "container": "tar", "reached": "os.system"}  # fmt: skip
    archive_bytes = pb.zip_archive(pb.torch_zip_entries(core, "archive"))
    for header, file_name in (
        (b"\x89HDF\r\n\x1a\n" + b"\x00" * 40, "model.keras"),
        (b"GGUF\x03\x00\x00\x00" + b"\x00" * 16, "model.skops"),
    ):
        yield {"name": file_name, "data": header + archive_bytes, "family": "polyglot: zip behind another header",
               "issue_family": "1", "container": "zip from its end record", "reached": "os.system"}  # fmt: skip
    for opcode, file_name in ((b"X", "model.pth"), (b"U", "rng_state.bin")):
        # The tar's first name opens a string (BINUNICODE; SHORT_BINSTRING) that swallows the
        # archive; the payload follows its end blocks. Other splits use T and B.
        try:
            data = pb.tar_swallowing(core, tarfile.GNU_FORMAT, [("weights", b"\x00" * 64)], opcode)
        except (ValueError, StopIteration):
            continue
        yield {"name": file_name, "data": data, "family": "polyglot: tar name opens a string over the archive",
               "issue_family": "1", "container": "tar, payload after its end", "reached": "os.system"}  # fmt: skip
    # Library classes whose construction touches files or the network.
    for module, name, args in (
        ("logging.handlers", "RotatingFileHandler", (CANARY + "-rot",)),
        ("sklearn.callback._scoring_monitor", "ScoringMonitor", ()),
        ("transformers.training_args", "TrainingArguments", (CANARY + "-out",)),
        ("lightgbm.basic", "Booster", (None, None, CANARY + "-model.txt")),
    ):
        body = pk.call(module, name, args, 2)
        yield {"name": f"{name.lower()}.pkl", "data": pk.stream(body, 2), "family": f"side effect {module}.{name}",
               "issue_family": "6", "container": "raw pickle", "reached": f"{module}.{name}"}  # fmt: skip


def main() -> None:
    out = Path(sys.argv[1])
    warnings.simplefilter("ignore")
    out.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, Any]] = []
    skipped: list[str] = []
    rng = random.Random(7)
    for family, maker in BENIGN:
        try:
            objects = list(maker())
        except Exception as exc:  # noqa: BLE001 - a library missing or failing: note it
            skipped.append(f"{family}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        for key, saver, obj in objects:
            try:
                files = _save(key, saver, obj, rng)
            except Exception as exc:  # noqa: BLE001
                skipped.append(f"{key}: not saved ({type(exc).__name__}: {str(exc)[:150]})")
                continue
            for name, data, how in files:
                folder = out / "benign" / f"b{len(entries):04d}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
                entries.append({"file": f"benign/{folder.name}/{name}", "label": "benign", "split": "fresh",
                                "family": f"{family}: {key}", "object": key, "writer": how})  # fmt: skip
    for index, sample in enumerate(_malicious()):
        folder = out / "malicious" / f"m{index:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / sample["name"]).write_bytes(sample["data"])
        sample.setdefault("loaders", ["pickle", "joblib", "pandas", "torch_weights_only_false"])  # for the oracle check
        entries.append({"file": f"malicious/{folder.name}/{sample['name']}", "label": "malicious", "split": "fresh",
                        **{k: v for k, v in sample.items() if k not in ("name", "data")}})  # fmt: skip
    record = {"split": "fresh", "skipped": skipped, "files": entries}
    (out / "manifest.json").write_text(json.dumps(record, indent=1))
    counts = collections.Counter(entry["label"] for entry in entries)
    print(f"fresh: {counts['benign']} benign, {counts['malicious']} malicious, {len(skipped)} skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
