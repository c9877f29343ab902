"""Every hook and `mlsec scan` on garbage: random bytes, truncated and bit-flipped real files,
deep nesting and long lines, under every file name a hook selects and under hostile names.

Whatever the bytes, the outcome is exit 0, 1 or 2 with no traceback, the terminal output
holds no control character a file could have put there, and a pickle-capable file that was not
fully read is a finding (exit 1), never a pass.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pickle
import pickletools
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.catalog import HOOKS
from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.cli.mlsec import main as mlsec

# Names each hook selects, so garbage reaches every parser (and a few it should refuse politely).
NAMES = [
    "model.pkl",
    "model.pt",
    "weights.bin",
    "clf.joblib",
    "arr.npy",
    "arrs.npz",
    "model.safetensors",
    "model.gguf",
    "model.onnx",
    "model.h5",
    "model.keras",
    "archive.zip",
    "bundle.tar.gz",
    "train.ipynb",
    "train.py",
    "requirements.txt",
    "environment.yml",
    "pyproject.toml",
    "Dockerfile",
    "config.yaml",
    ".env",
    "data.csv",
    "data.parquet",
    "data.json",
]
# Suffixes a loader reads as a pickle (or a container of pickles) by default.
PICKLE_CAPABLE = (".pkl", ".pt", ".bin", ".joblib")
HOSTILE_NAMES = [
    "-rf model.pkl",
    "--output=x model.pkl",
    "line\nbreak.pkl",
    "esc\x1b[2Jape.ipynb",
    "cr\rreturn.py",
    "spaces in name requirements.txt",
    "ünïcødé Dockerfile",
]


def _valid_samples() -> dict[str, bytes]:
    """Small valid files of each family, to truncate and mutate."""
    state = pickle.dumps({"weight": [0.5, 1.5], "step": 3}, protocol=4)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("archive/data.pkl", state)
        archive.writestr("archive/version", "3\n")
    notebook = {
        "cells": [
            {"cell_type": "code", "source": ["!pip install torch\n", "x = 1\n"], "metadata": {}, "outputs": []},
            {"cell_type": "markdown", "source": "# title", "metadata": {}},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    tensors = b'{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}'
    npy_header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"
    npy_header += b" " * (63 - len(npy_header)) + b"\n"
    return {
        "model.pkl": state,
        "model.pt": zipped.getvalue(),
        "arr.npy": b"\x93NUMPY\x01\x00" + len(npy_header).to_bytes(2, "little") + npy_header + b"\x00" * 8,
        "train.ipynb": json.dumps(notebook).encode(),
        "train.py": b"import torch\nmodel = torch.load('m.pt', weights_only=True)\n",
        "requirements.txt": b"torch==2.3.0\n--index-url https://pypi.org/simple\nnumpy>=1.24 \\\n  --hash=sha256:00\n",
        "environment.yml": b"name: x\ndependencies:\n  - python=3.11\n  - pip:\n    - requests==2.31.0\n",
        "pyproject.toml": b'[project]\nname = "x"\ndependencies = ["torch==2.3.0"]\n',
        "Dockerfile": b"FROM python:3.11\nRUN pip install torch\nCOPY . /app\n",
        "data.csv": b"id,email,amount\n1,a@b.org,3\n",
        "model.safetensors": len(tensors).to_bytes(8, "little") + tensors + b"\0" * 4,
    }


SAMPLES = _valid_samples()


@contextlib.contextmanager
def _repository() -> Iterator[Path]:
    """A throwaway repository as the working directory (hypothesis runs many examples per test)."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(previous)


def _run(argv: list[str], entry: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = hook_main(entry)(argv) if entry else mlsec(argv)
        except SystemExit as stopped:  # argparse's usage errors (a name that is also an option)
            code = stopped.code if isinstance(stopped.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def _complete_pickle(data: bytes) -> bool:
    """True when the bytes are one whole pickle and nothing else (read with pickletools: nothing runs)."""
    try:
        ops = list(pickletools.genops(data))
    except Exception:  # noqa: BLE001 - any error means "not a whole pickle"
        return False
    return bool(ops) and ops[-1][0].name == "STOP" and ops[-1][2] + 1 == len(data)


def _check(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in out + err
    for char in "\x1b\r\x00\x07":
        assert char not in out + err, repr(char)


@st.composite
def _garbage(draw: st.DrawFn) -> tuple[str, str, bytes]:
    name = draw(st.sampled_from(NAMES))
    kind = draw(st.sampled_from(["random", "truncated", "flipped", "nested", "long-line"]))
    seed = SAMPLES.get(name, SAMPLES["model.pkl"])
    if kind == "random":
        data = draw(st.binary(max_size=512))
    elif kind == "truncated":
        data = seed[: draw(st.integers(0, max(0, len(seed) - 1)))]
    elif kind == "flipped":
        position = draw(st.integers(0, len(seed) - 1))
        data = seed[:position] + bytes([seed[position] ^ draw(st.integers(1, 255))]) + seed[position + 1 :]
    elif kind == "nested":
        depth = draw(st.integers(100, 3000))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}"), (b"(", b")"), (b"]", b"[")]))
        data = opener * depth + closer * draw(st.integers(0, depth))
    else:
        data = draw(st.sampled_from([b"a", b"sk-", b"a.", b"\\\n", b"RUN curl ", b"\x80"])) * draw(
            st.integers(1000, 20000)
        )
    return name, kind, data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_garbage())
def test_mlsec_scan_on_garbage_exits_cleanly(case: tuple[str, str, bytes]) -> None:
    name, kind, data = case
    with _repository() as root:
        (root / name).write_bytes(data)
        code, out, err = _run(["scan", "."])
    _check(code, out, err)
    # Random bytes and a cut-off file cannot have been read whole (a flipped byte may leave a
    # valid file, so it is only held to a clean exit). A pickle that breaks before any opcode that
    # imports or calls may pass the run (every loader raises there having run nothing), but never
    # silently: it is reported, low, as not parseable.
    if name.endswith(PICKLE_CAPABLE) and kind in ("random", "truncated") and code == 0:
        reported = "MLS901" in out and "before any opcode that imports, calls or builds" in out
        assert _complete_pickle(data) or not data.strip(b"\x00 \n\t") or reported, (
            f"{name} passed unread: {data[:40]!r}"
        )


@pytest.mark.parametrize("spec", HOOKS, ids=lambda spec: spec.hook_id)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_garbage())
def test_each_hook_on_garbage_exits_cleanly(spec: object, case: tuple[str, str, bytes]) -> None:
    name, _, data = case
    entry = spec.hook_id.replace("-", "_")  # type: ignore[attr-defined]
    with _repository() as root:
        (root / name).write_bytes(data)
        code, out, err = _run([name], entry)
    _check(code, out, err)


@pytest.mark.parametrize("hostile", HOSTILE_NAMES)
def test_hostile_names_with_real_content_exit_cleanly(hostile: str) -> None:
    base = next((n for n in SAMPLES if hostile.endswith(n) or hostile.endswith(n.split(".")[-1])), "model.pkl")
    with _repository() as root:
        (root / hostile).write_bytes(SAMPLES.get(base, SAMPLES["model.pkl"]))
        code, out, err = _run(["scan", "."])
        _check(code, out, err)
        for spec in HOOKS:
            _check(*_run([hostile], spec.hook_id.replace("-", "_")))
        code, out, err = _run(["scan", "--format", "json", "."])
        json.loads(out)  # JSON stays valid whatever the names hold
        code, out, err = _run(["scan", "--format", "sarif", "."])
        json.loads(out)


def test_empty_and_zero_files_under_model_names_are_findings() -> None:
    """An empty or all-zero file named like a model is not a model: never a silent pass. Read to
    its end, one byte value repeated holds nothing a loader can run, so it is reported low; one
    other byte in it and it is unknown data, which blocks."""
    with _repository() as root:
        for name in ("model.pkl", "model.pt", "clf.joblib"):
            (root / name).write_bytes(b"\x00" * 64)
        code, out, _ = _run(["model.pkl", "model.pt", "clf.joblib"], "mlsec_artifacts")
        assert code == 0
        assert all(name in out for name in ("model.pkl", "model.pt", "clf.joblib"))
        assert out.count("one byte value (00) repeated") == 3
        (root / "model.pt").write_bytes(b"\x00" * 63 + b"\x07")
        code, out, _ = _run(["model.pt"], "mlsec_artifacts")
    assert code == 1
    assert "model.pt" in out
