"""A generated, secret-free ML repository for the text benchmarks: scripts, notebooks with
base64 plots and training logs, configs full of hashes and model ids, and Markdown."""

from __future__ import annotations

import base64
import json
import random
import uuid
from pathlib import Path

MODELS = [
    "bert-base-uncased",
    "meta-llama/Meta-Llama-3-8B",
    "openai/whisper-small",
    "google/vit-base-patch16-224",
    "mistralai/Mistral-7B-v0.1",
    "sentence-transformers/all-MiniLM-L6-v2",
]


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def script(rng: random.Random, index: int) -> str:
    return f'''"""Training job {index}."""
import os

import torch
from transformers import AutoModel, AutoTokenizer

MODEL_ID = "{rng.choice(MODELS)}"
REVISION = "{_hex(rng, 40)}"
DATA_SHA256 = "{_hex(rng, 64)}"
RUN_ID = "{uuid.UUID(int=rng.getrandbits(128))}"
HF_TOKEN = os.environ["HF_TOKEN"]
WANDB_KEY = os.getenv("WANDB_API_KEY")
OPENAI_API_KEY = "YOUR_API_KEY"


def train(lr: float = {rng.random():.5f}, epochs: int = {rng.randint(1, 50)}) -> None:
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, revision=REVISION, token=HF_TOKEN)
    model = AutoModel.from_pretrained(MODEL_ID, revision=REVISION)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    for epoch in range(epochs):
        loss = model(**tokenizer("hello", return_tensors="pt")).last_hidden_state.mean()
        loss.backward()
        optimizer.step()
        print(f"epoch={{epoch}} loss={{loss.item():.4f}} run={{RUN_ID}}")
'''


def notebook(rng: random.Random, index: int) -> str:
    png = base64.b64encode(rng.randbytes(rng.randint(4000, 12000))).decode()
    log = "".join(
        f"step {s} loss {rng.random():.4f} lr {rng.random() / 1000:.6f} ckpt-{_hex(rng, 12)}\n"
        for s in range(rng.randint(20, 60))
    )
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": [f"# Experiment {index}\n", "Loss curves below.\n"]},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 1,
            "source": ["import matplotlib.pyplot as plt\n", "plt.plot(losses)\n"],
            "outputs": [
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"image/png": png, "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                }
            ],
        },
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 2,
            "source": [f"trainer.train()  # {_hex(rng, 40)}\n"],
            "outputs": [{"output_type": "stream", "name": "stdout", "text": log}],
        },
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": 3,
            "source": [f'model = AutoModel.from_pretrained("{rng.choice(MODELS)}", revision="{_hex(rng, 40)}")\n'],
            "outputs": [],
        },
    ]
    return json.dumps(
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3"}}, "cells": cells}, indent=1
    )


def config(rng: random.Random, index: int) -> tuple[str, str]:
    if index % 2:
        return "yaml", (
            f"model: {rng.choice(MODELS)}\nrevision: {_hex(rng, 40)}\n"
            f"dataset:\n  sha256: {_hex(rng, 64)}\n  md5: {_hex(rng, 32)}\n"
            f"wandb:\n  project: exp-{index}\n  api_key: ${{WANDB_API_KEY}}\n"
            f"optimizer: {{lr: {rng.random():.5f}, betas: [0.9, 0.999]}}\n"
        )
    return "json", json.dumps(
        {
            "_name_or_path": rng.choice(MODELS),
            "_commit_hash": _hex(rng, 40),
            "hidden_size": 768,
            "torch_dtype": "bfloat16",
            "checksums": {f"shard-{i}": _hex(rng, 64) for i in range(4)},
        },
        indent=2,
    )


def markdown(rng: random.Random, index: int) -> str:
    return (
        f"# Model card {index}\n\nFine-tuned from `{rng.choice(MODELS)}` at revision `{_hex(rng, 40)}`.\n\n"
        "```bash\nexport HF_TOKEN=<your token>\nexport OPENAI_API_KEY=sk-...\n"
        "huggingface-cli login --token $HF_TOKEN\n```\n\n"
        f"Checksum: `{_hex(rng, 64)}`. Run id `{uuid.UUID(int=rng.getrandbits(128))}`.\n"
    )


def generate(root: Path, files: int = 2000, seed: int = 7) -> list[Path]:
    """Write the repository once (kept between runs) and return its files."""
    rng = random.Random(seed)
    written: list[Path] = []
    for index in range(files):
        kind = index % 5
        if kind in (0, 1):
            path, text = root / "src" / f"train_{index}.py", script(rng, index)
        elif kind == 2:
            path, text = root / "notebooks" / f"exp_{index}.ipynb", notebook(rng, index)
        elif kind == 3:
            suffix, text = config(rng, index)
            path = root / "configs" / f"run_{index}.{suffix}"
        else:
            path, text = root / "docs" / f"card_{index}.md", markdown(rng, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(text)
        written.append(path)
    return written
