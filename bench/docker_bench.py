"""mlsec-dockerfile against hadolint on 200 generated Dockerfiles of ML projects."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from bench.measure import Measurement, measure

BASES = [
    "python:3.11-slim",
    "pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime",
    "nvidia/cuda:12.1.1-runtime-ubuntu22.04",
    "jupyter/tensorflow-notebook:2023-10-20",
    "rayproject/ray:2.9.3-py310-gpu",
    "ubuntu:22.04",
]


def dockerfile(rng: random.Random, index: int) -> str:
    base = rng.choice(BASES)
    lines = [
        "# syntax=docker/dockerfile:1.7",
        f"FROM {base} AS build",
        "ARG PIP_INDEX_URL",
        "RUN apt-get update && apt-get install -y --no-install-recommends \\",
        "        git curl libgl1 \\",
        "    && rm -rf /var/lib/apt/lists/*",
        "WORKDIR /src",
        "COPY requirements.txt .",
        "RUN pip install --no-cache-dir -r requirements.txt",
    ]
    if index % 3 == 0:
        lines += ["RUN <<EOF", "set -eux", "curl -fsSLo /tmp/x.sh https://example.org/x.sh", "bash /tmp/x.sh", "EOF"]
    if index % 4 == 0:
        lines += [f"RUN pip install timm=={rng.randint(0, 9)}.0.{rng.randint(0, 9)} wandb"]
    if index % 5 == 0:
        lines += ["ENV WANDB_PROJECT=demo HF_HOME=/cache/hf", "EXPOSE 8265"]
    lines += [
        f"FROM {base}",
        "COPY --from=build /src /app",
        "WORKDIR /app",
        f"RUN useradd -m -u {1000 + index % 50} app",
        "USER app",
        'CMD ["python", "-m", "serve", "--port", "8000"]',
    ]
    return "\n".join(lines) + "\n"


def run(folder: Path, bin_dir: Path, repeat: int) -> list[tuple[str, Measurement]]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)
    rng = random.Random(11)
    names = []
    for index in range(200):
        path = folder / f"svc{index:03d}" / "Dockerfile"
        path.parent.mkdir(exist_ok=True)
        path.write_text(dockerfile(rng, index))
        names.append(str(path.relative_to(folder)))
    rows = [("mlsec-dockerfile", measure([str(bin_dir / "mlsec-dockerfile"), *names], repeat, cwd=folder))]
    hadolint = shutil.which("hadolint", path=str(bin_dir)) or shutil.which("hadolint")
    if hadolint:
        rows.append(("hadolint", measure([hadolint, "--no-fail", *names], repeat, cwd=folder)))
    return rows
