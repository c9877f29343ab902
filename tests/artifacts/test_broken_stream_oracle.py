"""Oracle for the low MLS901 ("the stream breaks before anything acts"): the real unpicklers.

When the scanner says a pickle breaks before any opcode that imports, calls or builds, both of
CPython's unpicklers (the C one behind pickle.load, torch.load and pandas; the pure-Python one
behind joblib) must raise on that file without ever resolving a global. Each example is a valid
data-only pickle cut somewhere, a breaking byte sequence, and then a payload that would import
`os.system` if an unpickler read on. The loaders run in a subprocess behind an audit hook that
records every `pickle.find_class` and refuses it, so nothing is ever imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks._core.findings import Severity
from tests.artifacts.helpers import scan_bytes

# Runs both unpicklers on each file named on stdin; answers one JSON line per file.
_RUNNER = r"""
import io, json, pickle, sys

class Refused(BaseException):
    pass

events = []

def hook(event, args):
    if event == "pickle.find_class":
        events.append(list(args))
        raise Refused(args)

sys.addaudithook(hook)
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    data = open(path, "rb").read()
    answer = {}
    for name, load in (("c", lambda b: pickle.loads(b)), ("python", lambda b: pickle._Unpickler(io.BytesIO(b)).load())):
        del events[:]
        try:
            load(data)
            outcome = "loaded"
        except Refused:
            outcome = "refused"
        except BaseException as exc:
            outcome = "error:" + type(exc).__name__
        answer[name] = {"outcome": outcome, "find_class": len(events)}
    print(json.dumps(answer), flush=True)
"""

_PAYLOAD = b"cos\nsystem\n(S'echo reached'\ntR."
_BREAKS = [
    b"",  # the data just ends
    b"\xff",  # an unknown opcode
    b"0",  # POP
    b"t",  # TUPLE without a MARK
    b"a",  # APPEND
    b"s",  # SETITEM
    b"1",  # POP_MARK
    b"g99\n",  # GET of a memo key never written
    b"Inot a number\n",  # INT that does not parse
    b"Fnan-ish\n",  # FLOAT that does not parse
    b"Sunquoted\n",  # STRING without quotes
    b"\x80\x09",  # PROTO 9
    b".",  # STOP (on whatever the stack holds: an empty one breaks)
    b"I1\x00junk\n",  # the C unpickler reads numeric operands as C strings: a NUL ends them
    b"L2\x00L\n",
    b"F1.5\x00x\n",
    b"I\n",  # an empty INT is 0 to C's strtol
    b"p0\x00z\ng0\x00z\n",  # PUT and GET with a NUL
    b"I" + b"9" * 5000 + b"\n",  # past CPython's int-to-str limit, which a loader may lift
    b"(I1\ni\nos\nsystem\n",  # INST: the pure-Python unpickler imports before it looks for the MARK
    b"Pan id\n",  # PERSID: the loader's persistent_load, not the file's code
    b"Q",  # BINPERSID
    b"R",  # REDUCE, BUILD, NEWOBJ, STACK_GLOBAL, OBJ on whatever the stack holds
    b"b",
    b"\x81",
    b"\x93",
    b"o",
]

_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.binary(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


def _run_loaders(paths: list[Path]) -> list[dict[str, dict[str, object]]]:
    done = subprocess.run(
        [sys.executable, "-I", "-c", _RUNNER],
        input="\n".join(str(p) for p in paths),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


@settings(max_examples=60, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    values=st.lists(_VALUES, min_size=8, max_size=8),
    protocols=st.lists(st.integers(0, 5), min_size=8, max_size=8),
    cuts=st.lists(st.floats(0, 1), min_size=8, max_size=8),
    breaks=st.lists(st.sampled_from(_BREAKS), min_size=8, max_size=8),
)
def test_low_break_means_every_unpickler_fails_before_any_import(
    tmp_path_factory: object, values: list[object], protocols: list[int], cuts: list[float], breaks: list[bytes]
) -> None:
    folder: Path = tmp_path_factory.mktemp("broken")  # type: ignore[attr-defined]
    # One known-low file in every batch, so the loaders always run on something.
    anchor = scan_bytes(folder, "anchor.pth", b"(I1\nI2\ntR" + _PAYLOAD)
    assert [(f.rule_id, f.severity) for f in anchor] == [("MLS901", Severity.LOW)]
    judged: list[Path] = [folder / "anchor.pth"]
    for index, (value, protocol, cut, broken) in enumerate(zip(values, protocols, cuts, breaks, strict=True)):
        whole = __import__("pickle").dumps(value, protocol=protocol)[:-1]  # without its STOP
        data = whole[: int(len(whole) * cut)] + broken + _PAYLOAD
        findings = scan_bytes(folder, f"m{index}.pth", data)
        low = [f for f in findings if f.rule_id == "MLS901" and f.severity is Severity.LOW]
        if low:
            assert [f.rule_id for f in findings] == ["MLS901"], findings
            judged.append(folder / f"m{index}.pth")
    for path, answer in zip(judged, _run_loaders(judged), strict=True):
        for loader, result in answer.items():
            assert result["find_class"] == 0, (path.read_bytes()[:80], loader, result)
            assert str(result["outcome"]).startswith("error:"), (path.read_bytes()[:80], loader, result)
