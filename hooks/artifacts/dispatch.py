"""Decide what a file is from its bytes, and walk every container down to its pickles.

Extensions lie, so content decides; the name only says whether a file that turns out to be
no known format must be reported (fail closed) or is simply not an artifact.
"""

from __future__ import annotations

import io
import re
import struct
from pathlib import PurePosixPath
from typing import BinaryIO

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, inside, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.opcodes import OPCODES
from hooks.artifacts.pickle_vm import Global, NotAPickle, PickleMachine, Seq
from hooks.artifacts.reader import ByteReader
from hooks.artifacts.streams import COMPRESSORS, DecompressStream, SubFile, buffered
from hooks.artifacts.zipreader import ZipMember, find_eocd, read_directory, read_local_header

ARTIFACT_SUFFIXES = frozenset(
    [
        ".pkl",
        ".pickle",
        ".pk",
        ".p",
        ".pt",
        ".pth",
        ".bin",
        ".ckpt",
        ".joblib",
        ".jbl",
        ".npy",
        ".npz",
        ".sav",
        ".mar",
        ".keras",
        ".h5",
        ".hdf5",
        ".safetensors",
        ".gguf",
        ".dill",
        ".cloudpickle",
        ".model",
        ".pb",
        ".pt2",
        ".torch",
        ".7z",
        ".zip",
        ".tar",
    ]
)
COMPRESSION_SUFFIXES = frozenset([".gz", ".bz2", ".xz", ".lzma", ".z", ".zlib"])
TORCH_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
_HEAD = 512
_WEAK_KINDS = frozenset({"maybe-pickle", "zlib", "lzma", "safetensors"})
_KERAS_LAMBDA = re.compile(rb'"class_name":\s*"(Lambda|__lambda__)"')


def named_like_artifact(name: str) -> bool:
    path = PurePosixPath(name.lower())
    suffixes = path.suffixes
    while suffixes and suffixes[-1] in COMPRESSION_SUFFIXES:
        suffixes = suffixes[:-1]
        if not suffixes:
            return True
    return bool(suffixes) and suffixes[-1] in ARTIFACT_SUFFIXES


def sniff(head: bytes) -> str | None:
    """The container or format these leading bytes announce, if any."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x93NUMPY"):
        return "npy"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "bz2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x89HDF\r\n\x1a\n"):
        return "hdf5"
    if head.startswith(b"GGUF"):
        return "gguf"
    if head.startswith(b"ZF0x"):
        return "zfile"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return "pickle"
    if len(head) >= 9:
        (header_size,) = struct.unpack_from("<Q", head)
        if 2 <= header_size <= 100 << 20 and head[8:9] == b"{":
            return "safetensors"
    if head.startswith(b"]\x00\x00"):
        return "lzma"
    if len(head) >= 2 and head[0] == 0x78 and ((head[0] << 8) | head[1]) % 31 == 0:
        return "zlib"
    if head and head[0] in OPCODES:
        return "maybe-pickle"
    return None


class Inspector:
    """Walks one file. `strict` means a failure to parse is a finding (the name or the magic
    says artifact); otherwise a failure only means the file is not an artifact."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    # --- entry -------------------------------------------------------------------------
    def inspect_file(self, handle: BinaryIO, size: int, name: str) -> None:
        head = handle.read(_HEAD)
        handle.seek(0)
        if self.inspect_content(handle, size, head, name, "", depth=0, seekable=True):
            return
        if find_eocd(handle, size) is not None:  # a zip behind a prefix that is no known format
            handle.seek(0)
            self.inspect_zip(handle, size, "", depth=0, strict=named_like_artifact(name))

    def inspect_content(
        self, handle: BinaryIO, size: int | None, head: bytes, name: str, label: str, *, depth: int, seekable: bool
    ) -> bool:
        """Analyse data whose kind its leading bytes tell; True if it was an artifact.

        Weak signatures (protocol-0 text, zlib, lzma, safetensors) only count when the name
        says artifact or the data really parses as one; otherwise the data is not an artifact.
        """
        kind = sniff(head)
        artifact_name = named_like_artifact(name)
        if kind is not None and (artifact_name or kind not in _WEAK_KINDS):
            self.inspect_kind(handle, size, kind, label, depth=depth, strict=True, seekable=seekable, name=name)
            return True
        if kind is not None:
            mark = len(self.analysis.issues)
            try:
                self.inspect_kind(handle, size, kind, label, depth=depth, strict=False, seekable=seekable, name=name)
            except (AnalysisError, LimitExceeded):
                self.analysis.rollback(mark)
                return False
            return len(self.analysis.issues) > mark
        if artifact_name:
            self.analysis.add(
                rules.UNKNOWN_ARTIFACT_FORMAT,
                label or "file",
                f"named like a model artifact but holds no recognised format ({_hex(head)})",
                f"{label}|unrecognised",
            )
            return True
        return False

    def inspect_kind(
        self,
        handle: BinaryIO,
        size: int | None,
        kind: str,
        label: str,
        *,
        depth: int,
        strict: bool,
        seekable: bool,
        name: str = "",
    ) -> None:
        if depth > self.analysis.limits.max_depth:
            raise LimitExceeded(f"containers nested deeper than {self.analysis.limits.max_depth} levels")
        self.analysis.check_time()
        if kind in ("pickle", "maybe-pickle"):
            reader = ByteReader(handle, size if seekable else None)
            self.inspect_pickles(
                reader,
                label or "pickle",
                depth=depth,
                sniffing=kind == "maybe-pickle" and not strict,
                whole_file=handle if (seekable and depth == 0) else None,
                file_size=size,
            )
        elif kind == "zip":
            handle, size = self._seekable(handle, size, seekable, label)
            self.inspect_zip(handle, size, label, depth=depth, strict=strict)
        elif kind == "npy":
            self.inspect_npy(ByteReader(handle, size if seekable else None), label or "npy", depth=depth)
        elif kind in COMPRESSORS or kind == "zfile":
            self.inspect_compressed(handle, kind, label, depth=depth, name=name)
        elif kind == "tar":
            handle, size = self._seekable(handle, size, seekable, label)
            self.inspect_tar(handle, label, depth=depth)
        elif kind == "7z":
            self.inspect_7z(handle, size, seekable, label, depth=depth)
        elif kind == "hdf5":
            self.inspect_hdf5(handle, label)
        elif kind == "safetensors":
            self.check_safetensors(handle, size, label, strict=strict)
        # gguf and plain tensor formats carry no code: nothing to report.

    def _seekable(self, handle: BinaryIO, size: int | None, seekable: bool, label: str) -> tuple[BinaryIO, int]:
        if seekable and size is not None:
            return handle, size
        cap = self.analysis.limits.max_member_in_memory
        data = handle.read(cap + 1)
        if len(data) > cap:
            raise LimitExceeded(f"{label or 'nested archive'} is larger than {cap} bytes inside a compressed stream")
        return io.BytesIO(data), len(data)

    # --- pickles -------------------------------------------------------------------------
    def inspect_pickles(
        self,
        reader: ByteReader,
        label: str,
        *,
        depth: int,
        sniffing: bool = False,
        whole_file: BinaryIO | None = None,
        file_size: int | None = None,
        after_stop: bool = False,
    ) -> None:
        """Every stream in the data, then whatever follows the last STOP.

        `after_stop` continues behind data that already ended (torch legacy storages): what
        follows is judged as a further stream or as trailing data.
        """
        analysis = self.analysis
        stream = 2 if after_stop else 1
        while True:
            start = reader.tell()
            mark = len(analysis.issues)
            first = stream == 1
            stream_label = label if first else f"{label} stream {stream}"
            machine = PickleMachine(reader, analysis, stream_label, sniffing=sniffing or not first, depth=depth)
            try:
                result = machine.run()
            except NotAPickle:
                analysis.rollback(mark)
                if first:
                    raise
                self._trailing(reader, label, start, whole_file, file_size, depth)
                return
            except AnalysisError as exc:
                if (sniffing or not first) and not machine.executes:
                    analysis.rollback(mark)
                    if first:
                        raise NotAPickle(exc.reason, exc.offset) from None
                    self._trailing(reader, label, start, whole_file, file_size, depth)
                    return
                offset = exc.offset if exc.offset is not None else reader.tell()
                analysis.add(
                    rules.ARTIFACT_UNPARSEABLE,
                    where(stream_label, offset),
                    f"pickle stream breaks: {exc.reason}",
                    f"{stream_label}|broken",
                )
                return
            if first and sniffing and result.globals_seen == 0:
                raise NotAPickle("data-only text")  # harmless even if it were loaded
            if not first:
                analysis.add(
                    rules.DATA_AFTER_PICKLE,
                    where(label, start),
                    f"a second pickle stream (#{stream}) follows the first; loaders that read in a loop run it",
                    f"{label}|stream{stream}",
                )
            if first and result.value == TORCH_LEGACY_MAGIC:
                self.inspect_torch_legacy(reader, label, depth=depth, whole_file=whole_file, file_size=file_size)
                return
            if reader.at_end():
                return
            stream += 1
            if stream > analysis.limits.max_streams:
                raise LimitExceeded(f"more than {analysis.limits.max_streams} pickle streams")
            if not self._starts_like_pickle(reader):
                self._trailing(reader, label, reader.tell(), whole_file, file_size, depth)
                return

    @staticmethod
    def _starts_like_pickle(reader: ByteReader) -> bool:
        head = reader.peek(1)
        return bool(head) and head[0] in OPCODES

    def _trailing(
        self, reader: ByteReader, label: str, start: int, whole_file: BinaryIO | None, file_size: int | None, depth: int
    ) -> None:
        remaining = reader.remaining()
        amount = f"{remaining + (reader.tell() - start)} bytes" if remaining is not None else "data"
        if whole_file is not None and file_size is not None and find_eocd(whole_file, file_size) is not None:
            self.analysis.add(
                rules.PICKLE_ZIP_POLYGLOT,
                where(label, start),
                "polyglot: a pickle at offset 0 (what torch.load and pickle run) and a zip archive (what zip-based "
                "scanners read) in one file",
                f"{label}|polyglot",
            )
            whole_file.seek(0)
            self.inspect_zip(whole_file, file_size, "", depth=depth + 1, strict=True)
            return
        self.analysis.add(
            rules.DATA_AFTER_PICKLE,
            where(label, start),
            f"{amount} after the pickle's STOP opcode",
            f"{label}|trailing",
        )

    def inspect_torch_legacy(
        self, reader: ByteReader, label: str, *, depth: int, whole_file: BinaryIO | None, file_size: int | None
    ) -> None:
        """torch's pre-1.6 format: magic, protocol, sys_info, the object, storage keys, raw storages."""
        names = ("protocol version", "sys_info", "object", "storage keys")
        results = []
        for name in names:
            results.append(PickleMachine(reader, self.analysis, f"{label} {name}", depth=depth).run())
        element_sizes = _legacy_storage_sizes(results[2].persistent_ids)
        keys = results[3].value
        if not isinstance(keys, Seq) or keys.length != len(keys.items):
            raise AnalysisError("torch legacy checkpoint without a readable storage key list", reader.tell())
        for key in keys.items:
            if not isinstance(key, str) or key not in element_sizes:
                raise AnalysisError(f"torch legacy storage {key!r} is not declared by the object", reader.tell())
            numel = int.from_bytes(reader.read(8), "little", signed=True)
            if numel < 0:
                raise AnalysisError(f"torch legacy storage {key!r} has a negative size", reader.tell())
            reader.skip(numel * element_sizes[key])
        if not reader.at_end():
            self.inspect_pickles(reader, label, depth=depth, after_stop=True)

    # --- numpy ---------------------------------------------------------------------------
    def inspect_npy(self, reader: ByteReader, label: str, *, depth: int) -> None:
        import ast

        magic = reader.read(8)
        major = magic[6]
        if major == 1:
            header_length = int.from_bytes(reader.read(2), "little")
        elif major in (2, 3):
            header_length = int.from_bytes(reader.read(4), "little")
        else:
            raise AnalysisError(f"unknown .npy format version {major}", 6)
        if header_length > 1 << 20:
            raise AnalysisError(".npy header longer than 1 MiB", 8)
        header = reader.read(header_length).decode("utf-8" if major == 3 else "latin-1", "replace")
        try:
            meta = ast.literal_eval(header.strip())  # literals only: numpy's own header parser does the same
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            raise AnalysisError(".npy header is not a Python literal", 10) from None
        if not isinstance(meta, dict) or "descr" not in meta:
            raise AnalysisError(".npy header has no 'descr'", 10)
        if _descr_holds_objects(meta["descr"]):
            self.inspect_pickles(reader, f"{label} object array", depth=depth + 1)

    # --- compressed --------------------------------------------------------------------
    def inspect_compressed(self, handle: BinaryIO, kind: str, label: str, *, depth: int, name: str) -> None:
        limits = self.analysis.limits
        if kind == "zfile":  # joblib < 0.10: b"ZF" + hex length padded to 19 bytes, then zlib
            handle.read(21)
            kind = "zlib"
        stream = buffered(
            DecompressStream(
                handle,
                COMPRESSORS[kind],
                max_bytes=limits.max_decompressed_bytes,
                max_ratio=limits.max_ratio,
                kind=kind,
            )
        )
        head = stream.peek(_HEAD)[:_HEAD]
        inner = sniff(head)
        inner_kind = "pickle" if inner in ("pickle", "maybe-pickle") else (inner or "data")
        inner_label = inside(label, f"{kind}>{inner_kind}")
        # The inner data is named by the outer name (model.pkl.gz holds model.pkl).
        path = PurePosixPath(name)
        inner_name = path.stem if path.suffix.lower() in COMPRESSION_SUFFIXES else name
        self.inspect_content(stream, None, head, inner_name, inner_label, depth=depth + 1, seekable=False)

    # --- zip -----------------------------------------------------------------------------
    def inspect_zip(self, handle: BinaryIO, size: int, label: str, *, depth: int, strict: bool) -> None:
        directory = read_directory(handle, size, self.analysis.limits.max_zip_members)
        members = directory.members
        seen: set[str] = set()
        names = [m.name for m in members]
        is_torch = any(PurePosixPath(n).name == "data.pkl" for n in names)
        is_keras = "config.json" in names and any(n.endswith((".h5", "metadata.json")) for n in names)
        for member in members:
            self.analysis.check_time()
            member_label = inside(label, member.name)
            if member.name in seen:
                self.analysis.add(
                    rules.ZIP_STRUCTURE_ANOMALY,
                    member_label,
                    "zip holds two members with this name; readers disagree which one is loaded",
                    f"{member_label}|duplicate",
                )
            seen.add(member.name)
            local = read_local_header(handle, member)
            if local.name != member.name:
                self.analysis.add(
                    rules.ZIP_STRUCTURE_ANOMALY,
                    member_label,
                    f"local header names {local.name!r} but the central directory names {member.name!r}",
                    f"{member_label}|name-mismatch",
                )
            if member.flags & 0x1:
                self.analysis.add(
                    rules.ZIP_STRUCTURE_ANOMALY,
                    member_label,
                    "member is flagged as encrypted; it is analysed as stored",
                    f"{member_label}|encrypted",
                )
            if member.name.endswith("/"):
                continue
            if is_torch and not member.name.endswith(".pkl"):
                continue  # tensor storage: raw numbers, never unpickled
            self._inspect_member(
                handle, member, local.data_offset, member_label, depth=depth, torch_pickle=is_torch, keras=is_keras
            )

    def _inspect_member(
        self,
        handle: BinaryIO,
        member: ZipMember,
        data_offset: int,
        label: str,
        *,
        depth: int,
        torch_pickle: bool,
        keras: bool,
    ) -> None:
        limits = self.analysis.limits
        window = SubFile(handle, data_offset, member.compressed_size)
        if member.method == 0:
            stream: io.BufferedReader = buffered(window)
            size: int | None = member.compressed_size
            seekable = True
        elif member.method in (8, 12):
            kind = "deflate" if member.method == 8 else "bz2"
            stream = buffered(
                DecompressStream(
                    window,
                    COMPRESSORS[kind],
                    max_bytes=limits.max_decompressed_bytes,
                    max_ratio=limits.max_ratio,
                    multi_member=False,
                    kind="zip member",
                )
            )
            size, seekable = None, False
        else:
            raise AnalysisError(f"zip member {member.name!r} uses unsupported compression method {member.method}")
        if keras and member.name == "config.json":
            self.check_keras_config(stream.read(64 << 20), label)
            return
        if torch_pickle:
            self.inspect_kind(stream, size, "pickle", label, depth=depth + 1, strict=True, seekable=seekable)
            self._check_crc(handle, member, data_offset, label)
            return
        head = stream.peek(_HEAD)[:_HEAD]
        self.inspect_content(stream, size, head, member.name, label, depth=depth + 1, seekable=seekable)

    def _check_crc(self, handle: BinaryIO, member: ZipMember, data_offset: int, label: str) -> None:
        import zlib

        if member.size > 64 << 20:
            return
        window = SubFile(handle, data_offset, member.compressed_size)
        raw: BinaryIO = buffered(window)
        if member.method == 8:
            raw = buffered(
                DecompressStream(
                    window, COMPRESSORS["deflate"], max_bytes=64 << 20, max_ratio=1 << 30, multi_member=False
                )
            )
        crc = 0
        while chunk := raw.read(1 << 16):
            crc = zlib.crc32(chunk, crc)
        if crc != member.crc:
            self.analysis.add(
                rules.ZIP_STRUCTURE_ANOMALY,
                label,
                f"CRC mismatch (stored {member.crc:#010x}, actual {crc:#010x}): torch loads this member while "
                "zipfile-based scanners skip it",
                f"{label}|crc",
            )

    # --- other formats -----------------------------------------------------------------
    def check_keras_config(self, data: bytes, label: str) -> None:
        import json

        try:
            config = json.loads(data)
        except (ValueError, RecursionError):
            raise AnalysisError("Keras config.json is not valid JSON") from None
        pending: list[object] = [config]
        while pending:
            node = pending.pop()
            if isinstance(node, list):
                pending.extend(node)
                continue
            if not isinstance(node, dict):
                continue
            pending.extend(node.values())
            class_name = node.get("class_name")
            inner = node.get("config")
            layer = inner.get("name") if isinstance(inner, dict) else None
            if class_name in ("Lambda", "__lambda__"):
                self.analysis.add(
                    rules.KERAS_LAMBDA_LAYER,
                    label,
                    f"Lambda layer {layer or ''} carries Python bytecode that runs "
                    "on load with safe_mode=False".replace("  ", " "),
                    f"{label}|lambda|{layer}",
                )
                continue
            module = node.get("module")
            registered = node.get("registered_name")
            if (
                isinstance(module, str)
                and isinstance(class_name, str)
                and module.split(".")[0] not in ("keras", "tensorflow", "tf_keras", "builtins", "numpy")
            ):
                self.analysis.add(
                    rules.KERAS_CUSTOM_OBJECT,
                    label,
                    f"custom object {module}.{class_name}: loading imports and runs that module's code",
                    f"{label}|custom|{module}.{class_name}",
                )
            elif module is None and isinstance(registered, str) and ">" in registered:
                self.analysis.add(
                    rules.KERAS_CUSTOM_OBJECT,
                    label,
                    f"custom object {registered}: loading needs its code",
                    f"{label}|custom|{registered}",
                )

    def inspect_hdf5(self, handle: BinaryIO, label: str) -> None:
        """Keras HDF5 files keep the model config as a JSON attribute; look for Lambda layers in it."""
        overlap = b""
        offset = 0
        while chunk := handle.read(1 << 20):
            self.analysis.check_time()
            window = overlap + chunk
            match = _KERAS_LAMBDA.search(window)
            if match is not None:
                at = offset - len(overlap) + match.start()
                self.analysis.add(
                    rules.KERAS_LAMBDA_LAYER,
                    where(label or "hdf5", at),
                    "Keras model config holds a Lambda layer: Python bytecode that runs on load",
                    f"{label}|h5-lambda",
                )
                return
            overlap = window[-64:]
            offset += len(chunk)

    def check_safetensors(self, handle: BinaryIO, size: int | None, label: str, *, strict: bool) -> None:
        import json

        header = handle.read(8)
        (length,) = struct.unpack("<Q", header)
        body = handle.read(length)
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError):
            parsed = None
        if (not isinstance(parsed, dict) or len(body) != length) and strict:
            raise AnalysisError("safetensors header is not a complete JSON object", 8)

    def inspect_tar(self, handle: BinaryIO, label: str, *, depth: int) -> None:
        import tarfile

        try:
            archive = tarfile.open(fileobj=handle, mode="r:")  # noqa: SIM115 - closed with the file
            members = archive.getmembers()
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise AnalysisError(f"corrupt tar archive ({exc})") from None
        names = {m.name for m in members}
        torch_tar = {"sys_info", "pickle", "storages", "tensors"} <= names
        for member in members:
            self.analysis.check_time()
            if not member.isfile():
                continue
            member_label = inside(label, member.name)
            extracted = archive.extractfile(member)
            if extracted is None:
                continue
            stream: BinaryIO = extracted  # type: ignore[assignment]
            if torch_tar:
                self._inspect_torch_tar_member(stream, member.name, member.size, member_label, depth=depth)
                continue
            head = stream.read(_HEAD)
            stream.seek(0)
            self.inspect_content(stream, member.size, head, member.name, member_label, depth=depth + 1, seekable=True)

    def _inspect_torch_tar_member(self, stream: BinaryIO, name: str, size: int, label: str, *, depth: int) -> None:
        reader = ByteReader(stream, size)
        if name == "sys_info" or name == "pickle":
            self.inspect_pickles(reader, label, depth=depth + 1)
            return
        if name not in ("storages", "tensors"):
            return
        count = PickleMachine(reader, self.analysis, f"{label} count", depth=depth).run().value
        if not isinstance(count, int) or count < 0:
            raise AnalysisError(f"torch tar {name}: record count is not an integer")
        for index in range(count):
            self.analysis.check_time()
            record = PickleMachine(reader, self.analysis, f"{label} record {index}", depth=depth).run().value
            if name == "storages":
                element_size = _tar_storage_element_size(record)
                numel = int.from_bytes(reader.read(8), "little", signed=True)
                if numel < 0:
                    raise AnalysisError(f"torch tar storage {index} has a negative size")
                reader.skip(numel * element_size)
            else:
                (ndim,) = struct.unpack("<i", reader.read(4))
                if not 0 <= ndim <= 64:
                    raise AnalysisError(f"torch tar tensor {index} has {ndim} dimensions")
                reader.skip(4 + 16 * ndim + 8)
        if not reader.at_end():
            self._trailing(reader, label, reader.tell(), None, None, depth)

    def inspect_7z(self, handle: BinaryIO, size: int | None, seekable: bool, label: str, *, depth: int) -> None:
        try:
            import py7zr  # noqa: F401 - optional extra
        except ImportError:
            self.analysis.add(
                rules.ARCHIVE_NOT_INSPECTABLE,
                label or "7z",
                "7z archive cannot be inspected here: install mlsec-hooks[7z] (py7zr) to analyse it",
                f"{label}|7z",
            )
            return
        from hooks.artifacts.sevenzip import inspect_7z_members

        inspect_7z_members(self, handle, size, seekable, label, depth=depth)


def _hex(head: bytes) -> str:
    return "starts " + (head[:8].hex(" ") if head else "empty")


def _descr_holds_objects(descr: object) -> bool:
    if isinstance(descr, str):
        return bool(re.match(r"^[<>|=]?O", descr))
    if isinstance(descr, (list, tuple)):
        return any(_descr_holds_objects(part) for part in descr)
    return False


def _legacy_storage_sizes(persistent_ids: list[object]) -> dict[str, int]:
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


def _tar_storage_element_size(record: object) -> int:
    from hooks.artifacts.globals_policy import STORAGE_ELEMENT_SIZES

    if isinstance(record, Seq) and len(record.items) >= 3 and isinstance(record.items[2], Global):
        size = STORAGE_ELEMENT_SIZES.get(record.items[2].name)
        if size:
            return size
    raise AnalysisError("torch tar storage record without a known storage type")
