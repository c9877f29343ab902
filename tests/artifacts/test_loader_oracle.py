"""The scanner against the real loaders: whatever a loader would resolve outside the allowlist,
mlsec-artifacts must report at or above medium.

Each test builds hostile files of one family (issue 13) with hypothesis choosing the structure
(zip records, tar headers, codecs, dtype strings, magic prefixes, protocol headers), runs the
real loaders on them through the loader oracle (tests/artifacts/oracle.py: a subprocess with an
audit hook that refuses every global outside the scanner's allowlist before it is resolved, and
every load-time write into the test folder), and checks the property:

    oracle says a loader reaches a refused global or side effect  =>  a blocking finding.

Families today's scanner misses are xfail(strict=True) with the family named, so fixing the
scanner turns them into XPASS errors until the mark is removed. Do not weaken the property to
make one pass. MLSEC_ORACLE_EXAMPLES=N sets the examples per test (default 6; bench uses more).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from hooks._core.findings import Finding, Severity
from hooks._core.policy import Policy
from hooks.artifacts.spec import SPEC
from tests import pickle_asm as asm
from tests.artifacts import payload_builders as pb
from tests.artifacts.builders import joblib_with_array
from tests.artifacts.oracle import LoaderOracle, OracleResult, missing_package
from tests.scanning import findings_of

EXAMPLES = int(os.environ.get("MLSEC_ORACLE_EXAMPLES", "6"))
ORACLE = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: xfail families fail fast
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


def needs(*packages: str) -> pytest.MarkDecorator:
    missing = [p for p in packages if missing_package_name(p)]
    return pytest.mark.skipif(bool(missing), reason=f"test-only dependency not installed: {', '.join(missing)}")


def missing_package_name(package: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(package) is None


def misses(family: str) -> pytest.MarkDecorator:
    """A family today's scanner does not catch (issue 13); the scanner fix removes the mark.

    MLSEC_ORACLE_NO_XFAIL=1 drops the marks, to see every family's real outcome."""
    if os.environ.get("MLSEC_ORACLE_NO_XFAIL"):
        return pytest.mark.oracle_family(family)
    return pytest.mark.xfail(strict=True, reason=f"issue 13, family not caught yet: {family}")


# --- fixtures and the property -----------------------------------------------------------------
@pytest.fixture(scope="module")
def oracle() -> Iterator[LoaderOracle]:
    with LoaderOracle() as running:
        yield running


class Workspace:
    """A short folder (payloads must fit a tar name field) holding the canary and one folder per example."""

    def __init__(self) -> None:
        # /tmp rather than $TMPDIR: the canary path must stay short.
        self.root = Path(tempfile.mkdtemp(prefix="mo", dir="/tmp" if Path("/tmp").is_dir() else None))
        self.canary = self.root / "c"
        self._numbers = count()

    def folder(self) -> Path:
        path = self.root / f"e{next(self._numbers)}"
        path.mkdir()
        return path

    def payload(self, kind: str) -> pb.Payload:
        return pb.Payload(kind, str(self.canary))


@pytest.fixture(scope="module")
def work() -> Iterator[Workspace]:
    space = Workspace()
    yield space
    shutil.rmtree(space.root, ignore_errors=True)


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity.rank >= Severity.MEDIUM.rank]


# Per test function: examples run, and examples where some loader reached the payload. A family
# whose generator builds nothing any loader runs would pass vacuously; the last test checks.
RAN: Counter[str] = Counter()
REACHED: Counter[str] = Counter()


def _current_test() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[-1].split(" ")[0]


def check(
    oracle: LoaderOracle,
    work: Workspace,
    name: str,
    data: bytes | Callable[[Path], bytes],
    loaders: tuple[str, ...],
    companions: dict[str, bytes] | None = None,
) -> list[OracleResult]:
    """Write the file, ask every loader, and hold the scanner to what they would reach.

    `data` may be a function of the example's folder (for payloads that name a path in it)."""
    folder = work.folder()
    path = folder / name
    path.write_bytes(data(folder) if callable(data) else data)
    for companion, content in (companions or {}).items():
        (folder / companion).parent.mkdir(parents=True, exist_ok=True)
        (folder / companion).write_bytes(content)
    results = [oracle.run(path, loader, watch=folder) for loader in loaders]
    assert not work.canary.exists(), "a payload ran under the oracle: the audit hook let it through"
    reached = [r for r in results if r.reached]
    RAN[_current_test()] += 1
    if reached:
        REACHED[_current_test()] += 1
        findings = findings_of(SPEC, path, name, Policy(root=folder))
        shown = "; ".join(f"{f.rule_id} {f.severity.value}: {f.message[:120]}" for f in findings) or "nothing"
        assert blocking(findings), f"{reached[0].describe()}, but mlsec-artifacts reports {shown}"
    return results


# --- strategies ----------------------------------------------------------------------------------
kinds = st.sampled_from(pb.PAYLOAD_KINDS)
styles = st.sampled_from(pb.STYLES)
protocols = st.integers(min_value=0, max_value=5)
PLAIN_NAMES = ["blob", "model.dat", "notes.txt", "data.json", "weights.raw"]


def names(*model_names: str) -> st.SearchStrategy[str]:
    return st.sampled_from([*model_names, *PLAIN_NAMES])


def payload_pickle(work: Workspace, kind: str, protocol: int, style: str) -> bytes:
    if protocol < 2 and style in ("stack_global", "memo"):
        style = "global"
    return work.payload(kind).pickle(protocol, style)


members = st.lists(
    st.tuples(st.sampled_from(["README", "model/config.json", "data/0", "weights.bin"]), st.binary(max_size=700)),
    max_size=3,
)
text_members = st.lists(
    st.tuples(st.sampled_from(["README", "model/config.json"]), st.text("abc {}:,\n", max_size=300).map(str.encode)),
    max_size=3,
)
tar_formats = st.sampled_from([tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])

RAW_LOADERS = ("pickle", "joblib", "pandas", "torch", "torch_weights_only_false")
CLEAN_STATE = b"\x80\x02}q\x00."


# --- family 1: another format's magic in front of a pickle ----------------------------------------
@needs("torch", "joblib", "pandas")
@given(
    kind=kinds,
    style=styles,
    version=st.integers(1, 3),
    next_byte=st.integers(0, 255),
    name=names("model.gguf", "model.pkl"),
)
@example(kind="system", style="global", version=3, next_byte=0, name="model.gguf")
@ORACLE
def test_gguf_magic_before_a_pickle(oracle, work, kind, style, version, next_byte, name) -> None:
    core = payload_pickle(work, kind, 2, style)
    check(oracle, work, name, pb.gguf_prefix(core, version, next_byte), RAW_LOADERS)


@needs("torch", "joblib", "pandas")
@given(
    kind=kinds,
    style=styles,
    first=st.integers(0, 255),
    length=st.integers(2, 6),
    filler=st.binary(max_size=4),
    name=names("model.safetensors", "weights.bin"),
)
@example(kind="system", style="global", first=1, length=5, filler=b"abc", name="weights.dat")
@ORACLE
def test_safetensors_header_before_a_pickle(oracle, work, kind, style, first, length, filler, name) -> None:
    core = payload_pickle(work, kind, 2, style)
    check(oracle, work, name, pb.safetensors_prefix(core, first, length, filler), RAW_LOADERS)


@needs("torch", "joblib", "pandas")
@given(kind=kinds, fmt=tar_formats, extra=members, name=names("model.tar", "model.pkl", "model.pt"))
@example(kind="system", fmt=tarfile.USTAR_FORMAT, extra=[], name="tar_model.pkl")
@ORACLE
def test_tar_name_field_is_a_pickle(oracle, work, kind, fmt, extra, name) -> None:
    data = pb.tar_with_pickle_name(work.payload(kind).text(), fmt, extra)
    check(oracle, work, name, data, RAW_LOADERS)


@needs("torch", "joblib", "pandas")
@given(
    kind=kinds,
    style=styles,
    protocol=protocols,
    fmt=tar_formats,
    extra=text_members,
    opcode=st.sampled_from([b"T", b"B"]),
    name=names("model.tar", "model.pkl", "model.pt"),
)
@example(kind="system", style="global", protocol=2, fmt=tarfile.USTAR_FORMAT, extra=[], opcode=b"T", name="model.tar")
@ORACLE
def test_tar_swallowed_by_a_string_then_payload(oracle, work, kind, style, protocol, fmt, extra, opcode, name) -> None:
    data = pb.tar_swallowing(payload_pickle(work, kind, protocol, style), fmt, extra, opcode)
    check(oracle, work, name, data, RAW_LOADERS)


@needs("torch", "joblib", "pandas")
@given(
    kind=kinds,
    style=styles,
    protocol=protocols,
    tail=st.sampled_from(["torch", "npz", "empty"]),
    gap=st.binary(max_size=16),
    name=names("model.pt", "model.pkl", "arrays.npz"),
)
@ORACLE
def test_pickle_with_a_zip_behind_it(oracle, work, kind, style, protocol, tail, gap, name) -> None:
    """A pickle at offset 0 (what pickle.load and torch's legacy path run), a zip at the end
    (what zip readers see): the polyglot of MLS106."""
    archive = {
        "torch": pb.zip_archive(pb.torch_zip_entries(CLEAN_STATE)),
        "npz": pb.zip_archive([pb.ZipEntry("arr_0.npy", pb.npy_header("'<f8'", (0,)))]),
        "empty": pb.zip_archive([]),
    }[tail]
    data = payload_pickle(work, kind, protocol, style) + gap + archive
    check(oracle, work, name, data, RAW_LOADERS)


@needs("torch", "joblib", "pandas")
@given(
    kind=kinds,
    style=styles,
    protocol=protocols,
    prefix=st.sampled_from(
        ["long_line", "long_string", "long_int", "long_put", "long_get", "none_pop", "none_pop_proto"]
    ),
    length=st.integers(65_530, 70_000),
    dotted=st.booleans(),
    name=names("model.pkl"),
)
@ORACLE
def test_text_in_front_of_a_pickle(oracle, work, kind, style, protocol, prefix, length, dotted, name) -> None:
    """What a file of text starts with, then a payload: a line longer than any cap of the scanner
    (`V` + 70 KiB, popped), or NONE/POP then a protocol header. A loader reads on, so must the
    scanner, even for a name that is not a model's. `dotted`: the global reached through another
    module (`random._os.system`), which a sniff may take for text."""
    if dotted:
        command = f"touch {work.canary}".encode()
        core = b"crandom\n_os.system\n(V" + command + b"\ntR."
    else:
        core = payload_pickle(work, kind, protocol, style)
    head = {
        "long_line": b"V" + b"a" * length + b"\n0",
        "long_string": b"S'" + b"a" * length + b"'\n0",
        "long_int": b"L" + b" " * length + b"1L\n0",  # strtol skips the blanks
        "long_put": b"Np" + b" " * length + b"0\n0",
        "long_get": b"Np0\n0g" + b" " * length + b"0\n0",
        "none_pop": b"N0",
        "none_pop_proto": b"N0\x80\x04",
    }[prefix]
    check(oracle, work, name, head + core, RAW_LOADERS)


# --- family 2: containers and codecs the loaders accept ----------------------------------------
LEGACY_ORDERS = [["sys_info", "pickle", "storages", "tensors"], ["storages", "tensors", "pickle", "sys_info"]]


@needs("torch")
@given(
    kind=kinds,
    style=styles,
    protocol=st.integers(2, 5),
    v7=st.booleans(),
    where=st.sampled_from(["storages", "tensors", "pickle"]),
    order=st.sampled_from(LEGACY_ORDERS),
    name=names("model.pt", "model.pth", "model.tar"),
)
@example(kind="system", style="global", protocol=2, v7=True, where="storages", order=LEGACY_ORDERS[0], name="blob")
@ORACLE
def test_torch_legacy_tar(oracle, work, kind, style, protocol, v7, where, order, name) -> None:
    files = {
        "sys_info": b"\x80\x02}q\x00.",
        "pickle": b"\x80\x02}q\x00.",
        "storages": pb.legacy_storages_pickle(),
        "tensors": pb.legacy_storages_pickle(),
    }
    files[where] = payload_pickle(work, kind, protocol, style)
    check(oracle, work, name, pb.torch_legacy_tar(files, v7, order), ("torch", "torch_weights_only_false"))


JOBLIB_CODECS = ["gzip", "bz2", "xz", "lzma", "zlib"]


@needs("joblib")
@pytest.mark.parametrize("codec", JOBLIB_CODECS)
@given(kind=kinds, style=styles, protocol=protocols, level=st.integers(1, 9), name=names("model.joblib", "model.pkl"))
@ORACLE
def test_joblib_codecs(oracle, work, codec, kind, style, protocol, level, name) -> None:
    data = pb.compress(payload_pickle(work, kind, protocol, style), codec, level)
    check(oracle, work, name, data, ("joblib",))


@needs("joblib", "lz4")
@given(
    kind=kinds,
    style=styles,
    protocol=protocols,
    level=st.integers(0, 12),
    name=names("model.joblib", "model.pkl", "model.lz4"),
)
@example(kind="system", style="global", protocol=4, level=0, name="model.joblib")
@ORACLE
def test_joblib_lz4(oracle, work, kind, style, protocol, level, name) -> None:
    data = pb.compress(payload_pickle(work, kind, protocol, style), "lz4", level)
    check(oracle, work, name, data, ("joblib",))


def pandas_file(extension: str, stem: str, pickle_bytes: bytes) -> bytes:
    inner = stem + ".pkl"
    if extension == ".zip":
        return pb.single_member_zip(inner, pickle_bytes)
    if extension.startswith(".tar"):
        tar = pb.single_member_tar(inner, pickle_bytes)
        codec = {".tar": None, ".tar.gz": "gzip", ".tar.bz2": "bz2", ".tar.xz": "xz"}[extension]
        return tar if codec is None else pb.compress(tar, codec)
    return pb.compress(pickle_bytes, {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}[extension])


PANDAS_CAUGHT = [".gz", ".bz2", ".xz", ".zip", ".tar", ".tar.gz", ".tar.bz2", ".tar.xz", ".zst"]
PANDAS_MISSED: list[str] = []


@needs("pandas", "zstandard")
@pytest.mark.parametrize(
    "extension",
    PANDAS_CAUGHT
    + [pytest.param(e, marks=misses(f"2 pandas read_pickle compression inferred from {e}")) for e in PANDAS_MISSED],
)
@given(kind=kinds, style=styles, protocol=protocols, stem=st.sampled_from(["frame", "df", "data.pkl", "x"]))
@example(kind="system", style="global", protocol=4, stem="frame")
@ORACLE
def test_pandas_compression_from_extension(oracle, work, extension, kind, style, protocol, stem) -> None:
    if extension == ".zst":  # zstandard's reader has no readline: pandas reads only text-free opcodes
        style, protocol = "stack_global", max(protocol, 4)
    data = pandas_file(extension, stem, payload_pickle(work, kind, protocol, style))
    check(oracle, work, stem + extension, data, ("pandas",))


INT_SPELLINGS = ["0x7b", "0o17", "0b101", "1_000", " 12", "+5", "-0x1", "0X1F", "00", "01", "12 "]


@given(
    kind=kinds,
    spelling=st.sampled_from(INT_SPELLINGS),
    opcode=st.sampled_from(["I", "L"]),
    name=names("model.pkl"),
)
@example(kind="system", spelling="0x7b", opcode="I", name="notes.txt")
@ORACLE
def test_protocol0_integer_spellings(oracle, work, kind, spelling, opcode, name) -> None:
    prefix = f"{opcode}{spelling}{'L' if opcode == 'L' else ''}\n0".encode()
    check(oracle, work, name, prefix + work.payload(kind).text(), ("pickle", "joblib"))


@given(
    kind=kinds,
    style=styles,
    first=st.sampled_from([b"", b"\x80\x02", b"\x80\x04", b"(V1\nt"]),
    lead=st.sampled_from([b"N0", b"K\x010", b"\x8c\x01a0", b")0"]),
    protocol=st.integers(2, 5),
    name=names("model.pkl", "model.pt"),
)
@example(kind="system", style="global", first=b"", lead=b"N0", protocol=2, name="blob")
@ORACLE
def test_protocol_header_mid_stream(oracle, work, kind, style, first, lead, protocol, name) -> None:
    data = first + lead + bytes([0x80, protocol]) + work.payload(kind).body(style, protocol) + b"."
    check(oracle, work, name, data, ("pickle", "joblib"))


# --- family 3: dtypes by numpy's grammar -----------------------------------------------------------
scalar_dtypes = st.sampled_from(["'<i4'", "'<f8'", "'|u1'", "'|b1'", "'<U3'", "'|S2'", "'<M8[s]'"])
object_dtypes = st.sampled_from(["'O'", "'|O'", "'=O'", "'object'", "'O8'", "'|O8'", "'(2,)O'", "'(1,2)O'"])


@st.composite
def object_descr(draw: st.DrawFn) -> str:
    """A .npy descr that holds objects somewhere: plain, structured, subarray or nested."""
    shape = draw(st.sampled_from(["", ", (2,)", ", (1, 2)"]))
    top = draw(st.sampled_from(["plain", "fields", "nested"]))
    if top == "plain":
        return draw(object_dtypes)
    fields = [
        f"('{n}', {draw(scalar_dtypes)})" for n in draw(st.lists(st.sampled_from("abcd"), unique=True, max_size=2))
    ]
    obj = f"('o', {draw(object_dtypes)}{shape})" if top == "fields" else f"('n', [('p', {draw(object_dtypes)})])"
    fields.insert(draw(st.integers(0, len(fields))), obj)
    return "[" + ", ".join(fields) + "]"


@needs("numpy")
@given(
    kind=kinds,
    style=styles,
    protocol=protocols,
    descr=object_descr(),
    version=st.integers(1, 3),
    shape=st.sampled_from([(), (1,), (2, 1)]),
    name=names("array.npy"),
)
@example(kind="system", style="global", protocol=3, descr="'(2,)O'", version=1, shape=(1,), name="array.npy")
@ORACLE
def test_npy_object_dtypes(oracle, work, kind, style, protocol, descr, version, shape, name) -> None:
    data = pb.npy_object_file(descr, shape, payload_pickle(work, kind, protocol, style), version)
    check(oracle, work, name, data, ("numpy",))


@needs("numpy")
@given(kind=kinds, style=styles, descr=object_descr(), member=st.sampled_from(["arr_0.npy", "w.npy", "dir/x.npy"]))
@example(kind="system", style="global", descr="[('a', '<i4'), ('o', 'O')]", member="arr_0.npy")
@ORACLE
def test_npz_object_dtypes(oracle, work, kind, style, descr, member) -> None:
    npy = pb.npy_object_file(descr, (1,), payload_pickle(work, kind, 3, style))
    data = pb.zip_archive([pb.ZipEntry("keep.npy", pb.npy_header("'<f8'", (0,))), pb.ZipEntry(member, npy)])
    check(oracle, work, "arrays.npz", data, ("numpy",))


def joblib_wrapper_file(descr: str, payload_pickle: bytes) -> bytes:
    """What joblib.dump writes for an array: a NumpyArrayWrapper, then (dtype with objects) a pickle
    of the array right after its BUILD opcode, then the rest of the outer pickle."""
    import pickle

    import numpy
    from joblib.numpy_pickle import NumpyArrayWrapper

    dtype = numpy.dtype(eval(descr))
    wrapper = NumpyArrayWrapper(numpy.ndarray, (1,), "C", dtype)
    outer = pickle.dumps(wrapper, protocol=2)
    assert outer.endswith(b"b.")
    return outer[:-1] + payload_pickle + b"."


@needs("numpy", "joblib")
@given(kind=kinds, style=styles, protocol=protocols, descr=object_descr(), name=names("model.joblib", "model.pkl"))
@example(kind="system", style="global", protocol=4, descr="[('a', '<i4'), ('o', 'O')]", name="model.joblib")
@ORACLE
def test_joblib_wrapper_object_dtypes(oracle, work, kind, style, protocol, descr, name) -> None:
    data = joblib_wrapper_file(descr, payload_pickle(work, kind, protocol, style))
    check(oracle, work, name, data, ("joblib",))


# --- family 4: zip readers that disagree ------------------------------------------------------------
TORCH_ZIP_TRICKS = ["decoy_end_record", "missing_comment", "upper_case_pickle", "local_name", "duplicate_name"]
TORCH_ZIP_MISSED: set[str] = set()


def zip_with_trick(trick: str, entries: list[pb.ZipEntry], decoy: pb.ZipEntry) -> bytes:
    """`entries[0]` holds the payload; `decoy` is a clean member some readers take instead."""
    if trick == "count_short":  # the end record counts only the decoy; zipfile reads the whole directory
        return pb.zip_archive([decoy, *entries], count_override=1)
    if trick == "decoy_end_record":
        return pb.zip_archive(entries, extra_eocd=True)
    if trick == "missing_comment":
        return pb.zip_archive(entries, declared_comment=20)
    if trick == "local_name":
        entries[0].local_name = entries[0].name[:-1] + "_"
        return pb.zip_archive(entries)
    if trick == "duplicate_name":
        return pb.zip_archive([pb.ZipEntry(entries[0].name, decoy.data), *entries])
    raise ValueError(trick)


@needs("torch")
@pytest.mark.parametrize(
    "trick",
    [
        pytest.param(t, marks=misses(f"4 torch zip reader: {t}")) if t in TORCH_ZIP_MISSED else t
        for t in TORCH_ZIP_TRICKS
    ],
)
@given(
    kind=kinds,
    style=styles,
    protocol=st.integers(2, 5),
    archive=st.sampled_from(["archive", "model", "a"]),
    pickle_name=st.sampled_from(["data.pkl", "DATA.PKL", "Data.pkl"]),
    name=names("model.pt", "model.bin"),
)
@example(kind="system", style="global", protocol=2, archive="archive", pickle_name="DATA.PKL", name="model.pt")
@ORACLE
def test_torch_zip_reader_disagreements(oracle, work, trick, kind, style, protocol, archive, pickle_name, name) -> None:
    payload = pb.wrap_in_dict(work.payload(kind), protocol, style)
    if trick == "upper_case_pickle" and pickle_name == "data.pkl":
        pickle_name = "DATA.PKL"
    entries = pb.torch_zip_entries(payload, archive, pickle_name)
    decoy = pb.ZipEntry(f"{archive}/sub/data.pkl", CLEAN_STATE)
    data = zip_with_trick(trick, entries, decoy) if trick != "upper_case_pickle" else pb.zip_archive([*entries, decoy])
    check(oracle, work, name, data, ("torch", "torch_weights_only_false"))


# zipfile (numpy's reader) rejects a local/central name mismatch and a decoy end record: no
# loader runs those, so only the tricks zipfile accepts are here.
NPZ_ZIP_TRICKS = ["count_short", "missing_comment", "duplicate_name"]
NPZ_ZIP_MISSED: set[str] = set()


@needs("numpy")
@pytest.mark.parametrize(
    "trick",
    [pytest.param(t, marks=misses(f"4 npz zip reader: {t}")) if t in NPZ_ZIP_MISSED else t for t in NPZ_ZIP_TRICKS],
)
@given(kind=kinds, style=styles, protocol=protocols, member=st.sampled_from(["arr_0.npy", "w.npy", "dir/x.npy"]))
@example(kind="system", style="global", protocol=3, member="arr_0.npy")
@ORACLE
def test_npz_zip_reader_disagreements(oracle, work, trick, kind, style, protocol, member) -> None:
    npy = pb.npy_object_file("'|O'", (1,), payload_pickle(work, kind, protocol, style))
    decoy = pb.ZipEntry("keep.npy", pb.npy_header("'<f8'", (0,)))
    data = zip_with_trick(trick, [pb.ZipEntry(member, npy)], decoy)
    check(oracle, work, "arrays.npz", data, ("numpy",))


# --- family 5: code that is not pickle inside an allowed container ----------------------------------
TORCHSCRIPT_MODULE = """
import sys
import torch


class Model(torch.nn.Module):
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


torch.jit.script(Model(sys.argv[2])).save(sys.argv[1])
"""


@pytest.fixture(scope="module")
def torchscript_archive(work: Workspace) -> tuple[bytes, Path]:
    """A scripted module whose __setstate__ maps (creates) a file: built once, in a subprocess."""
    if missing_package_name("torch"):
        pytest.skip("test-only dependency not installed: torch")
    folder = work.folder()
    script = folder / "build_ts.py"
    script.write_text(TORCHSCRIPT_MODULE)
    built, target = folder / "built.pt", work.root / "ts_target"
    subprocess.run([sys.executable, str(script), str(built), str(target)], check=True, capture_output=True, timeout=300)
    return built.read_bytes(), target


@needs("torch")
@pytest.mark.parametrize("name", ["model.pt", "scripted.bin"])
def test_torchscript_setstate_writes_a_file(oracle, work, torchscript_archive, name) -> None:
    data, target = torchscript_archive
    folder = work.folder()
    path = folder / name
    path.write_bytes(data)
    results = []
    for loader in ("torch_jit", "torch_weights_only_false"):
        target.unlink(missing_ok=True)
        results.append(oracle.run(path, loader, watch=work.root))
    target.unlink(missing_ok=True)
    assert all(r.reached for r in results), [r.describe() for r in results]
    findings = findings_of(SPEC, path, name, Policy(root=folder))
    assert blocking(findings), f"{results[0].describe()}, but mlsec-artifacts reports {findings}"


# --- family 6: allowlisted classes with load-time side effects -------------------------------------
@needs("pandas", "openpyxl")
@given(
    module=st.sampled_from(["pandas", "pandas.io.excel._base"]),
    target=st.sampled_from(["out.xlsx", "sub.xlsx"]),
    protocol=protocols,
    name=names("frame.pkl"),
)
@example(module="pandas", target="out.xlsx", protocol=2, name="frame.pkl")
@ORACLE
def test_pandas_excelwriter_creates_a_file(oracle, work, module, target, protocol, name) -> None:
    head = b"\x80" + bytes([protocol]) if protocol >= 2 else b""

    def excel_writer(folder: Path) -> bytes:
        return head + b"c" + module.encode() + b"\nExcelWriter\n(V" + str(folder / target).encode() + b"\ntR."

    results = check(oracle, work, name, excel_writer, ("pickle", "pandas"))
    assert any(r.reached for r in results), [r.describe() for r in results]


def ndarray_wrapper_pickle(companion: str) -> bytes:
    """joblib < 0.10's NDArrayWrapper: on load joblib runs np.load(companion, allow_pickle=True)."""
    state = (
        b"}(" + pb._unicode("filename") + pb._unicode(companion)
        + pb._unicode("subclass") + b"cnumpy\nndarray\n"
        + pb._unicode("allow_mmap") + b"\x89u"
    )  # fmt: skip
    return b"\x80\x02cjoblib.numpy_pickle_compat\nNDArrayWrapper\n)\x81" + state + b"b."


@needs("joblib", "numpy")
@given(
    kind=kinds,
    style=styles,
    companion=st.sampled_from(["model.pkl_01.npy", "w.npy", "sub/x.npy"]),
    name=names("model.pkl", "model.joblib"),
)
@example(kind="system", style="global", companion="model.pkl_01.npy", name="model.pkl")
@ORACLE
def test_joblib_ndarraywrapper_companion(oracle, work, kind, style, companion, name) -> None:
    npy = pb.npy_object_file("'|O'", (1,), payload_pickle(work, kind, 3, style))
    results = check(oracle, work, name, ndarray_wrapper_pickle(companion), ("joblib",), {companion: npy})
    assert any(r.reached for r in results), [r.describe() for r in results]


# --- family 7: a joblib array whose dtype state declares another element size -------------------
# numpy's `dtype.__setstate__` applies the state's `elsize` to flexible kinds (bytes, text, void)
# only; joblib reads `count * itemsize` bytes as numpy computes it and unpickles what follows. The
# payload sits right after numpy's bytes, with filler up to the size the state declares.
JOBLIB_DTYPES = ["i1", "u2", "f4", "f8", "b1", "c8", "S4", "V8", "U2"]
# numpy's own layout (8 items), the one without flags (7) and the oldest (5): where elsize sits.
STATE_LAYOUTS = {8: 5, 7: 5, 5: 3}


def _dtype_state(elsize: int, layout: int) -> bytes:
    if layout == 5:  # (endian, subarray, fields, elsize, alignment)
        return asm.text("|") + b"NN" + asm.binint(elsize) + asm.binint(1)
    head = b"K\x03" + asm.text("|") + b"NNN" + asm.binint(elsize) + asm.binint(1)
    return head + (asm.binint(0) if layout == 8 else b"")


def _numpy_itemsize(typestr: str, elsize: int, layout: int) -> int:
    import numpy as np  # test side only: the scanner computes this without numpy

    full: tuple[object, ...] = (3, "|", None, None, None, elsize, 1, 0)
    state = ("|", None, None, elsize, 1) if layout == 5 else full[:layout]
    dtype = np.dtype(typestr, False, True)
    dtype.__setstate__(state)
    return int(dtype.itemsize)


@needs("joblib", "numpy")
@given(
    kind=kinds,
    style=st.sampled_from(["global", "stack_global", "memo"]),
    typestr=st.sampled_from(JOBLIB_DTYPES),
    declared=st.integers(1, 64),
    layout=st.sampled_from(sorted(STATE_LAYOUTS)),
    count=st.integers(1, 8),
    name=names("model.joblib", "model.pkl"),
)
@example(kind="system", style="global", typestr="i1", declared=64, layout=8, count=8, name="model.joblib")
@ORACLE
def test_joblib_array_dtype_state_declaring_another_size(
    oracle, work, kind, style, typestr, declared, layout, count, name
) -> None:
    real = _numpy_itemsize(typestr, declared, layout) * count
    hidden = work.payload(kind).body(style, 4) + b"0"  # the call, then POP: the array stays on top
    filler = b"N0" * max(0, (declared * count - real - len(hidden)) // 2 + 1)
    data = joblib_with_array(
        b"\x00" * real, hidden + filler, typestr=typestr, count=count, dtype_state=_dtype_state(declared, layout)
    )
    check(oracle, work, name, data, ("joblib",))


# --- the classics, in every container: expected to pass today ------------------------------------
CONTAINERS = ["raw", "torch_zip", "joblib_gzip", "npy", "second_stream", "broken_after"]


def in_container(
    container: str, work: Workspace, kind: str, protocol: int, style: str
) -> tuple[str, bytes, tuple[str, ...]]:
    payload = payload_pickle(work, kind, protocol, style)
    if container == "raw":
        return "model.pkl", payload, ("pickle", "joblib", "pandas")
    if container == "torch_zip":
        return (
            "model.pt",
            pb.zip_archive(pb.torch_zip_entries(pb.wrap_in_dict(work.payload(kind), protocol, style))),
            ("torch", "torch_weights_only_false"),
        )
    if container == "joblib_gzip":
        return "model.joblib", pb.compress(payload, "gzip"), ("joblib",)
    if container == "npy":
        return "array.npy", pb.npy_object_file("'|O'", (1,), payload), ("numpy",)
    if container == "second_stream":
        return "model.pkl", b"\x80\x04N." + payload, ("pickle_all",)
    if container == "broken_after":  # nullifAI: the payload runs, then the stream breaks
        return "model.pkl", payload[:-1] + b"\xff\xfe garbage", ("pickle", "joblib")
    raise ValueError(container)


@needs("torch", "joblib", "numpy", "pandas")
@pytest.mark.parametrize("container", CONTAINERS)
@given(kind=kinds, style=styles, protocol=protocols)
@ORACLE
def test_classic_payloads_in_every_container(oracle, work, container, kind, style, protocol) -> None:
    name, data, loaders = in_container(container, work, kind, protocol, style)
    results = check(oracle, work, name, data, loaders)
    assert any(r.reached for r in results), [r.describe() for r in results]


# --- the oracle itself -------------------------------------------------------------------------------
def test_oracle_reports_a_clean_load_and_the_first_refused_global(oracle, work) -> None:
    folder = work.folder()
    clean = folder / "clean.pkl"
    clean.write_bytes(b"\x80\x02ccollections\nOrderedDict\n)R.")
    assert oracle.run(clean, "pickle").status == "clean"
    hostile = folder / "hostile.pkl"
    hostile.write_bytes(work.payload("canary").pickle(2) + b"\x80\x02cposix\nsystem\n.")
    result = oracle.run(hostile, "pickle", watch=folder)
    assert (result.status, result.global_) == ("refused", ("tests.artifacts.canary", "touch"))
    assert not work.canary.exists()


def test_oracle_refuses_a_global_before_it_runs(oracle, work) -> None:
    folder = work.folder()
    path = folder / "w.pkl"
    path.write_bytes(b"\x80\x02cbuiltins\nopen\n(V" + str(folder / "x").encode() + b"\nVw\ntR.")
    assert oracle.run(path, "pickle", watch=folder).global_ == ("builtins", "open")
    assert not (folder / "x").exists()


@needs("pandas", "openpyxl")
def test_oracle_refuses_a_class_that_writes(oracle, work) -> None:
    """pandas.ExcelWriter opens its path for writing when constructed: the scanner's policy refuses
    it (a side-effect class), so the oracle stops it at find_class; were it allowed, the runner's
    write watch would stop it at the open (status "sink")."""
    folder = work.folder()
    path = folder / "frame.pkl"
    path.write_bytes(b"\x80\x02cpandas\nExcelWriter\n(V" + str(folder / "out.xlsx").encode() + b"\ntR.")
    result = oracle.run(path, "pickle", watch=folder)
    assert (result.status, result.global_) == ("refused", ("pandas", "ExcelWriter"))
    assert not (folder / "out.xlsx").exists()


@needs("torch")
def test_oracle_hooks_torch_weights_only_unpickler(oracle, work) -> None:
    folder = work.folder()
    path = folder / "m.pt"
    path.write_bytes(pb.zip_archive(pb.torch_zip_entries(pb.wrap_in_dict(work.payload("canary"), 2, "global"))))
    result = oracle.run(path, "torch", watch=folder)
    assert (result.status, result.global_, result.detail) == (
        "refused",
        ("tests.artifacts.canary", "touch"),
        "torch weights_only GLOBAL",
    )


def test_missing_loader_is_reported_not_run(work, monkeypatch) -> None:
    from tests.artifacts import oracle as module

    monkeypatch.setattr(module, "missing_package", lambda loader: "not here")
    assert module.LoaderOracle().run(work.root / "none", "torch").status == "unavailable"
    monkeypatch.undo()
    assert missing_package("pickle") is None


FAMILY_TESTS = sorted(
    name
    for name, value in list(globals().items())
    if name.startswith("test_")
    and callable(value)
    and "oracle" not in name
    and "missing_loader" not in name
    and "torchscript" not in name
)


def test_every_family_builds_files_a_loader_runs() -> None:
    """Runs last in this module: a family test that ran but never reached a payload proves nothing."""
    ran = sorted(test for test in RAN if test.split("[")[0] in FAMILY_TESTS)
    if not ran:
        pytest.skip("no family test ran in this session")
    print({test: f"{REACHED[test]}/{RAN[test]}" for test in ran})
    assert [test for test in ran if not REACHED[test]] == []
