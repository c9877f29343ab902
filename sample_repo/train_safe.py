"""The same job written safely: nothing here is reported."""
import os
import subprocess

import numpy as np
import torch
import yaml
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM

WANDB_API_KEY = os.environ["WANDB_API_KEY"]
HF_TOKEN = os.environ.get("HF_TOKEN")
REVISION = "0123456789abcdef0123456789abcdef01234567"


def load_everything(path):
    state = torch.load(path, weights_only=True)
    weights = load_file("model.safetensors")
    table = np.load("table.npy")
    with open("config.yaml") as handle:
        config = yaml.safe_load(handle)
    model = AutoModelForCausalLM.from_pretrained("org/model", revision=REVISION)
    return state, weights, table, config, model


def fetch(url):
    subprocess.run(["wget", "-q", url], check=True)
