"""mlsec-artifacts against picklescan and modelscan on the same files in the same run.

Cases (issue 3): a 1 GiB torch zip checkpoint, a 1 GiB raw pickle holding one large bytes
object, and a torch checkpoint with 20,000 small tensors. The files are written by hand in
the formats torch and pickle produce, so the benchmark needs neither torch nor numpy.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

from bench.measure import Measurement, measure

GIB = 1 << 30


def _text(value: str) -> bytes:
    return b"X" + struct.pack("<I", len(value)) + value.encode()


def _storage_pid(key: str, numel: int) -> bytes:
    """The BINPERSID tuple torch writes for a float storage: ('storage', FloatStorage, key, 'cpu', n)."""
    return (
        b"("
        + _text("storage")
        + b"ctorch\nFloatStorage\n"
        + _text(key)
        + _text("cpu")
        + b"J"
        + struct.pack("<i", numel)
        + b"tQ"
    )


def _tensor(key: str, numel: int) -> bytes:
    """torch._utils._rebuild_tensor_v2(storage, 0, (numel,), (1,), False, OrderedDict())."""
    return (
        b"ctorch._utils\n_rebuild_tensor_v2\n("
        + _storage_pid(key, numel)
        + b"K\x00J"
        + struct.pack("<i", numel)
        + b"\x85K\x01\x85\x89ccollections\nOrderedDict\n)RtR"
    )


def _state_dict(tensors: list[tuple[str, str, int]]) -> bytes:
    body = b"\x80\x02ccollections\nOrderedDict\n)R("
    for name, key, numel in tensors:
        body += b"X" + struct.pack("<I", len(name)) + name.encode() + _tensor(key, numel)
    return body + b"u."


def write_torch_checkpoint(path: Path, tensors: int, bytes_per_tensor: int) -> None:
    numel = bytes_per_tensor // 4
    entries = [(f"layer{i}.weight", str(i), numel) for i in range(tensors)]
    chunk = b"\x01" * min(bytes_per_tensor, 1 << 24)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        archive.writestr("archive/data.pkl", _state_dict(entries))
        archive.writestr("archive/byteorder", "little")
        for _, key, _ in entries:
            with archive.open(f"archive/data/{key}", "w", force_zip64=bytes_per_tensor > 1 << 31) as member:
                left = bytes_per_tensor
                while left:
                    piece = chunk[: min(left, len(chunk))]
                    member.write(piece)
                    left -= len(piece)
        archive.writestr("archive/version", "3\n")


def write_raw_pickle_with_blob(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.write(b"\x80\x04}\x94\x8c\x07weights\x94\x8e" + struct.pack("<Q", size))
        block = b"\x5a" * (1 << 24)
        left = size
        while left:
            handle.write(block[: min(left, len(block))])
            left -= min(left, len(block))
        handle.write(b"\x94s.")


def build_cases(folder: Path, size: int) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "torch zip, 1 large tensor": folder / "large_checkpoint.pt",
        "raw pickle, 1 large bytes": folder / "large_blob.pkl",
        "torch zip, 20,000 tensors": folder / "many_tensors.pt",
    }
    if not cases["torch zip, 1 large tensor"].exists():
        write_torch_checkpoint(cases["torch zip, 1 large tensor"], 1, size)
    if not cases["raw pickle, 1 large bytes"].exists():
        write_raw_pickle_with_blob(cases["raw pickle, 1 large bytes"], size)
    if not cases["torch zip, 20,000 tensors"].exists():
        write_torch_checkpoint(cases["torch zip, 20,000 tensors"], 20_000, 64)
    return cases


def tools(bin_dir: Path, cache: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each tool's command and environment. mlsec-artifacts twice: scanning (cache off, what the
    first commit of a file costs) and warm (a verdict the result cache already holds, what every
    later run on the unchanged file costs; files over 32 MiB are never cached, so both scan)."""
    ours = [str(bin_dir / "mlsec-artifacts")]
    found = {
        "mlsec-artifacts": (ours, {"MLSEC_NO_CACHE": "1"}),
        "mlsec-artifacts, warm": (ours, {"MLSEC_CACHE_DIR": str(cache), "MLSEC_NO_CACHE": ""}),
    }
    for name, args in (("picklescan", ["--path"]), ("modelscan", ["-p"])):
        exe = shutil.which(name, path=str(bin_dir)) or shutil.which(name)
        if exe:
            found[name] = ([exe, *args], {})
    return found


def run(folder: Path, bin_dir: Path, size: int, repeat: int) -> list[tuple[str, str, Measurement]]:
    rows = []
    cache = folder / "result-cache"
    shutil.rmtree(cache, ignore_errors=True)
    for case, path in build_cases(folder, size).items():
        for tool, (command, env) in tools(bin_dir, cache).items():
            rows.append((case, tool, measure([*command, str(path)], repeat, env=env)))
    return rows
