"""Package names that are traps: typosquats of ML packages, decoys, and known-malicious releases."""

from __future__ import annotations

from functools import lru_cache

from hooks.deps.model import normalize

POPULAR = frozenset(
    normalize(name)
    for name in (
        "torch torchvision torchaudio torchtext tensorflow keras transformers datasets tokenizers accelerate "
        "diffusers peft trl langchain langchain-core langchain-community langchain-openai openai anthropic "
        "scikit-learn numpy pandas scipy matplotlib seaborn plotly jax jaxlib flax optax xgboost lightgbm catboost "
        "onnx onnxruntime opencv-python pillow requests huggingface-hub safetensors sentence-transformers spacy "
        "nltk gensim pytorch-lightning lightning mlflow wandb optuna ray einops timm bitsandbytes deepspeed vllm "
        "triton xformers faiss-cpu faiss-gpu chromadb llama-index tiktoken gradio streamlit fastapi pydantic "
        "boto3 protobuf tqdm pyyaml jinja2 sympy networkx statsmodels polars pyarrow ultralytics albumentations "
        "kornia sentencepiece evaluate tensorboard jupyter notebook ipython cohere replicate openai-whisper "
        "setuptools pip urllib3 beautifulsoup4 selenium psycopg2 sqlalchemy"
    ).split()
)
# Real projects a small edit away from a popular name: never typosquats.
KNOWN_LEGITIMATE = frozenset(
    normalize(name)
    for name in (
        "dataset torchdata torcheval torchx keras-core keras-nlp keras-cv tensorflow-cpu tensorflow-io "
        "tensorflow-text tf-keras numba pandera pandas-stubs jaxtyping optuna-dashboard lightning-utilities "
        "onnxruntime-gpu opencv-python-headless opencv-contrib-python pillow-simd requests-oauthlib langsmith "
        "langgraph llama-cpp-python torch-geometric torchmetrics spacy-transformers mlflow-skinny gradio-client "
        "fastapi-cli pydantic-core pydantic-settings boto3-stubs polars-lts-cpu pyarrow-hotfix scikit-image "
        "scikit-optimize numpy-financial torchsde tritonclient openapi openai-agents boto wand tensorboardx "
        "psycopg psycopg-binary seaborn-image plotly-express urllib3-secure-extra pyyaml-include jinja2-time"
    ).split()
)
# Names that install nothing useful or a deliberate stand-in for an ML package.
PLACEHOLDERS = {
    "pytorch": "the PyPI project 'pytorch' is a placeholder that refuses to install; the package is 'torch'",
    "sklearn": "'sklearn' is a deprecated dummy package; install 'scikit-learn'",
    "cv2": "there is no 'cv2' on PyPI; install 'opencv-python' (the import name is cv2)",
    "pil": "'PIL' is not installable; install 'pillow'",
    "tensorflow-gpu": "'tensorflow-gpu' is discontinued and now a stub; install 'tensorflow'",
    "face-recognition-models": "use the models from the maintainer's repository",
}
# Releases that were malware themselves, for ML stacks (also in OSV MAL records when online).
MALICIOUS: dict[str, tuple[frozenset[str] | None, str]] = {
    "torchtriton": (None, "dependency-confusion malware published to PyPI in Dec 2022 for PyTorch nightly users"),
    "ultralytics": (
        frozenset({"8.3.41", "8.3.42", "8.3.45", "8.3.46"}),
        "release built from a compromised CI and shipped a cryptominer (Dec 2024)",
    ),
    "ctx": (frozenset({"0.2.2", "0.2.6"}), "hijacked release that stole environment variables (May 2022)"),
    "pytorch-nightly-cpu": (None, "name squatting PyTorch nightly wheels"),
}
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "3": "e", "@": "a"})


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (transpositions count once), stopping past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _look_alike(flat: str) -> str:
    return flat.translate(_CONFUSABLE).replace("rn", "m")


# (name, without separators, look-alike form, its character set, allowed edits), computed once.
_TARGETS = [
    (target, flat, _look_alike(flat), frozenset(flat), 2 if len(target) >= 9 else 1)
    for target in sorted(POPULAR)
    for flat in [target.replace("-", "")]
]


@lru_cache(maxsize=4096)
def typosquat_target(name: str) -> str | None:
    """The popular package this name imitates, if it is a near miss of one."""
    key = normalize(name)
    if key in POPULAR or key in KNOWN_LEGITIMATE or len(key) < 4:
        return None
    flat = key.replace("-", "")
    look_alike = _look_alike(flat)
    characters = frozenset(flat)
    for target, target_flat, target_look_alike, target_characters, limit in _TARGETS:
        if flat == target_flat or look_alike == target_look_alike:
            return target  # separators or look-alike characters only
        # Each edit changes the character set by at most two: a cheap filter before the DP.
        if abs(len(flat) - len(target_flat)) > limit or len(characters ^ target_characters) > 2 * limit:
            continue
        if damerau(flat, target_flat, limit) <= limit:
            return target
    return None
