"""A streaming decoder for the LZ4 frame format (what joblib writes for `compress='lz4'`).

Standard library only, so a hook reads lz4 data without the `lz4` package. It follows the
frame spec (magic, frame descriptor, blocks, optional checksums, end mark; linked or independent
blocks) and the block spec (literal runs and back-references into the last 64 KiB); checksums
are skipped, not verified (a wrong one makes the real reader fail, so nothing more runs). It
offers the decompressor interface `streams.DecompressStream` drives.
"""

from __future__ import annotations

MAGIC = b"\x04\x22\x4d\x18"
_WINDOW = 64 << 10
_MAX_BLOCK = 4 << 20


class Lz4Error(ValueError):
    pass


class Lz4FrameDecompressor:
    def __init__(self) -> None:
        self._input = bytearray()
        self._output = bytearray()
        self._history = b""
        self._header_done = False
        self._block_checksum = False
        self._content_checksum = False
        self._linked = True
        self._ended = False
        self._unused = b""

    @property
    def eof(self) -> bool:
        return self._ended and not self._output

    @property
    def unused_data(self) -> bytes:
        return self._unused

    @property
    def needs_input(self) -> bool:
        return not self._output and not self._ended

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        if self._ended:
            self._unused += data
        else:
            self._input += data
            self._decode_available()
        if max_length < 0 or max_length >= len(self._output):
            out = bytes(self._output)
            self._output.clear()
            return out
        out = bytes(self._output[:max_length])
        del self._output[:max_length]
        return out

    def _decode_available(self) -> None:
        if not self._header_done and not self._read_header():
            return
        while not self._ended:
            if len(self._input) < 4:
                return
            size = int.from_bytes(self._input[:4], "little")
            if size == 0:
                need = 4 + (4 if self._content_checksum else 0)
                if len(self._input) < need:
                    return
                self._ended = True
                self._unused = bytes(self._input[need:])
                self._input.clear()
                return
            stored = bool(size & 0x80000000)
            size &= 0x7FFFFFFF
            if size > _MAX_BLOCK:
                raise Lz4Error(f"lz4 block of {size} bytes is larger than the format allows")
            need = 4 + size + (4 if self._block_checksum else 0)
            if len(self._input) < need:
                return
            block = bytes(self._input[4 : 4 + size])
            del self._input[:need]
            decoded = block if stored else _decode_block(block, self._history if self._linked else b"")
            self._output += decoded
            self._history = (self._history + decoded)[-_WINDOW:]

    def _read_header(self) -> bool:
        data = self._input
        if len(data) < 7:
            return False
        if bytes(data[:4]) != MAGIC:
            raise Lz4Error("not an lz4 frame")
        flags = data[4]
        if flags >> 6 != 1:
            raise Lz4Error("unknown lz4 frame version")
        length = 7 + (8 if flags & 0x08 else 0) + (4 if flags & 0x01 else 0)
        if len(data) < length:
            return False
        self._linked = not flags & 0x20
        self._block_checksum = bool(flags & 0x10)
        self._content_checksum = bool(flags & 0x04)
        del data[:length]
        self._header_done = True
        return True


def _decode_block(block: bytes, history: bytes) -> bytes:
    """One compressed block, with back-references allowed into `history`."""
    out = bytearray(history)
    start = len(out)
    pos, end = 0, len(block)
    while pos < end:
        token = block[pos]
        pos += 1
        literals = token >> 4
        if literals == 15:
            while True:
                if pos >= end:
                    raise Lz4Error("lz4 block ends inside a length")
                extra = block[pos]
                pos += 1
                literals += extra
                if extra != 255:
                    break
        if pos + literals > end:
            raise Lz4Error("lz4 literals run past the block")
        out += block[pos : pos + literals]
        pos += literals
        if pos >= end:
            break  # the last sequence holds literals only
        if pos + 2 > end:
            raise Lz4Error("lz4 block ends inside an offset")
        offset = block[pos] | (block[pos + 1] << 8)
        pos += 2
        if offset == 0 or offset > len(out):
            raise Lz4Error("lz4 back-reference before the start of the data")
        length = token & 15
        if length == 15:
            while True:
                if pos >= end:
                    raise Lz4Error("lz4 block ends inside a length")
                extra = block[pos]
                pos += 1
                length += extra
                if extra != 255:
                    break
        length += 4
        if len(out) - start + length > _MAX_BLOCK:
            raise Lz4Error("lz4 block expands past the format's block size")
        first = len(out) - offset
        if offset >= length:
            out += out[first : first + length]
        else:  # an overlapping copy repeats the last `offset` bytes
            pattern = bytes(out[first:])
            out += (pattern * (length // offset + 1))[:length]
    return bytes(out[start:])
