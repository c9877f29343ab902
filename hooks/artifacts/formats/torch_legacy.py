"""torch's pre-1.6 checkpoints (`torch.save(..., _use_new_zipfile_serialization=False)`).

Recognised by the first pickle of the data holding MAGIC: the pickle reader hands over here.
The rest is four more pickles (protocol version, sys_info, the object, the storage keys) and
then each storage's raw bytes, which are skipped by the sizes the object declares, never read.
"""

from __future__ import annotations

from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.pickle_values import Global, Seq
from hooks.artifacts.reader import ByteReader
from hooks.artifacts.source import Walk

MAGIC = 0x1950A86A20F9469CFC6C
_PARTS = ("protocol version", "sys_info", "object", "storage keys")


def read_storages(walk: Walk, reader: ByteReader, label: str, *, depth: int) -> None:
    """Read what follows the magic number, up to the end of the last storage."""
    results = [
        walk.machine(reader, f"{label} {part}", depth=depth, container=label, reached_by="torch.load").run()
        for part in _PARTS
    ]
    element_sizes = _storage_sizes(results[2].persistent_ids)
    keys = results[3].value
    if not isinstance(keys, Seq) or keys.length != len(keys.items):
        raise AnalysisError("torch legacy checkpoint without a readable storage key list", reader.tell())
    for key in keys.items:
        if not isinstance(key, str) or key not in element_sizes:
            raise AnalysisError(f"torch legacy storage {_shown_key(key)} is not declared by the object", reader.tell())
        numel = int.from_bytes(reader.read(8), "little", signed=True)
        if numel < 0:
            raise AnalysisError(f"torch legacy storage {_shown_key(key)} has a negative size", reader.tell())
        reader.skip(numel * element_sizes[key])


def _shown_key(key: object) -> str:
    """A storage key for a message: its escaped text, or what kind of value stands there."""
    if isinstance(key, str):
        return ascii(key[:40])
    return f"key of type {type(key).__name__.lower()}"  # never a repr with a memory address


def _storage_sizes(persistent_ids: list[object]) -> dict[str, int]:
    from hooks.artifacts.globals_policy import STORAGE_ELEMENT_SIZES

    sizes: dict[str, int] = {}
    for pid in persistent_ids:
        if not isinstance(pid, Seq) or len(pid.items) < 3 or pid.items[0] != "storage":
            continue
        storage_type, key = pid.items[1], pid.items[2]
        if isinstance(storage_type, Global) and isinstance(key, str):
            sizes[key] = STORAGE_ELEMENT_SIZES.get(storage_type.name, 0)
            if sizes[key] == 0:
                raise AnalysisError(f"torch legacy storage of unknown type {storage_type.name!r}")
    return sizes
