"""Artifacts the container tests build by hand: torch zips, npy, joblib, legacy, keras, tar."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import pickle
import struct
import tarfile
import zipfile
import zlib

from tests import pickle_asm as asm

BENIGN_STATE = pickle.dumps({"layer.weight": [0.1, 0.2]}, protocol=2)


def torch_zip(data_pkl: bytes, root: str = "archive", extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"{root}/data.pkl", data_pkl)
        archive.writestr(f"{root}/byteorder", b"little")
        archive.writestr(f"{root}/data/0", b"\x00" * 64)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        archive.writestr(f"{root}/version", b"3\n")
    return buffer.getvalue()


def patch_member(
    data: bytes, name: bytes, *, crc: int | None = None, local_name: bytes | None = None, flags: int | None = None
) -> bytes:
    patched = bytearray(data)
    central = patched.find(b"PK\x01\x02" + b"\x00" * 0)
    while central != -1:
        name_len = struct.unpack_from("<H", patched, central + 28)[0]
        if bytes(patched[central + 46 : central + 46 + name_len]) == name:
            break
        central = patched.find(b"PK\x01\x02", central + 4)
    local = struct.unpack_from("<I", patched, central + 42)[0]
    if crc is not None:
        struct.pack_into("<I", patched, central + 16, crc)
        struct.pack_into("<I", patched, local + 14, crc)
    if flags is not None:
        struct.pack_into("<H", patched, central + 8, flags)
        struct.pack_into("<H", patched, local + 6, flags)
    if local_name is not None:
        assert len(local_name) == len(name)
        patched[local + 30 : local + 30 + len(name)] = local_name
    return bytes(patched)


def zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def npy(descr: str, body: bytes, shape: str = "(2,)") -> bytes:
    header = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}".encode()
    header += b" " * (63 - (len(header) + 10) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + body


COMPRESSORS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "lzma": lambda d: lzma.compress(d, format=lzma.FORMAT_ALONE),
    "z": zlib.compress,
}


def joblib_with_array(
    raw: bytes,
    tail: bytes = b"",
    module: str = "joblib.numpy_pickle",
    *,
    typestr: str = "f8",
    count: int | None = None,
    dtype_state: bytes | None = None,
    with_state: bool = True,
    padded: bool = True,
) -> bytes:
    """What joblib.dump writes for one array (float64 unless `typestr` says otherwise): wrapper,
    BUILD, padding, raw bytes (`module`: where the wrapper class lives; old scikit-learn vendored
    joblib). `count` elements (default: one per 8 bytes of `raw`); `dtype_state`: the opcodes of
    the dtype's BUILD state inside its MARK ... TUPLE (default: numpy's own for a fixed-size type;
    `with_state=False`: no BUILD at all); `padded=False`: no alignment bytes, as joblib writes an
    object array (a pickle stream of its own)."""
    dtype = asm.global_("numpy", "dtype") + asm.MARK + asm.text(typestr) + b"\x89\x88" + asm.TUPLE + asm.REDUCE
    if dtype_state is None:
        dtype_state = b"K\x03" + asm.text("<") + b"NNN" + asm.binint(-1) + asm.binint(-1) + b"K\x00"
    if with_state:
        dtype += asm.MARK + dtype_state + asm.TUPLE + asm.BUILD
    elements = len(raw) // 8 if count is None else count
    state = asm.EMPTY_DICT + asm.MARK + asm.text("subclass") + asm.global_("numpy", "ndarray")
    state += asm.text("shape") + asm.binint(elements) + asm.TUPLE1 + asm.text("order") + asm.text("C")
    state += asm.text("dtype") + dtype + asm.text("allow_mmap") + b"\x89"
    state += asm.text("numpy_array_alignment_bytes") + b"K\x10" + asm.SETITEMS
    head = asm.proto(4) + asm.global_(module, "NumpyArrayWrapper") + asm.EMPTY_TUPLE + asm.NEWOBJ
    head += state + asm.BUILD
    if not padded:
        return head + raw + tail + asm.STOP
    padding = 16 - (len(head) + 1) % 16
    return head + bytes([padding]) + b"\xff" * padding + raw + tail + asm.STOP


def legacy_checkpoint(main: bytes, keys: list[str], storages: bytes = b"") -> bytes:
    magic = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2)
    return (
        magic
        + pickle.dumps(1001, protocol=2)
        + pickle.dumps({"little_endian": True}, protocol=2)
        + main
        + pickle.dumps(keys, protocol=2)
        + storages
    )


def empty_hdf5() -> bytes:
    """A valid, empty HDF5 file as h5py (test extra) writes it: Keras 3 weights of a model without any."""
    import h5py

    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as weights:
        weights.create_group("layers")
    return buffer.getvalue()


def keras_zip(config: dict[str, object]) -> bytes:
    return zip_with(
        {
            "metadata.json": b"{}",
            "config.json": json.dumps(config).encode(),
            "model.weights.h5": empty_hdf5(),
        }
    )


def tar(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()
