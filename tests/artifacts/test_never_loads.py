"""Scanning must never execute what it scans: canary payloads and a source check prove it."""

from __future__ import annotations

import ast
import io
import os
import pickle
import zipfile
from pathlib import Path

from hooks.cli.entry_points import mlsec_artifacts as main
from tests import pickle_asm as asm
from tests.artifacts.helpers import Payload, canary_command

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def test_canary_payloads_in_every_container_never_fire(repo: Path) -> None:
    canary = repo / "canary_fired"
    payload = pickle.dumps(Payload(os.system, canary_command(canary)), protocol=4)
    exec_payload = pickle.dumps(Payload(exec, f"open({str(canary)!r}, 'w').close()"), protocol=2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", exec_payload)
    files = {
        "raw.pkl": payload,
        "model.pt": buffer.getvalue(),
        "proto0.txt": b"cos\nsystem\n(S'" + canary_command(canary).encode() + b"'\ntR.",
        "nested.pkl": asm.proto(2)
        + asm.global_("pickle", "loads")
        + asm.binbytes(payload)
        + asm.TUPLE1
        + asm.REDUCE
        + asm.STOP,
    }
    for name, data in files.items():
        (repo / name).write_bytes(data)
    assert main(sorted(files)) == 1
    assert not canary.exists()


FORBIDDEN_CALLS = {
    f"{module}.{name}"
    for module in ("pickle", "_pickle", "cPickle", "dill", "cloudpickle", "joblib", "marshal", "torch", "shelve")
    for name in ("load", "loads", "Unpickler", "open")
} | {"eval", "exec", "__import__", "compile", "builtins.eval", "builtins.exec"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _literal(node: ast.Call, keyword: str) -> object:
    value = next((k.value for k in node.keywords if k.arg == keyword), None)
    return value.value if isinstance(value, ast.Constant) else "not a literal"


def forbidden_calls(source: str, *, gate: bool = False) -> list[str]:
    """Calls that deserialise. The model gate (which loads models by design, after the scan)
    may call only the safe forms: np.load(allow_pickle=False), torch.load(weights_only=True)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            allows_pickle = any(k.arg == "allow_pickle" for k in node.keywords) and name.endswith("load")
            if gate and allows_pickle and _literal(node, "allow_pickle") is False:
                continue
            if gate and name == "torch.load" and _literal(node, "weights_only") is True:
                continue
            if name in FORBIDDEN_CALLS or allows_pickle:
                found.append(f"{node.lineno}: {name}")
    return found


def test_the_loader_check_can_fail() -> None:
    sample = "import pickle, numpy as np\nx = pickle.loads(b)\ny = np.load(p, allow_pickle=True)\nz = eval(s)\n"
    assert forbidden_calls(sample) == ["2: pickle.loads", "3: np.load", "4: eval"]
    assert forbidden_calls("msg = 'never call pickle.loads(blob) or eval(x)'\n") == []
    safe = "a = np.load(p, allow_pickle=False)\nb = torch.load(f, weights_only=True)\nc = torch.load(f)\n"
    assert forbidden_calls(safe, gate=True) == ["3: torch.load"]
    assert forbidden_calls(safe) == ["1: np.load", "2: torch.load", "3: torch.load"]


def test_scanner_source_calls_no_deserialising_loader() -> None:
    """Every call in hooks/ is checked, not text: messages may name the loaders, code may not call them."""
    offenders = [
        f"{p.relative_to(HOOKS)}:{hit}"
        for p in HOOKS.rglob("*.py")
        for hit in forbidden_calls(p.read_text(), gate=p.relative_to(HOOKS).parts[0] == "gate")
    ]
    assert offenders == []
