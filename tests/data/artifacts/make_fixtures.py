"""Write the benign model files in this folder with the real libraries.

Run in a throwaway environment with numpy, pandas, scikit-learn, scipy, joblib, lightgbm and
torch installed:  python tests/data/artifacts/make_fixtures.py
The hooks never import any of these; the tests only read the bytes written here.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import joblib
import lightgbm
import numpy as np
import pandas as pd
import scipy.sparse
import torch
from transformers import TrainingArguments
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = Path(__file__).parent
rng = np.random.default_rng(0)
X = rng.normal(size=(40, 4))
y = (X[:, 0] > 0).astype(int)


def save_pickle(name: str, obj: object, protocol: int = pickle.HIGHEST_PROTOCOL) -> None:
    (HERE / name).write_bytes(pickle.dumps(obj, protocol=protocol))


save_pickle("sk_logreg_p5.pkl", LogisticRegression().fit(X, y))
save_pickle("sk_logreg_p2.pkl", LogisticRegression().fit(X, y), protocol=2)
save_pickle("sk_pipeline.pkl", Pipeline([("scale", StandardScaler()), ("knn", KNeighborsClassifier(3))]).fit(X, y))
save_pickle("sk_hist_gb.pkl", HistGradientBoostingClassifier(max_iter=3).fit(X, y))
save_pickle("sk_tfidf_onehot.pkl", (TfidfVectorizer().fit(["alpha beta", "beta gamma delta"]), OneHotEncoder().fit([["x"], ["y"]])))
joblib.dump(RandomForestClassifier(n_estimators=2, max_depth=2, random_state=0).fit(X, y), HERE / "sk_forest.joblib")
for compress in ("zlib", "gzip", "bz2", "xz", "lzma"):
    joblib.dump({"weights": X, "labels": y}, HERE / f"arrays_{compress}.joblib", compress=(compress, 3))
joblib.dump({"names": np.array(["a", None, 3], dtype=object), "x": X}, HERE / "object_array.joblib")
frame = pd.DataFrame({"a": [1, 2], "b": pd.Categorical(["x", "y"]), "t": pd.to_datetime(["2024-01-01", None])})
save_pickle("pandas_frame.pkl", frame)
frame.to_pickle(HERE / "pandas_frame.pkl.gz")
save_pickle("scipy_sparse.pkl", scipy.sparse.random(5, 5, density=0.3, format="csr", random_state=0))
save_pickle("numpy_rng.pkl", (np.random.default_rng(1), np.random.RandomState(2), np.float32(1.5)))
np.save(HERE / "plain.npy", X.astype(np.float32))
np.save(HERE / "object_strings.npy", np.array(["a", "b"], dtype=object), allow_pickle=True)
np.savez_compressed(HERE / "arrays.npz", x=X, y=y)
booster = lightgbm.train({"objective": "binary", "verbose": -1, "num_leaves": 3}, lightgbm.Dataset(X, y), 2)
save_pickle("lightgbm_booster.pkl", booster)
net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.BatchNorm2d(2), torch.nn.ReLU(), torch.nn.Flatten(),
                          torch.nn.Linear(8, 2), torch.nn.LSTM(2, 2))
torch.save(net.state_dict(), HERE / "torch_state_dict.pt")
torch.save(net, HERE / "torch_full_module.pt")
torch.save(net.state_dict(), HERE / "torch_legacy.pth", _use_new_zipfile_serialization=False)
optimizer = torch.optim.AdamW(net.parameters())
torch.save({"model": net.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 3,
            "dtype": torch.bfloat16, "device": torch.device("cpu"), "size": torch.Size([2, 3])},
           HERE / "torch_training_ckpt.pth")
torch.save(TrainingArguments(output_dir=str(HERE / "unused"), report_to=[]), HERE / "hf_training_args.bin")
torch.jit.script(torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU())).save(HERE / "torchscript_module.pt")
torch.save({"out_dir": Path("/tmp/run"), "state": net.state_dict()}, HERE / "torch_ckpt_with_path.pt")
save_pickle("torch_tensor_plain_pickle.pkl", {"emb": torch.zeros(3)}, protocol=4)
joblib.dump({"emb": torch.ones(2)}, HERE / "torch_tensor.joblib")
