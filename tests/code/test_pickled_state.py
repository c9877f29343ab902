"""Loads inside `__setstate__` of the state the object is restored from (hooks/code/pickled_state.py):
low; whoever writes those bytes writes the outer stream. Look-alikes keep their severity: a path
the state names, another method, a fixed file, a rebound state, an attribute set elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.code.helpers import scan_code

DATA_PROTO = """\
import io
import pickle
import torch


class DataProto:
    def __getstate__(self):
        buffer = io.BytesIO()
        torch.save(self.batch, buffer)
        return buffer.getvalue(), self.non_tensor_batch, self.meta_info

    def __setstate__(self, data):
        batch_bytes, non_tensor_batch, meta_info = data
        stream = io.BytesIO(initial_bytes=batch_bytes)
        self.batch = torch.load(stream, weights_only=False, map_location="cpu")
        self.non_tensor_batch = non_tensor_batch
"""


def load_findings(tmp_path: Path, source: str, profile: str = "default") -> list[tuple[str, int, str]]:
    policy = Policy(root=tmp_path, profile=profile) if profile != "default" else None
    found = scan_code(tmp_path, source, "protocol.py", policy)
    return sorted((f.rule_id, f.line, f.severity.value) for f in found if f.rule_id in ("MLS306", "B301"))


def test_a_load_of_the_restored_state_is_low(tmp_path: Path) -> None:
    assert load_findings(tmp_path, DATA_PROTO) == [("MLS306", 15, "low")]
    assert load_findings(tmp_path, DATA_PROTO, "strict") == [("MLS306", 15, "high")]


@pytest.mark.parametrize(
    "body",
    [
        "        self.model = pickle.loads(state['model'])\n",
        "        self.model = pickle.loads(state.get('model'))\n",
        "        blob = state[0]\n        self.model = pickle.loads(bytes(blob))\n",
        "        self.model = torch.load(io.BytesIO(state['weights']))\n",
    ],
)
def test_items_of_the_state_are_the_state(tmp_path: Path, body: str) -> None:
    source = f"import io\nimport pickle\nimport torch\n\n\nclass M:\n    def __setstate__(self, state):\n{body}"
    assert [severity for _, _, severity in load_findings(tmp_path, source)] == ["low"]


@pytest.mark.parametrize(
    "body",
    [
        # a path the state names opens a file someone else may have written
        "        self.model = torch.load(state['path'])\n",
        # a file the object names, not the state
        "        self.model = torch.load(self.weights_path)\n",
        # an attribute set elsewhere
        "        self.model = pickle.loads(self.blob)\n",
        # the state replaced before the load
        "        state = download(url)\n        self.model = pickle.loads(state)\n",
        # a name also bound to something else
        "        blob = state['m']\n        blob = fetch()\n        self.model = pickle.loads(blob)\n",
        # a non-constant key
        "        self.model = pickle.loads(state[key])\n",
    ],
)
def test_what_is_not_the_state_keeps_blocking(tmp_path: Path, body: str) -> None:
    source = f"import io\nimport pickle\nimport torch\n\n\nclass M:\n    def __setstate__(self, state):\n{body}"
    assert [severity for _, _, severity in load_findings(tmp_path, source)] in (["high"], ["medium"])


def test_the_same_load_in_another_method_keeps_blocking(tmp_path: Path) -> None:
    source = DATA_PROTO.replace("def __setstate__(self, data)", "def restore(self, data)")
    assert [severity for _, _, severity in load_findings(tmp_path, source)] == ["high"]
