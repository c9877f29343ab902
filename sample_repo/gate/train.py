"""Train the tiny model the gate example judges: a scaled logistic regression on scikit-learn's
bundled breast-cancer data (no download), its features scaled to [0, 1] as stored. Writes out/model.joblib, out/train.csv and
out/holdout.csv; `mlsec gate --config gate/gate.mlsec.yaml` then judges the model."""

from pathlib import Path

import joblib
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    frame = load_breast_cancer(as_frame=True).frame
    frame.columns = [name.replace(" ", "_") for name in frame.columns]
    features = [name for name in frame.columns if name != "target"]
    low, high = frame[features].min(), frame[features].max()
    frame[features] = (frame[features] - low) / (high - low)
    # A synthetic group column for the bias check: which clinic the record came from.
    frame["clinic"] = ["north" if index % 3 else "south" for index in range(len(frame))]
    train, holdout = train_test_split(frame, test_size=0.4, random_state=0, stratify=frame["target"])
    model = LogisticRegression(C=10, max_iter=5000)
    model.fit(train[features], train["target"])
    OUT.mkdir(exist_ok=True)
    joblib.dump(model, OUT / "model.joblib")
    train.to_csv(OUT / "train.csv", index=False)
    holdout.to_csv(OUT / "holdout.csv", index=False)


if __name__ == "__main__":
    main()
