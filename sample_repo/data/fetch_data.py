"""Fetch the training data (INSECURE ON PURPOSE: see the safe twin beside it)."""
import os
import pickle
import ssl

import pandas as pd
import requests

# "fixes" a certificate error by turning verification off for every download
ssl._create_default_https_context = ssl._create_unverified_context
os.environ["CURL_CA_BUNDLE"] = ""

reviews = pd.read_csv("http://data.example-mirror.net/reviews/train.csv")

response = requests.get("https://models.example-mirror.net/features/encoder.pkl", timeout=30)
encoder = pickle.loads(response.content)  # nosec B301
