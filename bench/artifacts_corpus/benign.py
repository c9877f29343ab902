"""Benign samples: files written by real, current libraries with their own savers.

Run in the corpus venv: `python -m bench.artifacts_corpus.benign OUT SPLIT [--only pandas]`.
Every object family is tried; one that does not build or save (a library missing, an
estimator that needs special data) is listed under `skipped` with the reason, never fatal.
Objects go to the tune or heldout split by a stable hash of their name (splits.assign), and
each split saves with its own protocols, joblib codecs and torch formats (splits.py).
"""

from __future__ import annotations

import io
import json
import pickle
import random
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.artifacts_corpus.splits import SPLITS, Split, assign

Maker = Callable[[], Iterator[tuple[str, Any]]]  # yields (key, object)
MAKERS: list[tuple[str, str, Maker]] = []  # (family, saver kind, maker)


def maker(family: str, saver: str = "pickle") -> Callable[[Maker], Maker]:
    def register(function: Maker) -> Maker:
        MAKERS.append((family, saver, function))
        return function

    return register


def _toy() -> tuple[Any, Any, Any]:
    import numpy as np

    rng = np.random.default_rng(0)
    X = np.abs(rng.normal(size=(60, 4))) + 0.1
    y_class = np.array([0, 1, 2] * 20)
    y_reg = X @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.1, size=60)
    return X, y_class, y_reg


# --- scikit-learn -------------------------------------------------------------------------------
def _sklearn_instance(cls: Any) -> Any:
    from sklearn.linear_model import LinearRegression, LogisticRegression

    try:
        return cls()
    except TypeError:
        pass
    base = LogisticRegression(max_iter=200)
    regressor = LinearRegression()
    is_regressor = "Regress" in cls.__name__
    for kwargs in (
        {"estimator": regressor if is_regressor else base},
        {
            "estimators": [
                ("a", regressor if is_regressor else base),
                ("b", LinearRegression() if is_regressor else LogisticRegression(C=0.5)),
            ]
        },
        {"base_estimator": base},
        {"transformers": [("p", "passthrough", [0, 1])]},
        {"steps": [("m", base)]},
        {"transformer_list": [("p", "passthrough")]},
        {"param_grid": {"C": [1.0]}, "estimator": base},
        {"param_distributions": {"C": [1.0]}, "estimator": base, "n_iter": 1},
    ):
        try:
            return cls(**kwargs)
        except TypeError:
            continue
    raise TypeError("no default construction")


@maker("sklearn estimator")
def sklearn_estimators() -> Iterator[tuple[str, Any]]:
    import numpy as np
    from sklearn.base import is_regressor
    from sklearn.utils import all_estimators

    X, y_class, y_reg = _toy()
    y_pos = np.abs(y_reg) + 0.1
    docs = np.array(["the cat sat", "a dog ran", "the dog sat"] * 20)
    records = [{"a": float(i), "b": "x" if i % 2 else "y"} for i in range(60)]
    for name, cls in all_estimators():
        try:
            est = _sklearn_instance(cls)
        except Exception as exc:  # noqa: BLE001
            yield f"skip:sklearn.{name}", f"cannot construct: {type(exc).__name__}"
            continue
        if "n_components" in est.get_params() and "RandomProjection" in name:
            est.set_params(n_components=2)
        try:
            regressor = is_regressor(est)
        except Exception:  # noqa: BLE001 - a meta-estimator without its inner estimator
            regressor = "Regressor" in name
        attempts = [(X, y_reg), (X, y_pos), (X, np.c_[y_reg, y_pos])] if regressor else []
        attempts += [(X, y_class), (X, None), (X, np.c_[y_class, y_class[::-1]]), (X, np.c_[y_reg, y_pos])]
        attempts += [(y_class, None), (docs, None), (records, None), (docs, y_class)]
        for features, target in attempts:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    est.fit(features) if target is None else est.fit(features, target)
                yield f"sklearn.{name}", est
                break
            except Exception:  # noqa: BLE001 - try the next toy dataset
                continue
        else:
            yield f"skip:sklearn.{name}", "does not fit the toy datasets (needs text, graphs or special targets)"


@maker("sklearn pipelines, text and score functions")
def sklearn_extras() -> Iterator[tuple[str, Any]]:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.feature_selection import SelectKBest, f_classif, mutual_info_classif
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, make_scorer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    X, y, _ = _toy()
    docs = ["the cat sat", "the dog ran", "a cat ran", "a dog sat"] * 3
    labels = [0, 1, 0, 1] * 3
    yield (
        "pipe.log1p",
        make_pipeline(FunctionTransformer(np.log1p, inverse_func=np.expm1), StandardScaler(), LogisticRegression()).fit(
            X, y
        ),
    )
    yield "pipe.sqrt", make_pipeline(FunctionTransformer(np.sqrt), LogisticRegression()).fit(X, y)
    yield "select.f_classif", make_pipeline(SelectKBest(f_classif, k=2), LogisticRegression()).fit(X, y)
    yield "select.mutual_info", SelectKBest(mutual_info_classif, k=2).fit(X, y)
    yield "text.tfidf", make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(docs, labels)
    yield "text.tfidf_split", TfidfVectorizer(tokenizer=str.split, token_pattern=None).fit(docs)
    yield "text.count_bigrams", CountVectorizer(ngram_range=(1, 2)).fit(docs)
    yield "scorer.f1", make_scorer(f1_score, average="macro")
    yield "func.f_classif", f_classif
    yield "func.np_log1p", np.log1p


# --- pandas -------------------------------------------------------------------------------------
@maker("pandas frames", saver="pandas")
def pandas_frames() -> Iterator[tuple[str, Any]]:
    import numpy as np
    import pandas as pd

    version = pd.__version__.split(".")[0]
    n = 6
    frames: dict[str, Any] = {
        "strings": pd.DataFrame({"name": list("abcdef"), "v": range(n)}),
        "categorical": pd.DataFrame({"c": pd.Categorical(list("abcabc")), "v": np.arange(n, dtype="float32")}),
        "tz_datetime": pd.DataFrame({"t": pd.date_range("2024-01-01", periods=n, freq="h", tz="Europe/Paris")}),
        "period": pd.DataFrame({"p": pd.period_range("2024-01", periods=n, freq="M")}),
        "interval": pd.DataFrame({"i": pd.interval_range(0, n)}),
        "sparse": pd.DataFrame({"s": pd.arrays.SparseArray([0, 0, 1, 0, 2, 0])}),
        "multiindex": pd.DataFrame({"v": range(n)}, index=pd.MultiIndex.from_product([["x", "y"], [1, 2, 3]])),
        "timedelta": pd.Series(pd.to_timedelta(range(n), unit="s")),
        "nullable": pd.DataFrame(
            {"i": pd.array([1, None, 3, 4, 5, 6], dtype="Int64"), "b": pd.array([True, None] * 3, dtype="boolean")}
        ),
        "series_str": pd.Series(list("abcdef"), name="letters"),
    }
    try:
        frames["arrow_string"] = pd.DataFrame({"s": pd.array(list("abcdef"), dtype="string[pyarrow]")})
        frames["arrow_ints"] = pd.DataFrame({"i": pd.array(range(n), dtype="int64[pyarrow]")})
    except Exception as exc:  # noqa: BLE001 - pyarrow missing
        yield "skip:pandas.arrow", f"pyarrow dtypes unavailable: {type(exc).__name__}"
    for key, frame in frames.items():
        yield f"pandas{version}.{key}", frame


# --- numpy, scipy, statsmodels ------------------------------------------------------------------
@maker("numpy objects")
def numpy_objects() -> Iterator[tuple[str, Any]]:
    import numpy as np

    yield "numpy.masked", np.ma.masked_array([1.0, 2.0, 3.0], mask=[0, 1, 0])
    yield "numpy.matrix", np.matrix([[1, 2], [3, 4]])
    yield "numpy.recarray", np.rec.fromrecords([(1, "a"), (2, "b")], names="n,s")
    yield "numpy.structured", np.array([(1, 2.0)], dtype=[("a", "<i4"), ("b", "<f8")])
    yield "numpy.datetime64", np.arange("2024-01-01", "2024-01-05", dtype="datetime64[D]")
    yield "numpy.generator", np.random.default_rng(0)
    yield "numpy.randomstate", np.random.RandomState(0)
    yield "numpy.poly1d", np.poly1d([1, 2, 3])
    yield "numpy.ufuncs", {"log1p": np.log1p, "expm1": np.expm1}
    yield "numpy.dtypes", [np.dtype("float32"), np.dtype([("x", "<i8")])]
    yield "numpy.float16_array", np.ones((2, 2), dtype=np.float16)
    yield "numpy.scalar", np.float64(3.5)
    yield "numpy.structured_object", np.array([(1, "a"), (2, None)], dtype=[("i", "<i4"), ("o", "O")])
    yield "numpy.zeros_1000x1000", np.zeros((1000, 1000))  # compresses far beyond 1000:1


@maker("two pickle streams in one file (header, then data)", saver="streams")
def header_then_data() -> Iterator[tuple[str, Any]]:
    import numpy as np

    yield "streams.header_array", ({"version": 2, "shape": (3, 3)}, np.eye(3))
    yield "streams.header_dict", ({"format": "records", "count": 2}, [{"a": 1}, {"a": 2}])
    yield "streams.meta_model", ({"created": "2024-01-01"}, {"weights": [0.1, 0.2]})


@maker("scipy objects")
def scipy_objects() -> Iterator[tuple[str, Any]]:
    import numpy as np
    from scipy import interpolate, sparse, stats

    dense = np.eye(4)
    yield "scipy.csr_matrix", sparse.csr_matrix(dense)
    yield "scipy.csc_array", sparse.csc_array(dense)
    yield "scipy.coo_matrix", sparse.coo_matrix(dense)
    yield "scipy.bspline", interpolate.make_interp_spline(np.arange(6.0), np.arange(6.0) ** 2)
    yield "scipy.norm_frozen", stats.norm(0, 1)
    yield "scipy.gamma_frozen", stats.gamma(2.0)
    yield "scipy.interp1d", interpolate.interp1d([0, 1, 2], [0, 1, 4])


@maker("statsmodels results")
def statsmodels_results() -> Iterator[tuple[str, Any]]:
    import numpy as np
    import statsmodels.api as sm

    X, y, y_reg = _toy()
    design = sm.add_constant(X)
    yield "statsmodels.ols", sm.OLS(y_reg, design).fit()
    yield "statsmodels.logit", sm.Logit((y == 1).astype(float), design).fit(disp=0)
    yield "statsmodels.glm", sm.GLM(y_reg, design).fit()
    del np


@maker("gradient boosting wrappers")
def boosting() -> Iterator[tuple[str, Any]]:
    X, y, y_reg = _toy()
    for module, classes in (
        ("xgboost", ("XGBClassifier", "XGBRegressor")),
        ("lightgbm", ("LGBMClassifier", "LGBMRegressor")),
        ("catboost", ("CatBoostClassifier", "CatBoostRegressor")),
    ):
        try:
            library = __import__(module)
        except ImportError:
            yield f"skip:{module}", "not installed"
            continue
        for name in classes:
            kwargs: dict[str, Any] = {"verbose": 0} if module == "catboost" else {}
            if module == "lightgbm":
                kwargs = {"verbose": -1, "n_estimators": 5}
            if module == "xgboost":
                kwargs = {"n_estimators": 5}
            if module == "catboost":
                kwargs["iterations"] = 5
                kwargs["allow_writing_files"] = False
            model = getattr(library, name)(**kwargs)
            model.fit(X, y if "Classifier" in name else y_reg)
            yield f"{module}.{name}", model


# --- stdlib ---------------------------------------------------------------------------------------
@maker("stdlib value types")
def stdlib_values() -> Iterator[tuple[str, Any]]:
    import collections
    import datetime
    import decimal
    import fractions
    import http
    import ipaddress
    import logging
    import pathlib
    import types
    import uuid
    import zoneinfo

    yield "stdlib.httpstatus", {"ok": http.HTTPStatus.OK}
    yield "stdlib.ipaddress", [ipaddress.ip_address("10.0.0.1"), ipaddress.ip_network("2001:db8::/32")]
    yield "stdlib.simplenamespace", types.SimpleNamespace(lr=0.1, epochs=3)
    yield "stdlib.zoneinfo", datetime.datetime(2024, 1, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    yield "stdlib.userdict", collections.UserDict(a=1)
    yield "stdlib.ordereddict", collections.OrderedDict(a=1, b=[1, 2])
    yield "stdlib.defaultdict", collections.defaultdict(list, {"a": [1]})
    yield "stdlib.counter_deque", (collections.Counter("hello"), collections.deque([1, 2]))
    yield "stdlib.decimal_fraction", (decimal.Decimal("1.10"), fractions.Fraction(1, 3))
    yield "stdlib.datetimes", (datetime.date(2024, 1, 1), datetime.timedelta(hours=1), datetime.timezone.utc)
    yield "stdlib.uuid_path", (uuid.UUID(int=1), pathlib.PurePosixPath("a/b"))
    yield "stdlib.logger", logging.getLogger("training")
    yield "stdlib.builtins", (frozenset({1}), bytearray(b"ab"), slice(1, 2), range(3), complex(1, 2))


# --- dill and cloudpickle -------------------------------------------------------------------------
@maker("dill and cloudpickle saves of sklearn models", saver="dill")
def dill_saves() -> Iterator[tuple[str, Any]]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    X, y, _ = _toy()
    yield "dill.logreg", LogisticRegression().fit(X, y)
    yield "dill.pipeline", make_pipeline(FunctionTransformer(np.log1p), LogisticRegression()).fit(X, y)


# --- torch and transformers ---------------------------------------------------------------------
@maker("torch layers: state_dicts and full modules", saver="torch")
def torch_layers() -> Iterator[tuple[str, Any]]:
    import torch

    torch.manual_seed(0)
    layers = {
        "linear": torch.nn.Linear(4, 3),
        "conv2d": torch.nn.Conv2d(3, 4, 3),
        "lstm": torch.nn.LSTM(4, 5, batch_first=True),
        "gru": torch.nn.GRU(4, 5),
        "batchnorm": torch.nn.BatchNorm1d(4),
        "layernorm": torch.nn.LayerNorm(4),
        "embedding": torch.nn.Embedding(10, 4),
        "transformer_layer": torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16),
        "multihead": torch.nn.MultiheadAttention(8, 2),
        "sequential": torch.nn.Sequential(
            torch.nn.Linear(4, 4), torch.nn.ReLU(), torch.nn.Dropout(0.1), torch.nn.Linear(4, 1)
        ),
        "conv_transpose": torch.nn.ConvTranspose1d(2, 2, 3),
        "prelu_gelu": torch.nn.Sequential(torch.nn.PReLU(), torch.nn.GELU()),
    }
    for name, layer in layers.items():
        yield f"torch.state_dict.{name}", layer.state_dict()
        yield f"torch.module.{name}", layer


@maker("torch tensors and training state", saver="torch")
def torch_tensors() -> Iterator[tuple[str, Any]]:
    import torch

    dense = torch.eye(4)
    yield "torch.sparse_coo", {"w": dense.to_sparse()}
    yield "torch.sparse_csr", {"w": dense.to_sparse_csr()}
    yield "torch.sparse_csc", {"w": dense.to_sparse_csc()}
    yield "torch.sparse_bsr", {"w": dense.to_sparse_bsr((2, 2))}
    yield "torch.channels_last", {"w": torch.zeros(1, 3, 4, 4).to(memory_format=torch.channels_last)}
    yield "torch.quantized", {"q": torch.quantize_per_tensor(torch.ones(4), 0.1, 0, torch.quint8)}
    yield (
        "torch.quantized_channel",
        {
            "q": torch.quantize_per_channel(
                torch.ones(2, 2), torch.tensor([0.1, 0.2]), torch.tensor([0, 0]), 0, torch.qint8
            )
        },
    )
    yield (
        "torch.dtypes",
        {
            "bf16": torch.ones(2, dtype=torch.bfloat16),
            "c64": torch.ones(2, dtype=torch.complex64),
            "b": torch.ones(2, dtype=torch.bool),
        },
    )
    yield "torch.return_types", torch.max(torch.eye(3), dim=0)
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    model(torch.ones(1, 4)).sum().backward()
    optimizer.step()
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1)
    scheduler.step()
    yield "torch.optimizer", optimizer.state_dict()
    yield "torch.scheduler", scheduler.state_dict()
    yield "torch.gradscaler", torch.amp.GradScaler("cpu").state_dict()
    yield (
        "torch.sgd_checkpoint",
        {
            "model": model.state_dict(),
            "optim": torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9).state_dict(),
            "epoch": 3,
            "rng": torch.get_rng_state(),
        },
    )


@maker("transformers tiny models and training files", saver="torch")
def transformers_models() -> Iterator[tuple[str, Any]]:
    import random as stdlib_random

    import numpy as np
    import torch
    import transformers

    configs = {
        "bert": transformers.BertConfig(
            vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16
        ),
        "gpt2": transformers.GPT2Config(vocab_size=50, n_embd=16, n_layer=1, n_head=2),
        "t5": transformers.T5Config(vocab_size=50, d_model=16, d_ff=16, num_layers=1, num_heads=2, d_kv=8),
    }
    for name, config in configs.items():
        model = transformers.AutoModel.from_config(config)
        yield f"transformers.{name}.state_dict", model.state_dict()
        yield f"transformers.{name}.module", model
    args = transformers.TrainingArguments(output_dir="/tmp/mlsec-corpus-trainer", report_to=[], use_cpu=True)
    yield "transformers.training_args", args
    yield (
        "transformers.rng_state",
        {"python": stdlib_random.getstate(), "numpy": np.random.get_state(), "cpu": torch.random.get_rng_state()},
    )


@maker("transformers Trainer checkpoints", saver="files")
def trainer_checkpoints() -> Iterator[tuple[str, Any]]:
    """A real Trainer run of one step: checkpoint-1/ as Trainer writes it (optimizer.pt,
    scheduler.pt, rng_state.pth, training_args.bin, model.safetensors)."""
    import tempfile

    import torch
    import transformers

    configs = {
        "bert": transformers.BertConfig(
            vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16
        ),
        "gpt2": transformers.GPT2Config(vocab_size=50, n_embd=16, n_layer=1, n_head=2, pad_token_id=0),
        "distilbert": transformers.DistilBertConfig(vocab_size=50, dim=16, n_layers=1, n_heads=2, hidden_dim=16),
    }
    rows = [
        {
            "input_ids": torch.tensor([1, 2, 3, 4]),
            "attention_mask": torch.ones(4, dtype=torch.long),
            "labels": torch.tensor(i % 2),
        }
        for i in range(8)
    ]
    for name, config in configs.items():
        model = transformers.AutoModelForSequenceClassification.from_config(config)
        with tempfile.TemporaryDirectory() as folder:
            args = transformers.TrainingArguments(
                output_dir=folder, max_steps=1, save_steps=1, per_device_train_batch_size=4, report_to=[],
                use_cpu=True, logging_strategy="no", disable_tqdm=True,
            )  # fmt: skip
            transformers.Trainer(model=model, args=args, train_dataset=rows).train()
            checkpoint = Path(folder) / "checkpoint-1"
            files = {
                p.name: p.read_bytes()
                for p in sorted(checkpoint.iterdir())
                if p.suffix in (".pt", ".pth", ".bin", ".safetensors")
            }
        yield f"transformers.trainer.{name}", files


# --- savers ---------------------------------------------------------------------------------------
def save(obj: Any, saver: str, split: Split, rng: random.Random, base: str) -> list[tuple[str, bytes, str]]:
    """(file name, bytes, how it was written) for each way this split saves the object."""
    out: list[tuple[str, bytes, str]] = []
    if saver == "torch":
        import torch

        buffer = io.BytesIO()
        torch.save(obj, buffer)
        out.append((f"{base}.pt", buffer.getvalue(), "torch.save (zip)"))
        if split.torch_legacy:
            buffer = io.BytesIO()
            torch.save(obj, buffer, _use_new_zipfile_serialization=False)
            out.append((f"{base}.legacy.pth", buffer.getvalue(), "torch.save (legacy)"))
        return out
    if saver == "pandas":
        import tempfile

        suffix = rng.choice(split.pandas_suffixes)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{base}{suffix}"
            obj.to_pickle(path)
            out.append((path.name, path.read_bytes(), f"DataFrame.to_pickle ({suffix})"))
        return out
    if saver == "files":  # written by the library itself, file name included
        return [(f"{base}.{name}", data, "written by the library") for name, data in obj.items()]
    if saver == "streams":  # pickle.dump(header, f); pickle.dump(data, f): read back with two loads
        protocol = rng.choice(split.pickle_protocols)
        header, data = obj
        out.append(
            (
                f"{base}.pkl",
                pickle.dumps(header, protocol=protocol) + pickle.dumps(data, protocol=protocol),
                "two pickle.dump calls",
            )
        )
        return out
    if saver == "dill":
        import cloudpickle
        import dill

        out.append((f"{base}.dill", dill.dumps(obj), "dill.dumps"))
        out.append((f"{base}.cloudpickle.pkl", cloudpickle.dumps(obj), "cloudpickle.dumps"))
        return out
    protocol = rng.choice(split.pickle_protocols)
    out.append((f"{base}.pkl", pickle.dumps(obj, protocol=protocol), f"pickle protocol {protocol}"))
    codec = rng.choice(split.joblib_codecs)
    try:
        import tempfile

        import joblib

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{base}.joblib"
            joblib.dump(obj, path, compress=(codec, 3) if codec else 0)
            out.append((path.name, path.read_bytes(), f"joblib.dump compress={codec}"))
    except Exception as exc:  # noqa: BLE001 - lz4 missing and the like
        print(f"joblib {codec} failed for {base}: {exc}", file=sys.stderr)
    return out


def generate(split: Split, out: Path, only: str | None) -> tuple[list[dict[str, object]], list[str]]:
    entries: list[dict[str, object]] = []
    skipped: list[str] = []
    rng = random.Random(split.seed)
    out.mkdir(parents=True, exist_ok=True)
    for family, saver, function in MAKERS:
        if only and only not in family:
            continue
        try:
            objects = list(function())
        except Exception as exc:  # noqa: BLE001 - a library missing or failing: note it
            skipped.append(f"{family}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        for key, obj in objects:
            if key.startswith("skip:"):
                skipped.append(f"{key[5:]}: {obj}")
                continue
            if assign(key) != split.name:
                continue
            try:
                files = save(obj, saver, split, rng, key.replace("/", "_"))
            except Exception as exc:  # noqa: BLE001
                skipped.append(f"{key}: not saved ({type(exc).__name__}: {str(exc)[:150]})")
                continue
            for name, data, how in files:
                folder = out / f"b{len(entries):04d}"
                folder.mkdir(exist_ok=True)
                (folder / name).write_bytes(data)
                entries.append(
                    {
                        "file": f"{folder.name}/{name}",
                        "label": "benign",
                        "split": split.name,
                        "family": family,
                        "object": key,
                        "writer": how,
                    }
                )
    return entries, skipped


def main() -> None:
    out, split_name = Path(sys.argv[1]), sys.argv[2]
    only = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--only" else None
    warnings.simplefilter("ignore")
    entries, skipped = generate(SPLITS[split_name], out, only)
    (out / "manifest.part.json").write_text(json.dumps({"entries": entries, "skipped": skipped}, indent=1))
    print(f"{split_name}: {len(entries)} benign files, {len(skipped)} skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
