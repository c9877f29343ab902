"""Pickle loads of bytes the ranks of one torch.distributed job exchange (hooks/code/rank_exchange.py):
low, with the trust torch's own object collectives give them. Each shape beside a look-alike that
keeps blocking: bytes from a store, a parameter, a rebound buffer, the wrong item of a zip."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.code.helpers import scan_code

BROADCAST = """\
import pickle
import numpy as np
import torch
import torch.distributed as dist


def broadcast_pyobj(data, rank, src=0):
    if rank == src:
        serialized_data = pickle.dumps(data)
        tensor_data = torch.ByteTensor(np.frombuffer(serialized_data, dtype=np.uint8))
        tensor_size = torch.tensor([len(serialized_data)], dtype=torch.long)
        dist.broadcast(tensor_size, src=src)
        dist.broadcast(tensor_data, src=src)
        return data
    tensor_size = torch.tensor([0], dtype=torch.long)
    dist.broadcast(tensor_size, src=src)
    tensor_data = torch.empty(tensor_size.item(), dtype=torch.uint8)
    dist.broadcast(tensor_data, src=src)
    serialized_data = bytes(tensor_data.cpu().numpy())
    return pickle.loads(serialized_data)
"""

ALL_GATHER = """\
import pickle
import torch
import torch.distributed as dist


def all_gather(data, world_size):
    buffer = pickle.dumps(data)
    storage = torch.ByteStorage.from_buffer(buffer)
    tensor = torch.ByteTensor(storage).to("cuda")
    local_size = torch.IntTensor([tensor.numel()]).to("cuda")
    size_list = [torch.IntTensor([0]).to("cuda") for _ in range(world_size)]
    dist.all_gather(size_list, local_size)
    size_list = [int(size.item()) for size in size_list]
    max_size = max(size_list)
    tensor_list = []
    for _ in size_list:
        tensor_list.append(torch.ByteTensor(size=(max_size,)).to("cuda"))
    if local_size != max_size:
        padding = torch.ByteTensor(size=(max_size - local_size,)).to("cuda")
        tensor = torch.cat((tensor, padding), 0)
    dist.all_gather(tensor_list, tensor)
    data_list = []
    for size, tensor in zip(size_list, tensor_list):
        buffer = tensor.cpu().numpy().tobytes()[:size]
        data_list.append(pickle.loads(buffer))
    return data_list
"""

GATHER_INTO_A_BUFFER = """\
import io
import pickle
import torch


def gather_object(obj, group_size, padded_size):
    buf = io.BytesIO()
    pickle.dump(obj, buf)
    coalesced = torch.empty(padded_size * group_size, dtype=torch.uint8)
    output_tensors = [coalesced[padded_size * i : padded_size * (i + 1)] for i in range(group_size)]
    torch.distributed.all_gather(output_tensors, torch.ByteTensor(list(buf.getvalue())))
    result = []
    for i, tensor in enumerate(output_tensors):
        result.append(pickle.loads(tensor[:10].cpu().numpy().tobytes()))
    return result
"""


def pickle_findings(tmp_path: Path, source: str, profile: str = "default") -> list[tuple[int, str]]:
    policy = Policy(root=tmp_path, profile=profile) if profile != "default" else None
    found = scan_code(tmp_path, source, "dist_utils.py", policy)
    return sorted((f.line, f.severity.value) for f in found if f.rule_id == "B301")


@pytest.mark.parametrize(("source", "line"), [(BROADCAST, 20), (ALL_GATHER, 25), (GATHER_INTO_A_BUFFER, 14)])
def test_bytes_the_ranks_exchange_through_a_collective_are_low(tmp_path: Path, source: str, line: int) -> None:
    assert pickle_findings(tmp_path, source) == [(line, "low")]
    # `profile: strict` keeps every pickle load blocking
    assert pickle_findings(tmp_path, source, "strict") == [(line, "medium")]


def test_bytes_a_key_value_store_holds_keep_blocking(tmp_path: Path) -> None:
    """vLLM's PyNcclPipe family (CVE-2025-47277): a TCPStore's value is no collective's buffer."""
    source = (
        "import pickle\nimport torch.distributed as dist\n\n\n"
        "def recv_obj(store, key, obj):\n"
        "    store.set('out', pickle.dumps(obj))\n"
        "    t = torch.empty(4)\n"
        "    dist.broadcast(t, src=0)\n"
        "    return pickle.loads(store.get(key))\n"
    )
    assert pickle_findings(tmp_path, source) == [(9, "medium")]


@pytest.mark.parametrize(
    "swap",
    [
        # the buffer is the caller's tensor: on the sending rank it is the caller's bytes
        ("def broadcast_pyobj(data, rank, src=0):", "def broadcast_pyobj(data, rank, src=0, tensor_data=None):"),
        # the received bytes are replaced by a request's before the load
        (
            "    serialized_data = bytes(tensor_data.cpu().numpy())\n",
            "    serialized_data = bytes(tensor_data.cpu().numpy())\n    serialized_data = request.data\n",
        ),
        # the buffer is rebound to something that is not a fresh tensor
        (
            "    dist.broadcast(tensor_data, src=src)\n    serialized_data",
            "    dist.broadcast(tensor_data, src=src)\n    tensor_data = read_socket()\n    serialized_data",
        ),
        # no collective of torch.distributed fills it (another library's broadcast)
        ("import torch.distributed as dist", "import mylib.comm as dist"),
        # the function pickles nothing: not one side of an exchange
        ("        serialized_data = pickle.dumps(data)\n", "        serialized_data = b''\n"),
    ],
)
def test_look_alikes_of_an_exchange_keep_blocking(tmp_path: Path, swap: tuple[str, str]) -> None:
    source = BROADCAST.replace(*swap)
    assert source != BROADCAST
    assert [severity for _, severity in pickle_findings(tmp_path, source)] == ["medium"]


def test_the_other_item_of_a_zip_keeps_blocking(tmp_path: Path) -> None:
    source = ALL_GATHER.replace(
        "for size, tensor in zip(size_list, tensor_list)", "for tensor, size in zip(size_list, tensor_list)"
    )
    assert [severity for _, severity in pickle_findings(tmp_path, source)] == ["medium"]


def test_a_name_bound_in_a_cycle_ends(tmp_path: Path) -> None:
    """`t = t.to(d)` and mutual bindings end (a budget bounds the rest): no recursion error."""
    chain = "\n".join(f"    t{i} = t{i + 1}.cpu()" for i in range(300))
    source = (
        "import pickle\nimport torch\nimport torch.distributed as dist\n\n\ndef f(x):\n"
        "    b = pickle.dumps(x)\n    t300 = torch.empty(4)\n    t300 = t300.to('cuda')\n"
        f"{chain}\n    t300 = t0\n    dist.broadcast(t300, src=0)\n    return pickle.loads(bytes(t0))\n"
    )
    found = pickle_findings(tmp_path, source)
    assert len(found) == 1
