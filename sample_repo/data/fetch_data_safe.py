"""Fetch the training data: https only, and a pinned checksum before anything is unpickled."""
import hashlib
import pickle

import pandas as pd
import requests

ENCODER_SHA256 = "3f1d0c5bb6a1f1f4a5e0e1c1e2a4c9d6b7f1f0e3d2c1b0a99887766554433221"

reviews = pd.read_csv("https://data.example-mirror.net/reviews/train.csv")

response = requests.get("https://models.example-mirror.net/features/encoder.pkl", timeout=30)
if hashlib.sha256(response.content).hexdigest() != ENCODER_SHA256:
    raise SystemExit("encoder.pkl does not match its pinned checksum")
encoder = pickle.loads(response.content)  # nosec B301 - verified against a pinned hash above
