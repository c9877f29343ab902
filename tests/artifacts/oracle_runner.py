"""The loader oracle's subprocess: runs a real loader on a file, behind an audit hook.

Started by tests/artifacts/oracle.py (and by bench) as `python oracle_runner.py ROOT`; it reads
one JSON request per line on stdin and writes one JSON answer per line, so one process (one
torch import) serves a whole test module.

What is hooked, and why:
- `pickle.find_class` (an audit event raised by both the C and the pure-Python unpicklers
  before they import anything, also for EXT opcodes). This is the path of pickle.load,
  joblib.load (its NumpyUnpickler is pickle._Unpickler), numpy.load(allow_pickle=True),
  pandas.read_pickle (and its compat unpickler) and torch.load(weights_only=False) (whose
  UnpicklerWrapper.find_class calls super().find_class, except for names containing
  "Storage", which it maps to a storage type without importing anything).
- torch.load with weights_only=True (the default since torch 2.6) runs
  torch._weights_only_unpickler.Unpickler, a pure-Python unpickler that raises no audit
  event and never calls find_class: it reads GLOBAL operands with `_read_global_instruction`
  and looks them up in its own table. The runner wraps that function, so the same check runs
  before torch's table lookup.
- Load-time side effects of globals the allowlist does admit (a pandas ExcelWriter that
  creates a file, a joblib NDArrayWrapper that loads a companion file): writes, removals and
  renames under the request's `watch` folder, and every process, network and dlopen event,
  are refused too. TorchScript code runs in C++ and raises no audit events: its effects are
  seen afterwards by comparing the `watch` folder before and after the load.

A refused global raises `Refused`, a BaseException, so loaders that catch Exception (pandas
retries with its compat unpickler on ImportError/TypeError) do not swallow it; the first
refusal is recorded before raising, so it is reported even when a loader swallows it.
The allowlist is the scanner's own (hooks.artifacts.globals_policy), so "the first global the
loader would resolve that the scanner does not allow" is well defined.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Any

_ANSWER_FD = -1


class Refused(BaseException):
    """Raised from the audit hook: the operation never happens."""


class _State:
    armed = False
    watch: str | None = None
    first: dict[str, Any] | None = None


_PROCESS_EVENTS = frozenset(
    {
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
        "os.kill",
        "os.killpg",
        "subprocess.Popen",
        "pty.spawn",
        "socket.connect",
        "socket.bind",
        "socket.sendto",
        "socket.getaddrinfo",
        "urllib.Request",
        "webbrowser.open",
    }
)
_PATH_EVENTS = frozenset(
    {
        "os.remove",
        "os.rename",
        "os.truncate",
        "os.mkdir",
        "os.rmdir",
        "os.symlink",
        "os.link",
        "os.chmod",
        "os.chown",
        "os.utime",
        "shutil.rmtree",
        "shutil.copyfile",
        "shutil.move",
    }
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


_POLICY: Any = None


def _allowed(module: object, name: object) -> bool:
    from hooks.artifacts.globals_policy import Verdict, resolve_name

    if not isinstance(module, str) or not isinstance(name, str):
        return False
    # The C unpickler raises the event before its Python 2 renames (protocol < 3), and an
    # unrenamed Python 2 module does not exist in Python 3: judge the renamed pair.
    module, name = resolve_name(module, name, 0)
    return bool(_POLICY.classify(module, name) is Verdict.ALLOWED)


def _under_watch(path: object) -> bool:
    if _State.watch is None or isinstance(path, int):
        return False
    try:
        text = os.fsdecode(path)  # type: ignore[arg-type]
    except TypeError:
        return False
    full = os.path.realpath(os.path.abspath(text))
    return full == _State.watch or full.startswith(_State.watch + os.sep)


def _refuse(record: dict[str, Any]) -> None:
    if _State.first is None:
        _State.first = record
    raise Refused(json.dumps(record))


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _State.armed:
        return
    if event == "pickle.find_class":
        module, name = args[0], args[1]
        if not _allowed(module, name):
            _refuse({"status": "refused", "global": [str(module), str(name)], "via": "pickle.find_class"})
    elif event == "open":
        path, mode, flags = [*args, None, None, None][:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and bool(flags & _WRITE_FLAGS)
        )
        if writes and _under_watch(path):
            _refuse({"status": "sink", "event": "open for writing", "target": os.fsdecode(path)})
    elif event in _PATH_EVENTS:
        if args and _under_watch(args[0]):
            _refuse({"status": "sink", "event": event, "target": repr(args[0])[:200]})
    elif event in _PROCESS_EVENTS and event:
        _refuse({"status": "sink", "event": event, "target": repr(args)[:200]})


def _hook_torch_weights_only() -> None:
    import torch._weights_only_unpickler as wo

    if getattr(wo, "_oracle_hooked", False):
        return
    original = wo._read_global_instruction

    def read_global(readline: Any) -> tuple[str, str]:
        module, name = original(readline)
        if _State.armed and not _allowed(module, name):
            _refuse({"status": "refused", "global": [module, name], "via": "torch weights_only GLOBAL"})
        return module, name

    wo._read_global_instruction = read_global
    wo._oracle_hooked = True


# --- loaders --------------------------------------------------------------------------
def _load_pickle(path: str) -> None:
    import pickle

    with open(path, "rb") as handle:
        pickle.load(handle)


def _load_pickle_all(path: str) -> None:
    """A loader that reads streams in a loop until the end of the file."""
    import pickle

    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        while handle.tell() < size:
            pickle.load(handle)


def _load_torch(path: str) -> None:
    import torch

    _hook_torch_weights_only()
    torch.load(path, map_location="cpu")


def _load_torch_unsafe(path: str) -> None:
    import torch

    torch.load(path, map_location="cpu", weights_only=False)


def _load_torch_jit(path: str) -> None:
    import torch

    torch.jit.load(path, map_location="cpu")


def _load_joblib(path: str) -> None:
    import joblib

    joblib.load(path)


def _load_numpy(path: str) -> None:
    import numpy

    loaded = numpy.load(path, allow_pickle=True)
    if isinstance(loaded, numpy.lib.npyio.NpzFile):
        with loaded:
            for key in loaded.files:
                loaded[key]


def _load_pandas(path: str) -> None:
    import pandas

    pandas.read_pickle(path)


LOADERS = {
    "pickle": (_load_pickle, "pickle"),
    "pickle_all": (_load_pickle_all, "pickle"),
    "torch": (_load_torch, "torch"),
    "torch_weights_only_false": (_load_torch_unsafe, "torch"),
    "torch_jit": (_load_torch_jit, "torch"),
    "joblib": (_load_joblib, "joblib"),
    "numpy": (_load_numpy, "numpy"),
    "pandas": (_load_pandas, "pandas"),
}


def _snapshot(folder: str | None) -> dict[str, tuple[int, int]]:
    if folder is None:
        return {}
    found: dict[str, tuple[int, int]] = {}
    for base, _dirs, files in os.walk(folder):
        for name in files:
            full = os.path.join(base, name)
            try:
                info = os.lstat(full)
            except OSError:
                continue
            found[os.path.relpath(full, folder)] = (info.st_size, info.st_mtime_ns)
    return found


def _changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    return sorted(
        [f"created {n}" for n in after.keys() - before.keys()]
        + [f"removed {n}" for n in before.keys() - after.keys()]
        + [f"modified {n}" for n in before.keys() & after.keys() if before[n] != after[n]]
    )


def _error_text(exc: BaseException) -> str:
    """The loader's error, its last lines kept (torch puts the reason after a long preamble)."""
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 600 else text[:150] + " ... " + text[-450:]


def handle(request: dict[str, Any]) -> dict[str, Any]:
    import importlib.util
    import warnings

    loader = request["loader"]
    if loader not in LOADERS:
        return {"status": "error", "error": f"unknown loader {loader!r}"}
    function, package = LOADERS[loader]
    if importlib.util.find_spec(package) is None:
        return {"status": "unavailable", "error": f"{package} is not installed"}
    # Import the loader before arming: its own start-up (dlopen, reading its files) is no
    # part of what the file makes it do.
    __import__(package)
    if loader.startswith("torch"):
        __import__("torch.jit")
        _hook_torch_weights_only()
    watch = request.get("watch")
    _State.watch = os.path.realpath(watch) if watch else None
    _State.first = None
    before = _snapshot(_State.watch)
    answer: dict[str, Any]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _State.armed = True
        try:
            function(request["path"])
            answer = {"status": "clean"}
        except Refused:
            answer = {"status": "error", "error": "refused"}
        except BaseException as exc:  # noqa: BLE001 - a loader failing on hostile input is an answer
            answer = {"status": "error", "error": _error_text(exc)}
        finally:
            _State.armed = False
    if _State.first is not None:
        answer = {**_State.first, "loader_error": answer.get("error")}
    changed = _changes(before, _snapshot(_State.watch))
    if changed:
        answer["changed"] = changed
        if answer["status"] in ("clean", "error"):
            answer = {**answer, "status": "sink", "event": "files changed during the load"}
    return answer


def serve() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            answer = handle(request)
        except BaseException:  # noqa: BLE001 - report and keep serving
            answer = {"status": "error", "error": traceback.format_exc()[-500:]}
        answer["id"] = request.get("id")
        answer["loader"] = request.get("loader")
        os.write(_ANSWER_FD, (json.dumps(answer) + "\n").encode())


def main() -> None:
    global _ANSWER_FD, _POLICY
    root = sys.argv[1]
    sys.path.insert(0, root)
    from hooks.artifacts.globals_policy import GlobalsPolicy

    _POLICY = GlobalsPolicy()
    # Answers go to a private copy of stdout; whatever a loader prints goes to stderr.
    _ANSWER_FD = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for preload in sys.argv[2:]:
        __import__(preload)
    sys.addaudithook(_audit)
    os.write(_ANSWER_FD, b'{"ready": true}\n')
    serve()


if __name__ == "__main__":
    main()
