"""`mlsec explain`: show, as Python, what each pickle in a file would do if it were loaded.

fickling decompiles the opcodes symbolically (it never runs them). The verdict stays with the
scanner; this is for the person triaging a finding: which call, with which arguments.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from hooks.artifacts.dispatch import sniff
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.streams import COMPRESSORS, DecompressStream, SubFile, buffered
from hooks.artifacts.zipreader import read_directory, read_local_header

MAX_STREAM_BYTES = 64 << 20  # fickling keeps every opcode in memory: explain bounded inputs only


def _read_capped(handle: BinaryIO, what: str) -> bytes:
    data = handle.read(MAX_STREAM_BYTES + 1)
    if len(data) > MAX_STREAM_BYTES:
        raise LimitExceeded(f"{what} is larger than {MAX_STREAM_BYTES >> 20} MiB; explain reads small pickles only")
    return data


def _is_text_pickle(handle: BinaryIO, path: Path, head: bytes) -> bool:
    """Protocol-0 pickles are text: ask the scanner whether this text is one."""
    from hooks.artifacts.analysis import Analysis
    from hooks.artifacts.dispatch import Inspector
    from hooks.artifacts.globals_policy import GlobalsPolicy

    inspector = Inspector(Analysis(GlobalsPolicy()))
    try:
        return inspector.inspect_content(handle, path.stat().st_size, head, path.name, "", depth=0, seekable=True)
    except (AnalysisError, LimitExceeded):
        return True  # an artifact that does not parse: show what fickling makes of it


def pickle_payloads(path: Path) -> Iterator[tuple[str, bytes]]:
    """(label, bytes) of every pickle-bearing part of the file, one container level deep."""
    with path.open("rb") as handle:
        head = handle.read(512)
        handle.seek(0)
        kind = sniff(head)
        if kind == "pickle" or (kind == "maybe-pickle" and _is_text_pickle(handle, path, head)):
            handle.seek(0)
            yield "pickle", _read_capped(handle, path.name)
        elif kind == "zip":
            size = path.stat().st_size
            for member in read_directory(handle, size, 200_000).members:
                local = read_local_header(handle, member)
                window = SubFile(handle, local.data_offset, member.compressed_size)
                if member.method == 0:
                    stream: BinaryIO = buffered(window)
                elif member.method == 8:
                    stream = buffered(
                        DecompressStream(window, COMPRESSORS["deflate"], max_bytes=MAX_STREAM_BYTES, max_ratio=1 << 20)
                    )
                else:
                    continue
                data = _read_capped(stream, member.name)
                if sniff(data[:512]) == "pickle" or member.name.endswith(".pkl"):
                    yield member.name, data
        elif kind in COMPRESSORS:
            raw = DecompressStream(handle, COMPRESSORS[kind], max_bytes=MAX_STREAM_BYTES, max_ratio=1 << 20)
            yield f"{kind}>pickle", _read_capped(buffered(raw), path.name)


def explain_file(path: Path, out: TextIO) -> bool:
    """Print the decompiled streams; False when the file holds no pickle we can show."""
    import ast

    from fickling.fickle import Pickled

    shown = False
    for label, data in pickle_payloads(path):
        stream = io.BytesIO(data)
        number = 1
        while stream.tell() < len(data):
            start = stream.tell()
            try:
                pickled = Pickled.load(stream, fail_on_decode_error=False)
                source = ast.unparse(pickled.ast)
            except Exception as exc:  # noqa: BLE001 - fickling raises many types on hostile input
                reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                out.write(f"# {label} stream {number} @ {start:#x}: fickling cannot decompile it ({reason})\n")
                shown = True
                break
            out.write(f"# {label} stream {number} @ {start:#x}\n{source}\n")
            shown = True
            if pickled.has_invalid_opcode or stream.tell() <= start:
                out.write(f"# {label}: the stream breaks at {stream.tell():#x}; the rest is not a pickle\n")
                break
            number += 1
    return shown


def explain_paths(paths: list[str], out: TextIO) -> list[str]:
    """Explain each file; return one error line per file that could not be explained."""
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            problems.append(f"{raw}: no such file")
            continue
        out.write(f"=== {raw}\n")
        try:
            if not explain_file(path, out):
                out.write("# no pickle found (not a pickle-based artifact)\n")
        except (AnalysisError, LimitExceeded) as exc:
            problems.append(f"{raw}: {getattr(exc, 'reason', exc)}")
        except OSError as exc:
            problems.append(f"{raw}: cannot read ({exc.strerror})")
    return problems
