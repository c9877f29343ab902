"""`mlsec explain`: show, as Python, what each pickle in a file would do if it were loaded.

The scanner's own walk finds the streams and keeps a copy of each (in every container it reads,
past the array data joblib embeds, nested payloads included); fickling decompiles those copies
symbolically (it never runs them). The verdict stays with the scanner; this is for the person
triaging a finding: which call, with which arguments.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO

from hooks._core.display import printable
from hooks.artifacts.analysis import Analysis, PickleStream, StreamLog
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.globals_policy import GlobalsPolicy
from hooks.artifacts.pickle_vm import NotAPickle
from hooks.artifacts.walker import Walker

MAX_STREAM_BYTES = 64 << 20  # fickling keeps every opcode in memory: explain bounded inputs only


def pickle_streams(path: Path) -> tuple[list[PickleStream], AnalysisError | LimitExceeded | None]:
    """Every pickle stream the scanner interprets in the file, and why the walk stopped early, if it did."""
    log = StreamLog(MAX_STREAM_BYTES)
    analysis = Analysis(GlobalsPolicy(), stream_log=log)
    problem: AnalysisError | LimitExceeded | None = None
    with path.open("rb") as handle:
        try:
            Walker(analysis).walk_file(handle, path.stat().st_size, path.name)
        except NotAPickle:
            pass  # text that merely begins like a pickle
        except (AnalysisError, LimitExceeded) as exc:
            problem = exc
    return log.streams, problem


def _show(stream: PickleStream, number: int, out: TextIO) -> None:
    import ast

    from fickling.fickle import Pickled

    container = printable(stream.container)  # an archive member's name is attacker-chosen
    header = f"# {container} stream {number} @ {stream.offset:#x}"
    data = io.BytesIO(bytes(stream.recording.data))
    try:
        pickled = Pickled.load(data, fail_on_decode_error=False)
        source = ast.unparse(pickled.ast)
    except Exception as exc:  # noqa: BLE001 - fickling raises many types on hostile input
        reason = printable(str(exc).splitlines()[0][:120]) if str(exc).strip() else type(exc).__name__
        out.write(f"{header}: fickling cannot decompile it ({reason})\n")
        return
    # Names in the decompiled source come from the pickle: each line is shown escaped.
    shown = "\n".join(printable(line) for line in source.splitlines())
    out.write(f"{header}\n{shown}\n")
    if stream.stopped_at is not None or pickled.has_invalid_opcode:
        at = stream.stopped_at if stream.stopped_at is not None else stream.offset + data.tell()
        out.write(f"# {container}: the stream breaks at {at:#x}; the rest is not a pickle\n")


def explain_file(path: Path, out: TextIO) -> bool:
    """Print the decompiled streams; False when the file holds no pickle we can show."""
    import fickling.fickle  # noqa: F401 - fail before reading anything when the extra is missing

    streams, problem = pickle_streams(path)
    numbers: dict[tuple[str, int], int] = {}  # streams are numbered within the data they were read from
    for stream in streams:
        if not stream.recording.complete:
            raise LimitExceeded(
                f"its pickle streams are larger than {MAX_STREAM_BYTES >> 20} MiB; explain reads small pickles only"
            )
        key = (stream.container, stream.reader)
        numbers[key] = number = numbers.get(key, 0) + 1
        _show(stream, number, out)
    if problem is not None:
        raise problem
    return bool(streams)


def explain_paths(paths: list[str], out: TextIO) -> list[str]:
    """Explain each file; return one error line per file that could not be explained."""
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        shown = printable(raw)  # a file name is attacker-chosen: never raw on the terminal
        if not path.is_file():
            problems.append(f"{shown}: no such file")
            continue
        out.write(f"=== {shown}\n")
        try:
            if not explain_file(path, out):
                out.write("# no pickle found (not a pickle-based artifact)\n")
        except (AnalysisError, LimitExceeded) as exc:
            problems.append(f"{shown}: {printable(exc.reason)}")
        except BrokenPipeError:
            raise  # our reader went away, not the file: the command ends quietly
        except OSError as exc:
            problems.append(f"{shown}: cannot read ({exc.strerror})")
    return problems
