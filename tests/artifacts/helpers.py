from __future__ import annotations

import os
import pickle
from pathlib import Path

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks.artifacts.spec import SPEC
from tests.scanning import findings_of


class Payload:
    """Pickles as `func(*args)`. Dumping never runs it; only loading would."""

    def __init__(self, func: object, *args: object) -> None:
        self.func, self.args = func, args

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.func, self.args


def canary_command(canary: Path) -> str:
    return f"touch {canary}"


def malicious_pickle(canary: Path, protocol: int = 2) -> bytes:
    return pickle.dumps(Payload(os.system, canary_command(canary)), protocol=protocol)


def scan_bytes(directory: Path, name: str, data: bytes, policy: Policy | None = None) -> list[Finding]:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return findings_of(SPEC, path, name, policy or Policy(root=directory))


def rules(findings: list[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)


def zip_of_malicious_pickle(canary: Path, multiple: int = 1) -> bytes:
    """A zip archive holding a malicious pickle (what a polyglot hides inside a layout's data),
    padded with NULs to a multiple of `multiple` bytes so it fits a layout's element size."""
    import io
    import zipfile

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("frame.pkl", malicious_pickle(canary))
    payload = inner.getvalue()
    return payload + b"\x00" * (-len(payload) % multiple)


# What a reader may answer for garbage: a finding of the fail-closed or pickle families, never a crash.
GARBAGE_RULES = frozenset({"MLS900", "MLS901", "MLS902", "MLS903", "MLS101", "MLS102", "MLS103", "MLS104"})


def judge_garbage(directory: Path, name: str, model: bytes, data: object) -> None:
    """Garble `model` with hypothesis draws from `data` (a `st.data()`), scan it as `name` and
    check the answer is a finding of the fail-closed or pickle families or nothing, never a crash."""
    from hypothesis import strategies as st

    draw = data.draw  # type: ignore[attr-defined]
    positions = draw(st.lists(st.integers(0, len(model) - 1), min_size=1, max_size=6))
    values = draw(st.lists(st.integers(0, 255), min_size=len(positions), max_size=len(positions)))
    garbage = garbled(model, positions, values, draw(st.integers(1, len(model))))
    assert set(rules(scan_bytes(directory, name, garbage))) <= GARBAGE_RULES


def garbled(model: bytes, positions: list[int], values: list[int], keep: int) -> bytes:
    """`model` with the bytes at `positions` set to `values`, cut to its first `keep` bytes."""
    changed = bytearray(model)
    for at, value in zip(positions, values):
        changed[at % len(changed)] = value
    return bytes(changed[: max(1, keep)])
