"""Scanning must never execute what it scans: canary payloads and a source check prove it."""

from __future__ import annotations

import io
import os
import pickle
import re
import zipfile
from pathlib import Path

from hooks.check_artifacts import main
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


def test_scanner_source_has_no_deserialising_loader() -> None:
    forbidden = re.compile(
        r"\b(pickle|_pickle|cPickle|joblib|dill|cloudpickle|torch|marshal)\.loads?\(|allow_pickle\s*=\s*True"
        r"|\beval\(|\bexec\(|__import__\("
    )
    offenders = [
        f"{path.relative_to(HOOKS)}:{number}"
        for path in HOOKS.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if forbidden.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
