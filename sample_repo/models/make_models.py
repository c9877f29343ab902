"""Write every model file in this folder. Dumping a pickle never runs its payload.

python models/make_models.py   (from sample_repo/, with scikit-learn, joblib and torch)
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))


class Payload:
    """Pickles as os.system(cmd); the command only writes a canary file."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, ("echo pwned > canary_pickle_sample",)


def pickled_class(module: str, name: str) -> bytes:
    cls = type(name, (), {"__module__": module, "__qualname__": name, "__reduce__": lambda self: (cls, ())})
    sys.modules.setdefault(module, type(sys)(module))
    setattr(sys.modules[module], name, cls)
    return pickle.dumps(cls(), protocol=4)


def main() -> None:
    import joblib
    import numpy as np
    import torch
    from sklearn.linear_model import LogisticRegression

    from sample_project.model import TinyNet

    rng = np.random.default_rng(0)
    features, labels = rng.normal(size=(30, 3)), np.arange(30) % 2
    (HERE / "backdoor.pkl").write_bytes(pickle.dumps({"weights": [0.1], "hook": Payload()}, protocol=2))
    (HERE / "plain_weights.pkl").write_bytes(pickle.dumps({"weights": [0.1]}, protocol=2))  # safe twin
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # a torch-style checkpoint with a payload in data.pkl
        archive.writestr("checkpoint/data.pkl", pickle.dumps({"state": {}, "hook": Payload()}, protocol=2))
        archive.writestr("checkpoint/version", "3\n")
    (HERE / "finetuned.pt").write_bytes(buffer.getvalue())
    torch.save(torch.nn.Linear(3, 2).state_dict(), HERE / "checkpoint.pt")  # safe twin
    (HERE / "classifier.pkl").write_bytes(pickle.dumps(LogisticRegression().fit(features, labels), protocol=5))
    joblib.dump({"scaler_mean": features.mean(axis=0), "labels": labels}, HERE / "features.joblib")
    (HERE / "tiny_net.pkl").write_bytes(pickle.dumps(TinyNet(), protocol=4))  # allowed by .mlsec.yaml
    (HERE / "legacy_vectorizer.pkl").write_bytes(pickled_class("sample_project.legacy", "Vectorizer"))  # approved
    (HERE / "old_scaler.pkl").write_bytes(pickled_class("sample_project.old", "Scaler"))  # in the baseline
    (HERE / "unknown_class.pkl").write_bytes(pickled_class("sample_project.plugins", "Unreviewed"))


if __name__ == "__main__":
    main()
