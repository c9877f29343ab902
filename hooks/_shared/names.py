"""Package names that are traps: typosquats of popular packages, decoys, known-malicious releases.

The same judgement for a requirements file, a pyproject, a notebook's `!pip install sklearn`
and a Dockerfile's `RUN pip install tourch`; the caller passes the rules its findings are
reported under (the `ShellRules` pattern of `hooks/_shared/shell.py`).

Contract:

- `NameRules(malicious, typosquat, decoy)`: a `Rule` or None (not reported) for each.
- `name_issues(requirement, line, rules, allow=frozenset()) -> list[Issue]`, in this order:
  * a known-malicious project or release (a short curated list of ML incidents: torchtriton,
    ultralytics 8.3.41/42/45/46, ...): `malicious`, key `mal:NAME` (every release),
    `mal:NAME:VERSION` (the pinned release is bad) or `mal:NAME:range` (an unpinned or range
    requirement admits a bad release; severity HIGH instead of the rule's);
  * unless the normalised name is in `allow`, or the requirement comes from conda:
    a decoy (`sklearn`, `pytorch`, `cv2`, `PIL`, `tensorflow-gpu` after its last real
    release): `decoy`, key `placeholder:NAME`; a pin to a release that really was the
    project (`tensorflow-gpu==2.5.3`) is not a decoy; a decoy whose name the real project's
    maintainers hold (`sklearn`, `pytorch`, `tensorflow-gpu`: the install fails or does
    nothing) has severity LOW, one nobody legitimate holds keeps the rule's severity;
    else a typosquat of a popular package: `typosquat`, key `typo:NAME`. A name that is
    itself an established project (in the shipped top-PyPI list, see `is_established`) is
    never a typosquat (`ppft` is not `peft`).
  Vulnerability and OSV `MAL-` advisories are not judged here (see `hooks/deps/advisories.py`).
- `typosquat_target(name) -> str | None`: the popular package `name` imitates, or None.
- `decoy_reason(name, version=None) -> str | None`: why the name is a decoy, or None.
- `is_established(name) -> bool`: the name is among the most-downloaded PyPI projects (data:
  `hooks/_shared/data/top_pypi_packages.txt.gz`, its source and date in `data/README.md`);
  loaded once, only when a typosquat candidate needs it.
Pure functions; names are normalised (PEP 503) before every comparison.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from hooks._core.findings import Issue, Severity
from hooks._core.rules import Rule
from hooks._shared.requirements import Requirement, normalize

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet

TOP_PACKAGES_FILE = Path(__file__).with_name("data") / "top_pypi_packages.txt.gz"

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
# Real projects a small edit away from a popular name that may be missing from the top list.
KNOWN_LEGITIMATE = frozenset(
    normalize(name)
    for name in (
        "dataset torchdata torcheval torchx keras-core keras-nlp keras-cv tensorflow-cpu tensorflow-io "
        "tensorflow-text tf-keras numba pandera pandas-stubs jaxtyping optuna-dashboard lightning-utilities "
        "onnxruntime-gpu opencv-python-headless opencv-contrib-python pillow-simd requests-oauthlib langsmith "
        "langgraph llama-cpp-python torch-geometric torchmetrics spacy-transformers mlflow-skinny gradio-client "
        "fastapi-cli pydantic-core pydantic-settings boto3-stubs polars-lts-cpu pyarrow-hotfix scikit-image "
        "scikit-optimize numpy-financial torchsde tritonclient openapi openai-agents boto wand tensorboardx "
        "psycopg psycopg-binary seaborn-image plotly-express urllib3-secure-extra pyyaml-include jinja2-time "
        "torchnet "
        # kvcache-ai's KTransformers (CPU/GPU hybrid inference), below the top-15,000 download list.
        "ktransformers"
    ).split()
)


@dataclass(frozen=True)
class Decoy:
    reason: str
    real_below: str | None = None  # releases below this version were the real project
    # The real project's maintainers hold the name (a placeholder that fails or installs nothing):
    # a broken install to fix, not code an attacker controls, so it is reported low.
    held_by_project: bool = False


# Names that install nothing useful, or a stand-in for an ML package.
DECOYS = {
    "pytorch": Decoy(
        "the PyPI project 'pytorch' is a placeholder that refuses to install; the package is 'torch'",
        held_by_project=True,
    ),
    "sklearn": Decoy(
        "'sklearn' is a deprecated dummy package held by scikit-learn; install 'scikit-learn'", held_by_project=True
    ),
    "cv2": Decoy("there is no 'cv2' on PyPI; install 'opencv-python' (the import name is cv2)"),
    "pil": Decoy("'PIL' is not installable; install 'pillow'"),
    # tensorflow-gpu 2.12.0 and later are stubs that fail; earlier releases were TensorFlow with GPU.
    "tensorflow-gpu": Decoy(
        "'tensorflow-gpu' is discontinued and now a stub; install 'tensorflow'", "2.12.0", held_by_project=True
    ),
}


@dataclass(frozen=True)
class Compromised:
    """A project that was malware (`releases` None) or some of whose releases were.

    `clean_from`: the release from which the project's own advisory says every release is clean,
    published after every compromised one; None when no clean release followed them."""

    releases: frozenset[str] | None
    story: str
    clean_from: str | None = None


# Releases that were malware themselves, for ML stacks (OSV MAL records cover the rest).
MALICIOUS: dict[str, Compromised] = {
    "torchtriton": Compromised(
        None, "dependency-confusion malware published to PyPI in Dec 2022 for PyTorch nightly users"
    ),
    # Ultralytics' advisory (ultralytics/ultralytics#18018, Dec 2024): "Clean versions: >=8.3.47".
    "ultralytics": Compromised(
        frozenset({"8.3.41", "8.3.42", "8.3.45", "8.3.46"}),
        "release built from a compromised CI and shipped a cryptominer (Dec 2024)",
        clean_from="8.3.47",
    ),
    # The hijacked releases were the newest ever published: no clean release came after them.
    "ctx": Compromised(frozenset({"0.2.2", "0.2.6"}), "hijacked release that stole environment variables (May 2022)"),
    "pytorch-nightly-cpu": Compromised(None, "name squatting PyTorch nightly wheels"),
}
# Far above any real release: a specifier that admits it has no upper bound.
_UNBOUNDED_PROBE = "999999"
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "3": "e", "@": "a"})


@dataclass(frozen=True)
class NameRules:
    malicious: Rule | None
    typosquat: Rule | None
    decoy: Rule | None


@lru_cache(maxsize=1)
def _top_packages() -> frozenset[str]:
    import gzip

    try:
        with gzip.open(TOP_PACKAGES_FILE, "rt", encoding="utf-8") as handle:
            return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))
    except (OSError, EOFError, UnicodeDecodeError):
        return frozenset()  # without the list every near miss is reported: fail closed


def is_established(name: str) -> bool:
    return normalize(name) in _top_packages()


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
    """The popular package this name imitates, if it is a near miss of one and not a project itself."""
    key = normalize(name)
    if key in POPULAR or key in KNOWN_LEGITIMATE or len(key) < 4 or len(key) > 100:
        return None
    if key.replace("-", "_") in sys.stdlib_module_names:
        # `pip install json time` lists the standard library by mistake: PyPI refuses new
        # projects named like its modules, and the older ones are the modules' own backports.
        return None
    flat = key.replace("-", "")
    look_alike = _look_alike(flat)
    characters = frozenset(flat)
    for target, target_flat, target_look_alike, target_characters, limit in _TARGETS:
        if flat == target_flat or look_alike == target_look_alike:
            return None if is_established(key) else target  # separators or look-alike characters only
        # Each edit changes the character set by at most two: a cheap filter before the DP.
        if abs(len(flat) - len(target_flat)) > limit or len(characters ^ target_characters) > 2 * limit:
            continue
        if damerau(flat, target_flat, limit) <= limit:
            return None if is_established(key) else target
    return None


def _version_below(version: str, bound: str) -> bool:
    from packaging.version import InvalidVersion, Version

    try:
        return Version(version) < Version(bound)
    except InvalidVersion:
        return False


def decoy_reason(name: str, version: str | None = None) -> str | None:
    decoy = DECOYS.get(normalize(name))
    if decoy is None:
        return None
    if decoy.real_below is not None and version is not None and _version_below(version, decoy.real_below):
        return None  # a release from when the name was the real project
    return decoy.reason


def _malicious_issues(requirement: Requirement, line: int, rule: Rule, strict: bool) -> list[Issue]:
    key = requirement.key
    bad = MALICIOUS.get(key)
    if bad is None:
        return []
    version = requirement.pinned_version
    if bad.releases is None:
        return [Issue(rule, f"{requirement.name} is a known-malicious package: {bad.story}", f"mal:{key}", line=line)]
    if version is not None and _same_release(version, bad.releases):
        message = f"{requirement.name} {version} is a compromised release: {bad.story}"
        return [Issue(rule, message, f"mal:{key}:{version}", line=line)]
    if version or requirement.source not in ("pypi", "conda"):
        return []
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        specifier: SpecifierSet | None = SpecifierSet(requirement.specifier)
        admitted = [v for v in sorted(bad.releases) if specifier is not None and specifier.contains(v)]
    except (InvalidSpecifier, ValueError):  # ValueError: a number too long to convert
        specifier = None
        admitted = sorted(bad.releases)
    if not admitted:
        return []
    written = f"{requirement.name}{requirement.specifier or ''}"
    message = f"{written} admits compromised releases {', '.join(admitted)}: {bad.story}"
    if not strict and specifier is not None and _picks_clean(specifier, bad):
        # pip, uv and conda install the newest release a requirement admits; without an upper
        # bound that is one at or past `clean_from`, even from a mirror that still keeps the bad
        # files. What remains is hygiene: the range does not exclude them.
        message += (
            f"; with no upper bound an installer picks the newest release, {bad.clean_from} or later, "
            f"which the project says is clean (exclude them: {requirement.name}>={bad.clean_from})"
        )
        return [Issue(rule, message, f"mal:{key}:range", line=line, severity=Severity.LOW)]
    return [Issue(rule, message, f"mal:{key}:range", line=line, severity=Severity.HIGH)]


def _picks_clean(specifier: SpecifierSet, bad: Compromised) -> bool:
    """The newest release the specifier admits is clean: it admits the first clean release and
    has no upper bound (`~=8.3.0`, `<9` or `==8.3.*` could end on a compromised release)."""
    if bad.clean_from is None:
        return False
    try:
        return specifier.contains(bad.clean_from, prereleases=True) and specifier.contains(
            _UNBOUNDED_PROBE, prereleases=True
        )
    except ValueError:
        return False


def _same_release(version: str, releases: frozenset[str]) -> bool:
    """`8.3.41.0`, `v8.3.41` and `8.3.041` are 8.3.41 to pip (PEP 440 normalisation)."""
    if version in releases:
        return True
    from packaging.version import InvalidVersion, Version

    try:
        pinned = Version(version)
        return any(pinned == Version(release) for release in releases)
    except (InvalidVersion, ValueError):
        return False


def name_issues(
    requirement: Requirement, line: int, rules: NameRules, allow: frozenset[str] = frozenset(), strict: bool = False
) -> list[Issue]:
    issues = _malicious_issues(requirement, line, rules.malicious, strict) if rules.malicious is not None else []
    key = requirement.key
    # conda's names are another index's; an archive by URL or path is fetched as that file, never
    # looked up by its name, so no index can hand a typosquat or a placeholder in its place.
    if key in allow or requirement.source in ("conda", "url", "path"):
        return issues
    reason = decoy_reason(key, requirement.pinned_version)
    if reason is not None:
        if rules.decoy is not None:
            severity = Severity.LOW if DECOYS[key].held_by_project else None
            message = f"{requirement.name}: {reason}"
            issues.append(Issue(rules.decoy, message, f"placeholder:{key}", line=line, severity=severity))
        return issues
    if key in DECOYS:
        return issues  # a real release of a name that is a decoy today
    target = typosquat_target(requirement.name) if rules.typosquat is not None else None
    if target is not None and rules.typosquat is not None:
        issues.append(
            Issue(rules.typosquat, f"{requirement.name} looks like a typosquat of {target}", f"typo:{key}", line=line)
        )
    return issues
